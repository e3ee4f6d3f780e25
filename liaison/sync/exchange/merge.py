"""Applying ops from other devices: store the new ones, re-derive every record they touch.

A record's stored row is a function of its ops alone (`oplog.registers`), so the same set of
ops gives the same rows in any order, and applying an op twice changes nothing. A demand's
derived columns are the fold of its events ordered by (time, id), through the state machine; a
step that is no longer valid there (a department resolved while the supervisor re-routed) stays
in the history, flagged (docs/sync.md guarantee 5).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from liaison.data import bulk, driver, search
from liaison.data.pg_conn import is_postgresql
from liaison.domain import workflow as wf
from liaison.domain.periods import COLUMNS as PERIOD_COLUMNS
from liaison.domain.periods import fold as fold_periods
from liaison.services.demand_log import SNAPSHOT_COLUMNS
from liaison.sync.exchange.authority import MADE_BY_OPS, Enrolment, reference_map
from liaison.sync.log import records as se
from liaison.sync.log.oplog import (
    OP_COLUMNS,
    UNIQUE_NAMES,
    Op,
    Refusals,
    Register,
    insert_ops,
    op_from_row,
    precedence,
    record_ops,
    refresh_duplicates,
    sticky_revocation,
    weigh,
)


class MergeRefused(Exception):
    """The ops cannot be applied (the caller rolls the whole bundle back)."""


@dataclass
class MergeReport:
    new_ops: int = 0
    """Ops this replica did not have (applied or set aside)."""
    new: list[Op] = field(default_factory=list)
    """The new ops applied."""
    set_aside: dict[tuple[str, int], str] = field(default_factory=dict)
    """The new ops set aside, and why."""
    records: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    flagged_demands: int = 0


def _sql_time(at: datetime) -> str:
    return at.isoformat(sep=" ", timespec="microseconds")


def _existing(conn: sqlite3.Connection, ops: list[Op]) -> dict[tuple[str, int], Op]:
    """The stored ops with the same (device, number) as arriving ones (looked up only for
    numbers this replica can have: a first import looks up nothing)."""
    have = _last_seqs(conn, {o.site for o in ops})
    candidates = [(o.site, o.seq) for o in ops if o.seq <= have.get(o.site, 0)]
    if not candidates:
        return {}
    keys = bulk.rows_text(candidates)
    pairs = "SELECT value ->> 0, value ->> 1 FROM json_each(?)"
    if is_postgresql(conn):
        pairs = "SELECT value ->> 0, CAST(value ->> 1 AS integer) FROM json_array_elements(?::json)"
    rows = conn.execute(f"SELECT {OP_COLUMNS} FROM sync_op WHERE (site, seq) IN ({pairs})", (keys,))
    return {(o.site, o.seq): o for o in map(op_from_row, rows)}


Check = Callable[[Callable[[], object]], None]
"""Validates the ops being applied, calling its argument every few rows; raises to refuse."""


def apply_ops(
    conn: sqlite3.Connection,
    ops: list[Op],
    *,
    fold_ahead: bool = True,
    check: Check | None = None,
    refused: Refusals | None = None,
) -> MergeReport:
    """Store the ops this replica lacks and re-derive what they touch (inside the caller's
    transaction). An op already stored with other content is a forgery or a bug: refused.
    Ops in `refused` (set aside: `liaison.sync.exchange.authority`) are stored, never applied.

    With `check`, the ops arrive unchecked (from a bundle): the check runs on a worker thread
    while SQLite writes the records, and everything waits for it before returning; when it
    refuses, its error is raised (whatever else went wrong meanwhile) and the caller rolls the
    transaction back — nothing unchecked outlives it."""
    ahead: Ahead | None = None
    try:
        known = _existing(conn, ops)
        new: list[Op] = []
        for op in ops:
            old = known.get((op.site, op.seq))
            if old is None:
                new.append(op)
            elif not _same(old, op):
                raise MergeRefused(f"变更 {op.id} 与本机已有的同号变更内容不同")
        _check_sequences(conn, new)
        stored = new
        if refused:
            new = [op for op in new if (op.site, op.seq) not in refused]
        touched: dict[str, set[str]] = defaultdict(set)
        for op in new:
            touched[op.entity].add(op.entity_id)
        # the touched records' ops this replica had before, then the new ones
        history: dict[str, dict[str, list[Op]]] = {
            entity: record_ops(conn, entity, ids) for entity, ids in touched.items()
        }
        _check_append_only(conn, stored)
        for op in new:
            history[op.entity].setdefault(op.entity_id, []).append(op)
        # before the worker starts: binding rows one by one needs the GIL
        insert_ops(conn, stored, refused)
        # a file's path lets a worker fold ahead on a connection of its own (not on a server)
        path = None if is_postgresql(conn) else conn.execute("PRAGMA database_list").fetchone()[2]
        demandish = touched.get("demand") or touched.get("demand_event")
        fold = bool(fold_ahead and path and demandish)
        if check is not None or fold:
            ahead = Ahead(path, new, check, fold)
        arriving = {id(op) for op in new}
        with _HANDOVER.quick():
            report = rederive(conn, touched, history, ahead, lambda op: id(op) in arriving)
    except Exception:
        if ahead is not None:
            ahead.verdict()  # a bad row is the reason to give, if there is one
        elif check is not None:
            check(_go_on)
        raise
    report.new_ops = len(stored)
    report.new = new
    report.set_aside = {
        (op.site, op.seq): refused[(op.site, op.seq)]
        for op in stored
        if refused and (op.site, op.seq) in refused
    }
    return report


class _Handover:
    """While the worker runs Python, a statement that returns from SQLite waits for the
    interpreter until the worker is made to let go: 5 ms by default, a tenth of it during a
    merge (there are dozens of statements; the worker loses next to nothing). The setting is
    the process's: the first merge to start lowers it, the last to end puts it back."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.merging = 0
        self.before = 0.0

    @contextmanager
    def quick(self) -> Iterator[None]:
        with self.lock:
            if not self.merging:
                self.before = sys.getswitchinterval()
                sys.setswitchinterval(min(self.before, 0.0005))
            self.merging += 1
        try:
            yield
        finally:
            with self.lock:
                self.merging -= 1
                if not self.merging:
                    sys.setswitchinterval(self.before)


