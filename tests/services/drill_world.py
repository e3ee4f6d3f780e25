"""A district whose every drillable figure has demands behind it (services and dashboard tests)."""

from __future__ import annotations

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.services import demands
from tests.conftest import Cast, log_demands
from tests.services.demand_builders import other_street_enterprise, overdue_demand


def _resolve(db: Database, cast: Cast, demand_id: str) -> None:
    demands.resolve_demand(
        db,
        cast.finance_handler,
        demand_id,
        answer="已协调银行授信",
        outcome=wf.Outcome.SOLVED,
        policy_basis="第13条",
    )


def build_world(db: Database, cast: Cast) -> str:
    """Demands in every step, two departments, two streets, two cadres, one overdue from
    40 days ago; one demand routed twice (退回 by 区人力社保局, then to 区金融办). Returns it."""
    overdue_demand(db, cast)
    a, b, c, r, u, _new = log_demands(
        db, cast, "贷款难", "社保缴费", "招工难", "用地", "担保", "新"
    )
    for d in (a, b, u):
        demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
        demands.accept_demand(db, cast.finance_handler, d)
    demands.route_demand(db, cast.supervisor, c, lead_department_id=cast.hr_dept)
    demands.route_demand(db, cast.supervisor, r, lead_department_id=cast.hr_dept)
    demands.return_demand(db, cast.hr_handler, r, reason="不属于本单位职责")
    demands.route_demand(db, cast.supervisor, r, lead_department_id=cast.finance_dept)
    _resolve(db, cast, a)
    demands.record_follow_up(db, cast.cadre, a, satisfaction=wf.Satisfaction.SATISFIED)
    _resolve(db, cast, u)
    demands.record_follow_up(db, cast.cadre, u, satisfaction=wf.Satisfaction.UNSATISFIED)
    elsewhere = other_street_enterprise(db, cast)
    log_demands(db, cast, "物流用地", actor=cast.other_cadre, enterprise_id=elsewhere)
    return r
