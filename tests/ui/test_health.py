"""A damaged database met at start-up or by the background check: the newest whole backup is
offered, put in place on yes (the damaged file kept), nothing touched on no."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from liaison.data import backup, driver
from liaison.domain.errors import DomainError
from liaison.sync.log import database
from liaison.ui import health
from liaison.ui.app import open_or_create
from tests.conftest import Cast, log_demands


def _count(path: Path) -> int:
    conn = driver.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM demand").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def backed_up(db_path: Path, cast: Cast) -> tuple[Path, backup.Backup]:
    """A database with 20 demands and a backup of it; then a newer 'backup' that is damaged,
    and 5 demands more in the database."""
    db = database(db_path)
    try:
        log_demands(db, cast, *(f"诉求 {n}" for n in range(20)))
        made = backup.take(db_path, "daily")
        bad = made.path.with_name(made.path.name.replace("-daily", "-manual"))
        bad = bad.with_name(bad.name[:17] + "235959" + bad.name[23:])
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
        log_demands(db, cast, *(f"后来的诉求 {n}" for n in range(5)))
    finally:
        db.dispose()
    assert backup.listed(backup.folder(db_path))[0].path == bad  # the newest is the bad one
    return db_path, made


def _truncate(path: Path) -> bytes:
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    damaged = path.read_bytes()[:60_000]
    path.write_bytes(damaged)
    return damaged


def test_a_file_that_cannot_be_opened_is_replaced_by_the_newest_whole_backup(
    backed_up: tuple[Path, backup.Backup],
) -> None:
    path, made = backed_up
    _truncate(path)
    asked: list[str] = []
    db = health.open_or_recover(path, open_or_create, lambda text: asked.append(text) or True)
    assert db is not None
    db.dispose()
    assert len(asked) == 1 and "已损坏" in asked[0]
    assert f"{made.taken_at:%Y-%m-%d %H:%M}" in asked[0]  # the whole one, not the newer bad one
    assert _count(path) == 20
    [kept] = path.parent.glob("*-before-restore-*.sqlite")
    assert kept.stat().st_size == 60_000  # the damaged file, kept


def test_saying_no_leaves_the_damaged_file_as_it_is(
    backed_up: tuple[Path, backup.Backup],
) -> None:
    path, _made = backed_up
    damaged = _truncate(path)
    assert health.open_or_recover(path, open_or_create, lambda _text: False) is None
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("*-before-restore-*"))


def test_with_no_whole_backup_the_problem_is_said(db_path: Path) -> None:
    _truncate(db_path)
    with pytest.raises(DomainError, match="没有找到可用的备份"):
        health.open_or_recover(db_path, open_or_create, lambda _text: True)


def test_the_background_check_finds_damage_that_opening_did_not(
    backed_up: tuple[Path, backup.Backup], qtbot: QtBot
) -> None:
    path, _made = backed_up
    db = database(path)
    assert backup.health(path) is None
    db.dispose()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in range(pages // 2, pages):  # the later pages: tables and indexes, not the schema
        data[page * 4096 + 100] ^= 0x5A
    path.write_bytes(bytes(data))
    assert backup.health(path) is not None

    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    restored: list[bool] = []
    damaged = database(path)
    health.check_in_background(
        parent, damaged, lambda text: asked.append(text) or True, lambda: restored.append(True)
    )
    qtbot.waitUntil(lambda: restored == [True], timeout=20_000)
    assert "检查发现损坏" in asked[0]
    assert backup.health(path) is None and _count(path) == 20


def test_a_whole_file_passes_the_check_quietly(db_path: Path, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    db = database(db_path)
    called: list[Callable[[], None]] = []
    health.check_in_background(parent, db, lambda t: asked.append(t) or True, lambda: None)
    qtbot.wait(300)
    db.dispose()
    assert asked == [] and called == []
