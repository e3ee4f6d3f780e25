"""Storage of a demand's events and of the snapshot derived from them.

`record` is the only way a demand changes: it folds the stored history, validates the new event
against it (the state machine raises and nothing is written), appends the event and writes the
derived columns back onto the demand row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from liaison.data.models import Demand, DemandEvent, DemandPeriod, DemandUnit
from liaison.domain import workflow as wf
from liaison.domain.ids import new_id
from liaison.domain.periods import COLUMNS, Period, Periods
from liaison.domain.periods import fold as fold_periods
from liaison.domain.roles import Role
from liaison.services.context import Actor


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def event_data(e: wf.Event) -> dict[str, Any]:
    """The JSON payload stored with an event (everything but the columns)."""
    data: dict[str, Any] = {}
    if e.lead_department_id:
        data["lead"] = e.lead_department_id
    if e.co_department_ids:
        data["co"] = list(e.co_department_ids)
    for name in ("deadline", "reply_deadline", "promised_date"):
        value = getattr(e, name)
        if value:
            data[name] = value.isoformat()
    for name in ("outcome", "satisfaction"):
        value = getattr(e, name)
        if value:
            data[name] = str(value)
    if e.policy_basis:
        data["policy_basis"] = e.policy_basis
    if e.merged_into_id:
        data["merged_into_id"] = e.merged_into_id
    if e.serial:
        data["serial"] = e.serial
    return data


def to_event(row: DemandEvent) -> wf.Event:
    return wf.event_from(
        row.id, row.kind, row.at, row.actor_id, row.actor_role, row.text, row.data or {}
    )


def history(session: Session, demand_id: str) -> list[DemandEvent]:
    return list(
        session.scalars(
            select(DemandEvent)
            .where(DemandEvent.demand_id == demand_id)
            .order_by(DemandEvent.at, DemandEvent.id)
        )
    )


def snapshot(session: Session, demand_id: str) -> wf.Snapshot:
    return wf.fold(to_event(r) for r in history(session, demand_id))


SNAPSHOT_COLUMNS = tuple(
    f.name for f in fields(wf.Snapshot) if f.name not in ("co_department_ids", "flagged_event_ids")
)


def event_due(event: wf.Event, after: wf.Snapshot, before: wf.Snapshot) -> date | None:
    if event.kind in (wf.EventKind.ROUTE, wf.EventKind.ACCEPT):
        return after.reply_deadline
    if event.kind is wf.EventKind.RESOLVE:
        return before.deadline
    return None


def event_department(event: wf.Event, actor: Actor, after: wf.Snapshot) -> str | None:
    if event.kind is wf.EventKind.ROUTE:
        return event.lead_department_id
    if actor.role is Role.HANDLER:
        return actor.department_id
    return after.lead_department_id


def write_snapshot(
    session: Session, demand: Demand, s: wf.Snapshot, periods: Sequence[Period]
) -> None:
    """Copy the derived snapshot onto the demand row and its current units; write its
    periods anew."""
    for name in SNAPSHOT_COLUMNS:
        value = getattr(s, name)
        setattr(demand, name, str(value) if isinstance(value, StrEnum) else value)
    demand.flagged = bool(s.flagged_event_ids)
    session.execute(delete(DemandUnit).where(DemandUnit.demand_id == demand.id))
    units = [(s.lead_department_id, True)] if s.lead_department_id else []
    units += [(dept, False) for dept in s.co_department_ids]
    session.add_all(
        DemandUnit(
            demand_id=demand.id,
            department_id=dept,
            is_lead=lead,
            is_open=s.is_open,
            deadline=s.deadline,
        )
        for dept, lead in units
    )
    session.execute(delete(DemandPeriod).where(DemandPeriod.demand_id == demand.id))
    session.add_all(DemandPeriod(**dict(zip(COLUMNS, p.row(), strict=True))) for p in periods)


def _fold(demand_id: str, rows: Sequence[DemandEvent]) -> tuple[wf.Snapshot, list[Period]]:
    """The snapshot after the stored events `rows` and the demand's periods so far."""
    return fold_periods(
        demand_id, [to_event(r) for r in rows], [(r.at, r.department_id, r.due) for r in rows]
    )


def rederive(session: Session, demand: Demand) -> wf.Snapshot:
    """Fold the demand's stored events again and write what they imply (a demand whose
    history was changed behind the state machine's back: a test's forged event)."""
    snap, periods = _fold(demand.id, history(session, demand.id))
    write_snapshot(session, demand, snap, periods)
    return snap


def record(session: Session, demand: Demand, actor: Actor, event: wf.Event) -> wf.Snapshot:
    """Validate and append `event`; update the derived columns. Raises, writing nothing.

    The event is stamped after every event already in the history, even if this device's
    clock says otherwise (a laptop a few days behind): a step is taken after the steps it was
    taken on, and every replica, folding the events in time order, derives the same state."""
    rows = history(session, demand.id) if demand.state else []
    before, periods = _fold(demand.id, rows)
    if rows and event.at <= rows[-1].at:
        event = replace(event, at=rows[-1].at + timedelta(microseconds=1))
    after = wf.apply(before, event)
    row = DemandEvent(
        id=event.event_id or new_id(),
        demand_id=demand.id,
        kind=str(event.kind),
        at=event.at,
        actor_id=actor.account_id,
        actor_role=str(actor.role),
        device_id=actor.device_id,
        department_id=event_department(event, actor, after),
        due=event_due(event, after, before),
        epoch=after.epoch,
        text=event.text,
        data=event_data(event),
    )
    session.add(row)
    ending = Periods(demand.id, periods, before)
    ending.step(row.id, event.kind, row.at, row.department_id, row.due, after)
    write_snapshot(session, demand, after, ending.rows)
    demand.updated_by = actor.account_id
    demand.updated_device = actor.device_id
    session.flush()
    return after
