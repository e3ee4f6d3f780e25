"""What offline sync carries: the shared records, their fields, how a record is read and written.

A record travels as a JSON object of its fields, each holding the value exactly as SQLite stores
it (dates as 'YYYY-MM-DD' text, booleans as 0/1, JSON columns as their text). Child rows that
belong to one record (an enterprise's tags and contacts, a visit's participants, a category's
routing units) travel as one list field of the parent, so editing them is editing the parent.
Columns derived on every replica (a demand's state and everything `workflow.fold` computes, an
event's flag, the search index, who changed a record last) are not shared; see
`liaison.sync.exchange.merge` for how they are re-derived.

A hard-deleted record (only holidays are deleted that way) is written as the pseudo-field
`_deleted` = 1; everything else is deleted softly through a `deleted_at` field, so deletes
travel like any edit and stick (docs/sync.md guarantee 6).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Table

from liaison.data.bulk import rows_text
from liaison.data.models import Base
from liaison.data.pg_conn import is_postgresql
from liaison.domain import hlc

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
    Entity("department", "id", _fields("department")),
    Entity("account", "id", _fields("account", exclude=("password_hash",))),
    Entity(
        "device",
        "id",
        _fields("device", exclude=("is_local",)),
        (Child("accounts", "device_account", "device_id", ("account_id",)),),
    ),
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


def _pg_value(table: Table, column: str, expr: str) -> str:
    """On PostgreSQL, a column's value spelled as SQLite stores it (the module's docstring)."""
    kind = table.c[column].type
    if isinstance(kind, Boolean):
        return f"({expr})::int"
    if isinstance(kind, DateTime):
        return f"to_char({expr}, 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(kind, Date):
        return f"to_char({expr}, 'YYYY-MM-DD')"
    if isinstance(kind, JSON):
        return f"({expr})::text"
    return expr


def _pg_order(table: Table, column: str, expr: str) -> str:
    """Text ordered by its bytes, as SQLite orders it, whatever the server's collation."""
    return f'{expr} COLLATE "C"' if isinstance(table.c[column].type, String) else expr


def _pg_child_sql(child: Child, key_expr: str) -> str:
    table = Base.metadata.tables[child.table]
    cols = ", ".join(_pg_value(table, c, f"c.{c}") for c in child.columns)
    order = ", ".join(_pg_order(table, c, f"c.{c}") for c in child.columns)
    return (
        f"(SELECT coalesce(json_agg(json_build_array({cols}) ORDER BY {order}), '[]'::json) "
        f"FROM {child.table} AS c WHERE c.{child.parent} = {key_expr})"
    )


def record_sql(entity: Entity, alias: str = "t", *, postgresql: bool = False) -> str:
    """A SQL expression giving the JSON object of a record's shared fields (as text)."""
    if postgresql:
        parts = [f"'{f}', {_pg_value(entity.table, f, f'{alias}.{f}')}" for f in entity.fields]
        parts += [
            f"'{c.field}', {_pg_child_sql(c, f'{alias}.{entity.key}')}" for c in entity.children
        ]
        return f"json_build_object({', '.join(parts)})::text"
    parts = [f"'{f}', {alias}.{f}" for f in entity.fields]
    parts += [
        f"'{c.field}', json({_child_sql(c, f'{alias}.{entity.key}')})" for c in entity.children
    ]
    return f"json_object({', '.join(parts)})"


def key_sql(entity: Entity, alias: str = "t", *, postgresql: bool = False) -> str:
    """A SQL expression giving a record's key as SQLite stores it (a holiday's date as text)."""
    key = f"{alias}.{entity.key}"
    return _pg_value(entity.table, entity.key, key) if postgresql else key


def read_records(
    conn: sqlite3.Connection, entity: Entity, ids: Iterable[str]
) -> dict[str, tuple[dict[str, Any], str | None]]:
    """The current shared fields of the given records (absent ids are missing from the result),
    with the account that changed each last."""
    by = "t.updated_by" if entity.audited else "NULL"
    if entity.name == "demand_event":
        by = "t.actor_id"
    pg = is_postgresql(conn)
    key = key_sql(entity, postgresql=pg)
    sql = (
        f"SELECT {key}, {record_sql(entity, postgresql=pg)}, {by} "
        f"FROM {entity.name} AS t "
        f"WHERE {key} IN (SELECT value FROM json_each(?))"
    )
    out: dict[str, tuple[dict[str, Any], str | None]] = {}
    for key, fields, account in conn.execute(sql, (rows_text(ids),)):
        out[key] = (json.loads(fields), account)
    return out


