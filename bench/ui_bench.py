"""Desktop app at district scale: start-up, search as you type, and how long the GUI blocks.

    .venv/bin/python bench/ui_bench.py [--db bench/out/district-seed1.sqlite]

Offscreen. An encrypted database is opened with the user's password first, as at the app's
door. Prints JSON. A heartbeat timer ticking every 10 ms records the longest gap between
ticks while the app works: that is the longest time the window could not repaint or react.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from liaison.demo import DEMO_PASSWORD
from liaison.services import accounts, encryption
from liaison.sync.log import database
from liaison.ui.app import make_app
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


class Heartbeat:
    """Longest interval between 10 ms ticks of the GUI thread's event loop."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.last = 0
        self.worst = 0

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.worst = 0
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def wait_until(app: QApplication, done: object, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - start > timeout:
            raise TimeoutError
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "district-seed1.sqlite")
    ap.add_argument("--user", default="sup01")
    args = ap.parse_args()
    app = make_app()
    results: dict[str, object] = {}
    if encryption.is_encrypted(args.db):  # the door: the password opens the key first
        t = time.perf_counter()
        encryption.unlock(args.db, args.user, DEMO_PASSWORD)
        results["unlock_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    db = database(args.db)
    actor = accounts.sign_in(db, args.user, DEMO_PASSWORD)
    results["sign_in_s"] = round(time.perf_counter() - t, 3)
    beat = Heartbeat()

    beat.start()
    t0 = time.perf_counter()
    window = MainWindow(AppContext(db, actor, ChangeHub()))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    results["main_window_shown_s"] = round(time.perf_counter() - t0, 3)
    home = window.screen_named("home")
    results["home_ready_s"] = round(
        time.perf_counter() - t0 + wait_until(app, lambda: not home.loading.isVisible()),  # type: ignore[attr-defined]
        3,
    )
    results["startup_worst_block_ms"] = beat.worst

    window.show_screen("enterprises")
    screen = window.screen_named("enterprises")
    panel = screen.list  # type: ignore[attr-defined]
    wait_until(app, lambda: panel.model.rowCount() > 0)
    results["enterprise_list_first_rows_s"] = round(time.perf_counter() - t0, 3)

    box = screen.filters.search  # type: ignore[attr-defined]
    samples: list[float] = []
    beat.start()
    for query in ("江", "江北", "江北区", "c", "cq", "cqj", "cqjb", "9", "91", "915", "9150010"):
        box.clear()
        app.processEvents()
        t = time.perf_counter()
        box.setText(query)
        before = panel.model.ids
        wait_until(app, lambda b=before: panel.model.ids is not b)
        samples.append((time.perf_counter() - t) * 1000)
    results["search_keystroke_to_rows_ms"] = {
        "median": round(statistics.median(samples), 1),
        "max": round(max(samples), 1),
        "note": "includes the debounce pause (DEBOUNCE_MS) after the keystroke",
    }
    results["search_worst_block_ms"] = beat.worst

    switches: dict[str, int] = {}
    for name in ("demands", "visits", "home", "enterprises"):
        beat.start()
        window.show_screen(name)
        deadline = time.perf_counter() + 1.5
        while time.perf_counter() < deadline:  # let background queries land and be shown
            app.processEvents()
            time.sleep(0.005)
        switches[name] = beat.worst
    results["screen_switch_worst_block_ms"] = switches
    print(json.dumps(results, ensure_ascii=False, indent=2))
    window.close()
    db.dispose()


if __name__ == "__main__":
    main()
