"""What supervisors measure (docs/rules.md), for a period, by department, street, cadre or category.

The period is [start, end], both dates included. An event belongs to the period when its date
(the first ten characters of `demand_event.at`, Beijing time) lies in it. Events flagged as
invalid after a sync (`demand_event.flagged`) took no effect and are not counted. Every figure
is counted by SQL aggregation; this module only adds up a few dozen result rows.

Each rate is a share of one cohort (docs/rules.md): the steps of one kind made in the period, each
judged on everything that became of it since, also after the period — so none exceeds 100 %.
What became of a 交办 or a 办结 is how the period it began ended (`demand_period`,
`liaison.domain.periods`): the state the next step that changed the state (or a later 交办) set.

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
  the period (a re-routing after a 退回 or an 改派 is a new 交办); `accepted_on_time` those of them
  whose 签收 (before any later 交办 of the demand) came on or before the reply limit the 交办 set
  (its `due`), whenever that 签收 happened.
- 回退率 `return_rate` = `returned` ÷ `routed`: the 交办 of the period later returned (退回 before
  any later 交办), whenever.
- 办结率 `resolution_rate` = `resolved_or_closed` ÷ `raised`. `raised` counts the demands raised in
  the period (raised_on), withdrawn (撤回) and merged (并单) ones excluded; `resolved_or_closed`
  those of them whose state now is 已办结, 已回访 or 已销号 (a reopened demand is back in 办理中
  and does not count until it is resolved again). This is the only figure that depends on the
  day the report is made, besides `overdue`.
- 按期办结率 `on_time_resolution` = `resolved_on_time` ÷ `resolved`. `resolved` counts 办结 events
  in the period (a demand resolved, reopened and resolved again counts twice);
  `resolved_on_time` those on or before the deadline in force at that moment (extensions
  included).
- 重办率 `reopen_rate` = `reopened` ÷ `resolved`: the 办结 of the period whose 回访 (the next
  one, before any later 办结) was 不满意, which reopened the demand.
- 满意率 `satisfaction_rate` = `satisfied` (回访 events in the period with 满意 or 基本满意) ÷
  `followed_up` (回访 events in the period).
- 超期 `overdue` counts the demands that were 已交办 or 办理中 at the end of `as_of` = the earlier
  of the period's end and today, with the deadline then in force (set by the last 交办, approved
  延期 or 重办 by then) before `as_of`: for a past period, what was overdue on its last day,
  whatever happened to it since: the demand's period running at the end of `as_of` has that
  state and that deadline (`OVERDUE_AT_AS_OF`).

Grouping of the event figures: by department, the unit on the cohort's event (the
unit routed to for 交办 and so for its 签收 and 退回, the handler's unit for 办结 and its
重办, the lead unit for 回访); co-units (协办) are not credited with a 交办. By street,
cadre and category: the demand's enterprise's street, the account that recorded the
demand (`demand.created_by`) and the demand's category. The demand figures (raised,
resolved_or_closed, overdue) by department use the demand's current lead unit (none
while 待交办, shown as "未交办/无所属单位"), and by cadre the account that recorded the demand.

A rate is `None` when its denominator is 0. `total` is the district's figures: every event and
every demand falls in exactly one row of any grouping (the "none" row included; a co-routed
demand is counted for its lead unit only), so those totals are the sums of the rows; coverage is
counted again for the district, because an enterprise can fall in several rows (two cadres,
cadres of two departments) and is one enterprise in the total. Rows are the groups with at least
one non-zero figure, sorted by label (then id).

The figures come from a few independent read-only queries (coverage, the event figures by kind,
the demand figures) run two at a time on their own connections (`WORKERS`), each in its own read
transaction: a write committed while they run may be seen by some of them only, as if the report
had been made a moment earlier for those figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import partial
from typing import Literal, get_args

from sqlalchemy import text
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import ValidationError
from liaison.domain.text import Text

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


RATE_SHARES: dict[str, tuple[str, str]] = {
    "coverage": ("coverage_visited", "coverage_assigned"),
    "on_time_acceptance": ("accepted_on_time", "routed"),
    "return_rate": ("returned", "routed"),
    "resolution_rate": ("resolved_or_closed", "raised"),
    "on_time_resolution": ("resolved_on_time", "resolved"),
    "reopen_rate": ("reopened", "resolved"),
    "satisfaction_rate": ("satisfied", "followed_up"),
}
"""Each rate of a `MetricRow` (its property) as (numerator, denominator) among its figures,
in the order the screens and the table show them."""


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

    def share(self, rate: str) -> float | None:
        """The rate named in `RATE_SHARES`; None when its denominator is 0."""
        numerator, denominator = RATE_SHARES[rate]
        return _rate(getattr(self, numerator), getattr(self, denominator))

    @property
    def coverage(self) -> float | None:
        """走访覆盖率"""
        return self.share("coverage")

    @property
    def on_time_acceptance(self) -> float | None:
        """按期签收率"""
        return self.share("on_time_acceptance")

    @property
    def return_rate(self) -> float | None:
        """回退率"""
        return self.share("return_rate")

    @property
    def resolution_rate(self) -> float | None:
        """办结率"""
        return self.share("resolution_rate")

    @property
    def on_time_resolution(self) -> float | None:
        """按期办结率"""
        return self.share("on_time_resolution")

    @property
    def reopen_rate(self) -> float | None:
        """重办率"""
        return self.share("reopen_rate")

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率"""
        return self.share("satisfaction_rate")


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
    """How one grouping finds the group of an event, a demand and an assigned enterprise."""

    event_key: str | None
    """None: an event is in the group of its demand (`demand_key`)."""
    demand_key: str
    demand_joins: str
    coverage: str | None
    """Rows of (is_total, group, assigned, visited); None: coverage is counted for the total
    only."""
    coverage_total: Literal["query", "rows", "sum"]
    """Where the district's coverage comes from: its own query (`_COVERAGE_TOTAL`), a row of
    `coverage` (is_total = 1) or the sum of the groups (every enterprise is in one group)."""
    labels: str
    """id → label of the groups."""
    coverage_pg: str | None = None
    """`coverage` as PostgreSQL needs it, where its spelling differs."""
    coverage_total_pg: Literal["query", "rows", "sum"] | None = None
    """`coverage_total` with `coverage_pg`, where it differs."""


# Whether an assignment is active in the period; not "end_on IS NULL OR ...": an OR here makes
# SQLite pick a slow index.
_ACTIVE = "a.start_on <= :end AND coalesce(a.end_on, :end) >= :start"
_LIVE = "a.enterprise_id NOT IN (SELECT id FROM enterprise WHERE deleted_at < :after)"
"""The assignment's enterprise is not deleted on or before the period's end."""
_VISITED = """EXISTS (
    SELECT 1 FROM visit v
    WHERE v.enterprise_id = a.enterprise_id
      AND v.visit_date >= :start AND v.visit_date <= :end
      AND v.deleted_at IS NULL
)"""
"""The assignment's enterprise has a visit in the period: one probe of ix_visit_enterprise_date."""

# One row per enterprise assigned in the period: the index on assignment.enterprise_id delivers
# them grouped, so no sort.
_PER_ENTERPRISE = f"""
    SELECT a.enterprise_id AS eid, {_VISITED} AS visited
    FROM assignment a
    WHERE {_ACTIVE}
    GROUP BY a.enterprise_id
"""
_COVERAGE_TOTAL = f"""
    SELECT count(*), count(*) FILTER (WHERE visited) FROM (
        SELECT {_VISITED} AS visited
        FROM assignment a
        WHERE {_ACTIVE} AND {_LIVE}
        GROUP BY a.enterprise_id
    ) AS per_enterprise
"""

