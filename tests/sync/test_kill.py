"""Killing the process mid-import leaves all of the bundle or none of it (docs/sync.md guarantee 9).

A real `liaison bundle import` runs in a child process on a copy of a laptop database and is
SIGKILLed many times: after a random delay, and — since the commit is the short moment that
matters most — while the database's write-ahead log is being written. After each kill the
database opens, passes `PRAGMA integrity_check`, and its digest is either the one before the
import (and the bundle is not recorded as imported) or the one after a complete import (and it
is). The bundle is the whole small demo district from the hub: a few thousand ops.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from liaison.data import driver
from liaison.demo import generate
from liaison.demo.people import DEMO_PASSWORD
from liaison.services import accounts, encryption
from liaison.sync.exchange import bundle, devices, envelope
from liaison.sync.exchange.digest import digest
from liaison.sync.log import database
from tests.sync.conftest import new_installation

ROUNDS = 12
COMMIT_ROUNDS = 5
IMPORT = (
    "import sys; from liaison.cli import main; "
    "sys.exit(main(['join', sys.argv[1], '--fingerprint', sys.argv[3], '--db', sys.argv[2]]))"
)
"""The laptop's first bundle: the hub enrolled it, it joins the district by importing it."""


@dataclass(frozen=True)
class Scene:
    laptop: Path
    """The laptop before the import (copied for every round)."""
    bundle: Path
    bundle_id: str
    ops: int
    before: str
    after: str
    hub: str
    fingerprint: str
    """The hub's, read out to the laptop."""


def _copy(src: Path, dst: Path) -> None:
    a, b = driver.connect(src), driver.connect(dst)
    a.backup(b)
    a.close()
    b.close()


def _look(path: Path, bundle_id: str) -> tuple[str, str, bool, int]:
    """integrity, digest, whether the bundle is recorded as imported, op count. The import is
    `liaison join`, which then encrypts the database: a round killed after that opens with the
    password of the hub's administrator, whose hash came with the bundle."""
    driver.forget(path)
    if encryption.is_encrypted(path):
        encryption.unlock(path, "admin", DEMO_PASSWORD)
    conn = driver.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        recorded = conn.execute(
            "SELECT COUNT(*) FROM sync_bundle WHERE id = ? AND direction = 'in'", (bundle_id,)
        ).fetchone()[0]
        ops = conn.execute("SELECT COUNT(*) FROM sync_op").fetchone()[0]
        return integrity, digest(conn), bool(recorded), ops
    finally:
        conn.close()


