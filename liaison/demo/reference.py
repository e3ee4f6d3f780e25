"""The reference data the demo builds on, read once from the initialised database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from liaison.data.reference import HUB_CODE
from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.domain.workdays import DayOverride, WorkCalendar


@dataclass(frozen=True)
class Dept:
    id: str
    code: str
    name: str
    is_hub: bool


@dataclass(frozen=True)
class Cat:
    """A category with its routing rule and limits (what `RoutingProposal` offers)."""

    id: str
    code: str
    name: str
    reply_days: int
    resolve_days: int
    max_days: int
    extension_notice_days: int
    return_days: int
    leads: tuple[str, ...]
    responsible: tuple[str, ...]
    basis: str


@dataclass(frozen=True)
class Reference:
    device_id: str
    departments: tuple[Dept, ...]
    hub: Dept
    streets: tuple[tuple[str, str], ...]
    """(id, name) in the order of streets.json."""
    street_codes: dict[str, str]
    """Street id → code."""
    categories: dict[str, Cat]
    calendar: WorkCalendar


_NOT_READY = "数据库尚未初始化（缺少{0}），请先运行 liaison init"


def load_reference(conn: sqlite3.Connection) -> Reference:
    device = conn.execute("SELECT id FROM device WHERE is_local = 1").fetchone()
    if device is None:
        raise DomainError(Text(_NOT_READY, "本机设备"))
    departments = tuple(
        Dept(i, code, name, kind == "hub" or code == HUB_CODE)
        for i, code, name, kind in conn.execute(
            "SELECT id, code, name, kind FROM department WHERE active = 1 ORDER BY rowid"
        )
    )
    hubs = [d for d in departments if d.is_hub]
    if not departments or not hubs:
        raise DomainError(Text(_NOT_READY, "部门"))
    street_rows = conn.execute("SELECT id, name, code FROM street ORDER BY rowid").fetchall()
    streets = tuple((i, n) for i, n, _ in street_rows)
    if not streets:
        raise DomainError(Text(_NOT_READY, "街镇"))
    measures = dict(conn.execute("SELECT no, title FROM policy_measure").fetchall())
    units: dict[str, list[tuple[str, str]]] = {}
    active = {d.id for d in departments}
    for cat_id, dept_id, role in conn.execute(
        "SELECT category_id, department_id, role FROM category_unit ORDER BY category_id, position"
    ):
        if dept_id in active:
            units.setdefault(cat_id, []).append((dept_id, role))
    categories: dict[str, Cat] = {}
    for row in conn.execute(
        "SELECT id, code, name, measure_no, reply_days, resolve_days, max_days, "
        "extension_notice_days, return_days FROM category WHERE active = 1 ORDER BY rowid"
    ):
        cid, code, name, no, reply, resolve, most, notice, ret = row
        rule = units.get(cid, [])
        leads = tuple(d for d, r in rule if r == "lead") or (hubs[0].id,)
        responsible = tuple(d for d, r in rule if r == "responsible" and d not in leads)
        basis = (
            f"江北委发〔2023〕11号 第{no}条“{measures[no]}”"
            if no is not None and no in measures
            else "无对应政策条款，由区联络办人工交办"
        )
        categories[code] = Cat(
            cid, code, name, reply, resolve, most, notice, ret, leads, responsible, basis
        )
    if not categories:
        raise DomainError(Text(_NOT_READY, "诉求类别"))
    overrides = [
        DayOverride(date.fromisoformat(day), bool(work), name)
        for day, work, name in conn.execute("SELECT day, is_workday, name FROM holiday")
    ]
    return Reference(
        device_id=device[0],
        departments=departments,
        hub=hubs[0],
        streets=streets,
        street_codes={i: c for i, _, c in street_rows},
        categories=categories,
        calendar=WorkCalendar(overrides),
    )
