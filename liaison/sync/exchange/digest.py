"""`liaison digest`: one hash of the shared content, equal on replicas that exchanged everything.

It covers every shared record as its fields (the same JSON the op log carries), each demand's
derived state, and the open conflicts — read from the stored rows, not from the op log, so a
replica whose rows went wrong shows it. Device records (trust is each replica's own business)
and who-changed-last columns are left out.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from liaison.data.pg_conn import is_postgresql
from liaison.sync.log import records as se

DEMAND_STATE = ("state", "lead_department_id", "deadline", "flagged", "reopen_count", "epoch")


def digest(conn: sqlite3.Connection) -> str:
    """The digest of the replica behind `conn` (a SQLite file or a PostgreSQL hub: the same
    for the same content, every value read as SQLite stores it, keys in byte order)."""
    pg = is_postgresql(conn)
    h = hashlib.sha256()
    for entity in se.ENTITIES:
        if entity.name == "device":
            continue
        key = se.key_sql(entity, postgresql=pg)
        order = f'{key} COLLATE "C"' if pg else key  # byte order, as SQLite's
        rows = conn.execute(
            f"SELECT {key}, {se.record_sql(entity, postgresql=pg)} FROM {entity.name} AS t "
            f"ORDER BY {order}"
        )
        for key, fields in rows:
            h.update(f"{entity.name}\x1f{key}\x1f".encode())
            h.update(se.canonical(json.loads(fields)).encode())
            h.update(b"\x1e")
    cols = ", ".join(DEMAND_STATE)
    by_id = "id"
    if pg:
        cols = cols.replace("deadline", "to_char(deadline, 'YYYY-MM-DD')")
        cols = cols.replace("flagged", "flagged::int")
        by_id = 'id COLLATE "C"'
    for row in conn.execute(f"SELECT id, {cols} FROM demand ORDER BY {by_id}"):
        h.update(se.canonical(list(row)).encode())
    order = (
        'entity COLLATE "C", entity_id COLLATE "C", field COLLATE "C"'
        if pg
        else ("entity, entity_id, field")
    )
    for row in conn.execute(
        f"SELECT entity, entity_id, field, heads, winner FROM sync_conflict ORDER BY {order}"
    ):
        h.update(se.canonical([*row[:3], json.loads(row[3]), row[4]]).encode())
    return h.hexdigest()
