"""RecordTable: a small read-only table over records already loaded, or a line saying there
are none (the enterprise detail's tabs)."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
)

from liaison.ui.table_model import Column, IdTableModel

R = TypeVar("R")


class RecordTable(QStackedWidget):
    """A small table over already-loaded records, or a line saying there are none."""

    def __init__(
        self, columns: list[Column[R]], empty_text: str, stretch_column: int | None = None
    ) -> None:
        super().__init__()
        self.records: dict[str, Any] = {}
        self.model: IdTableModel[Any] = IdTableModel(
            columns, lambda ids: {i: self.records[i] for i in ids}
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        if stretch_column is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.stretch_column = stretch_column
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.view)
        self.addWidget(self.empty)

    def set_records(self, records: list[Any]) -> None:
        self.records = {r.id: r for r in records}
        self.model.set_ids([r.id for r in records])
        self.setCurrentWidget(self.view if records else self.empty)

    def fit_columns(self, texts: list[str]) -> None:
        """Width of each column but the stretching one from a sample text (header included)."""
        fm = self.fontMetrics()
        bold = self.view.horizontalHeader().fontMetrics()
        for column, text in enumerate(texts):
            if column == self.stretch_column:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(fm.horizontalAdvance(text), bold.horizontalAdvance(title) + 8)
            self.view.setColumnWidth(column, width + 20)
