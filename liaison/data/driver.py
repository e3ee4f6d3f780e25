"""The SQLite every Liaison database is opened with: SQLCipher's build (`sqlcipher3`), so that a
database can be encrypted at rest (issue 13) — the same SQL, file format and DB-API as Python's
own `sqlite3`, with a newer SQLite (3.53: FTS5, JSON and the trigram tokenizer built in).

A bundle's payload, a throwaway file read with defensive settings that need `setconfig`, stays
on Python's `sqlite3` (liaison.sync.exchange.payload).

sqlcipher3 has no type information; its connection has the standard library's API, so code is
typed with `sqlite3.Connection`. Its exceptions are classes of its own: the names here are pairs
of both, for `except` clauses that may meet either (a connection opened by a test, say).
"""

from __future__ import annotations

import ctypes
import sqlite3
from pathlib import Path
from typing import Any, cast

from sqlcipher3 import _sqlite3 as _library
from sqlcipher3 import dbapi2 as _dbapi2

module: Any = _dbapi2
"""The DB-API module (SQLAlchemy's `module=`)."""

Connection = module.Connection
"""The class of the connections `connect` makes (for isinstance)."""

Errors = tuple[type[Exception], ...]

Error: Errors = (sqlite3.Error, module.Error)
DatabaseError: Errors = (sqlite3.DatabaseError, module.DatabaseError)
OperationalError: Errors = (sqlite3.OperationalError, module.OperationalError)
IntegrityError: Errors = (sqlite3.IntegrityError, module.IntegrityError)

sqlite_version: str = module.sqlite_version

_SQLITE_CONFIG_MEMSTATUS = 9


def _count_no_memory() -> bool:
    """Turn SQLite's memory statistics off, before the library's first connection.

    With them on (the wheel's default), every allocation takes one process-wide mutex: two
    connections reading at once (the metrics' two workers) then wait on each other, and the
    quarter's figures by cadre took 680–830 ms instead of 494 ms (bench/RESULTS.md). Nothing in
    Liaison reads those statistics. `sqlite3_config` is only allowed while the library is shut
    down, which it is until the first connection; returns whether the setting took.
    """
    lib = ctypes.CDLL(_library.__file__)
    lib.sqlite3_config.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.sqlite3_shutdown.restype = lib.sqlite3_config.restype = ctypes.c_int
    lib.sqlite3_initialize.restype = ctypes.c_int
    if int(lib.sqlite3_shutdown()) != 0:
        return False
    ok = int(lib.sqlite3_config(_SQLITE_CONFIG_MEMSTATUS, 0)) == 0
    return int(lib.sqlite3_initialize()) == 0 and ok


MEMORY_STATUS_OFF = _count_no_memory()
"""Whether the statistics are off (checked by tests/data/test_driver.py)."""


class Locked(Exception):
    """Raised by Liaison itself where SQLite would say the file is locked (its text says so)."""


def connect(database: Path | str, **kwargs: Any) -> sqlite3.Connection:
    """`sqlite3.connect`'s arguments, on SQLCipher's SQLite."""
    return cast(sqlite3.Connection, module.connect(str(database), **kwargs))