_HANDOVER = _Handover()


def _go_on() -> None:
    """A check's pause point when nothing else runs."""


def _same(a: Op, b: Op) -> bool:
    """The same change (compared decoded: two devices may spell the same JSON differently)."""
    same_columns = a.row()[:6] == b.row()[:6]
    return same_columns and a.base == b.base and a.fields == b.fields


def _last_seqs(conn: sqlite3.Connection, sites: set[str]) -> dict[str, int]:
    """The last op number this replica has of each device."""
    return {
        site: conn.execute("SELECT MAX(seq) FROM sync_op WHERE site = ?", (site,)).fetchone()[0]
        or 0
        for site in sites
    }


def _check_sequences(conn: sqlite3.Connection, ops: list[Op]) -> None:
    """Each device's ops must stay gapless here: a bundle carries everything after what the
    receiver is known to have, so a gap means a damaged or forged bundle."""
    by_site: dict[str, list[int]] = defaultdict(list)
    for op in ops:
        by_site[op.site].append(op.seq)
    last = _last_seqs(conn, set(by_site))
    for site, seqs in by_site.items():
        have = last[site]
        seqs.sort()
        if seqs[0] != have + 1 or seqs[-1] - seqs[0] + 1 != len(seqs):
            raise MergeRefused(f"设备 {site} 的变更不连续（本机已有到 {have}）")


