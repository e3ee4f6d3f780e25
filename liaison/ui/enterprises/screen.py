"""The 企业 screen: search and filter the register, see one enterprise, add / edit / delete."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.domain.errors import DomainError
from liaison.domain.permissions import ASSIGNABLE, ENTERPRISE_EDITORS
from liaison.services.enterprise_history import quarter_start
from liaison.services.enterprise_list import EnterpriseFilter, EnterpriseIds
from liaison.services.enterprises import EnterpriseDetail, delete_enterprise
from liaison.services.reference_lists import StreetInfo, list_streets
from liaison.ui import dialogs
from liaison.ui.actions import perform
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.enterprises.detail import EnterpriseDetailPanel
from liaison.ui.enterprises.edit_dialog import EnterpriseDialog
from liaison.ui.enterprises.filter_bar import FilterBar, FilterState
from liaison.ui.enterprises.list_panel import EnterpriseList, count_text
from liaison.ui.imports import ImportDialog
from liaison.ui.list_fit import DetailSplit
from liaison.ui.screen import Screen

DETAIL_WIDTH_KEY = "enterprises/detail_width"


class EnterprisesScreen(Screen):
    watches = frozenset({ENTERPRISE, VISIT, DEMAND, ACCOUNT, REFERENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ask: Callable[[QWidget | None, str], bool] = dialogs.confirm
        """Seam: tests replace the yes/no question."""
        self.show_error: Callable[[QWidget | None, str | DomainError], None] = dialogs.show_error
        self.dialog: EnterpriseDialog | None = None
        self.streets: list[StreetInfo] = []
        role = ctx.actor.role

        title = QLabel(self.tr("企业"))
        title.setObjectName("screenTitle")
        self.new_button = QPushButton(self.tr("新增企业"))
        self.new_button.setObjectName("primary")
        self.new_button.setVisible(role in ENTERPRISE_EDITORS)
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("导入名录…"))
        self.import_button.setVisible(role in ENTERPRISE_EDITORS)
        self.import_button.clicked.connect(self.open_import)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)

        self.filters = FilterBar(show_mine=role in ASSIGNABLE)
        self.list = EnterpriseList(ctx)
        self.detail = EnterpriseDetailPanel(ctx)
        self.splitter = DetailSplit(self.list, self.detail, detail_share=0.42)
        self.detail.setMinimumWidth(440)
        self.detail.showing.connect(self.splitter.show_detail)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        settings = QSettings()
        self.filters.restore(settings, default_street=ctx.actor.street_id)
        self.list.restore_sort(settings)
        width = settings.value(DETAIL_WIDTH_KEY)
        if width is not None:
            self.splitter.detail_width = int(width)

        self.filters.filter_changed.connect(self._query)
        self.filters.search.go_to_list.connect(self.list.focus_first_row)
        self.list.sort_changed.connect(self._query)
        self.list.loaded.connect(self._on_loaded)
        self.list.current_changed.connect(self._on_current)
        self.detail.edit_requested.connect(self.open_dialog)
        self.detail.delete_requested.connect(self._delete)

    # --- Screen ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the streets, the list (keeping the selection) and the open enterprise."""
        self.streets = list_streets(self.ctx.db)
        self.filters.set_streets(self.streets)
        self.list.forget_recent()
        self._query()
        if self.detail.enterprise_id is not None:
            self.detail.show_enterprise(self.detail.enterprise_id)

    def open_record(self, enterprise_id: str) -> None:
        """Show one enterprise (from another screen); selected in the list if it is listed."""
        if self.detail.show_enterprise(enterprise_id):
            self.list.select_id(enterprise_id)

    # --- list ------------------------------------------------------------------------------

    def current_filter(self) -> EnterpriseFilter:
        state = self.filters.state()
        return EnterpriseFilter(
            text=state.text,
            street_id=state.street_id,
            tag=state.tag,
            scale=state.scale,
            assigned_to=self.ctx.actor.account_id if state.mine else None,
            not_visited_since=quarter_start(clock.today()) if state.unvisited else None,
        )

    def _query(self) -> None:
        self.save_settings()
        self.list.load(self.current_filter(), self._empty_text(self.filters.state()))

    def _empty_text(self, state: FilterState) -> str:
        if state.narrows:
            return self.tr("没有符合条件的企业\n\n请换个搜索词，或点击上方的“清除筛选”。")
        if self.ctx.actor.role in ENTERPRISE_EDITORS:
            return self.tr("还没有登记企业\n\n点击右上角的“新增企业”开始登记。")
        return self.tr("还没有登记企业")

    def _on_loaded(self, found: EnterpriseIds) -> None:
        self.filters.set_count(count_text(found, bool(self.filters.state().text)))

    def _on_current(self, enterprise_id: str) -> None:
        if enterprise_id != self.detail.enterprise_id:
            self.detail.show_enterprise(enterprise_id)

    # --- add / edit / delete ---------------------------------------------------------------

    def open_import(self) -> ImportDialog:
        """Open the roster import dialog without blocking."""
        dialog = ImportDialog(self.ctx, "enterprises", self)
        dialog.show()
        return dialog

    def open_dialog(self, detail: EnterpriseDetail | None) -> EnterpriseDialog:
        """Open the add (None) or edit dialog without blocking; `self.dialog` while open."""
        dialog = EnterpriseDialog(self.ctx, self.streets or list_streets(self.ctx.db), detail, self)
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: EnterpriseDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _after_save(self, enterprise_id: str) -> None:
        self.detail.show_enterprise(enterprise_id)
        self.list.wanted_id = enterprise_id
        self.ctx.hub.announce(ENTERPRISE)

    def _delete(self, detail: EnterpriseDetail | None) -> None:
        if detail is None:
            return
        question = self.tr(
            "确定删除“{name}”吗？\n\n删除后该企业不再出现在列表和搜索中；"
            "已有的走访和诉求记录仍然保留。"
        ).format(name=detail.name)
        if not self.ask(self, question):
            return
        try:
            perform(
                self,
                "delete_enterprise",
                partial(delete_enterprise, self.ctx.db, self.ctx.actor, detail.id),
            )
        except DomainError as exc:
            self.show_error(self, exc)
            return
        self.detail.clear()
        self.ctx.hub.announce(ENTERPRISE)

    # --- remembered between sessions -------------------------------------------------------

    def save_settings(self) -> None:
        settings = QSettings()
        self.filters.save(settings)
        self.list.save_sort(settings)
        width = self.splitter.sizes()[1] if self.detail.isVisible() else self.splitter.detail_width
        if width:
            settings.setValue(DETAIL_WIDTH_KEY, width)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_settings()
        super().hideEvent(event)
