"""The closed loop: route, accept, return, extend, progress, resolve, follow up, escalate,
withdraw, merge and close a demand. Each function is one user action and one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import (
    Category,
    CategoryUnit,
    Demand,
    DemandEvent,
    DemandUnit,
    Department,
    Device,
    Enterprise,
    PolicyMeasure,
)
from liaison.domain import clock, serials
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound, PermissionDenied, ValidationError
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.workdays import WorkCalendar
from liaison.services.calendar import calendar_for
from liaison.services.context import Actor, looks_after
from liaison.services.demand_log import record


@dataclass(frozen=True)
class UnitRef:
    id: str
    name: str


@dataclass(frozen=True)
class RoutingProposal:
    """What the category's rule proposes; a person confirms or changes it."""

    category: str
    measure_no: int | None
    measure_title: str | None
    lead: tuple[UnitRef, ...]
    responsible: tuple[UnitRef, ...]
    reply_days: int
    resolve_days: int
    max_days: int

    @property
    def basis(self) -> str:
        if self.measure_no is None:
            return "无对应政策条款，由区联络办人工交办"
        return f"江北委发〔2023〕11号 第{self.measure_no}条“{self.measure_title}”"


def _category(session: Session, category_id: str) -> Category:
    cat = session.get(Category, category_id)
    if cat is None:
        raise NotFound("诉求类别不存在")
    return cat


def _proposal(session: Session, cat: Category) -> RoutingProposal:
    rows = session.execute(
        select(CategoryUnit.role, Department.id, Department.name)
        .join(Department, Department.id == CategoryUnit.department_id)
        .where(CategoryUnit.category_id == cat.id, Department.active.is_(True))
        .order_by(CategoryUnit.position)
    ).all()
    measure = session.get(PolicyMeasure, cat.measure_no) if cat.measure_no else None
    return RoutingProposal(
        category=cat.name,
        measure_no=cat.measure_no,
        measure_title=measure.title if measure else None,
        lead=tuple(UnitRef(i, n) for role, i, n in rows if role == "lead"),
        responsible=tuple(UnitRef(i, n) for role, i, n in rows if role == "responsible"),
        reply_days=cat.reply_days,
        resolve_days=cat.resolve_days,
        max_days=cat.max_days,
    )


def propose_routing(db: Database, category_id: str) -> RoutingProposal:
    with db.read() as s:
        return _proposal(s, _category(s, category_id))


def _demand(session: Session, demand_id: str) -> Demand:
    d = session.get(Demand, demand_id)
    if d is None:
        raise NotFound("诉求不存在")
    return d


def _require_lead_handler(actor: Actor, d: Demand) -> None:
    if actor.role is Role.HANDLER and actor.department_id != d.lead_department_id:
        raise PermissionDenied("只有牵头单位的承办人可以执行此操作")


def _require_field_access(session: Session, actor: Actor, d: Demand) -> None:
    """Cadres act on enterprises they look after; street staff on their street's."""
    if actor.role is Role.CADRE:
        assigned = looks_after(session, actor.account_id, d.enterprise_id)
        if not assigned and d.created_by != actor.account_id:
            raise PermissionDenied("只能处理本人包联企业的诉求")
    elif actor.role is Role.STREET_STAFF:
        street = session.scalar(
            select(Enterprise.street_id).where(Enterprise.id == d.enterprise_id)
        )
        if street != actor.street_id:
            raise PermissionDenied("只能处理本街镇企业的诉求")


def _event(actor: Actor, kind: wf.EventKind, at: datetime | None = None, **kw: Any) -> wf.Event:
    return wf.Event(
        kind=kind, at=at or clock.now(), role=actor.role, actor_id=actor.account_id, **kw
    )


def _deadlines(
    cal: WorkCalendar, start: date, cat: Category, deadline: date | None
) -> tuple[date, date]:
    """(reply deadline, resolve deadline) counted in working days from `start`."""
    reply = cal.add_working_days(start, cat.reply_days)
    latest = cal.add_working_days(start, cat.max_days)
    if deadline is None:
        deadline = cal.add_working_days(start, cat.resolve_days)
    elif deadline > latest:
        raise ValidationError(
            Text("办结时限不能超过 {0} 个工作日（最晚 {1}）", cat.max_days, f"{latest:%Y-%m-%d}"),
            field="deadline",
        )
    return reply, deadline


