"""Keep an encrypted database's key slots in step with its accounts.

After a unit of work that made, changed or removed an account (a password set, changed or reset,
an account deactivated), and after anything that wrote accounts with plain SQL (credentials and
accounts arriving by sync: `refresh` is called there), the slots are made again from the
accounts' stored hashes: one per active account that has a password here, the recovery slot
kept. Nothing happens for a database in the clear.
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from liaison.data import driver, keyslots
from liaison.data.models import Account

_CHANGED = "liaison.accounts_changed"


def account_hashes(db_path: Path) -> list[tuple[str, str]]:
    """(username, scrypt hash) of every active account with a password on this device."""
    conn = driver.connect(db_path)
    try:
        return [
            (str(u), str(h))
            for u, h in conn.execute(
                "SELECT username, password_hash FROM account "
                "WHERE active AND password_hash LIKE 'scrypt$%' ORDER BY username, id"
            )
        ]
    finally:
        conn.close()


def slots_for(db_path: Path, key: bytes, kept: keyslots.KeyFile) -> keyslots.KeyFile:
    """`kept` (the recovery slot) with a slot for every account of `account_hashes`."""
    slots = list(kept.slots)
    slots += [keyslots.account_slot(key, u, h) for u, h in account_hashes(db_path)]
    return keyslots.KeyFile(tuple(slots))


def refresh(db_path: Path) -> None:
    key = driver.key_of(db_path)
    if key is None:
        return
    path = keyslots.keys_path(db_path)
    current = keyslots.read(path)
    recovery = keyslots.KeyFile(tuple(s for s in current.slots if s.kind == keyslots.RECOVERY))
    keyslots.write(path, slots_for(db_path, key, recovery))


def install(sessions: sessionmaker[Session], db_path: Path) -> None:
    """Refresh the slots after each unit of work of `sessions` that touched an account."""

    def noted(session: Session, _context: Any) -> None:
        if any(isinstance(o, Account) for o in chain(session.new, session.dirty, session.deleted)):
            session.info[_CHANGED] = True

    def committed(session: Session) -> None:
        if session.info.pop(_CHANGED, False):
            refresh(db_path)

    event.listen(sessions, "after_flush", noted)
    event.listen(sessions, "after_commit", committed)
