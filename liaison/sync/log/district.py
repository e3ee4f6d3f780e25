"""The district a replica belongs to: its root device, the hub that created it.

Every replica of a district records the same root (the root itself when it creates the district,
a joining device from the enrolment bundle whose sender a person has confirmed). The root is a
hub device whatever any op says; every other device is one because an administrator enrolled it
(docs/sync.md, "Authority"). Kept in `setting`: each replica's own, never an op.
"""

from __future__ import annotations

import sqlite3

ROOT = "district.root"
ROOT_KEY = "district.root_key"


def read_root(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(the root device's id, its public key), or Nones before the replica belongs anywhere."""
    rows = dict(
        conn.execute("SELECT key, value FROM setting WHERE key IN (?, ?)", (ROOT, ROOT_KEY))
    )
    return rows.get(ROOT), rows.get(ROOT_KEY)


def write_root(conn: sqlite3.Connection, device_id: str, public_key: str) -> None:
    conn.executemany(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(ROOT, device_id), (ROOT_KEY, public_key)],
    )


def local_kind(conn: sqlite3.Connection) -> str:
    """`hub`, `field`, or '' (not enrolled) for this device; the root, and a device enrolled
    as a merged district's founder, are hubs."""
    row = conn.execute("SELECT id, kind FROM device WHERE is_local").fetchone()
    if row is None:
        return ""
    root, _key = read_root(conn)
    kind = str(row[1] or "")
    return "hub" if row[0] == root or kind == "founder" else kind
