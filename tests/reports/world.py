"""A small district with demands in March 2026, for the ledger, bulletin and report-limit tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.reports.ledger import LedgerFilter
from liaison.services import demands
from tests.conftest import Cast, log_demands

MONDAY = datetime(2026, 3, 2, 9, 30)


class Clock:
    """clock.now() under the test's control."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
        self.at = at
        monkeypatch.setattr(clock, "now", lambda: self.at)


@dataclass
class World:
    db: Database
    cast: Cast
    clock: Clock
    closed: str
    overdue: str
    in_hand: str
    new: str


def build_world(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> World:
    """March 2026: one demand closed (满意), one routed to 区金融办 and left to run over its
    deadline, one accepted by 区人力社保局 with a deadline after the check date, one 待交办."""
    c = Clock(monkeypatch, MONDAY)
    closed, overdue, in_hand, new = log_demands(
        db,
        cast,
        "申请流动资金贷款贴息",
        "申请创业担保贷款",
        "招工难需要协助招聘",
        "咨询上市培育政策",
    )
    demands.route_demand(db, cast.supervisor, closed, lead_department_id=cast.finance_dept)
    demands.accept_demand(db, cast.finance_handler, closed, "已签收")
    c.at = MONDAY + timedelta(days=3)
    demands.resolve_demand(
        db,
        cast.finance_handler,
        closed,
        answer="已协调授信 500 万元",
        outcome=wf.Outcome.SOLVED,
        policy_basis="江北委发〔2023〕11号",
    )
    demands.record_follow_up(db, cast.cadre, closed, satisfaction=wf.Satisfaction.SATISFIED)
    demands.close_demand(db, cast.supervisor, closed, "销号")
    demands.route_demand(db, cast.supervisor, overdue, lead_department_id=cast.finance_dept)
    demands.accept_demand(db, cast.finance_handler, overdue, "已签收")
    c.at = MONDAY + timedelta(days=30)
    demands.route_demand(db, cast.supervisor, in_hand, lead_department_id=cast.hr_dept)
    demands.accept_demand(db, cast.hr_handler, in_hand, "已签收")
    c.at = datetime(2026, 4, 2, 9, 0)
    return World(db, cast, c, closed, overdue, in_hand, new)


MARCH = LedgerFilter(date(2026, 3, 1), date(2026, 3, 31))
