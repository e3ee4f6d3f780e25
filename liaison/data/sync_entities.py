"""What offline sync carries: the shared records, their fields, how a record is read and written.

A record travels as a JSON object of its fields, each holding the value exactly as SQLite stores
it (dates as 'YYYY-MM-DD' text, booleans as 0/1, JSON columns as their text). Child rows that
belong to one record (an enterprise's tags and contacts, a visit's participants, a category's
routing units) travel as one list field of the parent, so editing them is editing the parent.
Columns derived on every replica (a demand's state and everything `workflow.fold` computes, an
event's flag, the search index, who changed a record last) are not shared; see
`liaison.sync.merge` for how they are re-derived.

A hard-deleted record (only holidays are deleted that way) is written as the pseudo-field
`_deleted` = 1; everything else is deleted softly through a `deleted_at` field, so deletes
travel like any edit and stick (SYNC.md guarantee 6).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, Table

from liaison.data.models import Base
from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.domain.vocab import DEMAND_KINDS, INDUSTRIES, SCALES, URGENCIES, VISIT_MODES

DELETED = "_deleted"
LAST_CHANGE = ("updated_at", "updated_by", "updated_device")


@dataclass(frozen=True)
class Child:
    """Rows of another table owned by one record, carried as a list field of it."""

    field: str
    table: str
    parent: str
    columns: tuple[str, ...]
    audited: bool = False


@dataclass(frozen=True)
class Entity:
    name: str
    key: str
    fields: tuple[str, ...]
    children: tuple[Child, ...] = ()
    append_only: bool = False
    hard_delete: bool = False

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]

    @property
    def audited(self) -> bool:
        return "updated_by" in self.table.c

    def all_fields(self) -> tuple[str, ...]:
        extra = (DELETED,) if self.hard_delete else ()
        return self.fields + tuple(c.field for c in self.children) + extra


def _fields(table: str, key: str = "id", exclude: Iterable[str] = ()) -> tuple[str, ...]:
    skip = {key, *LAST_CHANGE, *exclude}
    return tuple(c.name for c in Base.metadata.tables[table].columns if c.name not in skip)


DERIVED_DEMAND_COLUMNS = (
    "state",
    "epoch",
    "lead_department_id",
    "routed_at",
    "reply_deadline",
    "deadline",
    "accepted_at",
    "resolved_at",
    "followed_up_at",
    "closed_at",
    "outcome",
    "satisfaction",
    "pending_extension",
    "extension_count",
    "escalation_level",
    "reopen_count",
    "return_count",
    "merged_into_id",
    "last_event_at",
    "flagged",
)

ENTITIES: tuple[Entity, ...] = (
    Entity("device", "id", _fields("device", exclude=("is_local",))),
    Entity("department", "id", _fields("department")),
    Entity("account", "id", _fields("account")),
    Entity(
        "category",
        "id",
        _fields("category"),
        (Child("units", "category_unit", "category_id", ("department_id", "role", "position")),),
    ),
    Entity("holiday", "day", _fields("holiday", key="day"), hard_delete=True),
    Entity(
        "enterprise",
        "id",
        _fields("enterprise"),
        (
            Child("tags", "enterprise_tag", "enterprise_id", ("tag",)),
            Child(
                "contacts",
                "contact",
                "enterprise_id",
                ("id", "name", "title", "phone", "is_primary"),
                audited=True,
            ),
        ),
    ),
    Entity("assignment", "id", _fields("assignment")),
    Entity(
        "visit",
        "id",
        _fields("visit"),
        (
            Child(
                "participants",
                "visit_participant",
                "visit_id",
                ("id", "account_id", "name", "side", "title"),
            ),
        ),
    ),
    Entity("demand", "id", _fields("demand", exclude=DERIVED_DEMAND_COLUMNS)),
    Entity("demand_event", "id", _fields("demand_event", exclude=("flagged",)), append_only=True),
    Entity("attachment", "id", _fields("attachment"), append_only=True),
)
"""In the order records are written: a record's references come before it."""

BY_NAME: dict[str, Entity] = {e.name: e for e in ENTITIES}

OWNERS: dict[str, tuple[str, str]] = {
    c.table: (e.name, c.parent) for e in ENTITIES for c in e.children
}
"""Child table -> (owning entity, the child's column naming the owner)."""


def _child_sql(child: Child, key_expr: str) -> str:
    cols = ", ".join(f"c.{c}" for c in child.columns)
    order = ", ".join(f"c.{c}" for c in child.columns)
    return (
        f"(SELECT json_group_array(json(x)) FROM (SELECT json_array({cols}) AS x "
        f"FROM {child.table} AS c WHERE c.{child.parent} = {key_expr} ORDER BY {order}))"
    )


