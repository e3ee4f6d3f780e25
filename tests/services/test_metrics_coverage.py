"""走访覆盖率 in every grouping over one small district (Q1 2024), built through the services.

The coverage queries differ per grouping (metrics.py): these cases pin what each must agree on.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from liaison.data.db import Database
from liaison.data.models import Department, Street, Visit
from liaison.domain.roles import Role
from liaison.domain.uscc import make_uscc
from liaison.services import accounts, enterprises, visits
from liaison.services.metrics import GROUPINGS, MetricsReport, compute_metrics
from tests.conftest import Cast

Q1 = (date(2024, 1, 1), date(2024, 3, 31))


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime(2023, 6, 1, 9, 0)
        monkeypatch.setattr("liaison.domain.clock.now", lambda: self.now)

    def set(self, day: date, hour: int = 9) -> None:
        self.now = datetime(day.year, day.month, day.day, hour, 0)


def _id(db: Database, model: type[Department | Street], name: str) -> str:
    with db.session() as s:
        found = s.scalar(select(model.id).where(model.name == name))
    assert found, name
    return found


class District:
    """Cadres a1, a2 (区经济信息委), b1 (区金融办), n1 (no department); enterprises:

    e1 观音桥: a1 until 31 Jan and again from 1 Mar; visited 10 Feb.
    e2 华新街: a1, a2 and n1; not visited.
    e3 no street: b1; visited 31 Mar (the period's last day).
    e4 观音桥: b1; visited 1 Jan; deleted 2 Apr (after the period: still counted).
    e5 华新街: a2; visited; deleted 31 Mar (on the period's last day: left out).
    e6 观音桥: a2 from 1 Apr (after the period); visited.
    e7 华新街: n1; its only visit in the period is deleted.
    """

    def __init__(self, db: Database, cast: Cast, clock: Clock) -> None:
        self.econ = _id(db, Department, "区经济信息委")
        self.finance = cast.finance_dept
        self.gyq = _id(db, Street, "观音桥街道")
        self.hxj = _id(db, Street, "华新街街道")
        self.a1, self.a2, self.b1, self.n1 = (
            accounts.create_account(
                db,
                cast.admin,
                username=name,
                display_name=name,
                role=Role.CADRE,
                password="password-123",
                department_id=dept,
            )
            for name, dept in (
                ("a1", self.econ),
                ("a2", self.econ),
                ("b1", self.finance),
                ("n1", None),
            )
        )
        streets = (self.gyq, self.hxj, None, self.gyq, self.hxj, self.gyq, self.hxj)
        self.e1, self.e2, self.e3, self.e4, self.e5, self.e6, self.e7 = (
            enterprises.register_enterprise(
                db,
                cast.admin,
                enterprises.EnterpriseInput(
                    name=f"重庆覆盖{i}号有限公司",
                    uscc=make_uscc(f"91500105MB{i:07d}"),
                    street_id=street,
                ),
            )
            for i, street in enumerate(streets, 1)
        )
        start = date(2023, 6, 1)
        first = enterprises.assign_cadre(db, cast.admin, self.e1, self.a1, start_on=start)
        for enterprise, account in (
            (self.e2, self.a1),
            (self.e2, self.a2),
            (self.e2, self.n1),
            (self.e3, self.b1),
            (self.e4, self.b1),
            (self.e5, self.a2),
            (self.e7, self.n1),
        ):
            enterprises.assign_cadre(db, cast.admin, enterprise, account, start_on=start)
        for day, enterprise in (
            (date(2024, 1, 1), self.e4),
            (date(2024, 2, 1), self.e7),
            (date(2024, 2, 10), self.e1),
            (date(2024, 2, 20), self.e5),
            (date(2024, 3, 31), self.e3),
            (date(2024, 3, 31), self.e6),
        ):
            clock.set(day)
            visits.log_visit(
                db,
                cast.supervisor,
                visits.VisitInput(
                    enterprise_id=enterprise, visit_date=day, mode="onsite", summary="走访"
                ),
            )
        with db.session() as s:  # there is no service to delete a visit yet
            s.execute(
                update(Visit).where(Visit.enterprise_id == self.e7).values(deleted_at=clock.now)
            )
        clock.set(date(2024, 3, 31))
        enterprises.end_assignment(db, cast.admin, first, end_on=date(2024, 1, 31))
        enterprises.assign_cadre(db, cast.admin, self.e1, self.a1, start_on=date(2024, 3, 1))
        clock.set(date(2024, 3, 31), hour=18)
        enterprises.delete_enterprise(db, cast.admin, self.e5)
        clock.set(date(2024, 4, 2))
        enterprises.delete_enterprise(db, cast.admin, self.e4)
        enterprises.assign_cadre(db, cast.admin, self.e6, self.a2, start_on=date(2024, 4, 1))


@pytest.fixture
def district(db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch) -> District:
    # the cast's own enterprise is assigned from today: outside Q1 2024
    return District(db, cast, Clock(monkeypatch))


def _coverage(report: MetricsReport) -> dict[str | None, tuple[int, int]]:
    return {
        r.key: (r.coverage_assigned, r.coverage_visited) for r in report.rows if r.coverage_assigned
    }


def test_the_district_total_is_the_same_in_every_grouping(db: Database, district: District) -> None:
    totals = {
        by: (r.total.coverage_assigned, r.total.coverage_visited)
        for by in GROUPINGS
        for r in [compute_metrics(db, *Q1, by)]
    }
    # e1, e2, e3, e4, e7 assigned; e1, e3, e4 visited
    assert totals == dict.fromkeys(GROUPINGS, (5, 3))


def test_by_department_an_enterprise_counts_once_per_department(
    db: Database, district: District
) -> None:
    assert _coverage(compute_metrics(db, *Q1, "department")) == {
        district.econ: (2, 1),  # e1, e2 (two econ cadres: once)
        district.finance: (2, 2),  # e3, e4
        None: (2, 0),  # e2, e7 by n1
    }


def test_by_cadre_an_enterprise_assigned_twice_counts_once(
    db: Database, district: District
) -> None:
    assert _coverage(compute_metrics(db, *Q1, "cadre")) == {
        district.a1: (2, 1),  # e1 (two assignments in the period), e2
        district.a2: (1, 0),  # e2; e5 deleted, e6 from April
        district.b1: (2, 2),
        district.n1: (2, 0),
    }


def test_by_street_every_enterprise_is_in_one_row(db: Database, district: District) -> None:
    report = compute_metrics(db, *Q1, "street")
    assert _coverage(report) == {
        district.gyq: (2, 2),  # e1, e4
        district.hxj: (2, 0),  # e2, e7
        None: (1, 1),  # e3
    }


def test_by_category_only_the_total_has_coverage(db: Database, district: District) -> None:
    report = compute_metrics(db, *Q1, "category")
    assert _coverage(report) == {}
    assert (report.total.coverage_assigned, report.total.coverage_visited) == (5, 3)
