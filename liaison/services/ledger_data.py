"""The rows behind the printed 诉求台账 (ledger) and the monthly 通报 (bulletin); Qt-free.

Ledger: the demands raised in [start, end] (raised_on) that match the filter (current lead unit,
the enterprise's street, category, state), oldest first. A row is 超期 when the demand is 已交办 or
办理中 and its deadline is before `as_of` (today for the ledger, the month's end for the bulletin),
the same rule as `liaison.services.metrics` uses for `overdue`.

Bulletin: `compute_metrics` by department and by street for the month, the 红黑榜 of departments
and the overdue list as of the month's end (or today, if earlier).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.text import Text
from liaison.services.calendar import calendar_for
from liaison.services.metrics import (
    OVERDUE_AT_AS_OF,
    MetricRow,
    MetricsReport,
    compute_metrics,
)

OVERDUE_STATES = ("assigned", "accepted")
FINISHED = frozenset(str(s) for s in wf.FINISHED_STATES)
OPEN = frozenset(str(s) for s in wf.OPEN_STATES)
NOT_COUNTED = frozenset({str(wf.State.WITHDRAWN), str(wf.State.MERGED)})


@dataclass(frozen=True)
class LedgerFilter:
    start: date
    end: date
    department_id: str | None = None
    street_id: str | None = None
    category_id: str | None = None
    state: str | None = None
    """A `State` value, or "open" / "finished" (see STATE_GROUPS)."""


@dataclass(frozen=True)
class LedgerRow:
    id: str
    raised_on: date
    enterprise: str
    title: str
    category: str
    lead_unit: str | None
    state: str
    state_label: str
    deadline: date | None
    resolved_on: date | None
    satisfaction: str | None
    overdue: bool
    street: str | None


@dataclass(frozen=True)
class LedgerSummary:
    raised: int
    """提出: rows except 已撤回 and 已并单 (as `raised` in the metrics)."""
    finished: int
    """已办结: state 已办结, 已回访 or 已销号."""
    open: int
    """在办: 待交办, 已交办 or 办理中."""
    overdue: int
    withdrawn_or_merged: int

    @property
    def resolution_rate(self) -> float | None:
        return self.finished / self.raised if self.raised else None


@dataclass(frozen=True)
class Ledger:
    filter: LedgerFilter
    filter_words: str
    as_of: date
    rows: tuple[LedgerRow, ...]
    summary: LedgerSummary


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _name(db: Database, table: str, key: str | None) -> str | None:
    if key is None:
        return None
    with db.read() as s:
        found = s.execute(text(f"SELECT name FROM {table} WHERE id = :k"), {"k": key}).scalar()
    return str(found) if found is not None else key


def filter_words(db: Database, f: LedgerFilter) -> str:
    """The filter in words, e.g. 牵头单位：区金融办；街镇：观音桥街道 (全部 when none)."""
    parts = []
    if f.department_id:
        parts.append(f"牵头单位：{_name(db, 'department', f.department_id)}")
    if f.street_id:
        parts.append(f"街镇：{_name(db, 'street', f.street_id)}")
    if f.category_id:
        parts.append(f"类别：{_name(db, 'category', f.category_id)}")
    if f.state in STATE_GROUPS:
        parts.append(f"状态：{STATE_GROUPS[f.state][0]}")
    elif f.state:
        try:
            parts.append(f"状态：{wf.STATE_LABELS[wf.State(f.state)]}")
        except ValueError as exc:
            raise ValidationError(Text("未知的诉求状态“{0}”", f.state), field="state") from exc
    return "；".join(parts) or "全部诉求"


_COUNT_SQL = """
    SELECT count(*)
    FROM demand d
    CROSS JOIN enterprise en ON en.id = d.enterprise_id
    WHERE d.raised_on >= :start AND d.raised_on <= :end {extra}
"""

_LEDGER_SQL = """
    SELECT d.id, d.raised_on, en.name, d.title, c.name, dep.name, d.state, d.deadline,
        d.resolved_at, d.satisfaction, st.name
    FROM demand d
    CROSS JOIN enterprise en ON en.id = d.enterprise_id
    LEFT JOIN category c ON c.id = d.category_id
    LEFT JOIN department dep ON dep.id = d.lead_department_id
    LEFT JOIN street st ON st.id = en.street_id
    WHERE d.raised_on >= :start AND d.raised_on <= :end {extra}
    ORDER BY d.raised_on, d.id
"""


STATE_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "open": ("未办结", tuple(sorted(OPEN))),
    "finished": ("已办结", tuple(sorted(FINISHED))),
}
"""Besides a `State` value, `LedgerFilter.state` accepts these groups (as the demand list)."""


def _where(f: LedgerFilter) -> tuple[str, dict[str, str]]:
    """The filter's SQL conditions (after the period's) and their parameters."""
    params: dict[str, str] = {"start": f.start.isoformat(), "end": f.end.isoformat()}
    extra = []
    for column, value, name in (
        ("d.lead_department_id", f.department_id, "dep"),
        ("en.street_id", f.street_id, "street"),
        ("d.category_id", f.category_id, "cat"),
    ):
        if value:
            extra.append(f"AND {column} = :{name}")
            params[name] = value
    if f.state in STATE_GROUPS:
        states = STATE_GROUPS[f.state][1]
        names = [f"state{i}" for i in range(len(states))]
        extra.append(f"AND d.state IN ({', '.join(':' + n for n in names)})")
        params.update(zip(names, states, strict=True))
    elif f.state:
        extra.append("AND d.state = :state")
        params["state"] = f.state
    return " ".join(extra), params


def ledger_count(db: Database, f: LedgerFilter) -> int:
    """How many rows the ledger of `f` has (without reading them)."""
    extra, params = _where(f)
    with db.read() as s:
        return int(s.execute(text(_COUNT_SQL.format(extra=extra)), params).scalar() or 0)


def ledger_data(db: Database, f: LedgerFilter, *, today: date | None = None) -> Ledger:
    if f.start > f.end:
        raise ValidationError("统计期的开始日期不能晚于结束日期", field="start")
    words = filter_words(db, f)
    as_of = today or clock.today()
    extra, params = _where(f)
    rows: list[LedgerRow] = []
    with db.read() as s:
        result = s.execute(text(_LEDGER_SQL.format(extra=extra)), params)
        for did, raised, ent, title, cat, lead, state, deadline, resolved, sat, street in result:
            dl = _day(deadline)
            rows.append(
                LedgerRow(
                    id=did,
                    raised_on=_day(raised) or f.start,
                    enterprise=ent,
                    title=title,
                    category=cat or "",
                    lead_unit=lead,
                    state=state,
                    state_label=wf.STATE_LABELS.get(wf.State(state), state),
                    deadline=dl,
                    resolved_on=_day(resolved) if state in FINISHED else None,
                    satisfaction=(wf.SATISFACTION_LABELS[wf.Satisfaction(sat)] if sat else None),
                    overdue=state in OVERDUE_STATES and dl is not None and dl < as_of,
                    street=street,
                )
            )
    summary = LedgerSummary(
        raised=sum(r.state not in NOT_COUNTED for r in rows),
        finished=sum(r.state in FINISHED for r in rows),
        open=sum(r.state in OPEN for r in rows),
        overdue=sum(r.overdue for r in rows),
        withdrawn_or_merged=sum(r.state in NOT_COUNTED for r in rows),
    )
    return Ledger(f, words, as_of, tuple(rows), summary)


# --- bulletin -------------------------------------------------------------------------------

RANK_SIZE = 5
RANK_RULE = (
    "红黑榜规则：参与排名的为本月有交办（交办数≥1）的部门；先按按期办结率、再按满意率从高到低"
    "排序（无办结或无回访的比率视为最低），仍相同时按部门名称排序。前 5 名列入红榜，"
    "末 5 名列入黑榜（部门不足 10 个时，黑榜只列红榜以外的部门）；只有本月有逾期办结、"
    "回访不满意或月末有超期诉求的部门才列入黑榜，尚未到期的不算。"
)


def _blameworthy(r: MetricRow) -> bool:
    """Something went wrong in the month: a 办结 after its deadline, a 回访 not satisfied, or
    a demand overdue at the month's end. A unit whose demands are simply not due yet is not
    put on the 黑榜."""
    return r.resolved > r.resolved_on_time or r.followed_up > r.satisfied or r.overdue > 0


def month_range(month: str) -> tuple[date, date]:
    """'2026-11' → (2026-11-01, 2026-11-30); anything else → DomainError."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", month.strip()) if isinstance(month, str) else None
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise DomainError(Text("月份格式不正确：“{0}”，应为“年-月”，如 2026-11", month))
    year, mon = int(m.group(1)), int(m.group(2))
    return date(year, mon, 1), date(year, mon, calendar.monthrange(year, mon)[1])


