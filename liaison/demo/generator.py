"""The bulk writer: one transaction on a raw sqlite3 connection, all or nothing.

Rows are made as tuples in the storage form SQLAlchemy uses on SQLite (so the ORM reads them
back) and written with `executemany`. At district scale two child processes make the rows
(`liaison.demo.worker`, one part of the district each) while this process writes them and,
meanwhile, rebuilds the enterprise search index; the rows are the same as in a single-process
run. The load runs under a rollback journal when no other connection is open (see
`_use_rollback_journal`). A failure or a killed process leaves the database as it was: the
transaction never commits.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from queue import Queue
from typing import IO, Any

from liaison.data import driver, search, slot_refresh
from liaison.demo.clockwork import Clockwork
from liaison.demo.fieldwork import (
    DEMAND_COLUMNS,
    PARTICIPANT_COLUMNS,
    PARTS,
    UNIT_COLUMNS,
    VISIT_COLUMNS,
    Fieldwork,
)
from liaison.demo.firms import ASSIGNMENT_COLUMNS, CONTACT_COLUMNS, ENTERPRISE_COLUMNS, make_firms
from liaison.demo.history import EVENT_COLUMNS
from liaison.demo.people import (
    ACCOUNT_COLUMNS,
    DEMO_PASSWORD,
    ExistingAccounts,
    existing_accounts,
    make_staff,
)
from liaison.demo.plan import plan_for
from liaison.demo.reference import Reference, load_reference
from liaison.domain import clock, serials
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError
from liaison.domain.periods import COLUMNS as PERIOD_COLUMNS
from liaison.domain.text import Text
from liaison.sync.log import database, district, oplog

NOT_EMPTY = "数据库中已有企业数据，演示数据只能生成到空数据库"


@dataclass(frozen=True)
class DemoReport:
    """What `generate` wrote: rows per table, demands per state, and how long it took."""

    path: Path
    scale: str
    seed: int
    today: date
    counts: dict[str, int]
    states: dict[str, int]
    paths: dict[str, int]
    seconds: float
    password: str = DEMO_PASSWORD
    usernames: tuple[str, ...] = field(default=())
    """A few accounts to sign in with (one per role)."""

    def summary(self) -> str:
        """The report as the CLI prints it."""
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        out = [
            f"演示数据已生成：{self.path}（规模 {self.scale}，种子 {self.seed}，"
            f"截至 {self.today:%Y-%m-%d}，用时 {self.seconds:.1f} 秒）"
        ]
        out += [f"  {TABLE_LABELS.get(t, t)}：{n:,}" for t, n in self.counts.items()]
        states = "，".join(f"{wf.STATE_LABELS[wf.State(k)]} {v:,}" for k, v in self.states.items())
        out.append(f"  诉求状态：{states}")
        out.append(
            f"  演示账号（如 {'、'.join(self.usernames)}）的密码都是 {self.password}"
            "（为节省时间只计算了一次哈希，所有演示账号共用同一个盐值，仅供演示）"
        )
        return out


TABLE_LABELS = {
    "account": "账号",
    "enterprise": "企业",
    "enterprise_tag": "企业标签",
    "contact": "联系人",
    "assignment": "包联关系",
    "visit": "走访",
    "visit_participant": "走访参加人",
    "demand": "诉求",
    "demand_unit": "诉求承办单位",
    "demand_event": "诉求办理记录",
    "demand_period": "诉求办理阶段",
}


def _insert(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: list[tuple[object, ...]]
) -> int:
    if rows:
        marks = ",".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)
    return len(rows)


def _open(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise DomainError(Text("数据库文件不存在：{0}（先运行 liaison init --db {1}）", path, path))
    db = database(path)
    try:
        conn = db.raw()
    finally:
        db.dispose()
    try:
        ok = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            "('enterprise', 'demand_event', 'device')"
        ).fetchone()[0]
    except driver.DatabaseError as exc:
        conn.close()
        raise DomainError(Text("无法打开数据库 {0}：{1}", path, exc)) from exc
    if ok != 3:
        conn.close()
        raise DomainError(Text("数据库 {0} 尚未初始化，请先运行 liaison init --db {1}", path, path))
    return conn


@dataclass(frozen=True)
class Spec:
    """Everything the producer needs (picklable: it may run in a child process)."""

    scale: str
    seed: int
    today: date
    ref: Reference
    existing: ExistingAccounts


# Messages from the producer: ("say", text) | ("rows", table, rows) | ("indexable",)
# | ("stats", states, paths). "indexable" means every enterprise has been sent.
Message = tuple[Any, ...]

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "account": ACCOUNT_COLUMNS,
    "enterprise": ENTERPRISE_COLUMNS,
    "enterprise_tag": ("enterprise_id", "tag"),
    "contact": CONTACT_COLUMNS,
    "assignment": ASSIGNMENT_COLUMNS,
    "visit": VISIT_COLUMNS,
    "visit_participant": PARTICIPANT_COLUMNS,
    "demand": DEMAND_COLUMNS,
    "demand_unit": UNIT_COLUMNS,
    "demand_event": EVENT_COLUMNS,
    "demand_period": PERIOD_COLUMNS,
}


def produce(
    spec: Spec, parts: Sequence[int] = range(PARTS), base: bool = True
) -> Iterator[Message]:
    """The district as a stream of row batches, in insertion order: accounts and enterprises
    (if `base`), then the visits, demands and events of each of `parts`.

    Deterministic: accounts and enterprises come from random.Random(seed), each part from
    its own stream; a process making only some parts makes them exactly as a whole run."""
    plan = plan_for(spec.scale)
    ref = spec.ref
    cw = Clockwork(random.Random(spec.seed), ref.calendar)
    window_start = spec.today - timedelta(days=plan.window_days)

    if base:
        yield ("say", "生成账号…")
    staff = make_staff(
        spec.existing, ref, plan, cw, cw.office_time(window_start - timedelta(days=60))
    )
    if base:
        yield ("rows", "account", staff.rows)
        yield ("say", f"生成企业 {plan.enterprises:,} 家…")
    firms = make_firms(ref, staff, cw, plan.enterprises, window_start, spec.today)
    if base:
        yield ("rows", "enterprise", firms.rows)
        yield ("rows", "enterprise_tag", firms.tag_rows)
        yield ("rows", "contact", firms.contact_rows)
        yield ("rows", "assignment", sorted(firms.assignment_rows, key=_first))
        yield ("indexable",)
    staff.rows = []
    firms.rows, firms.tag_rows, firms.contact_rows, firms.assignment_rows = [], [], [], []

    for part in parts:
        part_cw = Clockwork(random.Random(f"{spec.seed}/visits/{part}"), ref.calendar)
        work = Fieldwork(ref, staff, firms, part_cw, plan, window_start, spec.today, part)
        for batch in work.batches(work.schedule()):
            yield ("rows", "visit", sorted(batch.visits, key=_first))
            yield ("rows", "visit_participant", sorted(batch.participants, key=_first))
            yield ("rows", "demand", sorted(batch.demands, key=_first))
            yield ("rows", "demand_unit", batch.units)
            yield ("rows", "demand_event", sorted(batch.events, key=_first))
            yield ("rows", "demand_period", sorted(batch.periods, key=_first))
        yield ("stats", work.states, work.paths)


def _first(row: tuple[object, ...]) -> str:
    return str(row[0])


def _reader(stream: IO[bytes], inbox: Queue[Message | None]) -> None:
    try:
        while True:
            msg = pickle.load(stream)
            inbox.put(msg)
            if msg is None:
                return
    except Exception as exc:  # EOF: the child died without a word
        inbox.put(("error", f"{type(exc).__name__}: {exc}"))


def _from_children(spec: Spec) -> Iterator[Message]:
    """Make the parts in child Pythons (one per part) while this process writes.

    Child 0 also sends the accounts and enterprises. Reader threads unpickle into one bounded
    queue, so the children keep working while the writer is busy (e.g. indexing)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    inbox: Queue[Message | None] = Queue(maxsize=32)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for part in range(PARTS):
            proc = subprocess.Popen(
                [sys.executable, "-m", "liaison.demo.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
            procs.append(proc)
            assert proc.stdin is not None and proc.stdout is not None
            pickle.dump((spec, (part,), part == 0), proc.stdin, pickle.HIGHEST_PROTOCOL)
            proc.stdin.close()
            threading.Thread(target=_reader, args=(proc.stdout, inbox), daemon=True).start()
        running = len(procs)
        while running:
            msg = inbox.get()
            if msg is None:
                running -= 1
            elif msg[0] == "error":
                raise RuntimeError(f"演示数据生成失败：\n{msg[1]}")
            else:
                yield msg
        for proc in procs:
            if proc.wait() != 0:
                raise RuntimeError(f"演示数据生成进程退出码 {proc.returncode}")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


def _can_spawn() -> bool:
    return bool(sys.executable) and not getattr(sys, "frozen", False)


def generate(
    path: Path,
    *,
    scale: str = "small",
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    parallel: bool | None = None,
) -> DemoReport:
    """Fill the empty, initialised database at `path` with a whole demo district.

    Deterministic for (`scale`, `seed`, `today`). Raises DomainError, writing nothing, if the
    database already has enterprises or lacks its reference data. `parallel` (default: at
    district scale, when a Python interpreter can be started) makes the rows in two child
    processes while this one writes; the rows are the same either way.
    """
    started = time.perf_counter()
    plan = plan_for(scale)
    today = today or clock.today()
    say = progress or (lambda _msg: None)
    path = Path(path)
    if parallel is None:
        parallel = plan.scale == "district" and _can_spawn()
    conn = _open(path)
    try:
        # Checked row by row, foreign keys would cost a good share of the run; every
        # reference is made from ids generated before it (the tests run foreign_key_check).
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-262144")
        _require_empty(conn)
        switched = _use_rollback_journal(conn)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                _require_empty(conn)  # again, now that no one else can write
                ref, existing = load_reference(conn), existing_accounts(conn)
                spec = Spec(plan.scale, seed, today, ref, existing)
                source = _from_children(spec) if parallel else produce(spec)
                counts, states, paths = _write(conn, source, say, plan.visits)
                _number_closures(conn)
                _found_district(conn)
                say("同步日志：登记演示数据的创建")
                oplog.adopt_unlogged(conn)  # the demo district is this replica's own data
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite ends it itself on some errors (disk full)
                    conn.execute("ROLLBACK")
                raise
        finally:
            if switched:
                _restore_wal(conn)
    finally:
        conn.close()
    slot_refresh.refresh(path)  # an encrypted database: the demo's accounts open it too
    return DemoReport(
        path=path,
        scale=plan.scale,
        seed=seed,
        today=today,
        counts=counts,
        states=states,
        paths=paths,
        seconds=time.perf_counter() - started,
        usernames=_usernames(path),
    )


def _number_closures(conn: sqlite3.Connection) -> None:
    """Give each 销号 its readable serial, as `demands.close_demand` does: per device and
    year, in the order they happened (the stories are told demand by demand, not in time)."""
    codes = {
        device_id: serials.device_code(fingerprint or "", device_id)
        for device_id, fingerprint in conn.execute("SELECT id, fingerprint FROM device")
    }
    counters: dict[tuple[str, int], int] = {}
    numbered: list[tuple[str, str]] = []
    for event_id, device_id, at in conn.execute(
        "SELECT id, device_id, at FROM demand_event WHERE kind = 'close' ORDER BY at, id"
    ).fetchall():
        key = (device_id, int(at[:4]))
        counters[key] = n = counters.get(key, 0) + 1
        code = codes.get(device_id) or serials.device_code("", device_id)
        numbered.append((serials.closure_serial(key[1], code, n), event_id))
    conn.executemany(
        "UPDATE demand_event SET data = json_set(data, '$.serial', ?) WHERE id = ?", numbered
    )


def _found_district(conn: sqlite3.Connection) -> None:
    """A demo made on a new installation makes it the demo district's hub (its root), as
    新建区县 would: its administrator enrols this device (docs/sync.md)."""
    if district.read_root(conn)[0] is not None:
        return
    device_id, key, created = conn.execute(
        "SELECT id, public_key, created_at FROM device WHERE is_local = 1"
    ).fetchone()
    admin = conn.execute(
        "SELECT id FROM account WHERE role = 'admin' ORDER BY created_at, id LIMIT 1"
    ).fetchone()[0]
    district.write_root(conn, device_id, key)
    conn.execute(
        "UPDATE device SET kind = 'hub', trusted_at = ?, trusted_by = ?, updated_by = ?, "
        "updated_device = ? WHERE id = ?",
        (created, admin, admin, device_id, device_id),
    )


def _require_empty(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM enterprise LIMIT 1").fetchone():
        raise DomainError(NOT_EMPTY)
    load_reference(conn)  # raises if the reference data is missing


def _use_rollback_journal(conn: sqlite3.Connection) -> bool:
    """Switch this database from WAL to a rollback journal for the bulk load; True if it was
    switched. The load writes each page once instead of twice (WAL, then checkpoint) and the
    commit is several seconds shorter, with the same atomicity: the journal holds the few
    pages that existed before. Needs the only connection: if another is open, stay in WAL."""
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except driver.OperationalError:
        return False
    return str(mode).lower() == "delete"


def _restore_wal(conn: sqlite3.Connection) -> None:
    # If it fails, no harm: every connection of the app asks for WAL (liaison.data.db).
    with contextlib.suppress(*driver.OperationalError):
        conn.execute("PRAGMA journal_mode=WAL")


def _write(
    conn: sqlite3.Connection,
    source: Iterator[Message],
    say: Callable[[str], None],
    visits: int,
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    counts = dict.fromkeys(TABLE_COLUMNS, 0)
    states: dict[str, int] = {}
    paths: dict[str, int] = {}
    for msg in source:
        kind = msg[0]
        if kind == "rows":
            table, rows = msg[1], msg[2]
            counts[table] += _insert(conn, table, TABLE_COLUMNS[table], rows)
            if table == "visit":
                say(f"生成走访和诉求 {counts['visit']:,}/{visits:,}…")
        elif kind == "say":
            say(msg[1])
        elif kind == "indexable":
            # The enterprises are complete: index them while the visits are being made.
            say("重建企业搜索索引…")
            search.rebuild(conn)
        elif kind == "stats":
            for total, part in ((states, msg[1]), (paths, msg[2])):
                for key, n in part.items():
                    total[key] = total.get(key, 0) + n
    states = dict(sorted(states.items()))
    paths = dict(sorted(paths.items()))
    say("更新统计信息（ANALYZE）…")
    # Sampled statistics (what PRAGMA optimize does): a full ANALYZE reads every index.
    conn.execute("PRAGMA analysis_limit=1000")
    conn.execute("ANALYZE")
    return counts, states, paths


def _usernames(path: Path) -> tuple[str, ...]:
    """One account per role to sign in with."""
    conn = driver.connect(path)
    try:
        return tuple(
            str(u)
            for (u,) in conn.execute(
                "SELECT min(username) FROM account WHERE active = 1 GROUP BY role ORDER BY role"
            )
        )
    finally:
        conn.close()
