"""Logging a visit on the 走访 screen as a cadre does: open it, pick the enterprise, add demands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from liaison.ui.context import AppContext
from liaison.ui.visits.screen import VisitsScreen
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


class FakeNav:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def open_enterprise(self, enterprise_id: str) -> None:
        self.calls.append(("enterprise", enterprise_id))

    def open_demand(self, demand_id: str) -> None:
        self.calls.append(("demand", demand_id))

    def new_visit(self, enterprise_id: str | None = None) -> None:
        self.calls.append(("new_visit", enterprise_id))

    def show_screen(self, name: str) -> None:
        self.calls.append(("screen", name))


def open_visits_screen(qtbot: QtBot, ctx: AppContext) -> VisitsScreen:
    screen = VisitsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    return screen


def focused_widget() -> QWidget | None:
    return QApplication.focusWidget()


def pick_enterprise(qtbot: QtBot, screen: VisitsScreen, typed: str, enterprise_id: str) -> None:
    """Type part of the name, wait for the popup, arrow down to the enterprise, Enter."""
    picker = screen.form.picker
    type_text(picker, typed)
    qtbot.waitUntil(picker.popup_visible, timeout=2000)
    ids = picker.model.ids
    assert enterprise_id in ids
    for _ in range(ids.index(enterprise_id)):
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.enterprise_id == enterprise_id


def add_demand_row(qtbot: QtBot, screen: VisitsScreen, pinyin: str, title: str) -> None:
    form = screen.form
    qtbot.keyClick(focused_widget() or form, Qt.Key.Key_D, CTRL)
    row = form.demand_rows[-1]
    assert focused_widget() is row.kind
    qtbot.keyClick(row.kind, Qt.Key.Key_Tab)
    assert focused_widget() is row.category
    qtbot.keyClicks(row.category, pinyin)
    qtbot.keyClick(row.category, Qt.Key.Key_Tab)
    assert focused_widget() is row.title
    type_text(row.title, title)
