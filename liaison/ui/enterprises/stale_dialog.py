"""Someone saved the enterprise while this form was open, changing what the person changed too:
show the three values of each such field side by side and let the person choose whose to keep.
The other changes on both sides are kept either way (`liaison.domain.edits`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison.services.enterprises import ContactInput, StaleEdit
from liaison.ui.core_text import tr_core

MINE = "mine"
THEIRS = "theirs"


def _label(field: str) -> str:
    from liaison.services.enterprises import FIELD_LABELS

    return tr_core(FIELD_LABELS[field])


class StaleEditDialog(QDialog):
    """`choice` is MINE or THEIRS once accepted. `show` turns a field's value into the text
    the form shows (a street's name for its id)."""

    def __init__(
        self, stale: StaleEdit, show: Callable[[str, object], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("他人已修改该企业"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "您编辑期间，他人已修改并保存了下列内容，与您的修改不同。请选择保留哪一方；"
                "其余内容，双方的修改都会保留。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [self.tr("项目"), self.tr("您打开时"), self.tr("您的修改"), self.tr("他人已保存")]
        self.table = QTableWidget(len(stale.clashes), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, clash in enumerate(stale.clashes):
            cells = (
                _label(clash.field),
                show(clash.field, clash.seen),
                show(clash.field, clash.mine),
                show(clash.field, clash.theirs),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.mine_button = QPushButton(self.tr("保留我的修改"))
        self.mine_button.setObjectName("primary")
        self.theirs_button = QPushButton(self.tr("采用他人的"))
        self.cancel_button = QPushButton(self.tr("返回编辑"))
        for button in (self.mine_button, self.theirs_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(THEIRS))
        self.cancel_button.clicked.connect(self.reject)
        self.resize(680, 300)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def plain(value: object) -> str:
    """A field's value as text, where the form has no better label for it."""
    if value is None or value in ("", ()):
        return "—"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, tuple):
        if all(isinstance(v, ContactInput) for v in value):
            return "；".join(
                " ".join(p for p in (c.name, c.title, c.phone) if p)
                for c in value
                if isinstance(c, ContactInput)
            )
        return "、".join(str(v) for v in value)
    return str(value)
