"""A demand's periods (liaison.domain.periods) against the definitions the figures state in
terms of the events themselves (docs/rules.md), over random histories the state machine plays."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.domain import workflow as wf
from liaison.domain.periods import Period, fold
from liaison.domain.roles import Role

T0 = datetime(2025, 3, 3, 9, 0)
K = wf.EventKind
S = wf.State


def _ev(kind: K, role: Role, n: int, **kw: Any) -> wf.Event:
    return wf.Event(kind=kind, at=T0 + timedelta(hours=n), role=role, event_id=f"e{n:02}", **kw)


def _fields(draw: st.DrawFn, kind: K, s: wf.Snapshot, n: int) -> dict[str, Any]:
    """Fields that make `kind` valid on `s` (mostly): a deadline a few days on."""
    due = (T0 + timedelta(hours=n, days=draw(st.integers(1, 20)))).date()
    if kind is K.ROUTE:
        return {
            "lead_department_id": draw(st.sampled_from(["d1", "d2"])),
            "deadline": due,
            "reply_deadline": due - timedelta(days=1),
        }
    if kind is K.REQUEST_EXTENSION:
        return {"text": "说明", "promised_date": (s.deadline or due) + timedelta(days=7)}
    if kind is K.RESOLVE:
        return {"text": "已解决", "outcome": wf.Outcome.SOLVED, "policy_basis": "第8条"}
    if kind is K.FOLLOW_UP:
        satisfaction = draw(st.sampled_from(list(wf.Satisfaction)))
        extra = {"deadline": due, "reply_deadline": due - timedelta(days=1)}
        return {
            "satisfaction": satisfaction,
            **(extra if satisfaction.name == "UNSATISFIED" else {}),
        }
    if kind is K.MERGE:
        return {"merged_into_id": "other", "text": "重复"}
    return {"text": "说明"}


ROLE_OF = {
    K.CREATE: Role.CADRE,
    K.ROUTE: Role.SUPERVISOR,
    K.ACCEPT: Role.HANDLER,
    K.RETURN: Role.HANDLER,
    K.REQUEST_EXTENSION: Role.HANDLER,
    K.APPROVE_EXTENSION: Role.SUPERVISOR,
    K.REFUSE_EXTENSION: Role.SUPERVISOR,
    K.PROGRESS: Role.HANDLER,
    K.RESOLVE: Role.HANDLER,
    K.FOLLOW_UP: Role.CADRE,
    K.ESCALATE: Role.SUPERVISOR,
    K.WITHDRAW: Role.CADRE,
    K.MERGE: Role.SUPERVISOR,
    K.CLOSE: Role.SUPERVISOR,
}


RARE = frozenset({K.WITHDRAW, K.MERGE, K.ESCALATE, K.PROGRESS})
"""Steps that end a life early or change nothing the periods keep: drawn less often."""


@st.composite
def histories(draw: st.DrawFn) -> list[wf.Event]:
    """A demand's life as the state machine allows it, with now and then a step that cannot
    take effect (a sync brought it too late: the fold flags it)."""
    s = wf.Snapshot()
    events = []
    for n in range(draw(st.integers(1, 30))):
        allowed = [k for r in set(ROLE_OF.values()) for k in wf.allowed_events(s, r)]
        if s.state is None:
            allowed = [K.CREATE]
        if not allowed:
            break
        stray = draw(st.integers(0, 9)) == 0
        likely = [k for k in sorted(set(allowed)) for _ in range(1 if k in RARE else 6)]
        kind = draw(st.sampled_from(list(K) if stray else likely))
        e = _ev(kind, ROLE_OF[kind], n, **_fields(draw, kind, s, n))
        events.append(e)
        s = wf.fold(events)
    return events


def _effective(events: list[wf.Event]) -> list[tuple[wf.Event, wf.Snapshot]]:
    out = []
    wf.fold(events, lambda _i, e, after: out.append((e, after)))
    return out


def _next(steps: list[tuple[wf.Event, wf.Snapshot]], i: int, kind: K, until: K) -> wf.Event | None:
    """The first `kind` step after step i before any later `until` step (the figures' words)."""
    for e, _ in steps[i + 1 :]:
        if e.kind is until:
            return None
        if e.kind is kind:
            return e
    return None


def _periods(events: list[wf.Event]) -> list[Period]:
    return fold("d", events, [(e.at, None, None) for e in events])[1]


@settings(max_examples=300, deadline=None)
@given(histories())
def test_what_became_of_a_step_is_how_its_period_ended(events: list[wf.Event]) -> None:
    steps = _effective(events)
    by_event = {p.event_id: p for p in _periods(events)}
    for i, (e, _after) in enumerate(steps):
        p = by_event.get(e.event_id or "")
        if e.kind is K.ROUTE:
            assert p is not None and p.state == "assigned"
            accept = _next(steps, i, K.ACCEPT, K.ROUTE)
            returned = _next(steps, i, K.RETURN, K.ROUTE)
            assert (p.end_state == "accepted") == (accept is not None)
            assert (p.end_state == "new") == (returned is not None)
            if accept is not None:
                assert p.end_at == accept.at
        if e.kind is K.RESOLVE:
            assert p is not None and p.state == "resolved"
            nxt = next((x for x, _ in steps[i + 1 :] if x.kind in (K.FOLLOW_UP, K.RESOLVE)), None)
            reopened = nxt is not None and nxt.satisfaction is wf.Satisfaction.UNSATISFIED
            assert (p.end_state == "accepted") == reopened


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(0, 31))
def test_the_period_running_at_an_hour_has_the_state_and_deadline_of_then(
    events: list[wf.Event], hour: int
) -> None:
    """At the end of any moment, the running period (if any) is open exactly when the demand
    was 已交办 or 办理中 then, with the deadline in force then."""
    moment = T0 + timedelta(hours=hour, minutes=30)
    then = wf.fold([e for e in events if e.at < moment])
    running = [
        p
        for p in _periods(events)
        if p.at < moment and (p.end_at is None or p.end_at >= moment) and p.state != "resolved"
    ]
    if then.state in (S.ASSIGNED, S.ACCEPTED):
        assert [(p.state, p.deadline) for p in running] == [(str(then.state), then.deadline)]
    else:
        assert running == []


