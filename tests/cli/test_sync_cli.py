"""`liaison bundle`, `liaison device` and `liaison digest` end to end, on real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liaison import cli
from liaison.data import driver
from liaison.data.db import Database
from tests.conftest import Cast, log_demands
from tests.sync.conftest import new_installation, rename_this_device

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: Capsys, *argv: str | Path) -> str:
    """The command fails with status 1 and one line on stderr; returns that line."""
    code, out, err = run(capsys, *argv)
    assert code == 1, (out, err)
    assert err.startswith("liaison: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def show(capsys: Capsys, db: Path) -> dict[str, str]:
    code, out, _ = run(capsys, "device", "show", "--db", db)
    assert code == 0
    fields = dict(line.split(" ", 1) for line in out.strip().splitlines())
    assert set(fields) == {"设备编号", "名称", "指纹", "类别"}
    return fields


def digest(capsys: Capsys, db: Path) -> str:
    code, out, _ = run(capsys, "digest", "--db", db)
    assert code == 0
    value = out.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", value)
    return value


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every account of the cast has this password; scripts pass it this way."""
    monkeypatch.setenv("LIAISON_PASSWORD", "password-123")


ADMIN = ("--user", "admin")


@pytest.fixture
def hub(db: Database, db_path: Path, cast: Cast) -> Path:
    log_demands(db, cast, "贷款贴息申请", "厂房租金补贴")
    rename_this_device(db, cast.admin, "区联络办")
    return db_path


