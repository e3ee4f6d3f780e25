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
- `json_group_array(json_array(a, b))` (rows as one JSON value, `bulk.fetch_rows`) becomes
  `json_agg(json_build_array(a, b))`: its text and numbers are SQLite's, a time in it is
  PostgreSQL's (ISO with a `T`), so read times that way only for whether they are null;
- `CROSS JOIN t ON` (SQLite's way to keep the join order written) becomes `JOIN t ON`:
  PostgreSQL's planner picks the order itself. This one applies to every statement the
  hub's engine runs (`structural`).

Values come and go as SQLite stores them, so that the code that reads and writes them (the
merge, the fold of a demand's events) is the same: a time is text with six decimals
(`2026-12-07 09:30:00.000000`), a date `YYYY-MM-DD`, a boolean 0 or 1, a JSON column its text.
Integers are sent untyped, as text is: the server reads each as the column or operator it
meets needs (0 into a boolean column is false).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

_QUOTED = r"'(?:[^']|'')*'|\"[^\"]*\""
_TOKENS = re.compile(
    _QUOTED + r"|json_each\(\?\)|\bjson_group_array\(|\bjson_array\(|\?|(?<![:\w]):[A-Za-z_]\w*|%",
    re.IGNORECASE,
)
_JSON_FUNCTIONS = {"json_group_array(": "json_agg(", "json_array(": "json_build_array("}
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
        if token.lower() in _JSON_FUNCTIONS:
            return _JSON_FUNCTIONS[token.lower()]
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


@lru_cache(maxsize=1)
def _adapters() -> tuple[type, ...]:
    """The dumper and loaders of `_as_sqlite` (psycopg is loaded only where a server is used:
    a SQLite desktop starts without it)."""
    from psycopg.adapt import Dumper, Loader

    class UntypedInt(Dumper):
        oid = 0  # unknown: the server takes the type the statement needs there

        def dump(self, obj: int) -> bytes:
            return str(int(obj)).encode()

    class TimeText(Loader):
        def load(self, data: Any) -> str:
            day_time, _, fraction = bytes(data).decode().partition(".")
            return f"{day_time}.{fraction.ljust(6, '0')}"

    class AsText(Loader):
        def load(self, data: Any) -> str:
            return bytes(data).decode()

    class BoolInt(Loader):
        def load(self, data: Any) -> int:
            return int(bytes(data) == b"t")

    return UntypedInt, TimeText, AsText, BoolInt


def _as_sqlite(cursor: psycopg.Cursor[Any]) -> psycopg.Cursor[Any]:
    """The cursor's values as SQLite stores them (the module's docstring); only this cursor's:
    the ORM's on the same connection keep theirs."""
    untyped_int, time_text, as_text, bool_int = _adapters()
    adapters = cursor.adapters
    adapters.register_dumper(int, untyped_int)
    adapters.register_loader("timestamp", time_text)
    adapters.register_loader("date", as_text)
    adapters.register_loader("json", as_text)
    adapters.register_loader("bool", bool_int)
    return cursor


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
        cursor = _as_sqlite(self.pg.cursor())
        cursor.execute(to_postgresql(sql), params if isinstance(params, Mapping) else tuple(params))
        return PgCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        cursor = _as_sqlite(self.pg.cursor())
        cursor.executemany(to_postgresql(sql), [tuple(r) for r in rows])
        return PgCursor(cursor)

    def commit(self) -> None:
        if self.in_transaction:
            self.pg.execute("COMMIT")

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: object, *_rest: object) -> None:
        """As sqlite3's: commit (roll back on an error), stay open."""
        if self.in_transaction:
            self.pg.execute("ROLLBACK" if kind else "COMMIT")

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.pg.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        if self._owned:
            self.pg.close()
