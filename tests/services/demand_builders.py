"""Demands at a chosen moment, overdue, or in another street: for the list, drill and loop tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.services import demands, enterprises
from liaison.services.reference_lists import list_streets
from tests.conftest import Cast, log_demands

OTHER_USCC = "91500105MA5U3X8P3H"


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    """Run services as if it were `moment` (Beijing time)."""
    real = clock.now
    clock.now = lambda: moment
    try:
        yield
    finally:
        clock.now = real


def raise_demand(
    db: Database, cast: Cast, title: str, *, on: date | None = None, enterprise_id: str = ""
) -> str:
    actor = cast.other_cadre if enterprise_id else cast.cadre
    return log_demands(db, cast, title, actor=actor, enterprise_id=enterprise_id, on=on)[0]


def route(db: Database, cast: Cast, demand_id: str, *co: str) -> wf.Snapshot:
    return demands.route_demand(
        db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept, co_department_ids=co
    )


def overdue_demand(db: Database, cast: Cast, title: str = "超期的贷款诉求") -> str:
    """Raised and routed 40 days ago: its 15-working-day deadline has passed."""
    past = clock.now() - timedelta(days=40)
    with at(past):
        d = raise_demand(db, cast, title, on=past.date())
        route(db, cast, d)
    return d


def other_street_enterprise(db: Database, cast: Cast) -> str:
    street = next(s.id for s in list_streets(db) if s.id != cast.street_id)
    eid = enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(name="重庆鱼嘴物流有限公司", uscc=OTHER_USCC, street_id=street),
    )
    enterprises.assign_cadre(db, cast.admin, eid, cast.other_cadre.account_id)
    return eid