# CROSS JOIN keeps SQLite's join order as written: the driving table first.
_SQL: dict[Grouping, _Sql] = {
    "department": _Sql(
        event_key="e.department_id",
        demand_key="d.lead_department_id",
        demand_joins="",
        # one pass in enterprise order (no sort) gives the district's figure too: each
        # enterprise with the departments of its cadres (ix_account_metric_keys), then counted
        # once per department
        coverage=f"""
            WITH assigned AS MATERIALIZED (
                SELECT json_group_array(DISTINCT ac.department_id) AS groups,
                    {_VISITED} AS visited
                FROM assignment a
                CROSS JOIN account ac ON ac.id = a.account_id
                WHERE {_ACTIVE} AND {_LIVE}
                GROUP BY a.enterprise_id
            )
            SELECT 1, NULL, count(*), count(*) FILTER (WHERE visited) FROM assigned
            UNION ALL
            SELECT 0, g.value, count(*), count(*) FILTER (WHERE assigned.visited)
            FROM assigned, json_each(assigned.groups) AS g
            GROUP BY g.value
        """,
        # PostgreSQL: each (enterprise, department) once, the district's coverage by its own
        # query on the other connection — measured, its arrays (one per enterprise, unnested
        # again) took longer than the probes: 398 against 249 + 154 ms on two connections
        coverage_pg=f"""
            SELECT 0, x.department_id, count(*), count(*) FILTER (WHERE x.visited) FROM (
                SELECT ac.department_id, {_VISITED} AS visited
                FROM assignment a
                JOIN account ac ON ac.id = a.account_id
                WHERE {_ACTIVE} AND {_LIVE}
                GROUP BY a.enterprise_id, ac.department_id
            ) AS x
            GROUP BY x.department_id
        """,
        coverage_total_pg="query",
        coverage_total="rows",
        labels="SELECT id, name FROM department",
    ),
    "street": _Sql(
        event_key=None,
        demand_key="en.street_id",
        demand_joins="CROSS JOIN enterprise en ON en.id = d.enterprise_id",
        # an enterprise has one street: each is counted in one row (so the total is the sum)
        coverage=f"""
            SELECT 0, en.street_id, count(*), count(*) FILTER (WHERE x.visited)
            FROM ({_PER_ENTERPRISE}) AS x
            CROSS JOIN enterprise en ON en.id = x.eid
            WHERE en.deleted_at IS NULL OR en.deleted_at >= :after
            GROUP BY en.street_id
        """,
        coverage_total="sum",
        labels="SELECT id, name FROM street",
    ),
    "cadre": _Sql(
        event_key=None,
        demand_key="d.created_by",
        demand_joins="",
        # a cadre's enterprises arrive in order (ix_assignment_account_enterprise): GROUP BY
        # needs no sort, only the sets of distinct enterprises
        coverage=f"""
            SELECT 0, a.account_id, count(DISTINCT a.enterprise_id),
                count(DISTINCT CASE WHEN {_VISITED} THEN a.enterprise_id END)
            FROM assignment a
            WHERE {_ACTIVE} AND {_LIVE}
            GROUP BY a.account_id
        """,
        coverage_total="query",
        labels="SELECT id, display_name FROM account",
    ),
    "category": _Sql(
        event_key=None,
        demand_key="d.category_id",
        demand_joins="",
        coverage=None,
        coverage_total="query",
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


_DISTRICT = "\0district"
"""The key of the district's coverage among the coverage figures (no group has it)."""


def _coverage(s: Session, q: _Sql, params: dict[str, str]) -> _Figures:
    """Coverage per group and, when `q.coverage_total` is "rows", the district's.

    Every active assignment (or assigned enterprise) probes the visit index once:
    ix_visit_enterprise_date answers "visited in the period" from the index alone, about as
    fast as a per-month summary table would.
    """
    out: _Figures = {}
    coverage = q.coverage_pg if q.coverage_pg and _on_postgresql(s) else q.coverage
    if coverage is not None:
        for is_total, key, assigned, visited in s.execute(text(coverage), params):
            figures = out.setdefault(_DISTRICT if is_total else key, {})
            figures.update(coverage_assigned=int(assigned), coverage_visited=int(visited or 0))
    return out


def _coverage_total(s: Session, params: dict[str, str]) -> _Figures:
    """The district's coverage: each assigned enterprise once, in one pass over the assignments
    in enterprise order (no sort)."""
    assigned, visited = s.execute(text(_COVERAGE_TOTAL), params).one()
    return {_DISTRICT: {"coverage_assigned": int(assigned), "coverage_visited": int(visited or 0)}}


_COHORTS = (
    (
        "demand_period",
        "route",
        {
            "routed": "count(*)",
            # ended by its 签收 (the only step from 已交办 to 办理中) on or before the reply
            # limit this 交办 set (its `due`)
            "accepted_on_time": (
                "count(*) FILTER (WHERE e.end_state = 'accepted' AND {day_end} <= e.due)"
            ),
            # ended by a 退回 (the only step from 已交办 back to 待交办)
            "returned": "count(*) FILTER (WHERE e.end_state = 'new')",
        },
    ),
    (
        "demand_period",
        "resolve",
        {
            "resolved": "count(*)",
            "resolved_on_time": "count(*) FILTER (WHERE {day_e} <= e.due)",
            # ended by a 不满意 回访 (the only step from 已办结 back to 办理中): 重办
            "reopened": "count(*) FILTER (WHERE e.end_state = 'accepted')",
        },
    ),
    (
        "demand_event",
        "follow_up",
        {
            "followed_up": "count(*)",
            "satisfied": (
                "count(*) FILTER (WHERE e.data ->> 'satisfaction' IN ('satisfied', 'basically'))"
            ),
        },
    ),
)
"""The cohorts: (where their members are, the kind of the step that enters one, the figures
counted over them). Each 交办 and 办结 that took effect begins a period (`demand_period`,
`liaison.domain.periods`) that keeps how it ended; a 回访's own data says how it went."""


def _events(
    s: Session, q: _Sql, params: dict[str, str], cohort: tuple[str, str, dict[str, str]]
) -> _Figures:
    """The figures of one cohort per group: the steps of a kind made in the period (`at` is
    'YYYY-MM-DD HH:MM:SS...', so its first ten characters are its date), each judged on what
    became of it since, also after the period — so no share exceeds 100 %. A step without a
    limit (due NULL) is never on time. When the group is the demand's, each step looks its
    demand up in ix_demand_metric_keys (and the demand's enterprise in
    ix_enterprise_metric_keys); the rest comes from ix_demand_period_cohort or
    ix_demand_event_kind_at alone."""
    table, kind, figures = cohort
    group = q.event_key or q.demand_key
    joins = "" if q.event_key else f"CROSS JOIN demand d ON d.id = e.demand_id {q.demand_joins}"
    took_effect = "AND NOT e.flagged" if table == "demand_event" else ""
    names = tuple(figures)
    sql = f"""
        SELECT {group} AS k, {", ".join(figures.values())}
        FROM {table} e
        {joins}
        WHERE e.kind = '{kind}'
          AND e.at >= :start AND e.at < :after
          {took_effect}
        GROUP BY k
    """
    sql = sql.replace("{day_end}", _day(s, "e.end_at")).replace("{day_e}", _day(s, "e.at"))
    out: _Figures = {}
    _add(s, out, sql, params, names)
    return out


def _on_postgresql(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _day(s: Session, time: str) -> str:
    """The date of the time column `time`, comparable with a `due` date."""
    if _on_postgresql(s):
        return f"{time}::date"
    return f"substr({time}, 1, 10)"  # 'YYYY-MM-DD HH:MM:SS...' as SQLite stores it


_OVERDUE_PERIOD = """p.state IN ('assigned', 'accepted') AND p.at < :as_of_after
    AND p.deadline < :as_of"""

OVERDUE_AT_AS_OF = f"""
    SELECT p.demand_id, p.deadline, p.state FROM demand_period p
    WHERE p.end_at >= :as_of_after AND {_OVERDUE_PERIOD}
    UNION ALL
    SELECT p.demand_id, p.deadline, p.state FROM demand_period p
    WHERE p.end_at IS NULL AND {_OVERDUE_PERIOD}
"""
"""(demand_id, deadline, state) of the demands 超期 at the end of the as-of day: the periods
running then (begun before :as_of_after, the day after, and ended on it or later, or not yet)
with the demand 已交办 or 办理中, past the deadline then in force (set by the last 交办, approved
延期 or 重办) at :as_of. Two ranges of ix_demand_period_running — periods that ended after the
day, and those that go on: one range with an OR made PostgreSQL read the whole table. Periods
of a demand never overlap, so each demand comes once."""


def _demands(s: Session, q: _Sql, params: dict[str, str]) -> _Figures:
    out: _Figures = {}
    raised = f"""
        SELECT {q.demand_key} AS k, count(*),
            count(*) FILTER (WHERE d.state IN ('resolved', 'followed_up', 'closed'))
        FROM demand d
        {q.demand_joins}
        WHERE d.raised_on >= :start AND d.raised_on <= :end
          AND d.state NOT IN ('withdrawn', 'merged')
        GROUP BY k
    """
    _add(s, out, raised, params, ("raised", "resolved_or_closed"))
    # the group of each of the few overdue demands looked up one by one: PostgreSQL, unable
    # to tell how few they are, would otherwise hash the whole demand table
    overdue = f"""
        SELECT (SELECT {q.demand_key} FROM demand d {q.demand_joins} WHERE d.id = o.demand_id)
            AS k, count(*)
        FROM ({OVERDUE_AT_AS_OF}) AS o
        GROUP BY k
    """
    _add(s, out, overdue, params, ("overdue",))
    return out


def _labels(s: Session, q: _Sql) -> dict[str, str]:
    return {k: v for k, v in s.execute(text(q.labels))}


WORKERS = 2
"""Connections the figures are read on at once; 1 reads them all in one read transaction."""


def _read_all(db: Database, queries: Sequence[Callable[[Session], _Figures]]) -> list[_Figures]:
    """The results of `queries`, read on `WORKERS` connections at once.

    sqlite3 releases the GIL while a statement runs, so two connections use two cores; each
    query then runs in its own read transaction. Give the longest first, so that the workers
    finish at about the same time.
    """
    if WORKERS == 1:
        with db.read() as s:
            return [query(s) for query in queries]
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="metrics") as pool:
        futures = [pool.submit(_read, db, query) for query in queries]
        return [f.result() for f in futures]


def _read[T](db: Database, query: Callable[[Session], T]) -> T:
    with db.read() as s:
        return query(s)


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
        raise ValidationError(Text("未知的统计口径“{0}”", by), field="by")
    if start > end:
        raise ValidationError("统计期的开始日期不能晚于结束日期", field="start")
    as_of = min(end, today or clock.today())
    params = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "after": (end + timedelta(days=1)).isoformat(),
        "as_of": as_of.isoformat(),
        "as_of_after": (as_of + timedelta(days=1)).isoformat(),
    }
    q = _SQL[by]
    queries = [partial(_coverage, q=q, params=params)]
    total_by = q.coverage_total
    if q.coverage_total_pg and db.engine.dialect.name == "postgresql":
        total_by = q.coverage_total_pg
    if total_by == "query":
        queries.append(partial(_coverage_total, params=params))
    # longest first, so that the workers finish at about the same time
    queries += [partial(_events, q=q, params=params, cohort=cohort) for cohort in _COHORTS[:2]]
    queries.append(partial(_demands, q=q, params=params))
    queries += [partial(_events, q=q, params=params, cohort=cohort) for cohort in _COHORTS[2:]]
    groups: _Figures = {}
    for part in _read_all(db, queries):
        for key, figures in part.items():
            into = groups.setdefault(key, {})
            for name, value in figures.items():
                into[name] = into.get(name, 0) + value
    with db.read() as s:
        labels = _labels(s, q)
    # Every event and every demand falls in exactly one group (the "none" group included),
    # so their district figures are the sums of the groups. Coverage is not additive (an
    # enterprise can have cadres in several groups): the district's is counted apart, except
    # by street where every enterprise is in one group.
    total = groups.pop(_DISTRICT, {})
    for figures in groups.values():
        for name, value in figures.items():
            if q.coverage_total == "sum" or not name.startswith("coverage_"):
                total[name] = total.get(name, 0) + value
    rows = [
        _row(k, NONE_LABELS[by] if k is None else labels.get(k, k), figures)
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
