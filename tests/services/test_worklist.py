"""The home screen's work list per role, on a prepared situation in a real database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.uscc import make_uscc
from liaison.services import demands, enterprises, visits
from liaison.services.context import Actor
from liaison.services.worklist import quarter_of, worklist
from tests.conftest import Cast, log_demands


@dataclass
class Situation:
    unvisited: str
    unassigned: str
    other_cadres: str
    assigned: str
    returned: str
    resolved: str
    new: str
    extension: str
    escalated: str


def _enterprise(db: Database, cast: Cast, name: str, n: int) -> str:
    return enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(
            name=name, uscc=make_uscc(f"91500105MA{n:07d}"), street_id=cast.street_id
        ),
    )


def _raise(db: Database, cast: Cast, titles: list[str]) -> list[str]:
    return log_demands(db, cast, *titles)


@pytest.fixture
def situation(db: Database, cast: Cast) -> Situation:
    unvisited = _enterprise(db, cast, "重庆鸿运物流有限公司", 11)
    enterprises.assign_cadre(db, cast.admin, unvisited, cast.cadre.account_id)
    unassigned = _enterprise(db, cast, "重庆无人包联商贸有限公司", 12)
    others = _enterprise(db, cast, "重庆别人包联科技有限公司", 13)
    enterprises.assign_cadre(db, cast.admin, others, cast.other_cadre.account_id)
    assigned, returned, resolved, new, extension, escalated = _raise(
        db, cast, ["已交办待签收", "部门退回", "已办结待回访", "新提出", "申请延期", "督办"]
    )
    sup, fin = cast.supervisor, cast.finance_handler
    for d in (assigned, resolved, extension, escalated):
        demands.route_demand(db, sup, d, lead_department_id=cast.finance_dept)
    demands.route_demand(db, sup, returned, lead_department_id=cast.hr_dept)
    demands.return_demand(db, cast.hr_handler, returned, "不属于本部门职责")
    for d in (resolved, extension):
        demands.accept_demand(db, fin, d)
    demands.resolve_demand(
        db, fin, resolved, answer="已协调授信", outcome=wf.Outcome.SOLVED, policy_basis="第13条"
    )
    snap = demands.request_extension(
        db, fin, extension, reason="需总行审批", promised_date=clock.today() + timedelta(days=40)
    )
    assert snap.pending_extension is not None
    demands.escalate_demand(db, sup, escalated, "请加快办理")
    return Situation(
        unvisited, unassigned, others, assigned, returned, resolved, new, extension, escalated
    )


def _ids(db: Database, actor: Actor, key: str, today: date | None = None) -> list[str]:
    section = worklist(db, actor, today=today).section(key)
    assert section.count == len(section.items)
    return [i.id for i in section.items]


def test_cadre_sees_own_unvisited_enterprises(db: Database, cast: Cast, situation: Situation):
    assert _ids(db, cast.cadre, "unvisited") == [situation.unvisited]
    assert _ids(db, cast.other_cadre, "unvisited") == [situation.other_cadres]


def test_visit_of_last_quarter_does_not_count(db: Database, cast: Cast, situation: Situation):
    start, _ = quarter_of(clock.today())
    visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(situation.unvisited, start - timedelta(days=1), "phone", "电话了解"),
    )
    section = worklist(db, cast.cadre).section("unvisited")
    assert [i.id for i in section.items] == [situation.unvisited]
    assert f"上次走访 {start - timedelta(days=1):%Y-%m-%d}" in section.items[0].secondary
    visits.log_visit(
        db, cast.cadre, visits.VisitInput(situation.unvisited, start, "phone", "电话了解")
    )
    assert _ids(db, cast.cadre, "unvisited") == []


def test_cadre_follows_up_resolved_demands(db: Database, cast: Cast, situation: Situation):
    wl = worklist(db, cast.cadre)
    follow_up = wl.section("follow_up")
    assert [i.id for i in follow_up.items] == [situation.resolved]
    assert follow_up.items[0].kind == "demand"
    assert "区金融办" in follow_up.items[0].secondary
    assert _ids(db, cast.other_cadre, "follow_up") == []


def test_cadre_sees_returned_demand_with_reason(db: Database, cast: Cast, situation: Situation):
    returned = worklist(db, cast.cadre).section("returned")
    assert [i.id for i in returned.items] == [situation.returned]
    assert "区人力社保局退回：不属于本部门职责" in returned.items[0].secondary


def test_street_staff_sees_street_scope(db: Database, cast: Cast, situation: Situation):
    # The street's assigned enterprises: the cadres' ones, not the one without a cadre.
    unvisited = _ids(db, cast.street_staff, "unvisited")
    assert set(unvisited) == {situation.unvisited, situation.other_cadres}
    assert _ids(db, cast.street_staff, "follow_up") == [situation.resolved]


def test_handler_accepts_what_was_routed_to_the_department(
    db: Database, cast: Cast, situation: Situation
):
    assert set(_ids(db, cast.finance_handler, "to_accept")) == {
        situation.assigned,
        situation.escalated,
    }
    assert _ids(db, cast.hr_handler, "to_accept") == []


def test_handler_due_soon_and_overdue_follow_the_deadline(
    db: Database, cast: Cast, situation: Situation
):
    deadline = demands.route_demand(
        db, cast.supervisor, situation.new, lead_department_id=cast.finance_dept
    ).deadline
    assert deadline is not None
    open_for_finance = {
        situation.assigned,
        situation.extension,
        situation.escalated,
        situation.new,
    }
    assert _ids(db, cast.finance_handler, "overdue") == []
    assert set(_ids(db, cast.finance_handler, "due_soon", deadline - timedelta(days=1))) == (
        open_for_finance
    )
    late = deadline + timedelta(days=1)
    overdue = worklist(db, cast.finance_handler, today=late).section("overdue")
    assert {i.id for i in overdue.items} == open_for_finance
    assert all(i.overdue and i.due == deadline for i in overdue.items)
    assert worklist(db, cast.hr_handler, today=late).section("overdue").count == 0
    # days over are working days, as every screen counts them: a week later is 5 (or fewer
    # over a holiday), never the 7 calendar days
    week = worklist(db, cast.finance_handler, today=deadline + timedelta(days=7))
    from liaison.services.calendar import calendar_for

    with db.read() as s:
        expected = calendar_for(s).working_days_between(deadline, deadline + timedelta(days=7))
    assert expected < 7
    assert {i.days_over for i in week.section("overdue").items} == {expected}


def test_supervisor_sections(db: Database, cast: Cast, situation: Situation):
    wl = worklist(db, cast.supervisor)
    assert [i.id for i in wl.section("to_route").items] == [situation.new]
    assert [i.id for i in wl.section("returned").items] == [situation.returned]
    extensions = wl.section("extensions").items
    assert [i.id for i in extensions] == [situation.extension]
    assert "需总行审批" in extensions[0].secondary
    assert [i.id for i in wl.section("escalated").items] == [situation.escalated]
    assert wl.section("overdue").count == 0
    assert wl.summary is None


def test_supervisor_overdue_is_district_wide(db: Database, cast: Cast, situation: Situation):
    far = clock.today() + timedelta(days=60)
    overdue = set(_ids(db, cast.supervisor, "overdue", far))
    assert overdue == {situation.assigned, situation.extension, situation.escalated}


def test_decided_extension_leaves_the_list(db: Database, cast: Cast, situation: Situation):
    demands.decide_extension(db, cast.supervisor, situation.extension, approve=True)
    assert _ids(db, cast.supervisor, "extensions") == []


def test_admin_gets_summary_and_supervisor_sections(db: Database, cast: Cast, situation: Situation):
    wl = worklist(db, cast.admin)
    assert wl.summary is not None
    assert wl.summary.accounts == 7  # admin + six of the cast
    assert wl.summary.enterprises == 4
    assert wl.summary.departments > 20
    assert wl.section("returned").count == 1


def test_count_is_all_items_are_cut_at_limit(db: Database, cast: Cast, situation: Situation):
    _raise(db, cast, [f"新诉求 {n}" for n in range(5)])
    section = worklist(db, cast.supervisor, limit=3).section("to_route")
    assert section.count == 6
    assert len(section.items) == 3


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (date(2025, 2, 14), date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 6, 30), date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 12, 1), date(2025, 10, 1), date(2025, 12, 31)),
    ],
)
def test_quarter_of(day: date, start: date, end: date) -> None:
    assert quarter_of(day) == (start, end)