def _rank_key(r: MetricRow) -> tuple[float, float, str]:
    a = r.on_time_resolution
    b = r.satisfaction_rate
    return (-(a if a is not None else -1.0), -(b if b is not None else -1.0), r.label)


@dataclass(frozen=True)
class Ranking:
    ranked: tuple[MetricRow, ...]
    red: tuple[MetricRow, ...]
    black: tuple[MetricRow, ...]
    """Worst first."""


def rank_departments(report: MetricsReport) -> Ranking:
    eligible = [r for r in report.rows if r.key is not None and r.routed >= 1]
    ranked = sorted(eligible, key=_rank_key)
    red = ranked[:RANK_SIZE]
    rest = ranked[RANK_SIZE:]
    black = list(reversed([r for r in rest if _blameworthy(r)][-RANK_SIZE:]))
    return Ranking(tuple(ranked), tuple(red), tuple(black))


@dataclass(frozen=True)
class OverdueRow:
    id: str
    enterprise: str
    title: str
    lead_unit: str | None
    raised_on: date
    deadline: date
    days_over: int
    """Working days from the deadline to the as-of day (as the screens count them)."""
    state_label: str
    escalation_level: int


def overdue_as_of(db: Database, as_of: date) -> list[OverdueRow]:
    """The demands that were 已交办/办理中 at the end of `as_of` with the deadline then in force
    before it — what the figures count as 超期 (`liaison.services.metrics`) — longest overdue
    first; how long, in working days (as every screen counts them)."""
    sql = f"""
        SELECT d.id, en.name, d.title, dep.name AS lead, d.raised_on, o.deadline, o.state,
            d.escalation_level
        FROM ({OVERDUE_AT_AS_OF}) AS o
        CROSS JOIN demand d ON d.id = o.demand_id
        CROSS JOIN enterprise en ON en.id = d.enterprise_id
        LEFT JOIN department dep ON dep.id = d.lead_department_id
        ORDER BY o.deadline, d.id
    """
    out = []
    after = (as_of + timedelta(days=1)).isoformat()
    with db.read() as s:
        cal = calendar_for(s)
        for did, ent, title, lead, raised, deadline, state, level in s.execute(
            text(sql), {"as_of": as_of.isoformat(), "as_of_after": after}
        ):
            dl = _day(deadline) or as_of
            out.append(
                OverdueRow(
                    id=did,
                    enterprise=ent,
                    title=title,
                    lead_unit=lead,
                    raised_on=_day(raised) or dl,
                    deadline=dl,
                    days_over=cal.working_days_between(dl, as_of),
                    state_label=wf.STATE_LABELS.get(wf.State(state), state),
                    escalation_level=int(level or 0),
                )
            )
    return out


@dataclass(frozen=True)
class Bulletin:
    month: str
    start: date
    end: date
    as_of: date
    by_department: MetricsReport
    by_street: MetricsReport
    ranking: Ranking
    overdue: tuple[OverdueRow, ...]


def bulletin_data(db: Database, month: str, *, today: date | None = None) -> Bulletin:
    start, end = month_range(month)
    dept = compute_metrics(db, start, end, "department", today=today)
    street = compute_metrics(db, start, end, "street", today=today)
    return Bulletin(
        month=f"{start:%Y-%m}",
        start=start,
        end=end,
        as_of=dept.as_of,
        by_department=dept,
        by_street=street,
        ranking=rank_departments(dept),
        overdue=tuple(overdue_as_of(db, dept.as_of)),
    )