def route_demand(
    db: Database,
    actor: Actor,
    demand_id: str,
    *,
    lead_department_id: str,
    co_department_ids: tuple[str, ...] = (),
    deadline: date | None = None,
) -> wf.Snapshot:
    """交办 / 改派: send the demand to a lead unit and co-units with deadlines set."""
    with db.session() as s:
        d = _demand(s, demand_id)
        for dept_id in (lead_department_id, *co_department_ids):
            dept = s.get(Department, dept_id)
            if dept is None or not dept.active:
                raise ValidationError("所选承办单位不存在或已停用", field="lead_department_id")
        cat = _category(s, d.category_id)
        now = clock.now()
        reply, due = _deadlines(calendar_for(s), now.date(), cat, deadline)
        return record(
            s,
            d,
            actor,
            _event(
                actor,
                wf.EventKind.ROUTE,
                now,
                lead_department_id=lead_department_id,
                co_department_ids=tuple(dict.fromkeys(co_department_ids)),
                deadline=due,
                reply_deadline=reply,
            ),
        )


def accept_demand(db: Database, actor: Actor, demand_id: str, text: str = "") -> wf.Snapshot:
    """签收 by the lead unit's handler."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_lead_handler(actor, d)
        return record(s, d, actor, _event(actor, wf.EventKind.ACCEPT, text=text))


def return_demand(db: Database, actor: Actor, demand_id: str, reason: str) -> wf.Snapshot:
    """退回 a mis-routed demand, with a reason, within the category's return window."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_lead_handler(actor, d)
        cat = _category(s, d.category_id)
        now = clock.now()
        if d.routed_at is not None and d.state == wf.State.ASSIGNED:
            limit = calendar_for(s).add_working_days(d.routed_at.date(), cat.return_days)
            if now.date() > limit:
                raise ValidationError(
                    Text(
                        "交办已超过 {0} 个工作日（{1} 前可退回），请联系督办改派",
                        cat.return_days,
                        f"{limit:%Y-%m-%d}",
                    ),
                )
        return record(s, d, actor, _event(actor, wf.EventKind.RETURN, now, text=reason))


def request_extension(
    db: Database, actor: Actor, demand_id: str, *, reason: str, promised_date: date
) -> wf.Snapshot:
    """延期 request: before the deadline by the category's notice, within its maximum."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_lead_handler(actor, d)
        cat = _category(s, d.category_id)
        cal = calendar_for(s)
        now = clock.now()
        if d.deadline is not None and d.state == wf.State.ACCEPTED:
            too_late = wf.extension_refusal(cal, now.date(), d.deadline, cat.extension_notice_days)
            if too_late:
                raise ValidationError(too_late)
            latest = cal.add_working_days(now.date(), cat.max_days)
            if promised_date > latest:
                raise ValidationError(
                    Text(
                        "承诺办结日期不能晚于 {0}（{1} 个工作日）",
                        f"{latest:%Y-%m-%d}",
                        cat.max_days,
                    ),
                    field="promised_date",
                )
        return record(
            s,
            d,
            actor,
            _event(
                actor, wf.EventKind.REQUEST_EXTENSION, now, text=reason, promised_date=promised_date
            ),
        )


def decide_extension(
    db: Database,
    actor: Actor,
    demand_id: str,
    *,
    approve: bool,
    text: str = "",
    promised_date: date | None = None,
) -> wf.Snapshot:
    """A supervisor approves (optionally with another date) or refuses (with a reason)."""
    with db.session() as s:
        d = _demand(s, demand_id)
        kind = wf.EventKind.APPROVE_EXTENSION if approve else wf.EventKind.REFUSE_EXTENSION
        return record(s, d, actor, _event(actor, kind, text=text, promised_date=promised_date))


def add_progress(db: Database, actor: Actor, demand_id: str, text: str) -> wf.Snapshot:
    """进展: a note by a lead or co-unit handler, the hub, or the enterprise's cadre."""
    with db.session() as s:
        d = _demand(s, demand_id)
        if actor.role is Role.HANDLER:
            units = {d.lead_department_id, *(u.department_id for u in _units(s, d))}
            if actor.department_id not in units:
                raise PermissionDenied("只有承办单位可以填写进展")
        else:
            _require_field_access(s, actor, d)
        return record(s, d, actor, _event(actor, wf.EventKind.PROGRESS, text=text))


