"""One small dialog per demand action, each asking for what the action requires."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from liaison.domain import workflow as wf
from liaison.domain.errors import ValidationError
from liaison.services import demands
from liaison.services.demand_list import merge_candidates, routing_dates
from liaison.services.queries import DemandDetail
from liaison.ui import vocab
from liaison.ui.context import AppContext
from liaison.ui.demands.dialog_base import ActionDialog, Call
from liaison.ui.demands.route_dialog import RouteDialog, qdate, to_date

K = wf.EventKind


def _t(text: str) -> str:
    return QCoreApplication.translate("DemandActions", text)


def action_label(kind: wf.EventKind, detail: DemandDetail) -> str:
    """The button text for `kind` on this demand."""
    if kind is K.ROUTE:
        snap = detail.snapshot
        return _t("改派") if snap.lead_department_id or snap.return_count else _t("交办")
    return {
        K.ACCEPT: _t("签收"),
        K.RETURN: _t("退回"),
        K.REQUEST_EXTENSION: _t("申请延期"),
        K.APPROVE_EXTENSION: _t("批准延期"),
        K.REFUSE_EXTENSION: _t("驳回延期"),
        K.PROGRESS: _t("填写进展"),
        K.RESOLVE: _t("办结"),
        K.FOLLOW_UP: _t("回访"),
        K.ESCALATE: _t("督办"),
        K.WITHDRAW: _t("撤回"),
        K.MERGE: _t("并单"),
        K.CLOSE: _t("销号"),
    }.get(kind) or vocab.label(wf.EVENT_LABELS, kind)


def text_edit(placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(88)
    return edit


def closing_record(detail: DemandDetail) -> tuple[str, str, str]:
    """What the supervisor signs off when closing (销号): the department's answer and policy
    basis of the last 办结, and what the enterprise said at the 回访 after it, in full."""
    answer = basis = opinion = "—"
    for e in detail.timeline:
        if e.kind is K.RESOLVE:
            answer = e.text or "—"
            basis = str(e.data.get("policy_basis") or "—")
            opinion = "—"
        elif e.kind is K.FOLLOW_UP:
            opinion = e.text or "—"
    return answer, basis, opinion


def last_extension_request(detail: DemandDetail) -> tuple[str, str]:
    """(promised date, reason) of the pending extension request."""
    for e in reversed(detail.timeline):
        if e.kind is K.REQUEST_EXTENSION:
            return str(e.data.get("promised_date", "")), e.text
    return "", ""


class NoteDialog(ActionDialog):
    """An action that asks for a text only (required or optional)."""

    def __init__(
        self,
        ctx: AppContext,
        detail: DemandDetail,
        *,
        title: str,
        confirm: str,
        label: str,
        call: Callable[[str], object],
        hint: str = "",
        placeholder: str = "",
        info: tuple[tuple[str, str], ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, detail, title, confirm, parent)
        for name, value in info:
            self.add_info(name, value)
        self.text = text_edit(placeholder)
        self.add_field("text", label, self.text, hint)
        self.call = call
        self.text.setFocus()

    def perform(self) -> Call:
        return partial(self.call, self.text.toPlainText())


class ExtensionRequestDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, _t("申请延期"), _t("提交申请"), parent)
        deadline = detail.snapshot.deadline
        dates = routing_dates(ctx.db, detail.category_id)
        latest = dates.latest
        self.add_info(_t("当前办结时限"), f"{deadline:%Y-%m-%d}" if deadline else "—")
        self.text = text_edit(_t("例如：需银行总行审批，预计两周后出结果"))
        self.add_field("text", _t("延期理由"), self.text)
        self.promised = QDateEdit()
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd")
        if deadline is not None:
            self.promised.setMinimumDate(qdate(deadline + timedelta(days=1)))
            self.promised.setDate(qdate(min(deadline + timedelta(days=7), latest)))
        self.promised.setMaximumDate(qdate(max(latest, deadline or latest)))
        self.add_field(
            "promised_date",
            _t("承诺办结日期"),
            self.promised,
            _t(
                "须在办结时限前至少 {n} 个工作日申请，最晚 {latest:%Y-%m-%d}；由区联络办审批。"
            ).format(n=dates.extension_notice_days, latest=latest),
        )
        self.text.setFocus()

    def perform(self) -> Call:
        return partial(
            demands.request_extension,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            reason=self.text.toPlainText(),
            promised_date=to_date(self.promised),
        )


class ApproveExtensionDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, _t("批准延期"), _t("批准"), parent)
        promised, reason = last_extension_request(detail)
        pending = detail.snapshot.pending_extension
        self.add_info(_t("延期理由"), reason or "—")
        self.add_info(_t("申请延至"), f"{pending:%Y-%m-%d}" if pending else promised)
        self.other = QCheckBox(_t("改为另一日期"))
        self.date = QDateEdit(qdate(pending) if pending else None)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.other.toggled.connect(self.date.setEnabled)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.other)
        line.addWidget(self.date)
        line.addStretch(1)
        self.add_field("promised_date", _t("办结时限"), row)
        self.text = text_edit(_t("可不填"))
        self.add_field("text", _t("审批意见"), self.text)

    def perform(self) -> Call:
        return partial(
            demands.decide_extension,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            approve=True,
            text=self.text.toPlainText(),
            promised_date=to_date(self.date) if self.other.isChecked() else None,
        )


class ResolveDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, _t("办结诉求"), _t("确认办结"), parent)
        self.text = text_edit(_t("向企业答复的办理情况，例如：已协调合作银行授信 500 万元"))
        self.text.setFixedHeight(110)
        self.add_field("text", _t("答复内容"), self.text)
        outcomes = vocab.choices(wf.OUTCOME_LABELS)
        box, self.outcome = self.radio_group({str(o): lbl for o, lbl in outcomes})
        self.add_field("outcome", _t("办理结果"), box)
        self.basis = QLineEdit(demands.propose_routing(ctx.db, detail.category_id).basis)
        self.add_field(
            "policy_basis", _t("政策依据"), self.basis, _t("默认为本类别对应的政策条款，可修改")
        )
        self.text.setFocus()

    def perform(self) -> Call:
        outcome = self.chosen(self.outcome)
        if outcome is None:
            raise ValidationError(_t("请选择办理结果"), field="outcome")
        return partial(
            demands.resolve_demand,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            answer=self.text.toPlainText(),
            outcome=wf.Outcome(outcome),
            policy_basis=self.basis.text(),
        )


class FollowUpDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, _t("回访企业"), _t("保存回访"), parent)
        answer = next((e for e in reversed(detail.timeline) if e.kind is K.RESOLVE), None)
        if answer is not None:
            outcome = answer.data.get("outcome")
            label = vocab.label(wf.OUTCOME_LABELS, wf.Outcome(str(outcome))) if outcome else ""
            reply = _t("{outcome}：{answer}").format(outcome=label, answer=answer.text)
            self.add_info(_t("办理答复"), reply if label else answer.text)
        box, self.satisfaction = self.radio_group(
            {str(s): lbl for s, lbl in vocab.choices(wf.SATISFACTION_LABELS)}
        )
        self.add_field("satisfaction", _t("企业评价"), box)
        dates = routing_dates(ctx.db, detail.category_id)
        self.reopen_note = QLabel(
            _t(
                "企业不满意：诉求将交回{lead}重办，新的办结时限为 {due:%Y-%m-%d}"
                "（{n} 个工作日），计入重办率。"
            ).format(lead=detail.lead_department or "", due=dates.deadline, n=dates.resolve_days)
        )
        self.reopen_note.setObjectName("fieldError")
        self.reopen_note.setWordWrap(True)
        self.reopen_note.hide()
        self.form.addRow("", self.reopen_note)
        self.satisfaction.buttonToggled.connect(self._explain)
        self.text = text_edit(_t("回访方式、企业的意见"))
        self.add_field("text", _t("回访情况"), self.text)

    def _explain(self) -> None:
        unhappy = self.chosen(self.satisfaction) == wf.Satisfaction.UNSATISFIED
        self.reopen_note.setVisible(unhappy)
        self.confirm_button.setText(_t("保存回访并重办") if unhappy else _t("保存回访"))

    def perform(self) -> Call:
        satisfaction = self.chosen(self.satisfaction)
        if satisfaction is None:
            raise ValidationError(_t("请选择企业评价"), field="satisfaction")
        return partial(
            demands.record_follow_up,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            satisfaction=wf.Satisfaction(satisfaction),
            text=self.text.toPlainText(),
        )


class MergeDialog(ActionDialog):
    def __init__(self, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, _t("并单"), _t("确认并单"), parent)
        self.target = QComboBox()
        for c in merge_candidates(ctx.db, detail.id):
            self.target.addItem(
                _t("{title}（{state}，{day:%Y-%m-%d}）").format(
                    title=c.title,
                    state=vocab.tr_label(c.state_label, wf.STATE_LABELS),
                    day=c.raised_on,
                ),
                c.id,
            )
        hint = _t("本诉求将并入所选诉求，不再单独办理。")
        if self.target.count() == 0:
            hint = _t("该企业没有其他未办结的诉求，无法并单。")
            self.target.setEnabled(False)
            self.confirm_button.setEnabled(False)
        self.add_field("merged_into_id", _t("并入"), self.target, hint)
        self.text = text_edit(_t("可不填"))
        self.add_field("text", _t("说明"), self.text)

    def perform(self) -> Call:
        target = self.target.currentData()
        if not target:
            raise ValidationError(_t("请选择要并入的诉求"), field="merged_into_id")
        return partial(
            demands.merge_demand,
            self.ctx.db,
            self.ctx.actor,
            self.detail.id,
            str(target),
            self.text.toPlainText(),
        )


def _note(
    kind: wf.EventKind, ctx: AppContext, detail: DemandDetail, parent: QWidget | None
) -> NoteDialog | None:
    db, actor, did = ctx.db, ctx.actor, detail.id
    snap = detail.snapshot
    if kind is K.ACCEPT:
        reply = f"{snap.reply_deadline:%Y-%m-%d}" if snap.reply_deadline else "—"
        return NoteDialog(
            ctx, detail, title=_t("签收诉求"), confirm=_t("确认签收"), label=_t("签收说明"),
            placeholder=_t("可不填"),
            hint=_t("签收后由本单位办理，不能再退回；如不属于本单位职责，请取消并选择“退回”。"),
            info=((_t("签收时限"), reply),),
            call=lambda text: demands.accept_demand(db, actor, did, text), parent=parent,
        )  # fmt: skip
    if kind is K.RETURN:
        return NoteDialog(
            ctx, detail, title=_t("退回诉求"), confirm=_t("确认退回"), label=_t("退回理由"),
            placeholder=_t("例如：涉及企业用工招聘，建议交区人力社保局办理"),
            hint=_t("请写明不属于本单位职责的理由及建议的承办单位，便于区联络办改派。"),
            call=lambda text: demands.return_demand(db, actor, did, text), parent=parent,
        )  # fmt: skip
    if kind is K.PROGRESS:
        return NoteDialog(
            ctx, detail, title=_t("填写进展"), confirm=_t("保存进展"), label=_t("进展情况"),
            placeholder=_t("例如：已与合作银行对接，企业正在补充材料"),
            call=lambda text: demands.add_progress(db, actor, did, text), parent=parent,
        )  # fmt: skip
    if kind is K.ESCALATE:
        return NoteDialog(
            ctx, detail, title=_t("督办"), confirm=_t("发出督办"), label=_t("督办意见"),
            placeholder=_t("例如：已超期，请于 3 个工作日内办结并报送情况"),
            info=((_t("督办级别"), _t("第 {n} 次督办").format(n=snap.escalation_level + 1)),),
            call=lambda text: demands.escalate_demand(db, actor, did, text), parent=parent,
        )  # fmt: skip
    if kind is K.WITHDRAW:
        return NoteDialog(
            ctx, detail, title=_t("撤回诉求"), confirm=_t("确认撤回"), label=_t("撤回原因"),
            placeholder=_t("例如：企业已自行解决，申请撤回"),
            hint=_t("撤回后诉求不再办理，也不计入办结率。"),
            call=lambda text: demands.withdraw_demand(db, actor, did, text), parent=parent,
        )  # fmt: skip
    if kind is K.REFUSE_EXTENSION:
        promised, reason = last_extension_request(detail)
        return NoteDialog(
            ctx, detail, title=_t("驳回延期"), confirm=_t("驳回"), label=_t("驳回理由"),
            info=((_t("延期理由"), reason or "—"), (_t("申请延至"), promised or "—")),
            call=lambda text: demands.decide_extension(db, actor, did, approve=False, text=text),
            parent=parent,
        )  # fmt: skip
    if kind is K.CLOSE:
        sat = vocab.label(wf.SATISFACTION_LABELS, snap.satisfaction) if snap.satisfaction else "—"
        outcome = vocab.label(wf.OUTCOME_LABELS, snap.outcome) if snap.outcome else "—"
        answer, basis, opinion = closing_record(detail)
        info = (
            (_t("办理结果"), outcome),
            (_t("部门答复"), answer),
            (_t("政策依据"), basis),
            (_t("企业评价"), sat),
            (_t("回访意见"), opinion),
        )
        return NoteDialog(
            ctx, detail, title=_t("销号"), confirm=_t("确认销号"), label=_t("销号说明"),
            placeholder=_t("可不填"), info=info,
            hint=_t("销号后诉求闭环，可打印办结销号单。"),
            call=lambda text: demands.close_demand(db, actor, did, text), parent=parent,
        )  # fmt: skip
    return None


_DIALOGS: dict[wf.EventKind, Callable[[AppContext, DemandDetail, QWidget | None], ActionDialog]] = {
    K.ROUTE: RouteDialog,
    K.REQUEST_EXTENSION: ExtensionRequestDialog,
    K.APPROVE_EXTENSION: ApproveExtensionDialog,
    K.RESOLVE: ResolveDialog,
    K.FOLLOW_UP: FollowUpDialog,
    K.MERGE: MergeDialog,
}


def make_action_dialog(
    kind: wf.EventKind, ctx: AppContext, detail: DemandDetail, parent: QWidget | None = None
) -> ActionDialog:
    """The dialog for `kind` on this demand (not yet shown)."""
    cls = _DIALOGS.get(kind)
    dialog = cls(ctx, detail, parent) if cls is not None else _note(kind, ctx, detail, parent)
    if dialog is None:
        raise ValueError(f"no dialog for {kind}")
    dialog.setObjectName(f"demandAction_{kind}")
    return dialog
