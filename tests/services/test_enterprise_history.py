"""An enterprise's visits and demands, the streets, and who may act on the enterprise screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.domain.errors import PermissionDenied
from liaison.domain.permissions import ENTERPRISE_DELETERS, ENTERPRISE_EDITORS, VISIT_ROLES
from liaison.domain.roles import Role
from liaison.domain.uscc import make_uscc
from liaison.services import demands, enterprises, visits
from liaison.services.context import Actor
from liaison.services.enterprise_history import (
    enterprise_history,
    order_ids,
    quarter_start,
    visit_refusal,
)
from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids
from liaison.services.reference_lists import list_streets
from tests.conftest import Cast


def _visit(
    db: Database, cast: Cast, day: date, summary: str, demand_titles: tuple[str, ...] = ()
) -> visits.LoggedVisit:
    return visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            enterprise_id=cast.enterprise_id,
            visit_date=day,
            mode="phone",
            summary=summary,
            participants=(
                visits.ParticipantInput("张干部", "government", account_id=cast.cadre.account_id),
                visits.ParticipantInput("李经理", "enterprise", title="财务总监"),
            ),
            demands=tuple(visits.DemandInput(cast.financing_category, t) for t in demand_titles),
        ),
    )


def _register(db: Database, cast: Cast, name: str, n: int, street_id: str | None = None) -> str:
    return enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(
            name=name, uscc=make_uscc(f"91500105MA{n:07d}"), street_id=street_id
        ),
    )


def test_visits_are_listed_newest_first_with_people_and_demand_count(
    db: Database, cast: Cast
) -> None:
    today = date.today()
    _visit(db, cast, today - timedelta(days=30), "了解用工情况")
    _visit(db, cast, today, "听取融资诉求", ("申请贷款贴息", "协调担保"))

    history = enterprise_history(db, cast.enterprise_id)

    assert [v.summary for v in history.visits] == ["听取融资诉求", "了解用工情况"]
    newest = history.visits[0]
    assert newest.mode_label == "电话走访"
    assert newest.cadres == ("张干部",)
    assert newest.guests == ("李经理",)
    assert newest.demand_count == 2
    assert history.visits[1].demand_count == 0


def test_open_demands_come_first_with_state_and_lead_unit(db: Database, cast: Cast) -> None:
    logged = _visit(db, cast, date.today(), "走访", ("旧诉求", "新诉求"))
    old, new = logged.demand_ids
    demands.withdraw_demand(db, cast.supervisor, old, "企业已自行解决")
    demands.route_demand(db, cast.supervisor, new, lead_department_id=cast.finance_dept)

    history = enterprise_history(db, cast.enterprise_id)

    assert [d.title for d in history.demands] == ["新诉求", "旧诉求"]
    routed = history.demands[0]
    assert routed.state is wf.State.ASSIGNED
    assert routed.lead_department == "区金融办"
    assert routed.category == "融资"
    assert routed.kind_label == "诉求"
    assert history.demands[1].state is wf.State.WITHDRAWN
    assert history.demands[1].lead_department is None


def test_open_demand_past_its_deadline_is_overdue(db: Database, cast: Cast) -> None:
    (demand_id,) = _visit(db, cast, date.today(), "走访", ("申请贷款贴息",)).demand_ids
    snap = demands.route_demand(
        db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept
    )
    assert snap.deadline is not None

    on_time = enterprise_history(db, cast.enterprise_id, today=snap.deadline)
    late = enterprise_history(db, cast.enterprise_id, today=snap.deadline + timedelta(days=1))

    assert not on_time.demands[0].overdue
    assert late.demands[0].overdue


def test_enterprise_without_history_has_empty_lists(db: Database, cast: Cast) -> None:
    eid = _register(db, cast, "重庆鱼嘴物流有限公司", 11)
    history = enterprise_history(db, eid)
    assert history.visits == () and history.demands == ()


def test_streets_come_in_the_official_order(db: Database) -> None:
    streets = list_streets(db)
    assert [s.name for s in streets][:3] == ["观音桥街道", "华新街街道", "五里店街道"]
    assert streets[-1].name == "五宝镇" and streets[-1].kind == "town"
    assert len(streets) == 12


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2025, 1, 1), date(2025, 1, 1)),
        (date(2025, 3, 31), date(2025, 1, 1)),
        (date(2025, 4, 1), date(2025, 4, 1)),
        (date(2025, 8, 15), date(2025, 7, 1)),
        (date(2025, 12, 31), date(2025, 10, 1)),
    ],
)
def test_quarter_start(day: date, start: date) -> None:
    assert quarter_start(day) == start


def test_order_ids_sorts_a_search_result_like_the_list(db: Database, cast: Cast) -> None:
    _register(db, cast, "重庆江北乙商贸有限公司", 21)
    _register(db, cast, "重庆江北甲科技有限公司", 22)
    found = enterprise_ids(db, EnterpriseFilter(text="江北")).ids
    assert len(found) == 3
    unsearched = enterprise_ids(db, EnterpriseFilter(sort="uscc", descending=True)).ids
    assert order_ids(db, found, "uscc", descending=True) == unsearched
    by_name = enterprise_ids(db, EnterpriseFilter(sort="name")).ids
    assert order_ids(db, list(reversed(found)), "name") == by_name
    assert order_ids(db, [], "name") == []


def test_cadre_may_log_a_visit_only_where_assigned(db: Database, cast: Cast) -> None:
    assert visit_refusal(db, cast.cadre, cast.enterprise_id) is None
    refusal = visit_refusal(db, cast.other_cadre, cast.enterprise_id)
    assert refusal is not None and "未包联" in refusal
    assert visit_refusal(db, cast.finance_handler, cast.enterprise_id) is not None
    assert visit_refusal(db, cast.supervisor, cast.enterprise_id) is None


def test_street_staff_may_log_visits_in_their_own_street(db: Database, cast: Cast) -> None:
    own = cast.enterprise_id  # registered in the staff member's street
    elsewhere = _register(db, cast, "重庆复盛建材有限公司", 31, street_id=None)
    assert visit_refusal(db, cast.street_staff, own) is None
    assert visit_refusal(db, cast.street_staff, elsewhere) is not None


def _actor_for(cast: Cast, role: Role) -> Actor:
    return {
        Role.ADMIN: cast.admin,
        Role.SUPERVISOR: cast.supervisor,
        Role.CADRE: cast.cadre,
        Role.STREET_STAFF: cast.street_staff,
        Role.HANDLER: cast.finance_handler,
    }[role]


@pytest.mark.parametrize("role", list(Role))
def test_role_sets_agree_with_the_services(db: Database, cast: Cast, role: Role) -> None:
    actor = _actor_for(cast, role)
    data = enterprises.EnterpriseInput(name="角色测试企业", uscc=make_uscc(f"91500105MA{41:07d}"))
    try:
        eid = enterprises.register_enterprise(db, actor, data)
    except PermissionDenied:
        assert role not in ENTERPRISE_EDITORS
        eid = enterprises.register_enterprise(db, cast.admin, data)
    else:
        assert role in ENTERPRISE_EDITORS
    try:
        visits.log_visit(
            db,
            actor,
            visits.VisitInput(cast.enterprise_id, date.today(), "onsite", "角色测试"),
        )
    except PermissionDenied as exc:
        assert role not in VISIT_ROLES or "包联" in str(exc) or "街镇" in str(exc)
    else:
        assert role in VISIT_ROLES
    try:
        enterprises.delete_enterprise(db, actor, eid)
    except PermissionDenied:
        assert role not in ENTERPRISE_DELETERS
    else:
        assert role in ENTERPRISE_DELETERS


def test_the_list_sorts_chinese_names_and_streets_by_pinyin(db: Database, cast: Cast) -> None:
    """江 (U+6C5F) sorts before 重 (U+91CD) by code point; people look 江北区… up under j."""
    from liaison.services.reference_lists import list_streets

    streets = {st.name: st.id for st in list_streets(db)}
    jiangbei = _register(db, cast, "江北区嘉华火锅店", 41, street_id=streets["五里店街道"])
    anhe = _register(db, cast, "重庆安和科技有限公司", 42, street_id=streets["大石坝街道"])
    names = {jiangbei: "江北区嘉华火锅店", anhe: "重庆安和科技有限公司"}
    names[cast.enterprise_id] = "重庆江北嘉陵机械有限公司"  # the cast's, 观音桥街道
    by_name = enterprise_ids(db, EnterpriseFilter(sort="name")).ids
    assert [names[i] for i in by_name] == [
        "重庆安和科技有限公司",  # chongqing anhe
        "重庆江北嘉陵机械有限公司",  # chongqing jiangbei
        "江北区嘉华火锅店",  # jiangbeiqu
    ]
    assert enterprise_ids(db, EnterpriseFilter(sort="name", descending=True)).ids == list(
        reversed(by_name)
    )
    # streets by pinyin too: 大石坝 dashiba, 观音桥 guanyinqiao, 五里店 wulidian
    by_street = enterprise_ids(db, EnterpriseFilter(sort="street")).ids
    assert by_street == [anhe, cast.enterprise_id, jiangbei]
    found = enterprise_ids(db, EnterpriseFilter(text="嘉")).ids
    assert order_ids(db, found, "name") == [cast.enterprise_id, jiangbei]
