"""The connection the plain-SQL modules get on a PostgreSQL hub (liaison.data.pg_conn): the SQL
rewrites it makes and the values it hands over, as SQLite's connection would."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from liaison.data.pg_conn import PgConnection, structural, to_postgresql


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
        ("SELECT a FROM t WHERE b = :me", "SELECT a FROM t WHERE b = %(me)s"),
        ("SELECT x::json, '10:30', 'a?b' FROM t", "SELECT x::json, '10:30', 'a?b' FROM t"),
        ("SELECT 'it''s ?' WHERE a LIKE 'x%'", "SELECT 'it''s ?' WHERE a LIKE 'x%%'"),
        ("SELECT 5 % 2", "SELECT 5 %% 2"),
        (
            "WHERE id IN (SELECT value FROM json_each(?))",
            "WHERE id IN (SELECT value FROM json_array_elements_text(%s::json))",
        ),
        ("SELECT value FROM json_each(c.heads)", "SELECT value FROM json_each(c.heads)"),
        (
            "SELECT json_group_array(json_array(id, name)) FROM t",
            "SELECT json_agg(json_build_array(id, name)) FROM t",
        ),
        ("SELECT json_array_elements_text(x)", "SELECT json_array_elements_text(x)"),
        ("FROM d CROSS JOIN e ON e.id = d.e", "FROM d JOIN e ON e.id = d.e"),
        (
            "FROM d CROSS JOIN enterprise en ON en.id = d.e",
            "FROM d JOIN enterprise en ON en.id = d.e",
        ),
        ("FROM d CROSS JOIN (SELECT 1) x", "FROM d CROSS JOIN (SELECT 1) x"),
        ("FROM d CROSS JOIN e WHERE a JOIN f ON 1", "FROM d CROSS JOIN e WHERE a JOIN f ON 1"),
        ("SELECT 'CROSS JOIN e ON'", "SELECT 'CROSS JOIN e ON'"),
    ],
)
def test_sqlite_statements_are_spelled_for_postgresql(sqlite: str, postgresql: str) -> None:
    assert to_postgresql(sqlite) == postgresql


def test_statements_sqlalchemy_prepared_keep_their_placeholders() -> None:
    sql = "SELECT a FROM d CROSS JOIN e ON e.id = d.e WHERE a = %(a)s AND b LIKE 'x%%'"
    assert (
        structural(sql) == "SELECT a FROM d JOIN e ON e.id = d.e WHERE a = %(a)s AND b LIKE 'x%%'"
    )


@pytest.fixture
def conn(pg_dsn: str) -> Iterator[PgConnection]:
    raw = psycopg.connect(pg_dsn, autocommit=True)
    raw.execute(
        "CREATE TABLE t (id text PRIMARY KEY, at timestamp, day date, on_ boolean, n integer, "
        "data json)"
    )
    yield PgConnection(raw, owned=True)
    raw.close()


def test_values_come_and_go_as_sqlite_stores_them(conn: PgConnection) -> None:
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("a", "2026-12-07 09:30:00.000000", "2026-12-07", 1, 7, '{"b":1, "a":"江北"}'),
            ("b", "2026-12-07 09:30:00.120000", None, 0, None, None),
        ],
    )
    rows = conn.execute("SELECT id, at, day, on_, n, data FROM t ORDER BY id").fetchall()
    assert rows == [
        ("a", "2026-12-07 09:30:00.000000", "2026-12-07", 1, 7, '{"b":1, "a":"江北"}'),
        ("b", "2026-12-07 09:30:00.120000", None, 0, None, None),
    ]
    assert conn.execute("SELECT count(*) FROM t WHERE on_ = ?", (1,)).fetchone() == (1,)
    assert conn.execute("SELECT id FROM t WHERE n > ? LIMIT ?", (6, 5)).fetchall() == [("a",)]


def test_a_sqlite_like_connection_commits_as_sqlite3_does(conn: PgConnection) -> None:
    conn.execute("BEGIN")
    assert conn.in_transaction
    conn.execute("INSERT INTO t (id) VALUES (?)", ("c",))
    conn.commit()
    assert not conn.in_transaction
    with pytest.raises(psycopg.errors.UniqueViolation), conn:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (id) VALUES (?)", ("d",))
        conn.execute("INSERT INTO t (id) VALUES (?)", ("c",))
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)  # d rolled back with it
    with pytest.raises(ZeroDivisionError), conn:  # an error of the program, not the server's
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (id) VALUES (?)", ("e",))
        _ = 1 / 0
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
    assert conn.execute("UPDATE t SET n = ? WHERE id = ?", (1, "c")).rowcount == 1
