"""The home screen's work list: what needs the signed-in person today, by role.

- 联络干部 (and 街镇专员 for their street): assigned enterprises not visited this quarter,
  resolved demands of their enterprises waiting for the follow-up (回访), and their enterprises'
  demands a department returned (退回).
- 部门承办人: the department's demands to accept (签收), due within 3 working days, overdue.
- 督办: new demands to route, returned demands to re-route (改派), overdue demands, extension
  requests to decide, escalated (督办) demands still open.
- 管理员: a short summary of the database, then the supervisor's sections.

Every section is counted and cut in SQL. Demands are reached through demand(state, deadline)
(the open and waiting states are a few percent of all demands: the closed history never gets
read), demand(lead_department_id, state, deadline) for a department, or a cadre's enterprises
(assignment(account_id, end_on) → demand(enterprise_id); an assignment counts from its
start_on to its end_on, `context.assignment_current`); a 退回's reason is read through
demand_event(demand_id, at). Visits through visit(enterprise_id, visit_date). Nothing scans the
demand, demand_event or visit tables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from liaison.data.db import Database, raw_connection
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.vocab import URGENCIES
from liaison.domain.workdays import DUE_SOON_WORKING_DAYS
from liaison.services.calendar import calendar_for
from liaison.services.context import ASSIGNMENT_CURRENT_SQL, Actor

ItemKind = Literal["enterprise", "demand"]

SECTION_LIMIT = 50
"""Items listed per section; the count says how many there are in all."""


@dataclass(frozen=True)
class WorkItem:
    id: str
    kind: ItemKind
    text: str
    secondary: str
    due: date | None
    overdue: bool = False
    days_over: int = 0
    """Working days past `due` (as every screen counts them), when overdue."""


@dataclass(frozen=True)
class WorkSection:
    key: str
    title: str
    count: int
    items: tuple[WorkItem, ...]


@dataclass(frozen=True)
class AdminSummary:
    accounts: int
    departments: int
    enterprises: int


@dataclass(frozen=True)
class Worklist:
    today: date
    period_start: date
    period_end: date
    sections: tuple[WorkSection, ...]
    summary: AdminSummary | None = None

    def section(self, key: str) -> WorkSection:
        return next(s for s in self.sections if s.key == key)


def quarter_of(day: date) -> tuple[date, date]:
    """The calendar quarter containing `day`: the period in which every enterprise is visited."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    following = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return start, following - timedelta(days=1)


# --- small helpers --------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _join(*parts: str | None) -> Text:
    """A line of parts: each keeps its own key and values for the UI."""
    kept = [p for p in parts if p]
    return Text(SEPARATOR.join(f"{{{i}}}" for i in range(len(kept))), *kept)


SEPARATOR = " · "
"""Between the parts of a work item's second line."""

_OPEN_WORK = f"('{wf.State.ASSIGNED}', '{wf.State.ACCEPTED}')"

_DEMAND_COLUMNS = """
    d.id, d.title, e.name AS enterprise, c.name AS category, dep.name AS lead,
    d.deadline, d.reply_deadline, d.urgency, d.escalation_level,
    d.resolved_at, d.outcome, d.pending_extension, d.raised_on
"""

_DEMAND_JOINS = """
    JOIN enterprise e ON e.id = d.enterprise_id
    JOIN category c ON c.id = d.category_id
    LEFT JOIN department dep ON dep.id = d.lead_department_id
"""


def _section(
    s: Session,
    key: str,
    title: str,
    where: str,
    params: dict[str, Any],
    order: str,
    to_item: Any,
    *,
    columns: str = _DEMAND_COLUMNS,
    joins: str = _DEMAND_JOINS,
    table: str = "demand d",
    limit: int,
) -> WorkSection:
    count = s.execute(text(f"SELECT count(*) FROM {table} WHERE {where}"), params).scalar_one()
    items: tuple[WorkItem, ...] = ()
    if count:
        if table.startswith("demand d"):
            # Cut first, join after: the joins run for `limit` rows, not for all of them.
            where = (
                f"d.id IN (SELECT d.id FROM {table} WHERE {where} ORDER BY {order} LIMIT :limit)"
            )
            table = "demand d"
        rows = s.execute(
            text(
                f"SELECT {columns} FROM {table} {joins} WHERE {where} ORDER BY {order} LIMIT :limit"
            ),
            {**params, "limit": limit},
        ).mappings()
        items = tuple(to_item(r) for r in rows)
    return WorkSection(key, title, int(count), items)


