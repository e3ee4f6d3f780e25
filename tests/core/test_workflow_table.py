"""The closed loop's table, pinned: every event × role × state, written out from the product's
rules (docs/rules.md), not computed from `workflow.TRANSITIONS`.

Every replica enforces this table on the demand steps it receives, so a one-token change to a
role set or a state set must fail here: a handler approving its own extension, 销号 straight
from 已办结, a cadre closing, a handler rating its own work, 办结 without an answer…
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import product
from typing import Any

import pytest

from liaison.domain import workflow as wf
from liaison.domain.errors import InvalidTransition, PermissionDenied, ValidationError
from liaison.domain.roles import Role

S = wf.State
E, R = wf.EventKind, Role
FIELD = {R.CADRE, R.STREET_STAFF}
HUB = {R.SUPERVISOR, R.ADMIN}
HANDLER = {R.HANDLER}
OPEN = {S.NEW, S.ASSIGNED, S.ACCEPTED}
IN_HAND = {S.ASSIGNED, S.ACCEPTED}

# event: (who may, from which states — None: not raised yet, where it leads — None: stays,
#         what it must carry), as docs/rules.md's closed loop says
RULES: dict[
    wf.EventKind, tuple[AbstractSet[Role], AbstractSet[S | None], S | None, tuple[str, ...]]
] = {
    E.CREATE: (FIELD | HUB, {None}, S.NEW, ()),
    E.ROUTE: (HUB, OPEN, S.ASSIGNED, ("lead_department_id", "deadline", "reply_deadline")),
    E.ACCEPT: (HANDLER, {S.ASSIGNED}, S.ACCEPTED, ()),
    E.RETURN: (HANDLER, {S.ASSIGNED}, S.NEW, ("text",)),
    E.REQUEST_EXTENSION: (HANDLER, {S.ACCEPTED}, None, ("text", "promised_date")),
    E.APPROVE_EXTENSION: (HUB, {S.ACCEPTED}, None, ()),
    E.REFUSE_EXTENSION: (HUB, {S.ACCEPTED}, None, ("text",)),
    E.PROGRESS: (HANDLER | HUB | FIELD, IN_HAND, None, ("text",)),
    E.RESOLVE: (HANDLER, {S.ACCEPTED}, S.RESOLVED, ("text", "outcome", "policy_basis")),
    E.FOLLOW_UP: (FIELD | HUB, {S.RESOLVED}, S.FOLLOWED_UP, ("satisfaction",)),
    E.ESCALATE: (HUB, IN_HAND, None, ("text",)),
    E.WITHDRAW: (FIELD | HUB, OPEN, S.WITHDRAWN, ("text",)),
    E.MERGE: (HUB, {S.NEW, S.ASSIGNED}, S.MERGED, ("merged_into_id",)),
    E.CLOSE: (HUB, {S.FOLLOWED_UP}, S.CLOSED, ()),
}

AT = datetime(2026, 6, 1, 10, 0)
DEADLINE = date(2026, 6, 22)
COMPLETE: dict[str, Any] = {
    "text": "说明",
    "lead_department_id": "dept-finance",
    "deadline": DEADLINE,
    "reply_deadline": date(2026, 6, 4),
    "promised_date": DEADLINE + timedelta(days=10),
    "outcome": wf.Outcome.SOLVED,
    "policy_basis": "第13条",
    "satisfaction": wf.Satisfaction.SATISFIED,
    "merged_into_id": "another-demand",
}
"""Every payload field a step may need, filled in."""


def snapshot(state: S | None, kind: wf.EventKind) -> wf.Snapshot:
    """A demand in `state`, with what that state implies (a pending extension where the
    extension's decision is the step)."""
    if state is None:
        return wf.Snapshot()
    pending = DEADLINE + timedelta(days=10) if kind in _DECIDING else None
    return wf.Snapshot(state=state, deadline=DEADLINE, pending_extension=pending)


_DECIDING = {E.APPROVE_EXTENSION, E.REFUSE_EXTENSION}


def event(kind: wf.EventKind, role: Role, **fields: Any) -> wf.Event:
    return wf.Event(kind=kind, at=AT, role=role, actor_id="someone", event_id="e1", **fields)


def outcome(kind: wf.EventKind, role: Role, state: S | None) -> type[Exception] | S | None:
    roles, sources, target, _needs = RULES[kind]
    if role not in roles:
        return PermissionDenied
    if state not in sources:
        return InvalidTransition
    return target if target is not None else state


CASES = list(product(wf.EventKind, Role, [None, *wf.State]))


def test_the_table_covers_every_event() -> None:
    assert set(RULES) == set(wf.EventKind)
    assert len(CASES) == 14 * 5 * 9


@pytest.mark.parametrize(
    ("kind", "role", "state"), CASES, ids=[f"{k}-{r}-{s}" for k, r, s in CASES]
)
def test_every_event_role_and_state(kind: wf.EventKind, role: Role, state: S | None) -> None:
    expected = outcome(kind, role, state)
    needs = {name: COMPLETE[name] for name in RULES[kind][3]}
    step = event(kind, role, **needs)
    before = snapshot(state, kind)
    offered = kind in wf.allowed_events(before, role)  # the actions a screen offers
    if isinstance(expected, type):
        with pytest.raises(expected):
            wf.apply(before, step)
        assert wf.fold([*_history(state), step]).flagged_event_ids[-1:] == ("e1",)
        assert not offered
        return
    after = wf.apply(before, step)
    assert after.state == expected
    assert offered == (kind is not E.CREATE)  # raising a demand is no action on one


@pytest.mark.parametrize(
    ("kind", "missing"),
    [(k, name) for k, (_r, _s, _t, needs) in RULES.items() for name in needs],
)
def test_a_step_without_what_it_must_carry_names_the_field(
    kind: wf.EventKind, missing: str
) -> None:
    roles, sources, _target, needs = RULES[kind]
    role, state = sorted(roles)[0], sorted(sources, key=str)[0]
    fields = {name: COMPLETE[name] for name in needs if name != missing}
    with pytest.raises(ValidationError) as refused:
        wf.apply(snapshot(state, kind), event(kind, role, **fields))
    assert refused.value.field == missing
    # blank text counts as missing too
    if isinstance(COMPLETE[missing], str):
        blank = event(kind, role, **fields, **{missing: "  "})
        with pytest.raises(ValidationError):
            wf.apply(snapshot(state, kind), blank)


def test_a_wrong_role_is_told_before_a_wrong_state() -> None:
    with pytest.raises(PermissionDenied):
        wf.apply(wf.Snapshot(state=S.CLOSED), event(E.CLOSE, R.CADRE))


def test_extension_decisions_need_a_pending_request_and_requests_one_at_a_time() -> None:
    accepted = wf.Snapshot(state=S.ACCEPTED, deadline=DEADLINE)
    for kind in _DECIDING:
        with pytest.raises(InvalidTransition):
            wf.apply(accepted, event(kind, R.SUPERVISOR, text="不同意"))
        assert kind not in wf.allowed_events(accepted, R.SUPERVISOR)
    asked = wf.apply(
        accepted,
        event(
            E.REQUEST_EXTENSION,
            R.HANDLER,
            text="需协调",
            promised_date=DEADLINE + timedelta(days=5),
        ),
    )
    assert asked.pending_extension == DEADLINE + timedelta(days=5)
    assert E.REQUEST_EXTENSION not in wf.allowed_events(asked, R.HANDLER)
    with pytest.raises(InvalidTransition):
        wf.apply(
            asked,
            event(
                E.REQUEST_EXTENSION,
                R.HANDLER,
                text="再延",
                promised_date=DEADLINE + timedelta(days=9),
            ),
        )
    approved = wf.apply(asked, event(E.APPROVE_EXTENSION, R.ADMIN))
    assert (approved.deadline, approved.pending_extension, approved.extension_count) == (
        DEADLINE + timedelta(days=5),
        None,
        1,
    )
    refused = wf.apply(asked, event(E.REFUSE_EXTENSION, R.SUPERVISOR, text="不同意"))
    assert (refused.deadline, refused.pending_extension, refused.extension_count) == (
        DEADLINE,
        None,
        0,
    )


def test_a_promised_date_must_be_after_the_deadline() -> None:
    accepted = wf.Snapshot(state=S.ACCEPTED, deadline=DEADLINE)
    with pytest.raises(ValidationError) as refused:
        wf.apply(
            accepted, event(E.REQUEST_EXTENSION, R.HANDLER, text="需协调", promised_date=DEADLINE)
        )
    assert refused.value.field == "promised_date"


def test_routing_checks_its_units_and_its_deadline() -> None:
    new = wf.Snapshot(state=S.NEW)
    route = event(E.ROUTE, R.SUPERVISOR, **{k: COMPLETE[k] for k in RULES[E.ROUTE][3]})
    with pytest.raises(ValidationError) as refused:
        wf.apply(new, replace(route, co_department_ids=("dept-finance",)))
    assert refused.value.field == "co_department_ids"
    with pytest.raises(ValidationError) as refused:
        wf.apply(new, replace(route, deadline=AT.date() - timedelta(days=1)))
    assert refused.value.field == "deadline"
    routed = wf.apply(new, replace(route, co_department_ids=("dept-hr",)))
    assert (routed.lead_department_id, routed.co_department_ids) == ("dept-finance", ("dept-hr",))
    assert (routed.deadline, routed.reply_deadline, routed.routed_at) == (
        DEADLINE,
        date(2026, 6, 4),
        AT,
    )


def test_an_unsatisfied_follow_up_reopens_with_a_new_deadline() -> None:
    resolved = wf.Snapshot(state=S.RESOLVED, deadline=DEADLINE, outcome=wf.Outcome.SOLVED)
    unhappy = event(E.FOLLOW_UP, R.CADRE, satisfaction=wf.Satisfaction.UNSATISFIED)
    with pytest.raises(ValidationError) as refused:
        wf.apply(resolved, unhappy)
    assert refused.value.field == "deadline"
    later = DEADLINE + timedelta(days=15)
    again = wf.apply(resolved, replace(unhappy, deadline=later, reply_deadline=DEADLINE))
    assert (again.state, again.epoch, again.reopen_count, again.deadline) == (
        S.ACCEPTED,
        1,
        1,
        later,
    )
    assert (again.outcome, again.resolved_at) == (None, None)
    happy = wf.apply(resolved, replace(unhappy, satisfaction=wf.Satisfaction.BASICALLY))
    assert (happy.state, happy.reopen_count) == (S.FOLLOWED_UP, 0)


def test_a_return_sends_the_demand_back_without_units() -> None:
    routed = wf.Snapshot(
        state=S.ASSIGNED, lead_department_id="d", co_department_ids=("c",), deadline=DEADLINE
    )
    back = wf.apply(routed, event(E.RETURN, R.HANDLER, text="不属于本单位"))
    assert (back.state, back.lead_department_id, back.co_department_ids, back.deadline) == (
        S.NEW,
        None,
        (),
        None,
    )
    assert back.return_count == 1


def test_escalation_counts_levels_and_merging_records_the_target() -> None:
    routed = wf.Snapshot(state=S.ASSIGNED)
    once = wf.apply(routed, event(E.ESCALATE, R.SUPERVISOR, text="请加快"))
    twice = wf.apply(once, event(E.ESCALATE, R.ADMIN, text="再次督办"))
    assert (once.escalation_level, twice.escalation_level, twice.state) == (1, 2, S.ASSIGNED)
    merged = wf.apply(routed, event(E.MERGE, R.SUPERVISOR, merged_into_id="other"))
    assert (merged.state, merged.merged_into_id) == (S.MERGED, "other")
    with pytest.raises(ValidationError):
        wf.apply(routed, event(E.MERGE, R.SUPERVISOR, merged_into_id=""))


def _history(state: S | None) -> list[wf.Event]:
    """Events that bring a demand to `state` (for the fold: an invalid step there is kept and
    flagged, not dropped)."""
    if state is None:
        return []
    steps = [event(E.CREATE, R.CADRE)]
    route = event(E.ROUTE, R.SUPERVISOR, **{k: COMPLETE[k] for k in RULES[E.ROUTE][3]})
    paths = {
        S.NEW: [],
        S.ASSIGNED: [route],
        S.ACCEPTED: [route, event(E.ACCEPT, R.HANDLER)],
        S.RESOLVED: [route, event(E.ACCEPT, R.HANDLER), _resolve()],
        S.FOLLOWED_UP: [route, event(E.ACCEPT, R.HANDLER), _resolve(), _satisfied()],
        S.CLOSED: [
            route,
            event(E.ACCEPT, R.HANDLER),
            _resolve(),
            _satisfied(),
            event(E.CLOSE, R.ADMIN),
        ],
        S.WITHDRAWN: [event(E.WITHDRAW, R.CADRE, text="企业已自行解决")],
        S.MERGED: [event(E.MERGE, R.SUPERVISOR, merged_into_id="other")],
    }
    out = steps + paths[state]
    return [replace(e, event_id=f"h{n}") for n, e in enumerate(out)]


def _resolve() -> wf.Event:
    return event(
        E.RESOLVE, R.HANDLER, text="已办理", outcome=wf.Outcome.SOLVED, policy_basis="第13条"
    )


def _satisfied() -> wf.Event:
    return event(E.FOLLOW_UP, R.CADRE, satisfaction=wf.Satisfaction.SATISFIED)


def test_a_pending_extension_ends_with_the_work_it_was_asked_for() -> None:
    """Resolved or withdrawn while an extension waits: nothing is left to approve."""
    accepted = wf.Snapshot(state=S.ACCEPTED, deadline=DEADLINE)
    later = DEADLINE + timedelta(days=5)
    asked = wf.apply(
        accepted, event(E.REQUEST_EXTENSION, R.HANDLER, text="需协调", promised_date=later)
    )
    resolved = wf.apply(asked, _resolve())
    assert (resolved.state, resolved.pending_extension) == (S.RESOLVED, None)
    withdrawn = wf.apply(asked, event(E.WITHDRAW, R.CADRE, text="企业已自行解决"))
    assert (withdrawn.state, withdrawn.pending_extension) == (S.WITHDRAWN, None)
    assert wf.allowed_events(resolved, R.SUPERVISOR) == [E.FOLLOW_UP]
