"""The database encrypted at rest: encrypting it, unlocking it, keeping its key slots current.

An encrypted database (`DB`) has its key slots beside it (`DB.keys`, liaison.data.keyslots): one
per active local account that has a password here, and one for the recovery key. Unlocking with
a name and password opens that account's slot and tells the driver the key; the app then opens
the database and signs the person in as always. A wrong password at this door is counted like
one at the sign-in (`accounts.failure_delay`, locked after `accounts.MAX_FAILURES` for
`accounts.LOCK_MINUTES`), in `DB.guard` beside it, since the database cannot be read yet.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from liaison.data import at_rest, backup, driver, keyslots, slot_refresh
from liaison.data.db import Database
from liaison.data.keyslots import KeyFile, WrongKey
from liaison.domain import clock
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.services import accounts
from liaison.services.context import Actor

GUARD_SUFFIX = ".guard"


def is_encrypted(db_path: Path) -> bool:
    """Whether the database needs unlocking: its key file is there and the file is not in the
    clear. A key file beside a database in the clear is what a conversion cut short leaves (the
    key file is written first): the database is still in the clear and is encrypted again at the
    next chance. A file neither in the clear nor with a key file is refused when opened."""
    return keyslots.keys_path(db_path).is_file() and driver.is_encrypted(db_path)


def is_unlocked(db_path: Path) -> bool:
    return driver.key_of(db_path) is not None


# --- unlocking -------------------------------------------------------------------------------


def _guard_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + GUARD_SUFFIX)


def _read_guard(db_path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_guard_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_guard(db_path: Path, data: dict[str, dict[str, object]]) -> None:
    path = _guard_path(db_path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _locked_until(entry: dict[str, object]) -> datetime | None:
    until = entry.get("locked_until")
    return datetime.fromisoformat(until) if isinstance(until, str) else None


def unlock(db_path: Path, username: str, password: str) -> None:
    """Open the database's key with this account's password (the driver keeps it for this
    process). The same refusals, delays and lockout as a wrong password at the sign-in."""
    name = username.strip()
    now = clock.now()
    guard = _read_guard(db_path)
    entry = guard.get(name.lower(), {})
    until = _locked_until(entry)
    if until is not None and until > now:
        raise PermissionDenied(
            f"连续 {accounts.MAX_FAILURES} 次密码错误，“{name}”在本机已锁定至 "
            f"{until:%H:%M}：请稍后再试，或请管理员解锁"
        )
    keys = keyslots.read(keyslots.keys_path(db_path))
    try:
        key = keys.unlock(name, password)
    except WrongKey:
        failures = int(str(entry.get("failures", 0))) + 1
        locked = now + timedelta(minutes=accounts.LOCK_MINUTES)
        lock = failures >= accounts.MAX_FAILURES
        guard[name.lower()] = {
            "failures": failures,
            "locked_until": locked.isoformat() if lock else None,
        }
        _write_guard(db_path, guard)
        accounts.pause(accounts.failure_delay(failures))
        if lock:
            raise PermissionDenied(
                f"用户名或密码不正确；已连续 {accounts.MAX_FAILURES} 次，“{name}”在本机锁定 "
                f"{accounts.LOCK_MINUTES} 分钟"
            ) from None
        left = accounts.MAX_FAILURES - failures
        raise DomainError(
            f"用户名或密码不正确（再错 {left} 次将锁定 {accounts.LOCK_MINUTES} 分钟）"
            if failures >= 2
            else "用户名或密码不正确"
        ) from None
    if name.lower() in guard:
        del guard[name.lower()]
        _write_guard(db_path, guard)
    driver.unlock(db_path, key)


def recover(db_path: Path, recovery_key: str) -> None:
    """Open the database's key with the recovery key (a lost or forgotten password)."""
    key = keyslots.read(keyslots.keys_path(db_path)).recover(recovery_key)
    driver.unlock(db_path, key)


def clear_lock(db_path: Path, username: str) -> bool:
    """Forget a name's failures at the door (an administrator's 解锁); whether there were any."""
    guard = _read_guard(db_path)
    if guard.pop(username.strip().lower(), None) is None:
        return False
    _write_guard(db_path, guard)
    return True


# --- encrypting and keeping the slots --------------------------------------------------------


@dataclass(frozen=True)
class Encrypted:
    path: Path
    recovery_key: str
    """Shown once, to be printed and kept apart from the computer."""
    accounts: int


def encrypt(db_path: Path) -> Encrypted:
    """Encrypt a plaintext database in place with a new random key: a slot for every active
    account with a password here (made from its hash: everyone signs in as before) and a new
    recovery key. The key file is written first; if the conversion fails it is removed and the
    database stays as it was."""
    if is_encrypted(db_path):
        raise DomainError(f"数据库 {db_path} 已经加密")
    key = keyslots.new_database_key()
    secret, shown = keyslots.new_recovery_key()
    keys = slot_refresh.slots_for(db_path, key, KeyFile(()).with_recovery(key, secret))
    path = keyslots.keys_path(db_path)
    copies = _plaintext_copies(db_path)
    keyslots.write(path, keys)
    try:
        at_rest.encrypt_in_place(db_path, key)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    for copy in copies:  # backups taken before stay readable only with the key too
        at_rest.encrypt_in_place(copy, key)
        driver.forget(copy)
        keyslots.write(keyslots.keys_path(copy), keys)
    return Encrypted(db_path, shown, len(keys.names()))


def _plaintext_copies(db_path: Path) -> list[Path]:
    """The database's backups and the files a restore set aside, still in the clear."""
    found = [b.path for b in backup.listed(backup.folder(db_path))]
    found += sorted(db_path.parent.glob(f"{db_path.stem}-before-restore-*.sqlite"))
    return [p for p in found if p.is_file() and not driver.is_encrypted(p)]


def new_recovery_key(db: Database, actor: Actor) -> str:
    """A new recovery key (the old one stops opening the database): administrators only."""
    from liaison.domain.roles import Role

    actor.require(Role.ADMIN)
    key = driver.key_of(db.path)
    if key is None:
        raise DomainError("数据库没有加密，没有恢复密钥")
    secret, shown = keyslots.new_recovery_key()
    path = keyslots.keys_path(db.path)
    keyslots.write(path, keyslots.read(path).with_recovery(key, secret))
    return shown
