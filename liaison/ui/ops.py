"""Run slow core work off the GUI thread and hand the result back on it (Anki's QueryOp).

Errors take the action funnel's path (`liaison.ui.actions`): a refusal (`DomainError`) is
logged and handed to `on_error` (or shown); any other exception is a fault — logged with its
traceback, shown once in the ErrorDialog, and handed to `on_error` as `ActionFailed`."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from liaison import logs
from liaison.domain.errors import DomainError


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


_live: set[_Relay] = set()


def run_in_background(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    label: str | None = None,
    action: str = "",
) -> _Relay:
    """Call `fn` on a worker thread. `on_done(result)` / `on_error(exc)` run on the GUI thread.

    With a `label`, a progress dialog appears if the work takes longer than half a second.
    `action` names the work in the log (default: the function's name).
    """
    action = action or getattr(fn, "__qualname__", "background work")
    relay = _Relay()
    _live.add(relay)
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None
    if label is not None:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        timer = QTimer(relay)
        timer.setSingleShot(True)

    def close() -> None:
        _live.discard(relay)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def done(result: Any) -> None:
        close()
        on_done(result)

    def failed(exc: Exception) -> None:
        close()
        if isinstance(exc, DomainError):
            logs.refusal(action, exc)
        else:
            from liaison.ui.actions import fault

            exc = fault(parent, action, exc)
        if on_error is not None:
            on_error(exc)
        else:
            from liaison.ui.dialogs import show_error

            show_error(parent, exc)  # says nothing for ActionFailed: the dialog did

    relay.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay
