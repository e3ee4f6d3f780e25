"""What supervisors measure (PRODUCT.md), for a period, by department, street, cadre or category.

The period is [start, end], both dates included. An event belongs to the period when its date
(the first ten characters of `demand_event.at`, Beijing time) lies in it. Events flagged as
invalid after a sync (`demand_event.flagged`) took no effect and are not counted. Every figure
is counted by SQL aggregation; this module only adds up a few dozen result rows.

Figures of a row (the denominator of each rate is the figure after the ÷):

- 走访覆盖率 `coverage` = `coverage_visited` ÷ `coverage_assigned`. `coverage_assigned` counts the
  enterprises with a 包联 assignment active at some time in the period (start_on ≤ end and end_on
  empty or ≥ start); enterprises deleted on or before the period's end are left out.
  `coverage_visited` counts those of them with at least one visit (not deleted) dated in the
  period, whoever made it. By street: the enterprise's street. By cadre: the assignment's account,
  so an enterprise with two cadres counts once for each. By department: the department of the
  assigned cadre's account (an enterprise counts once per department). By category: not
  applicable, the rows show 0 and `None`; the total has it.
- 按期签收率 `on_time_acceptance` = `accepted_on_time` ÷ `routed`. `routed` counts 交办 events in
  the period (a re-routing after a 退回 or an 改派 is a new 交办); `accepted_on_time` counts 签收
  events in the period on or before the reply limit the step was held to (`demand_event.due`).
  Both are counted when they happen: a demand routed on the last day of a period and accepted in
  the next counts in each period once (so a period that clears a backlog can exceed 100 %).
- 回退率 `return_rate` = `returned` (退回 events in the period) ÷ `routed`.
- 办结率 `resolution_rate` = `resolved_or_closed` ÷ `raised`. `raised` counts the demands raised in
  the period (raised_on), withdrawn (撤回) and merged (并单) ones excluded; `resolved_or_closed`
  those of them whose state now is 已办结, 已回访 or 已销号 (a reopened demand is back in 办理中
  and does not count until it is resolved again). This is the only figure that depends on the
  day the report is made, besides `overdue`.
- 按期办结率 `on_time_resolution` = `resolved_on_time` ÷ `resolved`. `resolved` counts 办结 events
  in the period (a demand resolved, reopened and resolved again counts twice);
  `resolved_on_time` those on or before the deadline in force at that moment (extensions
  included).
- 重办率 `reopen_rate` = `reopened` (回访 events in the period with 不满意, which reopen the demand)
  ÷ `resolved`.
- 满意率 `satisfaction_rate` = `satisfied` (回访 events in the period with 满意 or 基本满意) ÷
  `followed_up` (回访 events in the period).
- 超期 `overdue` counts the demands that are 已交办 or 办理中 now and whose deadline is before
  `as_of` = the earlier of the period's end and today: for a past period, the demands that were
  already overdue at its end and are still open.

Grouping of the event figures: by department, the unit on the event (the lead unit for 交办, the
handler's unit for 签收/退回/办结, the lead unit for 回访); co-units (协办) are not credited with
a 交办. By street, cadre and category: the demand's enterprise's street, the account that
recorded the demand (`demand.created_by`) and the demand's category. The demand figures (raised,
resolved_or_closed, overdue) by department use the demand's current lead unit (none while
待交办, shown as "未交办/无所属单位"), and by cadre the account that recorded the demand.

A rate is `None` when its denominator is 0. `total` is the district's figures: every event and
every demand falls in exactly one row of any grouping (the "none" row included; a co-routed
demand is counted for its lead unit only), so those totals are the sums of the rows; coverage is
counted again for the district, because an enterprise can fall in several rows (two cadres,
cadres of two departments) and is one enterprise in the total. Rows are the groups with at least
one non-zero figure, sorted by label (then id).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Literal, get_args

from sqlalchemy import text
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import ValidationError

Grouping = Literal["department", "street", "cadre", "category"]
GROUPINGS: tuple[Grouping, ...] = get_args(Grouping)

GROUPING_LABELS: dict[Grouping, str] = {
    "department": "部门",
    "street": "街镇",
    "cadre": "干部",
    "category": "类别",
}

TOTAL_LABEL = "全区合计"

NONE_LABELS: dict[Grouping, str] = {
    "department": "未交办/无所属单位",
    "street": "未填街镇",
    "cadre": "未记录",
    "category": "未分类",
}


def _rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class MetricRow:
    key: str | None
    """The group's id (department, street, account or category); None for "none"."""
    label: str
    coverage_assigned: int = 0
    coverage_visited: int = 0
    routed: int = 0
    accepted_on_time: int = 0
    returned: int = 0
    raised: int = 0
    resolved_or_closed: int = 0
    resolved: int = 0
    resolved_on_time: int = 0
    reopened: int = 0
    followed_up: int = 0
    satisfied: int = 0
    overdue: int = 0

    @property
    def coverage(self) -> float | None:
        """走访覆盖率"""
        return _rate(self.coverage_visited, self.coverage_assigned)

    @property
    def on_time_acceptance(self) -> float | None:
        """按期签收率"""
        return _rate(self.accepted_on_time, self.routed)

    @property
    def return_rate(self) -> float | None:
        """回退率"""
        return _rate(self.returned, self.routed)

    @property
    def resolution_rate(self) -> float | None:
        """办结率"""
        return _rate(self.resolved_or_closed, self.raised)

    @property
    def on_time_resolution(self) -> float | None:
        """按期办结率"""
        return _rate(self.resolved_on_time, self.resolved)

    @property
    def reopen_rate(self) -> float | None:
        """重办率"""
        return _rate(self.reopened, self.resolved)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率"""
        return _rate(self.satisfied, self.followed_up)


_COUNTS = tuple(f.name for f in fields(MetricRow) if f.name not in ("key", "label"))


@dataclass(frozen=True)
class MetricsReport:
    start: date
    end: date
    by: Grouping
    rows: tuple[MetricRow, ...]
    total: MetricRow
    as_of: date
    """The day `overdue` is counted against: the earlier of `end` and today."""


@dataclass(frozen=True)
class _Sql:
    """How one grouping finds the group of an event, a demand and an assignment."""

    event_key: str | None
    """None: an event is in the group of its demand (`demand_key`)."""
    demand_key: str
    demand_joins: str
    coverage_key: str | None
    """None: coverage is not counted per group (only for the total)."""
    coverage_joins: str
    labels: str
    """id → label of the groups."""


# CROSS JOIN keeps SQLite's join order as written: the driving table first.
_SQL: dict[Grouping, _Sql] = {
    "department": _Sql(
        event_key="e.department_id",
        demand_key="d.lead_department_id",
        demand_joins="",
        coverage_key="ac.department_id",
        coverage_joins="CROSS JOIN account ac ON ac.id = a.account_id",
        labels="SELECT id, name FROM department",
    ),
    "street": _Sql(
        event_key=None,
        demand_key="en.street_id",
        demand_joins="CROSS JOIN enterprise en ON en.id = d.enterprise_id",
        coverage_key="en.street_id",
        coverage_joins="CROSS JOIN enterprise en ON en.id = a.enterprise_id",
        labels="SELECT id, name FROM street",
    ),
    "cadre": _Sql(
        event_key=None,
        demand_key="d.created_by",
        demand_joins="",
        coverage_key="a.account_id",
        coverage_joins="",
        labels="SELECT id, display_name FROM account",
    ),
    "category": _Sql(
        event_key=None,
        demand_key="d.category_id",
        demand_joins="",
        coverage_key=None,
        coverage_joins="",
        labels="SELECT id, name FROM category",
    ),
}

_Figures = dict[str | None, dict[str, int]]


def _add(
    s: Session, out: _Figures, sql: str, params: dict[str, str], names: tuple[str, ...]
) -> None:
    """Run `sql` (rows of key, *figures) and add its figures to `out` under their key."""
    for key, *values in s.execute(text(sql), params):
        figures = out.setdefault(key, {})
        for name, value in zip(names, values, strict=True):
            figures[name] = figures.get(name, 0) + int(value or 0)


def _coverage(s: Session, q: _Sql, params: dict[str, str], out: _Figures) -> dict[str, int]:
    """Coverage per group (added to `out`); returns the district's.

    One pass over the assignments in enterprise order (the index on assignment.enterprise_id,
    so no sort): one row per enterprise assigned in the period, with the distinct groups its
    assignments fall in and whether it was visited (the visit index answers per enterprise).
    The total counts these rows once each; the groups count them once per group.
    """
    keys = f"json_group_array(DISTINCT {q.coverage_key})" if q.coverage_key else "'[]'"
    sql = f"""
        WITH assigned AS MATERIALIZED (
            SELECT a.enterprise_id AS eid,
                {keys} AS groups,
                EXISTS (
                    SELECT 1 FROM visit v
                    WHERE v.enterprise_id = a.enterprise_id
                      AND v.visit_date >= :start AND v.visit_date <= :end
                      AND v.deleted_at IS NULL
                ) AS visited
            FROM assignment a
            {q.coverage_joins}
            WHERE a.start_on <= :end
              -- not "end_on IS NULL OR ...": an OR here makes SQLite pick a slow index
              AND coalesce(a.end_on, :end) >= :start
              AND a.enterprise_id NOT IN (
                  SELECT id FROM enterprise WHERE deleted_at < :after
              )
            GROUP BY a.enterprise_id
        )
        SELECT 1, NULL, count(*), sum(visited) FROM assigned
        UNION ALL
        SELECT 0, g.value, count(*), sum(assigned.visited)
        FROM assigned, json_each(assigned.groups) AS g
        GROUP BY g.value
    """
    total: dict[str, int] = {}
    for is_total, key, assigned, visited in s.execute(text(sql), params):
        figures = total if is_total else out.setdefault(key, {})
        figures.update(coverage_assigned=int(assigned), coverage_visited=int(visited or 0))
    return total


_STEPS = """
    CASE e.kind
        WHEN 'route' THEN 'routed'
        WHEN 'return' THEN 'returned'
        WHEN 'accept' THEN
            iif(substr(e.at, 1, 10) <= e.due, 'accepted_on_time', 'accepted_late')
        ELSE iif(substr(e.at, 1, 10) <= e.due, 'resolved_on_time', 'resolved_late')
    END
