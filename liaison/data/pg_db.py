"""A Liaison database on a PostgreSQL server: the district hub many desktops work on live.

Units of work keep the guarantees they have on SQLite (docs/postgresql.md):

- a unit that writes takes the hub's write lock first (a transaction-level advisory lock) and
  holds it until it commits or rolls back: writing units follow one another, as SQLite's
  `BEGIN IMMEDIATE` makes them. Each then reads what every earlier one committed, so a check
  made on what it read cannot be overtaken (two handlers accepting one demand at once: the
  second sees it accepted and is told so), state-machine steps never interleave, and the op
  log's numbers stay gapless (this device's ops are numbered max + 1, which two writers at
  once would both take). A writer waits up to `BUSY_TIMEOUT_MS`, then gets `Busy`;
- a unit that only reads works on one snapshot (REPEATABLE READ, READ ONLY), never waiting.

Reading never takes the lock, and a writing unit is a person's one action (milliseconds), so
fifty desktops rarely wait on one another (bench/RESULTS.md: the desktops simulation).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, cast

import psycopg
from sqlalchemy import Engine, String, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from liaison.data.db import BUSY_TIMEOUT_MS, Busy, Database, SessionHook, shown
from liaison.data.pg_conn import PgConnection, structural
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.text import Text

WRITE_LOCK = 0x4C49_4149  # "LIAI": the advisory lock every writing unit holds


def server_problem(url: str, exc: BaseException) -> str:
    """One line saying why the server's database could not be used, and what to do."""
    cause = getattr(exc, "orig", None) or exc
    text = str(cause).lower()
    where = shown(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return Text("无法登录数据库服务器 {0}：用户名或密码不对（请向信息科确认连接设置）", where)
    if "certificate" in text or "ssl error" in text:
        return Text(
            "无法与数据库服务器 {0} 建立加密连接：服务器的证书无法用连接设置里的根证书验证"
            "（请向信息科确认根证书文件）",
            where,
        )
    if "no encryption" in text:
        return Text(
            "数据库服务器 {0} 只接受加密连接：请在连接设置里选择加密方式 verify-full 并给出根证书",
            where,
        )
    if "does not exist" in text and "database" in text:
        return Text("数据库服务器上没有数据库 {0}（新建请运行 liaison init --db …）", where)
    if "permission denied" in text:
        return Text("数据库 {0} 拒绝了这次操作：连接所用的角色没有权限", where)
    if isinstance(cause, psycopg.OperationalError):
        return Text("无法连接数据库服务器 {0}：服务器未启动、地址不对或网络不通", where)
    return Text("数据库 {0} 出错：{1}", where, cause)


USERS_ROLE = "liaison_users"
"""The group role of the app's login roles (docs/postgresql.md): it may read and write every
table, never change the schema. `liaison init`, run with the owner role, grants it."""


def grant_users(conn: Any) -> bool:
    """Grant `USERS_ROLE`, when the server has it, what the app needs on every table and
    sequence (again after each upgrade: new tables). Returns whether it exists."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(role)s", {"role": USERS_ROLE}
    ).first()
    if found is None:
        return False
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {USERS_ROLE}")
    conn.exec_driver_sql(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {USERS_ROLE}"
    )
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {USERS_ROLE}")
    return True


def _connector(url: str, **options: Any) -> Any:
    def connect() -> psycopg.Connection[Any]:
        return psycopg.connect(url, application_name="Liaison", **options)

    return connect


def _lock_writes(conn: Any) -> None:
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))


def _rewrite(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    return structural(statement), parameters


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine on the server's database: writing units serialised by `WRITE_LOCK`, reading
    units on one read-only snapshot each."""
    engine = create_engine(
        "postgresql+psycopg://",
        # JIT compiles a plan for ~0.3 s: more than most of our queries take (bench/RESULTS.md)
        creator=_connector(url, options=f"-c lock_timeout={BUSY_TIMEOUT_MS} -c jit=off"),
        hide_parameters=True,
        pool_pre_ping=True,  # a server restarted overnight: the desktop reconnects
    )
    event.listen(engine, "before_cursor_execute", _rewrite, retval=True)
    if read_only:
        return engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    event.listen(engine, "begin", _lock_writes)
    return engine


def _refuse_overlong(session: Session, _context: Any, _instances: Any) -> None:
    """A text longer than its column is refused with the message SQLite's replicas give
    (there the op log's checks catch it: `oplog._checked_text`), not the server's error."""
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            limit = getattr(column.type, "length", None)
            value = getattr(obj, attr.key, None)
            if isinstance(value, str) and isinstance(column.type, String) and limit:
                if len(value) <= limit:
                    continue
                where = f"{mapper.local_table.name}.{column.name}"
                raise ValidationError(
                    Text(
                        "无法保存：{0}（其他设备同步时会拒收），请改正后再保存",
                        Text("{0} 过长或行数过多", where),
                    )
                )


class PgDatabase(Database):
    """One open database on a PostgreSQL server (see the module's docstring)."""

    on_server = True

    def __init__(self, url: str, *, hooks: Sequence[SessionHook]) -> None:
        self.url = url
        self.location = url
        self.engine = make_engine(url)
        self.read_engine = make_engine(url, read_only=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reads = sessionmaker(self.read_engine, expire_on_commit=False)
        for hook in hooks:
            hook(self._sessions)
        event.listen(self._sessions, "before_flush", _refuse_overlong)

    @property
    def path(self) -> Path:
        raise DomainError(
            Text(
                "数据库 {0} 在 PostgreSQL 服务器上：备份、恢复和加密由服务器负责"
                "（见 docs/postgresql.md），这项操作只用于本机的数据库文件",
                shown(self.url),
            )
        )

    @property
    def where(self) -> str:
        return shown(self.url)

    def holding(self, what: str) -> AbstractContextManager[None]:
        return nullcontext()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            try:
                session.connection()  # the write lock now, before any work
            except DBAPIError as exc:
                raise self._busy(exc) from exc
            yield session

    def _busy(self, exc: DBAPIError) -> BaseException:
        if isinstance(exc.orig, psycopg.errors.LockNotAvailable):
            return Busy(
                Text(
                    "数据库正忙{0}。请稍候再试，已等待 {1} 秒",
                    "（另一台电脑正在写入）",
                    BUSY_TIMEOUT_MS // 1000,
                )
            )
        return exc

    def begin_writing(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        except psycopg.errors.LockNotAvailable as exc:
            conn.execute("ROLLBACK")
            raise self._busy(DBAPIError(None, None, exc)) from exc

    def raw(self) -> sqlite3.Connection:
        """A plain connection (autocommit until `BEGIN`) for bulk work."""
        conn = psycopg.connect(self.url, application_name="Liaison", autocommit=True)
        return cast(sqlite3.Connection, PgConnection(conn, owned=True))
