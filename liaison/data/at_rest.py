"""Encrypt a plaintext database file in place, keeping the old file until the new one checks.

SQLCipher's `sqlcipher_export` copies every table, index, trigger and view into a new keyed
file beside the old one; the copy must then pass `integrity_check` and hold the same number of
rows in every table, or it is deleted and the plaintext file stays as it was. Only
then does the copy take the database's name (one `rename`, atomic on the same file system),
and the plaintext file and its WAL are removed. A crash at any point leaves either the old
file (and a half copy, removed by the next attempt) or the new one.

Everyone else is kept out meanwhile: the old file is held in SQLite's exclusive locking mode
from the first statement to the end (no other connection reads or writes it); the database must
not be open in another process that holds it idle (the conversion is to run where the app holds
the file alone, liaison.ui.single_instance).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from liaison.data import driver
from liaison.domain.errors import DomainError
from liaison.domain.text import Text

ENCRYPTING = ".encrypting"
"""The suffix of the copy being made (beside the database, so the rename stays atomic)."""


@dataclass(frozen=True)
class EncryptReport:
    path: Path
    tables: int
    rows: int


def _counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt_in_place(path: Path, key: bytes) -> EncryptReport:
    """Make the plaintext database at `path` an encrypted one with `key` (32 bytes); from then
    on this process opens it with that key (`driver.unlock`)."""
    if driver.is_encrypted(path):
        raise DomainError(Text("数据库 {0} 已经加密", path))
    copy = path.with_name(path.name + ENCRYPTING)
    copy.unlink(missing_ok=True)  # a half copy left by a crash
    driver.forget(path)
    conn = driver.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # held from the next write to the close
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _counts(conn)
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(copy),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
        _check(copy, key, before)
        os.chmod(copy, path.stat().st_mode & 0o777)
        os.replace(copy, path)
        _fsync_dir(path.parent)
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)  # the plaintext file's; the encrypted one makes its own
    driver.unlock(path, key)
    return EncryptReport(path, len(before), sum(before.values()))


def _check(copy: Path, key: bytes, before: dict[str, int]) -> None:
    driver.unlock(copy, key)
    try:
        check = driver.connect(copy)
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
            after = _counts(check)
            check.execute("PRAGMA journal_mode=WAL")
        finally:
            check.close()
    finally:
        driver.forget(copy)
    if verdict != "ok" or after != before:
        raise DomainError(
            Text(
                "加密后的副本与原数据库不一致，已放弃加密，原数据库未改动（完整性检查：{0}）",
                verdict,
            )
        )
