"""Thousands of rows: the bulletin PDF lists the 50 longest overdue (the .xlsx all of them);
a ledger PDF over the cap is refused with a clear message (the .xlsx has no cap)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison.data.db import Database
from liaison.reports import bulletin, ledger
from liaison.reports.ledger import LedgerFilter, LedgerTooLarge, render_ledger
from liaison.services import ledger_data
from liaison.services.ledger_data import OverdueRow, ledger_count
from tests.conftest import Cast
from tests.reports.pdf_checks import pdf_text
from tests.reports.world import MARCH, World, build_world


@pytest.fixture
def world(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> World:
    return build_world(db, cast, monkeypatch)


def _many_overdue(n: int, as_of: date) -> list[OverdueRow]:
    """n overdue rows, longest overdue first (as `overdue_as_of` orders them)."""
    return [
        OverdueRow(
            id=f"d{i:04d}",
            enterprise=f"测试企业{i:04d}",
            title=f"超期诉求第{i:04d}号",
            lead_unit="区金融办",
            raised_on=as_of - timedelta(days=400),
            deadline=as_of - timedelta(days=n + 1 - i),
            days_over=n + 1 - i,
            state_label="办理中",
            escalation_level=0,
        )
        for i in range(1, n + 1)
    ]


def test_bulletin_pdf_lists_the_top_overdue_and_xlsx_all(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_data, "overdue_as_of", lambda _db, as_of: _many_overdue(1234, as_of))
    out = bulletin.render_bulletin(world.db, "2026-03", tmp_path / "通报.pdf")
    text = "".join(pdf_text(out))
    assert "共 1234 件，列出超期最久的 50 件" in text
    assert "另有 1184 项超期诉求，详见台账/Excel" in text
    assert "超期诉求第0050号" in text and "超期工作日" in text and "\n 1234\n" in text
    assert "超期诉求第0051号" not in text
    xlsx = bulletin.render_bulletin(world.db, "2026-03", tmp_path / "通报.xlsx")
    ws = load_workbook(xlsx)["超期清单"]
    titles = [ws.cell(row=r, column=4).value for r in range(2, ws.max_row + 1)]
    assert [t for t in titles if t and str(t).startswith("超期诉求第")] == [
        f"超期诉求第{i:04d}号" for i in range(1, 1235)
    ]


def test_bulletin_with_few_overdue_has_no_remainder_line(world: World, tmp_path: Path) -> None:
    text = "".join(pdf_text(bulletin.render_bulletin(world.db, "2026-03", tmp_path / "b.pdf")))
    assert "共 1 件）" in text
    assert "另有" not in text


def test_ledger_pdf_over_the_cap_is_refused_but_xlsx_is_not(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ledger_count(world.db, MARCH) == 4
    monkeypatch.setattr(ledger, "PDF_MAX_ROWS", 3)
    with pytest.raises(LedgerTooLarge) as info:
        render_ledger(world.db, MARCH, tmp_path / "台账.pdf")
    message = str(info.value)
    assert "\n" not in message
    assert "4 条" in message and "上限 3 条" in message and "Excel" in message
    assert not (tmp_path / "台账.pdf").exists()
    out = render_ledger(world.db, MARCH, tmp_path / "台账.xlsx")
    assert load_workbook(out)["诉求台账"].max_row == 6  # title, headers, 4 demands
    narrower = LedgerFilter(MARCH.start, MARCH.end, department_id=world.cast.finance_dept)
    assert render_ledger(world.db, narrower, tmp_path / "金融办.pdf").exists()


def test_ledger_state_groups(world: World) -> None:
    open_ = LedgerFilter(MARCH.start, MARCH.end, state="open")
    rows = ledger_data.ledger_data(world.db, open_).rows
    assert {r.id for r in rows} == {world.overdue, world.in_hand, world.new}
    assert ledger_data.filter_words(world.db, open_) == "状态：未办结"
    assert ledger_count(world.db, open_) == 3
    finished = LedgerFilter(MARCH.start, MARCH.end, state="finished")
    assert [r.id for r in ledger_data.ledger_data(world.db, finished).rows] == [world.closed]
