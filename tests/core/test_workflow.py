"""The state machine as data, tested without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.domain import workflow as wf
from liaison.domain.errors import InvalidTransition, PermissionDenied, ValidationError
from liaison.domain.roles import Role

T0 = datetime(2025, 3, 3, 9, 0)
DUE = date(2025, 3, 24)
REPLY = date(2025, 3, 6)


def ev(kind: wf.EventKind, role: Role, minutes: int = 0, **kw: object) -> wf.Event:
    return wf.Event(kind=kind, at=T0 + timedelta(minutes=minutes), role=role, **kw)  # type: ignore[arg-type]


CREATE = ev(wf.EventKind.CREATE, Role.CADRE)
ROUTE = ev(
    wf.EventKind.ROUTE,
    Role.SUPERVISOR,
    1,
    lead_department_id="d1",
    deadline=DUE,
    reply_deadline=REPLY,
)
ACCEPT = ev(wf.EventKind.ACCEPT, Role.HANDLER, 2)
RESOLVE = ev(
    wf.EventKind.RESOLVE,
    Role.HANDLER,
    3,
    text="已解决",
    outcome=wf.Outcome.SOLVED,
    policy_basis="第13条",
)


def run(*events: wf.Event) -> wf.Snapshot:
    s = wf.Snapshot()
    for e in events:
        s = wf.apply(s, e)
    return s


def test_every_event_kind_has_a_transition_and_a_label() -> None:
    assert set(wf.TRANSITIONS) == set(wf.EventKind) == set(wf.EVENT_LABELS)
    assert set(wf.STATE_LABELS) == set(wf.State)


def test_create_starts_new() -> None:
    assert run(CREATE).state is wf.State.NEW


def test_route_sets_deadlines_and_units() -> None:
    s = run(CREATE, ROUTE)
    assert (s.state, s.lead_department_id, s.deadline, s.reply_deadline) == (
        wf.State.ASSIGNED,
        "d1",
        DUE,
        REPLY,
    )


def test_create_twice_is_refused() -> None:
    with pytest.raises(InvalidTransition):
        run(CREATE, CREATE)


def test_wrong_role_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        run(
            CREATE,
            ev(
                wf.EventKind.ROUTE,
                Role.HANDLER,
                1,
                lead_department_id="d1",
                deadline=DUE,
                reply_deadline=REPLY,
            ),
        )


def test_resolve_requires_policy_basis() -> None:
    bad = ev(wf.EventKind.RESOLVE, Role.HANDLER, 3, text="x", outcome=wf.Outcome.SOLVED)
    with pytest.raises(ValidationError, match="政策依据"):
        run(CREATE, ROUTE, ACCEPT, bad)


def test_lead_cannot_also_be_co_unit() -> None:
    bad = ev(
        wf.EventKind.ROUTE,
        Role.SUPERVISOR,
        1,
        lead_department_id="d1",
        co_department_ids=("d1",),
        deadline=DUE,
        reply_deadline=REPLY,
    )
    with pytest.raises(ValidationError):
        run(CREATE, bad)


def test_extension_must_move_deadline_later() -> None:
    bad = ev(wf.EventKind.REQUEST_EXTENSION, Role.HANDLER, 3, text="x", promised_date=DUE)
    with pytest.raises(ValidationError, match="承诺办结日期"):
        run(CREATE, ROUTE, ACCEPT, bad)


def test_satisfied_follow_up_then_close() -> None:
    fu = ev(wf.EventKind.FOLLOW_UP, Role.CADRE, 4, satisfaction=wf.Satisfaction.BASICALLY)
    s = run(CREATE, ROUTE, ACCEPT, RESOLVE, fu, ev(wf.EventKind.CLOSE, Role.SUPERVISOR, 5))
    assert s.state is wf.State.CLOSED and s.satisfaction is wf.Satisfaction.BASICALLY


def test_unsatisfied_follow_up_needs_new_deadline() -> None:
    fu = ev(wf.EventKind.FOLLOW_UP, Role.CADRE, 4, satisfaction=wf.Satisfaction.UNSATISFIED)
    with pytest.raises(ValidationError, match="重办"):
        run(CREATE, ROUTE, ACCEPT, RESOLVE, fu)


def test_fold_flags_an_event_that_is_no_longer_valid() -> None:
    # A department resolves offline while the supervisor re-routed it elsewhere first.
    reroute = ev(
        wf.EventKind.ROUTE,
        Role.SUPERVISOR,
        2,
        lead_department_id="d2",
        deadline=DUE,
        reply_deadline=REPLY,
    )
    late = ev(
        wf.EventKind.RESOLVE,
        Role.HANDLER,
        3,
        text="x",
        outcome=wf.Outcome.SOLVED,
        policy_basis="y",
        event_id="late",
    )
    s = wf.fold([CREATE, ROUTE, reroute, late])
    assert s.state is wf.State.ASSIGNED and s.flagged_event_ids == ("late",)


def test_allowed_events_for_handler_on_assigned() -> None:
    s = run(CREATE, ROUTE)
    assert wf.allowed_events(s, Role.HANDLER) == [
        wf.EventKind.ACCEPT,
        wf.EventKind.RETURN,
        wf.EventKind.PROGRESS,
    ]


# --- property: any random sequence folds to exactly what apply() allows -----------------

ROLES = st.sampled_from(list(Role))
KINDS = st.sampled_from(list(wf.EventKind))


@st.composite
def random_event(draw: st.DrawFn, minute: int) -> wf.Event:
    kind = draw(KINDS)
    return wf.Event(
        kind=kind,
        at=T0 + timedelta(minutes=minute),
        role=draw(ROLES),
        event_id=f"e{minute}",
        text=draw(st.sampled_from(["", "说明"])),
        lead_department_id=draw(st.sampled_from([None, "d1", "d2"])),
        deadline=draw(st.sampled_from([None, DUE])),
        reply_deadline=draw(st.sampled_from([None, REPLY])),
        promised_date=draw(st.sampled_from([None, DUE + timedelta(days=5)])),
        outcome=draw(st.sampled_from([None, *wf.Outcome])),
        policy_basis=draw(st.sampled_from(["", "第8条"])),
        satisfaction=draw(st.sampled_from([None, *wf.Satisfaction])),
        merged_into_id=draw(st.sampled_from([None, "other"])),
    )


@st.composite
def histories(draw: st.DrawFn) -> list[wf.Event]:
    n = draw(st.integers(0, 25))
    return [draw(random_event(i)) for i in range(n)]


@settings(max_examples=400, deadline=None)
@given(histories())
def test_fold_equals_stepwise_apply_and_never_reaches_an_unknown_state(
    events: list[wf.Event],
) -> None:
    s = wf.Snapshot()
    flagged = []
    for e in events:
        try:
            nxt = wf.apply(s, e)
        except (InvalidTransition, ValidationError, PermissionDenied):
            flagged.append(e.event_id)
            continue
        t = wf.TRANSITIONS[e.kind]
        # the table decides: role allowed, source state allowed, target as declared
        assert e.role in t.roles
        assert e.kind is wf.EventKind.CREATE or s.state in t.sources
        if e.kind is wf.EventKind.FOLLOW_UP and e.satisfaction is wf.Satisfaction.UNSATISFIED:
            assert nxt.state is wf.State.ACCEPTED and nxt.reopen_count == s.reopen_count + 1
        elif t.target is not None:
            assert nxt.state is t.target
        else:
            assert nxt.state is s.state
        s = nxt
    folded = wf.fold(events)
    assert folded == replace(s, flagged_event_ids=tuple(flagged))
    if s.state in (wf.State.ASSIGNED, wf.State.ACCEPTED):
        assert s.lead_department_id is not None and s.deadline is not None
    if s.state is wf.State.NEW:
        assert s.lead_department_id is None
