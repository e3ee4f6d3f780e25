"""The database encrypted at rest: every account opens it with its own password, the recovery
key opens it, a wrong password at the door is delayed and locked like one at the sign-in, and
the slots follow the accounts (made, password changed or reset, deactivated)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison.data import at_rest, driver, keyslots
from liaison.data.db import Database
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.domain.roles import Role
from liaison.services import accounts, admin, encryption
from liaison.sync.log import database
from tests.builders import digest_of
from tests.conftest import ON_POSTGRESQL, Cast, make_cast

pytestmark = pytest.mark.skipif(
    ON_POSTGRESQL, reason="encryption at rest is a SQLite file's; a server's is the server's"
)


@pytest.fixture
def district(db: Database) -> Iterator[tuple[Database, Cast]]:
    cast = make_cast(db)
    yield db, cast
    driver.forget(db.path)


def _reopen(path: Path) -> Database:
    """As after a restart: the key forgotten, then opened at the door."""
    driver.forget(path)
    return database(path)


def test_encrypting_keeps_everyone_signing_in_with_their_own_password(
    district: tuple[Database, Cast],
) -> None:
    db, _cast = district
    before = digest_of(db.path)
    db.dispose()
    done = encryption.encrypt(db.path)
    assert done.accounts == 7 and len(done.recovery_key) == 39
    assert encryption.is_encrypted(db.path) and driver.is_encrypted(db.path)
    assert digest_of(db.path) == before
    for name in ("admin", "cadre", "finance", "supervisor"):
        driver.forget(db.path)
        encryption.unlock(db.path, name, "password-123")
        opened = database(db.path)
        assert accounts.sign_in(opened, name, "password-123").display_name == name.replace(
            "admin", "管理员"
        )
        opened.dispose()
    driver.forget(db.path)
    encryption.recover(db.path, done.recovery_key.lower())
    assert digest_of(db.path) == before
    with pytest.raises(DomainError, match="已经加密"):
        encryption.encrypt(db.path)


def test_a_wrong_password_at_the_door_waits_longer_and_locks_the_name(
    district: tuple[Database, Cast], sign_in_pauses: list[float]
) -> None:
    db, _cast = district
    db.dispose()
    encryption.encrypt(db.path)
    driver.forget(db.path)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(DomainError, match="用户名或密码不正确"):
            encryption.unlock(db.path, "cadre", "guess")
    with pytest.raises(PermissionDenied, match="锁定 15 分钟"):
        encryption.unlock(db.path, "cadre", "guess")
    assert sign_in_pauses == [0.5, 1.0, 2.0, 4.0, 8.0]
    # locked even with the right password, and after a restart (kept beside the database)
    with pytest.raises(PermissionDenied, match="已锁定至"):
        encryption.unlock(db.path, "cadre", "password-123")
    assert driver.key_of(db.path) is None
    encryption.unlock(db.path, "admin", "password-123")  # other names are not locked
    assert encryption.clear_lock(db.path, "Cadre")
    driver.forget(db.path)
    encryption.unlock(db.path, "cadre", "password-123")
    assert driver.key_of(db.path) is not None


def test_the_slots_follow_the_accounts(district: tuple[Database, Cast]) -> None:
    db, cast = district
    db.dispose()
    encryption.encrypt(db.path)
    encryption.unlock(db.path, "admin", "password-123")
    db = database(db.path)
    accounts.create_account(
        db,
        cast.admin,
        username="newbie",
        display_name="新人",
        role=Role.CADRE,
        password="Jiangbei-2026!",
    )
    newbie = accounts.sign_in(db, "newbie", "Jiangbei-2026!")
    accounts.change_own_password(db, newbie, "Jiangbei-2026!", "Guanyinqiao-77")
    admin.reset_password(db, cast.admin, cast.cadre.account_id, "Reset-by-admin-1")
    admin.set_account_active(db, cast.admin, cast.finance_handler.account_id, False)
    db.dispose()

    keys = keyslots.read(keyslots.keys_path(db.path))
    assert "finance" not in keys.names() and "newbie" in keys.names()
    driver.forget(db.path)
    encryption.unlock(db.path, "newbie", "Guanyinqiao-77")
    driver.forget(db.path)
    encryption.unlock(db.path, "cadre", "Reset-by-admin-1")
    for name, old in (("newbie", "Jiangbei-2026!"), ("cadre", "password-123")):
        driver.forget(db.path)
        with pytest.raises(DomainError, match="用户名或密码不正确"):
            encryption.unlock(db.path, name, old)
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        encryption.unlock(db.path, "finance", "password-123")  # deactivated: no way in


def test_a_new_recovery_key_is_an_administrators_and_retires_the_old(
    district: tuple[Database, Cast],
) -> None:
    db, cast = district
    db.dispose()
    first = encryption.encrypt(db.path).recovery_key
    encryption.unlock(db.path, "admin", "password-123")
    db = database(db.path)
    with pytest.raises(PermissionDenied):
        encryption.new_recovery_key(db, cast.supervisor)
    second = encryption.new_recovery_key(db, cast.admin)
    db.dispose()
    driver.forget(db.path)
    with pytest.raises(keyslots.WrongKey):
        encryption.recover(db.path, first)
    encryption.recover(db.path, second)


def test_a_failed_conversion_leaves_no_key_file(
    district: tuple[Database, Cast], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _cast = district
    db.dispose()

    def fails(path: Path, key: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(at_rest, "encrypt_in_place", fails)
    with pytest.raises(OSError):
        encryption.encrypt(db.path)
    assert not keyslots.keys_path(db.path).exists()
    assert not encryption.is_encrypted(db.path)


def test_backups_taken_before_are_encrypted_too(district: tuple[Database, Cast]) -> None:
    from liaison.data import backup

    db, _cast = district
    taken = backup.take(db.path, "daily")
    db.dispose()
    assert not driver.is_encrypted(taken.path)
    encryption.encrypt(db.path)
    assert driver.is_encrypted(taken.path) and keyslots.keys_path(taken.path).exists()
    conn = driver.connect(taken.path)
    with pytest.raises(driver.DatabaseError):
        conn.execute("SELECT count(*) FROM account").fetchone()
    conn.close()
    backup.adopt_key(db.path, taken.path)
    latest = backup.latest(db.path)
    assert latest is not None and latest.path == taken.path
    driver.forget(taken.path)


def test_another_databases_backups_in_the_same_folder_are_left_alone(
    district: tuple[Database, Cast],
) -> None:
    """Two databases side by side share the backups folder: encrypting one must not encrypt
    the other's backups with a key that database does not have."""
    from liaison.data import backup
    from liaison.services.setup import init_database

    db, _cast = district
    mine = backup.take(db.path, "daily")
    other_path = db.path.with_name("other.sqlite")
    init_database(other_path)  # another installation: its own device
    theirs = backup.take(other_path, "manual")
    assert mine.path.parent == theirs.path.parent
    db.dispose()
    encryption.encrypt(db.path)
    assert driver.is_encrypted(mine.path)
    assert not driver.is_encrypted(theirs.path) and not keyslots.keys_path(theirs.path).exists()
    conn = driver.connect(theirs.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_file_a_restore_set_aside_is_encrypted_whoever_it_was(
    district: tuple[Database, Cast],
) -> None:
    """What `restore --any-device` set aside was another computer's database, but it lies
    beside this one under its name: it is encrypted with it."""
    from liaison.services.setup import init_database

    db, _cast = district
    aside = db.path.with_name(f"{db.path.stem}-before-restore-20261201-090000.sqlite")
    init_database(aside)  # another installation's database
    db.dispose()
    encryption.encrypt(db.path)
    assert driver.is_encrypted(aside)


def test_the_right_password_starts_the_count_again(
    district: tuple[Database, Cast], sign_in_pauses: list[float]
) -> None:
    db, _cast = district
    db.dispose()
    encryption.encrypt(db.path)
    driver.forget(db.path)
    for _ in range(2):
        with pytest.raises(DomainError):
            encryption.unlock(db.path, "cadre", "guess")
    encryption.unlock(db.path, "cadre", "password-123")
    driver.forget(db.path)
    with pytest.raises(DomainError) as caught:
        encryption.unlock(db.path, "cadre", "guess")
    assert str(caught.value) == "用户名或密码不正确"  # the first of a new count: no warning
    assert sign_in_pauses == [0.5, 1.0, 0.5]


def test_a_conversion_cut_short_leaves_a_database_in_the_clear_that_encrypts_again(
    district: tuple[Database, Cast],
) -> None:
    """The key file is written before the file is converted: killed in between, it lies beside
    a database still in the clear, which must open as such and be encrypted next time."""
    db, _cast = district
    db.dispose()
    keys = keyslots.keys_path(db.path)
    keyslots.write(keys, keyslots.KeyFile(()))  # as the cut-short conversion left it
    assert not encryption.is_encrypted(db.path)
    done = encryption.encrypt(db.path)
    assert encryption.is_encrypted(db.path) and done.accounts == 7
