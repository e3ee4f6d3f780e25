"""Import enterprise rosters from Excel (.xlsx) or CSV, with a preview first.

`preview_*` reads the file and tells, row by row (Excel row numbers), what importing would do:
new / update (with the changes) / unchanged / error (with a precise Chinese reason). `import_*`
writes every good row in one unit of work and reindexes the search for what it touched;
importing the same file again changes nothing.

Real files are messy: title rows above the header, merged cells, headers in any order and under
synonyms, full-width characters, codes in lower case, phone numbers stored as numbers, dates as
Excel dates, serial numbers or "2021年5月18日", blank and duplicate rows. A blank cell never
clears what is already registered; a column that is not in the file is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from liaison.data import search as search_index
from liaison.data.db import Database, raw_connection
from liaison.data.models import (
    Contact,
    Enterprise,
    EnterpriseTag,
    Street,
)
from liaison.domain import clock
from liaison.domain.errors import ValidationError
from liaison.domain.ids import new_id
from liaison.domain.permissions import ENTERPRISE_EDITORS
from liaison.domain.text import Text
from liaison.domain.uscc import normalize_uscc
from liaison.domain.vocab import INDUSTRIES, SCALES
from liaison.imports.cells import (
    StreetMatcher,
    check_uscc,
    clean_name,
    clean_person,
    parse_date,
    parse_industry,
    parse_phone,
    parse_scale,
    parse_tags,
)
from liaison.imports.headers import (
    ENTERPRISE_FIELDS,
    FIELD_LABELS,
    clean_text,
    find_header,
)
from liaison.imports.rows import (
    CHUNK,
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
from liaison.services.context import Actor, audit_values
from liaison.sync.log import oplog

# ---------------------------------------------------------------------------------------------
# Enterprise rosters
# ---------------------------------------------------------------------------------------------

_ENTERPRISE_COLUMNS = (
    "name",
    "legal_rep",
    "street_id",
    "address",
    "industry",
    "scale",
    "phone",
    "established_on",
)
_COLUMN_LABELS = FIELD_LABELS | {"street_id": FIELD_LABELS["street"]}
"""The names of the fields an import changes, by the record's field (street_id)."""


@dataclass
class _Existing:
    id: str
    values: dict[str, Any]
    deleted: bool


@dataclass
class _Snapshot:
    enterprises: dict[str, _Existing]
    tags: dict[str, tuple[str, ...]]
    contacts: dict[str, dict[str, tuple[str, str]]]
    streets: StreetMatcher


def _load_snapshot(s: Session) -> _Snapshot:
    e = Enterprise
    enterprises: dict[str, _Existing] = {}
    cols = [getattr(e, c) for c in _ENTERPRISE_COLUMNS]
    for row in s.execute(select(e.id, e.uscc, e.deleted_at, *cols)):
        enterprises[row[1]] = _Existing(
            row[0], dict(zip(_ENTERPRISE_COLUMNS, row[3:], strict=True)), row[2] is not None
        )
    tags: dict[str, list[str]] = {}
    for eid, tag in s.execute(select(EnterpriseTag.enterprise_id, EnterpriseTag.tag)):
        tags.setdefault(eid, []).append(tag)
    contacts: dict[str, dict[str, tuple[str, str]]] = {}
    for cid, eid, name, phone in s.execute(
        select(Contact.id, Contact.enterprise_id, Contact.name, Contact.phone)
    ):
        contacts.setdefault(eid, {})[name] = (cid, phone)
    streets = StreetMatcher(
        (sid, code, name)
        for sid, code, name in s.execute(select(Street.id, Street.code, Street.name))
    )
    return _Snapshot(enterprises, {k: tuple(v) for k, v in tags.items()}, contacts, streets)


@dataclass
class _EnterprisePlan:
    row: int
    status: RowStatus
    enterprise_id: str
    uscc: str
    name: str
    values: dict[str, Any]
    """New: every column; update: the changed ones."""
    tags: tuple[str, ...] | None = None
    """Replace the tags with these (None: leave them)."""
    new_contact: tuple[str, str] | None = None
    contact_phone: tuple[str, str] | None = None
    """(contact id, new phone)."""
    primary: bool = False


