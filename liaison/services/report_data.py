"""What the printed records show, gathered in one read-only session per record (Qt-free).

`ClosureRecord` is everything a 诉求办结销号单 prints; `liaison.services.closure_marks` signs and
verifies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import (
    Account,
    Category,
    Demand,
    DemandEvent,
    Department,
    Enterprise,
    PolicyMeasure,
    Street,
    Visit,
    VisitParticipant,
)
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.domain.vocab import DEMAND_KINDS, URGENCIES, VISIT_MODES
from liaison.services.demand_log import snapshot

POLICY_DOCUMENT = "江北委发〔2023〕11号"


def measure_citation(no: int | None, title: str | None) -> str:
    """How a record cites the policy measure behind a category."""
    if no is None:
        return "无对应政策条款，由区联络办人工交办"
    return f"{POLICY_DOCUMENT} 第{no}条“{title or ''}”"


# ---------------------------------------------------------------- visit record


@dataclass(frozen=True)
class Attendee:
    name: str
    title: str
    unit: str


@dataclass(frozen=True)
class RaisedDemand:
    id: str
    kind: str
    category: str
    title: str
    content: str
    urgency: str
    state: str


@dataclass(frozen=True)
class VisitRecord:
    visit_id: str
    enterprise: str
    uscc: str
    legal_rep: str
    address: str
    street: str
    visit_date: date
    mode: str
    summary: str
    follow_up_on: date | None
    government: tuple[Attendee, ...]
    enterprise_side: tuple[Attendee, ...]
    demands: tuple[RaisedDemand, ...]
    recorded_by: str


def _unit_of(who: Account | None, depts: dict[str, str], streets: dict[str, str], hub: str) -> str:
    if who is None:
        return ""
    if who.department_id:
        return depts.get(who.department_id, "")
    if who.street_id:
        return streets.get(who.street_id, "")
    role = Role(who.role)
    return hub if role in (Role.SUPERVISOR, Role.ADMIN) else ROLE_LABELS[role]


def _names(s: Session) -> tuple[dict[str, str], dict[str, str], str]:
    depts = {i: n for i, n in s.execute(select(Department.id, Department.name))}
    streets = {i: n for i, n in s.execute(select(Street.id, Street.name))}
    hub = s.scalar(select(Department.name).where(Department.kind == "hub").limit(1)) or "区联络办"
    return depts, streets, hub


def visit_record(db: Database, visit_id: str) -> VisitRecord:
    with db.read() as s:
        v = s.get(Visit, visit_id)
        if v is None or v.deleted_at is not None:
            raise NotFound("走访记录不存在或已删除")
        ent = s.get(Enterprise, v.enterprise_id)
        assert ent is not None
        depts, streets, hub = _names(s)
        gov: list[Attendee] = []
        firm: list[Attendee] = []
        rows = s.execute(
            select(VisitParticipant, Account)
            .outerjoin(Account, Account.id == VisitParticipant.account_id)
            .where(VisitParticipant.visit_id == v.id)
            .order_by(VisitParticipant.side.desc(), VisitParticipant.id)
        )
        for p, acc in rows:
            if p.side == "enterprise":
                firm.append(Attendee(p.name, p.title, ent.name))
            else:
                gov.append(Attendee(p.name, p.title, _unit_of(acc, depts, streets, hub)))
        cats = {i: n for i, n in s.execute(select(Category.id, Category.name))}
        demands = tuple(
            RaisedDemand(
                d.id,
                DEMAND_KINDS.get(d.kind, d.kind),
                cats.get(d.category_id, ""),
                d.title,
                d.content,
                URGENCIES.get(d.urgency, d.urgency),
                wf.STATE_LABELS[wf.State(d.state)] if d.state else "",
            )
            for d in s.scalars(
                select(Demand).where(Demand.visit_id == v.id).order_by(Demand.created_at, Demand.id)
            )
        )
        author = s.get(Account, v.created_by) if v.created_by else None
        return VisitRecord(
            visit_id=v.id,
            enterprise=ent.name,
            uscc=ent.uscc,
            legal_rep=ent.legal_rep,
            address=ent.address,
            street=streets.get(ent.street_id, "") if ent.street_id else "",
            visit_date=v.visit_date,
            mode=VISIT_MODES.get(v.mode, v.mode),
            summary=v.summary,
            follow_up_on=v.follow_up_on,
            government=tuple(gov),
            enterprise_side=tuple(firm),
            demands=demands,
            recorded_by=author.display_name if author else "",
        )


# -------------------------------------------------------------- closure record


@dataclass(frozen=True)
class HashedEvent:
    """An event exactly as it enters the content hash."""

    id: str
    kind: str
    at: datetime
    actor_id: str | None
    department_id: str | None
    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Step:
    """One row of the printed timeline."""

    at: datetime
    label: str
    actor: str
    unit: str
    text: str
    details: str
    flagged: bool


@dataclass(frozen=True)
class ClosureRecord:
    id: str
    enterprise_id: str
    category_id: str
    kind_code: str
    urgency_code: str
    serial: str
    """The 销号's readable serial ('' before the 销号, and for one made before serials)."""
    title: str
    content: str
    kind: str
    urgency: str
    raised_on: date
    state: str
    closed: bool
    closed_at: datetime | None
    enterprise: str
    uscc: str
    street: str
    category: str
    measure: str
    lead: str
    co_units: tuple[str, ...]
    deadline: date | None
    answer: str
    outcome: str
    policy_basis: str
    resolved_at: datetime | None
    satisfaction: str
    followed_up_at: datetime | None
    steps: tuple[Step, ...]
    events: tuple[HashedEvent, ...]


