"""The demand list query: filters, order, rows with working-day deadline status."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Assignment
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.services import demand_list, demands, enterprises
from liaison.services.admin import list_departments
from liaison.services.context import Actor
from liaison.services.demand_list import (
    STATE_EXTENSION_PENDING,
    STATE_GROUP_FINISHED,
    STATE_GROUP_OPEN,
    DeadlineLevel,
    DemandFilter,
    Sort,
    deadline_status,
    demand_ids,
    demand_rows,
    merge_candidates,
    routing_dates,
)
from liaison.services.queries import demand_detail
from tests.conftest import Cast
from tests.services.demand_builders import (
    other_street_enterprise,
    overdue_demand,
    raise_demand,
    route,
)


def ids(db: Database, cast: Cast, **kw: Any) -> list[str]:
    return demand_ids(db, DemandFilter(**kw), cast.supervisor).ids


def mine_of(db: Database, actor: Actor) -> list[str]:
    return demand_ids(db, DemandFilter(mine=True), actor).ids


def test_state_filter_and_groups(db: Database, cast: Cast) -> None:
    new = raise_demand(db, cast, "待交办的诉求")
    assigned = raise_demand(db, cast, "已交办的诉求")
    route(db, cast, assigned)
    withdrawn = raise_demand(db, cast, "撤回的诉求")
    demands.withdraw_demand(db, cast.cadre, withdrawn, "企业已自行解决")
    assert ids(db, cast, state="new") == [new]
    assert set(ids(db, cast, state=STATE_GROUP_OPEN)) == {new, assigned}
    assert ids(db, cast, state=STATE_GROUP_FINISHED) == []
    assert ids(db, cast, state="withdrawn") == [withdrawn]
    assert len(ids(db, cast)) == 3


def test_department_filter_matches_lead_and_co_units(db: Database, cast: Cast) -> None:
    led = raise_demand(db, cast, "金融办牵头")
    route(db, cast, led)
    co = raise_demand(db, cast, "人社局协办")
    route(db, cast, co, cast.hr_dept)
    assert set(ids(db, cast, department_id=cast.finance_dept)) == {led, co}
    assert ids(db, cast, department_id=cast.hr_dept) == [co]


def test_street_and_category_filters(db: Database, cast: Cast) -> None:
    here = raise_demand(db, cast, "观音桥的诉求")
    there = raise_demand(db, cast, "鱼嘴的诉求", enterprise_id=other_street_enterprise(db, cast))
    assert ids(db, cast, street_id=cast.street_id) == [here]
    assert set(ids(db, cast, category_id=cast.financing_category)) == {here, there}


def test_overdue_only_lists_open_demands_past_their_deadline(db: Database, cast: Cast) -> None:
    late = overdue_demand(db, cast)
    on_time = raise_demand(db, cast, "刚交办的诉求")
    route(db, cast, on_time)
    assert ids(db, cast, overdue_only=True) == [late]


def test_mine_depends_on_the_role(db: Database, cast: Cast) -> None:
    mine = raise_demand(db, cast, "包联企业的诉求")
    route(db, cast, mine, cast.hr_dept)
    other = raise_demand(db, cast, "别人的诉求", enterprise_id=other_street_enterprise(db, cast))
    assert mine_of(db, cast.cadre) == [mine]
    assert mine_of(db, cast.other_cadre) == [other]
    assert mine_of(db, cast.finance_handler) == [mine]
    assert mine_of(db, cast.hr_handler) == [mine]  # co-unit
    assert mine_of(db, cast.street_staff) == [mine]
    # the hub's own work: routing the new one, not the one already assigned
    assert mine_of(db, cast.supervisor) == [other]


def test_cadre_keeps_the_demands_they_recorded_after_the_assignment_ends(
    db: Database, cast: Cast
) -> None:
    d = raise_demand(db, cast, "交接前记录的诉求")
    with db.session() as s:
        assignment = s.scalar(
            select(Assignment.id).where(Assignment.account_id == cast.cadre.account_id)
        )
    assert assignment is not None
    enterprises.end_assignment(db, cast.admin, assignment)
    enterprises.assign_cadre(db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id)
    assert mine_of(db, cast.cadre) == [d]  # recorded it
    assert mine_of(db, cast.other_cadre) == [d]  # looks after the enterprise now


def test_finished_demands_are_capped_newest_first(
    db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demand_list, "FINISHED_LIMIT", 2)
    open_one = raise_demand(db, cast, "未办结", on=date.today() - timedelta(days=90))
    done = [
        raise_demand(db, cast, f"撤回{i}", on=date.today() - timedelta(days=10 * i))
        for i in range(3)
    ]
    for d in done:
        demands.withdraw_demand(db, cast.cadre, d, "企业撤回")
    found = demand_ids(db, DemandFilter(), cast.supervisor)
    assert found.ids == [open_one, done[0], done[1]] and found.capped
    assert not demand_ids(db, DemandFilter(state=STATE_GROUP_OPEN), cast.supervisor).capped
    monkeypatch.setattr(demand_list, "LIST_LIMIT", 3)
    oldest = demand_ids(db, DemandFilter(sort=Sort.RAISED_OLDEST), cast.supervisor)
    assert oldest.ids == [open_one, done[2], done[1]] and oldest.capped


def test_hub_mine_includes_pending_extensions(db: Database, cast: Cast) -> None:
    d = raise_demand(db, cast, "需延期的诉求")
    snap = route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    assert mine_of(db, cast.supervisor) == []
    assert snap.deadline is not None
    demands.request_extension(
        db, cast.finance_handler, d, reason="需总行审批", promised_date=snap.deadline + timedelta(7)
    )
    assert mine_of(db, cast.supervisor) == [d]
    assert ids(db, cast, state=STATE_EXTENSION_PENDING) == [d]


def test_text_matches_title_or_enterprise_name(db: Database, cast: Cast) -> None:
    loan = raise_demand(db, cast, "流动资金贷款贴息")
    logistics = raise_demand(db, cast, "仓储用地", enterprise_id=other_street_enterprise(db, cast))
    assert ids(db, cast, text="贴息") == [loan]
    assert ids(db, cast, text="鱼嘴") == [logistics]
    assert ids(db, cast, text="不存在的词") == []


def test_default_order_puts_open_first_by_deadline_then_newest(db: Database, cast: Cast) -> None:
    late = overdue_demand(db, cast)
    fresh = raise_demand(db, cast, "刚交办")
    route(db, cast, fresh)
    unrouted = raise_demand(db, cast, "未交办")
    old_done = raise_demand(db, cast, "早已撤回", on=date.today() - timedelta(days=30))
    new_done = raise_demand(db, cast, "新近撤回")
    for d in (old_done, new_done):
        demands.withdraw_demand(db, cast.cadre, d, "企业撤回")
    assert ids(db, cast) == [unrouted, late, fresh, new_done, old_done]
    assert ids(db, cast, sort=Sort.RAISED_OLDEST)[0] in (late, old_done)
    assert ids(db, cast, sort=Sort.DEADLINE)[:2] == [late, fresh]


def test_rows_carry_labels_and_deadline_status(db: Database, cast: Cast) -> None:
    late = overdue_demand(db, cast, "超期诉求")
    new = raise_demand(db, cast, "新诉求")
    rows = demand_rows(db, [late, new])
    assert rows[late].state_label == "已交办" and rows[late].lead_unit == "区金融办"
    status = rows[late].status
    assert status is not None and status.level is DeadlineLevel.OVERDUE and status.days_left < 0
    assert rows[new].status is None and rows[new].lead_unit is None
    assert rows[new].enterprise == "重庆江北嘉陵机械有限公司" and rows[new].category == "融资"


def test_a_sign_in_past_its_limit_is_flagged_before_the_deadline(db: Database, cast: Cast) -> None:
    """The list and the detail say what the work list says: routed, not accepted by the
    签收时限, is overdue for that — not "今日到期" or "剩 5" of the 办结时限."""
    late = overdue_demand(db, cast)
    row = demand_rows(db, [late])[late]
    assert row.status is not None and row.status.reply and row.status.level is DeadlineLevel.OVERDUE
    assert row.status.days_left < 0 and row.status.deadline < clock.today()
    fresh = raise_demand(db, cast, "刚交办的")
    route(db, cast, fresh)
    fresh_row = demand_rows(db, [fresh])[fresh]
    assert fresh_row.status is not None and not fresh_row.status.reply
    demands.accept_demand(db, cast.finance_handler, late)
    accepted = demand_rows(db, [late])[late]
    assert accepted.status is not None and not accepted.status.reply  # now the 办结时限 counts
    assert accepted.status.level is DeadlineLevel.OVERDUE


def test_due_soon_counts_working_days_over_a_holiday(db: Database) -> None:
    # 2025-09-30 → 2025-10-09: nine calendar days, but only one working day (国庆 + 中秋).
    status = deadline_status(db, date(2025, 10, 9), wf.State.ACCEPTED, today=date(2025, 9, 30))
    assert status is not None and status.days_left == 1 and status.level is DeadlineLevel.DUE_SOON
    later = deadline_status(db, date(2025, 10, 14), wf.State.ACCEPTED, today=date(2025, 9, 30))
    assert later is not None and later.level is None
    assert deadline_status(db, date(2025, 10, 9), wf.State.RESOLVED, date(2025, 9, 30)) is None


def test_due_soon_is_three_working_days_as_the_work_list_says(db: Database) -> None:
    """The list's amber, its legend and the work list's 到期 section use one rule."""
    from liaison.domain.workdays import DUE_SOON_WORKING_DAYS

    monday = date(2025, 6, 9)  # a plain week
    third = deadline_status(db, date(2025, 6, 12), wf.State.ACCEPTED, today=monday)
    fourth = deadline_status(db, date(2025, 6, 13), wf.State.ACCEPTED, today=monday)
    assert third is not None and third.days_left == 3 and third.level is DeadlineLevel.DUE_SOON
    assert fourth is not None and fourth.level is None
    assert DUE_SOON_WORKING_DAYS == 3


def test_routing_dates_follow_the_category_limits(db: Database, cast: Cast) -> None:
    dates = routing_dates(db, cast.financing_category, start=date(2025, 9, 30))
    assert (dates.reply_days, dates.resolve_days, dates.max_days) == (3, 15, 30)
    assert dates.reply_deadline == date(2025, 10, 11)  # 10-09, 10-10 and the 调休 Saturday
    assert dates.start < dates.deadline < dates.latest


def test_merge_candidates_are_other_open_demands_of_the_enterprise(
    db: Database, cast: Cast
) -> None:
    a = raise_demand(db, cast, "贷款贴息")
    b = raise_demand(db, cast, "贷款贴息（重复）")
    gone = raise_demand(db, cast, "已撤回")
    demands.withdraw_demand(db, cast.cadre, gone, "企业撤回")
    raise_demand(db, cast, "别家", enterprise_id=other_street_enterprise(db, cast))
    assert [c.id for c in merge_candidates(db, b)] == [a]


def test_departments_for_pickers_put_the_hub_last(db: Database) -> None:
    names = [d.name for d in list_departments(db)]
    assert "区金融办" in names and names[-1] == "区联络办"


@pytest.mark.parametrize("sort", list(Sort))
def test_every_sort_returns_every_id(db: Database, cast: Cast, sort: Sort) -> None:
    made = {raise_demand(db, cast, f"诉求{i}") for i in range(3)}
    assert set(ids(db, cast, sort=sort)) == made


def test_timeline_units_name_who_acted_not_where_it_went(db: Database, cast: Cast) -> None:
    d = raise_demand(db, cast, "贷款贴息")
    route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    demands.add_progress(db, cast.cadre, d, "企业补充了材料")
    timeline = demand_detail(db, d).timeline
    assert [(str(e.kind), e.actor_unit) for e in timeline] == [
        ("create", "联络干部"),
        ("route", "区联络办"),
        ("accept", "区金融办"),
        ("progress", "联络干部"),
    ]
