"""What the database's encryption at rest costs: the same work on a database in the clear and on
an encrypted one, side by side in one run (issue 13).

    .venv/bin/python bench/at_rest_bench.py [--only convert backup startup roster bundle demo]

- convert: the district bench database (`bench/run.py` builds it) copied and encrypted in place,
  as the app does at the first sign-in after an upgrade; kept as
  bench/out/district-seed1-encrypted.sqlite for `startup`.
- backup: the backup taken before every bundle import, of the district database each way,
  the page cache dropped before each.
- startup: `bench/ui_bench.py` in a new process on each, the page cache dropped first (root
  only; otherwise said so): opening the key, the main window, the home work list.
- roster: `bench/import_bench.py`'s roster (150,000 rows) previewed and imported into a new
  database in the clear and into one encrypted before the import.
- bundle: a hub's full bundle (3,600 enterprises, ~50,000 changes) joined by a laptop in the
  clear and by an encrypted one, then the everyday bundle of 10,000 edits.
- demo: the district demo generated into a new database, in the clear and encrypted from the
  start (about 90 s each).

Prints JSON and writes bench/out/at_rest.json. Figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison.data import backup, driver
from liaison.data.models import Enterprise, Visit
from liaison.demo import DEMO_PASSWORD, generate
from liaison.imports import import_enterprises, preview_enterprises
from liaison.services import accounts, encryption
from liaison.services.setup import init_database, new_installation
from liaison.sync.exchange import bundle, devices
from liaison.sync.log import database

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DISTRICT = OUT / "district-seed1.sqlite"
ENCRYPTED = OUT / "district-seed1-encrypted.sqlite"
RECOVERY_FILE = OUT / "district-seed1-encrypted.recovery"
MODES = ("clear", "encrypted")


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - start, 2)


def _new_database(path: Path, mode: str) -> None:
    """An empty database; encrypted before anything is written when `mode` says so (no account
    yet: the recovery key's slot only), and unlocked for this process."""
    init_database(path)
    if mode == "encrypted":
        encryption.encrypt(path)


def _drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def convert() -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm", ".keys", ".guard"):
        Path(f"{ENCRYPTED}{suffix}").unlink(missing_ok=True)
    _, copy_s = _timed(lambda: shutil.copyfile(DISTRICT, ENCRYPTED))
    done, seconds = _timed(lambda: encryption.encrypt(ENCRYPTED))
    driver.forget(ENCRYPTED)
    RECOVERY_FILE.write_text(done.recovery_key)
    return {
        "size_gb": round(ENCRYPTED.stat().st_size / 1e9, 2),
        "copy_s": copy_s,
        "encrypt_in_place_s": seconds,
        "accounts_with_a_slot": done.accounts,
    }


def backups(work: Path) -> dict[str, Any]:
    """The backup taken before every bundle import, of the district database each way (the
    encrypted copy's pages are decrypted and encrypted again on their way)."""
    results: dict[str, Any] = {}
    for mode, path in zip(MODES, (DISTRICT, ENCRYPTED), strict=True):
        if mode == "encrypted":
            encryption.recover(path, RECOVERY_FILE.read_text())
        target = work / f"backup-{mode}.sqlite"
        cold = _drop_page_cache()  # each from the disk: neither file is favoured by the cache
        _, seconds = _timed(lambda path=path, target=target: backup.take(path, to=target))
        results[f"{mode}_page_cache_dropped"] = cold
        results[mode] = {"backup_s": seconds, "size_gb": round(target.stat().st_size / 1e9, 2)}
        target.unlink()
    return results


def startup() -> dict[str, Any]:
    results: dict[str, Any] = {}
    for mode, path in zip(MODES, (DISTRICT, ENCRYPTED), strict=True):
        runs = []
        for _ in range(3):
            cold = _drop_page_cache()
            out = subprocess.run(
                [sys.executable, str(ROOT / "bench" / "ui_bench.py"), "--db", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            run = json.loads(out)
            runs.append(
                {
                    "page_cache_dropped": cold,
                    **{
                        k: run.get(k)
                        for k in ("unlock_s", "sign_in_s", "main_window_shown_s", "home_ready_s")
                        if k in run
                    },
                    "startup_worst_block_ms": run["startup_worst_block_ms"],
                    "search_keystroke_median_ms": run["search_keystroke_to_rows_ms"]["median"],
                }
            )
        results[mode] = runs
    return results


def roster(work: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from import_bench import write_roster

    file = OUT / "roster-150000.xlsx"
    if not file.exists():
        write_roster(file, 150_000)
    results: dict[str, Any] = {}
    for mode in MODES:
        path = work / f"roster-{mode}.sqlite"
        _new_database(path, mode)
        db = database(path)
        accounts.create_district(db, "admin", "管理员", "bench-Password-1")
        admin = accounts.sign_in(db, "admin", "bench-Password-1")
        _, preview_s = _timed(lambda db=db: preview_enterprises(db, file))
        done, import_s = _timed(lambda db=db, admin=admin: import_enterprises(db, admin, file))
        _, again_s = _timed(lambda db=db, admin=admin: import_enterprises(db, admin, file))
        results[mode] = {
            "preview_s": preview_s,
            "import_s": import_s,
            "added": done.added,
            "reimport_s": again_s,
        }
        db.dispose()
    return results


def bundles(work: Path) -> dict[str, Any]:
    from liaison.demo.plan import PLANS

    PLANS["bench"] = dataclasses.replace(
        PLANS["small"], scale="bench", enterprises=3600, visits=12_000
    )
    template = work / "template.sqlite"
    init_database(template)
    hub_path = work / "hub.sqlite"
    shutil.copyfile(template, hub_path)
    generate(hub_path, scale="bench", seed=1)
    hub = database(hub_path)
    admin = accounts.sign_in(hub, "admin", DEMO_PASSWORD)
    from liaison.domain.roles import Role

    cadres = [a.id for a in accounts.list_accounts(hub) if a.role is Role.CADRE][:20]
    hub_fp = devices.this_device(hub).fingerprint
    results: dict[str, Any] = {}
    laptops = {}
    for mode in MODES:  # both join the same district before it changes
        path = work / f"laptop-{mode}.sqlite"
        new_installation(template, path, f"laptop {mode}")
        if mode == "encrypted":
            encryption.encrypt(path)
        laptop = laptops[mode] = database(path)
        me = devices.this_device(laptop)
        request = work / f"request-{mode}.lsb"
        bundle.export_bundle(laptop, request, identity_only=True)
        devices.enrol_device(
            hub, admin, me.fingerprint, kind="field", accounts=cadres, bundle=request
        )
    for mode, laptop in laptops.items():
        full = work / f"full-{mode}.lsb"
        bundle.export_bundle(hub, full, recipient=devices.this_device(laptop).id)
        joined, join_s = _timed(
            lambda laptop=laptop, full=full: bundle.join_district(laptop, full, hub_fp)
        )
        back = work / f"back-{mode}.lsb"
        bundle.export_bundle(laptop, back, recipient=devices.this_device(hub).id)
        bundle.import_bundle(hub, back)
        results[mode] = {
            "join_changes": joined.new_ops,
            "join_s": join_s,
            "join_changes_per_s": round(joined.new_ops / join_s),
        }
    with hub.session() as s:  # the everyday case: 10,000 edits of existing records
        for n, e in enumerate(s.scalars(select(Enterprise).order_by(Enterprise.id).limit(4000))):
            e.phone = f"023-6{n:07d}"
        for v in s.scalars(select(Visit).order_by(Visit.id).limit(6000)):
            v.summary = v.summary + "（已回访）"
    for mode, laptop in laptops.items():
        daily = work / f"daily-{mode}.lsb"
        bundle.export_bundle(hub, daily, recipient=devices.this_device(laptop).id)
        everyday, daily_s = _timed(
            lambda laptop=laptop, daily=daily: bundle.import_bundle(laptop, daily)
        )
        results[mode].update(everyday_changes=everyday.new_ops, everyday_s=daily_s)
        laptop.dispose()
    hub.dispose()
    return results


def demo(work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for mode in MODES:
        path = work / f"demo-{mode}.sqlite"
        _new_database(path, mode)
        _, seconds = _timed(lambda path=path: generate(path, scale="district", seed=1))
        results[mode] = {"seconds": seconds, "size_gb": round(path.stat().st_size / 1e9, 2)}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return results


def main() -> None:
    parts = ("convert", "backup", "startup", "roster", "bundle", "demo")
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", nargs="*", choices=parts, default=list(parts))
    args = ap.parse_args()
    if not DISTRICT.exists():
        sys.exit(f"{DISTRICT} is missing: build it with bench/run.py first")
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {driver.sqlite_version}",
    }
    with tempfile.TemporaryDirectory(dir=OUT) as scratch:
        work = Path(scratch)
        for part in args.only:
            started = time.strftime("%H:%M:%S")
            if part == "convert":
                results[part] = convert()
            elif part == "backup":
                results[part] = backups(work)
            elif part == "startup":
                results[part] = startup()
            elif part == "roster":
                results[part] = roster(work)
            elif part == "bundle":
                results[part] = bundles(work)
            else:
                results[part] = demo(work)
            results[part]["started_utc"] = started
            print(json.dumps({part: results[part]}, ensure_ascii=False), flush=True)
    (OUT / "at_rest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
