"""打印台账 from the 诉求 list and 打印通报 from 统计: preview (QtPdf), Excel, the PDF cap."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import clock
from liaison.reports import ledger
from liaison.services import demand_list as dl
from liaison.services import demands
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.dashboard import DashboardScreen
from liaison.ui.demands.ledger_dialog import ledger_scope
from liaison.ui.demands.screen import DemandsScreen
from liaison.ui.print_preview import PdfPreviewDialog
from tests.conftest import Cast, log_demands

MakeCtx = Callable[[Actor], AppContext]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"info": [], "error": []}
    monkeypatch.setattr("liaison.ui.dialogs.show_info", lambda _p, text: said["info"].append(text))
    monkeypatch.setattr(  # what the message box would say
        "liaison.ui.dialogs.show_error", lambda _p, message: said["error"].append(tr_core(message))
    )
    return said


@pytest.fixture
def screen(qtbot: QtBot, make_ctx: MakeCtx, db: Database, cast: Cast) -> Iterator[DemandsScreen]:
    fin, _other = log_demands(db, cast, "申请流动资金贷款贴息", "招工难需要协助招聘")
    demands.route_demand(db, cast.supervisor, fin, lead_department_id=cast.finance_dept)
    shown = DemandsScreen(make_ctx(cast.supervisor))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: not shown.list_panel.busy, timeout=5000)
    yield shown
    qtbot.waitUntil(lambda: not shown.list_panel.busy, timeout=5000)


def _preview(qtbot: QtBot) -> PdfPreviewDialog:
    def found() -> PdfPreviewDialog | None:
        open_ = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
        return open_[-1] if open_ and open_[-1].isVisible() else None

    qtbot.waitUntil(lambda: found() is not None, timeout=20000)
    dialog = found()
    assert dialog is not None
    return dialog


def _text(path: Path) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(path).pages)


def test_ledger_of_the_list_filter_previews_and_exports(
    qtbot: QtBot,
    screen: DemandsScreen,
    cast: Cast,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: dict[str, list[str]],
) -> None:
    panel = screen.list_panel
    panel.state.setCurrentIndex(panel.state.findData(None))
    panel.department.setCurrentIndex(panel.department.findData(cast.finance_dept))
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    dialog = screen.print_ledger()
    assert dialog.scope_label.text() == "牵头单位：区金融办"
    assert dialog.start_edit.date().toPython() == clock.today().replace(month=1, day=1)
    dialog.preview()
    preview = _preview(qtbot)
    assert preview.landscape
    text = _text(preview.pdf_path)
    assert "诉求台账" in text and "牵头单位：区金融办" in text
    assert "申请流动资金贷款贴息" in text and "招工难需要协助招聘" not in text
    preview.close()

    target = tmp_path / "金融办台账"  # no suffix: .xlsx is added
    monkeypatch.setattr("liaison.ui.print_preview.ask_save_path", lambda *_a: str(target))
    screen.print_ledger().export()
    qtbot.waitUntil(lambda: bool(messages["info"]), timeout=10000)
    written = target.with_name("金融办台账.xlsx")
    assert str(written) in messages["info"][0]
    ws = load_workbook(written)["诉求台账"]
    assert ws.max_row == 3 and ws.cell(row=3, column=4).value == "申请流动资金贷款贴息"


def test_ledger_over_the_pdf_cap_says_so(
    qtbot: QtBot,
    screen: DemandsScreen,
    monkeypatch: pytest.MonkeyPatch,
    messages: dict[str, list[str]],
) -> None:
    panel = screen.list_panel
    panel.state.setCurrentIndex(panel.state.findData(None))
    monkeypatch.setattr(ledger, "PDF_MAX_ROWS", 1)
    screen.print_ledger().preview()
    qtbot.waitUntil(lambda: bool(messages["error"]), timeout=10000)
    assert "超过 PDF 的上限 1 条" in messages["error"][0]
    assert "Excel" in messages["error"][0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]


def test_ledger_takes_the_period_of_a_figure(screen: DemandsScreen, cast: Cast) -> None:
    today = clock.today()
    start = today - timedelta(days=10)
    f = dl.figure_filter("raised", start, today, today, "department", cast.finance_dept)
    screen.apply_filter(f, "来自统计：区金融办 · 提出诉求 · 测试")
    dialog = screen.print_ledger()
    assert dialog.start_edit.date().toPython() == start
    assert dialog.end_edit.date().toPython() == today
    assert dialog.scope_label.text() == "牵头单位：区金融办"


def test_list_conditions_the_ledger_cannot_apply_are_named() -> None:
    scope, left_out = ledger_scope(
        dl.DemandFilter(state=dl.STATE_EXTENSION_PENDING, text="贷款", overdue_only=True)
    )
    assert scope == {"department_id": None, "street_id": None, "category_id": None, "state": None}
    assert left_out == ["搜索", "只看超期", "延期待批"]
    scope, _ = ledger_scope(dl.DemandFilter(state=dl.STATE_GROUP_OPEN, street_id=dl.NO_GROUP))
    assert scope["state"] == "open" and scope["street_id"] is None


def test_bulletin_of_the_month_previews_and_exports(
    qtbot: QtBot,
    make_ctx: MakeCtx,
    db: Database,
    cast: Cast,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: dict[str, list[str]],
) -> None:
    d = log_demands(db, cast, "申请流动资金贷款贴息")[0]
    demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
    dash = DashboardScreen(make_ctx(cast.supervisor))
    qtbot.addWidget(dash)
    dash.show()
    qtbot.waitUntil(lambda: not dash.busy and dash.report is not None, timeout=10000)
    dash.period.setCurrentIndex(dash.period.findData("month"))  # the demand is this month's
    dialog = dash.print_bulletin()
    month = f"{clock.today():%Y-%m}"
    assert dialog.month() == month  # the period is this month
    dialog.preview()
    preview = _preview(qtbot)
    text = _text(preview.pdf_path)
    assert f"{clock.today().year}年{clock.today().month}月企业走访联络工作月度通报" in text
    assert "区金融办" in text
    preview.close()
    monkeypatch.setattr(
        "liaison.ui.print_preview.ask_save_path", lambda *_a: str(tmp_path / "通报.xlsx")
    )
    dash.print_bulletin().export()
    qtbot.waitUntil(lambda: bool(messages["info"]), timeout=10000)
    wb = load_workbook(tmp_path / "通报.xlsx")
    assert wb.sheetnames == ["部门指标", "街镇指标", "红黑榜", "超期清单"]
