"""Create or upgrade a database and seed its reference data (`liaison init`)."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from liaison.data import backup, driver, migrate
from liaison.data.db import Database, file_problem, is_server
from liaison.data.models import Device
from liaison.data.reference import SeedReport, seed_reference_data
from liaison.domain import signing
from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.sync.log import database, oplog


@dataclass(frozen=True)
class InitReport:
    path: Path | str
    created: bool
    from_revision: str | None
    to_revision: str | None
    seeded: SeedReport
    device_id: str


def _refuse_newer(where: Path | str, revision: str | None) -> None:
    """A database whose schema a newer Liaison made is refused, never touched."""
    if revision is not None and revision not in migrate.known_revisions():
        raise DomainError(
            Text(
                "数据库 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请安装新版本",
                where,
                revision,
            )
        )


def open_database(path: Path | str) -> Database:
    """Open an existing, up-to-date database; a clear error otherwise."""
    if is_server(path):
        return _open_server(str(path))
    p = Path(path)
    if not p.exists():
        raise DomainError(Text("数据库文件不存在：{0}（先运行 liaison init --db {1}）", p, p))
    db = database(p)
    try:
        current = migrate.current_revision(db.engine)
    except Exception as exc:  # not a database, damaged, locked...
        db.dispose()
        raise DomainError(file_problem(p, exc)) from exc
    if current != migrate.head_revision():
        db.dispose()
        _refuse_newer(p, current)
        raise DomainError(Text("数据库 {0} 需要升级（运行 liaison init --db {1}）", p, p))
    return db


def _open_server(url: str) -> Database:
    from liaison.data import pg_db  # psycopg only where a server is used

    db = database(url)
    try:
        current = migrate.current_revision(db.engine)
    except Exception as exc:  # no server, wrong password, no such database...
        db.dispose()
        raise DomainError(pg_db.server_problem(url, exc)) from exc
    if current != migrate.head_revision():
        db.dispose()
        _refuse_newer(db.where, current)
        raise DomainError(
            Text("数据库 {0} 需要升级（由数据库管理员运行 liaison init --db …）", db.where)
        )
    return db


def _make_device_key(s: Session, device: Device) -> None:
    """This installation's signing key: kept in its own database, never exported."""
    private = signing.new_private_key()
    device.public_key = signing.public_key(private)
    device.fingerprint = signing.fingerprint(device.public_key)
    s.flush()
    s.execute(
        text(
            "INSERT INTO device_key (device_id, private_key) VALUES (:d, :k) "
            "ON CONFLICT (device_id) DO UPDATE SET private_key = excluded.private_key"
        ),
        {"d": device.id, "k": private},
    )


def init_database(path: Path | str) -> InitReport:
    """Create the file if needed, upgrade the schema, seed reference data, name this device.
    On a PostgreSQL server (`path` a URL) the database must exist; it is upgraded in place
    (back it up with the server's tools first: docs/postgresql.md)."""
    if is_server(path):
        return _init_server(str(path))
    p = Path(path)
    created = not p.exists()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(Text("无法创建目录 {0}：{1}", p.parent, exc.strerror)) from exc
    db = database(p)
    try:
        try:
            before = migrate.current_revision(db.engine)
        except Exception as exc:
            raise DomainError(file_problem(p, exc)) from exc
        head = migrate.head_revision()
        if before is not None and before != head:
            _refuse_newer(p, before)
            backup.take(p, "upgrade")  # an upgrade cannot be undone: keep what was
        try:
            migrate.upgrade(db.engine)
        except Exception as exc:
            raise DomainError(file_problem(p, exc)) from exc
        return _seeded(db, p, created, before)
    finally:
        db.dispose()


def _init_server(url: str) -> InitReport:
    from liaison.data import pg_db

    db = database(url)
    try:
        try:
            before = migrate.current_revision(db.engine)
            _refuse_newer(db.where, before)
            migrate.upgrade(db.engine)
            with db.engine.begin() as conn:
                pg_db.grant_users(conn)
        except DomainError:
            raise
        except Exception as exc:
            raise DomainError(pg_db.server_problem(url, exc)) from exc
        return _seeded(db, db.where, before is None, before)
    finally:
        db.dispose()


def _seeded(db: Database, where: Path | str, created: bool, before: str | None) -> InitReport:
    """Seed the reference data and make sure this installation has a device and its key."""
    with db.session() as s:
        s.info[oplog.ENABLED] = False  # reference data is the same on every replica
        seeded = seed_reference_data(s)
        device = s.scalar(select(Device).where(Device.is_local.is_(True)))
        if device is None:
            device = Device(name=socket.gethostname() or "本机", is_local=True)
            s.add(device)
            s.flush()
        if not device.public_key:
            _make_device_key(s, device)
        device_id = device.id
    return InitReport(
        where, created, before, migrate.current_revision(db.engine), seeded, device_id
    )


def new_installation(source: Path | str, path: Path | str, name: str) -> InitReport:
    """A copy of the database at `source` as a new installation at `path`: same records, its
    own device identity and signing key (the copy never signs as the original), named `name`.
    For a laptop set up from the hub's file, and for tests and benchmarks."""

    src, dst = driver.connect(source), driver.connect(path)
    try:
        src.backup(dst)
        dst.execute("DELETE FROM device_key")  # the original's key and identity stay behind
        dst.execute("UPDATE device SET is_local = 0 WHERE is_local = 1")  # a device it knows
        dst.commit()
    finally:
        src.close()
        dst.close()
    report = init_database(path)
    with driver.connect(path) as conn:
        conn.execute("UPDATE device SET name = ? WHERE is_local = 1", (name,))
    return report
