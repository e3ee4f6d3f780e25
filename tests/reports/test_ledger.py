"""诉求台账: demands driven through the real services on a simulated calendar, rendered as PDF
and XLSX and read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import DomainError
from liaison.reports.ledger import LedgerFilter, render_ledger
from liaison.services.ledger_data import ledger_data
from tests.conftest import Cast, log_demands
from tests.reports.pdf_checks import (
    assert_embedded_cjk,
    pdf_text,
    screenshot,
)
from tests.reports.world import (
    MARCH,
    World,
    build_world,
)

LATER = datetime(2026, 4, 20, 10, 0)


@pytest.fixture
def world(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> World:
    return build_world(db, cast, monkeypatch)


def test_ledger_rows_and_summary(world: World) -> None:
    ledger = ledger_data(world.db, MARCH)
    by_id = {r.id: r for r in ledger.rows}
    assert set(by_id) == {world.closed, world.overdue, world.in_hand, world.new}
    assert by_id[world.overdue].overdue
    assert not by_id[world.in_hand].overdue
    assert by_id[world.closed].state_label == "已销号"
    assert by_id[world.closed].satisfaction == "满意"
    assert by_id[world.closed].resolved_on == date(2026, 3, 5)
    assert by_id[world.overdue].lead_unit == "区金融办"
    s = ledger.summary
    assert (s.raised, s.finished, s.open, s.overdue) == (4, 1, 3, 1)
    assert s.resolution_rate == pytest.approx(0.25)


def test_ledger_pdf(world: World, tmp_path: Path) -> None:
    out = render_ledger(world.db, MARCH, tmp_path / "台账.pdf")
    pages = pdf_text(out)
    text = "".join(pages)
    assert "重庆市江北区" in text
    assert "诉求台账" in text
    assert "区金融办" in text and "区人力社保局" in text
    assert "全部诉求" in text
    assert f"第 1 页 共 {len(pages)} 页" in pages[0]
    assert "▲超期" in text
    assert "申请创业担保贷款" in text
    # the overdue row is the only one marked
    assert text.count("▲超期") == 1
    assert_embedded_cjk(out)
    page = PdfReader(out).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    screenshot(out, "pdf_ledger")


def test_ledger_filter_in_words_and_rows(world: World, tmp_path: Path) -> None:
    f = LedgerFilter(MARCH.start, MARCH.end, department_id=world.cast.finance_dept)
    ledger = ledger_data(world.db, f)
    assert {r.id for r in ledger.rows} == {world.closed, world.overdue}
    assert ledger.filter_words == "牵头单位：区金融办"
    state = LedgerFilter(MARCH.start, MARCH.end, state="accepted")
    assert {r.id for r in ledger_data(world.db, state).rows} == {world.overdue, world.in_hand}
    c = world.cast
    both = LedgerFilter(
        MARCH.start, MARCH.end, street_id=c.street_id, category_id=c.financing_category
    )
    assert len(ledger_data(world.db, both).rows) == 4
    assert ledger_data(world.db, both).filter_words == "街镇：观音桥街道；类别：融资"
    text = "".join(pdf_text(render_ledger(world.db, f, tmp_path / "x.pdf")))
    assert "牵头单位：区金融办" in text
    assert "招工难需要协助招聘" not in text


def test_long_ledger_repeats_header_and_numbers_pages(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    log_demands(db, cast, *(f"第{i}项融资诉求：申请贷款贴息及担保" for i in range(60)))
    today = clock.today()
    out = render_ledger(db, LedgerFilter(today, today), tmp_path / "long.pdf")
    pages = pdf_text(out)
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert "提出日期" in page and "满意度" in page
        assert f"第 {n} 页 共 {len(pages)} 页" in page


def test_ledger_xlsx(world: World, tmp_path: Path) -> None:
    out = render_ledger(world.db, MARCH, tmp_path / "台账.xlsx")
    wb = load_workbook(out)
    ws = wb["诉求台账"]
    # a title row, then the headers
    assert ws["A1"].value.startswith("重庆市江北区诉求台账（2026-03-01 至 2026-03-31")
    assert ws["A1"].font.b and "A1:L1" in {str(r) for r in ws.merged_cells.ranges}
    headers = [c.value for c in ws[2]]
    assert headers[:10] == [
        "序号",
        "提出日期",
        "企业",
        "诉求",
        "类别",
        "牵头单位",
        "状态",
        "办结时限",
        "办结日期",
        "满意度",
    ]
    assert ws.freeze_panes == "A3"
    assert ws[2][0].font.b
    assert ws.max_row == 6
    raised = ws.cell(row=3, column=2)
    assert isinstance(raised.value, datetime)  # openpyxl reads dates back as datetimes
    assert raised.value.date() == date(2026, 3, 2)
    assert raised.number_format == "yyyy-mm-dd"
    titles = {ws.cell(row=r, column=4).value: r for r in range(3, 7)}
    row = titles["申请创业担保贷款"]
    assert ws.cell(row=row, column=11).value == "超期"
    assert ws.cell(row=row, column=4).font.color.rgb.endswith("C00000")
    # CJK text counts double in the column widths
    assert ws.column_dimensions["C"].width >= 2 * len("重庆江北嘉陵机械有限公司")
    # it prints as the paper ledger: landscape, one page wide, headers on every page
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$2"
    assert ws.auto_filter.ref == "A2:L6"
    assert "&P" in ws.oddFooter.center.text
    assert wb.properties.creator.endswith("（Liaison）")
    assert wb.properties.title == "重庆市江北区诉求台账"
    summary = wb["汇总"]
    assert summary.freeze_panes == "A2"
    head = [c.value for c in summary[1]]
    rate = summary.cell(row=2, column=head.index("办结率") + 1)
    assert isinstance(rate.value, float)
    assert rate.value == pytest.approx(0.25)
    assert rate.number_format == "0.0%"
    assert summary.cell(row=2, column=head.index("超期") + 1).value == 1


@pytest.mark.parametrize("name", ["ledger.docx", "ledger", "ledger.PDFX"])
def test_unknown_format(db: Database, tmp_path: Path, name: str) -> None:
    with pytest.raises(DomainError):
        render_ledger(db, MARCH, tmp_path / "out" / name)
    assert not (tmp_path / "out").exists()
