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


PLAIN_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of a database file in the clear; an encrypted one starts with random."""

_keys: dict[str, bytes] = {}


def _file_of(database: Path | str) -> str | None:
    """The file a connection string names (a path, or a `file:` URI with its query), absolute;
    None for an in-memory database."""
    text = str(database)
    if text == ":memory:" or text.startswith("file::memory:"):
        return None
    if text.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        text = unquote(urlsplit(text).path)
    return str(Path(text).resolve())  # one spelling per file: "..", links, relative paths


def unlock(path: Path | str, key: bytes) -> None:
    """From now on, this process opens the database file at `path` with `key` (its 32-byte
    SQLCipher key): every connection, engine and copy made through this module."""
    file = _file_of(path)
    if file is None or len(key) != 32:
        raise ValueError("a database file and a 32-byte key")
    _keys[file] = key


def forget(path: Path | str) -> None:
    """Open the file at `path` without a key again (it was closed, or made plaintext)."""
    file = _file_of(path)
    if file is not None:
        _keys.pop(file, None)


def key_of(database: Path | str) -> bytes | None:
    file = _file_of(database)
    return None if file is None else _keys.get(file)


def is_encrypted(path: Path) -> bool:
    """Whether the file at `path` is an encrypted database (not SQLite's header in the clear);
    False for a missing, empty or unreadable file.

    Asked through SQLite, never by opening the file with Python: closing any other descriptor
    of a database file drops every POSIX lock this process holds on it, and with them the
    shared lock that tells another program closing its last connection not to delete the
    write-ahead log under ours (SQLite's "How To Corrupt", 2.2)."""
    if key_of(path) is not None:
        return True
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
    except OSError:
        return False
    try:
        conn = module.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except module.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except module.DatabaseError as exc:
        return getattr(exc, "sqlite_errorcode", None) == _NOT_A_DATABASE
    finally:
        conn.close()
    return False


_NOT_A_DATABASE = 26  # SQLITE_NOTADB: what SQLite says of an encrypted file without its key


def apply_key(conn: sqlite3.Connection, database: Path | str) -> bool:
    """Give a new connection its file's key, first thing; True when the file has one."""
    key = key_of(database)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return key is not None


def connect(database: Path | str, **kwargs: Any) -> sqlite3.Connection:
    """`sqlite3.connect`'s arguments, on SQLCipher's SQLite, keyed when the file is unlocked."""
    conn = cast(sqlite3.Connection, module.connect(str(database), **kwargs))
    apply_key(conn, database)
    return conn
