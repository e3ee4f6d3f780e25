"""Printing a PDF through QPrinter: time and peak memory per page, at a printer's resolution.

    .venv/bin/python bench/print_bench.py [--db DEMO.sqlite] [--dpi 1200] [--cap 300 ...]

Prints JSON. Renders the 诉求台账 of the demo's last quarter (several A4 landscape pages) and one
诉求办结销号单, then "prints" each to a PDF-file printer set to `--dpi`, in a fresh process per run
so each peak RSS is its own; `--cap 0` is the uncapped rasterisation (the printer's resolution).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(pdf: str, dpi: int, cap: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from liaison.ui.print_preview import print_pdf

    app = QApplication.instance() or QApplication([])
    document = QPdfDocument(app)
    document.load(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(dpi)
    with tempfile.TemporaryDirectory() as folder:
        printer.setOutputFileName(str(Path(folder) / "printed.pdf"))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        pages = print_pdf(document, printer, max_dpi=cap or None)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = (Path(folder) / "printed.pdf").stat().st_size
    return {
        "pages": pages,
        "seconds": round(seconds, 3),
        "seconds_per_page": round(seconds / max(pages, 1), 3),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_growth_mb": round((peak - before) / 1024, 1),
        "output_mb": round(size / 1e6, 2),
    }


def _documents(db_path: Path, folder: Path) -> dict[str, Path]:
    from liaison.reports.closure_record import render_closure_record
    from liaison.reports.ledger import render_ledger
    from liaison.services.ledger_data import LedgerFilter
    from liaison.sync.log import database

    db = database(db_path)
    try:
        with db.read() as s:
            from sqlalchemy import text

            closed = s.execute(
                text("SELECT id FROM demand WHERE state = 'closed' LIMIT 1")
            ).scalar()
            last = s.execute(text("SELECT max(raised_on) FROM demand")).scalar()
        end = date.fromisoformat(str(last))
        ledger = render_ledger(
            db, LedgerFilter(end - timedelta(days=90), end), folder / "ledger.pdf"
        )
        closure = render_closure_record(db, str(closed), folder / "closure.pdf")
    finally:
        db.dispose()
    return {"ledger": ledger, "closure": closure}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--dpi", type=int, default=1200)
    ap.add_argument("--cap", type=int, nargs="*", default=[0, 300])
    ap.add_argument("--child", nargs=3, metavar=("PDF", "DPI", "CAP"))
    args = ap.parse_args()
    if args.child:
        pdf, dpi, cap = args.child
        print(json.dumps(_child(pdf, int(dpi), int(cap))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = args.db
        if db_path is None:
            db_path = folder / "demo.sqlite"
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            for cmd in (["init"], ["demo"]):
                subprocess.run(
                    [sys.executable, "-m", "liaison.launcher", *cmd, "--db", str(db_path)],
                    check=True,
                    capture_output=True,
                    env=env,
                )
        results: dict[str, object] = {"printer_dpi": args.dpi}
        for name, pdf in _documents(db_path, folder).items():
            for cap in args.cap:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(pdf), str(args.dpi), str(cap)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                )
                results[f"{name} cap={cap or 'none'}"] = json.loads(
                    out.stdout.strip().splitlines()[-1]
                )
        print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