def record_sql(entity: Entity, alias: str = "t") -> str:
    """A SQL expression giving the JSON object of a record's shared fields."""
    parts = [f"'{f}', {alias}.{f}" for f in entity.fields]
    parts += [
        f"'{c.field}', json({_child_sql(c, f'{alias}.{entity.key}')})" for c in entity.children
    ]
    return f"json_object({', '.join(parts)})"


def read_records(
    conn: sqlite3.Connection, entity: Entity, ids: Iterable[str]
) -> dict[str, tuple[dict[str, Any], str | None]]:
    """The current shared fields of the given records (absent ids are missing from the result),
    with the account that changed each last."""
    by = "t.updated_by" if entity.audited else "NULL"
    if entity.name == "demand_event":
        by = "t.actor_id"
    sql = (
        f"SELECT t.{entity.key}, {record_sql(entity)}, {by} FROM {entity.name} AS t "
        f"WHERE t.{entity.key} IN (SELECT value FROM json_each(?))"
    )
    out: dict[str, tuple[dict[str, Any], str | None]] = {}
    for key, fields, account in conn.execute(sql, (json.dumps(list(ids)),)):
        out[key] = (json.loads(fields), account)
    return out


def canonical(value: Any) -> str:
    """The text two equal values share (used to compare values and for the digest)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- validation of values that arrive from another device ------------------------------------

_MAX_TEXT = 100_000
Check = Callable[[Any], "str | None"]

CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("demand_event", "kind"): frozenset(wf.EventKind),
    ("demand_event", "actor_role"): frozenset(Role),
    ("account", "role"): frozenset(Role),
    ("visit", "mode"): frozenset(VISIT_MODES),
    ("demand", "kind"): frozenset(DEMAND_KINDS),
    ("demand", "urgency"): frozenset(URGENCIES),
    ("enterprise", "scale"): frozenset(SCALES) | {""},
    ("enterprise", "industry"): frozenset(INDUSTRIES) | {""},
}
"""Columns whose values come from a fixed list: anything else from another device is refused."""


def is_date(value: Any) -> bool:
    """A real calendar day written YYYY-MM-DD."""
    if value.__class__ is not str or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_datetime(value: str) -> bool:
    try:
        return len(value) in (19, 26) and datetime.fromisoformat(value) is not None
    except ValueError:
        return False


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except (ValueError, RecursionError):
        return False
    return True


def _scalar_check(column: Column[Any], owner: str = "") -> Check:
    """A column's check, empty values included."""
    nullable = column.nullable or column.name in ("created_by", "created_device")
    body = _value_check(column, owner)

    def check(value: Any) -> str | None:
        if value is None:
            return None if nullable else "为空"
        return body(value)

    return check


def _value_check(column: Column[Any], owner: str = "") -> Check:
    """One column's check of a non-empty value, chosen once: type, length, a real date or
    time, JSON that parses, a value from the column's fixed list (see the module doc)."""
    t = column.type
    allowed = CHOICES.get((owner, column.name))
    limit = getattr(t, "length", None) or _MAX_TEXT

    if allowed is not None:

        def body(v: Any) -> str | None:
            return None if v.__class__ is str and v in allowed else "的取值未知"

    elif isinstance(t, Boolean):

        def body(v: Any) -> str | None:
            return None if v.__class__ is int and v in (0, 1) else "不是布尔值"

    elif isinstance(t, Integer):

        def body(v: Any) -> str | None:
            return None if v.__class__ is int and -(2**53) < v < 2**53 else "不是整数"

    elif isinstance(t, DateTime):

        def body(v: Any) -> str | None:
            return None if v.__class__ is str and _is_datetime(v) else "不是有效的日期时间"

    elif isinstance(t, Date):

        def body(v: Any) -> str | None:
            return None if is_date(v) else "不是有效的日期"

    elif isinstance(t, JSON):

        def body(v: Any) -> str | None:
            if v.__class__ is not str or len(v) > limit:
                return "不是文本或过长"
            return None if _is_json(v) else "不是 JSON"

    else:

        def body(v: Any) -> str | None:
            if v.__class__ is not str:
                return "不是文本"
            return None if len(v) <= limit else f"超过 {limit} 个字符"

    return body


