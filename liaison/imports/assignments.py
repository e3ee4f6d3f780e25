"""Import 包联 lists (which cadre looks after which enterprise) from Excel or CSV, with a preview
first: each row is parsed (`_parse_assignment`), then planned against what is registered
(`_plan_assignment`), as enterprise rows are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import (
    Account,
    Assignment,
    Enterprise,
)
from liaison.domain import clock
from liaison.domain.errors import ValidationError
from liaison.domain.ids import new_id
from liaison.domain.permissions import ASSIGNABLE, ASSIGNERS
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.uscc import normalize_uscc
from liaison.imports.cells import (
    check_uscc,
    clean_name,
    parse_bool,
    parse_date,
)
from liaison.imports.headers import (
    ASSIGNMENT_FIELDS,
    clean_text,
    find_header,
)
from liaison.imports.rows import (
    CHUNK,
    WRITTEN,
    FieldChange,
    ImportPreview,
    ImportResult,
    RowResult,
    RowStatus,
    cells_getter,
    chunks,
    column_labels,
    data_rows,
    error_row,
    hidden_rows,
    result_of,
    table_of,
)
from liaison.imports.table_reader import Table as Sheet
from liaison.imports.table_reader import read_table
from liaison.services.context import Actor, assignment_open, audit_values
from liaison.sync.log import oplog

# ---------------------------------------------------------------------------------------------
# 包联 lists
# ---------------------------------------------------------------------------------------------


@dataclass
class _AssignmentPlan:
    row: int
    status: RowStatus
    assignment_id: str
    enterprise_id: str
    account_id: str
    is_lead: bool
    start_on: date


@dataclass
class _People:
    by_username: dict[str, tuple[str, str, str, bool]]
    by_display: dict[str, list[tuple[str, str, str, bool]]]
    """(id, display name, role, active)."""


def _load_people(s: Session) -> _People:
    by_username: dict[str, tuple[str, str, str, bool]] = {}
    by_display: dict[str, list[tuple[str, str, str, bool]]] = {}
    for aid, username, display, role, active in s.execute(
        select(Account.id, Account.username, Account.display_name, Account.role, Account.active)
    ):
        rec = (aid, display, role, bool(active))
        by_username[username.lower()] = rec
        by_display.setdefault("".join(clean_text(display).split()), []).append(rec)
    return _People(by_username, by_display)


def _find_cadre(text: str, people: _People) -> tuple[str, str]:
    """(account id, display name) or ValueError with the reason."""
    shown = clean_text(text)
    key = "".join(shown.split())
    rec = people.by_username.get(key.lower())
    if rec is None:
        matches = people.by_display.get(key, [])
        live = [m for m in matches if m[3]]
        if len(live) > 1:
            raise ValueError(f"包联干部“{shown}”有 {len(live)} 个同名账号（请改填用户名）")
        if not matches:
            raise ValueError(f"包联干部“{shown}”没有对应的账号")
        rec = live[0] if live else matches[0]
    aid, display, role, active = rec
    if not active:
        raise ValueError(f"包联干部“{display}”的账号已停用")
    if role not in ASSIGNABLE:
        raise ValueError(f"“{display}”不是联络干部或街镇专员")
    return aid, display


_Target = tuple[str, str, str | None]
"""A registered enterprise: (id, name, street id)."""


@dataclass
class _Registered:
    """What the rows are checked against, read once."""

    live: dict[str, _Target]
    """uscc → the enterprise."""
    by_name: dict[str, list[str]]
    """name → the uscc of every enterprise so named."""
    people: _People
    current: dict[tuple[str, str], tuple[str, bool, date]]
    """(enterprise id, account id) → (assignment id, is lead, start) of the 包联 in force."""


def _load_registered(s: Session) -> _Registered:
    live: dict[str, _Target] = {}
    by_name: dict[str, list[str]] = {}
    for eid, uscc, name, street_id in s.execute(
        select(Enterprise.id, Enterprise.uscc, Enterprise.name, Enterprise.street_id).where(
            Enterprise.deleted_at.is_(None)
        )
    ):
        live[uscc] = (eid, name, street_id)
        by_name.setdefault(name, []).append(uscc)
    current: dict[tuple[str, str], tuple[str, bool, date]] = {}
    for aid, eid, acc, lead, start in s.execute(
        select(
            Assignment.id,
            Assignment.enterprise_id,
            Assignment.account_id,
            Assignment.is_lead,
            Assignment.start_on,
        ).where(assignment_open())
    ):
        current[(eid, acc)] = (aid, bool(lead), start)
    return _Registered(live, by_name, _load_people(s), current)


@dataclass
class _ParsedAssignment:
    """One row's cells, read and checked; `problems` says what is wrong with it."""

    row: int
    problems: list[str]
    uscc: str
    target: _Target | None
    account: tuple[str, str] | None
    is_lead: bool
    lead_given: bool
    start_given: date | None
    shown: dict[str, Any]
    """What the report shows of the row: name, uscc and cadre as registered (or as typed)."""


