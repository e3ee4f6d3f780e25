"""Render every main screen of the app to PNG, for each role, at laptop and monitor sizes.

    .venv/bin/python scripts/render_screens.py [--out screens] [--db PATH]

Uses the small demo district (built into a temporary database unless --db is given) and the
offscreen platform, so it runs on a machine without a display. Look at the PNGs afterwards.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from liaison.data.db import Database
from liaison.demo import generate
from liaison.services import accounts
from liaison.services.setup import init_database
from liaison.ui.app import make_app
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.main_window import MainWindow

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
PASSWORD = "liaison123"


def settle(app: QApplication, seconds: float = 1.0) -> None:
    """Keep the event loop running while background queries land and are shown."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)


def demo_usernames(db: Database) -> dict[str, str]:
    """One account per role from the demo data (the first of each, by username)."""
    found: dict[str, str] = {}
    for info in accounts.list_accounts(db):
        found.setdefault(str(info.role), info.username)
    return found


def render(db_path: Path, out: Path) -> list[Path]:
    app = make_app()
    db = Database(db_path)
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for role, username in sorted(demo_usernames(db).items()):
        actor = accounts.sign_in(db, username, PASSWORD)
        window = MainWindow(AppContext(db, actor, ChangeHub()))
        for spec in window.specs:
            for size_name, (w, h) in SIZES.items():
                window.resize(w, h)
                window.show()
                window.show_screen(spec.name)
                settle(app)
                path = out / f"{role}_{spec.name}_{size_name}.png"
                window.grab().save(str(path))
                written.append(path)
        window.close()
    db.dispose()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("screens"))
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    if args.db:
        path = args.db
    else:
        path = Path(tempfile.mkdtemp()) / "demo.sqlite"
        init_database(path)
        generate(path, scale="small")
    for p in render(path, args.out):
        print(p)
    QApplication.instance()


if __name__ == "__main__":
    main()
