"""Opening a Liaison database: engine, connection pragmas and the unit of work."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from liaison.data import driver
from liaison.domain.errors import DomainError
from liaison.domain.text import Text

APP_NAME = "Liaison"


def default_db_path() -> Path:
    """The embedded database in the user's data directory (created on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "liaison.sqlite"


SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(location: object) -> bool:
    """Whether `--db` names a database on a PostgreSQL server (a URL), not a SQLite file."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def shown(location: Path | str) -> str:
    """Where a database is, as messages and logs show it: a file's path, or a server URL
    without its password."""
    if not is_server(location):
        return str(location)
    parts = urlsplit(str(location))
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"], safe="/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def file_problem(path: Path, exc: BaseException) -> str:
    """One line saying what is wrong with the database file at `path` (from the error SQLite
    gave, directly or through SQLAlchemy) and what to do about it."""
    cause = getattr(exc, "orig", None) or exc
    text = str(cause).lower()
    if "full" in text:
        return Text(
            "磁盘空间不足：{0} 所在的磁盘已满，这次操作没有写入任何内容；请腾出空间后重试", path
        )
    damaged = ("malformed", "not a database", "encrypted", "disk i/o error")  # i/o: truncated
    if any(word in text for word in damaged):
        return Text(
            "数据库文件 {0} 已损坏或不是 Liaison 的数据库：请用备份恢复（liaison backup list 查"
            "看备份，liaison restore 备份文件）",
            path,
        )
    if "readonly" in text or "read-only" in text:
        return Text("数据库文件 {0} 是只读的：请检查文件权限，或把它复制到可写的位置", path)
    if "unable to open" in text:
        if path.is_dir():
            return Text("{0} 是一个文件夹，不是数据库文件", path)
        return Text("无法打开数据库 {0}：所在文件夹不存在或没有权限", path)
    if "locked" in text or "busy" in text:
        return Text("数据库 {0} 正被其他程序占用：请稍后重试", path)
    if "no such table" in text:
        return Text("{0} 不是 Liaison 的数据库（新建请运行 liaison init --db {1}）", path, path)
    return Text("数据库 {0} 出错：{1}", path, cause)


BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another to finish before it gives up with a clear message."""


CACHE_KIB = 65_536
"""Each connection's page cache (64 MB)."""
ENCRYPTED_CACHE_KIB = 524_288
"""An encrypted database's page cache (512 MB, filled only as pages are read): a page read from
the file is decrypted once and then served from here. With 64 MB the quarter's metrics of the
district took 54–72 % longer than in the clear; with 512 MB they take no longer
(bench/RESULTS.md)."""


def _on_connect(
    dbapi_conn: sqlite3.Connection, _record: Any, path: Path | str | None = None
) -> None:
    keyed = path is not None and driver.apply_key(dbapi_conn, path)  # before any other statement
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # a unit of work a person saw confirmed survives a power cut (WAL + NORMAL may lose the
    # last commits); bulk writers that can start over (the demo) lower it themselves
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute(f"PRAGMA cache_size=-{ENCRYPTED_CACHE_KIB if keyed else CACHE_KIB}")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA query_only=ON")


def make_engine(path: Path | str, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at `path` with the pragmas every connection needs.

    SQLAlchemy's recipe for pysqlite: the driver's own transaction handling is switched off and
    every unit of work starts with BEGIN, so a unit's reads and writes share one snapshot (a
    check made on what was read cannot be overtaken by another writer in between). A writing
    unit begins IMMEDIATE: it takes the write lock at once, waiting its turn behind another
    writer (a deferred BEGIN that later writes fails at once instead: SQLite cannot wait for a
    reader's snapshot to become a writer's). `read_only` engines begin deferred and cannot
    write (`query_only`): any number of them read beside a writer.
    """
    # hide_parameters: a failed statement's message (shown, logged) names no enterprise's data
    engine = create_engine(f"sqlite:///{Path(path)}", hide_parameters=True, module=driver.module)
    event.listen(engine, "connect", partial(_on_connect, path=path), insert=True)
    event.listen(engine, "connect", _autocommit_driver)
    if read_only:
        event.listen(engine, "connect", _read_only)
        event.listen(engine, "begin", _begin)
    else:
        event.listen(engine, "begin", _begin_immediate)
    return engine


def _autocommit_driver(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn: Any) -> None:
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, driver.Connection)
    begin_immediate(raw)


def begin_immediate(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to `BUSY_TIMEOUT_MS` for another writer to finish.

    Asked again every millisecond or two rather than by SQLite's own busy handler, whose
    sleeps grow to 100 ms: beside a writer that commits often, a waiter that sleeps that long
    keeps missing the moments the lock is free (measured: units of work waiting 5 s behind
    a busy writer; bench/writers_bench.py)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    conn.execute("PRAGMA busy_timeout=1")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except driver.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(0.001)
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def raw_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under a session, inside the session's transaction (on a
    PostgreSQL hub, `pg_conn.PgConnection`, which offers the same `execute`)."""
    conn = session.connection().connection.driver_connection
    if not isinstance(conn, driver.Connection):  # a PostgreSQL hub: the same surface
        from liaison.data.pg_conn import PgConnection

        return cast(sqlite3.Connection, PgConnection(cast(Any, conn)))
    return cast(sqlite3.Connection, conn)


