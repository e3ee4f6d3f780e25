"""The op log: every change to a shared record, as the ops that travel between devices
(docs/sync.md).

An op is `(site, seq)` — the device that made it and its gapless sequence number there, the
dedup key — with a hybrid-logical-clock stamp, the record it changes, the fields it writes and
its `base`: the ops the editor had in front of them for those fields. Every local unit of work
that changes shared records writes those records *and* their ops in one transaction: the
session hook below compares each touched record with what the op log says it is and writes one
op with the fields that differ.

A field's value is a multi-value register: its heads are the ops writing it that no other op
writing it names in its base. One head, or heads that agree, is a plain value; heads that
disagree are a conflict, with max(stamp, site) as the provisional winner everywhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from liaison.data import bulk
from liaison.data.backup import BEHIND_SETTING as RESTORED_BEHIND
from liaison.data.db import raw_connection
from liaison.data.pg_conn import is_postgresql
from liaison.domain import clock, hlc
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.text import Text
from liaison.sync.log import checks as sync_checks
from liaison.sync.log import records as se

DDL = (
    """CREATE TABLE IF NOT EXISTS sync_op (
        site TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        account TEXT,
        fields TEXT NOT NULL,
        base TEXT NOT NULL,
        refused TEXT,
        PRIMARY KEY (site, seq)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS ix_sync_op_record ON sync_op(entity, entity_id)",
    """CREATE TABLE IF NOT EXISTS sync_conflict (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        heads TEXT NOT NULL,
        winner TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_peer (
        device_id TEXT PRIMARY KEY,
        vector TEXT NOT NULL DEFAULT '{}',
        last_import_at TEXT,
        last_export_at TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS sync_bundle (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL,
        peer_id TEXT,
        peer_name TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL,
        handled_at TEXT NOT NULL,
        ops INTEGER NOT NULL,
        new_ops INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '{}',
        file TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS device_key (
        device_id TEXT PRIMARY KEY,
        private_key BLOB NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS sync_seal (
        site TEXT NOT NULL,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        vector TEXT NOT NULL,
        digest TEXT NOT NULL,
        signature BLOB NOT NULL,
        PRIMARY KEY (site, first)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_equivocation (
        site TEXT NOT NULL,
        seal_a TEXT NOT NULL,
        seal_b TEXT NOT NULL,
        cut INTEGER NOT NULL,
        PRIMARY KEY (site, seal_a, seal_b)
    ) WITHOUT ROWID""",
)
DROP = tuple(
    f"DROP TABLE IF EXISTS {t}"
    for t in (
        "sync_equivocation",
        "sync_seal",
        "device_key",
        "sync_bundle",
        "sync_peer",
        "sync_conflict",
        "sync_op",
    )
)

HLC_SETTING = "sync.hlc"


def op_id(site: str, seq: int) -> str:
    return f"{site}:{seq}"


class Op:
    """One change: `(site, seq)` is its identity; `text` is the stored JSON of `fields` and
    `base`, spelled as every device writes it (`sync_checks.checked_json`); `fields` is
    decoded from it on first use when not given."""

    __slots__ = ("_fields", "account", "base", "entity", "entity_id", "hlc", "seq", "site", "text")

    def __init__(
        self,
        site: str,
        seq: int,
        hlc: str,
        entity: str,
        entity_id: str,
        account: str | None,
        fields: dict[str, Any] | None,
        base: tuple[str, ...],
        text: tuple[str, str],
    ) -> None:
        self.site, self.seq, self.hlc = site, seq, hlc
        self.entity, self.entity_id, self.account = entity, entity_id, account
        self._fields, self.base, self.text = fields, base, text

    @property
    def fields(self) -> dict[str, Any]:
        if self._fields is None:
            self._fields = orjson.loads(self.text[0])
        return self._fields

    @property
    def id(self) -> str:
        return op_id(self.site, self.seq)

    def row(self) -> tuple[Any, ...]:
        """The op as `OP_COLUMNS` store it."""
        fields, base = self.text
        return (
            self.site,
            self.seq,
            self.hlc,
            self.entity,
            self.entity_id,
            self.account,
            fields,
            base,
        )

    def __repr__(self) -> str:
        return f"Op({self.id}, {self.entity} {self.entity_id})"


