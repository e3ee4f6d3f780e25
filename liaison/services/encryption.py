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
from dataclasses import dataclass
from pathlib import Path

from liaison.data import at_rest, backup, driver, keyslots, slot_refresh
from liaison.data.db import Database
from liaison.data.files import owner_only_file
from liaison.data.keyslots import KeyFile, WrongKey
from liaison.domain.errors import DomainError
from liaison.domain.text import Text
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


@dataclass(frozen=True)
class _DoorGuards:
    """Failed unlocks of one database, in `DB.guard` beside it (JSON: typed name → the
    sign-in's guard), since the database cannot be read before it opens."""

    db_path: Path

    def all(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(_guard_path(self.db_path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, object]]) -> None:
        with owner_only_file(_guard_path(self.db_path)) as out:
            out.write(json.dumps(data).encode())

    def load(self, username: str) -> accounts.Guard:
        entry = self.all().get(username)
        try:
            return accounts.Guard.from_dict(username, entry) if entry else _no_failures(username)
        except (ValueError, KeyError, TypeError, AttributeError):
            return _no_failures(username)

    def save(self, guard: accounts.Guard) -> None:
        data = self.all()
        data[guard.username] = guard.as_dict()
        self._write(data)

    def forget(self, username: str) -> None:
        data = self.all()
        if data.pop(username, None) is not None:
            self._write(data)


def _no_failures(username: str) -> accounts.Guard:
    return accounts.Guard(username, 0, None)


def unlock(db_path: Path, username: str, password: str) -> None:
    """Open the database's key with this account's password (the driver keeps it for this
    process), under the sign-in's guard: the same refusals, delays and lockout."""
    key = accounts.guarded(
        _DoorGuards(db_path),
        username,
        lambda name: keyslots.read(keyslots.keys_path(db_path)).unlock(name, password),
        WrongKey,
    )
    driver.unlock(db_path, key)


def recover(db_path: Path, recovery_key: str) -> None:
    """Open the database's key with the recovery key (a lost or forgotten password)."""
    key = keyslots.read(keyslots.keys_path(db_path)).recover(recovery_key)
    driver.unlock(db_path, key)


def clear_lock(db_path: Path, username: str) -> bool:
    """Forget a name's failures at the door (an administrator's 解锁); whether there were any."""
    doors = _DoorGuards(db_path)
    name = username.strip().lower()
    if name not in doors.all():
        return False
    doors.forget(name)
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
        raise DomainError(Text("数据库 {0} 已经加密", db_path))
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
    """The database's backups and the files a restore set aside, still in the clear. The
    backups folder is shared with any other database beside this one: of its files, this
    installation's only. The files set aside are this database's by name, whatever they hold
    (a damaged file, another computer's before `--any-device`)."""
    mine = backup.installation(db_path)
    plain = [
        b.path
        for b in backup.listed(backup.folder(db_path))
        if b.path.is_file() and not driver.is_encrypted(b.path)
    ]
    ours = [p for p in plain if mine is not None and backup.installation(p) == mine]
    aside = sorted(db_path.parent.glob(f"{db_path.stem}-before-restore-*.sqlite"))
    return ours + [p for p in aside if p.is_file() and not driver.is_encrypted(p)]


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
