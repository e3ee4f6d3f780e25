"""The demand list with its filters: ids from SQL, rows fetched a screenful at a time."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.domain.workdays import DUE_SOON_WORKING_DAYS
from liaison.services import demand_list as dl
from liaison.services.admin import list_departments
from liaison.services.reference_lists import list_categories, list_streets
from liaison.ui import vocab
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.demands.detail import DUE_SOON_COLOR, OVERDUE_COLOR
from liaison.ui.demands.list_columns import (
    COLUMN_WIDTHS,
    DAYS_COLUMN,
    ENTERPRISE_COLUMN,
    ENTERPRISE_MIN,
    OPTIONAL_COLUMNS,
    STATE_COLUMN,
    TITLE_COLUMN,
    TITLE_MIN,
    Row,
    columns,
    days_short,
    mine_label,
)
from liaison.ui.list_fit import elide_in_the_middle, fit_columns
from liaison.ui.ops import run_in_background
from liaison.ui.table_model import IdTableModel

SEARCH_DELAY_MS = 250


def _t(text: str) -> str:
    return QCoreApplication.translate("DemandList", text)


class DemandListPanel(QWidget):
    current_changed = Signal(object)
    """The selected demand id (str) or None."""
    ids_did_load = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_query_ms = 0.0
        self._quiet = False
        self._ready = False
        self.busy = False
        self.generation = 0
        self.wanted_id: str | None = None
        """A demand to select once the list has loaded (opened from elsewhere)."""
        self.drill: dl.DemandFilter | None = None
        """A filter set by another screen (the demands behind a figure of 统计), shown as a
        chip; the pickers narrow it further."""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.model: IdTableModel[Row] = IdTableModel(
            columns(), lambda ids: dl.demand_rows(ctx.db, ids)
        )
        self._build_filters()
        self._build_table()
        self._search_timer.timeout.connect(self.reload)

        self.count = QLabel()
        self.count.setObjectName("muted")
        legend = QLabel(
            _t('<span style="color:{red}">■ 已超期</span>　'
               '<span style="color:{amber}">■ {n} 个工作日内到期</span>（按法定工作日计算）')
            .format(red=OVERDUE_COLOR, amber=DUE_SOON_COLOR, n=DUE_SOON_WORKING_DAYS)
        )  # fmt: skip
        legend.setObjectName("muted")
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(legend)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chip)
        layout.addLayout(self.filter_rows)
        layout.addWidget(self.table_stack, 1)
        layout.addLayout(footer)
        self._apply_role_defaults()
        self._ready = True
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)

    # --- building ---------------------------------------------------------------------------

    def _combo(self, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(self.reload)
        return combo

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(_t("搜索诉求标题、企业名称或拼音首字母（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.mine = QCheckBox(mine_label(self.ctx.actor.role))
        self.mine.toggled.connect(self.reload)
        self.overdue = QCheckBox(_t("只看超期"))
        self.overdue.toggled.connect(self.reload)
        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        first.addWidget(self.mine)
        first.addWidget(self.overdue)

        self.state = self._combo(_t("状态"))
        for label, value in (
            (_t("全部状态"), None),
            (_t("未办结"), dl.STATE_GROUP_OPEN),
            (_t("延期待批"), dl.STATE_EXTENSION_PENDING),
            *((label, str(s)) for s, label in vocab.choices(wf.STATE_LABELS)),
        ):
            self.state.addItem(label, value)
        self.department = self._combo(_t("承办单位（牵头或协办）"))
        self.category = self._combo(_t("诉求类别"))
        self.street = self._combo(_t("企业所在街镇"))
        self.sort = self._combo(_t("排序"))
        for label, sort in (
            (_t("按紧急程度"), dl.Sort.URGENT),
            (_t("按办结时限"), dl.Sort.DEADLINE),
            (_t("最新提出"), dl.Sort.RAISED_NEWEST),
            (_t("最早提出"), dl.Sort.RAISED_OLDEST),
            (_t("按督办次数"), dl.Sort.ESCALATION),
        ):
            self.sort.addItem(label, str(sort))
        self.fill_choices()
        self.reset_button = QPushButton(_t("清除筛选"))
        self.reset_button.clicked.connect(self.reset_filters)
        second = QHBoxLayout()
        for combo in (self.state, self.department, self.category, self.street, self.sort):
            second.addWidget(combo, 1)
        second.addWidget(self.reset_button)
        self.filter_rows = QVBoxLayout()
        self.filter_rows.addLayout(first)
        self.filter_rows.addLayout(second)
        self._build_chip()

    def _build_chip(self) -> None:
        self.chip = QFrame()
        self.chip.setObjectName("filterChip")
        self.chip.setStyleSheet(
            "#filterChip { background: #e8f0fa; border: 1px solid #1f5fa8; border-radius: 4px; }"
        )
        self.chip_label = QLabel()
        self.chip_label.setStyleSheet("color: #1d2b3a; font-weight: bold;")
        self.chip_label.setWordWrap(True)
        self.chip_clear = QToolButton()
        self.chip_clear.setText(_t("✕ 清除"))
        self.chip_clear.setToolTip(_t("取消来自统计的筛选，回到全部诉求"))
        self.chip_clear.setAutoRaise(True)
        self.chip_clear.clicked.connect(self.clear_drill)
        row = QHBoxLayout(self.chip)
        row.setContentsMargins(8, 3, 4, 3)
        row.addWidget(self.chip_label, 1)
        row.addWidget(self.chip_clear)
        self.chip.hide()

    def apply_filter(self, f: dl.DemandFilter, label: str, tooltip: str = "") -> None:
        """List the demands of `f` (e.g. those behind a figure of 统计), say so in the chip,
        and reset the pickers so the list shows exactly those demands."""
        self.drill = f
        self._set_quietly(mine=f.mine, state=f.state)
        self.sort.blockSignals(True)
        self.sort.setCurrentIndex(max(0, self.sort.findData(str(f.sort))))
        self.sort.blockSignals(False)
        self.chip_label.setText(label)
        self.chip.setToolTip(tooltip)
        self.chip.show()
        self.reload()

    def clear_drill(self) -> None:
        if self.drill is None:
            return
        self.drill = None
        self.chip.hide()
        self.reload()

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(36)
        elide_in_the_middle(self.table)
        natural = list(COLUMN_WIDTHS)
        # the English state words ("In progress", "Withdrawn") are wider than the Chinese ones
        metrics = self.table.fontMetrics()
        states = max(metrics.horizontalAdvance(t) for _, t in vocab.choices(wf.STATE_LABELS))
        natural[STATE_COLUMN] = max(COLUMN_WIDTHS[STATE_COLUMN], states + 16)
        # the longest words of the 剩余工作日 column, a sign-in overdue by three digits
        days = metrics.horizontalAdvance(days_short(-999, reply=True))
        natural[DAYS_COLUMN] = max(COLUMN_WIDTHS[DAYS_COLUMN], days + 16)
        self.natural_widths = natural
        for col, width in enumerate(natural):
            header.resizeSection(col, width)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)

    def fill_choices(self) -> None:
        """(Re)load the department, category and street pickers, keeping what is chosen."""
        db = self.ctx.db
        for combo, everything, items in (
            (
                self.department,
                _t("全部单位"),
                [(d.name, d.id) for d in list_departments(db)],
            ),
            (self.category, _t("全部类别"), [(c.name, c.id) for c in list_categories(db)]),
            (self.street, _t("全部街镇"), [(s.name, s.id) for s in list_streets(db)]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)

    def _apply_role_defaults(self) -> None:
        """What each role opens the list on: a handler their unit's open items, a cadre the
        enterprises they look after, a supervisor everything still open."""
        role = self.ctx.actor.role
        self._set_quietly(
            mine=role in (Role.HANDLER, Role.CADRE, Role.STREET_STAFF),
            state=dl.STATE_GROUP_OPEN if role in (Role.HANDLER, Role.SUPERVISOR) else None,
        )

    def _set_quietly(self, *, mine: bool, state: str | None) -> None:
        widgets = (self.mine, self.state, self.overdue, self.department, self.category)
        for w in (*widgets, self.street, self.sort, self.search):
            w.blockSignals(True)
        self.mine.setChecked(mine)
        self.overdue.setChecked(False)
        self.state.setCurrentIndex(max(0, self.state.findData(state)) if state else 0)
        for combo in (self.department, self.category, self.street, self.sort):
            combo.setCurrentIndex(0)
        self.search.clear()
        for w in (*widgets, self.street, self.sort, self.search):
            w.blockSignals(False)

    def reset_filters(self) -> None:
        self._set_quietly(mine=False, state=None)
        self.drill = None
        self.chip.hide()
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        """Fit the columns in the list's width (liaison.ui.list_fit): 诉求 (60 %) and 企业
        (40 %) share the spare room; on a narrow list 提出日期, 类别 and then 办结时限 step aside
        (the detail pane shows them) before 诉求 and 企业 shrink; 牵头单位 and 督办 stay."""
        fit_columns(
            self.table,
            self.natural_widths,
            flexible={TITLE_COLUMN: 0.6, ENTERPRISE_COLUMN: 0.4},
            minimum={TITLE_COLUMN: TITLE_MIN, ENTERPRISE_COLUMN: ENTERPRISE_MIN},
            optional=OPTIONAL_COLUMNS,
        )

    # --- querying ---------------------------------------------------------------------------

    def current_filter(self) -> dl.DemandFilter:
        base = self.drill or dl.DemandFilter()
        return replace(
            base,
            state=self.state.currentData(),
            department_id=self.department.currentData(),
            category_id=self.category.currentData() or base.category_id,
            street_id=self.street.currentData() or base.street_id,
            overdue_only=self.overdue.isChecked() or base.overdue_only,
            mine=self.mine.isChecked(),
            text=self.search.text(),
            sort=dl.Sort(self.sort.currentData()),
        )

    def reload(self) -> None:
        """Run the filter again off the GUI thread (a district's 200,000 demands take up to a
        few hundred ms for the broadest filters); keep the selected demand selected if it is
        still listed. A newer reload supersedes an older one still running."""
        self._search_timer.stop()
        if not self._ready:
            return
        f = self.current_filter()
        self.generation += 1
        generation = self.generation
        self.busy = True
        self.count.setText(_t("正在查询…"))
        db, actor = self.ctx.db, self.ctx.actor
        started = time.perf_counter()

        def done(found: dl.DemandIds) -> None:
            if not isValid(self) or generation != self.generation:
                return
            self.last_query_ms = (time.perf_counter() - started) * 1000
            self._show(found, f)

        def failed(exc: Exception) -> None:
            if not isValid(self) or generation != self.generation:
                return
            self._show(
                dl.DemandIds([], False), f, _t("查询失败：{error}").format(error=tr_core(exc))
            )

        run_in_background(self, lambda: dl.demand_ids(db, f, actor), done, failed)

    def _show(self, found: dl.DemandIds, f: dl.DemandFilter, problem: str = "") -> None:
        keep = self.wanted_id or self.current_id()
        self.model.set_ids(found.ids)
        n = len(found.ids)
        if found.capped:
            self.count.setText(
                _t("列出 {n} 条（已结束的只列最近的，更早的请缩小筛选范围）").format(n=n)
            )
        else:
            self.count.setText(_t("共 {n} 条").format(n=n))
        self.empty.setText(problem or self._empty_text(f))
        self.table_stack.setCurrentIndex(0 if found.ids else 1)
        if keep is not None and self.select(keep, emit=False):
            self.wanted_id = None
        self.busy = False
        self.ids_did_load.emit()

    def _empty_text(self, f: dl.DemandFilter) -> str:
        narrowed = f != dl.DemandFilter(mine=f.mine, state=f.state, sort=f.sort)
        if narrowed:
            return _t("没有符合筛选条件的诉求。\n可以点“清除筛选”查看全部。")
        role = self.ctx.actor.role
        if role is Role.HANDLER and f.mine:
            return _t("本单位暂无待办诉求。\n区联络办交办后，诉求会出现在这里，请及时签收。")
        if role in (Role.SUPERVISOR, Role.ADMIN) and f.mine:
            return _t("暂无待交办、待审批或待销号的诉求。")
        if role in (Role.CADRE, Role.STREET_STAFF) and f.mine:
            return _t("您负责的企业暂无诉求。\n登记走访时记录的诉求会出现在这里。")
        return _t("暂无诉求。\n联络干部登记走访时记录的诉求会出现在这里。")

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select(self, demand_id: str, emit: bool = True) -> bool:
        """Select the row of `demand_id` if it is listed; returns whether it was."""
        try:
            row = self.model.ids.index(demand_id)
        except ValueError:
            return False
        self._quiet = not emit
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        finally:
            self._quiet = False
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        self.current_changed.emit(self.model.id_at(current.row()) if current.isValid() else None)