def _units(session: Session, d: Demand) -> list[DemandUnit]:
    return list(session.scalars(select(DemandUnit).where(DemandUnit.demand_id == d.id)))


def resolve_demand(
    db: Database,
    actor: Actor,
    demand_id: str,
    *,
    answer: str,
    outcome: wf.Outcome,
    policy_basis: str,
) -> wf.Snapshot:
    """办结 with the answer, the outcome and the policy basis."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_lead_handler(actor, d)
        return record(
            s,
            d,
            actor,
            _event(
                actor, wf.EventKind.RESOLVE, text=answer, outcome=outcome, policy_basis=policy_basis
            ),
        )


def record_follow_up(
    db: Database,
    actor: Actor,
    demand_id: str,
    *,
    satisfaction: wf.Satisfaction,
    text: str = "",
    deadline: date | None = None,
) -> wf.Snapshot:
    """回访. 不满意 reopens (重办) to the same unit with a new deadline."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_field_access(s, actor, d)
        now = clock.now()
        reply = due = None
        if satisfaction is wf.Satisfaction.UNSATISFIED:
            cat = _category(s, d.category_id)
            reply, due = _deadlines(calendar_for(s), now.date(), cat, deadline)
        return record(
            s,
            d,
            actor,
            _event(
                actor,
                wf.EventKind.FOLLOW_UP,
                now,
                satisfaction=satisfaction,
                text=text,
                deadline=due,
                reply_deadline=reply,
            ),
        )


def escalate_demand(db: Database, actor: Actor, demand_id: str, text: str) -> wf.Snapshot:
    """督办: raise the escalation level of an open demand."""
    with db.session() as s:
        return record(
            s, _demand(s, demand_id), actor, _event(actor, wf.EventKind.ESCALATE, text=text)
        )


def withdraw_demand(db: Database, actor: Actor, demand_id: str, reason: str) -> wf.Snapshot:
    """撤回 at the enterprise's request."""
    with db.session() as s:
        d = _demand(s, demand_id)
        _require_field_access(s, actor, d)
        return record(s, d, actor, _event(actor, wf.EventKind.WITHDRAW, text=reason))


def merge_demand(
    db: Database, actor: Actor, demand_id: str, into_demand_id: str, text: str = ""
) -> wf.Snapshot:
    """并单: a duplicate joins another open demand of the same enterprise."""
    with db.session() as s:
        d = _demand(s, demand_id)
        target = _demand(s, into_demand_id)
        if target.id == d.id:
            raise ValidationError("不能并入自身", field="merged_into_id")
        if target.state not in {str(x) for x in wf.OPEN_STATES}:
            # a duplicate of a finished demand is a new need: it is handled, not folded away
            label = wf.STATE_LABELS[wf.State(target.state)]
            raise ValidationError(
                Text("目标诉求{0}：只能并入尚在办理的诉求（待交办、已交办或办理中）", label),
                field="merged_into_id",
            )
        if target.enterprise_id != d.enterprise_id:
            raise ValidationError("只能合并同一企业的诉求", field="merged_into_id")
        return record(
            s,
            d,
            actor,
            _event(
                actor,
                wf.EventKind.MERGE,
                text=text or f"并入诉求 {target.title}",
                merged_into_id=target.id,
            ),
        )


def close_demand(db: Database, actor: Actor, demand_id: str, text: str = "") -> wf.Snapshot:
    """销号 after the follow-up; the 销号 gets the closure record's readable serial."""
    with db.session() as s:
        d = _demand(s, demand_id)
        now = clock.now()
        serial = _next_closure_serial(s, actor.device_id, now.year)
        return record(s, d, actor, _event(actor, wf.EventKind.CLOSE, now, text=text, serial=serial))


def _next_closure_serial(s: Session, device_id: str, year: int) -> str:
    """This device's next 销号 serial of `year`: one more than its 销号 of the year so far."""
    device = s.get(Device, device_id)
    code = serials.device_code(device.fingerprint if device else "", device_id)
    done = s.scalar(
        select(func.count())
        .select_from(DemandEvent)
        .where(
            DemandEvent.kind == str(wf.EventKind.CLOSE),
            DemandEvent.device_id == device_id,
            DemandEvent.at >= datetime(year, 1, 1),
            DemandEvent.at < datetime(year + 1, 1, 1),
        )
    )
    return serials.closure_serial(year, code, (done or 0) + 1)
