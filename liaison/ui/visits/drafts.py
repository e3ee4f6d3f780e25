"""The visit form's autosaved draft: a small JSON file per account and database in the app's
data folder (a draft typed against one database never reappears in another).

Written shortly after every change (atomically: a temp file, then a rename), read when the form
opens again after a crash or a close without saving, removed after a successful save.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

DRAFT_VERSION = 1


def drafts_dir() -> Path:
    """Where drafts live (tests point this at a temporary folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "drafts"


class DraftStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_account(cls, account_id: str, db_path: Path | str) -> DraftStore:
        """The draft of this account on this database (accounts made at each first start
        may share ids across databases: the file's path, or the server's database as
        `Database.where` shows it, tells them apart)."""
        place = db_path if isinstance(db_path, str) else str(Path(db_path).resolve())
        where = hashlib.sha256(place.encode()).hexdigest()[:16]
        return cls(drafts_dir() / f"visit-{account_id}-{where}.json")

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != DRAFT_VERSION:
            return None
        return data

    def save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({**data, "version": DRAFT_VERSION}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        os.replace(tmp, self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