"""
_FOLLOW_UPS = """
    CASE json_extract(e.data, '$.satisfaction')
        WHEN 'satisfied' THEN 'satisfied'
        WHEN 'basically' THEN 'satisfied'
        WHEN 'unsatisfied' THEN 'reopened'
        ELSE 'followed_up_other'
    END
"""


def _events(s: Session, q: _Sql, params: dict[str, str], out: _Figures) -> None:
    """The event figures per group, counted by event time.

    `at` is stored as 'YYYY-MM-DD HH:MM:SS...', so its first ten characters are its date; a
    step without a limit (due NULL) is never on time. Events are counted per group and step
    (a short code), so the sort behind GROUP BY carries two values per event, not its columns;
    回访 are counted apart as only they need `data`. When the group is the demand's, the events
    are first counted per demand, so each demand is looked up once, not once per event.
    """
    for kinds, step in (
        ("'route', 'accept', 'return', 'resolve'", _STEPS),
        ("'follow_up'", _FOLLOW_UPS),
    ):
        events = f"""
            FROM demand_event e
            WHERE e.kind IN ({kinds})
              AND e.at >= :start AND e.at < :after
              AND NOT e.flagged
        """
        if q.event_key is not None:
            sql = f"SELECT {q.event_key} AS k, {step} AS step, count(*) {events} GROUP BY k, step"
        else:
            sql = f"""
                SELECT {q.demand_key} AS k, x.step, sum(x.n)
                FROM (
                    SELECT e.demand_id, {step} AS step, count(*) AS n
                    {events}
                    GROUP BY e.demand_id, step
                ) AS x
                CROSS JOIN demand d ON d.id = x.demand_id
                {q.demand_joins}
                GROUP BY k, x.step
            """
        for key, name, n in s.execute(text(sql), params):
            figures = out.setdefault(key, {})
            for figure in _STEP_FIGURES[name]:
                figures[figure] = figures.get(figure, 0) + int(n)


_STEP_FIGURES: dict[str, tuple[str, ...]] = {
    "routed": ("routed",),
    "returned": ("returned",),
    "accepted_on_time": ("accepted_on_time",),
    "accepted_late": (),
    "resolved_on_time": ("resolved", "resolved_on_time"),
    "resolved_late": ("resolved",),
    "satisfied": ("followed_up", "satisfied"),
    "reopened": ("followed_up", "reopened"),
    "followed_up_other": ("followed_up",),
}
"""What each counted step adds to: a 办结 on time is also a 办结, every 回访 a 回访."""


def _demands(s: Session, q: _Sql, params: dict[str, str], out: _Figures) -> None:
    raised = f"""
        SELECT {q.demand_key} AS k, count(*),
            sum(d.state IN ('resolved', 'followed_up', 'closed'))
        FROM demand d
        {q.demand_joins}
        WHERE d.raised_on >= :start AND d.raised_on <= :end
          AND d.state NOT IN ('withdrawn', 'merged')
        GROUP BY k
    """
    _add(s, out, raised, params, ("raised", "resolved_or_closed"))
    overdue = f"""
        SELECT {q.demand_key} AS k, count(*)
        FROM demand d
        {q.demand_joins}
        WHERE d.state IN ('assigned', 'accepted') AND d.deadline < :as_of
        GROUP BY k
    """
    _add(s, out, overdue, params, ("overdue",))


def _row(key: str | None, label: str, figures: dict[str, int]) -> MetricRow:
    return MetricRow(key, label, **{name: figures.get(name, 0) for name in _COUNTS})


def compute_metrics(
    db: Database,
    start: date,
    end: date,
    by: Grouping = "department",
    *,
    today: date | None = None,
) -> MetricsReport:
    """The figures of the period [start, end] per group of `by`, and for the whole district."""
    if by not in GROUPINGS:
        raise ValidationError(f"未知的统计口径“{by}”", field="by")
    if start > end:
        raise ValidationError("统计期的开始日期不能晚于结束日期", field="start")
    as_of = min(end, today or clock.today())
    params = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "after": (end + timedelta(days=1)).isoformat(),
        "as_of": as_of.isoformat(),
    }
    q = _SQL[by]
    groups: _Figures = {}
    with db.session() as s:
        coverage_total = _coverage(s, q, params, groups)
        _events(s, q, params, groups)
        _demands(s, q, params, groups)
        names: dict[str, str] = {k: v for k, v in s.execute(text(q.labels))}
    # Every event and every demand falls in exactly one group (the "none" group included),
    # so their district figures are the sums of the groups. Coverage is not additive (an
    # enterprise can have cadres in several groups): its total is counted directly above.
    total: dict[str, int] = dict(coverage_total)
    for figures in groups.values():
        for name, value in figures.items():
            if not name.startswith("coverage_"):
                total[name] = total.get(name, 0) + value
    rows = [
        _row(k, NONE_LABELS[by] if k is None else names.get(k, k), figures)
        for k, figures in groups.items()
        if any(figures.values())
    ]
    rows.sort(key=lambda r: (r.label, r.key or ""))
    return MetricsReport(
        start=start,
        end=end,
        by=by,
        rows=tuple(rows),
        total=_row(None, TOTAL_LABEL, total),
        as_of=as_of,
    )
