"""The closed loop of docs/rules.md, driven through the services on a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from liaison.data.db import Database
from liaison.data.models import Demand, DemandEvent, DemandUnit
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import InvalidTransition, PermissionDenied, ValidationError
from liaison.services import demands
from liaison.services.queries import demand_detail, department_queue
from tests.conftest import Cast, log_demands
from tests.services.demand_builders import at


def _visit_with_demand(db: Database, cast: Cast, title: str = "申请流动资金贷款贴息") -> str:
    return log_demands(db, cast, title)[0]


def _state(db: Database, demand_id: str) -> str:
    with db.session() as s:
        d = s.get(Demand, demand_id)
        assert d is not None
        return d.state


def _route(db: Database, cast: Cast, demand_id: str, dept: str | None = None) -> wf.Snapshot:
    return demands.route_demand(
        db, cast.supervisor, demand_id, lead_department_id=dept or cast.finance_dept
    )


def test_logged_demand_waits_for_routing(db: Database, cast: Cast) -> None:
    demand_id = _visit_with_demand(db, cast)
    assert _state(db, demand_id) == "new"


def test_full_loop_ends_closed_with_every_step_recorded(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    snap = _route(db, cast, d)
    assert snap.state is wf.State.ASSIGNED and snap.deadline and snap.reply_deadline
    demands.accept_demand(db, cast.finance_handler, d)
    demands.add_progress(db, cast.finance_handler, d, "已对接合作银行")
    demands.resolve_demand(
        db,
        cast.finance_handler,
        d,
        answer="已协调银行授信 500 万元",
        outcome=wf.Outcome.SOLVED,
        policy_basis="第13条 缓解融资难题",
    )
    demands.record_follow_up(db, cast.cadre, d, satisfaction=wf.Satisfaction.SATISFIED)
    demands.close_demand(db, cast.supervisor, d)
    assert _state(db, d) == "closed"
    with db.session() as s:
        kinds = list(
            s.scalars(
                select(DemandEvent.kind).where(DemandEvent.demand_id == d).order_by(DemandEvent.at)
            )
        )
    assert kinds == ["create", "route", "accept", "progress", "resolve", "follow_up", "close"]


def test_returned_demand_goes_back_to_new_and_can_be_rerouted(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d, cast.hr_dept)
    snap = demands.return_demand(db, cast.hr_handler, d, "不属于本部门职责")
    assert snap.state is wf.State.NEW and snap.lead_department_id is None
    with db.session() as s:
        assert s.scalar(select(func.count()).where(DemandUnit.demand_id == d)) == 0
    snap = _route(db, cast, d)
    assert snap.state is wf.State.ASSIGNED and snap.lead_department_id == cast.finance_dept


def test_return_without_reason_is_refused_and_writes_nothing(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(DemandEvent))
    with pytest.raises(ValidationError, match="说明"):
        demands.return_demand(db, cast.finance_handler, d, "  ")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DemandEvent)) == before
    assert _state(db, d) == "assigned"


def test_handler_of_another_department_cannot_accept(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    with pytest.raises(PermissionDenied):
        demands.accept_demand(db, cast.hr_handler, d)


def test_cadre_cannot_route(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    with pytest.raises(PermissionDenied):
        demands.route_demand(db, cast.cadre, d, lead_department_id=cast.finance_dept)


def test_resolve_before_accept_is_an_invalid_transition(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    with pytest.raises(InvalidTransition, match="已交办"):
        demands.resolve_demand(
            db, cast.finance_handler, d, answer="x", outcome=wf.Outcome.SOLVED, policy_basis="y"
        )


def test_unsatisfied_follow_up_reopens_with_new_deadline(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    demands.resolve_demand(
        db,
        cast.finance_handler,
        d,
        answer="已答复",
        outcome=wf.Outcome.PARTLY,
        policy_basis="第13条",
    )
    snap = demands.record_follow_up(
        db, cast.cadre, d, satisfaction=wf.Satisfaction.UNSATISFIED, text="贷款仍未到位"
    )
    assert snap.state is wf.State.ACCEPTED
    assert snap.reopen_count == 1 and snap.epoch == 1
    assert snap.deadline is not None and snap.deadline > clock.today()
    assert snap.lead_department_id == cast.finance_dept


def test_extension_request_then_approval_moves_deadline(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    snap = _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    assert snap.deadline is not None
    promised = snap.deadline + timedelta(days=7)
    snap = demands.request_extension(
        db, cast.finance_handler, d, reason="需银行总行审批", promised_date=promised
    )
    assert snap.pending_extension == promised
    snap = demands.decide_extension(db, cast.supervisor, d, approve=True)
    assert snap.deadline == promised and snap.pending_extension is None
    assert snap.extension_count == 1


def test_refused_extension_keeps_deadline(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    snap = _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    assert snap.deadline is not None
    demands.request_extension(
        db,
        cast.finance_handler,
        d,
        reason="材料不全",
        promised_date=snap.deadline + timedelta(days=3),
    )
    after = demands.decide_extension(db, cast.supervisor, d, approve=False, text="请按期办结")
    assert after.deadline == snap.deadline and after.pending_extension is None


def test_an_approval_may_not_move_the_deadline_earlier(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    snap = _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    assert snap.deadline is not None
    asked = snap.deadline + timedelta(days=7)
    demands.request_extension(db, cast.finance_handler, d, reason="需审批", promised_date=asked)
    for day in (snap.deadline - timedelta(days=3), snap.deadline):
        with pytest.raises(ValidationError, match="批准的办结日期应晚于当前办结时限"):
            demands.decide_extension(db, cast.supervisor, d, approve=True, promised_date=day)
    later = snap.deadline + timedelta(days=1)
    after = demands.decide_extension(db, cast.supervisor, d, approve=True, promised_date=later)
    assert after.deadline == later


def test_an_overdue_demand_is_past_asking_for_an_extension(db: Database, cast: Cast) -> None:
    past = clock.now() - timedelta(days=60)
    with at(past):
        d = _visit_with_demand(db, cast)
        snap = _route(db, cast, d)
        demands.accept_demand(db, cast.finance_handler, d)
    assert snap.deadline is not None and snap.deadline < clock.today()
    detail = demand_detail(db, d, cast.finance_handler)
    assert wf.EventKind.REQUEST_EXTENSION in detail.actions
    why = dict(detail.refusals)[wf.EventKind.REQUEST_EXTENSION]
    assert "延期须在办结时限前至少 1 个工作日申请" in why and "现已不能申请" in why
    with pytest.raises(ValidationError, match="现已不能申请"):
        demands.request_extension(
            db, cast.finance_handler, d, reason="晚了", promised_date=clock.today()
        )
    fresh = _visit_with_demand(db, cast, "刚交办")
    _route(db, cast, fresh)
    demands.accept_demand(db, cast.finance_handler, fresh)
    assert demand_detail(db, fresh, cast.finance_handler).refusals == ()


def test_approving_without_request_is_refused(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    with pytest.raises(InvalidTransition, match="延期"):
        demands.decide_extension(db, cast.supervisor, d, approve=True)


def test_escalation_raises_level(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    demands.escalate_demand(db, cast.supervisor, d, "请加快办理")
    snap = demands.escalate_demand(db, cast.supervisor, d, "二次督办")
    assert snap.escalation_level == 2


def test_withdrawn_demand_accepts_nothing_more(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    demands.withdraw_demand(db, cast.cadre, d, "企业已自行解决")
    assert _state(db, d) == "withdrawn"
    with pytest.raises(InvalidTransition):
        _route(db, cast, d)


def test_merge_duplicate_into_other_demand(db: Database, cast: Cast) -> None:
    a = _visit_with_demand(db, cast, "贷款贴息")
    b = _visit_with_demand(db, cast, "贷款贴息（重复）")
    snap = demands.merge_demand(db, cast.supervisor, b, a)
    assert snap.state is wf.State.MERGED and snap.merged_into_id == a
    with pytest.raises(ValidationError):
        demands.merge_demand(db, cast.supervisor, a, a)


@pytest.mark.parametrize("target_state", ["accepted", "resolved", "merged"])
def test_a_duplicate_joins_only_a_demand_still_in_hand(
    db: Database, cast: Cast, target_state: str
) -> None:
    """The merge dialog offers open demands only; the service holds to the same rule."""
    target = _visit_with_demand(db, cast, "贷款贴息")
    dup = _visit_with_demand(db, cast, "贷款贴息（重复）")
    if target_state != "merged":
        _route(db, cast, target)
        demands.accept_demand(db, cast.finance_handler, target)
    if target_state == "resolved":
        demands.resolve_demand(
            db, cast.finance_handler, target, answer="a", outcome=wf.Outcome.SOLVED,
            policy_basis="b",
        )  # fmt: skip
    if target_state == "merged":
        other = _visit_with_demand(db, cast, "另一条")
        demands.merge_demand(db, cast.supervisor, target, other)
    if target_state == "accepted":
        assert demands.merge_demand(db, cast.supervisor, dup, target).state is wf.State.MERGED
        return
    with pytest.raises(ValidationError, match="只能并入尚在办理的诉求"):
        demands.merge_demand(db, cast.supervisor, dup, target)
    assert _state(db, dup) == "new"


def test_cadre_not_assigned_cannot_follow_up(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    demands.resolve_demand(
        db, cast.finance_handler, d, answer="a", outcome=wf.Outcome.SOLVED, policy_basis="b"
    )
    with pytest.raises(PermissionDenied):
        demands.record_follow_up(db, cast.other_cadre, d, satisfaction=wf.Satisfaction.SATISFIED)


def test_queue_lists_open_demands_by_deadline(db: Database, cast: Cast) -> None:
    first = _visit_with_demand(db, cast, "第一条")
    second = _visit_with_demand(db, cast, "第二条")
    _route(db, cast, second)
    _route(db, cast, first)
    demands.route_demand(
        db,
        cast.supervisor,
        first,
        lead_department_id=cast.finance_dept,
        deadline=clock.today() + timedelta(days=5),
    )
    rows = department_queue(db, cast.finance_dept)
    assert [r.id for r in rows] == [first, second]


def test_detail_offers_only_allowed_actions(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    _route(db, cast, d)
    detail = demand_detail(db, d, cast.finance_handler)
    assert set(detail.actions) == {wf.EventKind.ACCEPT, wf.EventKind.RETURN, wf.EventKind.PROGRESS}
    assert demand_detail(db, d, cast.hr_handler).actions == ()
    assert detail.lead_department == "区金融办"
    assert [t.label for t in detail.timeline] == ["提出", "交办"]


def test_queue_drops_resolved_demands_and_includes_co_units(db: Database, cast: Cast) -> None:
    d = _visit_with_demand(db, cast)
    demands.route_demand(
        db,
        cast.supervisor,
        d,
        lead_department_id=cast.finance_dept,
        co_department_ids=(cast.hr_dept,),
    )
    assert [r.id for r in department_queue(db, cast.hr_dept)] == [d]
    assert department_queue(db, cast.hr_dept, include_co=False) == []
    demands.accept_demand(db, cast.finance_handler, d)
    demands.resolve_demand(
        db,
        cast.finance_handler,
        d,
        answer="已办结",
        outcome=wf.Outcome.SOLVED,
        policy_basis="第13条",
    )
    assert department_queue(db, cast.finance_dept) == []
    assert department_queue(db, cast.hr_dept) == []
