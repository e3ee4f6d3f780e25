"""The demand's closed loop as data: states, events, who may fire them and what each requires.

A demand's state is never edited: it is the fold of its events through TRANSITIONS. `apply`
validates one new event against the current snapshot and returns the next snapshot, or raises
InvalidTransition / ValidationError / PermissionDenied and changes nothing. `fold` replays a
stored history; there an event that is no longer valid (two offline devices acted at once) is
kept and flagged instead of dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from liaison.domain.errors import InvalidTransition, PermissionDenied, ValidationError
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.workdays import WorkCalendar


class State(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    RESOLVED = "resolved"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"


STATE_LABELS: dict[State, str] = {
    State.NEW: "待交办",
    State.ASSIGNED: "已交办",
    State.ACCEPTED: "办理中",
    State.RESOLVED: "已办结",
    State.FOLLOWED_UP: "已回访",
    State.CLOSED: "已销号",
    State.WITHDRAWN: "已撤回",
    State.MERGED: "已并单",
}

OPEN_STATES = frozenset({State.NEW, State.ASSIGNED, State.ACCEPTED})
"""States in which the demand still waits for someone to act on it."""
FINISHED_STATES = frozenset({State.RESOLVED, State.FOLLOWED_UP, State.CLOSED})


class EventKind(StrEnum):
    CREATE = "create"
    ROUTE = "route"
    ACCEPT = "accept"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    PROGRESS = "progress"
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    ESCALATE = "escalate"
    WITHDRAW = "withdraw"
    MERGE = "merge"
    CLOSE = "close"


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.CREATE: "提出",
    EventKind.ROUTE: "交办",
    EventKind.ACCEPT: "签收",
    EventKind.RETURN: "退回",
    EventKind.REQUEST_EXTENSION: "申请延期",
    EventKind.APPROVE_EXTENSION: "批准延期",
    EventKind.REFUSE_EXTENSION: "驳回延期",
    EventKind.PROGRESS: "进展",
    EventKind.RESOLVE: "办结",
    EventKind.FOLLOW_UP: "回访",
    EventKind.ESCALATE: "督办",
    EventKind.WITHDRAW: "撤回",
    EventKind.MERGE: "并单",
    EventKind.CLOSE: "销号",
}


class Outcome(StrEnum):
    SOLVED = "solved"
    PARTLY = "partly"
    UNSOLVABLE = "unsolvable"


OUTCOME_LABELS = {
    Outcome.SOLVED: "已解决",
    Outcome.PARTLY: "部分解决",
    Outcome.UNSOLVABLE: "无法解决",
}


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"


SATISFACTION_LABELS = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY: "基本满意",
    Satisfaction.UNSATISFIED: "不满意",
}

_FIELD_ROLES = frozenset({Role.CADRE, Role.STREET_STAFF})
_HUB_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
_HANDLER = frozenset({Role.HANDLER})


@dataclass(frozen=True)
class Transition:
    """One row of the table: in `sources`, `kind` may be fired by `roles` and leads to `target`.

    `target=None` keeps the state (progress, extension, escalation). `requires` names the
    payload fields that must be present and non-empty.
    """

    kind: EventKind
    sources: frozenset[State]
    target: State | None
    roles: frozenset[Role]
    requires: tuple[str, ...] = ()


TRANSITIONS: dict[EventKind, Transition] = {
    t.kind: t
    for t in (
        Transition(EventKind.CREATE, frozenset(), State.NEW, _FIELD_ROLES | _HUB_ROLES),
        Transition(
            EventKind.ROUTE,
            frozenset({State.NEW, State.ASSIGNED, State.ACCEPTED}),
            State.ASSIGNED,
            _HUB_ROLES,
            ("lead_department_id", "deadline", "reply_deadline"),
        ),
        Transition(EventKind.ACCEPT, frozenset({State.ASSIGNED}), State.ACCEPTED, _HANDLER),
        Transition(EventKind.RETURN, frozenset({State.ASSIGNED}), State.NEW, _HANDLER, ("text",)),
        Transition(
            EventKind.REQUEST_EXTENSION,
            frozenset({State.ACCEPTED}),
            None,
            _HANDLER,
            ("text", "promised_date"),
        ),
        Transition(EventKind.APPROVE_EXTENSION, frozenset({State.ACCEPTED}), None, _HUB_ROLES),
        Transition(
            EventKind.REFUSE_EXTENSION, frozenset({State.ACCEPTED}), None, _HUB_ROLES, ("text",)
        ),
        Transition(
            EventKind.PROGRESS,
            frozenset({State.ASSIGNED, State.ACCEPTED}),
            None,
            _HANDLER | _HUB_ROLES | _FIELD_ROLES,
            ("text",),
        ),
        Transition(
            EventKind.RESOLVE,
            frozenset({State.ACCEPTED}),
            State.RESOLVED,
            _HANDLER,
            ("text", "outcome", "policy_basis"),
        ),
        Transition(
            EventKind.FOLLOW_UP,
            frozenset({State.RESOLVED}),
            State.FOLLOWED_UP,
            _FIELD_ROLES | _HUB_ROLES,
            ("satisfaction",),
        ),
        Transition(
            EventKind.ESCALATE,
            frozenset({State.ASSIGNED, State.ACCEPTED}),
            None,
            _HUB_ROLES,
            ("text",),
        ),
        Transition(
            EventKind.WITHDRAW,
            frozenset({State.NEW, State.ASSIGNED, State.ACCEPTED}),
            State.WITHDRAWN,
            _FIELD_ROLES | _HUB_ROLES,
            ("text",),
        ),
        Transition(
            EventKind.MERGE,
            frozenset({State.NEW, State.ASSIGNED}),
            State.MERGED,
            _HUB_ROLES,
            ("merged_into_id",),
        ),
        Transition(EventKind.CLOSE, frozenset({State.FOLLOWED_UP}), State.CLOSED, _HUB_ROLES),
    )
}


@dataclass(frozen=True)
class Event:
    """One step in a demand's life as the state machine sees it (no storage concerns)."""

    kind: EventKind
    at: datetime
    role: Role
    actor_id: str | None = None
    event_id: str = ""
    text: str = ""
    lead_department_id: str | None = None
    co_department_ids: tuple[str, ...] = ()
    deadline: date | None = None
    reply_deadline: date | None = None
    promised_date: date | None = None
    outcome: Outcome | None = None
    policy_basis: str = ""
    satisfaction: Satisfaction | None = None
    merged_into_id: str | None = None
    serial: str = ""
    """A 销号's readable serial (liaison.domain.serials); no bearing on the state."""


