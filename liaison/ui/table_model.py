"""A table model over a list of ids with a row cache (Anki's browser, calibre's view).

The model holds only the ordered ids; rows are fetched a page at a time when the view asks for
them and kept in a cache. Search and sort happen in SQL and hand over a new id list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column[R]:
    title: str
    text: Callable[[R], str]
    align_right: bool = False
    color: Callable[[R], str | None] | None = None
    """A text colour (e.g. red for overdue) or None."""
    tooltip: Callable[[R], str | None] | None = None


ID_ROLE = Qt.ItemDataRole.UserRole + 1


class IdTableModel[R](QAbstractTableModel):
    def __init__(
        self,
        columns: list[Column[R]],
        fetch: Callable[[list[str]], dict[str, R]],
        page_size: int = 200,
    ) -> None:
        super().__init__()
        self.columns = columns
        self.fetch = fetch
        self.page_size = page_size
        self.ids: list[str] = []
        self.cache: dict[str, R] = {}

    # --- content ---------------------------------------------------------------------------

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self.cache.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached rows (after an edit); the view re-fetches what it shows."""
        self.cache.clear()
        if self.ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.ids) - 1, len(self.columns) - 1)
            )

    def id_at(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, row: int) -> R | None:
        eid = self.id_at(row)
        if eid is None:
            return None
        if eid not in self.cache:
            start = (row // self.page_size) * self.page_size
            page = [i for i in self.ids[start : start + self.page_size] if i not in self.cache]
            self.cache.update(self.fetch(page))
        return self.cache.get(eid)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.column() < len(self.columns)):
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        row = self.row_of(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


class ListTableModel[R](QAbstractTableModel):
    """A small table (accounts, departments, categories) held in full."""

    def __init__(self, columns: list[Column[R]], key: Callable[[R], str]) -> None:
        super().__init__()
        self.columns = columns
        self.key = key
        self.rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self.key(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        return None
