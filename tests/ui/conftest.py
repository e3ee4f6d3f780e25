"""UI fixtures: a real database with the small cast, an AppContext per role, Chinese typing."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from liaison.data.db import Database
from liaison.services.context import Actor
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.gc_guard import collect_on_gui_thread
from liaison.ui.i18n import install_translators
from liaison.ui.style import apply_style
from tests.conftest import Cast


@pytest.fixture(autouse=True, scope="session")
def _collect_on_gui_thread(qapp: QApplication) -> None:
    """As the app does (make_app): cycles, Qt objects among them, are freed on this thread."""
    collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def faults_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ErrorDialogs a test brings up, recorded instead of waiting for a click."""
    from liaison.ui import actions

    shown: list[str] = []

    def record(dialog: QDialog) -> None:
        shown.append(getattr(dialog, "details", ""))

    monkeypatch.setattr(actions, "show_dialog", record)
    return shown


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app in English for one test (its translators), Chinese again after."""
    install_translators(qapp, "en")
    try:
        yield
    finally:
        install_translators(qapp, "zh_CN")


@pytest.fixture
def make_ctx(db: Database, cast: Cast, qapp: QApplication) -> Callable[[Actor], AppContext]:
    """AppContext for one of the cast, e.g. make_ctx(cast.supervisor)."""
    apply_style(qapp)
    hub = ChangeHub()

    def make(actor: Actor) -> AppContext:
        return AppContext(db, actor, hub)

    return make


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method would (qtbot.keyClicks aborts on
    non-ASCII characters, see docs/architecture.md)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