def _check_append_only(conn: sqlite3.Connection, new: list[Op]) -> None:
    """A demand event is never edited: an op on one that has an op here already (set aside
    or not), or two ops on one, is a forgery or a bug."""
    for entity in (e for e in se.ENTITIES if e.append_only):
        ids = [o.entity_id for o in new if o.entity == entity.name]
        if not ids:
            continue
        known = conn.execute(
            "SELECT 1 FROM sync_op WHERE entity = ? AND entity_id IN "
            "(SELECT value FROM json_each(?)) LIMIT 1",
            (entity.name, bulk.rows_text(ids)),
        ).fetchone()
        if len(ids) != len(set(ids)) or known:
            raise MergeRefused(f"{entity.name} 只能新增，不能修改")


def rederive(
    conn: sqlite3.Connection,
    touched: Mapping[str, Iterable[str]],
    history: Mapping[str, Mapping[str, list[Op]]] | None = None,
    ahead: Ahead | None = None,
    fresh: Callable[[Op], bool] = lambda op: True,
) -> MergeReport:
    """Rewrite the touched records from their ops (all of them: `history` when the caller
    has them, else read from the log); then conflicts, search and demand folds. `fresh`
    tells the ops this merge brings from those stored before it."""
    report = MergeReport()
    demands: set[str] = set(touched.get("demand", ()))
    reindex: list[str] = []
    for entity in se.ENTITIES:
        ids = sorted(set(touched.get(entity.name, ())))
        if not ids:
            continue
        report.records[entity.name] = len(ids)
        ops_of = history[entity.name] if history else record_ops(conn, entity.name, ids)
        as_is = entity.name in se.FAST_ENTITIES
        fast = [key for key in ids if as_is and len(ops_of[key]) == 1]  # made by one op, as is
        slow = [key for key in ids if not (as_is and len(ops_of[key]) == 1)]
        if entity.name == "demand_event" and not (ahead and ahead.folds):
            demands.update(ops_of[key][0].fields["demand_id"] for key in fast)
        try:
            se.write_from_log(conn, entity, fast)  # a few long statements: the worker runs
            with paused(ahead):  # Python and a statement per row: the worker waits
                report.conflicts += _write_weighed(conn, entity, slow, ops_of, demands, fresh)
        except driver.IntegrityError as exc:
            raise MergeRefused(f"{entity.name} 无法写入：{exc}") from exc
        if entity.name == "enterprise":
            reindex = ids
        if entity.name in UNIQUE_NAMES:
            refresh_duplicates(conn, entity.name, ids)
    if reindex:  # while the worker folds: the index is written by a few long statements
        if ahead is not None:
            ahead.warmed.wait()  # the names' pinyin, worked out by the worker
        refresh_search(conn, reindex)
    folded = ahead.join() if ahead is not None else None  # checked and folded meanwhile
    if folded is not None:
        report.flagged_demands = write_folds(conn, folded)
    else:
        report.flagged_demands = refold(conn, demands)
    return report


def _write_weighed(
    conn: sqlite3.Connection,
    entity: se.Entity,
    keys: list[str],
    ops_of: Mapping[str, list[Op]],
    demands: set[str],
    fresh: Callable[[Op], bool],
) -> int:
    """Write records from their fields' registers (the provisional winners), with their
    conflicts; adds the demands of events to `demands`; returns how many conflicts.

    A child list (an enterprise's contacts…) is rewritten only when a `fresh` op writes it:
    otherwise its register, and so the stored rows, are what they were."""
    conflict_rows: list[tuple[Any, ...]] = []
    settled: list[tuple[str, str, str]] = []
    records: list[tuple[str, Mapping[str, Any], se.Change]] = []
    standing = _standing_conflicts(conn, entity.name, keys)
    lists = [c.field for c in entity.children]
    for key in keys:
        ops = ops_of[key]
        fields, clashing = weigh(ops)
        latest = max(ops, key=precedence)
        conflict_rows += [_conflict_row(entity.name, key, r) for r in clashing]
        in_conflict = {r.name for r in clashing}
        settled += [
            (entity.name, key, name)
            for name in fields
            if (key, name) in standing and name not in in_conflict
        ]
        for name in lists:
            if name in fields and not any(fresh(o) and name in o.fields for o in ops):
                del fields[name]
        if entity.name == "device":
            sticky_revocation(ops, fields)
        elif entity.name == "demand_event":
            demands.add(fields["demand_id"])
        records.append((key, fields, (se.stamp_time(latest.hlc), latest.account, latest.site)))
    se.write_records(conn, entity, records)
    conn.executemany(
        "DELETE FROM sync_conflict WHERE entity = ? AND entity_id = ? AND field = ?", settled
    )
    conn.executemany(
        "INSERT INTO sync_conflict VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity, entity_id, field) "
        "DO UPDATE SET heads = excluded.heads, winner = excluded.winner",
        conflict_rows,
    )
    return len(conflict_rows)


