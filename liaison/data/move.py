"""Moving a hub's SQLite database to PostgreSQL (issue 16): every row of every table, the op log,
the devices and their keys with them, in one transaction on the PostgreSQL side.

The target is brought to the same schema revision by the same migrations first
(`liaison.data.migrate`) and must hold no district yet; the source must be at that revision
(open it with this version once). The search index is derived data: it is built anew on
PostgreSQL from the enterprises (`liaison.data.pg_search`). Whatever fails, the target is left
as it was before the copy (empty, migrated) and the source is only ever read.

`liaison migrate --from FILE --to URL` runs it (`liaison.cli_hub`), checking before it
commits that the copy's digest is the source's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import (
    JSON,
    Connection,
    Engine,
    MetaData,
    Table,
    bindparam,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy import Text as SqlText

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
    source: Path,
    target: Engine,
    progress: Callable[[str, int], object] | None = None,
    verify: Callable[[psycopg.Connection[Any]], object] | None = None,
) -> Moved:
    """Copy the SQLite database at `source` (unlocked first if encrypted) into the empty
    PostgreSQL database behind `target`. `verify` looks at the copy before it is committed:
    whatever it raises undoes the copy."""
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
            if verify is not None:
                verify(raw)
    finally:
        src.dispose()
    return Moved(rows, len(live))


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    names = [c.name for c in table.columns]
    insert = table.insert()
    if table.metadata is Base.metadata:  # typed by the model: dates and booleans as such
        # a JSON column's text moves as it is (its spelling is part of the record: the digest
        # and the ops carry it), not decoded and encoded again
        texts = {c.name for c in table.columns if isinstance(c.type, JSON)}
        result = src.execute(
            select(
                *(type_coerce(c, SqlText).label(c.name) if c.name in texts else c for c in table.c)
            )
        )
        insert = insert.values(
            {
                n: cast(bindparam(f"v_{n}", type_=SqlText()), JSON)
                if n in texts
                else bindparam(f"v_{n}")
                for n in names
            }
        )
        names = [f"v_{n}" for n in names]
    else:
        result = src.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table.name}")
    copied = 0
    while chunk := result.fetchmany(BATCH):
        dst.execute(insert, [dict(zip(names, row, strict=True)) for row in chunk])
        copied += len(chunk)
    return copied
