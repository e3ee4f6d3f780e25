"""The supervisors' figures (docs/rules.md "What supervisors measure") over histories built through
the real services, with the clock set to chosen moments of 2024."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from liaison.data.db import Database
from liaison.data.models import (
    Assignment,
    Category,
    Demand,
    DemandEvent,
    Department,
    Street,
    Visit,
)
from liaison.domain import workflow as wf
from liaison.domain.errors import ValidationError
from liaison.domain.roles import Role
from liaison.domain.uscc import make_uscc
from liaison.services import accounts, demands, enterprises, visits
from liaison.services.demand_log import rederive
from liaison.services.metrics import NONE_LABELS, MetricRow, MetricsReport, compute_metrics
from tests.conftest import Cast

Q1 = (date(2024, 1, 1), date(2024, 3, 31))


class Clock:
    """`liaison.domain.clock.now` replaced by a moment the test moves."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime(2024, 1, 8, 9, 0)
        monkeypatch.setattr("liaison.domain.clock.now", lambda: self.now)

    def set(self, day: date, hour: int = 9, minute: int = 0) -> None:
        self.now = datetime(day.year, day.month, day.day, hour, minute)


HISTORY_START = date(2023, 1, 1)


@pytest.fixture
def clock(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> Clock:
    # The cast's cadre acts on the cast's enterprise in 2023 and 2024, so it looks after it
    # from the start of the histories (access counts from an assignment's start_on).
    with db.session() as s:
        s.execute(
            update(Assignment)
            .where(Assignment.enterprise_id == cast.enterprise_id)
            .values(start_on=HISTORY_START)
        )
    return Clock(monkeypatch)


def _id(db: Database, model: type[Department | Street | Category], name: str) -> str:
    with db.session() as s:
        found = s.scalar(select(model.id).where(model.name == name))
    assert found, name
    return found


def _cadre(db: Database, cast: Cast, username: str, name: str, department: str | None) -> str:
    return accounts.create_account(
        db,
        cast.admin,
        username=username,
        display_name=name,
        role=Role.CADRE,
        password="password-123",
        department_id=department,
    )


_serial = iter(range(1, 1000))


def _enterprise(db: Database, cast: Cast, name: str, street: str) -> str:
    code = make_uscc(f"91500105MA{next(_serial):07d}")
    return enterprises.register_enterprise(
        db, cast.admin, enterprises.EnterpriseInput(name=name, uscc=code, street_id=street)
    )


def _assign(
    db: Database,
    cast: Cast,
    enterprise: str,
    account: str,
    start: date,
    end: date | None = None,
    clock: Clock | None = None,
) -> None:
    aid = enterprises.assign_cadre(db, cast.admin, enterprise, account, start_on=start)
    if end is not None:
        assert clock is not None  # an assignment is ended on or after its last day
        was = clock.now
        clock.set(end)
        enterprises.end_assignment(db, cast.admin, aid, end_on=end)
        clock.now = was


def _visit(
    db: Database,
    clock: Clock,
    cast: Cast,
    day: date,
    *titles: str,
    category: str | None = None,
    enterprise: str | None = None,
    by: str = "cadre",
) -> list[str]:
    clock.set(day)
    actor = {"cadre": cast.cadre, "staff": cast.street_staff, "supervisor": cast.supervisor}[by]
    logged = visits.log_visit(
        db,
        actor,
        visits.VisitInput(
            enterprise_id=enterprise or cast.enterprise_id,
            visit_date=day,
            mode="onsite",
            summary="走访了解经营情况",
            demands=tuple(
                visits.DemandInput(category or cast.financing_category, t) for t in titles
            ),
        ),
    )
    return list(logged.demand_ids)


def _route(
    db: Database,
    clock: Clock,
    cast: Cast,
    demand: str,
    day: date,
    dept: str | None = None,
    co: tuple[str, ...] = (),
) -> wf.Snapshot:
    clock.set(day, 10)
    return demands.route_demand(
        db,
        cast.supervisor,
        demand,
        lead_department_id=dept or cast.finance_dept,
        co_department_ids=co,
    )


def _accept(
    db: Database, clock: Clock, cast: Cast, demand: str, day: date, hr: bool = False
) -> None:
    clock.set(day, 11)
    demands.accept_demand(db, cast.hr_handler if hr else cast.finance_handler, demand)


def _resolve(
    db: Database, clock: Clock, cast: Cast, demand: str, day: date, hr: bool = False, hour: int = 15
) -> None:
    clock.set(day, hour)
    demands.resolve_demand(
        db,
        cast.hr_handler if hr else cast.finance_handler,
        demand,
        answer="已办理并答复企业",
        outcome=wf.Outcome.SOLVED,
        policy_basis="江北委发〔2023〕11号",
    )


def _follow_up(
    db: Database,
    clock: Clock,
    cast: Cast,
    demand: str,
    day: date,
    satisfaction: wf.Satisfaction,
    by: str = "cadre",
) -> None:
    clock.set(day, 16)
    actor = cast.street_staff if by == "staff" else cast.cadre
    demands.record_follow_up(db, actor, demand, satisfaction=satisfaction)


def _row(report: MetricsReport, key: str | None) -> MetricRow:
    found = [r for r in report.rows if r.key == key]
    assert len(found) == 1, f"no single row for {key}: {report.rows}"
    return found[0]


# --- a quarter of the district in miniature ---------------------------------------------------


@dataclass
class History:
    """Q1 2024. Demands on the cast's enterprise (观音桥街道, its 包联 starts after Q1):

    d1 融资 routed to 金融办, accepted and resolved on time, 满意, closed.
    d2 融资 routed to 人力社保局, returned, re-routed to 金融办 with 人力社保局 as co-unit,
       accepted after the reply limit, resolved after the deadline, 不满意 → reopened.
    d3 用工/人才 raised by the street staff, 人力社保局 on time throughout, 基本满意.
    d4 withdrawn; d5 merged into d1; d6 accepted by 金融办 and overdue; d8 never routed.
    d7 raised and routed in December 2023, accepted on 2 January on time, resolved in April.

    Coverage: ea (观音桥, 经信甲 + cadre, visited), eb (华新街, 经信甲 + 经信乙, visited only in
    December and by a deleted visit), ec (assignment ended 2023-12-31, visited), ed (assigned
    from April), ee (五里店, 经信乙 from 31 March, not visited), ef (五里店, deleted in
    February).
    """

    d: dict[str, str]
    d6_deadline: date
    econ: str
    econ_a: str
    econ_b: str
    labour: str
    guanyinqiao: str
    huaxinjie: str
    wulidian: str


@pytest.fixture
def history(db: Database, cast: Cast, clock: Clock) -> History:
    econ = _id(db, Department, "区经济信息委")
    labour = _id(db, Category, "用工/人才")
    gyq, hxj, wld = (_id(db, Street, n) for n in ("观音桥街道", "华新街街道", "五里店街道"))
    econ_a = _cadre(db, cast, "econ_a", "经信甲", econ)
    econ_b = _cadre(db, cast, "econ_b", "经信乙", econ)

    clock.set(date(2023, 1, 1))
    ea = _enterprise(db, cast, "重庆甲科技有限公司", gyq)
    eb = _enterprise(db, cast, "重庆乙商贸有限公司", hxj)
    ec = _enterprise(db, cast, "重庆丙物流有限公司", hxj)
    ed = _enterprise(db, cast, "重庆丁餐饮有限公司", gyq)
    ee = _enterprise(db, cast, "重庆戊建材有限公司", wld)
    ef = _enterprise(db, cast, "重庆己印务有限公司", wld)
    _assign(db, cast, ea, econ_a, date(2023, 6, 1))
    _assign(db, cast, ea, cast.cadre.account_id, date(2023, 6, 1))
    _assign(db, cast, eb, econ_a, date(2023, 1, 1))
    _assign(db, cast, eb, econ_b, date(2023, 1, 1))
    _assign(db, cast, ec, econ_a, date(2023, 1, 1), end=date(2023, 12, 31), clock=clock)
    _assign(db, cast, ed, cast.cadre.account_id, date(2024, 4, 1))
    _assign(db, cast, ee, econ_b, date(2024, 3, 31))
    _assign(db, cast, ef, econ_b, date(2023, 1, 1))
    _visit(db, clock, cast, date(2023, 12, 20), enterprise=eb, by="supervisor")
    _visit(db, clock, cast, date(2024, 1, 10), enterprise=ea, by="supervisor")
    _visit(db, clock, cast, date(2024, 1, 15), enterprise=ec, by="supervisor")
    _visit(db, clock, cast, date(2024, 2, 5), enterprise=eb, by="supervisor")
    _visit(db, clock, cast, date(2024, 4, 1), enterprise=ee, by="supervisor")
    with db.session() as s:  # there is no service to delete a visit yet
        s.execute(
            update(Visit)
            .where(Visit.enterprise_id == eb, Visit.visit_date == date(2024, 2, 5))
            .values(deleted_at=datetime(2024, 2, 6))
        )
    clock.set(date(2024, 2, 1))
    enterprises.delete_enterprise(db, cast.admin, ef)

    # d7: December 2023
    (d7,) = _visit(db, clock, cast, date(2023, 12, 20), "跨年诉求")
    snap7 = _route(db, clock, cast, d7, date(2023, 12, 28))
    assert snap7.reply_deadline is not None and snap7.reply_deadline >= date(2024, 1, 2)
    _accept(db, clock, cast, d7, date(2024, 1, 2))

    d1, d2, d4, d5, d6, d8 = _visit(
        db, clock, cast, date(2024, 1, 8), "贴息", "授信", "撤回的", "重复的", "超期的", "待交办"
    )
    (d3,) = _visit(db, clock, cast, date(2024, 1, 8), "招工", category=labour, by="staff")

    _route(db, clock, cast, d1, date(2024, 1, 8))
    clock.set(date(2024, 1, 8), 11)
    demands.merge_demand(db, cast.supervisor, d5, d1)
    _accept(db, clock, cast, d1, date(2024, 1, 9))
    _resolve(db, clock, cast, d1, date(2024, 1, 15))
    _follow_up(db, clock, cast, d1, date(2024, 1, 16), wf.Satisfaction.SATISFIED)
    clock.set(date(2024, 1, 17))
    demands.close_demand(db, cast.supervisor, d1)

    _route(db, clock, cast, d2, date(2024, 1, 8), cast.hr_dept)
    clock.set(date(2024, 1, 9))
    demands.return_demand(db, cast.hr_handler, d2, "不属于本部门职责")
    snap2 = _route(db, clock, cast, d2, date(2024, 1, 9), co=(cast.hr_dept,))
    assert snap2.reply_deadline and snap2.deadline
    _accept(db, clock, cast, d2, snap2.reply_deadline + timedelta(days=1))
    _resolve(db, clock, cast, d2, snap2.deadline + timedelta(days=1))
    _follow_up(db, clock, cast, d2, date(2024, 3, 25), wf.Satisfaction.UNSATISFIED)

    _route(db, clock, cast, d3, date(2024, 1, 8), cast.hr_dept)
    _accept(db, clock, cast, d3, date(2024, 1, 9), hr=True)
    _resolve(db, clock, cast, d3, date(2024, 1, 10), hr=True)
    _follow_up(db, clock, cast, d3, date(2024, 1, 11), wf.Satisfaction.BASICALLY, by="staff")

    clock.set(date(2024, 1, 10))
    demands.withdraw_demand(db, cast.cadre, d4, "企业已自行解决")

    snap6 = _route(db, clock, cast, d6, date(2024, 1, 8))
    assert snap6.deadline is not None and snap6.deadline < Q1[1]
    _accept(db, clock, cast, d6, date(2024, 1, 9))

    _resolve(db, clock, cast, d7, date(2024, 4, 2))
    return History(
        d=dict(d1=d1, d2=d2, d3=d3, d4=d4, d5=d5, d6=d6, d7=d7, d8=d8),
        d6_deadline=snap6.deadline,
        econ=econ,
        econ_a=econ_a,
        econ_b=econ_b,
        labour=labour,
        guanyinqiao=gyq,
        huaxinjie=hxj,
        wulidian=wld,
    )


# Event and demand figures of the history, as MetricRow keyword arguments.
FINANCE = dict(
    routed=3,  # d1, d2 (second 交办), d6
    accepted_on_time=2,  # d1, d6 (d2 late; d7 was routed in December: its cohort is that month)
    resolved=2,  # d1 on time, d2 late
    resolved_on_time=1,
    reopened=1,  # d2
    followed_up=2,
    satisfied=1,
    raised=3,  # d1, d2, d6 (lead now 金融办)
    resolved_or_closed=1,  # d1
    overdue=2,  # d6, and d7: open and past its deadline on 31 March (resolved on 2 April)
)
HR = dict(
    routed=2,  # d2 (first 交办), d3; not credited with d2's co-routing
    accepted_on_time=1,
    returned=1,
    resolved=1,
    resolved_on_time=1,
    followed_up=1,
    satisfied=1,
    raised=1,
    resolved_or_closed=1,
)
ALL = dict(
    routed=5,
    accepted_on_time=3,
    returned=1,
    resolved=3,
    resolved_on_time=2,
    reopened=1,
    followed_up=3,
    satisfied=2,
    raised=5,  # d1 d2 d3 d6 d8: d4 withdrawn, d5 merged, d7 raised in December
    resolved_or_closed=2,
    overdue=2,
)
STAFF = dict(
    routed=1,
    accepted_on_time=1,
    resolved=1,
    resolved_on_time=1,
    followed_up=1,
    satisfied=1,
    raised=1,
    resolved_or_closed=1,
)
CADRE = dict(  # everything but d3
    routed=4,
    accepted_on_time=2,
    returned=1,
    resolved=2,
    resolved_on_time=1,
    reopened=1,
    followed_up=2,
    satisfied=1,
    raised=4,
    resolved_or_closed=1,
    overdue=2,
)


def test_department_rows(db: Database, cast: Cast, history: History) -> None:
    report = compute_metrics(db, *Q1, "department")
    assert report.rows == tuple(
        sorted(
            [
                MetricRow(cast.finance_dept, "区金融办", **FINANCE),
                MetricRow(cast.hr_dept, "区人力社保局", **HR),
                MetricRow(history.econ, "区经济信息委", coverage_assigned=3, coverage_visited=1),
                # cadre (ea and the cast's enterprise) has no department; d8 has no lead unit
                MetricRow(None, NONE_LABELS["department"], 2, 2, raised=1),
            ],
            key=lambda r: r.label,
        )
    )


def test_total_is_the_district_once(db: Database, cast: Cast, history: History) -> None:
    expected = MetricRow(None, "全区合计", coverage_assigned=4, coverage_visited=2, **ALL)
    for by in ("department", "street", "cadre", "category"):
        report = compute_metrics(db, *Q1, by)
        assert report.total == expected, by
    total = expected
    assert total.coverage == pytest.approx(2 / 4)
    assert total.on_time_acceptance == pytest.approx(3 / 5)
    assert total.return_rate == pytest.approx(1 / 5)
    assert total.resolution_rate == pytest.approx(2 / 5)
    assert total.on_time_resolution == pytest.approx(2 / 3)
    assert total.reopen_rate == pytest.approx(1 / 3)
    assert total.satisfaction_rate == pytest.approx(2 / 3)


def test_street_rows(db: Database, cast: Cast, history: History) -> None:
    report = compute_metrics(db, *Q1, "street")
    assert [r.label for r in report.rows] == ["五里店街道", "华新街街道", "观音桥街道"]
    assert _row(report, history.guanyinqiao) == MetricRow(
        history.guanyinqiao, "观音桥街道", coverage_assigned=2, coverage_visited=2, **ALL
    )
    assert _row(report, history.huaxinjie) == MetricRow(history.huaxinjie, "华新街街道", 1, 0)
    assert _row(report, history.wulidian) == MetricRow(history.wulidian, "五里店街道", 1, 0)
    assert _row(report, history.wulidian).coverage == 0.0


def test_cadre_rows(db: Database, cast: Cast, history: History) -> None:
    report = compute_metrics(db, *Q1, "cadre")
    cadre, staff = cast.cadre.account_id, cast.street_staff.account_id
    assert report.rows == (
        MetricRow(cadre, "cadre", coverage_assigned=2, coverage_visited=2, **CADRE),
        MetricRow(staff, "staff", **STAFF),
        MetricRow(history.econ_b, "经信乙", coverage_assigned=2, coverage_visited=0),
        MetricRow(history.econ_a, "经信甲", coverage_assigned=2, coverage_visited=1),
    )


def test_category_rows_have_no_coverage_but_the_total_has(
    db: Database, cast: Cast, history: History
) -> None:
    report = compute_metrics(db, *Q1, "category")
    assert report.rows == (
        MetricRow(history.labour, "用工/人才", **STAFF),
        MetricRow(cast.financing_category, "融资", **CADRE),
    )
    assert all(r.coverage is None for r in report.rows)
    assert report.total.coverage == pytest.approx(2 / 4)


def test_department_rows_add_up_to_the_total_for_routing(
    db: Database, cast: Cast, history: History
) -> None:
    report = compute_metrics(db, *Q1, "department")
    for name in ("routed", "accepted_on_time", "returned", "resolved", "raised", "overdue"):
        assert sum(getattr(r, name) for r in report.rows) == getattr(report.total, name), name
    # coverage does not add up: the enterprise ea has a cadre in 经信委 and one without unit
    assert sum(r.coverage_assigned for r in report.rows) == 5
    assert report.total.coverage_assigned == 4


def test_period_outside_the_history_counts_nothing(db: Database, history: History) -> None:
    report = compute_metrics(db, date(2022, 7, 1), date(2022, 9, 30))
    assert report.rows == ()
    t = report.total
    assert (t.coverage, t.on_time_acceptance, t.return_rate, t.resolution_rate) == (None,) * 4
    assert (t.on_time_resolution, t.reopen_rate, t.satisfaction_rate) == (None,) * 3
    assert t.overdue == 0


def test_december_counts_the_events_of_december_only(db: Database, history: History) -> None:
    report = compute_metrics(db, date(2023, 12, 1), date(2023, 12, 31))
    t = report.total
    # d7 raised and routed in December: its 交办 is December's, judged on its accept in January
    # (within the reply limit); its resolve (April) is April's
    assert (t.raised, t.routed, t.accepted_on_time, t.resolved) == (1, 1, 1, 0)
    assert t.resolved_or_closed == 1  # d7 is resolved now
    # ea eb ec ef (deleted only in February) and the cast's enterprise were assigned; eb and
    # the cast's enterprise (d7's visit) were visited
    assert (t.coverage_assigned, t.coverage_visited) == (5, 2)


def test_overdue_is_counted_at_the_end_of_a_past_period(
    db: Database, cast: Cast, history: History
) -> None:
    # d6, and d7: open on 31 March past its January deadline, though resolved since (2 April)
    assert compute_metrics(db, *Q1).total.overdue == 2
    assert compute_metrics(db, date(2024, 4, 1), date(2024, 4, 30)).total.overdue == 1  # d6
    deadline = history.d6_deadline
    on_the_day = compute_metrics(db, Q1[0], deadline)
    assert on_the_day.as_of == deadline and on_the_day.total.overdue == 1  # d7 only
    day_after = compute_metrics(db, Q1[0], deadline + timedelta(days=1))
    assert _row(day_after, cast.finance_dept).overdue == 2
    # today before the period's end: counted at today
    early = compute_metrics(db, *Q1, today=deadline)
    assert early.as_of == deadline and early.total.overdue == 1


def test_a_step_made_at_midnight_has_not_happened_by_the_end_of_the_day_before(
    db: Database, cast: Cast, clock: Clock
) -> None:
    """超期 at the end of a day: a 办结 and a 签收 stamped 00:00:00.000000 the next morning end
    their periods then, not the day before (each demand counted once, as it stood)."""
    resolved, accepted = _visit(db, clock, cast, date(2024, 1, 8), "午夜办结", "午夜签收")
    deadline = _route(db, clock, cast, resolved, date(2024, 1, 8)).deadline
    assert deadline is not None
    _route(db, clock, cast, accepted, date(2024, 1, 8))
    _accept(db, clock, cast, resolved, date(2024, 1, 9))
    day = deadline + timedelta(days=3)
    _resolve(db, clock, cast, resolved, day + timedelta(days=1), hour=0)
    demands.accept_demand(db, cast.finance_handler, accepted)
    assert compute_metrics(db, Q1[0], day, today=day + timedelta(days=9)).total.overdue == 2
    assert compute_metrics(db, Q1[0], day + timedelta(days=1)).total.overdue == 1  # 签收 only


# --- one behaviour each ---------------------------------------------------------------------


def test_accept_after_the_reply_limit_is_not_on_time(
    db: Database, cast: Cast, clock: Clock
) -> None:
    on_time, late = _visit(db, clock, cast, date(2024, 1, 8), "按时", "逾期")
    _route(db, clock, cast, on_time, date(2024, 1, 8))
    snap = _route(db, clock, cast, late, date(2024, 1, 8))
    assert snap.reply_deadline is not None
    _accept(db, clock, cast, on_time, snap.reply_deadline)
    _accept(db, clock, cast, late, snap.reply_deadline + timedelta(days=1))
    row = compute_metrics(db, *Q1).total
    assert (row.routed, row.accepted_on_time, row.on_time_acceptance) == (2, 1, 0.5)


def test_returned_then_rerouted_counts_one_return_and_two_routes(
    db: Database, cast: Cast, clock: Clock
) -> None:
    (d,) = _visit(db, clock, cast, date(2024, 1, 8), "改派")
    _route(db, clock, cast, d, date(2024, 1, 8), cast.hr_dept)
    clock.set(date(2024, 1, 9))
    demands.return_demand(db, cast.hr_handler, d, "不属于本部门职责")
    _route(db, clock, cast, d, date(2024, 1, 9))
    report = compute_metrics(db, *Q1)
    assert (report.total.routed, report.total.returned, report.total.return_rate) == (2, 1, 0.5)
    assert (_row(report, cast.hr_dept).routed, _row(report, cast.hr_dept).returned) == (1, 1)
    assert _row(report, cast.finance_dept).return_rate == 0.0


def test_reopened_demand_counts_in_the_reopen_rate(db: Database, cast: Cast, clock: Clock) -> None:
    (d,) = _visit(db, clock, cast, date(2024, 1, 8), "重办")
    _route(db, clock, cast, d, date(2024, 1, 8))
    _accept(db, clock, cast, d, date(2024, 1, 9))
    _resolve(db, clock, cast, d, date(2024, 1, 10))
    _follow_up(db, clock, cast, d, date(2024, 1, 11), wf.Satisfaction.UNSATISFIED)
    _resolve(db, clock, cast, d, date(2024, 1, 20))
    _follow_up(db, clock, cast, d, date(2024, 1, 22), wf.Satisfaction.SATISFIED)
    t = compute_metrics(db, *Q1).total
    assert (t.resolved, t.reopened, t.reopen_rate) == (2, 1, 0.5)
    assert (t.followed_up, t.satisfied, t.satisfaction_rate) == (2, 1, 0.5)
    assert (t.raised, t.resolved_or_closed) == (1, 1)


def test_withdrawn_and_merged_demands_are_not_raised(
    db: Database, cast: Cast, clock: Clock
) -> None:
    kept, withdrawn, merged = _visit(db, clock, cast, date(2024, 1, 8), "留", "撤", "并")
    demands.withdraw_demand(db, cast.cadre, withdrawn, "企业已自行解决")
    demands.merge_demand(db, cast.supervisor, merged, kept)
    t = compute_metrics(db, *Q1).total
    assert (t.raised, t.resolved_or_closed, t.resolution_rate) == (1, 0, 0.0)


def test_coverage_needs_a_visit_in_the_period(db: Database, cast: Cast, clock: Clock) -> None:
    clock.set(date(2024, 1, 2))
    other = _enterprise(db, cast, "重庆江北未走访有限公司", cast.street_id)
    _assign(db, cast, other, cast.other_cadre.account_id, date(2023, 1, 1))
    _assign(db, cast, cast.enterprise_id, cast.other_cadre.account_id, date(2023, 1, 1))
    _visit(db, clock, cast, date(2024, 2, 1))
    _visit(db, clock, cast, date(2023, 12, 1), enterprise=other, by="supervisor")
    report = compute_metrics(db, *Q1, "cadre")
    row = _row(report, cast.other_cadre.account_id)
    assert (row.coverage_assigned, row.coverage_visited, row.coverage) == (2, 1, 0.5)
    # the cast's cadre looks after only the cast's enterprise, visited on 1 Feb
    assert [r.key for r in report.rows] == [cast.cadre.account_id, cast.other_cadre.account_id]
    mine = _row(report, cast.cadre.account_id)
    assert (mine.coverage_assigned, mine.coverage_visited) == (1, 1)


def test_co_routed_demand_is_counted_once(db: Database, cast: Cast, clock: Clock) -> None:
    (d,) = _visit(db, clock, cast, date(2024, 1, 8), "协办")
    _route(db, clock, cast, d, date(2024, 1, 8), co=(cast.hr_dept,))
    _accept(db, clock, cast, d, date(2024, 1, 9))
    report = compute_metrics(db, *Q1)
    assert report.total.routed == 1 and report.total.raised == 1
    # no row for the co-unit 人社局; the row without a unit is the cadre's coverage only
    assert [r.key for r in report.rows] == [cast.finance_dept, None]
    assert report.rows[1] == MetricRow(None, NONE_LABELS["department"], 1, 1)


def test_flagged_event_is_not_counted(db: Database, cast: Cast, clock: Clock) -> None:
    """A 签收 that arrived by sync but could not take effect (here: made by a cadre) is
    flagged by the fold and changes no figure."""
    (d,) = _visit(db, clock, cast, date(2024, 1, 8), "同步冲突")
    _route(db, clock, cast, d, date(2024, 1, 8))
    with db.session() as s:  # as a merge writes an arriving step, then folds the demand
        s.add(
            DemandEvent(
                demand_id=d,
                kind="accept",
                at=datetime(2024, 1, 9, 11),
                actor_id=cast.cadre.account_id,
                actor_role="cadre",
                department_id=cast.finance_dept,
                text="",
                data={},
            )
        )
        s.flush()
        demand = s.get(Demand, d)
        assert demand is not None
        rederive(s, demand)
    with db.read() as s:
        assert s.scalar(select(Demand.flagged).where(Demand.id == d))
    t = compute_metrics(db, *Q1).total
    assert (t.routed, t.accepted_on_time) == (1, 0)
    _accept(db, clock, cast, d, date(2024, 1, 10))  # the handler's own 签收 counts
    t = compute_metrics(db, *Q1).total
    assert (t.routed, t.accepted_on_time) == (1, 1)


def test_start_after_end_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError):
        compute_metrics(db, date(2024, 2, 1), date(2024, 1, 1))
