"""What supervisors measure (PRODUCT.md), for a period, by department, street, cadre or category.

The period is [start, end], both dates included. An event belongs to the period when the date of
its `at` (Beijing time) lies in it. Events the state machine flagged as invalid on replay
(`demand_event.flagged`) took no effect and are not counted. Every figure is counted in SQL.

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
  Both are counted when they happen, so a demand routed on the last day of a period and accepted
  in the next one counts in each period once.
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

A rate is `None` when its denominator is 0. `total` is computed directly over the district, not
by adding rows: an enterprise assigned to two cadres is one enterprise in the total.
Rows are the groups with at least one non-zero figure, sorted by label (then id).
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
class _Keys:
    """SQL for a grouping: (key expression, joins) per source table; None = not applicable."""

    events: tuple[str, str]
    demands: tuple[str, str]
    coverage: tuple[str, str] | None
    labels: str | None


_DEMAND = "JOIN demand d ON d.id = e.demand_id"
_ENTERPRISE = "JOIN enterprise en ON en.id = d.enterprise_id"

_KEYS: dict[Grouping | None, _Keys] = {
    "department": _Keys(
        events=("e.department_id", ""),
        demands=("d.lead_department_id", ""),
        coverage=("ac.department_id", "JOIN account ac ON ac.id = a.account_id"),
        labels="SELECT id, name FROM department",
    ),
    "street": _Keys(
        events=("en.street_id", f"{_DEMAND} {_ENTERPRISE}"),
        demands=("en.street_id", _ENTERPRISE),
        coverage=("en.street_id", ""),
        labels="SELECT id, name FROM street",
    ),
    "cadre": _Keys(
        events=("d.created_by", _DEMAND),
        demands=("d.created_by", ""),
        coverage=("a.account_id", ""),
        labels="SELECT id, display_name FROM account",
    ),
    "category": _Keys(
        events=("d.category_id", _DEMAND),
        demands=("d.category_id", ""),
        coverage=None,
        labels="SELECT id, name FROM category",
    ),
    None: _Keys(events=("NULL", ""), demands=("NULL", ""), coverage=("NULL", ""), labels=None),
}

_Figures = dict[str | None, dict[str, int]]


def _add(
    out: _Figures, sql: str, params: dict[str, str], names: tuple[str, ...], s: Session
) -> None:
    for key, *values in s.execute(text(sql), params):
        figures = out.setdefault(key, {})
        for name, value in zip(names, values, strict=True):
            figures[name] = figures.get(name, 0) + int(value or 0)


def _coverage(s: Session, keys: _Keys, params: dict[str, str], out: _Figures) -> None:
    if keys.coverage is None:
        return
    key, joins = keys.coverage
    sql = f"""
        WITH assigned AS (
            SELECT DISTINCT {key} AS k, a.enterprise_id AS eid
            FROM assignment a
            JOIN enterprise en ON en.id = a.enterprise_id
            {joins}
            WHERE a.start_on <= :end
              AND (a.end_on IS NULL OR a.end_on >= :start)
              AND (en.deleted_at IS NULL OR en.deleted_at >= :after)
        ),
        visited AS MATERIALIZED (
            SELECT DISTINCT enterprise_id AS eid FROM visit
            WHERE visit_date >= :start AND visit_date <= :end AND deleted_at IS NULL
        )
        SELECT assigned.k, COUNT(*), COUNT(visited.eid)
        FROM assigned LEFT JOIN visited ON visited.eid = assigned.eid
        GROUP BY assigned.k
    """
    _add(out, sql, params, ("coverage_assigned", "coverage_visited"), s)


_EVENT_FIGURES = (
    "routed",
    "accepted_on_time",
    "returned",
    "resolved",
    "resolved_on_time",
    "reopened",
    "followed_up",
    "satisfied",
)


def _events(s: Session, keys: _Keys, params: dict[str, str], out: _Figures) -> None:
    key, joins = keys.events
    sql = f"""
        SELECT {key} AS k,
            SUM(e.kind = 'route'),
            SUM(e.kind = 'accept' AND e.due IS NOT NULL AND date(e.at) <= e.due),
            SUM(e.kind = 'return'),
            SUM(e.kind = 'resolve'),
            SUM(e.kind = 'resolve' AND e.due IS NOT NULL AND date(e.at) <= e.due),
            SUM(e.kind = 'follow_up'
                AND json_extract(e.data, '$.satisfaction') = 'unsatisfied'),
            SUM(e.kind = 'follow_up'),
            SUM(e.kind = 'follow_up'
                AND json_extract(e.data, '$.satisfaction') IN ('satisfied', 'basically'))
        FROM demand_event e
        {joins}
        WHERE e.kind IN ('route', 'accept', 'return', 'resolve', 'follow_up')
          AND e.at >= :start AND e.at < :after
          AND NOT e.flagged
        GROUP BY k
    """
    _add(out, sql, params, _EVENT_FIGURES, s)


def _demands(s: Session, keys: _Keys, params: dict[str, str], out: _Figures) -> None:
    key, joins = keys.demands
    raised = f"""
        SELECT {key} AS k, COUNT(*),
            SUM(d.state IN ('resolved', 'followed_up', 'closed'))
        FROM demand d
        {joins}
        WHERE d.raised_on >= :start AND d.raised_on <= :end
          AND d.state NOT IN ('withdrawn', 'merged')
        GROUP BY k
    """
    _add(out, raised, params, ("raised", "resolved_or_closed"), s)
    overdue = f"""
        SELECT {key} AS k, COUNT(*)
        FROM demand d
        {joins}
        WHERE d.state IN ('assigned', 'accepted') AND d.deadline < :as_of
        GROUP BY k
    """
    _add(out, overdue, params, ("overdue",), s)


def _figures(s: Session, keys: _Keys, params: dict[str, str]) -> _Figures:
    out: _Figures = {}
    _coverage(s, keys, params, out)
    _events(s, keys, params, out)
    _demands(s, keys, params, out)
    return out


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
    keys = _KEYS[by]
    with db.session() as s:
        groups = _figures(s, keys, params)
        total = _figures(s, _KEYS[None], params).get(None, {})
        assert keys.labels is not None
        names: dict[str, str] = {k: v for k, v in s.execute(text(keys.labels)).tuples()}
    rows = [
        MetricRow(
            key=k,
            label=NONE_LABELS[by] if k is None else names.get(k, k),
            **{name: figures.get(name, 0) for name in _COUNTS},
        )
        for k, figures in groups.items()
        if any(figures.values())
    ]
    rows.sort(key=lambda r: (r.label, r.key or ""))
    return MetricsReport(
        start=start,
        end=end,
        by=by,
        rows=tuple(rows),
        total=MetricRow(
            key=None, label="全区合计", **{name: total.get(name, 0) for name in _COUNTS}
        ),
        as_of=as_of,
    )
