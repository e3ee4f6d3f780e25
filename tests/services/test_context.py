"""包联 counts from its start date to its end date (both included), wherever access is checked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from liaison.data.db import Database
from liaison.data.models import Assignment
from liaison.domain import clock
from liaison.domain.errors import PermissionDenied
from liaison.services import demands, enterprises, visits
from liaison.services.context import looks_after
from liaison.services.demand_list import DemandFilter, demand_ids
from liaison.services.enterprise_history import visit_refusal
from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids
from liaison.services.worklist import worklist
from tests.conftest import Cast, log_demands


def _looks_after(db: Database, cast: Cast, day: date | None = None) -> bool:
    with db.session() as s:
        return looks_after(s, cast.other_cadre.account_id, cast.enterprise_id, day)


def _visit(cast: Cast) -> visits.VisitInput:
    return visits.VisitInput(cast.enterprise_id, clock.today(), "phone", "电话了解情况")


def _mine(db: Database, cast: Cast) -> list[str]:
    return demand_ids(db, DemandFilter(mine=True), cast.other_cadre).ids


def _unvisited(db: Database, cast: Cast) -> int:
    return worklist(db, cast.other_cadre).sections[0].count


def test_an_assignment_starting_tomorrow_grants_nothing_today(db: Database, cast: Cast) -> None:
    tomorrow = clock.today() + timedelta(days=1)
    demand = log_demands(db, cast, "贷款贴息")[0]
    enterprises.assign_cadre(
        db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id, start_on=tomorrow
    )

    assert not _looks_after(db, cast)
    assert _looks_after(db, cast, day=tomorrow)
    with pytest.raises(PermissionDenied, match="未包联"):
        visits.log_visit(db, cast.other_cadre, _visit(cast))
    assert visit_refusal(db, cast.other_cadre, cast.enterprise_id) is not None
    with pytest.raises(PermissionDenied):
        demands.withdraw_demand(db, cast.other_cadre, demand, "企业已自行解决")
    assert _mine(db, cast) == []
    assert _unvisited(db, cast) == 0
    mine = EnterpriseFilter(assigned_to=cast.other_cadre.account_id)
    assert enterprise_ids(db, mine).ids == []


def test_an_assignment_ended_yesterday_grants_nothing_today(db: Database, cast: Cast) -> None:
    demand = log_demands(db, cast, "贷款贴息")[0]
    aid = enterprises.assign_cadre(
        db,
        cast.admin,
        cast.enterprise_id,
        cast.other_cadre.account_id,
        start_on=clock.today() - timedelta(days=30),
    )
    enterprises.end_assignment(db, cast.admin, aid, end_on=clock.today() - timedelta(days=1))

    assert not _looks_after(db, cast)
    assert _looks_after(db, cast, day=clock.today() - timedelta(days=1))
    with pytest.raises(PermissionDenied, match="未包联"):
        visits.log_visit(db, cast.other_cadre, _visit(cast))
    with pytest.raises(PermissionDenied):
        demands.withdraw_demand(db, cast.other_cadre, demand, "企业已自行解决")
    assert _mine(db, cast) == []
    assert _unvisited(db, cast) == 0


def test_an_assignment_counts_from_its_first_to_its_last_day(db: Database, cast: Cast) -> None:
    aid = enterprises.assign_cadre(
        db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id
    )  # from today
    assert _looks_after(db, cast)
    assert not _looks_after(db, cast, day=clock.today() - timedelta(days=1))
    assert _unvisited(db, cast) == 1
    mine = EnterpriseFilter(assigned_to=cast.other_cadre.account_id)
    assert enterprise_ids(db, mine).ids == [cast.enterprise_id]

    enterprises.end_assignment(db, cast.admin, aid)  # today is its last day
    assert _looks_after(db, cast)
    assert not _looks_after(db, cast, day=clock.today() + timedelta(days=1))
    visits.log_visit(db, cast.other_cadre, _visit(cast))


def test_street_staff_worklist_counts_only_enterprises_looked_after_today(
    db: Database, cast: Cast
) -> None:
    assert _unvisited_for_staff(db, cast) == 1
    with db.session() as s:  # the cast's cadre starts tomorrow instead
        s.execute(
            update(Assignment)
            .where(Assignment.enterprise_id == cast.enterprise_id)
            .values(start_on=clock.today() + timedelta(days=1))
        )
    assert _unvisited_for_staff(db, cast) == 0


def _unvisited_for_staff(db: Database, cast: Cast) -> int:
    return worklist(db, cast.street_staff).sections[0].count