def _standing_conflicts(
    conn: sqlite3.Connection, entity: str, keys: list[str]
) -> set[tuple[str, str]]:
    """(record, field) of the records' conflicts stored before this merge."""
    if not keys:
        return set()
    rows = bulk.fetch_rows(
        conn,
        "SELECT json_group_array(json_array(entity_id, field)) FROM sync_conflict "
        "WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))",
        (entity, bulk.rows_text(keys)),
    )
    return {(key, field) for key, field in rows}


def _conflict_row(entity: str, key: str, r: Register) -> tuple[Any, ...]:
    shown = [
        {"op": h.id, "site": h.site, "hlc": h.hlc, "account": h.account, "value": h.fields[r.name]}
        for h in sorted(r.heads, key=precedence, reverse=True)
    ]
    return (entity, key, r.name, json.dumps(shown, ensure_ascii=False), r.winner.id)


def refresh_search(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Re-index the enterprises' names and codes."""
    rows = bulk.fetch_rows(
        conn,
        "SELECT json_group_array(json_array(e.id, e.name, e.uscc, e.deleted_at, s.name, s.uscc)) "
        "FROM enterprise AS e LEFT JOIN enterprise_search AS s ON s.enterprise_id = e.id "
        "WHERE e.id IN (SELECT value FROM json_each(?))",
        (bulk.rows_text(ids),),
    )
    search.unindex_enterprises(conn, [r[0] for r in rows if r[3] is not None])
    search.index_enterprises(
        conn,
        [
            (i, name, uscc)
            for i, name, uscc, deleted, indexed, indexed_uscc in rows
            if deleted is None and (indexed_uscc != uscc or indexed != search.normalize(name))
        ],
    )  # the enterprises indexed already under their name and code are left as they are


# --- demands: the derived columns are the fold of the events ------------------------------


def _event(row: tuple[Any, ...]) -> wf.Event:
    event_id, kind, at, actor_id, actor_role, text, data = row
    d = orjson.loads(data) if data and data != "{}" else {}
    return wf.event_from(event_id, kind, datetime.fromisoformat(at), actor_id, actor_role, text, d)


_SNAPSHOT_VALUES = attrgetter(*SNAPSHOT_COLUMNS)
_AS_STORED = frozenset({str, int, bool})


def _column_value(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, datetime):
        return _sql_time(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


EventRow = tuple[str, str, str, str | None, str, str, str, int, str | None, str | None]
"""(id, kind, at, actor_id, actor_role, text, data, flagged, department_id, due) of a stored
or arriving event."""


@dataclass
class Folded:
    """The demands' derived columns, units and event flags, ready to write."""

    ids: list[str]
    updates: list[tuple[Any, ...]] = field(default_factory=list)
    units: list[tuple[Any, ...]] = field(default_factory=list)
    flags: list[tuple[int, str]] = field(default_factory=list)
    periods: list[tuple[Any, ...]] = field(default_factory=list)
    flagged_demands: int = 0


EVENT_SQL = (
    "SELECT demand_id, id, kind, at, actor_id, actor_role, text, data, flagged, department_id, "
    "due FROM demand_event "
    "WHERE demand_id IN (SELECT value FROM json_each(?))"
)


def fold_demands(
    ids: Iterable[str],
    stored: Iterable[tuple[Any, ...]],
    arriving: Iterable[Op] = (),
    tick: Callable[[], object] = _go_on,
) -> Folded:
    """Fold each demand's events (`stored` rows as `EVENT_SQL` reads them, plus `arriving`
    event ops) in (time, id) order; pure computation, safe on a worker thread."""
    out = Folded(sorted(set(ids)))
    events: dict[str, list[EventRow]] = defaultdict(list)
    for row in stored:
        events[row[0]].append(row[1:])
    for op in arriving:
        f = op.fields
        events[f["demand_id"]].append(
            (
                op.entity_id,
                f["kind"],
                f["at"],
                f["actor_id"],
                f["actor_role"],
                f["text"],
                f["data"],
                0,
                f.get("department_id"),
                f.get("due"),
            )
        )
    for n, demand_id in enumerate(out.ids):
        if not n & 63:
            tick()
        rows = sorted(events.get(demand_id, ()), key=lambda r: (r[2], r[0]))
        snap, periods = fold_periods(
            demand_id,
            [_event(r[:7]) for r in rows],
            [(r[2], r[8], r[9]) for r in rows],
            _column_value,
        )
        out.periods += [p.row() for p in periods]
        flagged = set(snap.flagged_event_ids)
        out.flagged_demands += bool(flagged)
        if snap.state is None:  # its 提出 has not arrived yet (a later chunk of the bundle)
            snap = replace(snap, state=wf.State.NEW)
        values = [
            v if v is None or v.__class__ in _AS_STORED else _column_value(v)
            for v in _SNAPSHOT_VALUES(snap)
        ]
        out.updates.append((*values, int(bool(flagged)), demand_id))
        out.flags += [(int(r[0] in flagged), r[0]) for r in rows if bool(r[7]) != (r[0] in flagged)]
        lead = [(snap.lead_department_id, 1)] if snap.lead_department_id else []
        for dept, is_lead in lead + [(d, 0) for d in snap.co_department_ids]:
            out.units.append(
                (demand_id, dept, is_lead, int(snap.is_open), _column_value(snap.deadline))
            )
    return out


def write_folds(conn: sqlite3.Connection, folded: Folded) -> int:
    """Write what `fold_demands` derived; returns how many demands carry a flagged event."""
    assignments = ", ".join(f"{c} = ?" for c in SNAPSHOT_COLUMNS)
    conn.executemany(f"UPDATE demand SET {assignments}, flagged = ? WHERE id = ?", folded.updates)
    conn.executemany("UPDATE demand_event SET flagged = ? WHERE id = ?", folded.flags)
    conn.execute(
        "DELETE FROM demand_unit WHERE demand_id IN (SELECT value FROM json_each(?))",
        (bulk.rows_text(folded.ids),),
    )
    conn.executemany(
        "INSERT INTO demand_unit (demand_id, department_id, is_lead, is_open, deadline) "
        "VALUES (?, ?, ?, ?, ?)",
        folded.units,
    )
    conn.execute(
        "DELETE FROM demand_period WHERE demand_id IN (SELECT value FROM json_each(?))",
        (bulk.rows_text(folded.ids),),
    )
    conn.executemany(
        f"INSERT INTO demand_period ({', '.join(PERIOD_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in PERIOD_COLUMNS)})",
        folded.periods,
    )
    return folded.flagged_demands


def refold(conn: sqlite3.Connection, demand_ids: Iterable[str]) -> int:
    """Re-derive the demands' state columns, units and event flags from the stored events;
    returns how many carry a flagged event."""
    ids = sorted(set(demand_ids))
    if not ids:
        return 0
    stored = conn.execute(EVENT_SQL, (bulk.rows_text(ids),)).fetchall()
    return write_folds(conn, fold_demands(ids, stored))


class Ahead:
    """Work done beside a merge on a worker thread while the importing connection writes
    (SQLite releases the GIL while it works, so the two cores share the import): checking
    the arriving ops when they came unchecked from a bundle, then the pinyin keys of arriving
    enterprise names (kept by the search module's cache for the index), then folding the
    demands they touch — from the events already committed (its own read connection: it sees
    this replica as it was before the import) and the arriving ones.

    The importing thread must not run a statement per row meanwhile: each would wait for
    the interpreter this thread holds. It pauses this one around such work (`paused`)."""

    def __init__(self, path: str | None, new: list[Op], check: Check | None, fold: bool) -> None:
        self.path = path
        self.new = new
        self.check = check
        self.folds = fold
        self.result: Folded | None = None
        self.refusal: BaseException | None = None
        self.error: BaseException | None = None
        self.checked = threading.Event()
        self.warmed = threading.Event()
        self.go = threading.Event()
        self.go.set()
        self.cancelled = False
        if check is None:
            self.checked.set()
        self.thread = threading.Thread(target=self._run, name="merge-ahead", daemon=True)
        self.thread.start()

    def tick(self) -> None:
        """Where the work may pause (called every few rows)."""
        self.go.wait()
        if self.cancelled:
            raise _Cancelled

    def _run(self) -> None:
        try:
            if self.check is not None:
                try:
                    self.check(self.tick)
                except BaseException as exc:
                    self.refusal = exc
                    return
                finally:
                    self.checked.set()
            try:
                self._warm_search_keys()
            finally:
                self.warmed.set()
            if self.folds:
                self.result = self._fold()
        except _Cancelled:
            pass
        except BaseException as exc:  # handed to the importing thread
            self.error = exc
        finally:
            self.warmed.set()

    def _fold(self) -> Folded:
        demands = [o for o in self.new if o.entity == "demand"]
        events = [o for o in self.new if o.entity == "demand_event"]
        ids = {o.entity_id for o in demands} | {o.fields["demand_id"] for o in events}
        arriving = {o.entity_id for o in events}
        assert self.path is not None  # folds ahead only on a file (`apply_ops`)
        conn = driver.connect(f"{Path(self.path).as_uri()}?mode=ro", uri=True)
        try:
            stored = [
                r
                for r in conn.execute(EVENT_SQL, (bulk.rows_text(sorted(ids)),))
                if r[1] not in arriving
            ]
        finally:
            conn.close()
        return fold_demands(ids, stored, events, self.tick)

    def _warm_search_keys(self) -> None:
        for n, op in enumerate(o for o in self.new if o.entity == "enterprise"):
            if not n & 63:
                self.tick()
            name = op.fields.get("name")
            if isinstance(name, str):
                search.Keys.of(name)

    def verdict(self) -> None:
        """Wait for the check (not the rest, which stops) and raise its refusal, if any."""
        self.go.set()
        self.checked.wait()
        self.cancelled = True
        self.thread.join()
        if self.refusal is not None:
            raise self.refusal

    def join(self) -> Folded | None:
        """Wait for everything; raise the check's refusal or the worker's error, if any."""
        self.go.set()
        self.thread.join()
        if self.refusal is not None:
            raise self.refusal
        if self.error is not None:
            raise self.error
        return self.result


class _Cancelled(Exception):
    """The merge failed: the worker stops at its next pause point."""


@contextmanager
def paused(ahead: Ahead | None) -> Iterator[None]:
    """Keep the worker waiting (at its next pause point) for the duration."""
    if ahead is None:
        yield
        return
    ahead.go.clear()
    try:
        yield
    finally:
        ahead.go.set()


# --- revocations that reach back: ops already applied here, after a device's cut -------------


def apply_cuts(conn: sqlite3.Connection, enrolment: Enrolment) -> int:
    """Set aside every op applied here that a revoked or equivocating device made after its
    cut, and what was built on the records they made; re-derive what they touched. Returns
    how many ops."""
    cuts = [(site, c, "equivocation") for site, c in enrolment.equivocated.items()]
    cuts += [
        (site, d.revoked_seq, "revoked")
        for site, d in enrolment.devices.items()
        if d.revoked_seq is not None
    ]
    cut: list[tuple[str, str]] = []
    for site, last, reason in cuts:
        cut += conn.execute(
            "UPDATE sync_op SET refused = ? WHERE site = ? AND seq > ? "
            "AND refused IS NULL RETURNING entity, entity_id",
            (reason, site, last),
        ).fetchall()
    total = len(cut)
    touched: dict[str, set[str]] = defaultdict(set)
    for entity, key in cut:
        touched[entity].add(key)
    while touched:
        gone, edits = _without_ops(conn, touched)
        total += edits
        for entity, keys in gone.items():
            touched[entity] -= keys
        rederive(conn, {e: k for e, k in touched.items() if k})
        touched = defaultdict(set)
        for entity, key in _built_on(conn, gone):
            touched[entity].add(key)
            total += 1
        _remove(conn, gone)
    return total


def _without_ops(
    conn: sqlite3.Connection, touched: Mapping[str, set[str]]
) -> tuple[dict[str, set[str]], int]:
    """The touched records no op applied here makes any more: none of their ops is applied,
    or (`MADE_BY_OPS`) the op that made them is set aside. Their applied edits are set aside
    ("depends") with them; returns the records and how many edits."""
    gone: dict[str, set[str]] = {}
    edits = 0
    for entity, keys in touched.items():
        made_only = entity in MADE_BY_OPS
        making = "AND base = '[]' " if made_only else ""
        left = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT entity_id FROM sync_op WHERE entity = ? AND refused IS NULL "
                f"{making}"
                "AND entity_id IN (SELECT value FROM json_each(?))",
                (entity, bulk.rows_text(sorted(keys))),
            )
        }
        if keys - left:
            gone[entity] = keys - left
            if made_only:
                edits += conn.execute(
                    "UPDATE sync_op SET refused = 'depends' WHERE entity = ? AND refused IS NULL "
                    "AND entity_id IN (SELECT value FROM json_each(?))",
                    (entity, bulk.rows_text(sorted(gone[entity]))),
                ).rowcount
    return gone, edits


