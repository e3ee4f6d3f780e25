"""Pieces the admin tabs share: a table view set up the same way, error display."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from liaison.domain.errors import ValidationError
from liaison.ui.core_text import tr_core


def make_table(
    model: object, parent: QWidget | None = None, *, word_wrap: bool = True
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(word_wrap)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def show_field_error(label: QLabel, fields: dict[str, QWidget], exc: Exception) -> None:
    """Put the message under the form and mark the field it names."""
    label.setText(tr_core(exc))
    for name, widget in fields.items():
        bad = isinstance(exc, ValidationError) and exc.field == name
        widget.setProperty("invalid", bad)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
