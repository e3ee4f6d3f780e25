"""The enterprise list: ids from SQL (off the GUI thread), rows fetched a page at a time.

Sorting happens in SQL: a header click re-queries. While a search is typed the matches come
by relevance until a header is clicked; columns SQL cannot sort by don't react.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from liaison.data.search import COUNT_CAP
from liaison.domain.vocab import INDUSTRIES, SCALES
from liaison.services.enterprise_history import order_ids
from liaison.services.enterprise_list import (
    SEARCH_LIMIT,
    EnterpriseFilter,
    EnterpriseIds,
    EnterpriseRow,
    enterprise_ids,
    enterprise_rows,
)
from liaison.ui import vocab
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.list_fit import elide_in_the_middle, fit_columns
from liaison.ui.ops import run_in_background
from liaison.ui.table_model import Column, IdTableModel

SETTINGS_KEY = "enterprises/list"
RECENT_QUERIES = 8
MUTED = "#8a96a3"
ALERT = "#c0392b"


def _t(text: str) -> str:
    return QCoreApplication.translate("EnterpriseList", text)


def enterprise_columns() -> list[Column[EnterpriseRow]]:
    never = _t("未走访")
    return [
        Column(_t("企业名称"), lambda r: r.name, tooltip=lambda r: r.name),
        Column(_t("统一社会信用代码"), lambda r: r.uscc),
        Column(_t("街镇"), lambda r: r.street),
        Column(_t("包联干部"), lambda r: r.cadres, tooltip=lambda r: r.cadres or None),
        Column(
            _t("最近走访"),
            lambda r: r.last_visit.isoformat() if r.last_visit else never,
            color=lambda r: None if r.last_visit else MUTED,
        ),
        Column(
            _t("在办诉求"),
            lambda r: str(r.open_demands) if r.open_demands else "",
            align_right=True,
            color=lambda r: ALERT if r.open_demands else None,
        ),
        Column(_t("规模"), lambda r: vocab.tr_label(r.scale, SCALES)),
        Column(
            _t("行业"),
            lambda r: vocab.tr_label(r.industry, INDUSTRIES),
            tooltip=lambda r: vocab.tr_label(r.industry, INDUSTRIES) or None,
        ),
    ]


OPTIONAL_COLUMNS = (7, 6, 1)
"""行业, 规模, then 统一社会信用代码: hidden in this order when the list is too narrow."""

SORT_KEY_OF_COLUMN = {0: "name", 1: "uscc", 2: "street"}
"""Columns the service can sort by (EnterpriseFilter.sort); the others don't sort."""


def count_text(found: EnterpriseIds, searched: bool) -> str:
    """“共 N 家”, or “1000+” style when the search stopped counting."""
    if found.capped:
        return _t("共 {n}+ 家").format(n=COUNT_CAP)
    if searched and len(found.ids) >= SEARCH_LIMIT:
        return _t("共 {n}+ 家，列出前 {n} 家").format(n=SEARCH_LIMIT)
    return _t("共 {n} 家").format(n=f"{found.total:,}")


