"""Time the printed reports on the seeded district (bench/out/district-seed1.sqlite, 200k demands).

    .venv/bin/python bench/report_bench.py [--db PATH] [--out DIR]

Prints JSON: seconds, pages/rows and file size for a ledger of about 1,000 demands (PDF and
XLSX) and for a month's bulletin (PDF and XLSX). The database is only read.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from liaison.reports.bulletin import render_bulletin
from liaison.reports.ledger import render_ledger
from liaison.services.ledger_data import LedgerFilter, ledger_data
from liaison.sync.log import database

HERE = Path(__file__).resolve().parent
LEDGER = LedgerFilter(date(2026, 11, 1), date(2026, 11, 2))
MONTH = "2026-10"
TODAY = date(2026, 11, 26)


def _timed(fn: Callable[[], Path]) -> tuple[float, Path]:
    t0 = time.perf_counter()
    path = fn()
    return time.perf_counter() - t0, path


def _describe(seconds: float, path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"seconds": round(seconds, 3), "bytes": path.stat().st_size}
    if path.suffix == ".pdf":
        out["pages"] = len(PdfReader(path).pages)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=HERE / "out" / "district-seed1.sqlite")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="report-bench-"))
    db = database(args.db)
    results: dict[str, Any] = {"db": str(args.db), "out": str(out_dir)}
    try:
        rows = len(ledger_data(db, LEDGER, today=TODAY).rows)
        results["ledger_filter"] = {
            "start": LEDGER.start.isoformat(),
            "end": LEDGER.end.isoformat(),
            "demands": rows,
        }
        for suffix in ("pdf", "xlsx"):
            target = out_dir / f"ledger.{suffix}"
            seconds, path = _timed(partial(render_ledger, db, LEDGER, target, today=TODAY))
            results[f"ledger_{suffix}"] = _describe(seconds, path)
        results["bulletin_month"] = MONTH
        for suffix in ("pdf", "xlsx"):
            target = out_dir / f"bulletin.{suffix}"
            seconds, path = _timed(partial(render_bulletin, db, MONTH, target, today=TODAY))
            results[f"bulletin_{suffix}"] = _describe(seconds, path)
    finally:
        db.dispose()
    results["ledger_pdf_target_met"] = results["ledger_pdf"]["seconds"] <= 5.0
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
