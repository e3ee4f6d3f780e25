"""`liaison report ledger`: a PDF over the row cap is refused in one line (exit 1); Excel works."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison import cli
from liaison.data.db import Database
from liaison.reports import ledger
from tests.conftest import Cast, log_demands


def test_ledger_pdf_over_the_cap_prints_one_line_and_exits_1(
    db: Database,
    db_path: Path,
    cast: Cast,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    log_demands(db, cast, "贷款难", "招工难", "用地")
    db.dispose()
    monkeypatch.setattr(ledger, "PDF_MAX_ROWS", 2)
    period = ["--from", "2000-01-01", "--to", "2099-12-31", "--db", str(db_path)]
    pdf = tmp_path / "台账.pdf"
    assert cli.main(["report", "ledger", *period, "--out", str(pdf)]) == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "3 条" in err and "上限 2 条" in err and "Excel" in err
    assert not pdf.exists()
    xlsx = tmp_path / "台账.xlsx"
    assert cli.main(["report", "ledger", *period, "--out", str(xlsx)]) == 0
    assert xlsx.exists()