def _details(e: DemandEvent, depts: dict[str, str]) -> str:
    """The event's payload as printed lines (units, limits, outcome, basis, satisfaction)."""
    d: dict[str, Any] = dict(e.data or {})
    units: list[str] = []
    limits: list[str] = []
    result: list[str] = []
    if d.get("lead"):
        units.append(f"牵头单位：{depts.get(d['lead'], '')}")
    if d.get("co"):
        units.append("协办单位：" + "、".join(depts.get(c, "") for c in d["co"]))
    if d.get("reply_deadline") and e.kind == wf.EventKind.ROUTE:
        limits.append(f"签收时限：{d['reply_deadline']}")
    if d.get("deadline"):
        limits.append(f"办结时限：{d['deadline']}")
    if d.get("promised_date"):
        limits.append(f"承诺办结日期：{d['promised_date']}")
    if d.get("outcome"):
        result.append(f"办理结果：{wf.OUTCOME_LABELS[wf.Outcome(d['outcome'])]}")
    if d.get("satisfaction"):
        result.append(f"满意度：{wf.SATISFACTION_LABELS[wf.Satisfaction(d['satisfaction'])]}")
    lines = ["\u00a0\u00a0\u00a0".join(group) for group in (units, limits, result) if group]
    if d.get("policy_basis"):
        lines.append(f"政策依据：{d['policy_basis']}")
    return "\n".join(lines)


def closure_record(db: Database, demand_id: str) -> ClosureRecord:
    with db.read() as s:
        d = s.get(Demand, demand_id)
        if d is None:
            raise NotFound("诉求不存在，无法打印办结销号单")
        ent = s.get(Enterprise, d.enterprise_id)
        cat = s.get(Category, d.category_id)
        assert ent is not None and cat is not None
        measure = s.get(PolicyMeasure, cat.measure_no) if cat.measure_no else None
        depts, streets, hub = _names(s)
        snap = snapshot(s, d.id)
        rows = list(
            s.execute(
                select(DemandEvent, Account)
                .outerjoin(Account, Account.id == DemandEvent.actor_id)
                .where(DemandEvent.demand_id == d.id)
                .order_by(DemandEvent.at, DemandEvent.id)
            )
        )
        steps = tuple(
            Step(
                e.at,
                wf.EVENT_LABELS[wf.EventKind(e.kind)],
                who.display_name if who else "",
                _unit_of(who, depts, streets, hub),
                e.text,
                _details(e, depts),
                e.id in snap.flagged_event_ids,
            )
            for e, who in rows
        )
        events = tuple(
            HashedEvent(e.id, e.kind, e.at, e.actor_id, e.department_id, e.text, dict(e.data or {}))
            for e, _ in rows
        )
        resolves = [e for e, _ in rows if e.kind == wf.EventKind.RESOLVE]
        closes = [e for e, _ in rows if e.kind == wf.EventKind.CLOSE]
        last = resolves[-1] if resolves else None
        state = wf.State(d.state) if d.state else None
        return ClosureRecord(
            id=d.id,
            enterprise_id=d.enterprise_id,
            category_id=d.category_id,
            kind_code=d.kind,
            urgency_code=d.urgency,
            serial=str((closes[-1].data or {}).get("serial", "")) if closes else "",
            title=d.title,
            content=d.content,
            kind=DEMAND_KINDS.get(d.kind, d.kind),
            urgency=URGENCIES.get(d.urgency, d.urgency),
            raised_on=d.raised_on,
            state=wf.STATE_LABELS[state] if state else "",
            closed=state is wf.State.CLOSED,
            closed_at=snap.closed_at,
            enterprise=ent.name,
            uscc=ent.uscc,
            street=streets.get(ent.street_id, "") if ent.street_id else "",
            category=cat.name,
            measure=measure_citation(cat.measure_no, measure.title if measure else None),
            lead=depts.get(snap.lead_department_id, "") if snap.lead_department_id else "",
            co_units=tuple(depts[c] for c in snap.co_department_ids if c in depts),
            deadline=snap.deadline,
            answer=last.text if last else "",
            outcome=wf.OUTCOME_LABELS[snap.outcome] if snap.outcome else "",
            policy_basis=str((last.data or {}).get("policy_basis", "")) if last else "",
            resolved_at=snap.resolved_at,
            satisfaction=wf.SATISFACTION_LABELS[snap.satisfaction] if snap.satisfaction else "",
            followed_up_at=snap.followed_up_at,
            steps=steps,
            events=events,
        )