@pytest.fixture(scope="module")
def scene(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Scene:
    tmp = tmp_path_factory.mktemp("kill")
    hub_path, laptop_path = tmp / "hub.sqlite", tmp / "laptop.sqlite"
    _copy(template_db, hub_path)
    generate(hub_path, scale="small", seed=2)
    new_installation(template_db, laptop_path, "观音桥街道 laptop 3")
    hub, laptop = database(hub_path), database(laptop_path)
    try:
        request, out = tmp / "laptop-request.lsb", tmp / "hub-full.lsb"
        bundle.export_bundle(laptop, request, identity_only=True)
        me = devices.this_device(laptop)
        admin = accounts.sign_in(hub, "admin", DEMO_PASSWORD)
        devices.enrol_device(hub, admin, me.fingerprint, kind="hub", bundle=request)
        bundle.export_bundle(hub, out, recipient=me.id)
        fingerprint = devices.this_device(hub).fingerprint
        conn = hub.raw()
        hub_digest = digest(conn)
        conn.close()
    finally:
        hub.dispose()
        laptop.dispose()
    header = envelope.open_envelope(out.read_bytes()).header
    _, before, recorded, _ = _look(laptop_path, header.bundle_id)
    assert not recorded
    reference = tmp / "reference.sqlite"
    shutil.copy(laptop_path, reference)
    db = database(reference)
    try:
        bundle.join_district(db, out, fingerprint)
    finally:
        db.dispose()
    integrity, after, recorded, _ = _look(reference, header.bundle_id)
    assert integrity == "ok" and recorded and after != before
    return Scene(
        laptop_path, out, header.bundle_id, header.ops, before, after, hub_digest, fingerprint
    )


def _start(scene: Scene, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(scene.bundle), str(db), scene.fingerprint],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_the_scene_is_big_enough_and_the_full_import_converges(scene: Scene) -> None:
    assert scene.ops > 2000
    assert scene.after == scene.hub


def _check(scene: Scene, db: Path, n: int, child: subprocess.Popen[bytes]) -> str:
    """What a round left: 'none' or 'all' of the bundle (killed), or 'finished'."""
    _, err = child.communicate(timeout=60)
    killed = child.returncode == -signal.SIGKILL
    assert killed or child.returncode == 0, f"round {n}: {err.decode()}"
    integrity, now, recorded, _ops = _look(db, scene.bundle_id)
    assert integrity == "ok", f"round {n}: {integrity}"
    if now == scene.before:
        assert not recorded, f"round {n}: recorded as imported, but nothing of it is here"
        assert killed, f"round {n}: the import finished but nothing of it is here"
        return "none"
    assert now == scene.after, f"round {n}: part of the bundle (killed={killed})"
    assert recorded, f"round {n}: all of it is here, but not recorded as imported"
    return "all" if killed else "finished"


def test_a_killed_import_leaves_all_of_the_bundle_or_none(scene: Scene, tmp_path: Path) -> None:
    # how long an uninterrupted import takes in a child process, start-up included (the
    # shorter of two: the first may pay for a cold disk cache)
    times = []
    for n in range(2):
        db = tmp_path / f"timed-{n}.sqlite"
        shutil.copy(scene.laptop, db)
        started = time.perf_counter()
        child = _start(scene, db)
        _, err = child.communicate(timeout=120)
        times.append(time.perf_counter() - started)
        assert child.returncode == 0, err.decode()
        assert _look(db, scene.bundle_id)[1:3] == (scene.after, True)
    whole = min(times)

    rng = random.Random(int(os.environ.get("LIAISON_KILL_SEED", "20261126")))
    outcomes: Counter[str] = Counter()
    untouched: list[Path] = []
    for n in range(ROUNDS):
        db = tmp_path / f"round-{n}.sqlite"
        shutil.copy(scene.laptop, db)
        # mostly late in the run, where the ops are written and committed
        delay = whole * (rng.uniform(0.0, 0.5) if n % 4 == 0 else rng.uniform(0.5, 1.0))
        child = _start(scene, db)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
        outcome = _check(scene, db, n, child)
        outcomes[outcome] += 1
        if outcome == "none":
            untouched.append(db)
    print(f"kills: {dict(outcomes)}; an uninterrupted import took {whole:.2f} s")
    assert outcomes["none"] + outcomes["all"] >= ROUNDS // 2, outcomes  # most were real kills
    assert untouched, outcomes

    # a replica whose import was killed takes the bundle normally and converges with the hub
    db = untouched[-1]
    last = database(db)
    try:
        report = bundle.join_district(last, scene.bundle, scene.fingerprint)
        assert report.new_ops > 0
    finally:
        last.dispose()
    integrity, now, recorded, _ops = _look(db, scene.bundle_id)
    assert (integrity, now, recorded) == ("ok", scene.hub, True)


def test_a_kill_while_the_commit_is_being_written(scene: Scene, tmp_path: Path) -> None:
    """Watch the write-ahead log beside the database: the first bytes in it are the import's
    commit (nothing is written before; it takes some 30 ms here); kill the child 0–60 ms after
    they appear, inside the commit or just after it."""
    rng = random.Random(int(os.environ.get("LIAISON_KILL_SEED", "20261126")) + 1)
    outcomes: Counter[str] = Counter()
    caught = 0
    for n in range(COMMIT_ROUNDS):
        db = tmp_path / f"commit-{n}.sqlite"
        shutil.copy(scene.laptop, db)
        wal = db.with_name(db.name + "-wal")
        child = _start(scene, db)
        deadline = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 0:
                time.sleep(rng.uniform(0, 0.06))
                child.send_signal(signal.SIGKILL)
                caught += 1
                break
            time.sleep(0.0002)
        outcomes[_check(scene, db, n, child)] += 1
    print(f"kills at the commit: {dict(outcomes)}")
    assert caught > 0, outcomes