def _show(fld: str, value: Any, streets: StreetMatcher) -> str:
    if value is None or value == "":
        return ""
    if fld == "street_id":
        return streets.names.get(value, str(value))
    if fld == "industry":
        return f"{value} {INDUSTRIES.get(value, '')}".strip()
    if fld == "scale":
        return SCALES.get(value, str(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(value)
    return str(value)


def _parse_enterprise(
    get: Callable[[str], str], columns: dict[str, int], snap: _Snapshot
) -> tuple[dict[str, Any], list[str]]:
    """The row's values (only those given) and its problems."""
    problems: list[str] = []
    v: dict[str, Any] = {}
    name = clean_name(get("name"))
    if name:
        v["name"] = name
    else:
        problems.append("缺少企业名称")
    raw_code = get("uscc")
    if not clean_text(raw_code):
        problems.append("缺少统一社会信用代码")
    else:
        try:
            v["uscc"] = check_uscc(raw_code)
        except ValueError as exc:
            v["uscc_raw"] = normalize_uscc(raw_code)
            problems.append(str(exc))
    legal_rep = clean_person(get("legal_rep"))
    if legal_rep:
        v["legal_rep"] = legal_rep
    address = clean_text(get("address"))
    if address:
        v["address"] = address
    parsers: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
        ("street", "street_id", snap.streets.match),
        ("industry", "industry", parse_industry),
        ("scale", "scale", parse_scale),
        ("established_on", "established_on", parse_date),
    )
    for fld, key, parse in parsers:
        try:
            value = parse(get(fld))
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if value:
            v[key] = value
    if clean_text(get("tags")):
        try:
            v["tags"] = parse_tags(get("tags"))
        except ValueError as exc:
            problems.append(str(exc))
    try:
        phone = parse_phone(get("phone"))
    except ValueError as exc:
        problems.append(str(exc))
        phone = ""
    contact = clean_person(get("contact"))
    if "contact" in columns:
        if contact:
            v["contact"] = (contact, phone)
    elif phone:
        v["phone"] = phone
    return v, problems


def _plan_enterprise(
    n: int, v: dict[str, Any], snap: _Snapshot
) -> tuple[RowResult, _EnterprisePlan | None]:
    uscc: str = v["uscc"]
    name: str = v["name"]
    old = snap.enterprises.get(uscc)
    if old is None:
        eid = new_id()
        values = {c: v.get(c) for c in _ENTERPRISE_COLUMNS}
        for c in _ENTERPRISE_COLUMNS:
            if values[c] is None and c not in ("street_id", "established_on"):
                values[c] = ""
        plan = _EnterprisePlan(
            n, RowStatus.NEW, eid, uscc, name, values, v.get("tags"), v.get("contact"), None, True
        )
        return RowResult(n, RowStatus.NEW, name, uscc), plan
    if old.deleted:
        msg = f"统一社会信用代码 {uscc} 属于已删除的企业“{old.values['name']}”（请先恢复该企业）"
        return error_row(n, [msg], name=name, uscc=uscc, enterprise_id=old.id), None
    changes: list[FieldChange] = []
    values = {}
    for c in _ENTERPRISE_COLUMNS:
        new = v.get(c)
        if new is None or new == "" or new == old.values[c]:
            continue
        values[c] = new
        changes.append(
            FieldChange(
                c,
                _COLUMN_LABELS[c],
                _show(c, old.values[c], snap.streets),
                _show(c, new, snap.streets),
            )
        )
    tags = None
    if "tags" in v:
        before = snap.tags.get(old.id, ())
        if set(v["tags"]) != set(before):
            tags = v["tags"]
            changes.append(
                FieldChange(
                    "tags",
                    "标签",
                    _show("tags", before, snap.streets),
                    _show("tags", tags, snap.streets),
                )
            )
    new_contact = contact_phone = None
    primary = False
    if "contact" in v:
        cname, cphone = v["contact"]
        known = snap.contacts.get(old.id, {})
        if cname not in known:
            new_contact = v["contact"]
            primary = not known
            changes.append(
                FieldChange("contact", "联系人", "、".join(known), f"{cname} {cphone}".strip())
            )
        elif cphone and cphone != known[cname][1]:
            contact_phone = (known[cname][0], cphone)
            changes.append(
                FieldChange("contact_phone", f"联系人{cname}的电话", known[cname][1], cphone)
            )
    if not changes:
        return RowResult(n, RowStatus.UNCHANGED, name, uscc, enterprise_id=old.id), None
    plan = _EnterprisePlan(
        n, RowStatus.UPDATE, old.id, uscc, name, values, tags, new_contact, contact_phone, primary
    )
    result = RowResult(
        n, RowStatus.UPDATE, name, uscc, changes=tuple(changes), enterprise_id=old.id
    )
    return result, plan


def _analyse_enterprises(s: Session, table: Sheet) -> tuple[ImportPreview, list[_EnterprisePlan]]:
    header = find_header(
        table.rows,
        ENTERPRISE_FIELDS,
        required_any=("uscc",),
        source=table.source,
        what="企业名单",
    )
    if "name" not in header.columns:
        raise ValidationError(Text("文件“{0}”缺少“企业名称”列", table.source))
    snap = _load_snapshot(s)
    results: list[RowResult] = []
    plans: list[_EnterprisePlan] = []
    first_row: dict[str, int] = {}
    for n, cells in data_rows(table, header):
        v, problems = _parse_enterprise(cells_getter(cells, header), header.columns, snap)
        uscc = v.get("uscc", v.get("uscc_raw", ""))
        name = v.get("name", "")
        if "uscc" in v:
            first = first_row.setdefault(v["uscc"], n)
            if first != n:
                problems.insert(0, f"统一社会信用代码与第 {first} 行重复")
                results.append(error_row(n, problems, name=name, uscc=uscc, duplicate_of=first))
                continue
        if problems:
            results.append(error_row(n, problems, name=name, uscc=uscc))
            continue
        result, plan = _plan_enterprise(n, v, snap)
        results.append(result)
        if plan is not None:
            plans.append(plan)
    results += hidden_rows(table, header)
    preview = ImportPreview(
        "enterprises",
        table.source,
        header.row,
        column_labels(header),
        header.ignored,
        tuple(results),
    )
    return preview, plans


def preview_enterprises(db: Database, path: Path | str) -> ImportPreview:
    """What importing the roster at `path` would do, row by row; writes nothing."""
    table = read_table(path)
    with db.read() as s:
        return _analyse_enterprises(s, table)[0]


def import_enterprises(db: Database, actor: Actor, path: Path | str) -> ImportResult:
    """Add the new enterprises of the roster and update the registered ones (by 统一社会信用代码),
    all in one unit of work; error rows are skipped and reported."""
    actor.require(*ENTERPRISE_EDITORS)
    table = read_table(path)
    with db.session() as s, db.holding(f"正在导入企业名录 {Path(path).name}"):
        preview, plans = _analyse_enterprises(s, table)
        _write_enterprises(s, actor, plans)
        return result_of(preview)


def _enterprise_values(plan: _EnterprisePlan, actor: Actor, now: datetime) -> dict[str, Any]:
    return {
        "id": plan.enterprise_id,
        "uscc": plan.uscc,
        **plan.values,
        **audit_values(actor, now),
        "deleted_at": None,
    }


def _contact_values(
    eid: str, contact: tuple[str, str], primary: bool, actor: Actor, now: datetime
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "enterprise_id": eid,
        "name": contact[0],
        "title": "",
        "phone": contact[1],
        "is_primary": primary,
        **audit_values(actor, now),
    }


def _write_enterprises(s: Session, actor: Actor, plans: list[_EnterprisePlan]) -> None:
    now = clock.now()
    new = [p for p in plans if p.status is RowStatus.NEW]
    changed = [p for p in plans if p.status is RowStatus.UPDATE]
    enterprise_t = table_of("enterprise")
    for chunk in chunks(new, CHUNK):
        s.execute(insert(enterprise_t), [_enterprise_values(p, actor, now) for p in chunk])
    # updates, grouped by the set of columns they change (one executemany per group)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for p in changed:
        if p.values:
            keys = tuple(sorted(p.values))
            groups.setdefault(keys, []).append(
                {"b_id": p.enterprise_id, **{f"b_{k}": p.values[k] for k in keys}}
            )
    for keys, params in groups.items():
        stmt = (
            update(enterprise_t)
            .where(enterprise_t.c.id == bindparam("b_id"))
            .values(
                {
                    **{k: bindparam(f"b_{k}") for k in keys},
                    **audit_values(actor, now, new=False),
                }
            )
        )
        s.execute(stmt, params)
    touched_tags = [p.enterprise_id for p in changed if p.tags is not None]
    for ids in chunks(touched_tags, 500):
        s.execute(delete(EnterpriseTag).where(EnterpriseTag.enterprise_id.in_(ids)))
    tag_rows = [
        {"enterprise_id": p.enterprise_id, "tag": t} for p in plans if p.tags for t in p.tags
    ]
    if tag_rows:
        s.execute(insert(table_of("enterprise_tag")), tag_rows)
    contact_rows = [
        _contact_values(p.enterprise_id, p.new_contact, p.primary, actor, now)
        for p in plans
        if p.new_contact
    ]
    if contact_rows:
        s.execute(insert(table_of("contact")), contact_rows)
    phones = [
        {"b_id": p.contact_phone[0], "b_phone": p.contact_phone[1]}
        for p in changed
        if p.contact_phone
    ]
    if phones:
        contact_t = table_of("contact")
        s.execute(
            update(contact_t)
            .where(contact_t.c.id == bindparam("b_id"))
            .values(
                phone=bindparam("b_phone"),
                updated_at=now,
                updated_by=actor.account_id,
                updated_device=actor.device_id,
            ),
            phones,
        )
    _reindex(s, new, changed)
    oplog.touch(s, "enterprise", [p.enterprise_id for p in (*new, *changed)])  # sync sees them


_REBUILD_AT = 20000
"""Adding this many enterprises rebuilds the whole search index in bulk (faster than row by row)."""


def _reindex(s: Session, new: list[_EnterprisePlan], changed: list[_EnterprisePlan]) -> None:
    conn = raw_connection(s)
    if len(new) >= _REBUILD_AT:
        search_index.rebuild(conn)
        return
    rows = [(p.enterprise_id, p.name, p.uscc) for p in new]
    rows += [(p.enterprise_id, p.values.get("name", p.name), p.uscc) for p in changed]
    if rows:
        search_index.index_enterprises(conn, rows)