def _child_check(child: Child) -> Check:
    table = Base.metadata.tables[child.table]
    checks = [_scalar_check(table.c[name]) for name in child.columns]
    width = len(checks)

    def check(value: Any) -> str | None:
        if value.__class__ is not list or len(value) > 10_000:
            return "不是列表"
        for row in value:
            if row.__class__ is not list or len(row) != width:
                return "的行格式不对"
            for name, c, v in zip(child.columns, checks, row, strict=True):
                problem = c(v)
                if problem:
                    return f"的 {name} {problem}"
        return None

    return check


def _deleted_check(value: Any) -> str | None:
    return None if value.__class__ is int and value in (0, 1) else "不是 0/1"


def field_checks(entity: Entity) -> dict[str, Check]:
    """The check of each field's non-empty value (`check_fields` handles empty ones)."""
    checks: dict[str, Check] = {
        name: _value_check(entity.table.c[name], entity.name) for name in entity.fields
    }
    checks |= {c.field: _child_check(c) for c in entity.children}
    if entity.hard_delete:
        checks[DELETED] = _deleted_check
    return checks


def _value_checks(entity: Entity) -> tuple[dict[str, Check], frozenset[str]]:
    """The checks of non-empty values, and the fields that may not be empty."""
    table = entity.table.c
    required = (
        frozenset(
            name
            for name in entity.fields
            if not table[name].nullable and name not in ("created_by", "created_device")
        )
        | {c.field for c in entity.children}
        | ({DELETED} if entity.hard_delete else set())
    )
    return field_checks(entity), required


_CHECKS: dict[str, tuple[dict[str, Check], frozenset[str]]] = {}
"""`_value_checks` of each entity, made once (keyed by name: hashing an Entity costs more)."""


def check_fields(entity: Entity, fields: Mapping[str, Any]) -> str | None:
    """Why a record's fields from another device cannot be written (None when they can)."""
    found = _CHECKS.get(entity.name)
    if found is None:
        found = _CHECKS[entity.name] = _value_checks(entity)
    checks, required = found
    for name, value in fields.items():
        if value is None:
            if name in required or name not in checks:
                return (
                    f"{entity.name}.{name} 为空"
                    if name in checks
                    else f"{entity.name} 没有字段 {name}"
                )
            continue
        c = checks.get(name)
        if c is None:
            return f"{entity.name} 没有字段 {name}"
        problem = c(value)
        if problem:
            return f"{entity.name}.{name} {problem}"
    return None


# --- writing records derived from the op log --------------------------------------------------


Change = tuple[str, "str | None", str]
"""(when, account, device) of a record's latest op, for its who-changed-last columns."""


def write_record(
    conn: sqlite3.Connection,
    entity: Entity,
    key: str,
    fields: Mapping[str, Any],
    last_change: Change | None,
) -> None:
    """Make the stored record equal to `fields` (insert, update or, for `_deleted`, remove)."""
    write_records(conn, entity, [(key, fields, last_change)])


def write_records(
    conn: sqlite3.Connection,
    entity: Entity,
    records: Iterable[tuple[str, Mapping[str, Any], Change | None]],
) -> None:
    """`write_record` for many records, in as few statements as their shapes allow."""
    by_shape: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    children: dict[Child, list[tuple[str, list[list[Any]], Mapping[str, Any]]]] = {}
    gone: list[tuple[str]] = []
    defaults = insert_defaults(entity)
    for key, fields, last_change in records:
        if fields.get(DELETED):
            gone.append((key,))
            continue
        shape = tuple(f for f in entity.fields if f in fields)
        change = last_change if entity.audited and last_change is not None else None
        if change is not None:
            shape += LAST_CHANGE
            values = (key, *(fields[f] for f in shape[: -len(LAST_CHANGE)]), *change)
        else:
            values = (key, *(fields[f] for f in shape))
        by_shape.setdefault(shape, []).append((*values, *defaults.values()))
        for child in entity.children:
            if child.field in fields:
                children.setdefault(child, []).append((key, fields[child.field], fields))
    for shape, rows in by_shape.items():
        cols = [entity.key, *shape, *defaults]
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{c} = excluded.{c}" for c in shape) or f"{entity.key} = {entity.key}"
        conn.executemany(
            f"INSERT INTO {entity.name} ({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT({entity.key}) DO UPDATE SET {updates}",
            rows,
        )
    for child, owned in children.items():
        _write_children(conn, child, owned)
    if gone:
        for child in entity.children:
            conn.executemany(f"DELETE FROM {child.table} WHERE {child.parent} = ?", gone)
        conn.executemany(f"DELETE FROM {entity.name} WHERE {entity.key} = ?", gone)


