"""Records driven through the real services, for tests of several areas."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from liaison.data import driver
from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.sync.exchange.digest import digest
from tests.conftest import Cast, log_demands


@contextmanager
def behind(db: Database) -> Iterator[sqlite3.Connection]:
    """A plain connection to `db` behind the application's back, as someone with sqlite3 or
    psql would use (each statement commits at once)."""
    conn = db.raw()
    try:
        yield conn
    finally:
        conn.close()


def closed_demand(db: Database, cast: Cast, notes: int = 1) -> str:
    d = log_demands(db, cast, "申请流动资金贷款贴息")[0]
    demands.route_demand(
        db,
        cast.supervisor,
        d,
        lead_department_id=cast.finance_dept,
        co_department_ids=(cast.hr_dept,),
    )
    demands.accept_demand(db, cast.finance_handler, d, "已签收，安排专人对接")
    for i in range(1, notes + 1):
        demands.add_progress(
            db,
            cast.finance_handler,
            d,
            f"第{i}次进展：已与合作银行沟通授信方案，企业补充提交财务报表。",
        )
    demands.resolve_demand(
        db,
        cast.finance_handler,
        d,
        answer="已协调重庆农商行江北支行授信 500 万元，并按规定申请贷款贴息。",
        outcome=wf.Outcome.SOLVED,
        policy_basis="江北委发〔2023〕11号 第13条“缓解融资难题”",
    )
    demands.record_follow_up(
        db, cast.cadre, d, satisfaction=wf.Satisfaction.SATISFIED, text="企业对办理结果满意"
    )
    demands.close_demand(db, cast.supervisor, d, "经回访满意，予以销号")
    return d


def digest_of(path: Path) -> str:
    """`liaison digest` of the database file at `path` (opened with its key if unlocked)."""
    conn = driver.connect(path)
    try:
        return digest(conn)
    finally:
        conn.close()
