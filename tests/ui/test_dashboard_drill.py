"""统计 → 诉求: a number on the dashboard opens the list of exactly the demands behind it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.services.context import Actor
from liaison.services.metrics import MetricRow
from liaison.ui.context import AppContext
from liaison.ui.dashboard import DashboardScreen
from liaison.ui.dashboard.periods import period_words
from liaison.ui.dashboard.table import RATE_NAMES
from liaison.ui.demands.screen import DemandsScreen
from liaison.ui.main_window import MainWindow
from tests.conftest import Cast
from tests.services.drill_world import build_world

MakeCtx = Callable[[Actor], AppContext]


@pytest.fixture
def window(
    qtbot: QtBot, make_ctx: MakeCtx, cast: Cast, db: Database
) -> Iterator[tuple[MainWindow, DashboardScreen, DemandsScreen]]:
    build_world(db, cast)
    win = MainWindow(make_ctx(cast.supervisor))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_screen("dashboard")
    dash = win.screen_named("dashboard")
    assert isinstance(dash, DashboardScreen)
    qtbot.waitUntil(lambda: not dash.busy and dash.report is not None, timeout=10000)
    dash.period.setCurrentIndex(dash.period.findData("month"))  # the world happens this month
    qtbot.waitUntil(
        lambda: (
            not dash.busy
            and dash.report is not None
            and dash.report.start.day == 1
            and (dash.report.start, dash.report.end) == dash.current_period()
        ),
        timeout=10000,
    )
    demands = win.screen_named("demands")
    assert isinstance(demands, DemandsScreen)
    yield win, dash, demands
    qtbot.waitUntil(lambda: not demands.list_panel.busy, timeout=5000)


def _listed(qtbot: QtBot, win: MainWindow, demands: DemandsScreen) -> int:
    assert win.stack.currentWidget() is demands
    panel = demands.list_panel
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    return len(panel.model.ids)


def _row(dash: DashboardScreen, label: str) -> MetricRow:
    return next(r for r in dash.model.rows if r.label == label)


def test_overdue_of_a_department_lists_its_overdue_demands(
    qtbot: QtBot, window: tuple[MainWindow, DashboardScreen, DemandsScreen]
) -> None:
    win, dash, demands = window
    finance = _row(dash, "区金融办")
    assert finance.overdue == 1
    column = dash.model.columnCount() - 1
    row = dash.model.rows.index(finance)
    dash._double_clicked(dash.model.index(row, column))
    assert _listed(qtbot, win, demands) == 1
    chip = demands.list_panel.chip_label.text()
    assert chip.startswith("来自统计：区金融办 · 超期 · ")
    assert demands.list_panel.chip.isVisibleTo(demands)
    assert dash.report is not None
    assert chip.endswith(period_words(dash.report.start, dash.report.end))


def test_cards_link_to_the_district_figures(
    qtbot: QtBot, window: tuple[MainWindow, DashboardScreen, DemandsScreen]
) -> None:
    win, dash, demands = window
    assert dash.report is not None
    total = dash.report.total
    card = dash.cards["resolution_rate"]
    assert card.counts_text == f"{total.resolved_or_closed}/{total.raised}"
    assert 'href="raised"' in card.counts.text()
    card.counts.linkActivated.emit("raised")
    assert _listed(qtbot, win, demands) == total.raised
    win.show_screen("dashboard")
    dash.cards["resolution_rate"].counts.linkActivated.emit("resolved_or_closed")
    assert _listed(qtbot, win, demands) == total.resolved_or_closed
    assert "全区 · 其中已办结" in demands.list_panel.chip_label.text()


def test_rate_cell_offers_its_numerator_and_denominator(
    qtbot: QtBot, window: tuple[MainWindow, DashboardScreen, DemandsScreen]
) -> None:
    win, dash, demands = window
    hr = _row(dash, "区人力社保局")
    offered: list[list[tuple[str, str]]] = []

    def pick(choices: list[tuple[str, str]]) -> str:
        offered.append(choices)
        return "returned"

    dash.ask_figure = pick
    column = 1 + RATE_NAMES.index("return_rate")
    dash._double_clicked(dash.model.index(dash.model.rows.index(hr), column))
    assert [f for f, _ in offered[0]] == ["returned", "routed"]
    assert offered[0][1][1] == f"交办：{hr.routed} 次（列出涉及的诉求）"
    assert _listed(qtbot, win, demands) == hr.returned == 1


def test_view_demands_button_then_clearing_the_chip(
    qtbot: QtBot, window: tuple[MainWindow, DashboardScreen, DemandsScreen]
) -> None:
    win, dash, demands = window
    finance = _row(dash, "区金融办")
    dash.table.setCurrentIndex(dash.model.index(dash.model.rows.index(finance), 0))
    dash.ask_figure = lambda choices: "reopened"
    qtbot.mouseClick(dash.drill, Qt.MouseButton.LeftButton)
    assert _listed(qtbot, win, demands) == finance.reopened == 1
    panel = demands.list_panel
    assert "区金融办 · 回访不满意" in panel.chip_label.text()
    assert "只列一次" in panel.chip.toolTip()
    panel.chip_clear.click()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert not panel.chip.isVisibleTo(demands)
    assert len(panel.model.ids) > 1


def test_cancelled_menu_stays_on_the_dashboard(
    window: tuple[MainWindow, DashboardScreen, DemandsScreen],
) -> None:
    win, dash, _demands = window
    dash.ask_figure = lambda choices: None
    dash.drill.click()
    assert win.stack.currentWidget() is dash
