"""Many rows through one statement, as one JSON value each way.

Python's sqlite3 releases the interpreter lock while SQLite works, and takes it back after
every step: a row read or an `executemany` row. When another thread is busy in Python (a sync
import checks and folds on a worker while it writes), each of those take-backs waits for that
thread to let go, so a statement per row crawls. One statement that reads its rows from one
JSON text (`json_each`), or returns them as one (`json_group_array`), takes the lock back once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import JSON, Select, String, func, literal, literal_column, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session


def rows_text(rows: Iterable[Any]) -> str:
    """Rows (tuples, or single values) as one JSON text for `json_each(?)`."""
    return orjson.dumps(rows if isinstance(rows, list | tuple) else list(rows)).decode()


def fetch_rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[list[Any]]:
    """The rows of a query that returns them as one JSON array of arrays (one value, one
    step): `SELECT json_group_array(json_array(a, b)) FROM ...`."""
    row = conn.execute(sql, params).fetchone()
    return orjson.loads(row[0]) if row and row[0] else []


def listed(session: Session, values: Iterable[Any]) -> Select[tuple[Any]]:
    """`SELECT value FROM json_each(?)` over the values, as one parameter rather than one per
    value (on PostgreSQL, `json_array_elements_text`)."""
    text = rows_text(values)
    if session.get_bind().dialect.name == "postgresql":
        source = func.json_array_elements_text(sql_cast(literal(text, String()), JSON))
    else:
        source = func.json_each(text)
    return select(literal_column("value")).select_from(source)
