"""The command line on the small demo district: stats and printed records, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from liaison import cli
from liaison.data import driver
from liaison.demo import DEMO_PASSWORD


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert cli.main(["demo", "--scale", "small", "--seed", "3", "--db", str(path)]) == 0
    return path


def _one(path: Path, sql: str) -> str:
    conn = driver.connect(path)
    try:
        row = conn.execute(sql).fetchone()
    finally:
        conn.close()
    assert row is not None
    return str(row[0])


def test_stats_json_totals_match_the_rows(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    argv = ["stats", "--from", "2025-01-01", "--to", "2026-12-31", "--by", "category", "--json"]
    assert cli.main([*argv, "--db", str(demo_db)]) == 0
    report = json.loads(capsys.readouterr().out)
    total = report["total"]
    assert total["raised"] > 0 and total["routed"] > 0
    assert total["raised"] == sum(r["raised"] for r in report["rows"])
    assert 0 <= total["satisfaction_rate"] <= 1


def test_stats_table_is_chinese(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        cli.main(["stats", "--from", "2026-01-01", "--to", "2026-06-30", "--db", str(demo_db)]) == 0
    )
    out = capsys.readouterr().out
    assert "走访覆盖率" in out and "满意率" in out and "区金融办" in out


def test_closure_record_of_a_closed_demand(demo_db: Path, tmp_path: Path) -> None:
    demand_id = _one(demo_db, "SELECT id FROM demand WHERE state = 'closed' LIMIT 1")
    out = tmp_path / "closure.pdf"
    assert cli.main(["report", "closure", demand_id, "--out", str(out), "--db", str(demo_db)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "诉求办结销号单" in text and demand_id in text and "已销号" in text


def test_visit_record(demo_db: Path, tmp_path: Path) -> None:
    visit_id = _one(demo_db, "SELECT visit_id FROM demand WHERE visit_id IS NOT NULL LIMIT 1")
    name = _one(
        demo_db,
        f"SELECT e.name FROM visit v JOIN enterprise e ON e.id = v.enterprise_id "
        f"WHERE v.id = '{visit_id}'",
    )
    out = tmp_path / "visit.pdf"
    assert cli.main(["report", "visit", visit_id, "--out", str(out), "--db", str(demo_db)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "企业走访记录表" in text and name in text


def test_report_mistakes_are_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = cli.main(
        ["report", "closure", "nope", "--out", str(tmp_path / "x.pdf"), "--db", str(demo_db)]
    )
    err = capsys.readouterr().err
    assert code == 1 and "诉求不存在" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()
    code = cli.main(
        ["report", "visit", "v", "--out", str(tmp_path / "x.txt"), "--db", str(demo_db)]
    )
    assert code == 2 and ".pdf" in capsys.readouterr().err


def test_import_a_messy_roster_dry_run_then_for_real(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import Workbook

    from liaison.domain.uscc import make_uscc

    good = make_uscc("91500105MA9000001")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年新增民营企业名录"])
    ws.append(["序号", "单位名称", "信用代码", "所属街镇", "联系电话"])
    ws.append([1, "重庆江北新城数码科技有限公司", good.lower(), "观音桥", 13812345678])
    ws.append([2, "重庆江北错码商贸有限公司", bad, "五里店街道", ""])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    capsys.readouterr()
    assert cli.main(["import", "enterprises", str(path), "--dry-run", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "第 4 行" in out and "预览（未写入）：新增 1" in out
    # writing needs an account: the command line acts as no one by itself
    assert cli.main(["import", "enterprises", str(path), "--db", str(demo_db)]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("LIAISON_PASSWORD", DEMO_PASSWORD)
    as_staff = ["--user", "st_guanyinqiao_1", "--db", str(demo_db)]
    # the demo's shared password was set for everyone: the person must choose their own first
    assert cli.main(["import", "enterprises", str(path), *as_staff]) == cli.EXIT_REFUSED
    assert "account passwd" in capsys.readouterr().err
    chosen = tmp_path / "new-password"
    chosen.write_text("观音桥-专员-2026\n", encoding="utf-8")
    change = ["account", "passwd", *as_staff, "--new-password-file", str(chosen)]
    assert cli.main(change) == 0
    monkeypatch.setenv("LIAISON_PASSWORD", "观音桥-专员-2026")
    assert cli.main(["import", "enterprises", str(path), *as_staff]) == 0
    assert "已导入：新增 1" in capsys.readouterr().out
    assert cli.main(["import", "enterprises", str(path), *as_staff]) == 0
    assert "新增 0，更新 0，无变化 1" in capsys.readouterr().out


def test_import_of_a_missing_file_is_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = cli.main(["import", "assignments", str(tmp_path / "nope.xlsx"), "--db", str(demo_db)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE and len(err.strip().splitlines()) == 1 and "nope.xlsx" in err


def test_ledger_and_bulletin_as_pdf_and_excel(demo_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    base = ["--db", str(demo_db)]
    ledger = ["report", "ledger", "--from", "2024-01-01", "--to", "2026-12-31"]
    assert (
        cli.main([*ledger, "--department", "区金融办", "--out", str(tmp_path / "l.pdf"), *base])
        == 0
    )
    text = PdfReader(tmp_path / "l.pdf").pages[0].extract_text()
    assert "诉求台账" in text and "区金融办" in text
    assert cli.main([*ledger, "--out", str(tmp_path / "l.xlsx"), *base]) == 0
    sheet = load_workbook(tmp_path / "l.xlsx").worksheets[0]
    assert sheet.max_row > 100 and sheet.freeze_panes == "A3"
    month = ["report", "bulletin", "--month", "2025-06"]
    assert cli.main([*month, "--out", str(tmp_path / "b.pdf"), *base]) == 0
    assert "通报" in PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert cli.main([*month, "--out", str(tmp_path / "b.xlsx"), *base]) == 0
    assert "部门指标" in load_workbook(tmp_path / "b.xlsx").sheetnames


def test_report_filter_mistakes_are_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    argv = [
        "report",
        "ledger",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--department",
        "区外星局",
        "--out",
        str(tmp_path / "l.pdf"),
        "--db",
        str(demo_db),
    ]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "区外星局" in err and len(err.strip().splitlines()) == 1
    bad_month = [
        "report",
        "bulletin",
        "--month",
        "2025-13",
        "--out",
        str(tmp_path / "b.pdf"),
        "--db",
        str(demo_db),
    ]
    assert cli.main(bad_month) == 1
    assert "月份" in capsys.readouterr().err
    assert not (tmp_path / "l.pdf").exists() and not (tmp_path / "b.pdf").exists()
