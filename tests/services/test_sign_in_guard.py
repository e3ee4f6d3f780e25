"""Guessing passwords on a laptop: each wrong try waits longer, five in a row lock the name on
that device for 15 minutes — kept across restarts, visible to and undone by an administrator."""

from __future__ import annotations

from datetime import timedelta

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.services import accounts
from liaison.sync.log import database
from tests.builders import behind
from tests.conftest import Cast

RIGHT = "password-123"


def _fail(db: Database, name: str = "cadre") -> str:
    with pytest.raises(DomainError) as info:
        accounts.sign_in(db, name, "wrong-password-9")
    return str(info.value)


def test_each_failure_waits_longer_and_five_lock_the_name(
    db: Database, cast: Cast, sign_in_pauses: list[float]
) -> None:
    messages = [_fail(db) for _ in range(accounts.MAX_FAILURES)]
    assert sign_in_pauses == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert messages[0] == "用户名或密码不正确"
    assert "再错 3 次将锁定 15 分钟" in messages[1]
    assert "锁定 15 分钟" in messages[-1]
    # now even the right password is refused, without checking it
    with pytest.raises(PermissionDenied, match="已锁定"):
        accounts.sign_in(db, "cadre", RIGHT)
    assert len(sign_in_pauses) == 5  # a locked name does not wait: it is refused outright


def test_the_lock_survives_a_restart_and_ends_after_15_minutes(
    db: Database, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(accounts.MAX_FAILURES):
        _fail(db)
    again = database(db.location)  # the app started anew on the same file
    try:
        with pytest.raises(PermissionDenied):
            accounts.sign_in(again, "cadre", RIGHT)
        later = clock.now() + timedelta(minutes=accounts.LOCK_MINUTES, seconds=5)
        monkeypatch.setattr(clock, "now", lambda: later)
        assert accounts.sign_in(again, "cadre", RIGHT).account_id == cast.cadre.account_id
        assert accounts.locked_names(again, cast.admin) == []
    finally:
        again.dispose()


def test_a_success_starts_the_count_again(db: Database, cast: Cast) -> None:
    for _ in range(accounts.MAX_FAILURES - 1):
        _fail(db)
    accounts.sign_in(db, "cadre", RIGHT)
    for _ in range(accounts.MAX_FAILURES - 1):
        _fail(db)
    assert accounts.sign_in(db, "cadre", RIGHT).account_id == cast.cadre.account_id


def test_unknown_names_are_counted_and_answered_alike(db: Database, cast: Cast) -> None:
    """No difference tells a guesser which names exist."""
    known = [_fail(db, "cadre") for _ in range(3)]
    unknown = [_fail(db, "nobody") for _ in range(3)]
    assert known == unknown


def test_an_administrator_sees_and_unlocks_a_name(db: Database, cast: Cast) -> None:
    for _ in range(accounts.MAX_FAILURES):
        _fail(db, "Cadre ")  # typed with a capital and a space: the same name
    locked = accounts.locked_names(db, cast.admin)
    assert [(g.username, g.failures) for g in locked] == [("cadre", 5)]
    until = locked[0].locked_until
    assert until is not None
    assert timedelta(minutes=14) < until - clock.now() <= timedelta(minutes=15)
    with pytest.raises(PermissionDenied):
        accounts.locked_names(db, cast.cadre)
    with pytest.raises(PermissionDenied):
        accounts.unlock(db, cast.supervisor, "cadre")
    assert accounts.unlock(db, cast.admin, "cadre") is True
    assert accounts.unlock(db, cast.admin, "cadre") is False
    assert accounts.sign_in(db, "cadre", RIGHT).account_id == cast.cadre.account_id


def test_the_lock_belongs_to_this_device_and_never_travels(db: Database, cast: Cast) -> None:
    for _ in range(accounts.MAX_FAILURES):
        _fail(db)
    with behind(db) as conn:
        logged = conn.execute(
            "SELECT count(*) FROM sync_op WHERE entity = 'setting' OR fields LIKE '%sign_in.guard%'"
        ).fetchone()[0]
    assert logged == 0
