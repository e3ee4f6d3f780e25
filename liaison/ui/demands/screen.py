"""诉求: the demand list on the left, the selected demand and its actions on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison.services.demand_list import DemandFilter
from liaison.ui.context import DEMAND, ENTERPRISE, REFERENCE, AppContext
from liaison.ui.demands.detail import DemandDetailPanel
from liaison.ui.demands.list_panel import DemandListPanel
from liaison.ui.list_fit import DetailSplit
from liaison.ui.screen import Screen

if TYPE_CHECKING:
    from liaison.ui.demands.ledger_dialog import LedgerDialog


class DemandsScreen(Screen):
    watches = frozenset({DEMAND, ENTERPRISE, REFERENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title = QLabel(self.tr("诉求"))
        title.setObjectName("screenTitle")
        self.scope = QLabel(self._scope_text())
        self.scope.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.scope)
        head.addStretch(1)
        self.print_ledger_button = QPushButton(self.tr("打印台账…"))
        self.print_ledger_button.setToolTip(
            self.tr("按列表当前的单位、街镇、类别、状态筛选，预览、打印或导出 Excel 诉求台账")
        )
        self.print_ledger_button.clicked.connect(self.print_ledger)
        head.addWidget(self.print_ledger_button)

        self.list_panel = DemandListPanel(ctx)
        self.detail = DemandDetailPanel(ctx)
        self.splitter = DetailSplit(self.list_panel, self.detail, detail_share=0.4)
        self.list_panel.setMinimumWidth(520)
        self.detail.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)

        self.list_panel.current_changed.connect(self._show)
        self.detail.action_did_succeed.connect(self._after_action)

    def _show(self, demand_id: str | None) -> None:
        """The selected demand in the detail pane; nothing selected, the pane steps aside."""
        self.detail.show_demand(demand_id)
        self.splitter.show_detail(demand_id is not None)

    def _scope_text(self) -> str:
        return self.ctx.who()

    def refresh(self) -> None:
        self.list_panel.fill_choices()
        self.list_panel.reload()
        self.detail.reload()

    def open_record(self, demand_id: str) -> None:
        """Show this demand (from another screen, e.g. an enterprise's demands)."""
        self.detail.show_demand(demand_id)
        self.splitter.show_detail(True)
        if self.list_panel.select(demand_id, emit=False):
            self.list_panel.wanted_id = None
        else:  # not listed (yet): selected when a load brings it
            self.list_panel.table.clearSelection()
            self.list_panel.wanted_id = demand_id

    def apply_filter(self, f: DemandFilter, label: str, tooltip: str = "") -> None:
        """List the demands of `f`, e.g. those behind a number on 统计, with `label` shown
        above the list (“来自统计：区金融办 · 超期 · 2026年第3季度”) until cleared."""
        self.list_panel.apply_filter(f, label, tooltip)

    def print_ledger(self) -> LedgerDialog:
        """打印台账 of the list's current filter (the dialog asks for the period)."""
        from liaison.ui.demands.ledger_dialog import LedgerDialog  # QtPdf, reportlab: on use

        dialog = LedgerDialog(self.ctx.db, self.list_panel.current_filter(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _after_action(self, _demand_id: str) -> None:
        self.ctx.hub.announce(DEMAND)
        if self.stale:  # not visible, so the hub did not refresh us
            self.refresh_now()
