"""Writers wait their turn; readers never wait; a writer that gives up says for what."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from liaison.data import db as data_db
from liaison.data import driver
from liaison.data.db import Busy, Database, holding
from liaison.services import demands
from liaison.sync.log import database
from tests.conftest import Cast, log_demands

ROOT = Path(__file__).resolve().parents[2]
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
done, failed, slowest, n = 0, [], 0.0, 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    n += 1
    started = time.perf_counter()
    try:
        demands.add_progress(db, sup, ids[n % len(ids)], f"{tag} {n}")
        done += 1
    except Exception as exc:
        failed.append(f"{type(exc).__name__}: {exc}")
    slowest = max(slowest, time.perf_counter() - started)
db.dispose()
print(json.dumps({"done": done, "failed": failed[:3], "slowest": slowest}))
"""


def _progress_notes(path: Path) -> int:
    with driver.connect(path) as conn:
        return int(
            conn.execute("SELECT count(*) FROM demand_event WHERE kind = 'progress'").fetchone()[0]
        )


def test_two_writer_processes_lose_nothing_and_fail_nothing(
    db: Database, db_path: Path, cast: Cast
) -> None:
    for n in range(6):
        [did] = log_demands(db, cast, f"融资需求 {n}")
        demands.route_demand(db, cast.supervisor, did, lead_department_id=cast.finance_dept)
    before = _progress_notes(db_path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_path), "3", f"w{k}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        for k in range(2)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        results.append(json.loads(out.decode().splitlines()[-1]))
    assert [r["failed"] for r in results] == [[], []]
    done = sum(r["done"] for r in results)
    assert done > 100 and all(r["done"] > 0 for r in results)  # both got their turns
    assert _progress_notes(db_path) - before == done  # every confirmed step is there
    assert max(r["slowest"] for r in results) < 5  # nobody starved behind the other


def test_a_writer_that_gives_up_says_what_it_waited_for(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, cast: Cast
) -> None:
    monkeypatch.setattr(data_db, "BUSY_TIMEOUT_MS", 300)
    other = database(db_path)  # connections made now wait 0.3 s
    long_writer = driver.connect(db_path, isolation_level=None)
    long_writer.execute("BEGIN IMMEDIATE")
    try:
        with holding(db_path, "正在导入“区联络办”的同步包（50286 项变更）"):
            with pytest.raises(Busy) as gave_up:
                log_demands(other, cast, "用工招聘")
            assert "数据库正忙：正在导入“区联络办”的同步包（50286 项变更）" in str(gave_up.value)
            assert "\n" not in str(gave_up.value)
        with pytest.raises(Busy) as gave_up:  # no note: still one clear line
            log_demands(other, cast, "用工招聘")
        assert "另一程序或另一窗口正在写入" in str(gave_up.value)
        # reading goes on beside the writer, without waiting
        with other.read() as s:
            assert s.scalar(text("SELECT count(*) FROM enterprise")) == 1
    finally:
        long_writer.execute("ROLLBACK")
        long_writer.close()
        other.dispose()
    assert not db_path.with_name(db_path.name + ".busy").exists()
    log_demands(db, cast, "用工招聘")  # and once it is done, writing works again


def test_a_reading_unit_cannot_write(db: Database) -> None:
    with pytest.raises(OperationalError, match="readonly"), db.read() as s:
        s.execute(text("UPDATE setting SET value = value"))
