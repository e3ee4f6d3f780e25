"""A plaintext database encrypted in place: the same records (its digest unchanged), nothing
readable in the file or its WAL without the key, and the old file kept whole when the copy
does not check."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from liaison.data import at_rest, driver
from liaison.demo.generator import generate
from liaison.domain.errors import DomainError
from liaison.sync.log import database
from tests.builders import digest_of

KEY = secrets.token_bytes(32)
TODAY = date(2025, 11, 20)


@pytest.fixture
def demo(db_path: Path) -> Iterator[Path]:
    path = db_path.rename(db_path.with_name("demo.sqlite"))
    generate(path, scale="small", seed=1, today=TODAY)
    yield path
    driver.forget(path)


def _secrets_of(path: Path) -> list[bytes]:
    """An enterprise's phone and name and an account's password hash, as stored."""
    conn = driver.connect(path)
    try:
        phone, name = conn.execute(
            "SELECT phone, name FROM enterprise WHERE phone IS NOT NULL LIMIT 1"
        ).fetchone()
        (hash_,) = conn.execute(
            "SELECT password_hash FROM account WHERE password_hash IS NOT NULL LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return [phone.encode(), name.encode(), hash_.encode()]


def _files(path: Path) -> bytes:
    """The database and its WAL, as a thief would copy them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_demo_encrypted_in_place_keeps_every_record_and_shows_nothing(demo: Path) -> None:
    before = digest_of(demo)
    found = _secrets_of(demo)
    assert all(s in _files(demo) for s in found)  # the check can see them in the clear

    report = at_rest.encrypt_in_place(demo, KEY)
    assert report.tables > 30 and report.rows > 10_000
    assert driver.is_encrypted(demo)
    # the plaintext file's WAL and index went with it
    assert sorted(p.name for p in demo.parent.iterdir() if "demo" in p.name) == ["demo.sqlite"]
    assert digest_of(demo) == before
    # written through the app's own path: new rows go to the WAL, encrypted too
    db = database(demo)
    with db.session() as s:
        s.execute(text("UPDATE enterprise SET phone = '13900001111' WHERE rowid = 1"))
    raw = _files(demo)
    assert demo.with_name(demo.name + "-wal").stat().st_size > 0
    db.dispose()
    for secret in [*found, b"13900001111", b"SQLite format 3"]:
        assert secret not in raw
    # no copy, no plaintext file left behind (the WAL goes with the last connection)
    assert sorted(p.name for p in demo.parent.iterdir() if "demo" in p.name) == ["demo.sqlite"]


def test_without_the_key_the_file_is_not_a_database(demo: Path) -> None:
    at_rest.encrypt_in_place(demo, KEY)
    driver.forget(demo)
    for opener in (driver.connect, sqlite3.connect):
        conn = opener(demo)
        with pytest.raises(driver.DatabaseError, match="file is not a database"):
            conn.execute("SELECT count(*) FROM enterprise").fetchone()
        conn.close()
    driver.unlock(demo, secrets.token_bytes(32))  # another key
    conn = driver.connect(demo)
    with pytest.raises(driver.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM enterprise").fetchone()
    conn.close()


def test_a_copy_that_does_not_check_is_dropped_and_the_old_file_stays(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo.read_bytes()
    real = at_rest._counts

    calls: list[int] = []

    def counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
        calls.append(1)
        got = real(conn, schema)
        if len(calls) == 2:  # the copy's count
            got["enterprise"] -= 1
        return got

    monkeypatch.setattr(at_rest, "_counts", counts)
    with pytest.raises(DomainError, match="已放弃加密，原数据库未改动"):
        at_rest.encrypt_in_place(demo, KEY)
    assert demo.read_bytes() == before and not driver.is_encrypted(demo)
    assert not demo.with_name(demo.name + at_rest.ENCRYPTING).exists()
    assert driver.key_of(demo) is None


def test_an_encrypted_database_is_not_encrypted_twice(demo: Path) -> None:
    at_rest.encrypt_in_place(demo, KEY)
    with pytest.raises(DomainError, match="已经加密"):
        at_rest.encrypt_in_place(demo, KEY)
