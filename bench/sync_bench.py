"""Offline sync: export and import of a bundle of ~50,000 changes, against a raw SQLite copy.

    .venv/bin/python bench/sync_bench.py [--enterprises 3600] [--visits 12000] [--profile]

Builds a hub database with a demo district sized to give ~50k ops (the demo generator writes
the op log), then times, in one run: exporting a full bundle from the hub; importing it into a
fresh laptop the hub enrolled (it joins with it) — everything included (reading the file, signature,
payload checks, row validation, merge, re-deriving every record, commit); the same op rows
copied with a raw `INSERT INTO ... SELECT` between two SQLite files (the physical limit); and
`digest` on both sides; and the same import as a command in a new process. Wall and CPU
seconds both (the machine may be shared: CPU seconds show the work, wall seconds what a
person waits). Caches the hub's build filled with the district's names are emptied before
the timed import. `--profile` prints where the import's time goes. Prints a table and writes
bench/out/sync.json. Figures go to bench/RESULTS.md by hand, with the machine they came from.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison.data import driver
from liaison.data.db import Database
from liaison.data.models import Enterprise, Visit
from liaison.demo import DEMO_PASSWORD, generate
from liaison.demo.plan import PLANS
from liaison.domain import pinyin
from liaison.domain.roles import Role
from liaison.services import accounts
from liaison.services.setup import init_database, new_installation
from liaison.sync.exchange import authority, bundle, devices, encryption, envelope, payload
from liaison.sync.exchange.digest import digest
from liaison.sync.log import database, oplog, seals
from liaison.sync.log.identity import LocalDevice, local_device

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TARGET = 20_000
"""Changes per second an import must reach, everything included (issue 4)."""


def _copy(src: Path, dst: Path) -> None:
    a, b = driver.connect(src), driver.connect(dst)
    a.backup(b)
    a.close()
    b.close()


def _timed(fn: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def _cpu(fn: Any) -> tuple[Any, float, float]:
    """The result, wall seconds and CPU seconds of this process."""
    c = time.process_time()
    result, wall = _timed(fn)
    return result, wall, time.process_time() - c


def _profiled(fn: Any) -> Any:
    import cProfile
    import pstats

    prof = cProfile.Profile()
    result = prof.runcall(fn)
    pstats.Stats(prof).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(25)
    return result


def _digest(db: Database) -> str:
    conn = db.raw()
    try:
        return digest(conn)
    finally:
        conn.close()


def _rows(pconn: sqlite3.Connection, expected: int) -> list[tuple[Any, ...]]:
    """The payload's op rows as an import reads them (seal by seal)."""
    sealed = payload.read_seals(pconn)
    chunks = payload.seal_chunks(pconn, sealed, sealed, expected, 100_000)
    return [r for chunk in chunks for r in chunk]


def _identity(db: Database) -> LocalDevice:
    """The receiving laptop's device and key (what opens the bundle)."""
    conn = db.raw()
    try:
        return local_device(conn)
    finally:
        conn.close()


def _checks_only(me: LocalDevice, path: Path) -> float:
    """Seconds for the checks an import makes without writing: envelope, signature, payload
    checks, every row validated (on one thread, as a worker would)."""

    def check() -> int:
        with envelope.opened_file(path) as opened, payload.opened(opened, me.private_key) as pc:
            rows = _rows(pc, opened.header.ops)
            payload.check_rows(rows, 1, lambda: None)
            return len(rows)

    _, seconds = _timed(check)
    return seconds


def _encryption_costs(me: LocalDevice, path: Path) -> dict[str, float]:
    """Seconds of the encryption's two steps alone, on this bundle's payload: decrypting it
    (what an import adds to hashing the copy) and encrypting the plain payload again (what an
    export adds)."""
    key, public_key = me.private_key, me.public_key
    plain = path.with_suffix(".plain")
    with envelope.opened_file(path) as opened, plain.open("wb") as out:
        _, decrypt_s = _timed(lambda: envelope.copy_payload(opened, out, key))
    with envelope.opened_file(path) as opened:
        _, hash_only_s = _timed(lambda: envelope.copy_payload(opened))
    again = path.with_suffix(".again")
    with plain.open("rb") as src, again.open("wb") as out:
        _, encrypt_s = _timed(lambda: encryption.encrypt(src, out, public_key))
    plain.unlink()
    again.unlink()
    return {
        "decrypt_and_hash_s": round(decrypt_s, 3),
        "hash_only_s": round(hash_only_s, 3),
        "encrypt_s": round(encrypt_s, 3),
    }