OP_COLUMNS = "site, seq, hlc, entity, entity_id, account, fields, base"


def op_from_row(row: tuple[Any, ...]) -> Op:
    """An op from a stored row (its fields decoded on first use)."""
    site, seq, stamp, entity, entity_id, account, fields, base = row
    refs = () if base == "[]" else tuple(orjson.loads(base))
    return Op(site, seq, stamp, entity, entity_id, account, None, refs, (fields, base))


def precedence(op: Op) -> tuple[str, str]:
    """How ops order when neither saw the other: clock stamp, then device id (docs/sync.md)."""
    return op.hlc, op.site


@dataclass(frozen=True)
class Register:
    """One field of one record: its heads, the provisional winner among them, its value."""

    name: str
    heads: list[Op]
    winner: Op

    @property
    def value(self) -> Any:
        return self.winner.fields[self.name]

    @property
    def in_conflict(self) -> bool:
        name = self.name
        if len(self.heads) == 1:
            return False
        if name == "deleted_at":  # two devices deleting one record agree, whenever they did
            return len({o.fields[name] is None for o in self.heads}) > 1
        return len({se.canonical(o.fields[name]) for o in self.heads}) > 1


def registers(ops: Iterable[Op]) -> dict[str, Register]:
    """The register of every field the ops write (docs/sync.md: multi-value register)."""
    return {name: Register(name, heads, winner) for name, heads, winner in _weighed(ops)}


def weigh(ops: Iterable[Op]) -> tuple[dict[str, Any], list[Register]]:
    """A record's fields as its ops give them (each field's provisional winner), and the
    registers in conflict."""
    fields: dict[str, Any] = {}
    clashing: list[Register] = []
    for name, heads, winner in _weighed(ops):
        fields[name] = winner.fields[name]
        if len(heads) > 1:
            register = Register(name, heads, winner)
            if register.in_conflict:
                clashing.append(register)
    return fields, clashing


def sticky_revocation(ops: Iterable[Op], fields: dict[str, Any]) -> None:
    """A device once revoked stays revoked, whatever a concurrent edit said: its record keeps
    the earliest revocation and the lowest cut any revocation named."""
    revoking = [o for o in ops if o.fields.get("revoked_at")]
    if not revoking:
        return
    first = min(revoking, key=lambda o: (o.fields["revoked_at"], precedence(o)))
    fields["revoked_at"] = first.fields["revoked_at"]
    fields["revoked_by"] = first.fields.get("revoked_by")
    cuts = [o.fields["revoked_seq"] for o in revoking if o.fields.get("revoked_seq") is not None]
    fields["revoked_seq"] = min(cuts) if cuts else None


def _weighed(ops: Iterable[Op]) -> Iterator[tuple[str, list[Op], Op]]:
    """(field, its heads, the provisional winner) of every field the ops write; fields written
    by the same ops are weighed once."""
    ops = list(ops)
    writers: dict[str, int] = {}  # field -> which ops write it, one bit per op
    for i, op in enumerate(ops):
        bit = 1 << i
        for name in op.fields:
            writers[name] = writers.get(name, 0) | bit
    fields_of: dict[int, list[str]] = defaultdict(list)
    for name, mask in writers.items():
        fields_of[mask].append(name)
    for mask, names in fields_of.items():
        candidates = [op for i, op in enumerate(ops) if mask >> i & 1]
        if len(candidates) == 1:
            heads = candidates
        else:
            seen = {ref for op in candidates for ref in op.base}
            heads = [op for op in candidates if op.id not in seen]
        winner = max(heads, key=precedence)
        for name in names:
            yield name, heads, winner


def record_ops(conn: sqlite3.Connection, entity: str, ids: Iterable[str]) -> dict[str, list[Op]]:
    """The ops that make the records (those set aside as not legitimate are left out)."""
    out: dict[str, list[Op]] = defaultdict(list)
    for row in conn.execute(
        f"SELECT {OP_COLUMNS} FROM sync_op WHERE entity = ? AND refused IS NULL AND entity_id IN "
        "(SELECT value FROM json_each(?))",
        (entity, bulk.rows_text(ids)),
    ):
        op = op_from_row(row)
        out[op.entity_id].append(op)
    return out