_ZERO: dict[type, Any] = {Boolean: 0, Integer: 0}


@cache
def insert_defaults(entity: Entity) -> dict[str, Any]:
    """Values for the required columns a shared record does not carry (derived ones, filled
    in right after by re-deriving; `is_local` of another device's record)."""
    out: dict[str, Any] = {}
    carried = {entity.key, *entity.fields, *LAST_CHANGE}
    for col in entity.table.columns:
        if col.name in carried or col.nullable:
            continue
        out[col.name] = next((v for t, v in _ZERO.items() if isinstance(col.type, t)), "")
    return out


def _write_children(
    conn: sqlite3.Connection,
    child: Child,
    owned: list[tuple[str, list[list[Any]], Mapping[str, Any]]],
) -> None:
    conn.executemany(
        f"DELETE FROM {child.table} WHERE {child.parent} = ?", [(key,) for key, _r, _p in owned]
    )
    cols = [child.parent, *child.columns]
    audit = ("created_at", "created_by", "created_device")
    if child.audited:
        cols += [*audit, "updated_at"]
    rows: list[tuple[Any, ...]] = []
    for key, child_rows, parent in owned:
        extra: tuple[Any, ...] = ()
        if child.audited:
            extra = (*(parent.get(a) for a in audit), parent.get("created_at"))
        rows += [(key, *row, *extra) for row in child_rows]
    if rows:
        marks = ", ".join("?" for _ in cols)
        conn.executemany(f"INSERT INTO {child.table} ({', '.join(cols)}) VALUES ({marks})", rows)


# --- the bulk path: records made by one op, written by SQLite from the op log ----------------

FAST_ENTITIES = frozenset(e.name for e in ENTITIES if not e.hard_delete and e.name != "device")
"""Records whose stored row is their op's fields as they are (see `write_from_log`)."""

_STAMP_TIME = (
    "strftime('%Y-%m-%d %H:%M:%S', CAST(substr(o.hlc, 1, 13) AS INTEGER) / 1000, 'unixepoch')"
    " || '.' || printf('%03d', CAST(substr(o.hlc, 1, 13) AS INTEGER) % 1000) || '000'"
)
"""An op's stamp as the time column text Python writes (`oplog` stamps: ms since 1970)."""


def _from_op(entity: Entity, name: str) -> str:
    """A field's value from its op; a column added after the op was made (it has a server
    default) takes that default, as an INSERT without the column would."""
    value = f"json_extract(o.fields, '$.{name}')"
    default = entity.table.c[name].server_default
    if default is None:
        return value
    text = str(getattr(default, "arg", "")).replace("'", "''")
    return f"coalesce({value}, '{text}')"


def write_from_log(conn: sqlite3.Connection, entity: Entity, keys: list[str]) -> None:
    """Write records that each have exactly one op straight from `sync_op`, in SQL: the
    bulk of a first import, without a Python round trip per value. Same result as
    `write_records` with the op's fields and its (stamp, account, device)."""
    if not keys:
        return
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_batch (entity_id TEXT PRIMARY KEY) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.sync_batch")
    conn.executemany("INSERT INTO temp.sync_batch VALUES (?)", ((k,) for k in keys))
    source = (
        "FROM temp.sync_batch AS b JOIN sync_op AS o "
        f"ON o.entity = '{entity.name}' AND o.entity_id = b.entity_id"
    )
    defaults = insert_defaults(entity)
    cols = [entity.key, *entity.fields]
    values = ["o.entity_id", *(_from_op(entity, f) for f in entity.fields)]
    if entity.audited:
        cols += LAST_CHANGE
        values += [_STAMP_TIME, "o.account", "o.site"]
    cols += defaults
    values += ["?" for _ in defaults]
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1 : len(cols) - len(defaults)])
    conn.execute(
        f"INSERT INTO {entity.name} ({', '.join(cols)}) SELECT {', '.join(values)} {source} "
        f"WHERE true ON CONFLICT({entity.key}) DO UPDATE SET {updates}",
        tuple(defaults.values()),
    )
    for child in entity.children:
        conn.execute(
            f"DELETE FROM {child.table} WHERE {child.parent} IN "
            "(SELECT entity_id FROM temp.sync_batch)"
        )
        ccols = [child.parent, *child.columns]
        cvalues = [
            "o.entity_id",
            *(f"json_extract(c.value, '$[{i}]')" for i in range(len(child.columns))),
        ]
        if child.audited:
            audit = ("created_at", "created_by", "created_device")
            ccols += [*audit, "updated_at"]
            cvalues += [f"json_extract(o.fields, '$.{a}')" for a in audit]
            cvalues.append("json_extract(o.fields, '$.created_at')")
        conn.execute(
            f"INSERT INTO {child.table} ({', '.join(ccols)}) SELECT {', '.join(cvalues)} "
            f"{source}, json_each(o.fields, '$.{child.field}') AS c"
        )