def test_a_life_in_periods() -> None:
    due = date(2025, 3, 20)
    life = [
        _ev(K.CREATE, Role.CADRE, 0),
        _ev(
            K.ROUTE,
            Role.SUPERVISOR,
            1,
            lead_department_id="d1",
            deadline=due,
            reply_deadline=date(2025, 3, 5),
        ),
        _ev(K.RETURN, Role.HANDLER, 2, text="非本单位职责"),
        _ev(
            K.ROUTE,
            Role.SUPERVISOR,
            3,
            lead_department_id="d2",
            deadline=due,
            reply_deadline=date(2025, 3, 5),
        ),
        _ev(K.ACCEPT, Role.HANDLER, 4),
        _ev(K.PROGRESS, Role.HANDLER, 5, text="进展"),
        _ev(K.REQUEST_EXTENSION, Role.HANDLER, 6, text="x", promised_date=date(2025, 3, 30)),
        _ev(K.APPROVE_EXTENSION, Role.SUPERVISOR, 7),
        _ev(K.RESOLVE, Role.HANDLER, 8, text="y", outcome=wf.Outcome.SOLVED, policy_basis="z"),
        _ev(
            K.FOLLOW_UP,
            Role.CADRE,
            9,
            satisfaction=wf.Satisfaction.UNSATISFIED,
            deadline=date(2025, 4, 10),
            reply_deadline=date(2025, 3, 12),
        ),
        _ev(K.ACCEPT, Role.HANDLER, 10),  # not allowed in 办理中: flagged, no effect
        _ev(K.RESOLVE, Role.HANDLER, 11, text="y", outcome=wf.Outcome.SOLVED, policy_basis="z"),
        _ev(K.FOLLOW_UP, Role.CADRE, 12, satisfaction=wf.Satisfaction.SATISFIED),
        _ev(K.CLOSE, Role.SUPERVISOR, 13),
    ]
    got = [(p.event_id, p.kind, p.state, p.deadline, p.end_state, p.end_at) for p in _periods(life)]
    at = [e.at for e in life]
    assert got == [
        ("e01", "route", "assigned", due, "new", at[2]),
        ("e03", "route", "assigned", due, "accepted", at[4]),
        ("e04", "accept", "accepted", due, "accepted", at[7]),
        ("e07", "approve_extension", "accepted", date(2025, 3, 30), "resolved", at[8]),
        ("e08", "resolve", "resolved", date(2025, 3, 30), "accepted", at[9]),
        ("e09", "follow_up", "accepted", date(2025, 4, 10), "resolved", at[11]),
        ("e11", "resolve", "resolved", date(2025, 4, 10), "followed_up", at[12]),
    ]