class EnterpriseList(QWidget):
    """The table with its empty state. `current_changed(id or None)` follows the selection."""

    current_changed = Signal(object)
    loaded = Signal(object)
    """Emitted with the EnterpriseIds once a query's rows are in the model."""
    sort_changed = Signal()
    """A sortable header was clicked: the owner re-queries."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sort_key: str | None = None
        """None: by name, or by relevance while searching."""
        self.descending = False
        self.searching = False
        self.generation = 0
        self.busy = False
        self.wanted_id: str | None = None
        """Select this id once it is in the list (open_record before the ids arrived)."""
        self.recent: OrderedDict[tuple[EnterpriseFilter, bool], EnterpriseIds] = OrderedDict()
        """The last few answers: going back to the whole list (600 ms of SQL at district
        scale) or to an earlier search is instant. Forgotten whenever the data changes."""

        self.model: IdTableModel[EnterpriseRow] = IdTableModel(
            enterprise_columns(), lambda ids: enterprise_rows(ctx.db, ids)
        )
        self.view = QTableView()
        self.view.setObjectName("enterpriseTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        elide_in_the_middle(self.view)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        rows.hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_clicked)
        self.name_width_chosen = False
        """Set once the person drags the name column (or a saved layout is restored)."""
        self._fitting = False
        self._set_column_widths()
        self.view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7785; font-size: 15px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _set_column_widths(self) -> None:
        fm = self.fontMetrics()
        header_font = QFont(self.view.horizontalHeader().font())
        header_font.setBold(True)  # the style sheet makes headers bold
        bold = QFontMetrics(header_font)
        pad = 22
        widths = {
            0: fm.horizontalAdvance("重庆泰和生物科技有限责任") + pad,
            1: fm.horizontalAdvance("91500105MA5U3X8P2E") + pad,
            2: fm.horizontalAdvance("观音桥街道") + pad,
            3: fm.horizontalAdvance("王小明、李四") + pad,
            4: fm.horizontalAdvance("2025-12-31") + pad,
            5: bold.horizontalAdvance(_t("在办诉求")) + pad,
            6: max(
                bold.horizontalAdvance(_t("规模")) + 8,
                *(fm.horizontalAdvance(text) for _, text in vocab.choices(SCALES)),
            )
            + pad,
        }
        widths[7] = fm.horizontalAdvance("信息传输、软件和信息技术") + pad
        self.natural_widths = [widths[c] for c in range(len(widths))]
        self._fitting = True
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
        self._fitting = False
        self.min_name_width = fm.horizontalAdvance("重庆泰和生物科技") + pad

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the viewport's own resize: the list's resizeEvent comes before its layout has
        # given the table the new width
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def _fit_name_column(self) -> None:
        """Fit the columns in the list's width (liaison.ui.list_fit), the name taking the spare
        room; a narrow list drops 行业, 规模 and then 信用代码 (the detail pane shows them) before
        the name shrinks. Once the person sizes the name column, their width stays."""
        if self.name_width_chosen:
            return
        self._fitting = True
        try:
            fit_columns(
                self.view,
                self.natural_widths,
                flexible={0: 1.0},
                minimum={0: self.min_name_width},
                optional=OPTIONAL_COLUMNS,
            )
        finally:
            self._fitting = False

    def _on_section_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical == 0 and not self._fitting:
            self.name_width_chosen = True

    # --- querying --------------------------------------------------------------------------

    def load(self, base: EnterpriseFilter, empty_text: str) -> None:
        """Query the ids for `base` (its sort is set here) off the GUI thread."""
        self.searching = bool(base.text.strip())
        f = replace(base, sort=self.sort_key or "name", descending=self.descending)
        explicit_sort = self.sort_key is not None
        self.generation += 1
        generation = self.generation
        self._show_sort_indicator()
        key = (f, explicit_sort)
        if key in self.recent:
            self.recent.move_to_end(key)
            self._show(self.recent[key], empty_text)
            return
        self.busy = True
        db = self.ctx.db

        def query() -> EnterpriseIds:
            found = enterprise_ids(db, f)
            if f.text.strip() and explicit_sort:
                return replace(found, ids=order_ids(db, found.ids, f.sort, f.descending))
            return found

        def done(found: EnterpriseIds) -> None:
            if not isValid(self):
                return  # the screen is gone
            self.recent[key] = found
            while len(self.recent) > RECENT_QUERIES:
                self.recent.popitem(last=False)
            if generation == self.generation:  # else a newer query is on its way
                self._show(found, empty_text)

        def failed(exc: Exception) -> None:
            if not isValid(self) or generation != self.generation:
                return
            self._show(
                EnterpriseIds([], 0, False), _t("查询失败：{error}").format(error=tr_core(exc))
            )

        run_in_background(self, query, done, failed)

    def forget_recent(self) -> None:
        self.recent.clear()

    def _show(self, found: EnterpriseIds, empty_text: str) -> None:
        keep = self.wanted_id or self.current_id()
        self.model.set_ids(found.ids)
        self.empty.setText(empty_text)
        self.stack.setCurrentWidget(self.view if found.ids else self.empty)
        self.busy = False
        if keep is not None:
            self.select_id(keep)
        self.loaded.emit(found)

    # --- sorting ---------------------------------------------------------------------------

    def restore_sort(self, settings: QSettings) -> None:
        key = str(settings.value(f"{SETTINGS_KEY}/sort", "") or "")
        self.sort_key = key if key in SORT_KEY_OF_COLUMN.values() else None
        self.descending = str(settings.value(f"{SETTINGS_KEY}/descending", "false")) == "true"
        state = settings.value(f"{SETTINGS_KEY}/header")
        if state is not None:
            self._fitting = True  # neither a sort click nor a person sizing the name column
            self.view.horizontalHeader().restoreState(state)
            self._fitting = False
            self.name_width_chosen = bool(settings.value(f"{SETTINGS_KEY}/name_width_chosen"))
        self._show_sort_indicator()

    def save_sort(self, settings: QSettings) -> None:
        settings.setValue(f"{SETTINGS_KEY}/sort", self.sort_key or "")
        settings.setValue(f"{SETTINGS_KEY}/descending", "true" if self.descending else "false")
        settings.setValue(f"{SETTINGS_KEY}/header", self.view.horizontalHeader().saveState())
        settings.setValue(f"{SETTINGS_KEY}/name_width_chosen", self.name_width_chosen or "")

    def _show_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        if self.sort_key is None and self.searching:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # by relevance
        else:
            column = next(
                c for c, k in SORT_KEY_OF_COLUMN.items() if k == (self.sort_key or "name")
            )
            order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _on_sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if self._fitting:
            return
        key = SORT_KEY_OF_COLUMN.get(column)
        if key is None:
            self._show_sort_indicator()  # this column can't sort: put the arrow back
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sort_changed.emit()

    # --- selection -------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, enterprise_id: str) -> bool:
        """Make `enterprise_id` the current row if it is listed (remembered until it is)."""
        try:
            row = self.model.ids.index(enterprise_id)
        except ValueError:
            self.wanted_id = enterprise_id if self.busy else None
            self.view.selectionModel().clearSelection()
            return False
        self.wanted_id = None
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def focus_first_row(self) -> None:
        if self.model.ids:
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.select_id(self.model.ids[0])

    def _on_current_row(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        eid = self.model.id_at(current.row()) if current.isValid() else None
        if eid is not None:
            self.current_changed.emit(eid)