# --- the same checks in SQL, for a whole bundle at once -----------------------------------------


def _sql_text(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


def _typed_sql(column: Column[Any], owner: str, t_: str, v: str) -> str:
    """SQL true when a non-null JSON value (type `t_`, value `v`) suits the column — as
    strict as `_value_check`, or stricter."""
    t = column.type
    allowed = CHOICES.get((owner, column.name))
    limit = getattr(t, "length", None) or _MAX_TEXT
    if allowed is not None:
        return f"({t_} = 'text' AND {v} IN ({_sql_text(allowed)}))"
    if isinstance(t, Boolean):
        return f"({t_} = 'integer' AND {v} IN (0, 1))"
    if isinstance(t, Integer):
        return f"({t_} = 'integer' AND {v} BETWEEN -9007199254740991 AND 9007199254740991)"
    if isinstance(t, DateTime):
        return (
            f"({t_} = 'text' AND ((length({v}) = 19 AND datetime({v}) IS {v}) OR "
            f"(length({v}) = 26 AND datetime(substr({v}, 1, 19)) IS substr({v}, 1, 19) "
            f"AND substr({v}, 20, 1) = '.' "
            f"AND substr({v}, 21) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]')))"
        )
    if isinstance(t, Date):
        return f"({t_} = 'text' AND length({v}) = 10 AND date({v}) IS {v})"
    if isinstance(t, JSON):
        return f"({t_} = 'text' AND length({v}) <= {limit} AND json_valid({v}))"
    return f"({t_} = 'text' AND length({v}) <= {limit})"


def _column_sql(column: Column[Any], owner: str, t_: str, v: str, absent_ok: bool) -> str:
    nullable = column.nullable or column.name in ("created_by", "created_device")
    ok = [f"{t_} IS NULL"] if absent_ok else []
    if nullable:
        ok.append(f"{t_} = 'null'")
    ok.append(_typed_sql(column, owner, t_, v))
    return "(" + " OR ".join(ok) + ")"


def _child_sql_check(child: Child, f: str) -> str:
    path = f"'$.{child.field}'"
    table = Base.metadata.tables[child.table]
    width = len(child.columns)
    cols = " AND ".join(
        _column_sql(
            table.c[name],
            child.table,
            f"json_type(r.value, '$[{i}]')",
            f"json_extract(r.value, '$[{i}]')",
            absent_ok=False,
        )
        for i, name in enumerate(child.columns)
    )
    return (
        f"(json_type({f}, {path}) IS NULL OR (json_type({f}, {path}) = 'array' "
        f"AND json_array_length({f}, {path}) <= 10000 "
        f"AND NOT EXISTS (SELECT 1 FROM json_each({f}, {path}) AS r WHERE NOT "
        f"(r.type = 'array' AND json_array_length(r.value) = {width} AND {cols}))))"
    )


def fields_sql(entity: Entity, f: str = "fields") -> str:
    """SQL true when the JSON text `f` holds fields `check_fields` accepts for `entity`: an
    object, non-empty, no repeated or unknown names, every value suiting its column."""
    names = _sql_text(entity.all_fields())
    parts = [
        f"json_valid({f})",
        f"json_type({f}) = 'object'",
        f"EXISTS (SELECT 1 FROM json_each({f}))",
        f"NOT EXISTS (SELECT 1 FROM json_each({f}) WHERE key NOT IN ({names}))",
        f"(SELECT count(*) = count(DISTINCT key) FROM json_each({f}))",
    ]
    for name in entity.fields:
        parts.append(
            _column_sql(
                entity.table.c[name],
                entity.name,
                f"json_type({f}, '$.{name}')",
                f"json_extract({f}, '$.{name}')",
                absent_ok=True,
            )
        )
    parts += [_child_sql_check(c, f) for c in entity.children]
    if entity.hard_delete:
        d = f"'$.{DELETED}'"
        parts.append(
            f"(json_type({f}, {d}) IS NULL OR "
            f"(json_type({f}, {d}) = 'integer' AND json_extract({f}, {d}) IN (0, 1)))"
        )
    return "(" + "\n AND ".join(parts) + ")"
