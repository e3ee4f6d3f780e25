"""The SQLite every database is opened with: SQLCipher's, with its memory statistics off."""

from __future__ import annotations

import ctypes
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from sqlcipher3 import _sqlite3 as sqlcipher_library

from liaison.data import driver


def _memory_used() -> int:
    lib = ctypes.CDLL(sqlcipher_library.__file__)
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return int(lib.sqlite3_memory_used())


def test_the_library_counts_no_memory_so_readers_do_not_share_a_mutex() -> None:
    assert driver.MEMORY_STATUS_OFF
    conn = driver.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1000)])
    assert _memory_used() == 0  # the statistics are what takes the mutex
    conn.close()


def test_without_the_setting_the_library_counts_memory() -> None:
    """The check above can fail: the wheel's default is to count."""
    probe = (
        "import ctypes\n"
        "from sqlcipher3 import dbapi2, _sqlite3\n"
        "lib = ctypes.CDLL(_sqlite3.__file__)\n"
        "lib.sqlite3_memory_used.restype = ctypes.c_int64\n"
        "c = dbapi2.connect(':memory:')\n"
        "c.execute('CREATE TABLE t (x)')\n"
        "print(lib.sqlite3_memory_used())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 0


def test_it_is_sqlcipher_with_the_sql_liaison_uses() -> None:
    conn = driver.connect(":memory:")
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='trigram')")
    assert conn.execute("SELECT json_extract('{\"a\": 1}', '$.a')").fetchone()[0] == 1
    conn.close()


def test_an_unlocked_file_is_opened_with_its_key_by_path_or_uri(tmp_path: Path) -> None:
    from liaison.data.db import ENCRYPTED_CACHE_KIB, Database

    path = tmp_path / "sub" / "x.sqlite"
    path.parent.mkdir()
    key = secrets.token_bytes(32)
    driver.unlock(path, key)
    try:
        conn = driver.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('观音桥')")
        conn.commit()
        conn.close()
        assert driver.is_encrypted(path)
        assert b"\xe8\xa7\x82" not in path.read_bytes()  # 观, in UTF-8
        uri = f"{path.absolute().as_uri()}?mode=ro"
        ro = driver.connect(uri, uri=True)
        assert ro.execute("SELECT x FROM t").fetchone() == ("观音桥",)
        ro.close()
        db = Database(tmp_path / "sub" / ".." / "sub" / "x.sqlite", hooks=())
        assert db.raw().execute("PRAGMA cache_size").fetchone()[0] == -ENCRYPTED_CACHE_KIB
        db.dispose()
    finally:
        driver.forget(path)
    assert driver.key_of(path) is None and driver.key_of(":memory:") is None


def test_a_plaintext_file_is_not_taken_for_an_encrypted_one(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    assert not driver.is_encrypted(path)  # missing
    conn = driver.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert not driver.is_encrypted(path)
    with pytest.raises(ValueError):
        driver.unlock(path, b"short")
