"""SQL expressions spelled for the engine they run on: SQLite's file or a PostgreSQL hub.

SQLAlchemy compiles each for the session's dialect (`@compiles`), so a query written once with
them runs on both (docs/postgresql.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime
from sqlalchemy.ext.compiler import compiles


class no_index(ColumnElement[Any]):
    """`+column` on SQLite: its planner then does not drive the query through an index on the
    column (the documented hint), so it may walk the index an ORDER BY needs and stop at a
    LIMIT. The column itself on PostgreSQL, whose planner takes no hints."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


@compiles(no_index)
def _plain(element: no_index, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(no_index, "sqlite")
def _unary_plus(element: no_index, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


class day_of(ColumnElement[Any]):
    """The date of a date-time column, comparable with a date column: on SQLite the stored
    text's first ten characters ('YYYY-MM-DD'), on PostgreSQL a cast."""

    inherit_cache = True
    type = Date()

    def __init__(self, column: ColumnElement[Any]) -> None:
        assert isinstance(column.type, DateTime)
        self.column = column


@compiles(day_of)
def _cast_to_date(element: day_of, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.column, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _first_ten(element: day_of, compiler: Any, **kw: Any) -> str:
    return f"substr({compiler.process(element.column, **kw)}, 1, 10)"
