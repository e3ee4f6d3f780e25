"""Taking demand steps on the 诉求 screen as a person does: open, act, fill in, confirm."""

from __future__ import annotations

from collections.abc import Callable
from typing import overload

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.services.context import Actor
from liaison.services.queries import DemandDetail, demand_detail
from liaison.ui.context import AppContext
from liaison.ui.demands import DemandsScreen
from liaison.ui.demands.dialog_base import ActionDialog
from liaison.ui.demands.list_panel import DemandListPanel

MakeCtx = Callable[[Actor], AppContext]


def detail(db: Database, demand_id: str, actor: Actor | None = None) -> DemandDetail:
    return demand_detail(db, demand_id, actor)


shown_screens: list[tuple[QtBot, DemandsScreen]] = []


def settle(qtbot: QtBot, panel: DemandListPanel) -> list[str]:
    """Wait for the list's background query; the ids it shows."""
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    return panel.model.ids


def open_demand(qtbot: QtBot, screen: DemandsScreen, demand_id: str) -> None:
    """Pick the demand in the list, as a person clicks its row."""
    settle(qtbot, screen.list_panel)
    assert screen.list_panel.select(demand_id), "the demand is not listed"
    assert screen.detail.demand_id == demand_id


@overload
def act(qtbot: QtBot, screen: DemandsScreen, kind: wf.EventKind) -> ActionDialog: ...
@overload
def act[D: ActionDialog](
    qtbot: QtBot, screen: DemandsScreen, kind: wf.EventKind, expect: type[D]
) -> D: ...
def act(
    qtbot: QtBot,
    screen: DemandsScreen,
    kind: wf.EventKind,
    expect: type[ActionDialog] = ActionDialog,
) -> ActionDialog:
    """Click the step's button; the dialog it opened, of the class `expect` names."""
    button = screen.detail.action_buttons[kind]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = screen.detail.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert isinstance(dialog, expect), type(dialog).__name__
    return dialog


def confirm(qtbot: QtBot, dialog: ActionDialog) -> None:
    """Ctrl+Enter, the shortcut every action dialog takes (a window shortcut: the dialog must
    be the active window, as it is on screen)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (its centre may be past the label
    when a layout stretches it, and there a click does nothing, on screen too)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose(dialog: ActionDialog, qtbot: QtBot, label: str) -> None:
    radio = next(r for r in dialog.findChildren(QRadioButton) if r.text() == label)
    tick(qtbot, radio)


def show(qtbot: QtBot, make_ctx: MakeCtx, actor: Actor) -> DemandsScreen:
    screen = DemandsScreen(make_ctx(actor))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    settle(qtbot, screen.list_panel)
    shown_screens.append((qtbot, screen))
    return screen
