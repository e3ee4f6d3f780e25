"""One enterprise: profile, 包联干部, and tabs with its visits, demands and contacts."""

from __future__ import annotations

import html
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound
from liaison.domain.permissions import (
    ASSIGNERS,
    ENTERPRISE_DELETERS,
    ENTERPRISE_EDITORS,
    VISIT_ROLES,
)
from liaison.domain.vocab import INDUSTRIES, SCALES, TAGS, VISIT_MODES
from liaison.services.assignments import assign_refusal
from liaison.services.enterprise_history import (
    DemandEntry,
    EnterpriseHistory,
    VisitEntry,
    enterprise_history,
    visit_refusal,
)
from liaison.services.enterprises import ContactInfo, EnterpriseDetail, get_enterprise
from liaison.ui import vocab
from liaison.ui.context import ENTERPRISE, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.enterprises.assignments import (
    AssignCadreDialog,
    EndAssignmentDialog,
    assignment_columns,
    duty_text,
)
from liaison.ui.enterprises.record_table import RecordTable
from liaison.ui.table_model import Column

R = TypeVar("R")
ALERT = "#c0392b"
DONE = "#2e7d32"


def _t(text: str) -> str:
    return QCoreApplication.translate("EnterpriseDetail", text)


def _date(d: Any) -> str:
    return d.isoformat() if d else ""


def visit_columns() -> list[Column[VisitEntry]]:
    return [
        Column(_t("走访日期"), lambda v: _date(v.visit_date)),
        Column(_t("方式"), lambda v: vocab.tr_label(v.mode_label)),
        Column(_t("走访情况"), lambda v: " ".join(v.summary.split()), tooltip=_visit_tooltip),
        Column(_t("干部"), lambda v: "、".join(v.cadres), tooltip=lambda v: "、".join(v.cadres)),
        Column(_t("诉求"), lambda v: str(v.demand_count or ""), align_right=True),
    ]


def _visit_tooltip(v: VisitEntry) -> str:
    lines = [v.summary]
    if v.guests:
        lines.append(_t("企业方：{names}").format(names="、".join(v.guests)))
    if v.follow_up_on:
        lines.append(_t("计划回访：{day}").format(day=_date(v.follow_up_on)))
    return _wrap("\n".join(lines))


def _state_color(d: DemandEntry) -> str | None:
    if d.overdue:
        return ALERT
    return DONE if d.state in wf.FINISHED_STATES else None


def demand_columns() -> list[Column[DemandEntry]]:
    return [
        Column(_t("提出日期"), lambda d: _date(d.raised_on)),
        Column(
            _t("诉求"),
            lambda d: d.title,
            tooltip=lambda d: _wrap(
                _t("{title}\n类别：{category}（{kind}）").format(
                    title=d.title, category=d.category, kind=vocab.tr_label(d.kind_label)
                )
            ),
        ),
        Column(_t("状态"), lambda d: vocab.label(wf.STATE_LABELS, d.state), color=_state_color),
        Column(
            _t("办理时限"),
            lambda d: _date(d.deadline) + (_t("（超期）") if d.overdue else ""),
            color=lambda d: ALERT if d.overdue else None,
        ),
        Column(
            _t("牵头单位"), lambda d: d.lead_department or "", tooltip=lambda d: d.lead_department
        ),
    ]


def contact_columns() -> list[Column[ContactInfo]]:
    return [
        Column(_t("姓名"), lambda c: c.name),
        Column(_t("职务"), lambda c: c.title),
        Column(_t("电话"), lambda c: c.phone),
        Column(_t("主要联系人"), lambda c: _t("是") if c.is_primary else ""),
    ]


def _wrap(text: str) -> str:
    # Rich text so long Chinese tooltips wrap instead of running off the screen.
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