def _built_on(conn: sqlite3.Connection, gone: Mapping[str, set[str]]) -> list[tuple[str, str]]:
    """Set aside the applied ops whose fields name a record that is gone ("depends");
    returns the records they wrote."""
    hits: list[tuple[str, str]] = []
    fields = "CAST(fields AS json)" if is_postgresql(conn) else "fields"
    for entity, refs in reference_map().items():
        for name, target, column in refs:
            if column is not None or not gone.get(target):
                continue
            hits += conn.execute(
                "UPDATE sync_op SET refused = 'depends' WHERE entity = ? AND refused IS NULL "
                f"AND {fields} ->> '{name}' IN (SELECT value FROM json_each(?)) "
                "RETURNING entity, entity_id",
                (entity, bulk.rows_text(sorted(gone[target]))),
            ).fetchall()
    return hits


def _remove(conn: sqlite3.Connection, gone: Mapping[str, set[str]]) -> None:
    """Delete records no legitimate op makes (dependents first)."""
    for entity in reversed(se.ENTITIES):
        keys = gone.get(entity.name)
        if not keys:
            continue
        text = bulk.rows_text(sorted(keys))
        if entity.name == "demand":
            for table in ("demand_unit", "demand_period", "demand_event"):
                conn.execute(
                    f"DELETE FROM {table} WHERE demand_id IN (SELECT value FROM json_each(?))",
                    (text,),
                )
        if entity.name == "enterprise":
            search.unindex_enterprises(conn, sorted(keys))
        for child in entity.children:
            conn.execute(
                f"DELETE FROM {child.table} WHERE {child.parent} IN "
                "(SELECT value FROM json_each(?))",
                (text,),
            )
        conn.execute(
            f"DELETE FROM {entity.name} WHERE {entity.key} IN (SELECT value FROM json_each(?))",
            (text,),
        )
        conn.execute(
            "DELETE FROM sync_conflict WHERE entity = ? AND entity_id IN "
            "(SELECT value FROM json_each(?))",
            (entity.name, text),
        )