# --- cadres and street staff ----------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    """The enterprises a field worker looks after, as SQL fragments.

    A cadre: the active assignments (a handful, read from ix_assignment_account_active). Street
    staff: the street's enterprises that have a cadre; their demands are found from the state
    index first (CROSS JOIN keeps SQLite from probing every enterprise of the street)."""

    enterprises: str
    """Condition on `enterprise e`."""
    demand_table: str
    demands: str
    """Condition on `demand d` (from `demand_table`)."""
    params: dict[str, Any]


def _scope(actor: Actor, today: date) -> _Scope:
    current = ASSIGNMENT_CURRENT_SQL.format(a="a2")
    day = today.isoformat()
    if actor.role is Role.STREET_STAFF:
        return _Scope(
            "e.street_id = :street AND EXISTS (SELECT 1 FROM assignment a2 "
            f"WHERE a2.enterprise_id = e.id AND {current})",
            "demand d CROSS JOIN enterprise es ON es.id = d.enterprise_id",
            "es.street_id = :street",
            {"street": actor.street_id or "", "today": day},
        )
    mine = f"(SELECT a2.enterprise_id FROM assignment a2 WHERE a2.account_id = :me AND {current})"
    return _Scope(
        f"e.id IN {mine}",
        "demand d",
        f"d.enterprise_id IN {mine}",
        {"me": actor.account_id, "today": day},
    )


def _unvisited(s: Session, scope: _Scope, period: tuple[date, date], limit: int) -> WorkSection:
    """Looked-after enterprises without a visit since the period began: never visited first,
    then the longest unvisited. One pass over the scope reading each enterprise's latest visit
    from visit(enterprise_id, visit_date) backwards (a street has 30,000 enterprises: counting
    and ordering them in two queries took twice as long)."""
    start, end = period
    # Tens of thousands of pairs: read through sqlite3 itself (SQLAlchemy's row processing
    # would double the time).
    latest = raw_connection(s).execute(
        "SELECT e.id, (SELECT v.visit_date FROM visit v WHERE v.enterprise_id = e.id "
        "AND v.deleted_at IS NULL ORDER BY v.visit_date DESC LIMIT 1) "
        f"FROM enterprise e WHERE {scope.enterprises} AND e.deleted_at IS NULL",
        scope.params,
    )
    since = start.isoformat()
    due = sorted((str(last or ""), eid) for eid, last in latest if not last or str(last) < since)
    first = [eid for _, eid in due[:limit]]
    items: tuple[WorkItem, ...] = ()
    if first:
        marks = ", ".join(f":i{n}" for n in range(len(first)))
        names = {
            eid: (name, street)
            for eid, name, street in s.execute(
                text(
                    "SELECT e.id, e.name, st.name FROM enterprise e "
                    f"LEFT JOIN street st ON st.id = e.street_id WHERE e.id IN ({marks})"
                ),
                {f"i{n}": eid for n, eid in enumerate(first)},
            )
        }
        items = tuple(
            WorkItem(
                eid,
                "enterprise",
                names[eid][0],
                _join(names[eid][1], Text("上次走访 {0}", last) if last else "尚未走访"),
                end,
            )
            for last, eid in due[:limit]
        )
    return WorkSection("unvisited", "本季度未走访的包联企业", len(due), items)


def _field_sections(
    s: Session, actor: Actor, today: date, period: tuple[date, date], limit: int
) -> list[WorkSection]:
    scope = _scope(actor, today)
    params = scope.params
    unvisited = _unvisited(s, scope, period, limit)

    def follow_up_item(r: Any) -> WorkItem:
        resolved = _day(r["resolved_at"])
        outcome = wf.OUTCOME_LABELS.get(wf.Outcome(r["outcome"])) if r["outcome"] else None
        done = Text("{0} 办结", f"{resolved:%m-%d}") if resolved else "已办结"
        return WorkItem(
            r["id"], "demand", r["title"], _join(r["enterprise"], r["lead"], done, outcome), None
        )

    follow_up = _section(
        s,
        "follow_up",
        "待回访的诉求",
        f"{scope.demands} AND d.state = '{wf.State.RESOLVED}'",
        params,
        "d.resolved_at, d.id",
        follow_up_item,
        table=scope.demand_table,
        limit=limit,
    )

    def returned_item(r: Any) -> WorkItem:
        reason = r["reason"] or ""
        by = r["returned_by"]
        note = Text("{0}退回：{1}", by, reason) if by else Text("退回：{0}", reason)
        return WorkItem(r["id"], "demand", r["title"], _join(r["enterprise"], note), None)

    returned = _section(
        s,
        "returned",
        "被部门退回的诉求",
        f"{scope.demands} AND d.state = '{wf.State.NEW}' AND d.return_count > 0",
        params,
        "d.last_event_at DESC, d.id",
        returned_item,
        columns=_DEMAND_COLUMNS + "," + _LAST_RETURN,
        table=scope.demand_table,
        limit=limit,
    )
    return [unvisited, follow_up, returned]


_LAST_RETURN = """
    (SELECT ev.text FROM demand_event ev WHERE ev.demand_id = d.id AND ev.kind = 'return'
     ORDER BY ev.at DESC LIMIT 1) AS reason,
    (SELECT rd.name FROM demand_event ev JOIN department rd ON rd.id = ev.department_id
     WHERE ev.demand_id = d.id AND ev.kind = 'return' ORDER BY ev.at DESC LIMIT 1) AS returned_by
