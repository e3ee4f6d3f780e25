"""What the sync screen shows besides devices and conflicts: the bundles that came and went, and
what each peer device is known to have.

`list_bundles` reads the `sync_bundle` log (one row per bundle exported or imported here);
`peer_status` compares each peer's last known version vector with this replica's own, so a
person sees how much the next bundle for that peer would carry. `bundle_sender` reads who sent a
bundle file without trusting it, for the advice shown when the sender is not yet known here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from liaison.data.db import Database
from liaison.data.pg_conn import is_postgresql
from liaison.sync.exchange import envelope

IN = "in"
OUT = "out"
DIRECTION_LABELS = {IN: "导入", OUT: "导出"}


@dataclass(frozen=True)
class BundleRecord:
    """One bundle this replica exported or imported."""

    id: str
    direction: str
    """`in` (imported here) or `out` (exported here)."""
    peer_id: str | None
    """The sender of an imported bundle, the recipient of an exported one (None: 全部数据)."""
    peer_name: str
    made_at: datetime | None
    handled_at: datetime | None
    ops: int
    """Changes the bundle carries."""
    new_ops: int
    """Changes that were new here (import) — equal to `ops` for an export."""
    counts: dict[str, int] = field(default_factory=dict)
    """Changes by record kind (visit, demand, demand_event, …)."""
    conflicts: int = 0
    file: str = ""

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS.get(self.direction, self.direction)


@dataclass(frozen=True)
class PeerStatus:
    """What one other device is known to have, and when bundles last went each way."""

    device_id: str
    name: str
    known_ops: int
    """Total of the device's version vector: changes it is known to hold (from its last bundle)."""
    pending_ops: int
    """Changes this replica has that the device is not known to have: the next bundle for it."""
    last_import_at: datetime | None
    last_export_at: datetime | None
    bundles_in: int
    bundles_out: int
    trusted: bool
    revoked: bool


@dataclass(frozen=True)
class BundleSender:
    """Who a bundle file says it comes from (read, not yet verified against a trusted key)."""

    device_id: str
    name: str
    fingerprint: str
    made_at: str


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _counts(summary: str) -> tuple[dict[str, int], int]:
    try:
        raw = json.loads(summary or "{}")
    except ValueError:
        return {}, 0
    if not isinstance(raw, dict):
        return {}, 0
    counts = {
        str(k): v
        for k, v in raw.items()
        if k != "conflicts" and isinstance(v, int) and not isinstance(v, bool)
    }
    conflicts = raw.get("conflicts", 0)
    return counts, conflicts if isinstance(conflicts, int) else 0


def list_bundles(db: Database, limit: int = 200) -> list[BundleRecord]:
    """The latest bundles exported or imported here, newest first."""
    conn = db.raw()
    try:
        rows = conn.execute(
            "SELECT b.id, b.direction, b.peer_id, COALESCE(d.name, b.peer_name), b.made_at, "
            "b.handled_at, b.ops, b.new_ops, b.summary, b.file FROM sync_bundle b "
            "LEFT JOIN device d ON d.id = b.peer_id "
            f"ORDER BY b.handled_at DESC, b.{'ctid' if is_postgresql(conn) else 'rowid'} DESC "
            "LIMIT ?",
            (limit,),
        ).fetchall()
    finally:
        conn.close()
    out = []
    for bid, direction, peer_id, peer_name, made, handled, ops, new_ops, summary, file in rows:
        counts, conflicts = _counts(summary)
        out.append(
            BundleRecord(
                bid,
                direction,
                peer_id or None,
                peer_name or "",
                _when(made),
                _when(handled),
                ops,
                new_ops,
                counts,
                conflicts,
                file,
            )
        )
    return out


def local_vector(conn: sqlite3.Connection) -> dict[str, int]:
    """The last op number of every device this replica has ops from.

    One index probe per device (a skip scan over the op log's primary key), so it stays fast
    with millions of ops where `GROUP BY site` would read them all.
    """
    found: dict[str, int] = {}
    site = conn.execute("SELECT MIN(site) FROM sync_op").fetchone()[0]
    while site is not None:
        row = conn.execute("SELECT MAX(seq) FROM sync_op WHERE site = ?", (site,)).fetchone()
        found[site] = row[0]
        site = conn.execute("SELECT MIN(site) FROM sync_op WHERE site > ?", (site,)).fetchone()[0]
    return found


def _vector(text: str | None) -> dict[str, int]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}


def peer_status(db: Database) -> list[PeerStatus]:
    """Every other device this replica knows, with what it is known to have, by name."""
    conn = db.raw()
    try:
        have = local_vector(conn)
        rows = conn.execute(
            "SELECT d.id, d.name, d.trusted_at, d.revoked_at, p.vector, p.last_import_at, "
            "p.last_export_at, "
            "(SELECT COUNT(*) FROM sync_bundle b WHERE b.peer_id = d.id AND b.direction = 'in'), "
            "(SELECT COUNT(*) FROM sync_bundle b WHERE b.peer_id = d.id AND b.direction = 'out') "
            "FROM device d LEFT JOIN sync_peer p ON p.device_id = d.id "
            "WHERE NOT d.is_local ORDER BY d.name, d.id"
        ).fetchall()
    finally:
        conn.close()
    out = []
    for did, name, trusted, revoked, vec, last_in, last_out, n_in, n_out in rows:
        known = _vector(vec)
        pending = sum(max(0, seq - known.get(site, 0)) for site, seq in have.items())
        out.append(
            PeerStatus(
                did,
                name,
                sum(known.values()),
                pending,
                _when(last_in),
                _when(last_out),
                n_in,
                n_out,
                bool(trusted),
                bool(revoked),
            )
        )
    return out


def bundle_sender(path: Path) -> BundleSender:
    """Who the bundle at `path` says it comes from, and that key's fingerprint — to compare
    with the fingerprint the sending device shows before trusting it. Nothing is trusted here."""
    with envelope.opened_file(path) as opened:
        h = opened.header
    return BundleSender(h.sender, h.sender_name, envelope.sender_fingerprint(h), h.made_at)