@pytest.fixture
def laptop(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "laptop.sqlite"
    new_installation(template_db, path, "观音桥街道 laptop 3")
    return path


def test_device_show_prints_this_installations_identity(capsys: Capsys, hub: Path) -> None:
    me = show(capsys, hub)
    assert me["名称"] == "区联络办" and me["类别"] == "本机"
    assert re.fullmatch(r"([0-9A-F]{4}-){9}[0-9A-F]{4}", me["指纹"])
    code, out, _ = run(capsys, "device", "list", "--db", hub)
    assert code == 0
    [line] = out.strip().splitlines()
    assert line.startswith("本机\t区联络办\t" + me["指纹"])


def _request(capsys: Capsys, laptop: Path, tmp_path: Path) -> Path:
    request = tmp_path / "laptop-request.lsb"
    code, out, _ = run(capsys, "device", "request", "--to", request, "--db", laptop)
    assert code == 0 and "登记申请" in out and show(capsys, laptop)["指纹"] in out
    return request


def test_a_laptop_is_enrolled_at_the_hub_then_joins_and_converges(
    capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path
) -> None:
    hub_id, lap_id = show(capsys, hub), show(capsys, laptop)
    request = _request(capsys, laptop, tmp_path)

    # enrolling is an administrator's act: without --user, or as the cadre, it is refused
    code, _out, err = run(
        capsys,
        "device",
        "enrol",
        lap_id["指纹"],
        "--bundle",
        request,
        "--as",
        "field",
        "--accounts",
        "cadre",
        "--db",
        hub,
    )
    assert code == 2 and "--user" in err and err.count("\n") == 1
    line = refused(
        capsys,
        "device",
        "enrol",
        lap_id["指纹"],
        "--bundle",
        request,
        "--as",
        "field",
        "--accounts",
        "cadre",
        "--user",
        "cadre",
        "--db",
        hub,
    )
    assert "管理员" in line
    # a fingerprint read out wrong is refused
    wrong = "0000-" + lap_id["指纹"][5:]
    line = refused(
        capsys,
        "device",
        "enrol",
        wrong,
        "--bundle",
        request,
        "--as",
        "field",
        "--accounts",
        "cadre",
        *ADMIN,
        "--db",
        hub,
    )
    assert "指纹不符" in line
    code, out, _ = run(
        capsys,
        "device",
        "enrol",
        lap_id["指纹"],
        "--bundle",
        request,
        "--as",
        "field",
        "--accounts",
        "cadre,finance",
        *ADMIN,
        "--db",
        hub,
    )
    assert code == 0 and out.strip() == (
        f"已登记设备“观音桥街道 laptop 3”（{lap_id['指纹']}）为外勤设备，可登录账号 2 个"
    )

    out_file = tmp_path / "hub.lsb"
    code, out, _ = run(
        capsys, "bundle", "export", "--to", out_file, "--for", lap_id["设备编号"], "--db", hub
    )
    assert code == 0 and out.startswith(f"已导出 {out_file}：对方尚缺的变更")

    # a plain import on a laptop that belongs nowhere yet: told to join
    line = refused(capsys, "bundle", "import", out_file, "--db", laptop)
    assert "尚未加入区县" in line and "liaison join" in line
    # joining with a fingerprint read out wrong is refused, with nothing written
    before = digest(capsys, laptop)
    wrong = "0000-" + hub_id["指纹"][5:]
    line = refused(capsys, "join", out_file, "--fingerprint", wrong, "--db", laptop)
    assert "指纹不符" in line
    assert digest(capsys, laptop) == before

    # a preview writes nothing
    typed = hub_id["指纹"].replace("-", "").lower()
    code, out, _ = run(
        capsys, "join", out_file, "--fingerprint", typed, "--dry-run", "--db", laptop
    )
    assert code == 0
    summary, verdict = out.strip().splitlines()
    assert summary.startswith("来自 区联络办，") and "1 条走访，2 条诉求，2 个办理环节" in summary
    assert verdict == "预览：未写入任何数据（去掉 --dry-run 即导入）"
    assert digest(capsys, laptop) == before

    # joining for real; then both sides print the same digest
    code, out, _ = run(capsys, "join", out_file, "--fingerprint", typed, "--db", laptop)
    assert code == 0 and re.search(r"已导入：新增 \d+ 项变更（包内共 \d+ 项）", out)
    assert "本机已加入区县" in out
    # what it now holds of the district is encrypted at rest, its recovery key shown once
    assert "数据库已加密" in out and re.search(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", out)
    assert driver.is_encrypted(Path(laptop))
    assert digest(capsys, laptop) == digest(capsys, hub) != before
    code, out, _ = run(capsys, "device", "list", "--db", laptop)
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert [r[:2] for r in rows] == [["本机", "观音桥街道 laptop 3"], ["区联络办设备", "区联络办"]]
    assert "最近导入" in rows[1][4]

    # the same file again: refused, nothing changes; joining twice too
    line = refused(capsys, "bundle", "import", out_file, "--db", laptop)
    assert "导入过" in line
    line = refused(capsys, "join", out_file, "--fingerprint", typed, "--db", laptop)
    assert "已属于一个区县" in line
    assert digest(capsys, laptop) == digest(capsys, hub)


def test_both_ways_then_revoked(
    capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path, db: Database, cast: Cast
) -> None:
    hub_id, lap_id = show(capsys, hub), show(capsys, laptop)
    request = _request(capsys, laptop, tmp_path)
    assert (
        run(
            capsys,
            "device",
            "enrol",
            lap_id["指纹"],
            "--bundle",
            request,
            "--as",
            "field",
            "--accounts",
            "cadre",
            *ADMIN,
            "--db",
            hub,
        )[0]
        == 0
    )
    first = tmp_path / "hub-1.lsb"
    assert (
        run(capsys, "bundle", "export", "--to", first, "--for", lap_id["设备编号"], "--db", hub)[0]
        == 0
    )
    assert run(capsys, "join", first, "--fingerprint", hub_id["指纹"], "--db", laptop)[0] == 0

    # the laptop's bundle for the hub, by the hub's name; the hub takes it
    back = tmp_path / "laptop-1.lsb"
    code, out, _ = run(
        capsys, "bundle", "export", "--to", back, "--for", "区联络办", "--db", laptop
    )
    assert code == 0 and "对方尚缺的变更" in out
    code, out, _ = run(capsys, "bundle", "import", back, "--db", hub)
    assert code == 0 and out.startswith("来自 观音桥街道 laptop 3，")
    assert digest(capsys, hub) == digest(capsys, laptop)

    # new work on the hub travels incrementally, by device id
    log_demands(db, cast, "用工招聘")
    inc = tmp_path / "hub-2.lsb"
    code, out, _ = run(
        capsys, "bundle", "export", "--to", inc, "--for", lap_id["设备编号"], "--db", hub
    )
    assert code == 0 and "对方尚缺的变更 3 项" in out  # the visit, the demand, its event
    assert run(capsys, "bundle", "import", inc, "--db", laptop)[0] == 0
    assert digest(capsys, hub) == digest(capsys, laptop)

    # the hub revokes the laptop (by fingerprint); its next bundle is refused
    code, out, _ = run(capsys, "device", "revoke", lap_id["指纹"], *ADMIN, "--db", hub)
    assert code == 0 and out.startswith("已吊销设备“观音桥街道 laptop 3”")
    code, out, _ = run(capsys, "device", "list", "--db", hub)
    assert any(line.startswith("已吊销\t观音桥街道 laptop 3") for line in out.splitlines())
    later = tmp_path / "laptop-2.lsb"
    assert (
        run(capsys, "bundle", "export", "--to", later, "--for", "区联络办", "--db", laptop)[0] == 0
    )
    before = digest(capsys, hub)
    line = refused(capsys, "bundle", "import", later, "--db", hub)
    assert "已被吊销" in line
    assert digest(capsys, hub) == before
    # and it cannot be enrolled again
    line = refused(
        capsys,
        "device",
        "enrol",
        lap_id["指纹"],
        "--bundle",
        later,
        "--as",
        "field",
        *ADMIN,
        "--db",
        hub,
    )
    assert "已被吊销" in line


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "空的"),
        (b"PK\x03\x04 an xlsx perhaps", "不是 Liaison 同步包"),
        (b"LIAISONB\x00\x09\x00\x00\x00\x02{}", "请先升级"),
        (b"LIAISONB\x00\x03\x00\x00\x00\x02{}", "不完整"),
        (b"LIAISONB\x00\x02\x00\x00\x00\x02{}", "过旧"),
    ],
    ids=["empty", "other-file", "newer-format", "truncated", "older-format"],
)
def test_a_refused_import_prints_one_line_and_returns_1(
    capsys: Capsys, laptop: Path, tmp_path: Path, content: bytes, needle: str
) -> None:
    path = tmp_path / "x.lsb"
    path.write_bytes(content)
    before = digest(capsys, laptop)
    assert needle in refused(capsys, "bundle", "import", path, "--db", laptop)
    assert needle in refused(capsys, "bundle", "import", path, "--dry-run", "--db", laptop)
    assert digest(capsys, laptop) == before