"""


# --- department handlers --------------------------------------------------------------------


def _deadline_item(today: date, *, reply: bool = False, hub: bool = True) -> Any:
    """A demand with a limit. The hub reads who is late first; a handler, whose unit it is,
    reads the enterprise first."""

    def item(r: Any) -> WorkItem:
        due = _day(r["reply_deadline"] if reply else r["deadline"])
        level = r["escalation_level"] or 0
        flags = Text("督办 {0} 次", level) if level else None
        urgency = URGENCIES.get(r["urgency"]) if r["urgency"] != "normal" else None
        parts = (
            (r["lead"], r["category"], r["enterprise"], urgency, flags)
            if hub
            else (r["enterprise"], r["category"], urgency, flags)
        )
        return WorkItem(
            r["id"],
            "demand",
            r["title"],
            _join(*parts),
            due,
            overdue=due is not None and due < today,
        )

    return item


def _handler_sections(s: Session, actor: Actor, today: date, limit: int) -> list[WorkSection]:
    dept = actor.department_id or ""
    soon = calendar_for(s).add_working_days(today, DUE_SOON_WORKING_DAYS)
    params = {"dept": dept, "today": today.isoformat(), "soon": soon.isoformat()}
    return [
        _section(
            s,
            "to_accept",
            "待签收",
            f"d.lead_department_id = :dept AND d.state = '{wf.State.ASSIGNED}'",
            params,
            "d.reply_deadline, d.deadline, d.id",
            _deadline_item(today, reply=True, hub=False),
            limit=limit,
        ),
        _section(
            s,
            "due_soon",
            Text("{0} 个工作日内到期", DUE_SOON_WORKING_DAYS),
            f"d.lead_department_id = :dept AND d.state IN {_OPEN_WORK} "
            "AND d.deadline >= :today AND d.deadline <= :soon",
            params,
            "d.deadline, d.id",
            _deadline_item(today, hub=False),
            limit=limit,
        ),
        _section(
            s,
            "overdue",
            "已超期",
            f"d.lead_department_id = :dept AND d.state IN {_OPEN_WORK} AND d.deadline < :today",
            params,
            "d.deadline, d.id",
            _deadline_item(today, hub=False),
            limit=limit,
        ),
    ]


# --- supervisors ----------------------------------------------------------------------------


def _supervisor_sections(s: Session, today: date, limit: int) -> list[WorkSection]:
    params = {"today": today.isoformat()}

    def new_item(r: Any) -> WorkItem:
        urgency = URGENCIES.get(r["urgency"]) if r["urgency"] != "normal" else None
        raised = _day(r["raised_on"])
        return WorkItem(
            r["id"],
            "demand",
            r["title"],
            _join(
                r["enterprise"],
                r["category"],
                Text("{0} 提出", f"{raised:%m-%d}") if raised else "",
                urgency,
            ),
            None,
        )

    def returned_item(r: Any) -> WorkItem:
        by = r["returned_by"]
        note = (
            Text("{0}退回：{1}", by, r["reason"] or "")
            if by
            else Text("退回：{0}", r["reason"] or "")
        )
        return WorkItem(
            r["id"], "demand", r["title"], _join(r["enterprise"], r["category"], note), None
        )

    def extension_item(r: Any) -> WorkItem:
        due = _day(r["deadline"])
        asked = _day(r["pending_extension"])
        note = Text("申请延至 {0}", f"{asked:%Y-%m-%d}") if asked else "申请延期"
        reason = r["reason"] or ""
        return WorkItem(
            r["id"],
            "demand",
            r["title"],
            _join(r["lead"], note, reason, r["enterprise"]),
            due,
            overdue=due is not None and due < today,
        )

    urgency_order = "CASE d.urgency WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END"
    return [
        _section(
            s,
            "to_route",
            "待交办",
            f"d.state = '{wf.State.NEW}' AND d.return_count = 0",
            params,
            f"{urgency_order}, d.raised_on, d.id",
            new_item,
            limit=limit,
        ),
        _section(
            s,
            "returned",
            "退回待改派",
            f"d.state = '{wf.State.NEW}' AND d.return_count > 0",
            params,
            "d.last_event_at, d.id",
            returned_item,
            columns=_DEMAND_COLUMNS + "," + _LAST_RETURN,
            limit=limit,
        ),
        _section(
            s,
            "overdue",
            "超期未办结",
            f"d.state IN {_OPEN_WORK} AND d.deadline < :today",
            params,
            "d.deadline, d.id",
            _deadline_item(today),
            limit=limit,
        ),
        _section(
            s,
            "extensions",
            "延期申请待审批",
            f"d.state = '{wf.State.ACCEPTED}' AND d.pending_extension IS NOT NULL",
            params,
            "d.deadline, d.id",
            extension_item,
            columns=_DEMAND_COLUMNS
            + ", (SELECT ev.text FROM demand_event ev WHERE ev.demand_id = d.id "
            "AND ev.kind = 'request_extension' ORDER BY ev.at DESC LIMIT 1) AS reason",
            limit=limit,
        ),
        _section(
            s,
            "escalated",
            "督办中",
            f"d.state IN {_OPEN_WORK} AND d.escalation_level > 0",
            params,
            "d.escalation_level DESC, d.deadline, d.id",
            _deadline_item(today),
            limit=limit,
        ),
    ]


def _summary(s: Session) -> AdminSummary:
    row = s.execute(
        text(
            "SELECT (SELECT count(*) FROM account WHERE active), "
            "(SELECT count(*) FROM department WHERE active), "
            # One row per live enterprise, and narrow: counting it does not read the
            # 150,000 enterprise rows.
            "(SELECT count(*) FROM enterprise_search)"
        )
    ).one()
    return AdminSummary(int(row[0]), int(row[1]), int(row[2]))


def worklist(
    db: Database,
    actor: Actor,
    *,
    today: date | None = None,
    limit: int = SECTION_LIMIT,
) -> Worklist:
    """The sections of the home screen for `actor`, each with its count and first items."""
    day = today or clock.today()
    period = quarter_of(day)
    summary = None
    with db.read() as s:
        if actor.role in (Role.CADRE, Role.STREET_STAFF):
            sections = _field_sections(s, actor, day, period, limit)
        elif actor.role is Role.HANDLER:
            sections = _handler_sections(s, actor, day, limit)
        else:
            sections = _supervisor_sections(s, day, limit)
            if actor.role is Role.ADMIN:
                summary = _summary(s)
        cal = calendar_for(s)
    sections = [
        replace(
            sec,
            items=tuple(
                replace(i, days_over=cal.working_days_between(i.due, day))
                if i.overdue and i.due is not None
                else i
                for i in sec.items
            ),
        )
        for sec in sections
    ]
    return Worklist(day, period[0], period[1], tuple(sections), summary)
