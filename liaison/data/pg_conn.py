"""A PostgreSQL connection offering the part of `sqlite3.Connection` the plain-SQL modules use.

The op log, the merge and some queries speak SQL to the connection under a unit of work
(`db.raw_connection`): `execute(sql, params)` with `?` placeholders, `executemany`, cursors
that iterate and fetch. On a PostgreSQL hub they get this instead, so that one module serves
both engines. Statements are written in SQL both engines accept wherever one exists
(`ON CONFLICT`, `->>`, `CASE`); what has no common spelling branches on `is_postgresql`
in the module that writes it. This layer rewrites only what is mechanical:

- `?` placeholders become `%s`, `:name` ones `%(name)s` (and a literal `%` becomes `%%`),
  outside quoted text;
- `json_each(?)` over a JSON array of values (`bulk.rows_text`) becomes
  `json_array_elements_text(%s::json)`, whose column is also named `value`;
- `CROSS JOIN t ON` (SQLite's way to keep the join order written) becomes `JOIN t ON`:
  PostgreSQL's planner picks the order itself. This one applies to every statement the
  hub's engine runs (`structural`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # psycopg is loaded only where a server is used
    import psycopg

_QUOTED = r"'(?:[^']|'')*'|\"[^\"]*\""
_TOKENS = re.compile(_QUOTED + r"|json_each\(\?\)|\?|(?<![:\w]):[A-Za-z_]\w*|%", re.IGNORECASE)
_STRUCTURE = re.compile(
    _QUOTED + r"|\bCROSS\s+JOIN\b(?=\s+\w+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?\s+ON\b)", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def to_postgresql(sql: str) -> str:
    """`sql` as written for SQLite, with the rewrites above."""

    def rewrite(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith(":"):
            return f"%({token[1:]})s"
        if token.lower() == "json_each(?)":
            return "json_array_elements_text(%s::json)"
        return token.replace("%", "%%")  # quoted text: only its % doubled

    return structural(_TOKENS.sub(rewrite, sql))


@lru_cache(maxsize=4096)
def structural(sql: str) -> str:
    """The rewrites that do not touch placeholders (for statements SQLAlchemy prepared)."""

    def rewrite(m: re.Match[str]) -> str:
        token = m.group(0)
        return token if token[0] in "'\"" else "JOIN"

    return _STRUCTURE.sub(rewrite, sql)


def is_postgresql(conn: object) -> bool:
    """Whether a plain connection (from `raw_connection` or `Database.raw`) is PostgreSQL's."""
    return isinstance(conn, PgConnection)


class PgCursor:
    """The result of one statement: iterate it, or fetch."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return iter(())
        return iter(self._cursor)

    def close(self) -> None:
        self._cursor.close()


class PgConnection:
    """`sqlite3.Connection`'s `execute`/`executemany` on a psycopg connection."""

    def __init__(self, conn: psycopg.Connection[Any], *, owned: bool = False) -> None:
        self.pg = conn
        self._owned = owned

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> PgCursor:
        cursor = self.pg.cursor()
        cursor.execute(to_postgresql(sql), params if isinstance(params, Mapping) else tuple(params))
        return PgCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        cursor = self.pg.cursor()
        cursor.executemany(to_postgresql(sql), [tuple(r) for r in rows])
        return PgCursor(cursor)

    def close(self) -> None:
        if self._owned:
            self.pg.close()