def test_a_missing_bundle_file_and_an_unknown_peer_are_one_line(
    capsys: Capsys, hub: Path, tmp_path: Path
) -> None:
    line = refused(capsys, "bundle", "import", tmp_path / "nowhere.lsb", "--db", hub)
    assert "无法读取文件" in line
    line = refused(
        capsys, "bundle", "export", "--to", tmp_path / "x.lsb", "--for", "谁", "--db", hub
    )
    assert "找不到设备“谁”" in line
    assert not (tmp_path / "x.lsb").exists()
    line = refused(capsys, "device", "enrol", "1234", "--as", "hub", *ADMIN, "--db", hub)
    assert "40 位" in line
    line = refused(capsys, "device", "revoke", "谁", *ADMIN, "--db", hub)
    assert "找不到设备“谁”" in line


def enrolled(capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path) -> str:
    """The laptop enrolled at the hub as a field device (by its request); its device id."""
    request = tmp_path / "request.lsb"
    assert run(capsys, "device", "request", "--to", request, "--db", laptop)[0] == 0
    fingerprint = show(capsys, laptop)["指纹"]
    argv = ("device", "enrol", fingerprint, "--bundle", request, "--as", "field")
    assert run(capsys, *argv, "--accounts", "cadre", *ADMIN, "--db", hub)[0] == 0
    return show(capsys, laptop)["设备编号"]


def test_a_bundle_is_exported_for_a_device(capsys: Capsys, hub: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.lsb"
    code, _out, err = run(capsys, "bundle", "export", "--to", out, "--full", *ADMIN, "--db", hub)
    assert code == 2 and "--for" in err and err.count("\n") == 1, err
    line = refused(
        capsys, "bundle", "export", "--to", out, "--for", "区联络办", *ADMIN, "--db", hub
    )
    assert "本机自己" in line and not out.exists()


def test_privileged_commands_need_an_account_and_its_password(
    capsys: Capsys,
    hub: Path,
    laptop: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = tmp_path / "all.lsb"
    lap = enrolled(capsys, hub, laptop, tmp_path)
    for argv in (
        ("bundle", "export", "--to", full, "--full", "--for", lap),
        ("device", "revoke", "谁"),
        ("account", "list"),
    ):
        code, _out, err = run(capsys, *argv, "--db", hub)
        assert code == 2 and "--user" in err and err.count("\n") == 1, err
    assert not full.exists()
    monkeypatch.setenv("LIAISON_PASSWORD", "not-the-password")
    line = refused(
        capsys, "bundle", "export", "--to", full, "--full", "--for", lap, *ADMIN, "--db", hub
    )
    assert "用户名或密码不正确" in line
    monkeypatch.delenv("LIAISON_PASSWORD")
    secret = tmp_path / "pw.txt"
    secret.write_text("password-123\n", encoding="utf-8")
    code, _out, _ = run(
        capsys,
        "bundle",
        "export",
        "--to",
        full,
        "--full",
        "--for",
        lap,
        *ADMIN,
        "--password-file",
        secret,
        "--db",
        hub,
    )
    assert code == 0 and full.exists()
    code, _out, err = run(
        capsys, "account", "list", *ADMIN, "--password-file", tmp_path / "none.txt", "--db", hub
    )
    assert code == 2 and "无法读取密码文件" in err


def test_a_bundle_of_this_device_is_refused(
    capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path
) -> None:
    own = tmp_path / "own.lsb"
    lap = enrolled(capsys, hub, laptop, tmp_path)
    argv = ("bundle", "export", "--to", own, "--full", "--for", lap, *ADMIN)
    assert run(capsys, *argv, "--db", hub)[0] == 0
    assert "本机自己导出" in refused(capsys, "bundle", "import", own, "--db", hub)
