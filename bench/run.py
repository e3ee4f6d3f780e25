"""District-scale benchmarks of the core. Not part of the test run.

    .venv/bin/python bench/run.py [--rebuild] [--seed N] [--only NAME ...]

Builds the district demo database once (bench/out/district-seed{N}.sqlite, timing the build),
then measures enterprise search, a department's queue and the quarter's metrics, and prints
JSON (also written to bench/out/results.json). Figures go to bench/RESULTS.md by hand, with the
machine they came from.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from liaison.data import driver
from liaison.data.db import Database
from liaison.demo import generate
from liaison.services.enterprises import search_enterprises
from liaison.services.metrics import compute_metrics
from liaison.services.queries import department_queue
from liaison.services.setup import init_database
from liaison.sync.log import database

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "bench" / "out"

SEARCH_QUERIES: dict[str, list[str]] = {
    "name_2_chars": [
        "江北",
        "观音",
        "科技",
        "机械",
        "商贸",
        "物流",
        "餐饮",
        "建筑",
        "医药",
        "嘉陵",
        "重庆",
        "有限",
        "鑫源",
        "文化",
        "信息",
    ],
    "name_1_char": ["江", "鑫", "渝", "华"],
    "name_3plus_chars": [
        "观音桥",
        "科技有限",
        "江北区",
        "商贸有限公司",
        "嘉陵江",
        "餐饮管理",
        "信息技术",
        "建筑工程",
    ],
    "pinyin_initials": ["cqjb", "cqkj", "jbq", "gyq", "yxgs", "cqsm", "kjyx"],
    "full_pinyin": ["jiangbei", "keji", "chongqing", "shangmao", "wuliu"],
    "code_prefix": ["915001", "91500105", "9150010", "91500105M", "92500"],
}


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_gib, 1),
        "python": platform.python_version(),
        "sqlite": driver.sqlite_version,
        "os": platform.platform(),
    }


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary_ms(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(samples[-1], 2),
    }


def build(seed: int, rebuild: bool) -> tuple[Path, dict[str, Any] | None]:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"district-seed{seed}.sqlite"
    if path.exists() and not rebuild:
        return path, None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    init_database(path)
    report = generate(path, scale="district", seed=seed)
    seconds = time.perf_counter() - t
    return path, {
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "db_size_mib": round(path.stat().st_size / 2**20),
        "report": report.summary(),
    }


def bench_search(db: Database) -> dict[str, Any]:
    out: dict[str, Any] = {}
    everything: list[float] = []
    for kind, queries in SEARCH_QUERIES.items():
        samples: list[float] = []
        hits = {}
        for q in queries:
            search_enterprises(db, q)  # warm the page cache once per query
            samples += timed(lambda q=q: search_enterprises(db, q), 20)  # type: ignore[misc]
            hits[q] = search_enterprises(db, q).total
        everything += samples
        out[kind] = {**summary_ms(samples), "matches": hits}
    out["all"] = summary_ms(everything)
    return out


def bench_queue(db: Database) -> dict[str, Any]:
    conn = db.raw()
    busiest = [
        r[0]
        for r in conn.execute(
            "SELECT department_id FROM demand_unit GROUP BY department_id "
            "ORDER BY count(*) DESC LIMIT 5"
        )
    ]
    conn.close()
    samples: list[float] = []
    for dept in busiest:
        department_queue(db, dept, limit=100)
        samples += timed(lambda d=dept: department_queue(db, d, limit=100), 20)  # type: ignore[misc]
    return {"departments": len(busiest), **summary_ms(samples)}


def last_full_quarter(today: date) -> tuple[date, date]:
    q = (today.month - 1) // 3
    year = today.year if q else today.year - 1
    q = q or 4
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def bench_metrics(db: Database) -> dict[str, Any]:
    """compute_metrics for the last full quarter, its last month and the year ending with it."""
    start, end = last_full_quarter(date.today())
    periods = {
        "month": (end.replace(day=1), end),
        "quarter": (start, end),
        "year": (
            date(end.year - 1, end.month + 1, 1) if end.month < 12 else date(end.year, 1, 1),
            end,
        ),
    }
    out: dict[str, Any] = {}
    for name, (first, last) in periods.items():
        figures: dict[str, Any] = {"period": f"{first}..{last}"}
        for by in ("department", "street", "cadre", "category"):
            compute_metrics(db, first, last, by)  # warm the page cache once
            samples = timed(lambda b=by, f=first, t=last: compute_metrics(db, f, t, b), 3)  # type: ignore[misc]
            figures[by] = {
                "median_ms": round(statistics.median(samples), 1),
                "max_ms": round(max(samples), 1),
            }
        out[name] = figures
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rebuild", action="store_true", help="build the district database again")
    ap.add_argument("--only", nargs="*", choices=("search", "queue", "metrics"))
    args = ap.parse_args()
    path, build_figures = build(args.seed, args.rebuild)
    db = database(path)
    results: dict[str, Any] = {"machine": machine(), "database": str(path)}
    if build_figures:
        results["demo_generation"] = build_figures
    benches = {"search": bench_search, "queue": bench_queue, "metrics": bench_metrics}
    for name, fn in benches.items():
        if not args.only or name in args.only:
            results[name] = fn(db)
    db.dispose()
    text = json.dumps(results, ensure_ascii=False, indent=2)
    (OUT / "results.json").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
