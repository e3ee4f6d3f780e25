"""统计: what supervisors measure (PRODUCT.md) for a period, by department, street, cadre or
category — headline cards for the district, a sortable table of the groups and a bar chart.

The figures are exactly those of `compute_metrics` (the same call), computed off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.services.metrics import Grouping, MetricRow, MetricsReport, compute_metrics
from liaison.services.metrics_text import percent
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.ops import run_in_background
from liaison.ui.screen import Screen
from liaison.ui.table_model import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex

PERIODS = ("month", "last_month", "quarter", "last_quarter", "year", "custom")

RATE_NAMES = (
    "coverage",
    "on_time_acceptance",
    "return_rate",
    "resolution_rate",
    "on_time_resolution",
    "reopen_rate",
    "satisfaction_rate",
)

RATE_COUNTS: dict[str, tuple[str, str]] = {
    "coverage": ("coverage_visited", "coverage_assigned"),
    "on_time_acceptance": ("accepted_on_time", "routed"),
    "return_rate": ("returned", "routed"),
    "resolution_rate": ("resolved_or_closed", "raised"),
    "on_time_resolution": ("resolved_on_time", "resolved"),
    "reopen_rate": ("reopened", "resolved"),
    "satisfaction_rate": ("satisfied", "followed_up"),
}
"""numerator, denominator of each rate (MetricRow's figures)."""


def period_dates(period: str, today: date) -> tuple[date, date]:
    """[start, end] of a named period around `today` (custom: not handled here)."""
    if period == "month":
        return today.replace(day=1), today
    if period == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    quarter_start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    if period == "quarter":
        return quarter_start, today
    if period == "last_quarter":
        end = quarter_start - timedelta(days=1)
        return end.replace(month=(end.month - 1) // 3 * 3 + 1, day=1), end
    return today.replace(month=1, day=1), today


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


class MetricCard(QFrame):
    """A headline figure: the rate in big type and the counts behind it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title)
        self.title.setObjectName("muted")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 22px; font-weight: bold; color: #1d2b3a;")
        self.counts = QLabel("")
        self.counts.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.counts)

    def show_figure(self, value: str, counts: str, color: str = "#1d2b3a") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {color};")
        self.counts.setText(counts)


class BarChart(QWidget):
    """Horizontal bars of one rate per group, painted with QPainter."""

    BAR = 18
    GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, float | None]]) -> None:
        self.bars = bars
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, max(40, 8 + len(self.bars) * (self.BAR + self.GAP)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.bars:
            painter.setPen(QColor("#6b7785"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有可显示的数据"))
            return
        metrics = painter.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 12,
            self.width() // 2,
        )
        value_width = metrics.horizontalAdvance("100.0%") + 10
        top = max(1.0, max(v for _, v in self.bars if v is not None) if self._any() else 1.0)
        span = max(10, self.width() - label_width - value_width - 8)
        y = 4
        for label, value in self.bars:
            text_rect = QRectF(4, y, label_width - 8, self.BAR)
            painter.setPen(QColor("#1d2b3a"))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            x = label_width
            if value is not None:
                width = span * value / top
                painter.fillRect(QRectF(x, y + 2, max(1.0, width), self.BAR - 4), QColor("#1f5fa8"))
                x_text = x + width + 4
            else:
                x_text = x + 4
            painter.setPen(QColor("#6b7785"))
            painter.drawText(
                QRectF(x_text, y, value_width, self.BAR),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                percent(value),
            )
            y += self.BAR + self.GAP

    def _any(self) -> bool:
        return any(v is not None for _, v in self.bars)


class DashboardScreen(Screen):
    watches = frozenset({DEMAND, VISIT, ENTERPRISE, ACCOUNT, REFERENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: MetricsReport | None = None
        self.busy = False
        self._request = 0

        title = QLabel(self.tr("统计"))
        title.setObjectName("screenTitle")
        self.period = QComboBox()
        for key, text in zip(
            PERIODS,
            (
                self.tr("本月"),
                self.tr("上月"),
                self.tr("本季度"),
                self.tr("上季度"),
                self.tr("本年"),
                self.tr("自定义"),
            ),
            strict=True,
        ):
            self.period.addItem(text, key)
        today = clock.today()
        self.start_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.grouping = QComboBox()
        for key, text in (
            ("department", self.tr("按部门")),
            ("street", self.tr("按街镇")),
            ("cadre", self.tr("按干部")),
            ("category", self.tr("按类别")),
        ):
            self.grouping.addItem(text, key)
        self.status = QLabel("")
        self.status.setObjectName("muted")

        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(QLabel(self.tr("统计期")))
        head.addWidget(self.period)
        head.addWidget(self.start_edit)
        head.addWidget(QLabel(self.tr("至")))
        head.addWidget(self.end_edit)
        head.addSpacing(12)
        head.addWidget(QLabel(self.tr("口径")))
        head.addWidget(self.grouping)
        head.addSpacing(12)
        head.addWidget(self.status, 1)

        # headline cards: the district total
        self.cards: dict[str, MetricCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for i, (name, text) in enumerate(
            (*self._rate_titles().items(), ("overdue", self.tr("超期")))
        ):
            card = MetricCard(text)
            self.cards[name] = card
            cards.addWidget(card, 0, i)

        # table of the groups
        self.model = MetricsModel(*self._columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(74)
        header.setMinimumSectionSize(50)
        header.resizeSection(0, 132)
        self.table.doubleClicked.connect(self._double_clicked)
        self.drill = QPushButton(self.tr("查看诉求"))
        self.drill.setToolTip(self.tr("打开诉求页查看所选分组的诉求"))
        self.drill.clicked.connect(self._drill_down)

        # chart of one rate per group
        self.chart_rate = QComboBox()
        for name, text in self._rate_titles().items():
            self.chart_rate.addItem(text, name)
        self.chart_rate.setCurrentIndex(RATE_NAMES.index("resolution_rate"))
        self.chart = BarChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setStyleSheet("background: white;")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_head = QHBoxLayout()
        self.table_title = QLabel(self.tr("分组明细"))
        self.table_title.setObjectName("sectionTitle")
        left_head.addWidget(self.table_title)
        left_head.addStretch(1)
        left_head.addWidget(self.drill)
        left_layout.addLayout(left_head)
        left_layout.addWidget(self.table, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_head = QHBoxLayout()
        chart_title = QLabel(self.tr("图表"))
        chart_title.setObjectName("sectionTitle")
        right_head.addWidget(chart_title)
        right_head.addStretch(1)
        right_head.addWidget(self.chart_rate)
        right_layout.addLayout(right_head)
        right_layout.addWidget(chart_scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addLayout(cards)
        layout.addWidget(self.splitter, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.start_edit.dateChanged.connect(self._custom_changed)
        self.end_edit.dateChanged.connect(self._custom_changed)
        self.grouping.currentIndexChanged.connect(lambda _i: self.refresh())
        self.chart_rate.currentIndexChanged.connect(lambda _i: self._fill_chart())
        self.model.layoutChanged.connect(self._fill_chart)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # first show: the table as wide as its columns, the chart the rest
            self._sized = True
            width = max(self.splitter.width(), 1000)
            table = min(int(width * 0.66), 132 + 8 * 74 + 24)
            self.splitter.setSizes([table, width - table])
        super().showEvent(event)

    # --- labels -------------------------------------------------------------------------------

    def _rate_titles(self) -> dict[str, str]:
        return {
            "coverage": self.tr("走访覆盖率"),
            "on_time_acceptance": self.tr("按期签收率"),
            "return_rate": self.tr("回退率"),
            "resolution_rate": self.tr("办结率"),
            "on_time_resolution": self.tr("按期办结率"),
            "reopen_rate": self.tr("重办率"),
            "satisfaction_rate": self.tr("满意率"),
        }

    def _columns(self) -> tuple[list[Column[MetricRow]], list[Callable[[MetricRow], Any]]]:
        def rate_text(name: str) -> Callable[[MetricRow], str]:
            return lambda r: percent(getattr(r, name))

        def rate_tip(name: str) -> Callable[[MetricRow], str]:
            num, den = RATE_COUNTS[name]
            return lambda r: f"{getattr(r, num)}/{getattr(r, den)}"

        def rate_key(name: str) -> Callable[[MetricRow], Any]:
            return lambda r: getattr(r, name)

        columns: list[Column[MetricRow]] = [Column(self.tr("分组"), lambda r: r.label)]
        keys: list[Callable[[MetricRow], Any]] = [lambda r: r.label]
        for name, text in self._rate_titles().items():
            columns.append(Column(text, rate_text(name), True, tooltip=rate_tip(name)))
            keys.append(rate_key(name))
        columns.append(
            Column(
                self.tr("超期"),
                lambda r: str(r.overdue),
                True,
                color=lambda r: "#c0392b" if r.overdue else None,
            )
        )
        keys.append(lambda r: r.overdue)
        return columns, keys

    # --- period -------------------------------------------------------------------------------

    def current_period(self) -> tuple[date, date]:
        key = self.period.currentData()
        if key == "custom":
            return self.start_edit.date().toPython(), self.end_edit.date().toPython()  # type: ignore[return-value]
        return period_dates(str(key), clock.today())

    def current_grouping(self) -> Grouping:
        value: Grouping = self.grouping.currentData()
        return value

    def _period_changed(self, _index: int) -> None:
        custom = self.period.currentData() == "custom"
        for edit in (self.start_edit, self.end_edit):
            edit.setEnabled(custom)
        if not custom:
            start, end = period_dates(str(self.period.currentData()), clock.today())
            for edit, day in ((self.start_edit, start), (self.end_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def _custom_changed(self, _date: QDate) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    # --- computing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.current_period()
        if start > end:
            self.status.setText(self.tr("开始日期不能晚于结束日期"))
            return
        by = self.current_grouping()
        self._request += 1
        request = self._request
        self.busy = True
        self.status.setText(self.tr("正在计算…"))
        db = self.ctx.db

        def done(report: MetricsReport) -> None:
            if not shiboken6.isValid(self) or request != self._request:
                return  # an older request, or the screen is gone
            self.busy = False
            self.show_report(report)

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self) or request != self._request:
                return
            self.busy = False
            self.status.setText(self.tr("计算失败：{error}").format(error=str(exc)))

        run_in_background(self, lambda: compute_metrics(db, start, end, by), done, failed)

    def show_report(self, report: MetricsReport) -> None:
        self.report = report
        self.status.setText(
            self.tr("{start} 至 {end}，超期截至 {as_of}").format(
                start=report.start.isoformat(),
                end=report.end.isoformat(),
                as_of=report.as_of.isoformat(),
            )
        )
        total = report.total
        for name in RATE_NAMES:
            num, den = RATE_COUNTS[name]
            self.cards[name].show_figure(
                percent(getattr(total, name)), f"{getattr(total, num)}/{getattr(total, den)}"
            )
        self.cards["overdue"].show_figure(
            str(total.overdue),
            self.tr("件未办结已超期"),
            "#c0392b" if total.overdue else "#1d2b3a",
        )
        self.model.set_rows(list(report.rows))
        self.table_title.setText(self.tr("分组明细（{n} 组）").format(n=len(report.rows)))
        self._fill_chart()

    def _fill_chart(self) -> None:
        if self.report is None:
            return
        name = str(self.chart_rate.currentData())
        self.chart.set_bars([(r.label, getattr(r, name)) for r in self.model.rows])

    # --- drill-down ---------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        titles = [c.title for c in self.model.columns]
        drillable = {titles[-1], self._rate_titles()["resolution_rate"]}
        if titles[index.column()] in drillable:
            self._drill_down()

    def _drill_down(self) -> None:
        """The demands screen has no programmatic filter yet: open it as it is."""
        if self.ctx.nav is not None:
            self.ctx.nav.show_screen("demands")
