"""RowList: a growing list of inline rows (participants, demands) with an add button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison.ui.visits.rows import DemandRow, ParticipantRow

Row = ParticipantRow | DemandRow


class RowList(QWidget):
    """Rows added by the button (or a shortcut), removed by their ✕, numbered if asked."""

    changed = Signal()
    """Something in a row was edited, or a row came or went."""
    rows_changed = Signal()
    """A row came or went (the form re-links its tab order)."""

    def __init__(
        self,
        make_row: Callable[[], Row],
        add_text: str,
        hint: str = "",
        *,
        numbered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.make_row = make_row
        self.numbered = numbered
        self.rows: list[Any] = []
        self.box = QVBoxLayout()
        self.box.setSpacing(4)
        self.add_button = QPushButton(add_text)
        self.hint = QLabel(hint)
        self.hint.setObjectName("muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.hint)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.box)
        layout.addLayout(bottom)
        self.add_button.clicked.connect(lambda: self.add(focus=True))
        self._update()

    def add(self, value: dict[str, Any] | None = None, *, focus: bool = False) -> Any:
        row = self.make_row()
        if value:
            row.set_value(value)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove)
        self.rows.append(row)
        self.box.addWidget(row)
        row.show()  # now, not when the layout gets to it: Tab skips hidden widgets
        self._update()
        if focus:
            row.focus_chain()[0].setFocus()
            self.changed.emit()
        return row

    def remove(self, row: Any) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._update()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].focus_chain()[0].setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def values(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows]

    def set_values(self, values: list[dict[str, Any]]) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for value in values:
            self.add(value)
        self._update()

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows:
            chain += row.focus_chain()
        return [*chain, self.add_button]

    def _update(self) -> None:
        if self.numbered:
            for n, row in enumerate(self.rows, 1):
                row.set_number(n)
        self.hint.setVisible(not self.rows and bool(self.hint.text()))
        self.rows_changed.emit()
