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

from liaison.sync.log import records as se

DEMAND_STATE = ("state", "lead_department_id", "deadline", "flagged", "reopen_count", "epoch")


def digest(conn: sqlite3.Connection) -> str:
    h = hashlib.sha256()
    for entity in se.ENTITIES:
        if entity.name == "device":
            continue
        rows = conn.execute(
            f"SELECT t.{entity.key}, {se.record_sql(entity)} FROM {entity.name} AS t "
            f"ORDER BY t.{entity.key}"
        )
        for key, fields in rows:
            h.update(f"{entity.name}\x1f{key}\x1f".encode())
            h.update(se.canonical(json.loads(fields)).encode())
            h.update(b"\x1e")
    cols = ", ".join(DEMAND_STATE)
    for row in conn.execute(f"SELECT id, {cols} FROM demand ORDER BY id"):
        h.update(se.canonical(list(row)).encode())
    for row in conn.execute(
        "SELECT entity, entity_id, field, heads, winner FROM sync_conflict "
        "ORDER BY entity, entity_id, field"
    ):
        h.update(se.canonical([*row[:3], json.loads(row[3]), row[4]]).encode())
    return h.hexdigest()
