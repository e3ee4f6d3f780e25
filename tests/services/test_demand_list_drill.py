"""The demands behind a figure of the statistics: the list holds as many as the figure says."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.services.demand_list import (
    DRILL_FIGURES,
    NO_GROUP,
    DemandFilter,
    demand_ids,
    figure_filter,
)
from liaison.services.metrics import GROUPINGS, MetricRow, compute_metrics
from tests.conftest import Cast
from tests.services.drill_world import (
    build_world,
)


def _listed(db: Database, cast: Cast, f: DemandFilter) -> int:
    found = demand_ids(db, f, cast.supervisor)
    assert not found.capped
    return len(found.ids)


@pytest.mark.parametrize("days", [0, 60])
def test_every_figure_of_every_row_lists_its_demands(db: Database, cast: Cast, days: int) -> None:
    twice = build_world(db, cast)
    end = clock.today()
    start = end - timedelta(days=days) if days else end.replace(day=1)
    checked = 0
    for by in GROUPINGS:
        report = compute_metrics(db, start, end, by)
        rows: list[tuple[MetricRow, bool]] = [(r, False) for r in report.rows]
        rows.append((report.total, True))
        for row, is_total in rows:
            for figure in DRILL_FIGURES:
                f = figure_filter(
                    figure, start, end, report.as_of, None if is_total else by, row.key
                )
                found = demand_ids(db, f, cast.supervisor)
                assert not found.capped
                # the twice-routed demand: two 交办 events, one demand, unless its two
                # units are two rows (by department)
                twice_counted = figure == "routed" and (is_total or by != "department")
                extra = int(twice_counted and twice in found.ids)
                assert len(found.ids) + extra == getattr(row, figure), (by, row.label, figure)
                checked += 1
    assert checked > 100


def test_routed_twice_is_one_demand_in_the_total(db: Database, cast: Cast) -> None:
    twice = build_world(db, cast)
    today = clock.today()
    report = compute_metrics(db, today, today, "department")
    f = figure_filter("routed", today, today, report.as_of)
    found = demand_ids(db, f, cast.supervisor).ids
    assert twice in found
    assert len(found) == report.total.routed - 1 == 5
    by_unit = {r.key: r.routed for r in report.rows}
    hr = figure_filter("routed", today, today, report.as_of, "department", cast.hr_dept)
    assert _listed(db, cast, hr) == by_unit[cast.hr_dept] == 2


def test_none_group_lists_demands_not_routed(db: Database, cast: Cast) -> None:
    build_world(db, cast)
    today = clock.today()
    report = compute_metrics(db, today, today, "department")
    none_row = next(r for r in report.rows if r.key is None)
    f = figure_filter("raised", today, today, report.as_of, "department", None)
    assert f.lead_department_id == NO_GROUP
    assert _listed(db, cast, f) == none_row.raised == 2


def test_overdue_of_a_past_period_counts_against_its_end(db: Database, cast: Cast) -> None:
    build_world(db, cast)
    today = clock.today()
    long_ago = today - timedelta(days=30)
    report = compute_metrics(db, long_ago - timedelta(days=30), long_ago, "department")
    f = figure_filter("overdue", report.start, report.end, report.as_of, "department", None)
    assert report.as_of == long_ago
    assert _listed(db, cast, f) == report.total.overdue == 0
    now = compute_metrics(db, today.replace(day=1), today, "department")
    f = figure_filter("overdue", now.start, now.end, now.as_of, "department", cast.finance_dept)
    assert _listed(db, cast, f) == 1


def test_unknown_figure_is_refused() -> None:
    from liaison.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        figure_filter("coverage_assigned", date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 31))


def test_a_figure_list_is_not_cut_at_the_finished_limit(
    db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.services import demand_list

    build_world(db, cast)
    monkeypatch.setattr(demand_list, "FINISHED_LIMIT", 0)
    today = clock.today()
    report = compute_metrics(db, today, today, "department")
    f = figure_filter("resolved_or_closed", today, today, report.as_of)
    assert report.total.resolved_or_closed == 1
    assert _listed(db, cast, f) == 1
    plain = demand_ids(db, DemandFilter(states=("followed_up",)), cast.supervisor)
    assert plain.capped and plain.ids == []
