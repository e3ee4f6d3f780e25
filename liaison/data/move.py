"""Moving a hub's SQLite database to PostgreSQL (issue 16): every row of every table, the op log,
the devices and their keys with them, in one transaction on the PostgreSQL side.

The target is brought to the same schema revision by the same migrations first
(`liaison.data.migrate`) and must hold no district yet; the source must be at that revision
(open it with this version once). The search index is derived data: it is built anew on
PostgreSQL from the enterprises (`liaison.data.pg_search`). Whatever fails, the target is left
as it was before the copy (empty, migrated) and the source is only ever read.

The command that runs this (`liaison migrate`) comes with the rest of the hub on PostgreSQL;
until the app runs there, this is its tested core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Connection, Engine, MetaData, Table, func, select

from liaison.data import migrate, pg_search
from liaison.data.db import make_engine
from liaison.data.models import Base
from liaison.domain.errors import DomainError
from liaison.domain.text import Text

PLAIN_TABLES = (
    "sync_op",
    "sync_conflict",
    "sync_peer",
    "sync_bundle",
    "device_key",
    "sync_seal",
    "sync_equivocation",
)
"""The op log's and the devices' tables, kept with plain DDL (liaison.sync.log.oplog)."""
BATCH = 5000


@dataclass(frozen=True)
class Moved:
    rows: dict[str, int]
    """Rows copied, by table."""
    indexed: int
    """Enterprises in the new search index."""


def copy_to_postgresql(
    source: Path, target: Engine, progress: Callable[[str, int], object] | None = None
) -> Moved:
    """Copy the SQLite database at `source` (unlocked first if encrypted) into the empty
    PostgreSQL database behind `target`."""
    migrate.upgrade(target)
    src = make_engine(source, read_only=True)
    try:
        have, want = migrate.current_revision(src), migrate.head_revision()
        if have != want:
            raise DomainError(
                Text(
                    "数据库 {0} 的数据结构是 {1}，不是当前的 {2}：请先用本版本打开一次",
                    source,
                    have,
                    want,
                )
            )
        with target.begin() as dst, src.connect() as s:
            taken = dst.execute(select(func.count()).select_from(Base.metadata.tables["device"]))
            if taken.scalar_one():
                raise DomainError("目标 PostgreSQL 数据库已有数据：只能迁移到新建的空数据库")
            plain = MetaData()
            tables = [
                *Base.metadata.sorted_tables,
                *(Table(name, plain, autoload_with=dst) for name in PLAIN_TABLES),
            ]
            rows: dict[str, int] = {}
            for table in tables:
                rows[table.name] = _copy_table(s, dst, table)
                if progress is not None:
                    progress(table.name, rows[table.name])
            raw = dst.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            live = s.exec_driver_sql(
                "SELECT id, name, uscc FROM enterprise WHERE deleted_at IS NULL"
            ).fetchall()
            pg_search.index_enterprises(raw, [(r[0], r[1], r[2]) for r in live])
    finally:
        src.dispose()
    return Moved(rows, len(live))


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    names = [c.name for c in table.columns]
    if table.metadata is Base.metadata:  # typed by the model: dates, booleans, JSON as such
        result = src.execute(select(table))
    else:
        result = src.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table.name}")
    copied = 0
    while chunk := result.fetchmany(BATCH):
        dst.execute(table.insert(), [dict(zip(names, row, strict=True)) for row in chunk])
        copied += len(chunk)
    return copied
