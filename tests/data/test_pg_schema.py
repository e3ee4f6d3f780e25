"""The same migrations build the schema on PostgreSQL: every model's table as the models say,
and the plain tables of sync and search (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from liaison.data import migrate, move, pg_search
from liaison.data.models import Base

PG_SEARCH_TABLES = {"enterprise_search", "enterprise_gram", "enterprise_char"}
SYNC_TABLES = set(move.PLAIN_TABLES)
"""Tables kept with plain DDL, not ORM models: search and sync."""


@pytest.fixture
def pg_engine(pg_dsn: str) -> Iterator[Engine]:
    engine = create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(pg_dsn))
    yield engine
    engine.dispose()


def test_the_migrations_build_what_the_models_say_on_postgresql(pg_engine: Engine) -> None:
    migrate.upgrade(pg_engine)
    assert migrate.current_revision(pg_engine) == migrate.head_revision()

    def include(_obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (type_ == "table" and name in SYNC_TABLES | PG_SEARCH_TABLES)

    with pg_engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include, "compare_type": True}
        )
        assert compare_metadata(ctx, Base.metadata) == []
    tables = set(inspect(pg_engine).get_table_names())
    assert tables >= SYNC_TABLES and tables >= PG_SEARCH_TABLES
    assert "attachment" not in tables  # made by 0001, dropped by 0006, as on SQLite


def test_the_search_tables_the_migration_made_are_pg_searchs(pg_engine: Engine) -> None:
    """0002 keeps a frozen copy of pg_search's DDL: building it again changes nothing."""
    migrate.upgrade(pg_engine)
    with pg_engine.connect() as conn:
        before = _columns_and_indexes(conn)
    raw = pg_engine.raw_connection()
    try:
        driver_conn = raw.driver_connection
        assert isinstance(driver_conn, psycopg.Connection)
        pg_search.create(driver_conn)
        driver_conn.commit()
    finally:
        raw.close()
    with pg_engine.connect() as conn:
        assert _columns_and_indexes(conn) == before


def _columns_and_indexes(conn: object) -> dict[str, object]:
    found = inspect(conn)
    return {
        table: (
            [(c["name"], str(c["type"])) for c in found.get_columns(table)],
            sorted(i["name"] or "" for i in found.get_indexes(table)),
        )
        for table in sorted(PG_SEARCH_TABLES)
    }
