"""Deleting a visit logged by mistake (soft), what happens to its demands, and restoring it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from liaison.data.db import Database
from liaison.data.models import Demand, DemandEvent, Visit
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound, PermissionDenied, ValidationError
from liaison.domain.uscc import make_uscc
from liaison.services import demands, enterprises, visits
from liaison.services.enterprise_history import enterprise_history
from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids
from liaison.services.metrics import compute_metrics
from liaison.services.report_data import visit_record
from liaison.services.visit_list import visit_ids, visit_rows
from liaison.services.worklist import worklist
from tests.conftest import Cast


def _log(db: Database, cast: Cast, *titles: str, day: date | None = None) -> visits.LoggedVisit:
    return visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            enterprise_id=cast.enterprise_id,
            visit_date=day or clock.today(),
            mode="onsite",
            summary="了解企业经营情况",
            demands=tuple(visits.DemandInput(cast.financing_category, t) for t in titles),
        ),
    )


def _state(db: Database, demand_id: str) -> str:
    with db.session() as s:
        demand = s.get(Demand, demand_id)
        assert demand is not None
        return demand.state


def _deleted_at(db: Database, visit_id: str) -> datetime | None:
    with db.session() as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None  # a soft delete: the row stays
        return visit.deleted_at


def test_cadre_deletes_their_own_visit_and_it_leaves_every_list(db: Database, cast: Cast) -> None:
    logged = _log(db, cast)
    assert visit_ids(db, cast.cadre) == [logged.visit_id]

    done = visits.delete_visit(db, cast.cadre, logged.visit_id, "企业选错了")

    assert done == visits.VisitDeletion(logged.visit_id, ())
    assert _deleted_at(db, logged.visit_id) is not None
    for actor in (cast.cadre, cast.street_staff, cast.supervisor, cast.admin):
        assert visit_ids(db, actor) == []
    assert enterprise_history(db, cast.enterprise_id).visits == ()
    with pytest.raises(NotFound):
        visit_record(db, logged.visit_id)


def test_deleted_visit_drops_out_of_the_metrics_and_the_unvisited_lists(
    db: Database, cast: Cast
) -> None:
    today = clock.today()
    logged = _log(db, cast)
    period = (today - timedelta(days=today.day - 1), today)
    assert compute_metrics(db, *period).total.coverage_visited == 1
    since = EnterpriseFilter(not_visited_since=today)
    assert cast.enterprise_id not in enterprise_ids(db, since).ids
    assert worklist(db, cast.cadre).sections[0].count == 0

    visits.delete_visit(db, cast.cadre, logged.visit_id, "重复登记")

    assert compute_metrics(db, *period).total.coverage_visited == 0
    assert cast.enterprise_id in enterprise_ids(db, since).ids
    assert worklist(db, cast.cadre).sections[0].count == 1


def test_new_demands_are_withdrawn_with_the_visit(db: Database, cast: Cast) -> None:
    logged = _log(db, cast, "贷款贴息", "厂房租金")
    first, second = logged.demand_ids
    demands.withdraw_demand(db, cast.cadre, second, "企业已自行解决")
    assert visits.check_visit_deletion(db, cast.cadre, logged.visit_id).withdrawn_demand_ids == (
        first,
    )

    done = visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")

    assert done.withdrawn_demand_ids == (first,)
    assert _state(db, first) == _state(db, second) == wf.State.WITHDRAWN
    with db.session() as s:
        text = s.scalar(
            select(DemandEvent.text).where(
                DemandEvent.demand_id == first, DemandEvent.kind == str(wf.EventKind.WITHDRAW)
            )
        )
    assert text == "走访记录已删除：误登"


@pytest.mark.parametrize("step", ["route", "merge"])
def test_a_visit_whose_demand_is_under_way_is_not_deleted(
    db: Database, cast: Cast, step: str
) -> None:
    logged = _log(db, cast, "贷款贴息", "厂房租金")
    first, second = logged.demand_ids
    if step == "route":
        demands.route_demand(db, cast.supervisor, first, lead_department_id=cast.finance_dept)
    else:
        demands.merge_demand(db, cast.supervisor, first, second)
    with db.session() as s:
        events_before = s.scalar(select(func.count()).select_from(DemandEvent))

    for actor in (cast.cadre, cast.supervisor):
        with pytest.raises(ValidationError, match=r"贷款贴息.*不能删除") as refused:
            visits.delete_visit(db, actor, logged.visit_id, "误登")
        assert refused.value.field == "demands"
        with pytest.raises(ValidationError, match="不能删除"):
            visits.check_visit_deletion(db, actor, logged.visit_id)

    assert _deleted_at(db, logged.visit_id) is None
    assert _state(db, second) == wf.State.NEW  # nothing withdrawn either
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DemandEvent)) == events_before


def test_cadre_may_delete_only_their_own_and_only_for_a_week(
    db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    enterprises.assign_cadre(db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id)
    logged = _log(db, cast)
    with pytest.raises(PermissionDenied, match="本人登记"):
        visits.delete_visit(db, cast.other_cadre, logged.visit_id, "误登")
    with pytest.raises(PermissionDenied):
        visits.delete_visit(db, cast.finance_handler, logged.visit_id, "误登")

    later = clock.now() + timedelta(days=visits.DELETE_WINDOW_DAYS, minutes=1)
    monkeypatch.setattr("liaison.domain.clock.now", lambda: later)
    with pytest.raises(PermissionDenied, match="超过 7 天"):
        visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")
    assert _deleted_at(db, logged.visit_id) is None
    visits.delete_visit(db, cast.street_staff, logged.visit_id, "误登")  # any time
    assert _deleted_at(db, logged.visit_id) == later


def test_street_staff_delete_only_their_streets_visits(db: Database, cast: Cast) -> None:
    elsewhere = enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(name="外街企业", uscc=make_uscc("91500105MA0000001")),
    )
    theirs = visits.log_visit(
        db,
        cast.supervisor,
        visits.VisitInput(elsewhere, clock.today(), "phone", "电话了解情况"),
    )
    with pytest.raises(PermissionDenied, match="本街镇"):
        visits.delete_visit(db, cast.street_staff, theirs.visit_id, "误登")
    visits.delete_visit(db, cast.supervisor, theirs.visit_id, "误登")
    assert _deleted_at(db, theirs.visit_id) is not None


def test_reason_is_required_and_a_visit_is_deleted_once(db: Database, cast: Cast) -> None:
    logged = _log(db, cast, "贷款贴息")
    with pytest.raises(ValidationError, match="删除原因") as missing:
        visits.delete_visit(db, cast.cadre, logged.visit_id, "  ")
    assert missing.value.field == "reason"
    assert _state(db, logged.demand_ids[0]) == wf.State.NEW
    visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")
    with pytest.raises(ValidationError, match="已删除"):
        visits.delete_visit(db, cast.supervisor, logged.visit_id, "误登")
    with pytest.raises(NotFound):
        visits.delete_visit(db, cast.supervisor, "no-such-visit", "误登")


def test_supervisors_list_and_restore_deleted_visits(db: Database, cast: Cast) -> None:
    kept = _log(db, cast, day=clock.today() - timedelta(days=1))
    logged = _log(db, cast, "贷款贴息")
    visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")
    assert visit_ids(db, cast.supervisor, deleted=True) == [logged.visit_id]
    assert visit_ids(db, cast.cadre, deleted=True) == []
    assert visit_ids(db, cast.street_staff, deleted=True) == []
    row = visit_rows(db, [logged.visit_id])[logged.visit_id]
    assert row.deleted_at is not None and row.demand_count == 1
    assert visit_rows(db, [kept.visit_id])[kept.visit_id].deleted_at is None

    for actor in (cast.cadre, cast.street_staff):
        with pytest.raises(PermissionDenied):
            visits.restore_visit(db, actor, logged.visit_id)
    visits.restore_visit(db, cast.supervisor, logged.visit_id)

    assert visit_ids(db, cast.cadre) == [logged.visit_id, kept.visit_id]
    assert visit_ids(db, cast.supervisor, deleted=True) == []
    assert [v.id for v in enterprise_history(db, cast.enterprise_id).visits] == [
        logged.visit_id,
        kept.visit_id,
    ]
    assert _state(db, logged.demand_ids[0]) == wf.State.WITHDRAWN  # stays withdrawn
    with pytest.raises(ValidationError, match="未被删除"):
        visits.restore_visit(db, cast.admin, logged.visit_id)


def test_a_visit_of_a_deleted_enterprise_is_not_restored(db: Database, cast: Cast) -> None:
    logged = _log(db, cast)
    visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")
    enterprises.delete_enterprise(db, cast.admin, cast.enterprise_id)
    with pytest.raises(ValidationError, match="请先恢复企业"):
        visits.restore_visit(db, cast.supervisor, logged.visit_id)
    assert _deleted_at(db, logged.visit_id) is not None
