"""The database encrypted at rest, through the command line as an administrator meets it:
`init --admin` encrypts and shows the recovery key once; every command then needs a password
or the recovery key; the database, its WAL, a backup and a bundle show nothing to a thief."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison import cli
from liaison.data import driver, keyslots
from liaison.services import accounts, enterprises
from liaison.sync.log import database
from tests.conftest import VALID_USCC

PASSWORD = "Guanyinqiao-2026"
PHONE = "13983217766"
NAME = "重庆江北嘉陵机械有限公司"
STATS = ["stats", "--from", "2026-01-01", "--to", "2026-03-31"]


@pytest.fixture
def district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, Path, str]]:
    monkeypatch.delenv("LIAISON_PASSWORD", raising=False)
    db, pw = tmp_path / "hub.sqlite", tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    assert cli.main(["--db", str(db), "init", "--admin", "admin", "--password-file", str(pw)]) == 0
    out = capsys.readouterr().out
    shown = re.search(r"([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})", out)
    assert shown is not None and "只显示这一次" in out
    driver.forget(db)  # as a new command would start
    yield db, pw, shown.group(1)
    driver.forget(db)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_new_district_is_encrypted_and_its_files_are_owner_only(
    district: tuple[Path, Path, str],
) -> None:
    db, _pw, _recovery = district
    assert driver.is_encrypted(db)
    keys = keyslots.keys_path(db)
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert keyslots.read(keys).names() == ["admin"] and keyslots.read(keys).has_recovery()


def test_every_command_asks_for_a_password_or_the_recovery_key(
    district: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, pw, recovery = district
    code, text = _run(["--db", str(db), *STATS], capsys)
    assert code == 2 and "已加密" in text and len(text.strip().splitlines()) == 1
    code, text = _run(
        ["--db", str(db), "--user", "admin", "--password-file", str(pw), *STATS], capsys
    )
    assert code == 0 and "走访覆盖率" in text
    driver.forget(db)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("guess\n", encoding="utf-8")
    code, text = _run(
        ["--db", str(db), "--user", "admin", "--password-file", str(wrong), *STATS], capsys
    )
    assert code == 1 and "用户名或密码不正确" in text
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery.lower() + "\n", encoding="utf-8")
    code, text = _run(["--db", str(db), "--recovery-key-file", str(key_file), *STATS], capsys)
    assert code == 0
    driver.forget(db)
    key_file.write_text("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n", encoding="utf-8")
    code, text = _run(["--db", str(db), "--recovery-key-file", str(key_file), *STATS], capsys)
    assert code == 1 and "恢复密钥不正确" in text


def test_a_thief_with_the_files_reads_no_name_phone_or_password_hash(
    district: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, pw, _recovery = district
    unlock = ["--db", str(db), "--user", "admin", "--password-file", str(pw)]
    assert cli.main([*unlock, "digest"]) == 0
    opened = database(db)
    admin = accounts.sign_in(opened, "admin", PASSWORD)
    enterprises.register_enterprise(
        opened, admin, enterprises.EnterpriseInput(name=NAME, uscc=VALID_USCC, phone=PHONE)
    )
    conn = driver.connect(db)
    (hash_,) = conn.execute("SELECT password_hash FROM account").fetchone()
    conn.close()
    wal = db.with_name(db.name + "-wal").read_bytes()  # while it is open: the newest pages
    backup = tmp_path / "copy.sqlite"
    assert cli.main([*unlock, "backup", "--to", str(backup)]) == 0
    opened.dispose()
    capsys.readouterr()
    assert driver.is_encrypted(backup) and keyslots.keys_path(backup).exists()
    secrets_ = [NAME.encode(), PHONE.encode(), hash_.encode(), hash_.split("$")[-1].encode()]
    for label, raw in (
        ("database", db.read_bytes()),
        ("WAL", wal),
        ("backup", backup.read_bytes()),
        ("key file", keyslots.keys_path(db).read_bytes()),
    ):
        for secret in secrets_:
            assert secret not in raw, f"{secret!r} readable in the {label}"
    assert len(wal) > 0
    # the backup opens with the database's own key, and holds the enterprise
    driver.forget(backup)
    conn = driver.connect(backup)
    with pytest.raises(driver.DatabaseError):
        conn.execute("SELECT count(*) FROM enterprise").fetchone()
    conn.close()
    driver.unlock(backup, driver.key_of(db) or b"")
    conn = driver.connect(backup)
    assert conn.execute("SELECT name FROM enterprise").fetchone() == (NAME,)
    conn.close()
    driver.forget(backup)


def test_an_administrator_replaces_a_lost_recovery_key(
    district: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, pw, old = district
    unlock = ["--db", str(db), "--user", "admin", "--password-file", str(pw)]
    code, text = _run([*unlock, "encrypt", "--new-recovery-key"], capsys)
    assert code == 0 and "旧的从此打不开数据库" in text
    shown = re.search(r"([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})", text)
    assert shown is not None and shown.group(1) != old
    driver.forget(db)
    key_file = tmp_path / "old.txt"
    key_file.write_text(old, encoding="utf-8")
    code, text = _run(["--db", str(db), "--recovery-key-file", str(key_file), "digest"], capsys)
    assert code == 1 and "恢复密钥不正确" in text
    key_file.write_text(shown.group(1), encoding="utf-8")
    assert _run(["--db", str(db), "--recovery-key-file", str(key_file), "digest"], capsys)[0] == 0
