"""交办 / 改派: the category's routing rule proposes, a supervisor confirms or changes it."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.services.admin import list_departments
from liaison.services.demand_list import routing_dates
from liaison.services.queries import DemandDetail
from liaison.ui.context import AppContext
from liaison.ui.demands.dialog_base import ActionDialog, Call

CO_COLUMNS = 3


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class RouteDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        snap = detail.snapshot
        rerouting = snap.lead_department_id is not None or snap.return_count > 0
        title = self.tr("改派诉求") if rerouting else self.tr("交办诉求")
        super().__init__(ctx, detail, title, self.tr("确认交办"), parent)
        self.setMinimumWidth(640)
        self.proposal = demands.propose_routing(ctx.db, detail.category_id)
        self.dates = routing_dates(ctx.db, detail.category_id)
        self.departments = list_departments(ctx.db)
        self._explain_context(detail)

        self.lead = QComboBox()
        self.lead.setMaxVisibleItems(20)
        for dept in self.departments:
            self.lead.addItem(dept.name, dept.id)
        first = self.proposal.lead[0].id if self.proposal.lead else None
        if first is not None and self.lead.findData(first) >= 0:
            self.lead.setCurrentIndex(self.lead.findData(first))
        self.add_field("lead_department_id", self.tr("牵头单位"), self.lead)

        self.co_box = QWidget()
        self.co_grid = QGridLayout(self.co_box)
        self.co_grid.setContentsMargins(0, 0, 0, 0)
        self.co_checks: dict[str, QCheckBox] = {}
        extra_leads = {u.id for u in self.proposal.lead[1:]}
        for unit in (*self.proposal.lead[1:], *self.proposal.responsible):
            self._add_co(unit.id, unit.name, checked=unit.id in extra_leads)
        self.more = QComboBox()
        self.more.addItem(self.tr("添加其他协办单位…"), None)
        for dept in self.departments:
            if dept.id not in self.co_checks:
                self.more.addItem(dept.name, dept.id)
        self.more.activated.connect(self._add_more)
        co_column = QWidget()
        co_layout = QVBoxLayout(co_column)
        co_layout.setContentsMargins(0, 0, 0, 0)
        co_layout.addWidget(self.co_box)
        co_layout.addWidget(self.more)
        self.add_field(
            "co_department_ids",
            self.tr("协办单位"),
            co_column,
            self.tr("已勾选的单位同时收到此诉求，可填写进展；由牵头单位签收、办结。"),
        )

        d = self.dates
        self.add_info(
            self.tr("时限"),
            self.tr(
                "签收 {reply:%Y-%m-%d}（{rd} 个工作日内）；办结 {due:%Y-%m-%d}（{dd} 个工作日）"
            ).format(reply=d.reply_deadline, rd=d.reply_days, due=d.deadline, dd=d.resolve_days),
        )
        self.custom_deadline = QCheckBox(self.tr("另定办结时限"))
        self.deadline = QDateEdit(qdate(d.deadline))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDateRange(qdate(d.start), qdate(d.latest))
        self.deadline.setEnabled(False)
        self.custom_deadline.toggled.connect(self.deadline.setEnabled)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.custom_deadline)
        line.addWidget(self.deadline)
        line.addStretch(1)
        self.add_field(
            "deadline",
            self.tr("办结时限"),
            row,
            self.tr("可提前或延后，最晚 {latest:%Y-%m-%d}（本类别最长 {n} 个工作日）").format(
                latest=d.latest, n=d.max_days
            ),
        )
        self.lead.currentIndexChanged.connect(self._sync_lead)
        self._sync_lead()
        self.lead.setFocus()

    def _explain_context(self, detail: DemandDetail) -> None:
        p = self.proposal
        self.add_info(self.tr("政策依据"), p.basis)
        units = self.tr("、").join(u.name for u in p.lead) or self.tr("（无）")
        text = self.tr("牵头 {lead}").format(lead=units)
        if p.responsible:
            text += self.tr("；责任单位 {units}").format(
                units=self.tr("、").join(u.name for u in p.responsible)
            )
        self.add_info(self.tr("规则建议"), text)
        if detail.lead_department:
            self.add_info(self.tr("当前牵头"), detail.lead_department)
        returns = [e for e in detail.timeline if e.kind is wf.EventKind.RETURN]
        if returns and detail.snapshot.state is wf.State.NEW:
            last = returns[-1]
            note = self.add_info(
                self.tr("上次退回"),
                self.tr("{unit}：{reason}").format(unit=last.department or "", reason=last.text),
            )
            note.setObjectName("fieldError")

    def _add_co(self, dept_id: str, name: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(name)
        box.setChecked(checked)
        box.setProperty("department_id", dept_id)
        n = len(self.co_checks)
        self.co_grid.addWidget(box, n // CO_COLUMNS, n % CO_COLUMNS)
        self.co_checks[dept_id] = box
        return box

    def _add_more(self, index: int) -> None:
        dept_id = self.more.itemData(index)
        if dept_id:
            self._add_co(dept_id, self.more.itemText(index), checked=True)
            self.more.removeItem(index)
            self._sync_lead()
        self.more.setCurrentIndex(0)

    def _sync_lead(self) -> None:
        """The lead unit cannot also be a co-unit: its box is unticked and disabled."""
        lead = self.lead.currentData()
        for dept_id, box in self.co_checks.items():
            is_lead = dept_id == lead
            if is_lead:
                box.setChecked(False)
            box.setEnabled(not is_lead)

    def co_checks_names(self) -> list[str]:
        return [box.text() for box in self.co_checks.values()]

    def co_checks_by_name(self, name: str) -> QCheckBox:
        return next(box for box in self.co_checks.values() if box.text() == name)

    def co_units(self) -> tuple[str, ...]:
        return tuple(i for i, box in self.co_checks.items() if box.isChecked() and box.isEnabled())

    def chosen_deadline(self) -> date | None:
        return to_date(self.deadline) if self.custom_deadline.isChecked() else None

    def perform(self) -> Call:
        return partial(
            demands.route_demand,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            lead_department_id=str(self.lead.currentData() or ""),
            co_department_ids=self.co_units(),
            deadline=self.chosen_deadline(),
        )