def entry_order(session: Session) -> str:
    """The column that orders a table's rows as they were written: SQLite's `rowid`,
    PostgreSQL's `ctid` (rows written together and never updated, like a visit's
    participants, lie in the order they were inserted)."""
    return "ctid" if session.get_bind().dialect.name == "postgresql" else "rowid"


SessionHook = Callable[["sessionmaker[Session]"], None]
"""Installs listeners on the unit-of-work factory. The sync package's op log is one
(`liaison.sync.log.oplog.install`: every unit of work logs its shared changes in its own
transaction); whoever opens the database passes it (`liaison.sync.log.database`), so this layer
never imports sync (docs/architecture.md)."""


_LOCK_FAILURES: driver.Errors = (OperationalError, *driver.OperationalError)


class Database:
    """One open database: hands out one session per user action (docs/architecture.md)."""

    on_server = False
    """Whether the database is on a PostgreSQL server (`pg_db.PgDatabase`), not a file."""

    def __init__(self, path: Path | str, *, hooks: Sequence[SessionHook]) -> None:
        self._path = Path(path)
        self.location: Path | str = self._path
        """What opens this database again (`liaison.sync.log.database`)."""
        self.engine = make_engine(self.path)
        self.read_engine = make_engine(self.path, read_only=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reads = sessionmaker(self.read_engine, expire_on_commit=False)
        for hook in hooks:
            hook(self._sessions)
        from liaison.data import slot_refresh  # models import this module: not at the top

        slot_refresh.install(self._sessions, self.path)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def where(self) -> str:
        """Where the database is, as shown to people (a file, or a server and database)."""
        return str(self._path)

    def holding(self, what: str) -> AbstractContextManager[None]:
        """While a long writer holds the write lock: see `holding`."""
        return holding(self._path, what)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that writes: it waits its turn for the write lock (another writer
        may hold it; see `busy`), commits once at the end, rolls everything back on any
        error."""
        with self._sessions() as session, session.begin():
            try:
                session.connection()  # BEGIN IMMEDIATE now: wait for the lock before any work
            except _LOCK_FAILURES as exc:
                raise busy(self.path, exc) from exc
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit of work that only reads: one snapshot, never waiting for a writer, unable
        to write."""
        with self._reads() as session, session.begin():
            yield session

    def begin_writing(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE on a raw connection, as `session` does: waits its turn, then gives
        up with `Busy`."""
        try:
            begin_immediate(conn)
        except driver.OperationalError as exc:
            raise busy(self.path, exc) from exc

    def raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for bulk work (demo data, index rebuilds)."""
        conn = cast(sqlite3.Connection, driver.module.connect(str(self.path), isolation_level=None))
        _on_connect(conn, None, self.path)
        return conn

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


class Busy(DomainError):
    """Another program held the database's write lock for longer than a writer waits."""


def busy(path: Path, exc: BaseException) -> DomainError | BaseException:
    """The error to raise when beginning a write failed: `Busy` saying who holds the lock
    (a long writer leaves a note, `holding`) when it was the lock, else the error itself."""
    if "locked" not in str(exc) and "busy" not in str(exc):
        return exc
    note = _note(path).read_text(encoding="utf-8").strip() if _note(path).exists() else ""
    who = f"：{note}" if note else "（另一程序或另一窗口正在写入）"
    return Busy(Text("数据库正忙{0}。请稍候再试，已等待 {1} 秒", who, BUSY_TIMEOUT_MS // 1000))


def _note(path: Path) -> Path:
    return path.with_name(path.name + ".busy")


@contextmanager
def holding(path: Path, what: str) -> Iterator[None]:
    """While a long writer holds the write lock, leave a note saying what it does, so that
    another writer that gives up waiting can say what it waited for."""
    note = _note(path)
    try:
        note.write_text(what, encoding="utf-8")
    except OSError:
        yield
        return
    try:
        yield
    finally:
        note.unlink(missing_ok=True)
