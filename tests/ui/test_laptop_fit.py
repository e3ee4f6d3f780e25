"""Lists on a 1366×768 laptop: no sideways scrolling, the columns that matter in view, names cut
in the middle with the whole name as a tooltip, and a detail pane that steps aside while nothing
is selected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.demands.screen import DemandsScreen
from liaison.ui.enterprises.screen import EnterprisesScreen
from liaison.ui.main_window import MainWindow
from tests.conftest import Cast, log_demands


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _in_view(view: QTableView, column: int) -> bool:
    """The whole column is inside the visible width, without scrolling."""
    header = view.horizontalHeader()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    return not view.isColumnHidden(column) and right <= view.viewport().width()


def _label(view: QTableView, column: int) -> str:
    return str(view.model().headerData(column, Qt.Orientation.Horizontal))


def test_demand_list_fits_and_the_detail_pane_gives_way(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    ctx = make_ctx(cast.supervisor)
    log_demands(ctx.db, cast, "申请流动资金贷款贴息")
    window = _window(qtbot, ctx)
    window.show_screen("demands")
    screen = window.screen_named("demands")
    assert isinstance(screen, DemandsScreen)
    table = screen.list_panel.table
    qtbot.waitUntil(lambda: screen.list_panel.model.rowCount() > 0)
    # nothing selected: the pane is out of the way and every column fits
    assert screen.detail.isHidden()
    qtbot.waitUntil(lambda: all(_in_view(table, c) for c in range(9)))
    assert not table.horizontalScrollBar().isVisible()
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    # a demand selected: the pane comes back, 提出日期 and 类别 step aside, 牵头单位 and 督办 stay
    table.selectRow(0)
    qtbot.waitUntil(screen.detail.isVisible)
    assert screen.detail.width() >= screen.detail.minimumWidth()
    qtbot.waitUntil(lambda: _in_view(table, 6))
    labels = [_label(table, c) for c in range(9) if _in_view(table, c)]
    for kept in ("诉求", "企业", "状态", "剩余工作日", "牵头单位", "督办"):
        assert kept in labels
    assert table.isColumnHidden(8)  # 提出日期 steps aside first
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) >= 150 and table.columnWidth(1) >= 110
    # selection cleared: the pane steps aside again and the columns come back
    table.clearSelection()
    table.setCurrentIndex(table.model().index(-1, -1))
    qtbot.waitUntil(screen.detail.isHidden)
    qtbot.waitUntil(lambda: all(_in_view(table, c) for c in range(9)))


def test_enterprise_list_fits_and_the_detail_pane_gives_way(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    window = _window(qtbot, make_ctx(cast.cadre))
    window.show_screen("enterprises")
    screen = window.screen_named("enterprises")
    assert isinstance(screen, EnterprisesScreen)
    view = screen.list.view
    qtbot.waitUntil(lambda: screen.list.model.rowCount() > 0)
    assert screen.detail.isHidden()
    qtbot.waitUntil(lambda: all(_in_view(view, c) for c in range(8)))
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    name = view.model().index(0, 0)
    assert view.model().data(name, Qt.ItemDataRole.ToolTipRole) == view.model().data(name)
    view.selectRow(0)
    qtbot.waitUntil(screen.detail.isVisible)
    qtbot.waitUntil(lambda: _in_view(view, 5))  # 在办诉求 stays in view
    assert view.isColumnHidden(7)  # 行业 steps aside first
    assert not view.horizontalScrollBar().isVisible()
    screen.open_record(cast.enterprise_id)
    assert screen.detail.isVisible()


@pytest.mark.parametrize(
    ("room", "hidden"),
    [(1000, set()), (590, set()), (560, {5}), (470, {5, 4}), (420, {5, 4}), (300, {5, 4})],
)
def test_fit_columns_drops_optional_columns_in_order_then_shrinks(
    qtbot: QtBot, room: int, hidden: set[int]
) -> None:
    from PySide6.QtGui import QStandardItemModel

    from liaison.ui.list_fit import fit_columns

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, 6))
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.verticalHeader().hide()
    view.resize(room + 2 * view.frameWidth(), 200)
    view.show()
    assert view.viewport().width() == room
    natural = [200, 150, 60, 60, 60, 60]
    got = fit_columns(view, natural, {0: 0.6, 1: 0.4}, {0: 120, 1: 100}, optional=(5, 4))
    assert got == hidden
    shown = [c for c in range(6) if not view.isColumnHidden(c)]
    total = sum(view.columnWidth(c) for c in shown)
    if room >= 400:  # the minimums of what is left fit: within the room, no sideways scroll
        assert total <= room
        assert room - total <= 2 or total == sum(natural[c] for c in shown)
    assert view.columnWidth(0) >= 120 and view.columnWidth(1) >= 100
    for c in (2, 3):
        assert view.columnWidth(c) == 60  # fixed columns keep their width
    if room == 1000:
        spare = 1000 - sum(natural)
        assert view.columnWidth(0) == 200 + int(spare * 0.6)
