"""Small message helpers with a seam tests can replace (docs/architecture.md: dialogs take an
ask())."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from liaison.ui.actions import ActionFailed
from liaison.ui.core_text import tr_core


def show_error(parent: QWidget | None, message: str | BaseException) -> None:
    """A refusal in a message box; a fault the action funnel already showed
    (`liaison.ui.actions.ActionFailed`) is not shown twice."""
    if isinstance(message, ActionFailed):
        return
    QMessageBox.warning(
        parent, QCoreApplication.translate("Dialogs", "无法完成操作"), tr_core(message)
    )


def show_info(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("Dialogs", "提示"), message)


def confirm(parent: QWidget | None, message: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("Dialogs", "请确认"), message)
    return answer == QMessageBox.StandardButton.Yes


def button_box(
    dialog: QDialog, accept_text: str, cancel_text: str, on_accept: Callable[[], None]
) -> QDialogButtonBox:
    """OK/Cancel with Chinese labels: OK runs `on_accept` (which validates and accepts), Cancel
    rejects the dialog."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if ok is not None:
        ok.setText(accept_text)
    if cancel is not None:
        cancel.setText(cancel_text)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
