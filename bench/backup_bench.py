"""Backing up and restoring the district database, while a writer works.

    .venv/bin/python bench/backup_bench.py [--db PATH] [--scale district|small]

Uses the database at `--db`, or builds the district demo (`liaison demo --scale district`,
about 90 s and 4 GB) in a temporary folder. Times: a backup while another process adds a
demand note every 50 ms (how long the backup takes, how many of the writer's saves went in
meanwhile and its slowest save); a restore of that backup (the check of the whole file, the
copy and the swap). Prints a table and writes bench/out/backup.json. Figures go to
bench/RESULTS.md by hand, with the machine they came from.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from liaison.data import driver  # noqa: E402

WRITER = r"""
import sys, time
from liaison.data import driver
from liaison.services import demands
from liaison.services.context import Actor
from liaison.domain.roles import Role
from liaison.sync.log import database
import sqlite3

path = sys.argv[1]
conn = driver.connect(path)
sup = conn.execute(
    "SELECT id, display_name FROM account WHERE role = 'supervisor' LIMIT 1"
).fetchone()
ids = [r[0] for r in conn.execute("SELECT id FROM demand WHERE state = 'assigned' LIMIT 50")]
device = conn.execute("SELECT id FROM device WHERE is_local = 1").fetchone()[0]
conn.close()
db = database(path)
actor = Actor(sup[0], sup[1], Role.SUPERVISOR, device)
print("READY", flush=True)
n, slowest = 0, 0.0
while True:
    line = sys.stdin.readline()
    if line.strip() != "go":
        break
    started = time.perf_counter()
    demands.add_progress(db, actor, ids[n % len(ids)], f"第 {n} 次跟进")
    slowest = max(slowest, time.perf_counter() - started)
    n += 1
    print(f"{n} {slowest:.4f}", flush=True)
"""


def _size(path: Path) -> float:
    return path.stat().st_size / 1_048_576


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", default="district", choices=("district", "small"))
    args = parser.parse_args()
    from liaison.data import backup, migrate

    with tempfile.TemporaryDirectory(prefix="liaison-backup-bench-") as tmp:
        work = Path(tmp)
        if args.db is None:
            db_path = work / "district.sqlite"
            started = time.perf_counter()
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("liaison")),
                    "--db",
                    str(db_path),
                    "demo",
                    "--scale",
                    args.scale,
                    "--seed",
                    "1",
                ],
                check=True,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            build_s = time.perf_counter() - started
        else:
            db_path = work / "copy.sqlite"
            src, dst = driver.connect(args.db), driver.connect(db_path)
            src.backup(dst)
            src.close()
            dst.close()
            build_s = 0.0
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert writer.stdin is not None and writer.stdout is not None
        assert writer.stdout.readline().strip() == "READY"
        done = {"n": 0, "slowest": 0.0}

        stop = threading.Event()

        def drive() -> None:
            while not stop.is_set():
                writer.stdin.write("go\n")  # type: ignore[union-attr]
                writer.stdin.flush()  # type: ignore[union-attr]
                n, slowest = writer.stdout.readline().split()  # type: ignore[union-attr]
                done["n"], done["slowest"] = int(n), float(slowest)
                time.sleep(0.05)

        feeder = threading.Thread(target=drive)
        feeder.start()
        time.sleep(1)
        before = done["n"]
        started = time.perf_counter()
        made = backup.take(db_path, "manual", to=work / "backup.sqlite")
        backup_s = time.perf_counter() - started
        during = done["n"] - before
        stop.set()
        feeder.join()
        writer.stdin.close()
        writer.wait()
        started = time.perf_counter()
        backup.inspect(made.path, migrate.known_revisions())
        check_s = time.perf_counter() - started
        started = time.perf_counter()
        restored = backup.restore(db_path, made.path, migrate.known_revisions())
        restore_s = time.perf_counter() - started
        result = {
            "machine": f"{platform.machine()}, Python {platform.python_version()}, "
            f"SQLite {driver.sqlite_version}",
            "database_mb": round(_size(db_path), 1),
            "build_s": round(build_s, 1),
            "backup_s": round(backup_s, 2),
            "writer_saves_during_backup": during,
            "writer_slowest_save_s": round(done["slowest"], 3),
            "restore_s": round(restore_s, 2),
            "restore_check_alone_s": round(check_s, 2),
            "kept_aside": restored.kept is not None,
        }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "backup.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    for key, value in result.items():
        print(f"{key:<28} {value}")


if __name__ == "__main__":
    main()
