"""诉求: the demand list on the left, the selected demand and its actions on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from liaison.domain.roles import ROLE_LABELS, Role
from liaison.services.admin import list_departments
from liaison.ui.context import DEMAND, ENTERPRISE, REFERENCE, AppContext
from liaison.ui.demands.detail import DemandDetailPanel
from liaison.ui.demands.list_panel import DemandListPanel
from liaison.ui.screen import Screen


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

        self.list_panel = DemandListPanel(ctx)
        self.detail = DemandDetailPanel(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.list_panel.setMinimumWidth(520)
        self.detail.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)

        self._sized = False
        self.list_panel.current_changed.connect(self.detail.show_demand)
        self.detail.action_did_succeed.connect(self._after_action)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # first show: list a little wider than the detail
            self._sized = True
            width = max(self.width(), 1000)
            self.splitter.setSizes([int(width * 0.56), int(width * 0.44)])
        super().showEvent(event)

    def _scope_text(self) -> str:
        actor = self.ctx.actor
        role = ROLE_LABELS[actor.role]
        if actor.role is Role.HANDLER and actor.department_id:
            unit = next(
                (d.name for d in list_departments(self.ctx.db) if d.id == actor.department_id), ""
            )
            return self.tr("{unit} · {role} {name}").format(
                unit=unit, role=role, name=actor.display_name
            )
        return self.tr("{role} {name}").format(role=role, name=actor.display_name)

    def refresh(self) -> None:
        self.list_panel.fill_choices()
        self.list_panel.reload()
        self.detail.reload()

    def open_record(self, demand_id: str) -> None:
        """Show this demand (from another screen, e.g. an enterprise's demands)."""
        self.detail.show_demand(demand_id)
        if self.list_panel.select(demand_id, emit=False):
            self.list_panel.wanted_id = None
        else:  # not listed (yet): selected when a load brings it
            self.list_panel.table.clearSelection()
            self.list_panel.wanted_id = demand_id

    def _after_action(self, _demand_id: str) -> None:
        self.ctx.hub.announce(DEMAND)
        if self.stale:  # not visible, so the hub did not refresh us
            self.refresh_now()
