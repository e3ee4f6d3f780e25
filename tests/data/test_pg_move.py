"""A hub's SQLite database moved to PostgreSQL keeps every row of every table (issue 16):
the small demo district, its op log, devices and keys, read back table by table."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, MetaData, Table, create_engine, select, text

from liaison.data import driver, move, pg_search
from liaison.data.db import make_engine
from liaison.data.models import Base
from liaison.data.search import SearchResult
from liaison.demo import generate
from liaison.domain.errors import DomainError

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def small_hub(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hub") / "hub.sqlite"
    shutil.copyfile(template_db, path)
    generate(path, scale="small", seed=2, today=TODAY)
    return path


@pytest.fixture
def pg_engine(pg_dsn: str) -> Iterator[Engine]:
    engine = create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(pg_dsn))
    yield engine
    engine.dispose()


def _rows(engine: Engine, table: Table) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        if table.metadata is Base.metadata:
            return sorted(tuple(r) for r in conn.execute(select(table)))
        names = ", ".join(c.name for c in table.columns)
        return sorted(
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
            for r in conn.execute(text(f"SELECT {names} FROM {table.name}"))
        )


def _search(engine: Engine, query: str) -> SearchResult | None:
    raw = engine.raw_connection()
    try:
        pg = raw.driver_connection
        assert isinstance(pg, psycopg.Connection)
        return pg_search.search(pg, query)
    finally:
        raw.close()


def test_every_row_of_every_table_arrives(small_hub: Path, pg_engine: Engine) -> None:
    moved = move.copy_to_postgresql(small_hub, pg_engine)
    source = make_engine(small_hub, read_only=True)
    try:
        plain = MetaData()
        with pg_engine.connect() as conn:
            plain_tables = [Table(n, plain, autoload_with=conn) for n in move.PLAIN_TABLES]
        for table in [*Base.metadata.sorted_tables, *plain_tables]:
            expected = _rows(source, table)
            assert moved.rows[table.name] == len(expected), table.name
            assert _rows(pg_engine, table) == expected, table.name
        assert moved.rows["enterprise"] > 0 and moved.rows["sync_op"] > 1000
        assert moved.rows["device_key"] == 1  # the hub's signing key comes along
    finally:
        source.dispose()
    found = _search(pg_engine, "重庆")
    assert found is not None and found.total > 0


def test_a_database_that_holds_a_district_is_not_written_over(
    small_hub: Path, pg_engine: Engine
) -> None:
    move.copy_to_postgresql(small_hub, pg_engine)
    with pg_engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM sync_op")).scalar_one()
    with pytest.raises(DomainError, match="只能迁移到新建的空数据库"):
        move.copy_to_postgresql(small_hub, pg_engine)
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_op")).scalar_one() == before


def test_a_source_at_another_revision_is_refused_and_nothing_is_copied(
    small_hub: Path, pg_engine: Engine, tmp_path: Path
) -> None:
    older = tmp_path / "older.sqlite"
    shutil.copyfile(small_hub, older)
    conn = driver.connect(older)
    conn.execute("UPDATE alembic_version SET version_num = '0007'")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="请先用本版本打开一次"):
        move.copy_to_postgresql(older, pg_engine)
    with pg_engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM enterprise")).scalar_one() == 0


def test_the_search_index_is_built_anew_from_the_live_enterprises(
    small_hub: Path, pg_engine: Engine, tmp_path: Path
) -> None:
    hub = tmp_path / "hub.sqlite"
    shutil.copyfile(small_hub, hub)
    conn = driver.connect(hub)
    gone, name = conn.execute("SELECT id, name FROM enterprise ORDER BY id LIMIT 1").fetchone()
    conn.execute("UPDATE enterprise SET deleted_at = '2026-11-01 00:00:00' WHERE id = ?", (gone,))
    live = conn.execute("SELECT count(*) FROM enterprise WHERE deleted_at IS NULL").fetchone()[0]
    conn.commit()
    conn.close()
    moved = move.copy_to_postgresql(hub, pg_engine)
    assert moved.indexed == live
    found = _search(pg_engine, name)
    assert found is not None and gone not in found.enterprise_ids
