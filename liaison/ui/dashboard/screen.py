"""统计: what supervisors measure (docs/rules.md) for a period, by department, street, cadre or
category — headline cards for the district, a sortable table of the groups and a bar chart.

The figures are exactly those of `compute_metrics` (the same call), computed off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
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
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.services.demand_list import DRILL_FIGURES
from liaison.services.metrics import Grouping, MetricRow, MetricsReport, compute_metrics
from liaison.services.metrics_text import percent
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.dashboard import drill
from liaison.ui.dashboard.chart import BarChart, MetricCard
from liaison.ui.dashboard.drill import FigureChoice
from liaison.ui.dashboard.periods import (
    FRESH_MONTH_DAYS,
    PERIODS,
    default_period,
    period_dates,
)
from liaison.ui.dashboard.table import (
    RATE_COUNTS,
    RATE_NAMES,
    MetricsModel,
    group_label,
    metric_columns,
    rate_titles,
)
from liaison.ui.ops import run_in_background
from liaison.ui.screen import Screen

if TYPE_CHECKING:
    from liaison.ui.print_preview import BulletinDialog


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
        opening = default_period(today)
        self.period.setCurrentIndex(self.period.findData(opening))
        first, last = period_dates(opening, today)
        if opening == "last_month":
            self.period.setToolTip(
                self.tr("本月前 {n} 天数据尚少，默认显示上月；可改选本月").format(
                    n=FRESH_MONTH_DAYS
                )
            )
        self.start_edit = QDateEdit(QDate(first.year, first.month, first.day))
        self.end_edit = QDateEdit(QDate(last.year, last.month, last.day))
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
        self.print_bulletin_button = QPushButton(self.tr("打印通报…"))
        self.print_bulletin_button.setToolTip(
            self.tr("预览、打印或导出 Excel：所选月份的月度通报（指标、红黑榜、图表、超期清单）")
        )
        self.print_bulletin_button.clicked.connect(self.print_bulletin)
        head.addWidget(self.print_bulletin_button)

        # headline cards: the district total
        self.cards: dict[str, MetricCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for i, (name, text) in enumerate((*rate_titles().items(), ("overdue", self.tr("超期")))):
            card = MetricCard(text)
            card.counts.linkActivated.connect(lambda figure: self.drill_to(str(figure), None))
            self.cards[name] = card
            cards.addWidget(card, 0, i)

        # table of the groups
        self.model = MetricsModel(*metric_columns())
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
        self.drill = QPushButton(self.tr("查看诉求…"))
        self.drill.setToolTip(
            self.tr("列出所选分组（未选时为全区）某项统计数背后的诉求；也可双击表中的数字")
        )
        self.drill.clicked.connect(self._drill_down)
        self.ask_figure: Callable[[list[FigureChoice]], str | None] = self._ask_figure

        # chart of one rate per group
        self.chart_rate = QComboBox()
        for name, text in rate_titles().items():
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
            self.status.setText(self.tr("计算失败：{error}").format(error=tr_core(exc)))

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
                percent(getattr(total, name)),
                f"{getattr(total, num)}/{getattr(total, den)}",
                links=tuple(f if f in DRILL_FIGURES else None for f in (num, den)),
            )
            self.cards[name].setToolTip(drill.card_tip(num, den))
        self.cards["overdue"].show_figure(
            str(total.overdue),
            self.tr("件未办结已超期"),
            "#c0392b" if total.overdue else "#1d2b3a",
            links=("overdue",),
        )
        self.cards["overdue"].setToolTip(self.tr("点击查看这些诉求"))
        self.model.set_rows(list(report.rows))
        self.table_title.setText(self.tr("分组明细（{n} 组）").format(n=len(report.rows)))
        self._fill_chart()

    def _fill_chart(self) -> None:
        if self.report is None:
            return
        name = str(self.chart_rate.currentData())
        self.chart.set_bars([(group_label(r), getattr(r, name)) for r in self.model.rows])

    # --- printing -----------------------------------------------------------------------------

    def bulletin_month(self) -> date:
        """The month the 通报 dialog offers: the period's, or last month for a longer period."""
        start, end = self.current_period()
        if (start.year, start.month) == (end.year, end.month):
            return start
        return period_dates("last_month", clock.today())[0]

    def print_bulletin(self) -> BulletinDialog:
        from liaison.ui.print_preview import BulletinDialog  # QtPdf, reportlab: on use

        dialog = BulletinDialog(self.ctx.db, self.bulletin_month(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- drill-down (liaison.ui.dashboard.drill) ----------------------------------------------

    def _ask_figure(self, choices: list[FigureChoice]) -> str | None:
        return drill.ask_figure_menu(self, choices)

    def _selected_row(self) -> MetricRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        column = index.column()
        if column == len(self.model.columns) - 1:
            self.drill_to("overdue", row)
            return
        if 1 <= column <= len(RATE_NAMES):
            choices = drill.figure_choices(row, RATE_COUNTS[RATE_NAMES[column - 1]])
        else:
            choices = drill.figure_choices(row, DRILL_FIGURES)
        if choices:
            figure = self.ask_figure(choices)
            if figure:
                self.drill_to(figure, row)

    def _drill_down(self) -> None:
        """查看诉求…: pick a figure of the selected group (or of the district)."""
        if self.report is None:
            return
        row = self._selected_row()
        figure = self.ask_figure(drill.figure_choices(row or self.report.total, DRILL_FIGURES))
        if figure:
            self.drill_to(figure, row)

    def drill_to(self, figure: str, row: MetricRow | None) -> None:
        """Open 诉求 listing the demands behind `figure` of `row` (None: the district)."""
        report = self.report
        nav = self.ctx.nav
        if report is None or nav is None or figure not in DRILL_FIGURES:
            return
        drill.open_demands(nav, report, figure, row)
