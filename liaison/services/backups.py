"""The 备份与恢复 page's services: an administrator's view of this installation's backups.

The command line's `liaison backup` and `liaison restore` ask for no sign-in (whoever may open
the file may copy it); in the app these are an administrator's, like every other setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from liaison.data import backup, migrate
from liaison.data.db import Database
from liaison.domain.permissions import ADMINISTRATORS
from liaison.services import encryption
from liaison.services.context import Actor


@dataclass(frozen=True)
class BackupList:
    folder: Path
    backups: list[backup.Backup]
    encrypted: bool
    """Whether the database (and so every backup taken since) is encrypted at rest."""


def list_backups(db: Database, actor: Actor) -> BackupList:
    actor.require(*ADMINISTRATORS)
    where = backup.folder(db.path)
    return BackupList(where, backup.listed(where), encryption.is_encrypted(db.path))


def back_up_now(db: Database, actor: Actor) -> backup.Backup:
    actor.require(*ADMINISTRATORS)
    return backup.take(db.path, "manual")


def set_backup_folder(db: Database, actor: Actor, where: Path) -> Path:
    actor.require(*ADMINISTRATORS)
    return backup.set_folder(db.path, where)


def restore_backup(db: Database, actor: Actor, backup_file: Path) -> backup.Restored:
    """Replace the database with `backup_file` (checked first; the current file kept aside).
    Every connection of this app is closed first (they reopen on next use, so a refused file
    costs nothing); the app opens the database anew after."""
    actor.require(*ADMINISTRATORS)
    db.dispose()
    return backup.restore(db.path, backup_file, migrate.known_revisions())


def check_health(db: Database) -> str | None:
    """What is wrong with the database file (None: whole). Anyone signed in may ask."""
    return backup.health(db.path)


def latest_backup(db_path: Path) -> backup.Backup | None:
    """The newest whole backup, offered when the database turns out damaged."""
    return backup.latest(db_path)


def restore_latest(db_path: Path, backup_file: Path) -> backup.Restored:
    """Put a backup back in place of a database that cannot be opened (before sign-in: the
    damaged file cannot say who may; it is kept aside, nothing is lost)."""
    return backup.restore(db_path, backup_file, migrate.known_revisions())
