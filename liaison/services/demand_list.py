"""The demand list (诉求台账 on screen): filtered, ordered ids first, rows for visible ids.

`demand_ids` runs the filter and the sort in SQL and returns only ids; `demand_rows` turns a
screenful of ids into frozen rows with the deadline status worked out on the working-day
calendar (overdue, due within two working days). The routing and merge dialogs get their
numbers from here too, so no calendar arithmetic happens in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, String, bindparam, column, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.types import NullType

from liaison.data import search as search_index
from liaison.data.db import Database, raw_connection
from liaison.data.models import (
    Assignment,
    Category,
    Demand,
    DemandEvent,
    DemandUnit,
    Department,
    Enterprise,
)
from liaison.data.portable import day_of, no_index
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.workdays import DUE_SOON_WORKING_DAYS, DayOverride, WorkCalendar
from liaison.services.calendar import calendar_for
from liaison.services.context import Actor, assignment_current
from liaison.services.metrics import OVERDUE_AT_AS_OF, Grouping

DUE_SOON_DAYS = DUE_SOON_WORKING_DAYS
"""An open demand due within this many working days is shown amber (as the work list says)."""

TEXT_SEARCH_ENTERPRISES = 5000
"""A text filter matches demands of at most this many enterprises found by name."""
FINISHED_LIMIT = 2000
"""The list shows every open demand that matches but only this many finished ones (newest
first): a person looks up older ones by narrowing the filter, the ledger report lists all."""
LIST_LIMIT = 20_000
"""Most ids a date-ordered list holds."""
DRILL_LIMIT = 250_000
"""Most ids the list of a figure's demands holds (`DemandFilter.drilled`): all of a district's
demands, so the list has as many rows as the figure says."""

STATE_GROUP_OPEN = "open"
STATE_GROUP_FINISHED = "finished"
STATE_EXTENSION_PENDING = "extension_pending"
"""Besides a `State` value, `DemandFilter.state` accepts these groups."""

NO_GROUP = "__none__"
"""As `lead_department_id`, `street_id`, `created_by`, `category_id` or an event's unit: the
demands (events) without one — the "none" row of a metrics grouping (e.g. 未交办)."""

COUNTED_STATES = tuple(str(s) for s in wf.State if s not in (wf.State.WITHDRAWN, wf.State.MERGED))
"""The states `raised` counts (withdrawn and merged demands left out)."""
RESOLVED_STATES = tuple(str(s) for s in wf.FINISHED_STATES)
"""The states `resolved_or_closed` counts: 已办结, 已回访, 已销号."""

_OPEN = tuple(str(s) for s in wf.OPEN_STATES)


class Sort(StrEnum):
    URGENT = "urgent"
    """Open ones first, by deadline (not yet routed first); the others newest raised first."""
    DEADLINE = "deadline"
    """Open ones by deadline (not yet routed last); the others newest raised first."""
    RAISED_NEWEST = "raised_newest"
    RAISED_OLDEST = "raised_oldest"
    ESCALATION = "escalation"
    """Open ones most escalated first; the others newest raised first."""


@dataclass(frozen=True)
class EventFilter:
    """Demands with at least one event of `kind` dated in [start, end] (not flagged)."""

    kind: str
    """An `EventKind` value: route, accept, return, resolve or follow_up for the metrics."""
    start: date
    end: date
    department_id: str | None = None
    """The unit on the event (NO_GROUP: none)."""
    on_time: bool = False
    """Only steps on or before the limit they were held to (`demand_event.due`)."""
    satisfaction: tuple[str, ...] = ()
    """Only 回访 with one of these `Satisfaction` values."""


class DeadlineLevel(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"


@dataclass(frozen=True)
class DemandFilter:
    state: str | None = None
    """A `State` value, "open", "finished", "extension_pending", or None for all."""
    department_id: str | None = None
    """Demands this unit currently handles, as lead or co-unit."""
    category_id: str | None = None
    street_id: str | None = None
    enterprise_id: str | None = None
    overdue_only: bool = False
    mine: bool = False
    """Cadre: enterprises they look after or demands they recorded; handler: their unit's
    (lead or co); street staff: their street's; supervisor/admin: what waits for the hub
    (待交办, 延期待批, 待销号)."""
    text: str = ""
    """Part of the title, or an enterprise name / pinyin / credit code."""
    sort: Sort = Sort.URGENT
    # --- the demands behind a figure of the statistics (`figure_filter`) ---
    lead_department_id: str | None = None
    """Current lead unit only (NO_GROUP: not routed / no unit)."""
    created_by: str | None = None
    """The account that recorded the demand (NO_GROUP: not recorded)."""
    raised_from: date | None = None
    raised_to: date | None = None
    """Raised on a day in [raised_from, raised_to] (each bound optional)."""
    states: tuple[str, ...] = ()
    """Besides `state`: only these `State` values (empty: no restriction)."""
    overdue_as_of: date | None = None
    """With `overdue_only`: deadline before this day instead of today."""
    event: EventFilter | None = None

    @property
    def drilled(self) -> bool:
        """Bound to a period (a figure's demands): listed in full, up to DRILL_LIMIT."""
        return self.event is not None or self.raised_from is not None or self.raised_to is not None


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: date
    days_left: int
    """Working days from today to the deadline; negative once overdue (at least −1)."""
    level: DeadlineLevel | None
    reply: bool = False
    """About the 签收时限 (a routed demand not accepted by it), not the 办结时限."""


@dataclass(frozen=True)
class DemandListRow:
    id: str
    title: str
    enterprise: str
    category: str
    state: wf.State
    state_label: str
    lead_unit: str | None
    deadline: date | None
    status: DeadlineStatus | None
    """Only for open demands with a deadline."""
    escalation_level: int
    raised_on: date
    pending_extension: date | None
    reopen_count: int
    flagged: bool
    urgency: str


_calendars: dict[tuple[DayOverride, ...], WorkCalendar] = {}


def _calendar(session: Session) -> WorkCalendar:
    """The working-day calendar, built once per set of admin overrides (building one costs a
    year table per year touched; a list page asks for it every 200 rows)."""
    fresh = calendar_for(session)
    key = fresh.overrides
    cached = _calendars.get(key)
    if cached is None:
        if len(_calendars) > 8:
            _calendars.clear()
        _calendars[key] = cached = fresh
    return cached


def _deadline_status(
    cal: WorkCalendar,
    today: date,
    deadline: date | None,
    state: wf.State,
    reply_deadline: date | None = None,
) -> DeadlineStatus | None:
    """How the demand's limit stands today: a routed demand not accepted by its 签收时限 is
    overdue for that first (as the work list shows it); otherwise the 办结时限 counts."""
    if state is wf.State.ASSIGNED and reply_deadline is not None and reply_deadline < today:
        late = min(-1, -cal.working_days_between(reply_deadline, today))
        return DeadlineStatus(reply_deadline, late, DeadlineLevel.OVERDUE, reply=True)
    if deadline is None or state not in wf.OPEN_STATES:
        return None
    if deadline < today:
        return DeadlineStatus(
            deadline, min(-1, -cal.working_days_between(deadline, today)), DeadlineLevel.OVERDUE
        )
    left = cal.working_days_between(today, deadline)
    return DeadlineStatus(deadline, left, DeadlineLevel.DUE_SOON if left <= DUE_SOON_DAYS else None)


def deadline_status(
    db: Database,
    deadline: date | None,
    state: wf.State,
    today: date | None = None,
    reply_deadline: date | None = None,
) -> DeadlineStatus | None:
    """How the deadline of a demand in `state` stands today (None when it does not apply)."""
    with db.read() as s:
        return _deadline_status(
            _calendar(s), today or clock.today(), deadline, state, reply_deadline
        )


def _no_index(attribute: InstrumentedAttribute[str]) -> ColumnElement[str]:
    return no_index(attribute.expression)


def _allowed_states(f: DemandFilter, actor: Actor) -> frozenset[wf.State]:
    allowed = frozenset(wf.State)
    if f.state == STATE_GROUP_OPEN:
        allowed = wf.OPEN_STATES
    elif f.state == STATE_GROUP_FINISHED:
        allowed = wf.FINISHED_STATES
    elif f.state == STATE_EXTENSION_PENDING:
        allowed = frozenset({wf.State.ACCEPTED})  # only a demand in hand can have one
    elif f.state:
        allowed = frozenset({wf.State(f.state)})
    if f.overdue_only and f.overdue_as_of is None:  # as of a past day: whatever they are now
        allowed &= {wf.State.ASSIGNED, wf.State.ACCEPTED}
    if f.states:
        allowed &= {wf.State(s) for s in f.states}
    if f.mine and actor.is_hub:  # what waits for the hub: routing, extension, closing
        allowed &= {wf.State.NEW, wf.State.ACCEPTED, wf.State.FOLLOWED_UP}
    return allowed


def _equals(column: Any, value: str) -> ColumnElement[bool]:
    """`column = value`, or `column IS NULL` for NO_GROUP."""
    result: ColumnElement[bool] = column.is_(None) if value == NO_GROUP else column == value
    return result


def _in_street(street_id: str) -> ColumnElement[bool]:
    on_street = select(Enterprise.id).where(_equals(Enterprise.street_id, street_id))
    return _no_index(Demand.enterprise_id).in_(on_street)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def _with_event(e: EventFilter) -> ColumnElement[bool]:
    """Demands with a matching event: the events are found through their (kind, at) index,
    as `compute_metrics` counts them, and their demands looked up by id."""
    events = select(DemandEvent.demand_id).where(
        DemandEvent.kind == e.kind,
        DemandEvent.at >= _day_start(e.start),
        DemandEvent.at < _day_start(e.end + timedelta(days=1)),
        DemandEvent.flagged.is_(False),
    )
    if e.department_id:
        events = events.where(_equals(DemandEvent.department_id, e.department_id))
    if e.on_time:
        events = events.where(day_of(DemandEvent.at.expression) <= DemandEvent.due)
    if e.satisfaction:
        events = events.where(DemandEvent.data["satisfaction"].as_string().in_(e.satisfaction))
    return Demand.id.in_(events)


def _handled_by(department_id: str) -> ColumnElement[bool]:
    return (
        select(DemandUnit.demand_id)
        .where(DemandUnit.demand_id == Demand.id, DemandUnit.department_id == department_id)
        .exists()
    )


def _mine(actor: Actor, day: date) -> list[ColumnElement[bool]]:
    if actor.role is Role.CADRE:
        # Demands a cadre recorded are of enterprises they looked after at the time, so the
        # (unindexed) created_by is only checked within their enterprises, past and present.
        ever = select(Assignment.enterprise_id).where(Assignment.account_id == actor.account_id)
        now = ever.where(assignment_current(day))
        return [
            Demand.enterprise_id.in_(ever),
            or_(_no_index(Demand.enterprise_id).in_(now), Demand.created_by == actor.account_id),
        ]
    if actor.role is Role.HANDLER:
        return [_handled_by(actor.department_id or "")]
    if actor.role is Role.STREET_STAFF:
        return [_in_street(actor.street_id or "")]
    return [or_(Demand.state != str(wf.State.ACCEPTED), Demand.pending_extension.is_not(None))]


def _overdue_at(as_of: date) -> Any:
    """The ids the figures count as 超期 on `as_of` (open then, past the deadline then in force:
    `liaison.services.metrics`), so that a past period's number drills down to the same list."""
    after = (as_of + timedelta(days=1)).isoformat()
    sql = text(
        f"SELECT o.demand_id AS id FROM ({OVERDUE_AT_AS_OF}) AS o"
    ).bindparams(  # untyped: PostgreSQL compares them with dates, times and text alike
        bindparam("as_of", as_of.isoformat(), type_=NullType()),
        bindparam("as_of_after", after, type_=NullType()),
    )
    return select(sql.columns(column("id", String)).subquery().c.id)


def _conditions(
    session: Session, f: DemandFilter, actor: Actor, day: date
) -> list[ColumnElement[bool]]:
    """Every filter but the state, which decides how the query is split (see demand_ids)."""
    out: list[ColumnElement[bool]] = []
    if f.overdue_only and f.overdue_as_of is None:
        out.append(Demand.deadline < day)
    elif f.overdue_only and f.overdue_as_of is not None:
        out.append(Demand.id.in_(_overdue_at(f.overdue_as_of)))
    if f.state == STATE_EXTENSION_PENDING:
        out.append(Demand.pending_extension.is_not(None))
    if f.category_id:  # a category holds up to a seventh of all demands: not worth its index
        out.append(_equals(_no_index(Demand.category_id), f.category_id))
    if f.enterprise_id:
        out.append(Demand.enterprise_id == f.enterprise_id)
    if f.department_id:
        out.append(_handled_by(f.department_id))
    if f.street_id:
        out.append(_in_street(f.street_id))
    if f.lead_department_id:
        out.append(_equals(Demand.lead_department_id, f.lead_department_id))
    if f.created_by:
        out.append(_equals(Demand.created_by, f.created_by))
    if f.raised_from is not None:
        out.append(Demand.raised_on >= f.raised_from)
    if f.raised_to is not None:
        out.append(Demand.raised_on <= f.raised_to)
    if f.event is not None:
        out.append(_with_event(f.event))
    if f.mine:
        out.extend(_mine(actor, day))
    q = f.text.strip()
    if q:
        found = search_index.search(raw_connection(session), q, TEXT_SEARCH_ENTERPRISES)
        by_title = Demand.title.contains(q, autoescape=True)
        if found is None or not found.enterprise_ids:
            out.append(by_title)
        else:
            out.append(or_(by_title, _no_index(Demand.enterprise_id).in_(found.enterprise_ids)))
    return out


def _open_order(sort: Sort) -> tuple[Any, ...]:
    """ORDER BY of the open part (SQLAlchemy column expressions of mixed kinds)."""
    if sort is Sort.DEADLINE:
        return (Demand.deadline.is_(None), Demand.deadline, Demand.raised_on, Demand.id)
    # NULLS FIRST is SQLite's way already and PostgreSQL's only when asked
    deadline = Demand.deadline.asc().nulls_first()
    if sort is Sort.ESCALATION:
        return (Demand.escalation_level.desc(), deadline, Demand.raised_on, Demand.id)
    return (deadline, Demand.raised_on, Demand.id)  # URGENT: not yet routed first


@dataclass(frozen=True)
class DemandIds:
    ids: list[str]
    capped: bool
    """Older finished matches were left out (FINISHED_LIMIT / LIST_LIMIT)."""


# --- the demands behind a figure of the statistics -----------------------------------------

EVENT_FIGURES: dict[str, EventFilter] = {
    # kind and conditions only; the period and unit are filled in by `figure_filter`
    "routed": EventFilter(str(wf.EventKind.ROUTE), date.min, date.min),
    "accepted_on_time": EventFilter(str(wf.EventKind.ACCEPT), date.min, date.min, on_time=True),
    "returned": EventFilter(str(wf.EventKind.RETURN), date.min, date.min),
    "resolved": EventFilter(str(wf.EventKind.RESOLVE), date.min, date.min),
    "resolved_on_time": EventFilter(str(wf.EventKind.RESOLVE), date.min, date.min, on_time=True),
    "followed_up": EventFilter(str(wf.EventKind.FOLLOW_UP), date.min, date.min),
    "satisfied": EventFilter(
        str(wf.EventKind.FOLLOW_UP),
        date.min,
        date.min,
        satisfaction=(str(wf.Satisfaction.SATISFIED), str(wf.Satisfaction.BASICALLY)),
    ),
    "reopened": EventFilter(
        str(wf.EventKind.FOLLOW_UP),
        date.min,
        date.min,
        satisfaction=(str(wf.Satisfaction.UNSATISFIED),),
    ),
}
"""The figures of `MetricRow` that count events: their drill-down lists the distinct demands
with at least one such event, so a demand routed twice in the period is listed once."""

DEMAND_FIGURES = ("raised", "resolved_or_closed", "overdue")
"""The figures of `MetricRow` that count demands: the list shows exactly as many."""

DRILL_FIGURES = (*DEMAND_FIGURES, *EVENT_FIGURES)


def figure_filter(
    figure: str,
    start: date,
    end: date,
    as_of: date,
    by: Grouping | None = None,
    key: str | None = None,
) -> DemandFilter:
    """The list filter of the demands behind `figure` of `compute_metrics(start, end, by)`:
    of the group `key` (None: the group's "none" row), or of the district when `by` is None.

    Follows the definitions in `liaison.services.metrics`: demand figures group by the demand's
    current lead unit, enterprise street, recording account or category; event figures by the
    unit on the event when grouped by department, otherwise like the demand figures."""
    if figure not in DRILL_FIGURES:
        raise ValidationError(Text("无法列出“{0}”对应的诉求", figure), field="figure")
    group = NO_GROUP if key is None else key
    column = {
        "street": "street_id",
        "cadre": "created_by",
        "category": "category_id",
        "department": "lead_department_id",
    }
    scope: dict[str, Any] = {}
    if by is not None and not (by == "department" and figure in EVENT_FIGURES):
        scope[column[by]] = group
    base = DemandFilter(sort=Sort.RAISED_NEWEST, **scope)
    if figure == "overdue":
        return replace(base, sort=Sort.DEADLINE, overdue_only=True, overdue_as_of=as_of)
    if figure in DEMAND_FIGURES:
        states = COUNTED_STATES if figure == "raised" else RESOLVED_STATES
        return replace(base, raised_from=start, raised_to=end, states=states)
    event = replace(
        EVENT_FIGURES[figure],
        start=start,
        end=end,
        department_id=group if by == "department" else None,
    )
    return replace(base, event=event)


def _strs(values: frozenset[wf.State]) -> list[str]:
    return sorted(str(v) for v in values)


def demand_ids(db: Database, f: DemandFilter, actor: Actor, today: date | None = None) -> DemandIds:
    """Ids of the demands the list shows for `actor`, in display order.

    Open demands come first (all of them: the open workload is bounded), ordered by the sort;
    then the newest FINISHED_LIMIT finished ones. The two parts are two queries so that each
    walks an index and stops early: 200,000 demands never pass through Python. The
    RAISED_* sorts list everything by date, up to LIST_LIMIT.
    """
    day = today or clock.today()
    allowed = _allowed_states(f, actor)
    open_part = allowed & wf.OPEN_STATES
    rest = allowed - wf.OPEN_STATES
    with db.read() as s:
        where = _conditions(s, f, actor, day)
        base = select(Demand.id).where(*where)
        if f.sort in (Sort.RAISED_NEWEST, Sort.RAISED_OLDEST):
            state = _no_index(Demand.state) if wf.State.CLOSED in allowed else Demand.state
            stmt = base.where(state.in_(_strs(allowed)))
            if f.sort is Sort.RAISED_NEWEST:
                stmt = stmt.order_by(Demand.raised_on.desc(), Demand.id.desc())
            else:
                stmt = stmt.order_by(Demand.raised_on, Demand.id)
            cap = DRILL_LIMIT if f.drilled else LIST_LIMIT
            ids = list(s.scalars(stmt.limit(cap + 1)))
            return DemandIds(ids[:cap], len(ids) > cap)
        ids = []
        if open_part:
            stmt = base.where(Demand.state.in_(_strs(open_part))).order_by(*_open_order(f.sort))
            ids = list(s.scalars(stmt))
        finished: list[str] = []
        limit = DRILL_LIMIT if f.drilled else FINISHED_LIMIT
        if rest:
            # Closed demands are the bulk of the table: walk the raised_on index and stop at
            # the limit. The other finished states are small enough for the state index.
            state = _no_index(Demand.state) if wf.State.CLOSED in rest else Demand.state
            stmt = (
                base.where(state.in_(_strs(rest)))
                .order_by(Demand.raised_on.desc(), Demand.id.desc())
                .limit(limit + 1)
            )
            finished = list(s.scalars(stmt))
        return DemandIds(ids + finished[:limit], len(finished) > limit)


def demand_rows(
    db: Database, ids: list[str], today: date | None = None
) -> dict[str, DemandListRow]:
    """The rows for `ids` (a screenful), keyed by id."""
    if not ids:
        return {}
    day = today or clock.today()
    lead = aliased(Department)
    with db.read() as s:
        cal = _calendar(s)
        result = s.execute(
            select(Demand, Enterprise.name, Category.name, lead.name)
            .join(Enterprise, Enterprise.id == Demand.enterprise_id)
            .join(Category, Category.id == Demand.category_id)
            .outerjoin(lead, lead.id == Demand.lead_department_id)
            .where(Demand.id.in_(ids))
        )
        rows = {}
        for d, enterprise, category, lead_name in result:
            state = wf.State(d.state)
            rows[d.id] = DemandListRow(
                id=d.id,
                title=d.title,
                enterprise=enterprise,
                category=category,
                state=state,
                state_label=wf.STATE_LABELS[state],
                lead_unit=lead_name,
                deadline=d.deadline,
                status=_deadline_status(cal, day, d.deadline, state, d.reply_deadline),
                escalation_level=d.escalation_level,
                raised_on=d.raised_on,
                pending_extension=d.pending_extension,
                reopen_count=d.reopen_count,
                flagged=d.flagged,
                urgency=d.urgency,
            )
        return rows


# --- what the action dialogs need ---------------------------------------------------------


@dataclass(frozen=True)
class RoutingDates:
    start: date
    reply_deadline: date
    deadline: date
    """The category's default resolve deadline."""
    latest: date
    """The category's maximum; a person may pick any day from `start` to this."""
    reply_days: int
    resolve_days: int
    max_days: int
    extension_notice_days: int = 1
    """How many working days before the deadline a 延期 must be asked for."""


def routing_dates(db: Database, category_id: str, start: date | None = None) -> RoutingDates:
    """The deadlines routing (or reopening) the category's demand today would set."""
    day = start or clock.today()
    with db.read() as s:
        cat = s.get(Category, category_id)
        if cat is None:
            raise NotFound("诉求类别不存在")
        cal = _calendar(s)
        return RoutingDates(
            start=day,
            reply_deadline=cal.add_working_days(day, cat.reply_days),
            deadline=cal.add_working_days(day, cat.resolve_days),
            latest=cal.add_working_days(day, cat.max_days),
            reply_days=cat.reply_days,
            resolve_days=cat.resolve_days,
            max_days=cat.max_days,
            extension_notice_days=cat.extension_notice_days,
        )


@dataclass(frozen=True)
class MergeCandidate:
    id: str
    title: str
    state_label: str
    raised_on: date


def merge_candidates(db: Database, demand_id: str) -> list[MergeCandidate]:
    """Other open demands of the same enterprise, newest first (targets of 并单)."""
    with db.read() as s:
        d = s.get(Demand, demand_id)
        if d is None:
            raise NotFound("诉求不存在")
        rows = s.execute(
            select(Demand.id, Demand.title, Demand.state, Demand.raised_on)
            .where(
                Demand.enterprise_id == d.enterprise_id,
                Demand.id != d.id,
                Demand.state.in_(_OPEN),
            )
            .order_by(Demand.raised_on.desc(), Demand.id.desc())
        )
        return [MergeCandidate(i, t, wf.STATE_LABELS[wf.State(st)], on) for i, t, st, on in rows]
