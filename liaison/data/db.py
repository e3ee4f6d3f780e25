"""Opening a Liaison database: engine, connection pragmas and the unit of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "Liaison"


def default_db_path() -> Path:
    """The embedded database in the user's data directory (created on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "liaison.sqlite"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def make_engine(path: Path | str) -> Engine:
    """An engine on the SQLite file at `path` with the pragmas every connection needs.

    SQLAlchemy's recipe for pysqlite: the driver's own transaction handling is switched off and
    every unit of work starts with BEGIN, so a unit's reads and writes share one snapshot (a
    check made on what was read cannot be overtaken by another writer in between).
    """
    engine = create_engine(f"sqlite:///{Path(path)}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "connect", _autocommit_driver)
    event.listen(engine, "begin", _begin)
    return engine


def _autocommit_driver(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def raw_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under a session, inside the session's transaction."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


SessionHook = Callable[["sessionmaker[Session]"], None]
"""Installs listeners on the unit-of-work factory. The sync package's op log is one
(`liaison.sync.log.oplog.install`: every unit of work logs its shared changes in its own
transaction); whoever opens the database passes it (`liaison.sync.log.database`), so this layer
never imports sync (docs/architecture.md)."""


class Database:
    """One open database: hands out one session per user action (docs/architecture.md)."""

    def __init__(self, path: Path | str, *, hooks: Sequence[SessionHook]) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        for hook in hooks:
            hook(self._sessions)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits once at the end, rolls everything back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for bulk work (demo data, index rebuilds)."""
        conn = sqlite3.connect(self.path, isolation_level=None)
        _on_connect(conn, None)
        return conn

    def dispose(self) -> None:
        self.engine.dispose()
