"""`liaison bundle`, `liaison device` and `liaison digest` end to end, on real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liaison import cli
from liaison.data.db import Database
from tests.conftest import Cast, log_demands
from tests.sync.conftest import new_installation

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
    assert set(fields) == {"设备编号", "名称", "指纹"}
    return fields


def digest(capsys: Capsys, db: Path) -> str:
    code, out, _ = run(capsys, "digest", "--db", db)
    assert code == 0
    value = out.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", value)
    return value


@pytest.fixture
def hub(db: Database, db_path: Path, cast: Cast) -> Path:
    log_demands(db, cast, "贷款贴息申请", "厂房租金补贴")
    conn = db.raw()
    conn.execute("UPDATE device SET name = '区联络办' WHERE is_local = 1")
    conn.close()
    return db_path


@pytest.fixture
def laptop(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "laptop.sqlite"
    new_installation(template_db, path, "观音桥街道 laptop 3")
    return path


def test_device_show_prints_this_installations_identity(capsys: Capsys, hub: Path) -> None:
    me = show(capsys, hub)
    assert me["名称"] == "区联络办"
    assert re.fullmatch(r"([0-9A-F]{4}-){9}[0-9A-F]{4}", me["指纹"])
    code, out, _ = run(capsys, "device", "list", "--db", hub)
    assert code == 0
    [line] = out.strip().splitlines()
    assert line.startswith("本机\t区联络办\t" + me["指纹"])


def test_a_first_exchange_from_unknown_to_trusted_to_converged(
    capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path
) -> None:
    hub_id = show(capsys, hub)
    out_file = tmp_path / "hub.lsb"
    code, out, _ = run(capsys, "bundle", "export", "--to", out_file, "--db", hub)
    assert code == 0 and out.startswith(f"已导出 {out_file}：全部变更")
    assert out_file.stat().st_size > 0

    # the laptop does not know the hub yet: refused, and told what to do
    line = refused(capsys, "bundle", "import", out_file, "--db", laptop)
    assert "未知的发送设备“区联络办”" in line and "liaison device trust" in line
    assert hub_id["指纹"] in line

    # a fingerprint read out wrong is refused
    wrong = "0000-" + hub_id["指纹"][5:]
    line = refused(capsys, "device", "trust", wrong, "--bundle", out_file, "--db", laptop)
    assert "指纹不符" in line
    code, out, _ = run(capsys, "device", "list", "--db", laptop)
    assert "区联络办" not in out

    # the right one, typed in lower case without dashes, is accepted
    typed = hub_id["指纹"].replace("-", "").lower()
    code, out, _ = run(capsys, "device", "trust", typed, "--bundle", out_file, "--db", laptop)
    assert code == 0 and out.strip() == f"已信任设备“区联络办”（{hub_id['指纹']}）"
    code, out, _ = run(capsys, "device", "list", "--db", laptop)
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert [r[:2] for r in rows] == [["本机", "观音桥街道 laptop 3"], ["已信任", "区联络办"]]
    assert rows[1][3] == hub_id["设备编号"] and rows[1][4] == "尚未收到同步包"

    # a preview writes nothing
    before = digest(capsys, laptop)
    code, out, _ = run(capsys, "bundle", "import", out_file, "--dry-run", "--db", laptop)
    assert code == 0
    summary, verdict = out.strip().splitlines()
    assert summary.startswith("来自 区联络办，") and "1 条走访，2 条诉求，2 个办理环节" in summary
    assert verdict == "预览：未写入任何数据（去掉 --dry-run 即导入）"
    assert digest(capsys, laptop) == before

    # the import itself; then both sides print the same digest
    code, out, _ = run(capsys, "bundle", "import", out_file, "--db", laptop)
    assert code == 0 and re.search(r"已导入：新增 \d+ 项变更（包内共 \d+ 项）", out)
    assert digest(capsys, laptop) == digest(capsys, hub) != before
    code, out, _ = run(capsys, "device", "list", "--db", laptop)
    assert "最近导入" in out

    # the same file again: refused, nothing changes
    line = refused(capsys, "bundle", "import", out_file, "--db", laptop)
    assert "导入过" in line
    assert digest(capsys, laptop) == digest(capsys, hub)


def test_both_ways_then_revoked(
    capsys: Capsys, hub: Path, laptop: Path, tmp_path: Path, db: Database, cast: Cast
) -> None:
    hub_id, lap_id = show(capsys, hub), show(capsys, laptop)
    first = tmp_path / "hub-1.lsb"
    assert run(capsys, "bundle", "export", "--to", first, "--db", hub)[0] == 0
    assert run(capsys, "device", "trust", hub_id["指纹"], "--bundle", first, "--db", laptop)[0] == 0
    assert run(capsys, "bundle", "import", first, "--db", laptop)[0] == 0

    # the laptop's bundle for the hub, by the hub's name; the hub trusts it and takes it
    back = tmp_path / "laptop-1.lsb"
    code, out, _ = run(
        capsys, "bundle", "export", "--to", back, "--for", "区联络办", "--db", laptop
    )
    assert code == 0 and "对方尚缺的变更" in out
    assert run(capsys, "device", "trust", lap_id["指纹"], "--bundle", back, "--db", hub)[0] == 0
    code, out, _ = run(capsys, "bundle", "import", back, "--db", hub)
    assert code == 0 and out.startswith("来自 观音桥街道 laptop 3，")
    assert digest(capsys, hub) == digest(capsys, laptop)

    # new work on the hub travels incrementally, by device id
    log_demands(db, cast, "用工招聘")
    inc = tmp_path / "hub-2.lsb"
    code, out, _ = run(
        capsys, "bundle", "export", "--to", inc, "--for", lap_id["设备编号"], "--db", hub
    )
    # the visit, the demand, its event — and the hub's trust of the laptop, a device record
    assert code == 0 and "对方尚缺的变更 4 项" in out
    assert run(capsys, "bundle", "import", inc, "--db", laptop)[0] == 0
    assert digest(capsys, hub) == digest(capsys, laptop)

    # the hub revokes the laptop (by fingerprint); its next bundle is refused
    code, out, _ = run(capsys, "device", "revoke", lap_id["指纹"], "--db", hub)
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
    # and it cannot be trusted again
    line = refused(capsys, "device", "trust", lap_id["指纹"], "--bundle", later, "--db", hub)
    assert "已被吊销" in line


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "空的"),
        (b"PK\x03\x04 an xlsx perhaps", "不是 Liaison 同步包"),
        (b"LIAISONB\x00\x09\x00\x00\x00\x02{}", "请先升级"),
        (b"LIAISONB\x00\x01\x00\x00\x00\x02{}", "不完整"),
    ],
    ids=["empty", "other-file", "newer-format", "truncated"],
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
    line = refused(capsys, "device", "trust", "1234", "--db", hub)
    assert "40 位" in line
    line = refused(capsys, "device", "revoke", "谁", "--db", hub)
    assert "找不到设备“谁”" in line


def test_a_bundle_of_this_device_is_refused(capsys: Capsys, hub: Path, tmp_path: Path) -> None:
    own = tmp_path / "own.lsb"
    assert run(capsys, "bundle", "export", "--to", own, "--full", "--db", hub)[0] == 0
    assert "本机自己导出" in refused(capsys, "bundle", "import", own, "--db", hub)
