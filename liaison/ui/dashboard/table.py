"""The dashboard's table: the rates it shows, the groups' rows and how a group is named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from liaison.services.demand_list import DRILL_FIGURES
from liaison.services.metrics import NONE_LABELS, RATE_SHARES, TOTAL_LABEL, MetricRow
from liaison.services.metrics_text import percent
from liaison.ui.table_model import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex

RATE_NAMES = tuple(RATE_SHARES)
RATE_COUNTS = RATE_SHARES
"""numerator, denominator of each rate (MetricRow's figures)."""


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardScreen", text)


def rate_titles() -> dict[str, str]:
    return {
        "coverage": _t("走访覆盖率"),
        "on_time_acceptance": _t("按期签收率"),
        "return_rate": _t("回退率"),
        "resolution_rate": _t("办结率"),
        "on_time_resolution": _t("按期办结率"),
        "reopen_rate": _t("重办率"),
        "satisfaction_rate": _t("满意率"),
    }


def metrics_labels() -> dict[str, str]:
    """The Chinese labels compute_metrics gives rows that are no group (metrics.NONE_LABELS,
    TOTAL_LABEL) → their UI text."""
    return {
        NONE_LABELS["department"]: QCoreApplication.translate("Metrics", "未交办/无所属单位"),
        NONE_LABELS["street"]: QCoreApplication.translate("Metrics", "未填街镇"),
        NONE_LABELS["cadre"]: QCoreApplication.translate("Metrics", "未记录"),
        NONE_LABELS["category"]: QCoreApplication.translate("Metrics", "未分类"),
        TOTAL_LABEL: QCoreApplication.translate("Metrics", "全区合计"),
    }


def group_label(row: MetricRow) -> str:
    """The row's group as the UI shows it: a department's, street's, cadre's or category's
    name as it is; the "none" row in the UI's language."""
    if row.key is not None:
        return row.label
    return metrics_labels().get(row.label, row.label)


class MetricsModel(ListTableModel[MetricRow]):
    """The groups' rows, sortable in Python by clicking a header."""

    def __init__(
        self, columns: list[Column[MetricRow]], sort_keys: list[Callable[[MetricRow], Any]]
    ) -> None:
        super().__init__(columns, key=lambda r: r.key or "")
        self.sort_keys = sort_keys
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[MetricRow]) -> None:
        super().set_rows(self._sorted(rows))

    def _sorted(self, rows: list[MetricRow]) -> list[MetricRow]:
        if not (0 <= self.sort_column < len(self.sort_keys)):
            return list(rows)
        key = self.sort_keys[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        present = [r for r in rows if key(r) is not None]
        missing = [r for r in rows if key(r) is None]  # "—" rows stay at the bottom
        return sorted(present, key=key, reverse=descending) + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = column
        self.sort_order = order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            if 0 < index.column() < len(self.columns):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_at(index.row())
            column = self.columns[index.column()] if index.column() < len(self.columns) else None
            if row is not None and column is not None and column.tooltip is not None:
                return column.tooltip(row)
            return None
        return super().data(index, role)


def metric_columns() -> tuple[list[Column[MetricRow]], list[Callable[[MetricRow], Any]]]:
    """The table's columns (分组, the rates, 超期) and the sort key of each."""

    def rate_text(name: str) -> Callable[[MetricRow], str]:
        return lambda r: percent(getattr(r, name))

    def rate_tip(name: str) -> Callable[[MetricRow], str]:
        num, den = RATE_COUNTS[name]
        if num not in DRILL_FIGURES:
            return lambda r: f"{getattr(r, num)}/{getattr(r, den)}"
        hint = _t("{num}/{den}（双击查看诉求）")
        return lambda r: hint.format(num=getattr(r, num), den=getattr(r, den))

    def rate_key(name: str) -> Callable[[MetricRow], Any]:
        return lambda r: getattr(r, name)

    columns: list[Column[MetricRow]] = [Column(_t("分组"), group_label)]
    keys: list[Callable[[MetricRow], Any]] = [group_label]
    for name, text in rate_titles().items():
        columns.append(Column(text, rate_text(name), True, tooltip=rate_tip(name)))
        keys.append(rate_key(name))
    columns.append(
        Column(
            _t("超期"),
            lambda r: str(r.overdue),
            True,
            color=lambda r: "#c0392b" if r.overdue else None,
            tooltip=lambda _r: _t("双击查看超期诉求"),
        )
    )
    keys.append(lambda r: r.overdue)
    return columns, keys
