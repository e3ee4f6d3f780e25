"""The district hub on PostgreSQL beside the SQLite file (issue 16). Not part of the test run.

    .venv/bin/python bench/pg_hub_bench.py load       # the district into a server (liaison migrate)
    .venv/bin/python bench/pg_hub_bench.py figures    # search, queue, metrics: both engines
    .venv/bin/python bench/pg_hub_bench.py desktops [--desktops 50] [--minutes 5]
    .venv/bin/python bench/pg_hub_bench.py stop       # the server stops; its data stays

The server is Debian's PostgreSQL, a cluster kept in /tmp/liaison-pg-hub (tests/pg_cluster.py's
way, run as `postgres`, on a Unix socket) so that the district is loaded once. `load` moves the
bench district (bench/run.py's bench/out/district-seed1.sqlite) with `liaison migrate`, timed.
`figures` runs bench/run.py's search, queue and metrics measurements on the file and on the
server. `desktops` starts office desktops (threads in a few processes, each desktop its own
connections) doing the daily mix for the given minutes — search, open, visit with demands, route,
accept, resolve, with a few seconds' thought between actions — and then checks that every step
reported saved is in the database once and the hub's op log is gapless. Prints JSON and writes
bench/out/pg_hub.json; figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DISTRICT = OUT / "district-seed1.sqlite"
BASE = Path("/tmp/liaison-pg-hub")
SETTINGS = {
    "shared_buffers": "4GB",
    "effective_cache_size": "12GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "1GB",
    "max_wal_size": "4GB",
    "max_connections": "300",
    "listen_addresses": "''",
}
URL = f"postgresql://postgres@/district?host={BASE}/run"
PASSWORD = "liaison123"  # the demo district's accounts


def _pg(*args: str) -> subprocess.CompletedProcess[str]:
    from tests.pg_cluster import _as_user, binaries

    return subprocess.run(
        [*_as_user(), str(binaries() / args[0]), *args[1:]],
        check=True,
        capture_output=True,
        text=True,
    )


def start() -> None:
    """The kept server, made on first use, started if it is not running."""
    import shutil

    data = BASE / "data"
    if not data.exists():
        (BASE / "run").mkdir(parents=True, exist_ok=True)
        shutil.chown(BASE, "postgres")
        shutil.chown(BASE / "run", "postgres")
        _pg("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8")  # fmt: skip
        options = {**SETTINGS, "unix_socket_directories": f"'{BASE}/run'"}
        with (data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in options.items())
    status = subprocess.run(
        ["runuser", "-u", "postgres", "--", "test", "-f", str(data / "postmaster.pid")],
        check=False,
    )
    if status.returncode != 0:
        _pg("pg_ctl", "-D", str(data), "-l", str(BASE / "server.log"), "-w", "start")


def stop() -> None:
    _pg("pg_ctl", "-D", str(BASE / "data"), "-m", "fast", "stop")


def load() -> dict[str, Any]:
    import psycopg

    start()
    admin = URL.replace("/district?", "/postgres?")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS district")
        conn.execute("CREATE DATABASE district")
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "liaison.launcher", "migrate", "--from", str(DISTRICT), "--to", URL],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    t = time.perf_counter()
    with psycopg.connect(URL, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        size = conn.execute("SELECT pg_database_size('district')").fetchone()
    assert size is not None
    return {
        "migrate_s": round(seconds, 1),
        "vacuum_analyze_s": round(time.perf_counter() - t, 1),
        "said": done.stdout.strip().splitlines(),
        "sqlite_mib": round(DISTRICT.stat().st_size / 2**20),
        "postgresql_mib": round(int(size[0]) / 2**20),
    }


def figures() -> dict[str, Any]:
    from run import bench_metrics, bench_queue, bench_search

    from liaison.sync.log import database

    start()
    out: dict[str, Any] = {}
    for name, location in (("sqlite", str(DISTRICT)), ("postgresql", URL)):
        db = database(location if name == "postgresql" else Path(location))
        try:
            out[name] = {
                "search": bench_search(db)["all"],
                "queue": bench_queue(db),
                "metrics": bench_metrics(db),
            }
        finally:
            db.dispose()
    return out


# --- the desktops -------------------------------------------------------------------------------

QUERIES = [
    "江北",
    "观音",
    "科技",
    "机械",
    "商贸",
    "物流",
    "嘉陵",
    "重庆",
    "鑫源",
    "建筑",
    "gyq",
    "kj",
]


class Desk:
    """One office desktop: its own database connections, one person signed in."""

    def __init__(self, username: str, seed: int) -> None:
        from liaison.services import accounts
        from liaison.sync.log import database

        self.db = database(URL)
        self.actor = accounts.sign_in(self.db, username, PASSWORD)
        self.rng = random.Random(seed)
        self.samples: list[tuple[str, float, str]] = []  # (action, ms, ok/refused/error)
        self.saved: list[tuple[str, str]] = []  # (step, record id) reported saved
        self.errors: list[str] = []
        self.targets: list[str] = []

    def act(self, name: str, fn: Any) -> Any:
        from liaison.domain.errors import DomainError

        t = time.perf_counter()
        outcome, result = "ok", None
        try:
            result = fn()
        except DomainError:
            outcome = "refused"  # the service said no (another desk was first): not an error
        except Exception as exc:  # counted and shown; the run goes on
            outcome = "error"
            self.errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:160]}")
        self.samples.append((name, (time.perf_counter() - t) * 1000, outcome))
        return result if outcome == "ok" else None

    def one(self) -> None:
        raise NotImplementedError


class CadreDesk(Desk):
    def __init__(self, username: str, seed: int) -> None:
        super().__init__(username, seed)
        conn = self.db.raw()
        try:
            self.targets = [
                r[0]
                for r in conn.execute(
                    "SELECT enterprise_id FROM assignment WHERE account_id = ? AND end_on IS NULL "
                    "LIMIT 40",
                    (self.actor.account_id,),
                )
            ]
            self.categories = [
                r[0] for r in conn.execute("SELECT id FROM category WHERE active ORDER BY code")
            ]
        finally:
            conn.close()

    def one(self) -> None:
        from liaison.services import enterprises, visits

        roll = self.rng.random()
        if roll < 0.4:
            self.act(
                "search", lambda: enterprises.search_enterprises(self.db, self.rng.choice(QUERIES))
            )
        elif roll < 0.7:
            eid = self.rng.choice(self.targets)
            self.act("open", lambda: enterprises.get_enterprise(self.db, eid))
        else:
            eid = self.rng.choice(self.targets)
            wanted = tuple(
                visits.DemandInput(self.rng.choice(self.categories), f"模拟诉求 {i}")
                for i in range(self.rng.choice((0, 1, 1, 2)))
            )
            logged = self.act(
                "visit",
                lambda: visits.log_visit(
                    self.db,
                    self.actor,
                    visits.VisitInput(
                        eid, date.today(), "onsite", "模拟走访：了解经营情况", demands=wanted
                    ),
                ),
            )
            if logged is not None:
                self.saved.append(("visit", logged.visit_id))
                self.saved += [("demand", d) for d in logged.demand_ids]


class SupervisorDesk(Desk):
    def __init__(self, username: str, seed: int, share: tuple[int, int]) -> None:
        super().__init__(username, seed)
        self.share = share  # (mine, of): the new demands this desk routes, by hash

    def one(self) -> None:
        from liaison.services import demands, enterprises, queries

        roll = self.rng.random()
        if roll < 0.35:
            self.act(
                "search", lambda: enterprises.search_enterprises(self.db, self.rng.choice(QUERIES))
            )
            return
        conn = self.db.raw()
        try:
            row = conn.execute(
                "SELECT id, category_id FROM demand WHERE state = 'new' "
                "AND abs(hashtext(id)) % ? = ? ORDER BY raised_on DESC LIMIT 1",
                (self.share[1], self.share[0]),
            ).fetchone()
        finally:
            conn.close()
        if row is None:
            return
        did, category = row
        if roll < 0.55:
            self.act("open", lambda: queries.demand_detail(self.db, did, self.actor))
            return
        proposal = demands.propose_routing(self.db, category)
        if not proposal.lead:
            return
        lead = proposal.lead[0].id
        if self.act(
            "route", lambda: demands.route_demand(self.db, self.actor, did, lead_department_id=lead)
        ):
            self.saved.append(("route", did))


class HandlerDesk(Desk):
    def one(self) -> None:
        from liaison.domain import workflow as wf
        from liaison.services import demands, queries

        dept = self.actor.department_id or ""
        queue = self.act(
            "queue", lambda: queries.department_queue(self.db, dept, limit=100, include_co=False)
        )
        if not queue:
            return
        rows = list(queue.rows) if hasattr(queue, "rows") else list(queue)
        waiting = [r for r in rows if getattr(r, "state", None) == wf.State.ASSIGNED]
        working = [r for r in rows if getattr(r, "state", None) == wf.State.ACCEPTED]
        roll = self.rng.random()
        if roll < 0.3 and rows:
            did = self.rng.choice(rows).id
            self.act("open", lambda: queries.demand_detail(self.db, did, self.actor))
        elif roll < 0.65 and waiting:
            did = self.rng.choice(waiting).id
            if self.act("accept", lambda: demands.accept_demand(self.db, self.actor, did)):
                self.saved.append(("accept", did))
        elif working:
            did = self.rng.choice(working).id
            if self.act(
                "resolve",
                lambda: demands.resolve_demand(
                    self.db,
                    self.actor,
                    did,
                    answer="已协调解决，企业认可",
                    outcome=wf.Outcome.SOLVED,
                    policy_basis="第二条",
                ),
            ):
                self.saved.append(("resolve", did))


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    """One process's desktops, each on its own thread, until the time is up."""
    desks: list[Desk] = []
    for i, (role, name) in enumerate(spec["desks"]):
        seed = spec["seed"] * 1000 + i
        if role == "cadre":
            desks.append(CadreDesk(name, seed))
        elif role == "supervisor":
            desks.append(SupervisorDesk(name, seed, tuple(spec["shares"][name])))
        else:
            desks.append(HandlerDesk(name, seed))
    end = time.monotonic() + spec["seconds"]

    def run(desk: Desk) -> None:
        time.sleep(desk.rng.uniform(0, spec["think"]))  # not all at the same instant
        while time.monotonic() < end:
            desk.one()
            time.sleep(min(desk.rng.expovariate(1 / spec["think"]), 4 * spec["think"]))

    threads = [threading.Thread(target=run, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for d in desks:
        d.db.dispose()
    return {
        "samples": [s for d in desks for s in d.samples],
        "saved": [s for d in desks for s in d.saved],
        "errors": [e for d in desks for e in d.errors],
    }


def _cast(n: int) -> list[tuple[str, str]]:
    """The desktops: about half cadres, four in ten handlers of distinct departments, the rest
    supervisors (the daily mix of a district office)."""
    import psycopg

    handlers_n = n * 2 // 5
    supervisors_n = max(2, n // 10)
    cadres_n = n - handlers_n - supervisors_n
    with psycopg.connect(URL) as conn:
        cadres = conn.execute(
            "SELECT a.username FROM account a WHERE a.role = 'cadre' AND a.active AND EXISTS "
            "(SELECT 1 FROM assignment s WHERE s.account_id = a.id AND s.end_on IS NULL) "
            "ORDER BY a.username LIMIT %s",
            (cadres_n,),
        ).fetchall()
        handlers = conn.execute(
            "SELECT DISTINCT ON (department_id) username FROM account WHERE role = 'handler' "
            "AND active ORDER BY department_id, username LIMIT %s",
            (handlers_n,),
        ).fetchall()
        sups = conn.execute(
            "SELECT username FROM account WHERE role = 'supervisor' AND active ORDER BY username "
            "LIMIT %s",
            (supervisors_n,),
        ).fetchall()
    return (
        [("cadre", r[0]) for r in cadres]
        + [("handler", r[0]) for r in handlers]
        + [("supervisor", r[0]) for r in sups]
    )


def _check(saved: list[tuple[str, str]], since: datetime) -> dict[str, int]:
    """Every step reported saved is in the database once; the op log has no gap."""
    import psycopg

    kinds = {"route": "route", "accept": "accept", "resolve": "resolve"}
    lost = doubled = 0
    with psycopg.connect(URL) as conn:
        for step, key in saved:
            if step in kinds:
                row = conn.execute(
                    "SELECT count(*) FROM demand_event WHERE demand_id = %s AND kind = %s "
                    "AND at >= %s",
                    (key, kinds[step], since),
                ).fetchone()
            else:
                row = conn.execute(f"SELECT count(*) FROM {step} WHERE id = %s", (key,)).fetchone()
            assert row is not None
            lost += row[0] == 0
            doubled += row[0] > 1
        seqs = conn.execute(
            "SELECT count(*), min(seq), max(seq) FROM sync_op "
            "WHERE site = (SELECT id FROM device WHERE is_local)"
        ).fetchone()
    assert seqs is not None
    count, first, last = seqs
    return {
        "steps_saved": len(saved),
        "lost": lost,
        "doubled": doubled,
        "op_log_gaps": (last - first + 1 - count) if count else 0,
    }


def desktops(n: int, minutes: float, processes: int, think: float) -> dict[str, Any]:
    start()
    cast = _cast(n)
    sups = [name for role, name in cast if role == "supervisor"]
    shares = {name: (i, len(sups)) for i, name in enumerate(sups)}
    since = datetime.now()
    specs = [
        {
            "desks": cast[i::processes],
            "seconds": minutes * 60,
            "seed": i + 1,
            "think": think,
            "shares": shares,
        }
        for i in range(processes)
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )
        for _ in specs
    ]  # fmt: skip
    for p, spec in zip(procs, specs, strict=True):
        assert p.stdin is not None
        p.stdin.write(json.dumps(spec))
        p.stdin.close()
    results = []
    for p in procs:
        assert p.stdout is not None
        results.append(json.loads(p.stdout.read()))
        p.wait()
    samples = [tuple(s) for r in results for s in r["samples"]]
    errors = [e for r in results for e in r["errors"]]
    saved = [tuple(s) for r in results for s in r["saved"]]
    by_action: dict[str, Any] = {}
    for action in sorted({s[0] for s in samples}):
        ms = sorted(s[1] for s in samples if s[0] == action)
        by_action[action] = {
            "n": len(ms),
            "p50_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[round(0.95 * (len(ms) - 1))], 1),
            "refused": sum(1 for s in samples if s[0] == action and s[2] == "refused"),
        }
    every = sorted(s[1] for s in samples)
    return {
        "desktops": {
            role: sum(1 for r, _ in cast if r == role)
            for role in ("cadre", "handler", "supervisor")
        },
        "minutes": minutes,
        "processes": processes,
        "think_s_mean": think,
        "actions": len(samples),
        "actions_per_s": round(len(samples) / (minutes * 60), 1),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(every[round(0.95 * (len(every) - 1))], 1),
        "max_ms": round(every[-1], 1),
        "errors": len(errors),
        "error_samples": errors[:10],
        "by_action": by_action,
        **_check([(str(a), str(b)) for a, b in saved], since),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("what", choices=("load", "figures", "desktops", "stop", "worker"))
    ap.add_argument("--desktops", type=int, default=50)
    ap.add_argument("--minutes", type=float, default=5)
    ap.add_argument("--processes", type=int, default=5)
    ap.add_argument("--think", type=float, default=3.0, help="mean seconds between actions")
    args = ap.parse_args()
    if args.what == "worker":
        print(json.dumps(worker(json.loads(sys.stdin.read()))))
        return
    if args.what == "stop":
        stop()
        return
    from run import machine

    if args.what == "load":
        result = load()
    elif args.what == "figures":
        result = figures()
    else:
        result = desktops(args.desktops, args.minutes, args.processes, args.think)
    report = {"machine": machine(), args.what: result}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"pg_hub_{args.what}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
