"""The two ways a record made by one op is written — `write_records` (Python, a statement per
shape) and `write_from_log` (SQL straight from `sync_op`, a first import's bulk) — give the same
database, for any set of records of any entity that takes the fast path."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison import cli
from liaison.data import driver
from liaison.sync.log import records as se
from liaison.sync.log.oplog import record_ops


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paths") / "demo.sqlite"
    assert cli.main(["demo", "--scale", "small", "--seed", "4", "--db", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def single_op(demo: Path) -> dict[str, list[str]]:
    """Per fast entity, the records made by exactly one op."""
    conn = driver.connect(demo)
    try:
        found: dict[str, list[str]] = {}
        for name in sorted(se.FAST_ENTITIES):
            rows = conn.execute(
                "SELECT entity_id FROM sync_op WHERE entity = ? GROUP BY entity_id "
                "HAVING count(*) = 1 ORDER BY entity_id",
                (name,),
            ).fetchall()
            if rows:
                found[name] = [r[0] for r in rows]
        return found
    finally:
        conn.close()


def _copy(path: Path) -> sqlite3.Connection:
    src = driver.connect(path)
    dst = driver.connect(":memory:", isolation_level=None)
    src.backup(dst)
    src.close()
    return dst


def _tables(entity: se.Entity) -> Iterator[tuple[str, str]]:
    yield entity.name, entity.key
    for child in entity.children:
        yield child.table, child.parent


def _forget(conn: sqlite3.Connection, entity: se.Entity, keys: list[str]) -> None:
    for table, column in _tables(entity):
        marks = ",".join("?" for _ in keys)
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", keys)


def _dump(
    conn: sqlite3.Connection, entity: se.Entity, keys: list[str]
) -> dict[str, list[tuple[object, ...]]]:
    marks = ",".join("?" for _ in keys)
    return {
        table: sorted(
            conn.execute(f"SELECT * FROM {table} WHERE {column} IN ({marks})", keys).fetchall(),
            key=repr,
        )
        for table, column in _tables(entity)
    }


def test_every_fast_entity_has_records_to_try(single_op: dict[str, list[str]]) -> None:
    """The demo makes records of the entities sync sends most (the property below samples them)."""
    for name in ("enterprise", "visit", "demand", "demand_event", "assignment", "account"):
        assert single_op.get(name), name


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_both_write_paths_give_the_same_records(
    demo: Path, single_op: dict[str, list[str]], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(single_op)), label="entity")
    entity = next(e for e in se.ENTITIES if e.name == name)
    keys = data.draw(
        st.lists(st.sampled_from(single_op[name]), min_size=1, max_size=25, unique=True),
        label="keys",
    )
    by_sql, by_python = _copy(demo), _copy(demo)
    try:
        for conn in (by_sql, by_python):
            _forget(conn, entity, keys)
        se.write_from_log(by_sql, entity, keys)
        ops = record_ops(by_python, name, keys)
        se.write_records(
            by_python,
            entity,
            [
                (key, ops[key][0].fields, (se.stamp_time(op.hlc), op.account, op.site))
                for key in keys
                for op in ops[key][:1]
            ],
        )
        assert _dump(by_sql, entity, keys) == _dump(by_python, entity, keys)
    finally:
        by_sql.close()
        by_python.close()
