"""Small message helpers with a seam tests can replace (STYLE.md: dialogs with an ask())."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Dialogs", "无法完成操作"), message)


def show_info(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("Dialogs", "提示"), message)


def confirm(parent: QWidget | None, message: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("Dialogs", "请确认"), message)
    return answer == QMessageBox.StandardButton.Yes