def _target_of(
    get: Callable[[str], str], reg: _Registered, problems: list[str]
) -> tuple[str, _Target | None]:
    """(uscc, the registered enterprise) of a row, by 信用代码 or else by name."""
    name = clean_name(get("name"))
    if clean_text(get("uscc")):
        try:
            uscc = check_uscc(get("uscc"))
        except ValueError as exc:
            problems.append(str(exc))
            return normalize_uscc(get("uscc")), None
        target = reg.live.get(uscc)
        if target is None:
            problems.append(f"统一社会信用代码 {uscc} 尚未登记（请先导入企业名单）")
        return uscc, target
    if not name:
        problems.append("缺少统一社会信用代码和企业名称")
        return "", None
    codes = reg.by_name.get(name, [])
    if len(codes) > 1:
        problems.append(f"企业名称“{name}”对应多家企业（请填写统一社会信用代码）")
    elif not codes:
        problems.append(f"企业“{name}”尚未登记（请先导入企业名单）")
    else:
        return codes[0], reg.live[codes[0]]
    return "", None


def _parse_assignment(
    n: int, get: Callable[[str], str], reg: _Registered, actor: Actor | None
) -> _ParsedAssignment:
    problems: list[str] = []
    uscc, target = _target_of(get, reg, problems)
    account: tuple[str, str] | None = None
    cadre_text = get("cadre")
    if not clean_text(cadre_text):
        problems.append("缺少包联干部")
    else:
        try:
            account = _find_cadre(cadre_text, reg.people)
        except ValueError as exc:
            problems.append(str(exc))
    lead_given = bool(clean_text(get("is_lead")))
    try:
        is_lead = parse_bool(get("is_lead"), True)
    except ValueError as exc:
        problems.append(str(exc))
        is_lead = True
    try:
        start_given = parse_date(get("start_on"))
    except ValueError as exc:
        problems.append(str(exc).replace("日期", "开始日期", 1))
        start_given = None
    if (
        target is not None
        and actor is not None
        and actor.role is Role.STREET_STAFF
        and target[2] != actor.street_id
    ):
        problems.append(f"“{target[1]}”不在本街镇：只能为本街镇的企业安排包联干部")
    shown = {
        "name": target[1] if target else clean_name(get("name")),
        "uscc": uscc,
        "cadre": account[1] if account else clean_text(cadre_text),
    }
    return _ParsedAssignment(
        n, problems, uscc, target, account, is_lead, lead_given, start_given, shown
    )


def _plan_assignment(
    p: _ParsedAssignment, target: _Target, account: tuple[str, str], reg: _Registered, today: date
) -> tuple[RowResult, _AssignmentPlan | None]:
    """What importing a good row does: a new 包联, changes to the one in force, or nothing."""
    n, kw = p.row, p.shown
    existing = reg.current.get((target[0], account[0]))
    if existing is None:
        start = p.start_given or today
        plan = _AssignmentPlan(n, RowStatus.NEW, new_id(), target[0], account[0], p.is_lead, start)
        return RowResult(n, RowStatus.NEW, enterprise_id=target[0], **kw), plan
    aid, old_lead, old_start = existing
    changes: list[FieldChange] = []
    new_lead = p.is_lead if p.lead_given else old_lead
    new_start = p.start_given or old_start
    if new_lead != old_lead:
        changes.append(
            FieldChange(
                "is_lead", "是否牵头", "是" if old_lead else "否", "是" if new_lead else "否"
            )
        )
    if new_start != old_start:
        changes.append(
            FieldChange("start_on", "开始日期", old_start.isoformat(), new_start.isoformat())
        )
    if not changes:
        return RowResult(n, RowStatus.UNCHANGED, enterprise_id=target[0], **kw), None
    plan = _AssignmentPlan(n, RowStatus.UPDATE, aid, target[0], account[0], new_lead, new_start)
    result = RowResult(n, RowStatus.UPDATE, changes=tuple(changes), enterprise_id=target[0], **kw)
    return result, plan


