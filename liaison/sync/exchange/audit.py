"""`liaison audit verify`: is this replica what its op log says, and is the log genuine?

Checks, reading only:
- every seal is signed by the key of the device it names and hashes to the ops it covers, and
  every op of another device lies under one of its seals (this device's own ops after its last
  seal are sealed at its next exchange);
- each device's ops are numbered 1, 2, 3… with no gap;
- every shared record equals what its ops make (each field's provisional winner), no record
  exists without ops or lacks ops that make it (reference data every replica seeds alike has
  none), and each demand's derived columns equal the fold of its events.

A direct SQL edit of a record, of an op, or of a seal shows up here; it lists what differs
(record kinds, ids and field names: no values, which may be personal data).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from liaison.data import bulk
from liaison.domain.periods import COLUMNS as PERIOD_COLUMNS
from liaison.services.demand_log import SNAPSHOT_COLUMNS
from liaison.sync.exchange.merge import EVENT_SQL, fold_demands
from liaison.sync.log import records as se
from liaison.sync.log.district import read_root
from liaison.sync.log.oplog import OP_COLUMNS, record_ops, sticky_revocation, weigh
from liaison.sync.log.seals import all_seals, digest_rows

BATCH = 5_000
MAX_LISTED = 50
"""Problems listed in full (the count is always exact)."""


@dataclass
class AuditReport:
    ops: int = 0
    seals: int = 0
    records: int = 0
    problems: list[str] = field(default_factory=list)
    count: int = 0
    """How many problems (more than `problems` lists when there are many)."""

    def add(self, problem: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)

    @property
    def ok(self) -> bool:
        return self.count == 0


def verify(conn: sqlite3.Connection) -> AuditReport:
    report = AuditReport()
    _sequences(conn, report)
    _seals(conn, report)
    _records(conn, report)
    _demands(conn, report)
    return report


def _sequences(conn: sqlite3.Connection, report: AuditReport) -> None:
    for site, count, low, high in conn.execute(
        "SELECT site, count(*), MIN(seq), MAX(seq) FROM sync_op GROUP BY site"
    ):
        report.ops += count
        if low != 1 or high != count:
            report.add(f"设备 {site} 的变更编号不连续：共 {count} 项，编号 {low}–{high}")


def _keys(conn: sqlite3.Connection) -> dict[str, str]:
    keys = {d: k for d, k in conn.execute("SELECT id, public_key FROM device") if k}
    root, root_key = read_root(conn)
    if root and root_key:
        keys.setdefault(root, root_key)
    return keys


def _seals(conn: sqlite3.Connection, report: AuditReport) -> None:
    keys = _keys(conn)
    covered: dict[str, int] = {}
    for seal in all_seals(conn):
        report.seals += 1
        key = keys.get(seal.site)
        if key is None or not seal.verify(key):
            report.add(f"签封 {seal.label} 的签名无效（不是该设备签发，或被改动过）")
        rows = conn.execute(
            f"SELECT {OP_COLUMNS} FROM sync_op WHERE site = ? AND seq BETWEEN ? AND ? ORDER BY seq",
            (seal.site, seal.first, seal.last),
        ).fetchall()
        if len(rows) != seal.last - seal.first + 1 or digest_rows(rows) != seal.digest:
            report.add(f"签封 {seal.label} 与本机保存的变更不符（变更被改动过）")
        if seal.first != covered.get(seal.site, 0) + 1:
            report.add(f"设备 {seal.site} 的签封不连续（{seal.label}）")
        covered[seal.site] = max(covered.get(seal.site, 0), seal.last)
    local = conn.execute("SELECT id FROM device WHERE is_local").fetchone()
    for site, high in conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site"):
        if high > covered.get(site, 0) and (local is None or site != local[0]):
            report.add(f"设备 {site} 的第 {covered.get(site, 0) + 1}–{high} 项变更没有它的签封")


def _chunks(conn: sqlite3.Connection, sql: str) -> Iterator[list[str]]:
    batch: list[str] = []
    for (key,) in conn.execute(sql):
        batch.append(key)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _records(conn: sqlite3.Connection, report: AuditReport) -> None:
    for entity in se.ENTITIES:
        lists = {c.field for c in entity.children}
        seen: set[str] = set()
        for ids in _chunks(conn, f"SELECT {entity.key} FROM {entity.name} ORDER BY 1"):
            stored = se.read_records(conn, entity, ids)
            made = record_ops(conn, entity.name, ids)
            for key in ids:
                seen.add(key)
                report.records += 1
                ops = made.get(key)
                if not ops:
                    if conn.execute(
                        "SELECT 1 FROM sync_op WHERE entity = ? AND entity_id = ? LIMIT 1",
                        (entity.name, key),
                    ).fetchone():
                        report.add(f"{entity.name} {key} 存在，但造成它的变更都已搁置")
                    continue  # reference data seeded alike everywhere, never an op
                fields, _clashing = weigh(ops)
                if entity.name == "device":
                    sticky_revocation(ops, fields)
                have = stored[key][0]
                wrong = sorted(
                    name
                    for name, value in fields.items()
                    if name != se.DELETED
                    and (name not in lists or name in have)
                    and se.canonical(have.get(name)) != se.canonical(value)
                )
                if wrong:
                    report.add(f"{entity.name} {key} 与其变更记录不符：{'、'.join(wrong)}")
        missing = conn.execute(
            "SELECT DISTINCT entity_id FROM sync_op WHERE entity = ? AND refused IS NULL",
            (entity.name,),
        ).fetchall()
        for (key,) in missing:
            if key in seen:
                continue
            ops = record_ops(conn, entity.name, [key]).get(key, [])
            fields, _ = weigh(ops)
            if not fields.get(se.DELETED):
                report.add(f"{entity.name} {key} 有变更记录，但本机没有这条记录")


def _demands(conn: sqlite3.Connection, report: AuditReport) -> None:
    cols = ", ".join(SNAPSHOT_COLUMNS)
    for ids in _chunks(conn, "SELECT id FROM demand ORDER BY id"):
        rows = conn.execute(EVENT_SQL, (bulk.rows_text(ids),)).fetchall()
        folded = fold_demands(ids, rows)
        _periods(conn, ids, folded.periods, report)
        stored = {
            r[-1]: r[:-1]
            for r in conn.execute(
                f"SELECT {cols}, flagged, id FROM demand "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (bulk.rows_text(ids),),
            )
        }
        for update in folded.updates:
            demand_id = update[-1]
            derived = tuple(update[:-1])
            if tuple(stored[demand_id]) != derived:
                wrong = [
                    name
                    for name, a, b in zip(
                        (*SNAPSHOT_COLUMNS, "flagged"), stored[demand_id], derived, strict=True
                    )
                    if a != b
                ]
                report.add(f"demand {demand_id} 的状态与其办理环节不符：{'、'.join(wrong)}")


def _periods(
    conn: sqlite3.Connection, ids: list[str], derived: list[tuple[Any, ...]], report: AuditReport
) -> None:
    """The stored periods (what the figures count) are those the events imply: a period
    written by hand — a 交办 shown as signed for in time — is named."""
    stored = conn.execute(
        f"SELECT {', '.join(PERIOD_COLUMNS)} FROM demand_period "
        "WHERE demand_id IN (SELECT value FROM json_each(?))",
        (bulk.rows_text(ids),),
    ).fetchall()
    wrong = {tuple(r)[1] for r in set(map(tuple, stored)) ^ set(derived)}
    for demand_id in sorted(wrong):
        report.add(f"demand {demand_id} 的办理阶段（统计所用）与其办理环节不符")