def local_site(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT id FROM device WHERE is_local").fetchone()
    return row[0] if row else None


def next_seq(conn: sqlite3.Connection, site: str) -> int:
    row = conn.execute("SELECT MAX(seq) FROM sync_op WHERE site = ?", (site,)).fetchone()
    return (row[0] or 0) + 1


class Clock:
    """The replica's hybrid logical clock, kept in the `setting` table."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (HLC_SETTING,)).fetchone()
        self.last: str | None = row[0] if row else None

    def tick(self) -> str:
        self.last = hlc.tick(self.last, clock.now())
        return self.last

    def observe(self, remote: str) -> None:
        self.last = hlc.observe(self.last, remote, clock.now())

    def save(self) -> None:
        if self.last is not None:
            self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (HLC_SETTING, self.last),
            )


Refusals = Mapping[tuple[str, int], str]
"""Ops set aside (by device and number) and why: stored and passed on, never applied."""


def insert_ops(
    conn: sqlite3.Connection, ops: Iterable[Op], refused: Refusals | None = None
) -> None:
    if not refused:
        conn.executemany(
            f"INSERT INTO sync_op ({OP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (o.row() for o in ops),
        )
        return
    conn.executemany(
        f"INSERT INTO sync_op ({OP_COLUMNS}, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((*o.row(), refused.get((o.site, o.seq))) for o in ops),
    )


def _checked_text(entity: se.Entity, fields: dict[str, Any]) -> str:
    """The op's fields as JSON, refused unless every other device would accept them: a bad
    value would otherwise fail every later bundle at every receiver."""
    problem, text = sync_checks.checked_json(entity, fields)
    if problem:
        raise ValidationError(
            Text("无法保存：{0}（其他设备同步时会拒收），请改正后再保存", problem)
        )
    if len(text.encode()) > sync_checks.MAX_OP_BYTES:
        mb = sync_checks.MAX_OP_BYTES // 1_000_000
        raise ValidationError(
            Text("无法保存：{0} 记录的内容超过 {1} MB，同步包装不下，请删减", entity.name, mb)
        )
    return text


def _refuse_if_behind(conn: sqlite3.Connection, first: int) -> None:
    """A database restored from a backup older than what this device sent must get those ops
    back before it numbers new ones (other devices would see two different ops under one
    number: equivocation, docs/sync.md)."""
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (RESTORED_BEHIND,)).fetchone()
    if row and first <= int(row[0]):
        raise DomainError(
            Text(
                "本机刚从备份恢复，备份之后本机发出过的变更（到第 {0} 项）还没有取回：请先导入区"
                "联络办为本机导出的全部数据（liaison bundle export --full），再做修改",
                row[0],
            )
        )


def settle_restored(conn: sqlite3.Connection, site: str) -> None:
    """Clear the restore's guard once this device's own ops are back (after an import)."""
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (RESTORED_BEHIND,)).fetchone()
    if row and next_seq(conn, site) > int(row[0]):
        conn.execute("DELETE FROM setting WHERE key = ?", (RESTORED_BEHIND,))


def capture(
    conn: sqlite3.Connection,
    touched: Mapping[str, Iterable[str]],
    forced: Mapping[tuple[str, str], set[str]] | None = None,
    actor: str | None = None,
) -> list[Op]:
    """Write one op per touched record whose shared fields differ from what the op log says.

    `forced` names fields to write even when unchanged (resolving a conflict in favour of the
    provisional winner is still a decision that must travel). `actor` signs the ops of
    records that do not say who changed them (a removed holiday).
    """
    site = local_site(conn)
    if site is None:
        return []
    forced = forced or {}
    seq = next_seq(conn, site)
    hlc_clock = Clock(conn)
    made: list[Op] = []
    for entity in se.ENTITIES:
        ids = set(touched.get(entity.name, ())) | {i for (e, i) in forced if e == entity.name}
        if not ids:
            continue
        current = se.read_records(conn, entity, ids)
        history = record_ops(conn, entity.name, ids)
        for key in sorted(ids):
            regs = registers(history.get(key, ()))
            if key in current:
                fields, account = current[key]
            elif entity.hard_delete and regs:
                fields, account = {se.DELETED: 1}, None
            else:
                continue  # never shared, or an append-only record rolled back
            account = account or actor
            if entity.hard_delete and key in current:
                fields[se.DELETED] = 0
            must = forced.get((entity.name, key), set())
            changed = {
                name: value
                for name, value in fields.items()
                if name in must
                or name not in regs
                or se.canonical(regs[name].value) != se.canonical(value)
            }
            if not changed or (entity.hard_delete and set(changed) == {se.DELETED} and not regs):
                continue
            text = _checked_text(entity, changed)
            base = sorted({h.id for name in changed if name in regs for h in regs[name].heads})
            refs = (text, json.dumps(base, separators=(",", ":")))
            op = Op(
                site, seq, hlc_clock.tick(), entity.name, key, account, changed, tuple(base), refs
            )
            seq += 1
            made.append(op)
    if made:
        _refuse_if_behind(conn, made[0].seq)
        insert_ops(conn, made)
        hlc_clock.save()
        clear_resolved_conflicts(conn, made)
    for name in UNIQUE_NAMES:
        if touched.get(name):
            refresh_duplicates(conn, name, list(touched[name]))
    return made


def clear_resolved_conflicts(conn: sqlite3.Connection, ops: Iterable[Op]) -> None:
    """A local write whose base holds every head of a conflicted field settles that conflict."""
    for op in ops:
        for name in op.fields:
            conn.execute(
                "DELETE FROM sync_conflict WHERE entity = ? AND entity_id = ? AND field = ?",
                (op.entity, op.entity_id, name),
            )


UNIQUE_NAMES: dict[str, tuple[str, str]] = {
    "enterprise": ("uscc", "deleted_at IS NULL"),
    "account": ("username", "active"),
}
"""Records one device keeps unique (by this column, among the live ones) but two devices
offline may make twice: one company registered twice, one username made on two hubs."""


def refresh_duplicates(conn: sqlite3.Connection, entity: str, ids: Iterable[str]) -> None:
    """A record made twice on two devices (same 统一社会信用代码, same username; both live): a
    conflict on each of them, until a person deletes or renames one."""
    column, live_sql = UNIQUE_NAMES[entity]
    pg = is_postgresql(conn)
    heads = "json_array_elements(c.heads::json)" if pg else "json_each(c.heads)"
    ids = list(ids)
    ids += [  # the records these were duplicates of (one of them may have been renamed)
        r[0]
        for r in conn.execute(
            f"SELECT c.entity_id FROM sync_conflict c, {heads} h WHERE c.entity = ? "
            "AND c.field = 'duplicate' AND h.value ->> 'value' IN "
            "(SELECT value FROM json_each(?))",
            (entity, bulk.rows_text(ids)),
        )
    ]
    same = (
        f"FROM {entity} WHERE {column} IN (SELECT {column} FROM {entity} "
        "WHERE id IN (SELECT value FROM json_each(?)))"
    )
    if pg:
        rows = [
            list(r)
            for r in conn.execute(
                f"SELECT id, {column}, {live_sql} {same} ORDER BY id", (bulk.rows_text(ids),)
            )
        ]
    else:
        rows = bulk.fetch_rows(
            conn,
            f"SELECT json_group_array(json_array(id, {column}, {live_sql})) FROM "
            f"(SELECT * {same} ORDER BY id)",
            (bulk.rows_text(ids),),
        )
    conn.execute(
        "DELETE FROM sync_conflict WHERE entity = ? AND field = 'duplicate' "
        "AND entity_id IN (SELECT value FROM json_each(?))",
        (entity, bulk.rows_text([*ids, *(r[0] for r in rows)])),
    )
    live: dict[str, list[str]] = defaultdict(list)
    for key, name, is_live in rows:
        if is_live:
            live[name].append(key)
    conn.executemany(
        "INSERT INTO sync_conflict VALUES (?, ?, 'duplicate', ?, '')",
        [
            (entity, key, json.dumps([{"op": "", "value": o} for o in keys if o != key]))
            for keys in live.values()
            if len(keys) > 1
            for key in keys
        ],
    )


# --- the session hook: every ORM unit of work logs its shared changes -----------------------

TOUCHED = "oplog.touched"
FORCED = "oplog.forced"
ENABLED = "oplog.enabled"
ACTOR = "oplog.actor"


def acting(session: Session, account_id: str) -> None:
    """Sign this unit of work's ops with the account where a record does not say who changed
    it (every op must name its account: receivers set unsigned ones aside)."""
    session.info[ACTOR] = account_id or None


def touch(session: Session, entity: str, ids: Iterable[str]) -> None:
    """Name records a unit of work changed without ORM objects (bulk statements)."""
    session.info.setdefault(TOUCHED, defaultdict(set))[entity].update(ids)


def force(session: Session, entity: str, key: str, names: Iterable[str]) -> None:
    session.info.setdefault(FORCED, defaultdict(set))[(entity, key)].update(names)


def _owner(obj: object) -> Iterator[tuple[str, str]]:
    table = getattr(obj, "__tablename__", None)
    if table in se.BY_NAME:
        entity = se.BY_NAME[table]
        key = getattr(obj, entity.key)
        yield table, key.isoformat() if hasattr(key, "isoformat") else key
    elif table in se.OWNERS:
        owner, column = se.OWNERS[table]
        yield owner, getattr(obj, column)


def _after_flush(session: Session, _ctx: object) -> None:
    touched = session.info.setdefault(TOUCHED, defaultdict(set))
    for obj in (*session.new, *session.dirty, *session.deleted):
        for entity, key in _owner(obj):
            if key is not None:
                touched[entity].add(key)


def _before_commit(session: Session) -> None:
    if session.info.get(ENABLED) is False:
        return
    session.flush()
    touched = session.info.pop(TOUCHED, None)
    forced = session.info.pop(FORCED, None)
    if touched or forced:
        conn = raw_connection(session)
        capture(conn, touched or {}, forced, session.info.get(ACTOR))


def _after_end(session: Session, *_args: object) -> None:
    session.info.pop(TOUCHED, None)
    session.info.pop(FORCED, None)
    session.info.pop(ACTOR, None)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _after_end)
    event.listen(factory, "after_commit", _after_end)


# --- records written before the op log saw them (bulk demo data) -------------------------------


def adopt_unlogged(conn: sqlite3.Connection) -> int:
    """Write a creating op for every shared record the op log does not know (made by bulk
    writers such as the demo generator), stamped with the record's creation time and signed
    by its author. Records nobody made (the reference data every replica seeds alike) are
    left out: an op nobody signed would be set aside by every receiver."""
    site = local_site(conn)
    if site is None:
        return 0
    total = 0
    for entity in se.ENTITIES:
        by, when = _adopted_author(entity)
        if by == "NULL":
            continue
        seq = next_seq(conn, site)
        cur = conn.execute(
            f"""INSERT INTO sync_op ({OP_COLUMNS})
            SELECT ?, ? + row_number() OVER (ORDER BY t.{entity.key}),
                printf('%013d%06d', CAST(round((julianday(coalesce({when}, '2026-01-01'))
                    - 2440587.5) * 86400000) AS INTEGER), 0),
                ?, t.{entity.key}, {by}, {se.record_sql(entity)}, '[]'
            FROM {entity.name} AS t
            WHERE {by} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_op o
                              WHERE o.entity = ? AND o.entity_id = t.{entity.key})""",
            (site, seq - 1, entity.name, entity.name),
        )
        total += cur.rowcount
    return total


def _adopted_author(entity: se.Entity) -> tuple[str, str]:
    """SQL for the account and time of a record's creating op: who made it (an account made
    without one — the district's first administrator — signs its own creation)."""
    columns = entity.table.c
    if entity.name == "demand_event":
        return "t.actor_id", "t.at"
    if "created_by" in columns:
        by = "coalesce(t.created_by, t.id)" if entity.name == "account" else "t.created_by"
        return by, "t.created_at"
    if "updated_by" in columns:
        return "t.updated_by", "t.updated_at"
    return "NULL", "NULL"
