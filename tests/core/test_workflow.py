"""The state machine as data, tested without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.domain import workflow as wf
from liaison.domain.errors import InvalidTransition, PermissionDenied, ValidationError
from liaison.domain.roles import Role

T0 = datetime(2025, 3, 3, 9, 0)
DUE = date(2025, 3, 24)
REPLY = date(2025, 3, 6)


def ev(kind: wf.EventKind, role: Role, minutes: int = 0, **kw: Any) -> wf.Event:
    return wf.Event(kind=kind, at=T0 + timedelta(minutes=minutes), role=role, **kw)


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


# --- what each step writes into the snapshot ---------------------------------------------

AT = {n: T0 + timedelta(minutes=n) for n in range(10)}
ASK = ev(
    wf.EventKind.REQUEST_EXTENSION,
    Role.HANDLER,
    3,
    text="需协调",
    promised_date=DUE + timedelta(days=7),
)
ROUTED = wf.Snapshot(
    state=wf.State.ASSIGNED,
    lead_department_id="d1",
    routed_at=AT[1],
    reply_deadline=REPLY,
    deadline=DUE,
    last_event_at=AT[1],
)


def test_create_gives_a_new_demand_and_nothing_else() -> None:
    assert run(CREATE) == wf.Snapshot(state=wf.State.NEW, last_event_at=T0)


def test_route_gives_the_units_deadlines_and_routing_time() -> None:
    assert run(CREATE, ROUTE) == ROUTED


def test_accept_records_when_the_department_signed_for_it() -> None:
    assert run(CREATE, ROUTE, ACCEPT) == replace(
        ROUTED, state=wf.State.ACCEPTED, accepted_at=AT[2], last_event_at=AT[2]
    )


def test_rerouting_forgets_the_acceptance_and_the_pending_extension() -> None:
    reroute = ev(
        wf.EventKind.ROUTE,
        Role.SUPERVISOR,
        4,
        lead_department_id="d2",
        deadline=DUE,
        reply_deadline=REPLY,
    )
    assert run(CREATE, ROUTE, ACCEPT, ASK, reroute) == replace(
        ROUTED, lead_department_id="d2", routed_at=AT[4], last_event_at=AT[4]
    )


def test_return_clears_the_units_and_both_deadlines() -> None:
    back = ev(wf.EventKind.RETURN, Role.HANDLER, 2, text="不属于本单位")
    assert run(CREATE, ROUTE, back) == replace(
        ROUTED,
        state=wf.State.NEW,
        lead_department_id=None,
        reply_deadline=None,
        deadline=None,
        return_count=1,
        last_event_at=AT[2],
    )


def test_resolve_records_when_and_with_what_outcome() -> None:
    s = run(CREATE, ROUTE, ACCEPT, replace(RESOLVE, outcome=wf.Outcome.PARTLY))
    assert (s.state, s.resolved_at, s.outcome, s.last_event_at) == (
        wf.State.RESOLVED,
        AT[3],
        wf.Outcome.PARTLY,
        AT[3],
    )


def test_follow_up_records_when_and_how_satisfied() -> None:
    fu = ev(wf.EventKind.FOLLOW_UP, Role.CADRE, 4, satisfaction=wf.Satisfaction.SATISFIED)
    s = run(CREATE, ROUTE, ACCEPT, RESOLVE, fu)
    assert (s.state, s.satisfaction, s.followed_up_at, s.resolved_at) == (
        wf.State.FOLLOWED_UP,
        wf.Satisfaction.SATISFIED,
        AT[4],
        AT[3],
    )


def test_close_records_when_the_demand_was_closed() -> None:
    fu = ev(wf.EventKind.FOLLOW_UP, Role.CADRE, 4, satisfaction=wf.Satisfaction.SATISFIED)
    s = run(CREATE, ROUTE, ACCEPT, RESOLVE, fu, ev(wf.EventKind.CLOSE, Role.ADMIN, 5))
    assert (s.state, s.closed_at, s.last_event_at) == (wf.State.CLOSED, AT[5], AT[5])


def test_only_closing_sets_the_closing_time() -> None:
    withdraw = ev(wf.EventKind.WITHDRAW, Role.CADRE, 1, text="企业已自行解决")
    s = run(CREATE, withdraw)
    assert (s.state, s.closed_at) == (wf.State.WITHDRAWN, None)


def test_unsatisfied_follow_up_reopens_with_new_deadlines_and_no_result() -> None:
    # Asked for more time, then resolved anyway: the reopened demand starts afresh.
    new_due, new_reply = DUE + timedelta(days=20), DUE + timedelta(days=3)
    unhappy = ev(
        wf.EventKind.FOLLOW_UP,
        Role.CADRE,
        4,
        satisfaction=wf.Satisfaction.UNSATISFIED,
        deadline=new_due,
        reply_deadline=new_reply,
    )
    resolved = run(CREATE, ROUTE, ACCEPT, ASK, replace(RESOLVE, at=AT[4]))
    assert resolved.pending_extension is None  # resolving ends the request: nothing to approve
    s = wf.apply(resolved, replace(unhappy, at=AT[5]))
    assert s == replace(
        ROUTED,
        state=wf.State.ACCEPTED,
        epoch=1,
        reopen_count=1,
        deadline=new_due,
        reply_deadline=new_reply,
        accepted_at=AT[2],
        followed_up_at=AT[5],
        satisfaction=wf.Satisfaction.UNSATISFIED,
        last_event_at=AT[5],
    )
    assert wf.EventKind.REQUEST_EXTENSION in wf.allowed_events(s, Role.HANDLER)


def test_an_unsatisfied_follow_up_needs_both_new_deadlines() -> None:
    resolved = run(CREATE, ROUTE, ACCEPT, RESOLVE)
    unhappy = ev(wf.EventKind.FOLLOW_UP, Role.CADRE, 4, satisfaction=wf.Satisfaction.UNSATISFIED)
    for partial in (replace(unhappy, deadline=DUE), replace(unhappy, reply_deadline=REPLY)):
        with pytest.raises(ValidationError) as refused:
            wf.apply(resolved, partial)
        assert (str(refused.value), refused.value.field) == (
            "不满意重办需要新的办结时限",
            "deadline",
        )


def test_a_deadline_on_the_day_of_routing_is_allowed() -> None:
    same_day = replace(ROUTE, deadline=T0.date())
    assert run(CREATE, same_day).deadline == T0.date()


def test_a_step_other_than_merge_ignores_an_empty_merge_target() -> None:
    progress = ev(wf.EventKind.PROGRESS, Role.HANDLER, 2, text="已对接", merged_into_id="")
    assert run(CREATE, ROUTE, progress).state is wf.State.ASSIGNED


def test_a_pending_extension_leaves_the_handler_progress_and_resolve() -> None:
    s = run(CREATE, ROUTE, ACCEPT, ASK)
    assert wf.allowed_events(s, Role.HANDLER) == [wf.EventKind.PROGRESS, wf.EventKind.RESOLVE]


# --- the one-line messages a refused step shows ------------------------------------------


def _refusal(snapshot: wf.Snapshot, event: wf.Event) -> tuple[type[Exception], str]:
    with pytest.raises((InvalidTransition, ValidationError, PermissionDenied)) as refused:
        wf.apply(snapshot, event)
    return type(refused.value), str(refused.value)


def test_a_role_that_may_not_take_the_step_is_told_which_step() -> None:
    assert _refusal(run(CREATE, ROUTE), ev(wf.EventKind.ACCEPT, Role.CADRE, 2)) == (
        PermissionDenied,
        "当前角色不能执行“签收”",
    )


def test_raising_a_demand_twice_is_explained() -> None:
    assert _refusal(run(CREATE), CREATE) == (InvalidTransition, "诉求已存在，不能重复提出")


def test_a_step_in_the_wrong_state_names_the_state_and_the_step() -> None:
    assert _refusal(run(CREATE, ROUTE), RESOLVE) == (
        InvalidTransition,
        "诉求当前为“已交办”，不能执行“办结”",
    )


def test_a_step_on_a_demand_never_raised_says_so() -> None:
    assert _refusal(wf.Snapshot(), ACCEPT) == (
        InvalidTransition,
        "诉求当前为“未提出”，不能执行“签收”",
    )


def test_a_missing_field_is_named_with_the_step() -> None:
    assert _refusal(run(CREATE, ROUTE, ACCEPT), replace(RESOLVE, policy_basis=" ")) == (
        ValidationError,
        "“办结”需要填写政策依据",
    )


def test_a_lead_unit_also_named_as_co_unit_is_explained() -> None:
    both = replace(ROUTE, co_department_ids=("d2", "d1"))
    assert _refusal(run(CREATE), both) == (ValidationError, "牵头单位不能同时作为协办单位")


def test_a_deadline_before_the_routing_day_is_explained() -> None:
    early = replace(ROUTE, deadline=T0.date() - timedelta(days=1))
    assert _refusal(run(CREATE), early) == (ValidationError, "办结时限不能早于交办日期")


def test_a_second_extension_request_is_explained() -> None:
    again = replace(ASK, at=AT[4], promised_date=DUE + timedelta(days=9))
    assert _refusal(run(CREATE, ROUTE, ACCEPT, ASK), again) == (
        InvalidTransition,
        "已有待审批的延期申请",
    )


def test_a_promised_date_not_after_the_deadline_is_explained() -> None:
    assert _refusal(run(CREATE, ROUTE, ACCEPT), replace(ASK, promised_date=DUE)) == (
        ValidationError,
        "承诺办结日期应晚于当前办结时限",
    )


def test_deciding_an_extension_nobody_asked_for_is_explained() -> None:
    approve = ev(wf.EventKind.APPROVE_EXTENSION, Role.SUPERVISOR, 3)
    assert _refusal(run(CREATE, ROUTE, ACCEPT), approve) == (
        InvalidTransition,
        "没有待审批的延期申请",
    )


@pytest.mark.parametrize(
    ("approved", "refused"),
    [
        (DUE - timedelta(days=1), True),  # would shorten the time
        (DUE, True),  # would change nothing
        (DUE + timedelta(days=1), False),
        (None, False),  # approved as asked
    ],
)
def test_an_approved_date_must_be_after_the_deadline(approved: date | None, refused: bool) -> None:
    asked = run(CREATE, ROUTE, ACCEPT, ASK)
    approve = ev(wf.EventKind.APPROVE_EXTENSION, Role.SUPERVISOR, 4, promised_date=approved)
    if refused:
        with pytest.raises(ValidationError) as info:
            wf.apply(asked, approve)
        assert str(info.value) == "批准的办结日期应晚于当前办结时限"
        assert info.value.field == "promised_date"
    else:
        after = wf.apply(asked, approve)
        assert after.deadline == (approved or ASK.promised_date)
        assert after.pending_extension is None


def test_refusing_an_extension_takes_no_date() -> None:
    """驳回 keeps the deadline whatever date the dialog carried."""
    asked = run(CREATE, ROUTE, ACCEPT, ASK)
    refuse = ev(wf.EventKind.REFUSE_EXTENSION, Role.SUPERVISOR, 4, promised_date=DUE, text="按期办")
    after = wf.apply(asked, refuse)
    assert after.deadline == DUE and after.pending_extension is None


def test_approving_without_a_deadline_is_not_judged_on_it() -> None:
    asked = replace(run(CREATE, ROUTE, ACCEPT, ASK), deadline=None)
    approve = ev(wf.EventKind.APPROVE_EXTENSION, Role.SUPERVISOR, 4, promised_date=DUE)
    assert wf.apply(asked, approve).pending_extension is None


@pytest.mark.parametrize(
    ("today", "refused"),
    [
        (date(2025, 3, 19), False),  # Wed: Thu, Fri, Mon before the Mon 24th: 3 working days
        (date(2025, 3, 20), True),  # Thu: only Fri and Mon left
        (date(2025, 3, 24), True),  # the deadline itself
        (date(2025, 4, 30), True),  # long overdue
    ],
)
def test_an_extension_must_be_asked_for_the_categorys_notice_ahead(
    today: date, refused: bool
) -> None:
    from liaison.domain.workdays import WorkCalendar

    cal = WorkCalendar()
    why = wf.extension_refusal(cal, today, DUE, 3)
    assert (why is not None) == refused
    if why:
        assert why == "延期须在办结时限前至少 3 个工作日申请（时限 2025-03-24），现已不能申请"
    assert wf.extension_refusal(cal, date(2025, 4, 30), None, 3) is None  # no deadline yet
    assert wf.extension_refusal(cal, date(2025, 3, 21), DUE, 1) is None