def _trust_costs(me: LocalDevice, path: Path) -> dict[str, float]:
    """Seconds of hashing every op of the bundle against its device's seal and checking the
    seals' signatures, alone on one thread (in the import the worker does it beside the
    writes)."""
    with envelope.opened_file(path) as opened, payload.opened(opened, me.private_key) as pconn:
        rows = _rows(pconn, opened.header.ops)
        bundle_seals = payload.read_seals(pconn)

        def sealing() -> None:
            check = seals.SealCheck(bundle_seals)
            for row in rows:
                assert check.feed(row) is None
            keys = {s.site: opened.header.sender_key for s in bundle_seals}
            assert check.problems(keys) is None

        _, seal_s = _timed(sealing)
    return {"trust_seal_check_s": round(seal_s, 3)}


@contextmanager
def _timing_authority() -> Iterator[list[float]]:
    """Seconds the import spends judging authority (settling the account and device ops,
    judging every op, looking up what they name), on its main thread: [total]."""
    spent = [0.0]
    originals = (authority.arrivals, authority.Arrivals.refusals)

    def timed(fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started

        return run

    authority.arrivals = timed(originals[0])  # type: ignore[assignment]
    authority.Arrivals.refusals = timed(originals[1])  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        authority.arrivals, authority.Arrivals.refusals = originals  # type: ignore[method-assign]


def _cli_import(bundle_path: Path, db: Path, fingerprint: str) -> float:
    """Seconds of `liaison join FILE --fingerprint FP --db DB` (the laptop's first bundle) in a
    new process, as a person runs it: start-up and loading the application's modules
    (pypinyin among them) included."""
    started = time.perf_counter()
    command = ["join", str(bundle_path), "--fingerprint", fingerprint, "--db", str(db)]
    subprocess.run(
        [sys.executable, "-m", "liaison.launcher", *command],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _incremental(hub: Database, laptop: Database, work: Path) -> dict[str, Any]:
    """The everyday case after the first import: the laptop's bundle reaches the hub (so the
    hub knows what the laptop has), the hub edits existing records (a phone number of 4,000
    enterprises, the summary of 6,000 visits: each record then has two ops), and the
    laptop imports the hub's bundle for it — the records weighed field by field."""
    hub_me, laptop_me = devices.this_device(hub), devices.this_device(laptop)
    back = work / "laptop-for-hub.lsb"
    bundle.export_bundle(laptop, back, recipient=hub_me.id)
    bundle.import_bundle(hub, back)
    with hub.session() as s:
        for n, e in enumerate(s.scalars(select(Enterprise).order_by(Enterprise.id).limit(4000))):
            e.phone = f"023-6{n:07d}"
        for v in s.scalars(select(Visit).order_by(Visit.id).limit(6000)):
            v.summary = v.summary + "（已回访）"
    out = work / "hub-for-laptop.lsb"
    made = bundle.export_bundle(hub, out, recipient=laptop_me.id)
    report, seconds, cpu = _cpu(lambda: bundle.import_bundle(laptop, out))
    return {
        "incremental_bundle_ops": made.ops,
        "incremental_new_ops": report.new_ops,
        "incremental_import_s": round(seconds, 3),
        "incremental_import_cpu_s": round(cpu, 3),
        "incremental_changes_per_s": round(report.new_ops / seconds),
        "incremental_digests_equal": _digest(hub) == _digest(laptop),
    }


def _forget_names() -> None:
    """Empty the caches that building the hub filled with this district's names (pinyin)
    and ids: a laptop meets them for the first time. (pypinyin itself stays loaded, as in
    the app after its first search; loading it costs about 0.2 s once per process.)"""
    pinyin.pinyin_keys.cache_clear()
    pinyin._word_syllables.cache_clear()
    payload._is_id.cache_clear()


def _raw_copy(hub: Path, scratch: Path) -> tuple[int, float, float]:
    """The op rows copied with one `INSERT INTO ... SELECT` into a table of the same shape
    (same primary key and index as the op log), committed: what SQLite itself can do."""
    conn = driver.connect(scratch, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(oplog.DDL[0])
        conn.execute(oplog.DDL[1])
        conn.execute("ATTACH DATABASE ? AS hub", (str(hub),))

        def copy() -> int:
            conn.execute("BEGIN")
            cur = conn.execute(
                f"INSERT INTO main.sync_op ({oplog.OP_COLUMNS}) "
                f"SELECT {oplog.OP_COLUMNS} FROM hub.sync_op"
            )
            conn.execute("COMMIT")
            return cur.rowcount

        rows, wall, cpu = _cpu(copy)
        return rows, wall, cpu
    finally:
        conn.close()


def run(
    enterprises: int, visits: int, seed: int, work: Path, profile: bool = False
) -> dict[str, Any]:
    PLANS["bench"] = dataclasses.replace(
        PLANS["small"], scale="bench", enterprises=enterprises, visits=visits
    )
    template = work / "template.sqlite"
    init_database(template)
    hub_path, laptop_path = work / "hub.sqlite", work / "laptop.sqlite"
    _copy(template, hub_path)
    new_installation(template, laptop_path, "bench laptop")
    _, build_s = _timed(lambda: generate(hub_path, scale="bench", seed=seed))

    hub, laptop = database(hub_path), database(laptop_path)
    try:
        conn = hub.raw()
        ops = conn.execute("SELECT COUNT(*) FROM sync_op").fetchone()[0]
        # column values the ops carry (cr-sqlite's unit of change: one column of one row)
        values = conn.execute("SELECT COUNT(*) FROM sync_op, json_each(sync_op.fields)").fetchone()[
            0
        ]
        conn.close()
        me = devices.this_device(laptop)
        request = work / "laptop-request.lsb"
        bundle.export_bundle(laptop, request, identity_only=True)
        admin = accounts.sign_in(hub, "admin", DEMO_PASSWORD)
        cadres = [a.id for a in accounts.list_accounts(hub) if a.role is Role.CADRE][:20]
        devices.enrol_device(
            hub, admin, me.fingerprint, kind="field", accounts=cadres, bundle=request
        )
        bundle_path = work / "hub-full.lsb"
        export, export_s, export_cpu = _cpu(
            lambda: bundle.export_bundle(hub, bundle_path, recipient=me.id)
        )
        hub_fp = devices.this_device(hub).fingerprint
        if profile:
            spare = work / "profiled.sqlite"
            _copy(laptop_path, spare)
            other = database(spare)
            _profiled(lambda: bundle.join_district(other, bundle_path, hub_fp))
            other.dispose()
        spare = work / "laptop-cli.sqlite"
        _copy(laptop_path, spare)
        cli_s = _cli_import(bundle_path, spare, hub_fp)
        receiver = _identity(laptop)
        checks_s = _checks_only(receiver, bundle_path)
        trust = _trust_costs(receiver, bundle_path)
        trust.update(_encryption_costs(receiver, bundle_path))
        _forget_names()
        with _timing_authority() as spent:
            report, import_s, import_cpu = _cpu(
                lambda: bundle.join_district(laptop, bundle_path, hub_fp)
            )
        trust["trust_judging_in_import_s"] = round(spent[0], 3)
        hub_digest, digest_hub_s = _timed(lambda: _digest(hub))
        laptop_digest, digest_laptop_s = _timed(lambda: _digest(laptop))
        incremental = _incremental(hub, laptop, work)
    finally:
        hub.dispose()
        laptop.dispose()
    raw_rows, raw_s, raw_cpu = _raw_copy(hub_path, work / "scratch.sqlite")
    import_rate = report.new_ops / import_s
    raw_rate = raw_rows / raw_s
    return {
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}"
        f", SQLite {driver.sqlite_version}",
        "plan": {"enterprises": enterprises, "visits": visits, "seed": seed},
        "build_hub_s": round(build_s, 2),
        "ops": ops,
        "field_values": values,
        "import_field_values_per_s": round(values / import_s),
        "bundle_ops": export.ops,
        "bundle_mb": round(bundle_path.stat().st_size / 1e6, 2),
        "export_s": round(export_s, 3),
        "export_cpu_s": round(export_cpu, 3),
        "export_changes_per_s": round(export.ops / export_s),
        "import_s": round(import_s, 3),
        "import_checks_s": round(checks_s, 3),
        "cli_import_s": round(cli_s, 3),
        "import_cpu_s": round(import_cpu, 3),
        "import_changes_per_cpu_s": round(report.new_ops / import_cpu),
        "import_new_ops": report.new_ops,
        "import_changes_per_s": round(import_rate),
        "import_target_per_s": TARGET,
        "import_meets_target": import_rate >= TARGET,
        "raw_copy_rows": raw_rows,
        "raw_copy_s": round(raw_s, 3),
        "raw_copy_cpu_s": round(raw_cpu, 3),
        "raw_copy_rows_per_s": round(raw_rate),
        "raw_to_import_ratio": round(raw_rate / import_rate, 1),
        "digest_hub_s": round(digest_hub_s, 3),
        "digest_laptop_s": round(digest_laptop_s, 3),
        "digests_equal": hub_digest == laptop_digest,
        **trust,
        **incremental,
    }


def table(r: dict[str, Any]) -> str:
    rows = [
        ("hub ops (bundle)", f"{r['ops']:,} ({r['bundle_ops']:,}, {r['bundle_mb']} MB)"),
        (
            "export",
            f"{r['export_s']:.2f} s (cpu {r['export_cpu_s']:.2f} s)  "
            f"{r['export_changes_per_s']:,} changes/s",
        ),
        (
            "import (everything)",
            f"{r['import_s']:.2f} s (cpu {r['import_cpu_s']:.2f} s)  "
            f"{r['import_changes_per_s']:,} changes/s"
            f"  (target {r['import_target_per_s']:,}: "
            f"{'met' if r['import_meets_target'] else 'NOT met'})",
        ),
        (
            "  in column values",
            f"{r['field_values']:,} values, {r['import_field_values_per_s']:,} values/s "
            "(cr-sqlite's unit: one column of one row)",
        ),
        ("  checks alone", f"{r['import_checks_s']:.2f} s (every row check, one thread)"),
        (
            "  trust",
            f"authority {r['trust_judging_in_import_s']:.2f} s of the import (main thread); "
            f"seals {r['trust_seal_check_s']:.2f} s alone (in the import: on the worker)",
        ),
        (
            "  encryption",
            f"decrypting the payload {r['decrypt_and_hash_s']:.2f} s with its hash "
            f"(hash alone {r['hash_only_s']:.2f} s); encrypting it {r['encrypt_s']:.2f} s",
        ),
        ("  as a command", f"{r['cli_import_s']:.2f} s (liaison join: a new process)"),
        (
            "raw INSERT…SELECT",
            f"{r['raw_copy_s']:.3f} s (cpu {r['raw_copy_cpu_s']:.3f} s)  "
            f"{r['raw_copy_rows_per_s']:,} rows/s",
        ),
        ("raw / import", f"{r['raw_to_import_ratio']}×"),
        ("digest hub / laptop", f"{r['digest_hub_s']:.2f} s / {r['digest_laptop_s']:.2f} s"),
        ("digests equal", str(r["digests_equal"])),
        (
            "incremental import",
            f"{r['incremental_new_ops']:,} edits of existing records: "
            f"{r['incremental_import_s']:.2f} s (cpu {r['incremental_import_cpu_s']:.2f} s)  "
            f"{r['incremental_changes_per_s']:,} changes/s, digests equal "
            f"{r['incremental_digests_equal']}",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--enterprises", type=int, default=3600)
    ap.add_argument("--visits", type=int, default=12_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="print where the import's time goes")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liaison-sync-bench-") as tmp:
        result = run(args.enterprises, args.visits, args.seed, Path(tmp), args.profile)
    print(table(result))
    (OUT / "sync.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"\n-> {OUT / 'sync.json'}")


if __name__ == "__main__":
    main()