def _analyse_assignments(
    s: Session, table: Sheet, actor: Actor | None
) -> tuple[ImportPreview, list[_AssignmentPlan]]:
    header = find_header(
        table.rows,
        ASSIGNMENT_FIELDS,
        required_any=("cadre",),
        source=table.source,
        what="包联名单",
    )
    if "uscc" not in header.columns and "name" not in header.columns:
        raise ValidationError(Text("文件“{0}”缺少“统一社会信用代码”或“企业名称”列", table.source))
    reg = _load_registered(s)
    today = clock.today()
    results: list[RowResult] = []
    plans: list[_AssignmentPlan] = []
    first_row: dict[tuple[str, str], int] = {}
    for n, cells in data_rows(table, header):
        p = _parse_assignment(n, cells_getter(cells, header), reg, actor)
        if p.target is not None and p.account is not None:
            first = first_row.setdefault((p.target[0], p.account[0]), n)
            if first != n:
                p.problems.insert(0, f"与第 {first} 行重复（同一企业、同一包联干部）")
                results.append(error_row(n, p.problems, duplicate_of=first, **p.shown))
                continue
        if p.problems or p.target is None or p.account is None:
            results.append(error_row(n, p.problems, **p.shown))
            continue
        result, plan = _plan_assignment(p, p.target, p.account, reg, today)
        results.append(result)
        if plan is not None:
            plans.append(plan)
    results += hidden_rows(table, header)
    preview = ImportPreview(
        "assignments",
        table.source,
        header.row,
        column_labels(header),
        header.ignored,
        tuple(results),
    )
    return preview, plans


def preview_assignments(
    db: Database, path: Path | str, actor: Actor | None = None
) -> ImportPreview:
    """What importing the 包联 list at `path` would do, row by row; writes nothing. With the
    `actor` who will import it, rows outside a street staff's own street show as errors."""
    table = read_table(path)
    with db.read() as s:
        return _analyse_assignments(s, table, actor)[0]


def import_assignments(db: Database, actor: Actor, path: Path | str) -> ImportResult:
    """Put the listed cadres in charge of the listed enterprises (包联), in one unit of work.

    An assignment that is already active is updated (牵头, start date) rather than repeated."""
    actor.require(*ASSIGNERS)
    table = read_table(path)
    with db.session() as s, db.holding(f"正在导入包联名单 {Path(path).name}"):
        preview, plans = _analyse_assignments(s, table, actor)
        _write_assignments(s, actor, plans)
        return result_of(preview)


def _assignment_values(p: _AssignmentPlan, actor: Actor, now: datetime) -> dict[str, Any]:
    return {
        "id": p.assignment_id,
        "enterprise_id": p.enterprise_id,
        "account_id": p.account_id,
        "is_lead": p.is_lead,
        "start_on": p.start_on,
        "end_on": None,
        **audit_values(actor, now),
    }


def _write_assignments(s: Session, actor: Actor, plans: list[_AssignmentPlan]) -> None:
    now = clock.now()
    table = table_of("assignment")
    oplog.touch(
        s, "assignment", [p.assignment_id for p in plans if p.status in WRITTEN]
    )  # sync sees them
    new = [p for p in plans if p.status is RowStatus.NEW]
    for chunk in chunks(new, CHUNK):
        s.execute(insert(table), [_assignment_values(p, actor, now) for p in chunk])
    changed = [
        {"b_id": p.assignment_id, "b_lead": p.is_lead, "b_start": p.start_on}
        for p in plans
        if p.status is RowStatus.UPDATE
    ]
    if changed:
        s.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                is_lead=bindparam("b_lead"),
                start_on=bindparam("b_start"),
                updated_at=now,
                updated_by=actor.account_id,
                updated_device=actor.device_id,
            ),
            changed,
        )
