"""Monthly 通报: the figures must be compute_metrics' own; PDF and XLSX read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.reports.bulletin import render_bulletin
from liaison.services.ledger_data import bulletin_data, month_range, rank_departments
from liaison.services.metrics import Grouping, MetricRow, compute_metrics
from liaison.services.metrics_text import RATES
from tests.conftest import Cast
from tests.reports.pdf_checks import assert_embedded_cjk, pdf_text, screenshot
from tests.reports.world import World, build_world

START, END = date(2026, 3, 1), date(2026, 3, 31)


@pytest.fixture
def world(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> World:
    return build_world(db, cast, monkeypatch)


def test_month_range() -> None:
    assert month_range("2026-03") == (START, END)
    assert month_range("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))


@pytest.mark.parametrize("month", ["2026-13", "2026-3", "2026/03", "三月", "", "2026-00"])
def test_bad_month(world: World, tmp_path: Path, month: str) -> None:
    with pytest.raises(DomainError) as info:
        render_bulletin(world.db, month, tmp_path / "out" / "b.pdf")
    message = str(info.value)
    assert "\n" not in message and "月份" in message
    assert not (tmp_path / "out").exists()


def test_bulletin_data_is_compute_metrics(world: World) -> None:
    b = bulletin_data(world.db, "2026-03")
    assert b.by_department == compute_metrics(world.db, START, END, "department")
    assert b.by_street == compute_metrics(world.db, START, END, "street")
    assert b.as_of == END
    assert [r.id for r in b.overdue] == [world.overdue]
    assert b.overdue[0].days_over > 0
    assert b.by_department.total.overdue == len(b.overdue)
    ranking = b.ranking
    # only 区金融办 had an item routed in March (区人力社保局's came on 1 April)
    assert [r.label for r in ranking.red] == ["区金融办"]
    assert ranking.black == ()


def test_ranking_rule() -> None:
    def row(key: str, on_time: int, resolved: int, sat: int, fu: int) -> MetricRow:
        return MetricRow(
            key,
            key,
            routed=1,
            resolved=resolved,
            resolved_on_time=on_time,
            satisfied=sat,
            followed_up=fu,
        )

    from liaison.services.metrics import MetricsReport

    rows = (
        row("甲", 1, 2, 1, 1),  # 50 %, 100 %
        row("乙", 2, 2, 1, 2),  # 100 %, 50 %
        row("丙", 1, 2, 0, 1),  # 50 %, 0 %
        row("丁", 0, 0, 0, 0),  # none: nothing resolved, nothing due yet — not on the 黑榜
        replace(row("己", 0, 0, 0, 0), overdue=1),  # none resolved, one overdue: on it
        *(row(f"部门{i}", 1, 1, 1, 1) for i in range(8)),
        MetricRow(None, "未交办/无所属单位", routed=3),
        MetricRow("戊", "戊", raised=2),  # nothing routed: not ranked
    )
    report = MetricsReport(START, END, "department", rows, MetricRow(None, "全区合计"), END)
    r = rank_departments(report)
    assert len(r.ranked) == 13
    assert [x.label for x in r.red] == ["部门0", "部门1", "部门2", "部门3", "部门4"]
    # the worst first, only those with something wrong: 部门5–7 did everything on time
    assert [x.label for x in r.black] == ["己", "丙", "甲", "乙"]


def test_bulletin_pdf(world: World, tmp_path: Path) -> None:
    out = render_bulletin(world.db, "2026-03", tmp_path / "通报.pdf")
    pages = pdf_text(out)
    text = "".join(pages)
    for words in (
        "重庆市江北区",
        "2026年3月企业走访联络工作月度通报",
        "红榜",
        "黑榜",
        "红黑榜规则",
        "各部门办结率",
        "各街镇走访覆盖率",
        "区金融办",
        "观音桥街道",
        "超期诉求清单",
        "申请创业担保贷款",
    ):
        assert words in text, words
    assert f"第 1 页 共 {len(pages)} 页" in pages[0]
    dept = compute_metrics(world.db, START, END, "department")
    fin = next(r for r in dept.rows if r.label == "区金融办")
    assert fin.resolution_rate is not None
    assert f"{fin.resolution_rate * 100:.1f}%" in text
    assert_embedded_cjk(out)
    assert len(PdfReader(out).pages) >= 2
    screenshot(out, "pdf_bulletin")


def test_bulletin_xlsx_numbers_equal_compute_metrics(world: World, tmp_path: Path) -> None:
    out = render_bulletin(world.db, "2026-03", tmp_path / "通报.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["部门指标", "街镇指标", "红黑榜", "超期清单"]
    floats = 0
    sheets: tuple[tuple[str, Grouping], ...] = (("部门指标", "department"), ("街镇指标", "street"))
    for sheet, by in sheets:
        ws = wb[sheet]
        assert ws.freeze_panes == "A3"
        assert ws["A1"].value == f"重庆市江北区2026年3月企业走访联络工作月度通报 · {sheet}"
        head = [c.value for c in ws[2]]
        report = compute_metrics(world.db, START, END, by)
        expected = [*report.rows, report.total]
        for i, r in enumerate(expected, 3):
            assert ws.cell(row=i, column=1).value == r.label
            for name, label in RATES:
                cell = ws.cell(row=i, column=head.index(label) + 1)
                value = getattr(r, name)
                if value is None:
                    assert cell.value is None
                else:
                    # a 0 % reads back as the integer 0; any other rate as a float
                    assert isinstance(cell.value, float | int)
                    assert cell.value == value
                    floats += isinstance(cell.value, float)
                    assert cell.number_format == "0.0%"
            for name in ("routed", "raised", "resolved", "followed_up", "overdue"):
                label = {
                    "routed": "交办",
                    "raised": "提出诉求",
                    "resolved": "办结",
                    "followed_up": "回访",
                    "overdue": "超期",
                }[name]
                assert ws.cell(row=i, column=head.index(label) + 1).value == getattr(r, name)
        assert ws.cell(row=len(expected) + 3, column=1).value is None or ws.max_row > len(expected)
        assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    assert floats > 0
    rank = wb["红黑榜"]
    assert [c.value for c in rank[3]][:3] == ["红榜", 1, "区金融办"]
    overdue = wb["超期清单"]
    assert overdue.cell(row=3, column=4).value == "申请创业担保贷款"
    deadline = overdue.cell(row=3, column=7)
    assert deadline.is_date and deadline.number_format == "yyyy-mm-dd"