def canonical(value: Any) -> str:
    """The text two equal values share (used to compare values and for the digest)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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


def stamp_time(stamp: str) -> str:
    """An op's stamp as stored in a time column: the Python twin of `_STAMP_TIME`."""
    return hlc.to_datetime(stamp).isoformat(sep=" ", timespec="microseconds")


_PG_STAMP_TIME = "(timestamp '1970-01-01' + CAST(substr(o.hlc, 1, 13) AS bigint) * interval '1 ms')"
"""`_STAMP_TIME` on PostgreSQL (a time column takes the time itself)."""


def _pg_typed(table: Table, column: str, expr: str) -> str:
    """On PostgreSQL, a value as SQLite stores it (text, 0/1) cast to the column's type."""
    kind = table.c[column].type
    if isinstance(kind, Boolean):
        return f"CAST(CAST({expr} AS integer) AS boolean)"
    for sa_type, sql_type in ((DateTime, "timestamp"), (Date, "date"), (JSON, "json")):
        if isinstance(kind, sa_type):
            return f"CAST({expr} AS {sql_type})"
    if isinstance(kind, Integer):
        return f"CAST({expr} AS integer)"
    return expr


def _from_op(entity: Entity, name: str, postgresql: bool = False) -> str:
    """A field's value from its op; a column added after the op was made (it has a server
    default) takes that default, as an INSERT without the column would."""
    value = (
        f"(o.fields::json ->> '{name}')" if postgresql else f"json_extract(o.fields, '$.{name}')"
    )
    default = entity.table.c[name].server_default
    if default is not None:
        text = str(getattr(default, "arg", "")).replace("'", "''")
        value = f"coalesce({value}, '{text}')"
    return _pg_typed(entity.table, name, value) if postgresql else value


def write_from_log(conn: sqlite3.Connection, entity: Entity, keys: list[str]) -> None:
    """Write records that each have exactly one op straight from `sync_op`, in SQL: the
    bulk of a first import, without a Python round trip per value. Same result as
    `write_records` with the op's fields and its (stamp, account, device)."""
    if not keys:
        return
    pg = is_postgresql(conn)
    if pg:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_batch (entity_id TEXT PRIMARY KEY)")
        batch = "pg_temp.sync_batch"
    else:
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS sync_batch (entity_id TEXT PRIMARY KEY) WITHOUT ROWID"
        )
        batch = "temp.sync_batch"
    conn.execute(f"DELETE FROM {batch}")
    # one statement, not one per key (see liaison.data.bulk)
    conn.execute(f"INSERT INTO {batch} SELECT value FROM json_each(?)", (rows_text(keys),))
    source = (
        f"FROM {batch} AS b JOIN sync_op AS o "
        f"ON o.entity = '{entity.name}' AND o.entity_id = b.entity_id"
    )
    defaults = insert_defaults(entity)
    cols = [entity.key, *entity.fields]
    values = ["o.entity_id", *(_from_op(entity, f, pg) for f in entity.fields)]
    if entity.audited:
        cols += LAST_CHANGE
        values += [_PG_STAMP_TIME if pg else _STAMP_TIME, "o.account", "o.site"]
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
            f"DELETE FROM {child.table} WHERE {child.parent} IN (SELECT entity_id FROM {batch})"
        )
        table = Base.metadata.tables[child.table]
        ccols = [child.parent, *child.columns]
        if pg:
            cvalues = [
                "o.entity_id",
                *(_pg_typed(table, c, f"(c.value ->> {i})") for i, c in enumerate(child.columns)),
            ]
            rows = f"json_array_elements(o.fields::json -> '{child.field}') AS c"
        else:
            cvalues = [
                "o.entity_id",
                *(f"json_extract(c.value, '$[{i}]')" for i in range(len(child.columns))),
            ]
            rows = f"json_each(o.fields, '$.{child.field}') AS c"
        if child.audited:
            audit = ("created_at", "created_by", "created_device")
            ccols += [*audit, "updated_at"]
            for a in (*audit, "created_at"):
                v = f"(o.fields::json ->> '{a}')" if pg else f"json_extract(o.fields, '$.{a}')"
                cvalues.append(_pg_typed(entity.table, a, v) if pg else v)
        conn.execute(
            f"INSERT INTO {child.table} ({', '.join(ccols)}) SELECT {', '.join(cvalues)} "
            f"{source}, {rows}"
        )
