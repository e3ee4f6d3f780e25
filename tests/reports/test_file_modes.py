"""Documents for people are readable like any saved document; what carries the whole district
(backups here; bundles in tests/sync/test_encryption.py) stays owner-only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from liaison.data import backup
from liaison.data.db import Database
from liaison.reports.closure_record import render_closure_record
from liaison.reports.ledger import render_ledger
from liaison.services.ledger_data import LedgerFilter
from tests.builders import closed_demand
from tests.conftest import Cast


@pytest.fixture
def umask() -> Iterator[None]:
    """The usual desktop umask, whatever the test runner's."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_pdfs_and_workbooks_are_readable_by_others(
    umask: None, db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    pdf = render_closure_record(db, d, tmp_path / "closure.pdf")
    today = date.today()
    xlsx = render_ledger(db, LedgerFilter(today.replace(day=1), today), tmp_path / "台账.xlsx")
    assert _mode(pdf) == 0o644
    assert _mode(xlsx) == 0o644
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_a_private_umask_is_respected(db: Database, cast: Cast, tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        pdf = render_closure_record(db, closed_demand(db, cast), tmp_path / "closure.pdf")
    finally:
        os.umask(old)
    assert _mode(pdf) == 0o600


def test_backups_stay_owner_only(umask: None, db: Database, cast: Cast, tmp_path: Path) -> None:
    """(Bundles too: tests/sync/test_encryption.py.)"""
    taken = backup.take(db.path, "manual", to=tmp_path / "copy.sqlite")
    assert _mode(taken.path) == 0o600
