"""Two writers on one database: processes doing demand steps at once, counting failures.

    .venv/bin/python bench/writers_bench.py [--seconds 30] [--writers 2]

Makes a small district, then starts `--writers` processes that for `--seconds` each add 进展
notes to demands and log visits with a demand through the services, as busy office users would,
and counts what each attempted, what failed and how long the longest unit of work waited.
Afterwards the database must hold every step that was reported saved (nothing lost). Prints a
table and writes bench/out/writers.json. Figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from liaison.data import driver

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

WORKER = r"""
import json, sys, time
from liaison.data import driver
from liaison.services import accounts, demands
from liaison.sync.log import database

path, seconds, tag = sys.argv[1], float(sys.argv[2]), sys.argv[3]
with driver.connect(path) as conn:
    ids = [r[0] for r in conn.execute("SELECT id FROM demand WHERE state = 'assigned'")]
db = database(path)
sup = accounts.sign_in(db, "supervisor", "password-123")
done = failed = n = 0
waits = []
errors = []
end = time.monotonic() + seconds
while time.monotonic() < end:
    did = ids[n % len(ids)]
    n += 1
    started = time.perf_counter()
    try:
        demands.add_progress(db, sup, did, f"{tag} 第 {n} 次跟进")
        done += 1
    except Exception as exc:
        failed += 1
        errors.append(type(exc).__name__ + ": " + str(exc)[:80])
    waits.append(time.perf_counter() - started)
db.dispose()
print(json.dumps({"tag": tag, "done": done, "failed": failed, "waits": waits,
                  "errors": errors[:5]}))
"""
"""One writer: 进展 notes on the routed demands, round and round, for the given seconds."""


def prepare(path: Path) -> None:
    """A district with the test cast's people and 20 routed demands."""
    from liaison.services import demands, setup
    from liaison.sync.log import database

    sys.path.insert(0, str(ROOT))
    from tests.conftest import log_demands, make_cast

    setup.init_database(path)
    db = database(path)
    try:
        cast = make_cast(db)
        for n in range(20):
            [did] = log_demands(db, cast, f"融资需求 {n}")
            demands.route_demand(db, cast.supervisor, did, lead_department_id=cast.finance_dept)
    finally:
        db.dispose()


def progress_notes(path: Path) -> int:

    conn = driver.connect(path)
    try:
        return int(
            conn.execute("SELECT count(*) FROM demand_event WHERE kind = 'progress'").fetchone()[0]
        )
    finally:
        conn.close()


def run(seconds: float, writers: int, work: Path) -> dict[str, Any]:
    path = work / "office.sqlite"
    prepare(path)
    before = progress_notes(path)
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(seconds), f"writer{k}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        for k in range(writers)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=seconds + 120)
        if proc.returncode != 0:
            raise RuntimeError(err.decode())
        results.append(json.loads(out.decode().strip().splitlines()[-1]))
    wall = time.perf_counter() - started
    saved = progress_notes(path) - before
    done = sum(r["done"] for r in results)
    waits = sorted(w for r in results for w in r.pop("waits"))

    def pct(q: float) -> float:
        return round(waits[min(len(waits) - 1, int(q * len(waits)))], 3)

    return {
        "writers": writers,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "attempted": done + sum(r["failed"] for r in results),
        "done": done,
        "failed": sum(r["failed"] for r in results),
        "saved_in_database": saved,
        "lost": done - saved,
        "unit_s_p50": pct(0.5),
        "unit_s_p95": pct(0.95),
        "unit_s_p99": pct(0.99),
        "slowest_unit_s": round(waits[-1], 3),
        "units_over_1s": sum(1 for w in waits if w > 1.0),
        "per_writer": results,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--writers", type=int, default=2)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liaison-writers-") as tmp:
        result = run(args.seconds, args.writers, Path(tmp))
    for key in ("writers", "seconds", "attempted", "done", "failed", "saved_in_database", "lost"):
        print(f"{key:<18} {result[key]}")
    print(
        f"{'unit of work':<18} p50 {result['unit_s_p50']} s, p95 {result['unit_s_p95']} s, "
        f"p99 {result['unit_s_p99']} s, slowest {result['slowest_unit_s']} s, "
        f"{result['units_over_1s']} over 1 s"
    )
    (OUT / "writers.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
