"""The key slots of an encrypted database: each way in opens only with its own secret, a slot
cannot be moved to another name, and a damaged key file is refused clearly."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from liaison.data import keyslots
from liaison.data.keyslots import KeyFile, KeyFileDamaged, WrongKey
from liaison.services.accounts import hash_password

DB_KEY = bytes(range(32))


@pytest.fixture(scope="module")
def keys() -> tuple[KeyFile, str]:
    secret, shown = keyslots.new_recovery_key()
    made = (
        KeyFile(())
        .with_account(DB_KEY, "admin", hash_password("Guanyinqiao-2026"))
        .with_account(DB_KEY, "c0001", hash_password("Jiangbei#77"))
        .with_recovery(DB_KEY, secret)
    )
    return made, shown


def test_each_account_opens_with_its_own_password(keys: tuple[KeyFile, str]) -> None:
    made, _ = keys
    assert made.unlock("admin", "Guanyinqiao-2026") == DB_KEY
    assert made.unlock("c0001", "Jiangbei#77") == DB_KEY
    assert made.names() == ["admin", "c0001"]


@pytest.mark.parametrize(
    ("user", "password"),
    [("admin", "Jiangbei#77"), ("admin", "guanyinqiao-2026"), ("nobody", "Guanyinqiao-2026")],
)
def test_a_wrong_password_or_name_opens_nothing(
    keys: tuple[KeyFile, str], user: str, password: str
) -> None:
    made, _ = keys
    with pytest.raises(WrongKey, match="用户名或密码不正确"):
        made.unlock(user, password)


def test_the_recovery_key_opens_however_it_is_typed(keys: tuple[KeyFile, str]) -> None:
    made, shown = keys
    assert len(shown) == 39 and shown.count("-") == 7
    assert made.recover(shown) == DB_KEY
    assert made.recover(shown.lower().replace("-", " ")) == DB_KEY
    other, _ = keyslots.new_recovery_key()
    with pytest.raises(WrongKey, match="不是这个数据库的恢复密钥"):
        KeyFile(()).with_recovery(DB_KEY, other).recover(shown)
    with pytest.raises(WrongKey, match="32 个字母和数字"):
        made.recover(shown[:-2])


def test_a_new_recovery_key_retires_the_old_one(keys: tuple[KeyFile, str]) -> None:
    made, shown = keys
    secret, new_shown = keyslots.new_recovery_key()
    renewed = made.with_recovery(DB_KEY, secret)
    assert renewed.recover(new_shown) == DB_KEY
    with pytest.raises(WrongKey):
        renewed.recover(shown)


def test_a_slot_renamed_to_another_account_does_not_open(keys: tuple[KeyFile, str]) -> None:
    made, _ = keys
    c0001 = next(s for s in made.slots if s.name == "c0001")
    forged = KeyFile((keyslots.Slot("account", "admin", c0001.nonce, c0001.sealed, c0001.scrypt),))
    with pytest.raises(WrongKey):
        forged.unlock("admin", "Jiangbei#77")


def test_a_changed_password_replaces_the_slot_and_a_removed_account_has_none(
    keys: tuple[KeyFile, str],
) -> None:
    made, _ = keys
    changed = made.with_account(DB_KEY, "c0001", hash_password("Cuntan-2027!"))
    assert changed.unlock("c0001", "Cuntan-2027!") == DB_KEY
    with pytest.raises(WrongKey):
        changed.unlock("c0001", "Jiangbei#77")
    with pytest.raises(WrongKey):
        changed.without_account("c0001").unlock("c0001", "Cuntan-2027!")


def test_the_file_round_trips_owner_only_and_holds_no_key(
    keys: tuple[KeyFile, str], tmp_path: Path
) -> None:
    made, shown = keys
    path = keyslots.keys_path(tmp_path / "liaison.sqlite")
    assert path.name == "liaison.sqlite.keys"
    keyslots.write(path, made)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert DB_KEY not in raw and DB_KEY.hex().encode() not in raw
    again = keyslots.read(path)
    assert again.unlock("admin", "Guanyinqiao-2026") == DB_KEY and again.recover(shown) == DB_KEY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liaison.sqlite.keys"]  # no temp left


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "已损坏"),
        (b"\x89PNG", "已损坏"),
        (b'{"format": "other/1", "slots": []}', "格式不对"),
        (b'{"format": "liaison-keys/1", "slots": [{"kind": "account"}]}', "已损坏"),
        (
            b'{"format": "liaison-keys/1", "slots": [{"kind": "x", "name": "", "nonce": "00", '
            b'"sealed": "00"}]}',
            "未知的密钥槽",
        ),
        (
            b'{"format": "liaison-keys/1", "slots": [{"kind": "account", "name": "a", '
            b'"nonce": "zz", "sealed": "00"}]}',
            "已损坏",
        ),
    ],
)
def test_a_damaged_key_file_is_refused_in_one_line(
    content: bytes, needle: str, tmp_path: Path
) -> None:
    path = tmp_path / "x.sqlite.keys"
    path.write_bytes(content)
    with pytest.raises(KeyFileDamaged, match=needle) as caught:
        keyslots.read(path)
    assert "\n" not in str(caught.value)


def test_a_flipped_byte_in_a_sealed_key_opens_nothing(
    keys: tuple[KeyFile, str], tmp_path: Path
) -> None:
    made, _ = keys
    path = tmp_path / "x.keys"
    keyslots.write(path, made)
    body = json.loads(path.read_bytes())
    sealed = bytearray.fromhex(body["slots"][0]["sealed"])
    sealed[5] ^= 0x01
    body["slots"][0]["sealed"] = sealed.hex()
    path.write_text(json.dumps(body))
    with pytest.raises(WrongKey):
        keyslots.read(path).unlock(body["slots"][0]["name"], "Guanyinqiao-2026")


def test_a_missing_key_file_says_the_database_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(KeyFileDamaged, match="没有它无法打开加密的数据库"):
        keyslots.read(tmp_path / "gone.sqlite.keys")
