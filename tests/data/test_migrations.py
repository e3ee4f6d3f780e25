"""`liaison init` creates and upgrades databases; the migrations match the models."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from liaison.data import driver, migrate, move
from liaison.data.db import Database
from liaison.data.models import Base, Category, Device
from liaison.services.setup import init_database
from liaison.sync.log import database

SEARCH_TABLES = {"enterprise_search", "enterprise_fts", "enterprise_gram"}
SYNC_TABLES = set(move.PLAIN_TABLES)
"""Tables kept with plain DDL (liaison.data.search, liaison.sync.log.oplog), not ORM models;
the plain-DDL test below holds this list to what oplog creates."""


def test_migrated_schema_matches_models(db: Database) -> None:
    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (
            type_ == "table"
            and (name in SEARCH_TABLES | SYNC_TABLES or (name or "").startswith("enterprise_fts"))
        )

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include, "compare_type": True}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_init_is_idempotent_and_keeps_the_device(tmp_path: Path) -> None:
    path = tmp_path / "a" / "liaison.sqlite"
    first = init_database(path)
    second = init_database(path)
    assert first.created and not second.created
    assert first.device_id == second.device_id
    assert second.seeded.categories == 0
    assert second.to_revision == migrate.head_revision()


def test_database_uses_wal_and_foreign_keys(db: Database) -> None:
    conn = db.raw()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_init_does_not_overwrite_admin_changes(db_path: Path) -> None:
    db = database(db_path)
    with db.session() as s:
        cat = s.scalar(select(Category).where(Category.name == "融资"))
        assert cat is not None
        cat.resolve_days = 20
    db.dispose()
    init_database(db_path)
    db = database(db_path)
    with db.session() as s:
        assert s.scalar(select(Category.resolve_days).where(Category.name == "融资")) == 20
        assert len(list(s.scalars(select(Device)))) == 1
    db.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    import pytest

    from liaison.domain.errors import DomainError

    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DomainError, match="已损坏或不是 Liaison 的数据库"):
        init_database(path)
    assert path.read_bytes() == b"this is not sqlite" * 100
    with pytest.raises(driver.DatabaseError):
        driver.connect(path).execute("SELECT 1 FROM sqlite_master").fetchall()


def test_a_copy_made_a_new_installation_never_signs_as_the_original(tmp_path: Path) -> None:
    from liaison.services.setup import new_installation

    original = tmp_path / "hub.sqlite"
    first = init_database(original)
    copy = tmp_path / "laptop.sqlite"
    second = new_installation(original, copy, "观音桥街道 laptop 1")
    assert second.device_id != first.device_id
    with driver.connect(original) as a, driver.connect(copy) as b:
        key_a = a.execute("SELECT private_key FROM device_key").fetchall()
        key_b = b.execute("SELECT private_key FROM device_key").fetchall()
        local_b = b.execute("SELECT id, name FROM device WHERE is_local = 1").fetchall()
        departments = "SELECT count(*) FROM department"
        assert a.execute(departments).fetchone() == b.execute(departments).fetchone()
    assert len(key_b) == 1 and key_b != key_a
    assert local_b == [(second.device_id, "观音桥街道 laptop 1")]


def _schema(conn: sqlite3.Connection, tables: set[str]) -> list[tuple[str, str, str]]:
    """(type, name, SQL) of the tables and their indexes, white space folded."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return sorted(
        (kind, name, " ".join((sql or "").split()))
        for kind, name, table, sql in rows
        if table in tables or any(table.startswith(f"{t}_") for t in tables if "fts" in t)
    )


def test_plain_ddl_tables_are_what_the_code_creates_today(db: Database) -> None:
    """The migrations keep a frozen copy of the search and sync DDL: a change of the live
    constants without a migration of its own makes fresh code and migrated files differ."""
    from liaison.data import search
    from liaison.sync.log import oplog

    tables = SEARCH_TABLES | SYNC_TABLES
    live = driver.connect(":memory:")
    for stmt in (*search.DDL, *oplog.DDL):
        live.execute(stmt)
    migrated = db.raw()
    try:
        assert _schema(migrated, tables) == _schema(live, tables)
    finally:
        migrated.close()


def test_upgrading_step_by_step_from_0001_gives_the_fresh_schema(tmp_path: Path) -> None:
    from alembic import command

    stepwise = tmp_path / "old.sqlite"
    engine = database(stepwise).engine
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    init_database(stepwise)
    fresh = tmp_path / "fresh.sqlite"
    init_database(fresh)
    query = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"
    with driver.connect(stepwise) as a, driver.connect(fresh) as b:
        assert _parts(a.execute(query)) == _parts(b.execute(query))


def _parts(rows: Iterable[tuple[str, str, str | None]]) -> list[tuple[str, str, list[str]]]:
    """Each schema object with the clauses of its SQL sorted: a batch migration that rebuilds
    a table lists its constraints in whatever order it reflected them."""
    return [
        (kind, name, sorted(s.strip() for s in (sql or "").rstrip().removesuffix(")").split(",")))
        for kind, name, sql in rows
    ]
