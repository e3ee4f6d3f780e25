"""Read-only queries that return plain dataclasses for lists and detail screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from liaison.data.db import Database
from liaison.data.models import (
    Account,
    Category,
    Demand,
    DemandEvent,
    DemandUnit,
    Department,
    Enterprise,
    Street,
)
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.services.calendar import calendar_for
from liaison.services.context import Actor
from liaison.services.demand_log import snapshot


@dataclass(frozen=True)
class DemandRow:
    id: str
    title: str
    enterprise: str
    category: str
    state: wf.State
    lead_department: str | None
    deadline: date | None
    raised_on: date
    escalation_level: int

    def is_overdue(self, today: date) -> bool:
        return self.state in wf.OPEN_STATES and self.deadline is not None and self.deadline < today


def _rows(session: Session, stmt: Select[Demand]) -> list[DemandRow]:
    lead = aliased(Department)
    q = (
        stmt.add_columns(Enterprise.name, Category.name, lead.name)
        .join(Enterprise, Enterprise.id == Demand.enterprise_id)
        .join(Category, Category.id == Demand.category_id)
        .outerjoin(lead, lead.id == Demand.lead_department_id)
    )
    return [
        DemandRow(
            d.id,
            d.title,
            ent,
            cat,
            wf.State(d.state),
            dept,
            d.deadline,
            d.raised_on,
            d.escalation_level,
        )
        for d, ent, cat, dept in session.execute(q)
    ]


def department_queue(
    db: Database,
    department_id: str,
    *,
    limit: int = 100,
    offset: int = 0,
    include_co: bool = True,
) -> list[DemandRow]:
    """A department's open demands (it leads or co-handles), most urgent deadline first."""
    with db.read() as s:
        units = select(DemandUnit.demand_id, DemandUnit.deadline).where(
            DemandUnit.department_id == department_id, DemandUnit.is_open.is_(True)
        )
        if not include_co:
            units = units.where(DemandUnit.is_lead.is_(True))
        page = units.order_by(DemandUnit.deadline, DemandUnit.demand_id).limit(limit).offset(offset)
        ids = [demand_id for demand_id, _ in s.execute(page)]
        rows = {r.id: r for r in _rows(s, select(Demand).where(Demand.id.in_(ids)))}
        return [rows[i] for i in ids if i in rows]


def overdue_demands(
    db: Database, *, today: date | None = None, limit: int = 500
) -> list[DemandRow]:
    """Open demands past their deadline (超期), longest overdue first."""
    day = today or clock.today()
    with db.read() as s:
        stmt = (
            select(Demand)
            .where(
                Demand.state.in_([str(x) for x in (wf.State.ASSIGNED, wf.State.ACCEPTED)]),
                Demand.deadline < day,
            )
            .order_by(Demand.deadline, Demand.id)
            .limit(limit)
        )
        return _rows(s, stmt)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: wf.EventKind
    label: str
    actor: str | None
    department: str | None
    text: str
    data: dict[str, object]
    flagged: bool
    actor_unit: str | None = None
    """The acting person's own unit (a handler's department, a street, 区联络办)."""


@dataclass(frozen=True)
class DemandDetail:
    id: str
    title: str
    content: str
    kind: str
    urgency: str
    enterprise_id: str
    enterprise: str
    street: str | None
    category_id: str
    category: str
    raised_on: date
    snapshot: wf.Snapshot
    lead_department: str | None
    co_departments: tuple[str, ...]
    timeline: tuple[TimelineEntry, ...]
    actions: tuple[wf.EventKind, ...]
    """What the viewing actor may do now (empty without an actor)."""
    refusals: tuple[tuple[wf.EventKind, str], ...] = ()
    """Actions of `actions` the rules refuse today, with why (the button is shown disabled)."""


def _unit_of(
    who: Account | None, depts: dict[str, str], streets: dict[str, str], hub: str
) -> str | None:
    """The acting person's own unit: department, street, the hub for supervisors, else role."""
    if who is None:
        return None
    if who.department_id:
        return depts.get(who.department_id)
    if who.street_id:
        return streets.get(who.street_id)
    role = Role(who.role)
    return hub if role in (Role.SUPERVISOR, Role.ADMIN) else ROLE_LABELS[role]


def demand_detail(db: Database, demand_id: str, actor: Actor | None = None) -> DemandDetail:
    with db.read() as s:
        d = s.get(Demand, demand_id)
        if d is None:
            raise NotFound("诉求不存在")
        ent = s.get(Enterprise, d.enterprise_id)
        assert ent is not None
        street = s.get(Street, ent.street_id) if ent.street_id else None
        cat = s.get(Category, d.category_id)
        assert cat is not None
        snap = snapshot(s, d.id)
        names: dict[str, str] = {i: n for i, n in s.execute(select(Department.id, Department.name))}
        actor_account = aliased(Account)
        streets = {i: n for i, n in s.execute(select(Street.id, Street.name))}
        hub = s.scalar(select(Department.name).where(Department.kind == "hub").limit(1)) or ""
        timeline = tuple(
            TimelineEntry(
                e.at,
                wf.EventKind(e.kind),
                wf.EVENT_LABELS[wf.EventKind(e.kind)],
                who.display_name if who else None,
                names.get(e.department_id) if e.department_id else None,
                e.text,
                dict(e.data),
                e.id in snap.flagged_event_ids,
                _unit_of(who, names, streets, hub),
            )
            for e, who in s.execute(
                select(DemandEvent, actor_account)
                .outerjoin(actor_account, actor_account.id == DemandEvent.actor_id)
                .where(DemandEvent.demand_id == d.id)
                .order_by(DemandEvent.at, DemandEvent.id)
            )
        )
        actions: tuple[wf.EventKind, ...] = ()
        if actor is not None:
            actions = tuple(wf.allowed_events(snap, actor.role))
            if actor.role is Role.HANDLER and actor.department_id != snap.lead_department_id:
                co = actor.department_id in snap.co_department_ids
                actions = (
                    (wf.EventKind.PROGRESS,) if co and wf.EventKind.PROGRESS in actions else ()
                )
        refusals: tuple[tuple[wf.EventKind, str], ...] = ()
        if wf.EventKind.REQUEST_EXTENSION in actions:
            why = wf.extension_refusal(
                calendar_for(s), clock.today(), snap.deadline, cat.extension_notice_days
            )
            refusals = ((wf.EventKind.REQUEST_EXTENSION, why),) if why else ()
        return DemandDetail(
            d.id,
            d.title,
            d.content,
            d.kind,
            d.urgency,
            ent.id,
            ent.name,
            street.name if street else None,
            cat.id,
            cat.name,
            d.raised_on,
            snap,
            names.get(snap.lead_department_id) if snap.lead_department_id else None,
            tuple(names[c] for c in snap.co_department_ids if c in names),
            timeline,
            actions,
            refusals,
        )
