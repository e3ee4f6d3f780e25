"""One path for every action the app performs on the database (after Anki's CollectionOp).

`perform(parent, "保存企业", fn)` runs the service call `fn` on a worker thread while the window
keeps painting; the caller waits for it as for a plain call (a nested event loop), so a form
reads on as before: the result comes back, a `DomainError` comes back to the form to show next
to its field. Meanwhile the user's input is held back (no second click saves twice), and work
that takes longer than `PROGRESS_AFTER_MS` shows a progress dialog — a save that waits behind
another program's import says so instead of freezing the window.

Anything else is a fault, not the user's mistake: it is logged with its traceback, shown once in
`ErrorDialog` (a short Chinese explanation, the details behind 复制详情), and handed to the form
as `ActionFailed`, a `DomainError`, so the form stays open with what was typed. Errors that escape
everywhere else reach the same dialog through `install_excepthooks`.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from liaison import logs
from liaison.domain.errors import DomainError

PROGRESS_AFTER_MS = 300
POLL_MS = 10
_workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="liaison-action")
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Close,
    }
)


class ActionFailed(DomainError):
    """An action ended by a fault (shown in `ErrorDialog` and logged): what the form says."""


class _HoldInput(QObject):
    """Drops the user's clicks, keys and window closes while an action runs."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        return event.type() in _INPUT and (event.type() != QEvent.Type.Close or event.spontaneous())


def perform[T](parent: QWidget | None, action: str, fn: Callable[[], T], label: str = "") -> T:
    """Run `fn` off the GUI thread and return its result; re-raise a `DomainError` (logged by
    kind); turn any other exception into `ActionFailed` after showing it. `action` names the
    action in the log; `label` is what the progress dialog says (default 正在处理…)."""
    app = QCoreApplication.instance()
    future: Future[T] = _workers.submit(fn)
    started = time.monotonic()
    if app is not None and not future.done():
        _wait(parent, future, label)
    try:
        result = future.result()
    except DomainError as exc:
        logs.refusal(action, exc)
        raise
    except Exception as exc:
        raise fault(parent, action, exc) from exc
    logs.log.info("done %s in %.0f ms", action, (time.monotonic() - started) * 1000)
    return result


def fault(parent: QWidget | None, action: str, exc: BaseException) -> ActionFailed:
    """Log a fault of `action` with its traceback and show it once in `ErrorDialog`; return
    the `ActionFailed` a form or screen shows instead (it is never shown twice)."""
    logs.failure(action, exc)
    show_fault(parent, _details(exc))
    return ActionFailed(
        QCoreApplication.translate(
            "Actions",
            "操作没有完成：出现了意外错误（详情已记入日志）。已填写的内容仍在，可稍后再试。",
        )
    )


def _wait[T](parent: QWidget | None, future: Future[T], label: str) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    hold = _HoldInput()
    app.installEventFilter(hold)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if future.done() else None)
    dialog: QProgressDialog | None = None

    def show_progress() -> None:
        nonlocal dialog
        if future.done():
            return
        text = label or QCoreApplication.translate("Actions", "正在处理…")
        dialog = QProgressDialog(text, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()

    QTimer.singleShot(PROGRESS_AFTER_MS, loop, show_progress)
    poll.start()
    try:
        if not future.done():
            loop.exec()
    finally:
        poll.stop()
        app.removeEventFilter(hold)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()


def _details(exc: BaseException) -> str:
    from liaison import __version__

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"Liaison {__version__}\n{text}"


class ErrorDialog(QDialog):
    """A fault, told in one short Chinese paragraph; the technical details fold out and copy."""

    def __init__(self, parent: QWidget | None, details: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("出现意外错误"))
        self.details = details
        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr(
                "这一步没有完成，数据库中没有写入一半的内容。这是程序的问题，不是您的操作有误。"
                "\n请点“复制详情”，把详情发给技术支持；日志文件：{0}"
            ).format(logs.log_file())
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("关闭"))
        self.copy_button = buttons.addButton(
            self.tr("复制详情"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)


show_dialog: Callable[[QDialog], object] = QDialog.exec
"""How an ErrorDialog is shown (tests replace it so that nothing waits for a click)."""


def show_fault(parent: QWidget | None, details: str) -> None:
    dialog = ErrorDialog(parent, details)
    show_dialog(dialog)
    dialog.deleteLater()


class _Relay(QObject):
    fault = Signal(str)


_relays: list[_Relay] = []


def install_excepthooks(app: QApplication) -> None:
    """Errors that nothing caught — in a slot, on a worker thread — are logged and shown in
    `ErrorDialog` instead of a traceback on a console nobody sees."""
    relay = _Relay(app)
    _relays[:] = [relay]
    relay.fault.connect(
        lambda details: show_fault(QApplication.activeWindow(), details),
        Qt.ConnectionType.QueuedConnection,
    )

    def on_exception(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        logs.uncaught(kind, exc, tb)
        for relay in _relays:
            relay.fault.emit("".join(traceback.format_exception(kind, exc, tb)))

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