class EnterpriseDetailPanel(QWidget):
    """Shows one enterprise; the buttons ask the screen (edit/delete) or the navigator."""

    edit_requested = Signal(object)
    """With the EnterpriseDetail to edit."""
    delete_requested = Signal(object)
    showing = Signal(bool)
    """True when an enterprise is shown, False when the pane has nothing to show."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: EnterpriseDetail | None = None
        self.history: EnterpriseHistory | None = None
        role = ctx.actor.role

        self.placeholder = QLabel(
            self.tr("在左侧列表中选择一家企业，\n查看概况、包联干部、走访记录和诉求。")
        )
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name = QLabel()
        self.name.setObjectName("sectionTitle")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.visit_button = QPushButton(self.tr("登记走访"))
        self.visit_button.setObjectName("primary")
        self.visit_button.setVisible(role in VISIT_ROLES)
        self.visit_button.clicked.connect(self._new_visit)
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setVisible(role in ENTERPRISE_EDITORS)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.detail))
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setVisible(role in ENTERPRISE_DELETERS)
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.detail))
        self.assign_button = QPushButton(self.tr("安排包联…"))
        self.assign_button.setVisible(role in ASSIGNERS)
        self.assign_button.clicked.connect(self.open_assign_dialog)
        self.end_button = QPushButton(self.tr("结束包联…"))
        self.end_button.setVisible(role in ASSIGNERS)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.assign_dialog: AssignCadreDialog | None = None
        self.end_dialog: EndAssignmentDialog | None = None
        self.tags = QLabel()
        self.tags.setTextFormat(Qt.TextFormat.RichText)
        self.tags.setWordWrap(True)

        self.fields: dict[str, QLabel] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        layout_rows: list[list[tuple[str, str]]] = [
            [("uscc", self.tr("统一社会信用代码"))],
            [("legal_rep", self.tr("法定代表人")), ("street", self.tr("街镇"))],
            [("scale", self.tr("规模")), ("established_on", self.tr("成立日期"))],
            [("industry", self.tr("行业"))],
            [("address", self.tr("地址"))],
            [("phone", self.tr("联系电话"))],
            [("cadres", self.tr("包联干部"))],
        ]
        for row, pairs in enumerate(layout_rows):
            for i, (key, label) in enumerate(pairs):
                caption = QLabel(label)
                caption.setObjectName("muted")
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = QLabel()
                value.setObjectName(f"field_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields[key] = value
                span = 3 if len(pairs) == 1 else 1
                form.addWidget(caption, row, 2 * i)
                form.addWidget(value, row, 2 * i + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.visits = RecordTable(visit_columns(), self.tr("尚无走访记录"), stretch_column=2)
        self.visits.fit_columns(
            ["2025-12-31", vocab.label(VISIT_MODES, "onsite"), "", "欧阳小明", "9"]
        )
        self.demands = RecordTable(demand_columns(), self.tr("尚无诉求"), stretch_column=1)
        self.demands.fit_columns(
            [
                "2025-12-31",
                "",
                vocab.label(wf.STATE_LABELS, wf.State.FOLLOWED_UP),
                "2025-12-31" + _t("（超期）"),
                "区经济信息委",
            ]
        )
        self.demands.view.setToolTip(self.tr("双击打开诉求"))
        self.demands.view.activated.connect(self._open_demand)
        self.contacts = RecordTable(contact_columns(), self.tr("尚无联系人"))
        self.contacts.fit_columns(["王小明明", "总经理助理", "023-67891234"])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.visits, "")
        self.tabs.addTab(self.demands, "")
        self.tabs.addTab(self.contacts, "")
        self.assignments = RecordTable(assignment_columns(), self.tr("尚未安排包联干部"))
        self.assignments.fit_columns(["欧阳小明明", duty_text(False), "2025-12-31", "2025-12-31"])
        self.assignments.view.activated.connect(lambda _index: self.open_end_dialog())
        self.tabs.addTab(self.assignments, "")
        self._set_tab_titles(0, 0, 0, 0)

        buttons = QHBoxLayout()
        buttons.addWidget(self.visit_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.name)
        body_layout.addLayout(buttons)
        body_layout.addWidget(self.tags)
        body_layout.addLayout(form)
        body_layout.addWidget(self.tabs, 1)
        self.body = body
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        outer.addWidget(self.stack)

    # --- content ---------------------------------------------------------------------------

    @property
    def enterprise_id(self) -> str | None:
        return self.detail.id if self.detail else None

    def show_enterprise(self, enterprise_id: str | None) -> bool:
        """Load and show one enterprise; False (and the placeholder) if it is gone."""
        if enterprise_id is None:
            self.clear()
            return False
        try:
            detail = get_enterprise(self.ctx.db, enterprise_id)
        except NotFound:
            self.clear()
            return False
        self.detail = detail
        self.history = enterprise_history(self.ctx.db, enterprise_id)
        self._fill(detail, self.history)
        self.stack.setCurrentWidget(self.body)
        self.showing.emit(True)
        return True

    def clear(self) -> None:
        self.detail = None
        self.history = None
        self.stack.setCurrentWidget(self.placeholder)
        self.showing.emit(False)

    def _fill(self, d: EnterpriseDetail, history: EnterpriseHistory) -> None:
        self.name.setText(d.name)
        self.tags.setText(
            " ".join(
                "<span style='background:#e8eef7; color:#1f5fa8;'>&nbsp;"
                + html.escape(vocab.label(TAGS, t))
                + "&nbsp;</span>"
                for t in d.tags
            )
        )
        self.tags.setVisible(bool(d.tags))
        none = self.tr("未填写")
        industry = (
            f"{d.industry} {vocab.label(INDUSTRIES, d.industry)}"
            if d.industry in INDUSTRIES
            else ""
        )
        active = [a for a in d.assignments if a.end_on is None]
        cadres = self.tr("；").join(
            self.tr("{name}（{role}，{since} 起）").format(
                name=a.cadre,
                role=duty_text(a.is_lead),
                since=a.start_on.isoformat(),
            )
            for a in active
        )
        values = {
            "uscc": d.uscc,
            "legal_rep": d.legal_rep,
            "street": d.street or "",
            "scale": vocab.label(SCALES, d.scale) if d.scale in SCALES else "",
            "established_on": _date(d.established_on),
            "industry": industry,
            "address": d.address,
            "phone": d.phone,
            "cadres": cadres or self.tr("尚未安排包联干部"),
        }
        for key, text in values.items():
            label = self.fields[key]
            label.setText(text or none)
            label.setObjectName(f"field_{key}" if text else "muted")
            label.style().unpolish(label)
            label.style().polish(label)
        self.visits.set_records(list(history.visits))
        self.demands.set_records(list(history.demands))
        self.contacts.set_records(list(d.contacts))
        self.assignments.set_records(list(d.assignments))
        open_count = sum(1 for x in history.demands if x.is_open)
        self._set_tab_titles(
            len(history.visits), len(history.demands), len(d.contacts), len(active), open_count
        )
        refusal = tr_core(assign_refusal(self.ctx.actor, d.street_id) or "") or None
        self.assign_button.setEnabled(refusal is None)
        self.assign_button.setToolTip(refusal or self.tr("为这家企业安排一名包联干部"))
        self.end_button.setEnabled(refusal is None and bool(active))
        self.end_button.setToolTip(
            refusal
            or (self.tr("结束一名干部对这家企业的包联") if active else self.tr("目前没有包联干部"))
        )
        refusal = tr_core(visit_refusal(self.ctx.db, self.ctx.actor, d.id) or "") or None
        self.visit_button.setEnabled(refusal is None)
        self.visit_button.setToolTip(refusal or self.tr("为这家企业登记一次走访"))

    def _set_tab_titles(
        self, visits: int, demands: int, contacts: int, cadres: int, open_: int = 0
    ) -> None:
        self.tabs.setTabText(0, self.tr("走访记录（{n}）").format(n=visits))
        text = (
            self.tr("诉求（{n}，在办 {o}）").format(n=demands, o=open_)
            if open_
            else self.tr("诉求（{n}）").format(n=demands)
        )
        self.tabs.setTabText(1, text)
        self.tabs.setTabText(2, self.tr("联系人（{n}）").format(n=contacts))
        self.tabs.setTabText(3, self.tr("包联干部（{n}）").format(n=cadres))

    # --- actions ---------------------------------------------------------------------------

    def _new_visit(self) -> None:
        if self.detail is not None and self.ctx.nav is not None:
            self.ctx.nav.new_visit(self.detail.id)

    def open_assign_dialog(self) -> AssignCadreDialog | None:
        """安排包联 without blocking; `self.assign_dialog` while it is open."""
        if self.detail is None:
            return None
        dialog = AssignCadreDialog(self.ctx, self.detail, self)
        self.assign_dialog = dialog
        self._watch(dialog)
        return dialog

    def open_end_dialog(self) -> EndAssignmentDialog | None:
        """结束包联 of the assignment selected in the 包联 tab (or the first current one)."""
        if self.detail is None or not self.end_button.isEnabled():
            return None
        rows = self.assignments.view.selectionModel().selectedRows()
        chosen = self.assignments.model.id_at(rows[0].row()) if rows else None
        dialog = EndAssignmentDialog(self.ctx, self.detail, chosen, self)
        self.end_dialog = dialog
        self._watch(dialog)
        return dialog

    def _watch(self, dialog: AssignCadreDialog | EndAssignmentDialog) -> None:
        dialog.saved.connect(self._after_assignment)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: AssignCadreDialog | EndAssignmentDialog) -> None:
        if self.assign_dialog is dialog:
            self.assign_dialog = None
        if self.end_dialog is dialog:
            self.end_dialog = None
        dialog.deleteLater()

    def _after_assignment(self, enterprise_id: str) -> None:
        self.show_enterprise(enterprise_id)
        self.tabs.setCurrentWidget(self.assignments)
        self.ctx.hub.announce(ENTERPRISE)

    def _open_demand(self, index: QModelIndex) -> None:
        demand_id = self.demands.model.id_at(index.row())
        if demand_id is not None and self.ctx.nav is not None:
            self.ctx.nav.open_demand(demand_id)