@dataclass(frozen=True)
class Snapshot:
    """Everything the demand's events imply about it now."""

    state: State | None = None
    epoch: int = 0
    lead_department_id: str | None = None
    co_department_ids: tuple[str, ...] = ()
    routed_at: datetime | None = None
    reply_deadline: date | None = None
    deadline: date | None = None
    accepted_at: datetime | None = None
    resolved_at: datetime | None = None
    followed_up_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: Outcome | None = None
    satisfaction: Satisfaction | None = None
    pending_extension: date | None = None
    extension_count: int = 0
    escalation_level: int = 0
    reopen_count: int = 0
    return_count: int = 0
    merged_into_id: str | None = None
    last_event_at: datetime | None = None
    flagged_event_ids: tuple[str, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


def allowed_events(snapshot: Snapshot, role: Role) -> list[EventKind]:
    """The events `role` may fire now, in table order (what the UI offers as actions)."""
    out = []
    for t in TRANSITIONS.values():
        if role not in t.roles or snapshot.state not in t.sources:
            continue
        if t.kind in (EventKind.APPROVE_EXTENSION, EventKind.REFUSE_EXTENSION) and (
            snapshot.pending_extension is None
        ):
            continue
        if t.kind is EventKind.REQUEST_EXTENSION and snapshot.pending_extension is not None:
            continue
        out.append(t.kind)
    return out


def _missing(event: Event, name: str) -> bool:
    value = getattr(event, name)
    return value is None or (isinstance(value, str) and not value.strip())


_FIELD_LABELS = {
    "lead_department_id": "牵头单位",
    "deadline": "办结时限",
    "reply_deadline": "签收时限",
    "text": "说明",
    "promised_date": "承诺办结日期",
    "outcome": "办理结果",
    "policy_basis": "政策依据",
    "satisfaction": "满意度",
    "merged_into_id": "并入的诉求",
}


def check(snapshot: Snapshot, event: Event) -> Transition:
    """Validate `event` against `snapshot`; raise the domain error that explains a refusal."""
    t = TRANSITIONS[event.kind]
    label = EVENT_LABELS[event.kind]
    if event.role not in t.roles:
        raise PermissionDenied(Text("当前角色不能执行“{0}”", label))
    if event.kind is EventKind.CREATE:
        if snapshot.state is not None:
            raise InvalidTransition("诉求已存在，不能重复提出")
    elif snapshot.state not in t.sources:
        now = STATE_LABELS[snapshot.state] if snapshot.state else "未提出"
        raise InvalidTransition(Text("诉求当前为“{0}”，不能执行“{1}”", now, label))
    for name in t.requires:
        if _missing(event, name):
            raise ValidationError(Text("“{0}”需要填写{1}", label, _FIELD_LABELS[name]), field=name)
    _check_specifics(snapshot, event)
    return t


def _check_specifics(snapshot: Snapshot, event: Event) -> None:
    kind = event.kind
    if kind is EventKind.ROUTE:
        assert event.deadline is not None and event.reply_deadline is not None
        if event.lead_department_id in event.co_department_ids:
            raise ValidationError("牵头单位不能同时作为协办单位", field="co_department_ids")
        if event.deadline < event.at.date():
            raise ValidationError("办结时限不能早于交办日期", field="deadline")
    elif kind is EventKind.REQUEST_EXTENSION:
        if snapshot.pending_extension is not None:
            raise InvalidTransition("已有待审批的延期申请")
        assert event.promised_date is not None and snapshot.deadline is not None
        if event.promised_date <= snapshot.deadline:
            raise ValidationError("承诺办结日期应晚于当前办结时限", field="promised_date")
    elif kind in (EventKind.APPROVE_EXTENSION, EventKind.REFUSE_EXTENSION):
        if snapshot.pending_extension is None:
            raise InvalidTransition("没有待审批的延期申请")
        other = event.promised_date if kind is EventKind.APPROVE_EXTENSION else None
        if other is not None and snapshot.deadline is not None and other <= snapshot.deadline:
            # an "extension" to a date before the deadline would shorten it
            raise ValidationError("批准的办结日期应晚于当前办结时限", field="promised_date")
    elif (
        kind is EventKind.FOLLOW_UP
        and event.satisfaction is Satisfaction.UNSATISFIED
        and (event.deadline is None or event.reply_deadline is None)
    ):
        raise ValidationError("不满意重办需要新的办结时限", field="deadline")


def apply(snapshot: Snapshot, event: Event) -> Snapshot:
    """The snapshot after `event`; raises and changes nothing if the event is not allowed."""
    t = check(snapshot, event)
    s = snapshot
    c: dict[str, object] = {"last_event_at": event.at}  # the changes, made in one copy
    if t.target is not None:
        c["state"] = t.target
    kind = event.kind
    if kind is EventKind.ROUTE:
        c.update(
            lead_department_id=event.lead_department_id,
            co_department_ids=event.co_department_ids,
            routed_at=event.at,
            deadline=event.deadline,
            reply_deadline=event.reply_deadline,
            accepted_at=None,
            pending_extension=None,
        )
    elif kind is EventKind.ACCEPT:
        c["accepted_at"] = event.at
    elif kind is EventKind.RETURN:
        c.update(
            return_count=s.return_count + 1,
            lead_department_id=None,
            co_department_ids=(),
            deadline=None,
            reply_deadline=None,
        )
    elif kind is EventKind.REQUEST_EXTENSION:
        c["pending_extension"] = event.promised_date
    elif kind is EventKind.APPROVE_EXTENSION:
        c.update(
            deadline=event.promised_date or s.pending_extension,
            pending_extension=None,
            extension_count=s.extension_count + 1,
        )
    elif kind is EventKind.REFUSE_EXTENSION:
        c["pending_extension"] = None
    elif kind is EventKind.RESOLVE:  # a pending extension is moot once resolved
        c.update(resolved_at=event.at, outcome=event.outcome, pending_extension=None)
    elif kind is EventKind.FOLLOW_UP:
        c.update(satisfaction=event.satisfaction, followed_up_at=event.at)
        if event.satisfaction is Satisfaction.UNSATISFIED:
            # 重办: back to the same unit with a new deadline; counted in the reopen rate.
            c.update(
                state=State.ACCEPTED,
                epoch=s.epoch + 1,
                reopen_count=s.reopen_count + 1,
                deadline=event.deadline,
                reply_deadline=event.reply_deadline,
                resolved_at=None,
                outcome=None,
            )
    elif kind is EventKind.ESCALATE:
        c["escalation_level"] = s.escalation_level + 1
    elif kind is EventKind.WITHDRAW:
        c["pending_extension"] = None
    elif kind is EventKind.MERGE:
        c["merged_into_id"] = event.merged_into_id
    elif kind is EventKind.CLOSE:
        c["closed_at"] = event.at
    return _evolve(s, c)


def _evolve(s: Snapshot, changes: dict[str, object]) -> Snapshot:
    """`dataclasses.replace` without re-running __init__ (a fold makes one per event)."""
    new = object.__new__(Snapshot)
    new.__dict__.update(s.__dict__)
    new.__dict__.update(changes)
    return new


def fold(
    events: Iterable[Event], on_step: Callable[[int, Event, Snapshot], object] | None = None
) -> Snapshot:
    """Replay a stored history in the given order. Invalid events are flagged, not dropped.
    `on_step` is told of each event that took effect: its place in `events`, the event and
    the snapshot after it (how `liaison.domain.periods` follows a fold)."""
    s = Snapshot()
    for i, e in enumerate(events):
        try:
            s = apply(s, e)
        except (InvalidTransition, ValidationError, PermissionDenied):
            s = replace(s, flagged_event_ids=(*s.flagged_event_ids, e.event_id))
            continue
        if on_step is not None:
            on_step(i, e, s)
    return s


def extension_refusal(
    cal: WorkCalendar, today: date, deadline: date | None, notice_days: int
) -> str | None:
    """Why a 延期 may not be asked for today (None: it may): it must come at least the
    category's `notice_days` working days before the deadline — an overdue demand is past
    asking."""
    if deadline is None:
        return None
    if cal.working_days_between(today, deadline) < notice_days:
        return Text(
            "延期须在办结时限前至少 {0} 个工作日申请（时限 {1}），现已不能申请",
            notice_days,
            f"{deadline:%Y-%m-%d}",
        )
    return None


def _stored_date(v: Any) -> date | None:
    return date.fromisoformat(v) if v else None


def event_from(
    event_id: str,
    kind: str,
    at: datetime,
    actor_id: str | None,
    actor_role: str,
    text: str,
    d: dict[str, Any],
) -> Event:
    """A stored event (its columns and JSON payload) as the state machine sees it."""
    if not d:
        return Event(
            kind=EventKind(kind),
            at=at,
            role=Role(actor_role),
            actor_id=actor_id,
            event_id=event_id,
            text=text,
        )
    return Event(
        kind=EventKind(kind),
        at=at,
        role=Role(actor_role),
        actor_id=actor_id,
        event_id=event_id,
        text=text,
        lead_department_id=d.get("lead"),
        co_department_ids=tuple(d.get("co", ())),
        deadline=_stored_date(d.get("deadline")),
        reply_deadline=_stored_date(d.get("reply_deadline")),
        promised_date=_stored_date(d.get("promised_date")),
        outcome=Outcome(d["outcome"]) if d.get("outcome") else None,
        policy_basis=d.get("policy_basis", ""),
        satisfaction=Satisfaction(d["satisfaction"]) if d.get("satisfaction") else None,
        merged_into_id=d.get("merged_into_id"),
        serial=d.get("serial", ""),
    )
