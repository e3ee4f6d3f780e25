"""The demo district generator: believable, deterministic, and consistent with the services.

One small district is generated per module (about half a second) and checked from every side:
the state machine replays each demand's stored events to its stored columns, the ORM reads
every row type back, the search index finds enterprises, the demo password signs in.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.data import driver, search
from liaison.data.db import Database
from liaison.data.models import (
    Account,
    Assignment,
    Category,
    Contact,
    Demand,
    DemandEvent,
    DemandUnit,
    Enterprise,
    Visit,
    VisitParticipant,
)
from liaison.demo import DEMO_PASSWORD, NOT_EMPTY, DemoReport, generate
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError
from liaison.domain.ids import uuid7_at
from liaison.domain.pinyin import initials
from liaison.domain.roles import Role
from liaison.domain.uscc import validate_uscc
from liaison.domain.workdays import WorkCalendar
from liaison.services import accounts
from liaison.services.demand_log import SNAPSHOT_COLUMNS, history, to_event
from liaison.services.setup import init_database
from liaison.sync.log import database

TODAY = date(2025, 11, 20)
"""Fixed, so the district is the same whenever the tests run (and within chinese_calendar)."""


def _copy(template: Path, path: Path) -> Path:
    src, dst = driver.connect(template), driver.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


@pytest.fixture(scope="module")
def district(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, DemoReport]:
    path = _copy(template_db, tmp_path_factory.mktemp("demo") / "demo.sqlite")
    return path, generate(path, scale="small", seed=1, today=TODAY)


@pytest.fixture(scope="module")
def demo_db(district: tuple[Path, DemoReport]) -> Iterator[Database]:
    db = database(district[0])
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def conn(district: tuple[Path, DemoReport]) -> Iterator[sqlite3.Connection]:
    c = driver.connect(district[0])
    yield c
    c.close()


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_small_district_has_the_planned_size(
    district: tuple[Path, DemoReport], conn: sqlite3.Connection
) -> None:
    report = district[1]
    assert _count(conn, "enterprise") == report.counts["enterprise"] == 300
    assert 25 <= _count(conn, "account") <= 40
    assert _count(conn, "visit") == 1200
    assert 300 <= _count(conn, "demand") <= 500
    assert 1800 <= _count(conn, "demand_event") <= 3500
    assert 300 <= _count(conn, "contact") <= 600
    for table, n in report.counts.items():
        assert _count(conn, table) == n, table
    assert report.seconds > 0 and report.password == DEMO_PASSWORD == "liaison123"
    assert "liaison123" in report.summary()


def test_every_enterprise_has_one_lead_cadre_with_a_realistic_load(
    conn: sqlite3.Connection,
) -> None:
    leads = Counter(
        e for (e,) in conn.execute("SELECT enterprise_id FROM assignment WHERE is_lead = 1")
    )
    assert len(leads) == 300 and set(leads.values()) == {1}
    loads = [
        n
        for (n,) in conn.execute(
            "SELECT count(*) FROM assignment a JOIN account c ON c.id = a.account_id "
            "WHERE a.end_on IS NULL GROUP BY a.account_id"
        )
    ]
    roles = {
        r
        for (r,) in conn.execute(
            "SELECT DISTINCT c.role FROM assignment a JOIN account c ON c.id = a.account_id"
        )
    }
    assert roles == {"cadre"}
    assert all(30 <= n <= 110 for n in loads), loads


def test_same_seed_makes_the_same_district(
    district: tuple[Path, DemoReport], template_db: Path, tmp_path: Path
) -> None:
    again = _copy(template_db, tmp_path / "again.sqlite")
    generate(again, scale="small", seed=1, today=TODAY)
    other = _copy(template_db, tmp_path / "other.sqlite")
    generate(other, scale="small", seed=2, today=TODAY)

    def facts(path: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        c = driver.connect(path)
        try:
            firms = c.execute("SELECT id, name, uscc FROM enterprise ORDER BY id").fetchall()
            demands = c.execute("SELECT id, title, state FROM demand ORDER BY id").fetchall()
            return firms, demands
        finally:
            c.close()

    first = facts(district[0])
    assert facts(again) == first
    assert facts(other)[0] != first[0]


def test_every_code_is_a_valid_jiangbei_uscc(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT uscc, scale FROM enterprise").fetchall()
    assert len({u for u, _ in rows}) == len(rows)
    for code, scale in rows:
        assert validate_uscc(code) == code
        assert code[2:8] == "500105"
        assert code[:2] == ("92" if scale == "individual" else "91")


def test_names_are_unique_and_plausible(conn: sqlite3.Connection) -> None:
    names = [n for (n,) in conn.execute("SELECT name FROM enterprise")]
    assert len(set(names)) == len(names)
    assert sum("江北" in n for n in names) >= 15
    assert all(n.startswith(("重庆", "江北区")) for n in names)
    suffixes = ("有限公司", "有限责任公司", "股份有限公司", "分公司")
    companies = [n for n in names if n.startswith("重庆") and not n.startswith("重庆市江北区")]
    assert all(n.endswith(suffixes) for n in companies)


def test_every_demand_folds_to_its_stored_columns(demo_db: Database) -> None:
    with demo_db.session() as s:
        demands = {d.id: d for d in s.scalars(select(Demand))}
        units: dict[str, set[tuple[str, bool]]] = {}
        for u in s.scalars(select(DemandUnit)):
            units.setdefault(u.demand_id, set()).add((u.department_id, u.is_lead))
        for d_id, d in demands.items():
            rows = history(s, d_id)
            snap = wf.fold(to_event(r) for r in rows)
            assert snap.flagged_event_ids == (), d_id
            assert not d.flagged and not any(r.flagged for r in rows)
            for name in SNAPSHOT_COLUMNS:
                want = getattr(snap, name)
                want = str(want) if isinstance(want, StrEnum) else want
                assert getattr(d, name) == want, (d_id, name)
            expected_units = set()
            if snap.lead_department_id:
                expected_units.add((snap.lead_department_id, True))
            expected_units |= {(c, False) for c in snap.co_department_ids}
            assert units.get(d_id, set()) == expected_units
            assert rows[0].kind == "create" and rows[0].text == d.title
            assert d.created_by == rows[0].actor_id


def test_events_are_stored_as_record_stores_them(demo_db: Database) -> None:
    """department_id, due and epoch follow demand_log.record's rules for every event."""
    with demo_db.session() as s:
        dept_of = dict(s.execute(select(Account.id, Account.department_id)).all())
        for rows in _all_events_in(s):
            before = wf.Snapshot()
            for r in rows:
                e = to_event(r)
                after = wf.apply(before, e)
                if e.kind is wf.EventKind.ROUTE:
                    dept = e.lead_department_id
                elif r.actor_role == "handler":
                    assert r.actor_id is not None
                    dept = dept_of[r.actor_id]
                else:
                    dept = after.lead_department_id
                assert r.department_id == dept
                if e.kind in (wf.EventKind.ROUTE, wf.EventKind.ACCEPT):
                    assert r.due == after.reply_deadline
                elif e.kind is wf.EventKind.RESOLVE:
                    assert r.due == before.deadline
                else:
                    assert r.due is None
                assert r.epoch == after.epoch
                before = after


def _all_events_in(session: Session) -> Iterator[list[DemandEvent]]:
    """Every demand's events in history order."""
    rows = session.scalars(
        select(DemandEvent).order_by(DemandEvent.demand_id, DemandEvent.at, DemandEvent.id)
    )
    current: list[DemandEvent] = []
    for r in rows:
        if current and current[0].demand_id != r.demand_id:
            yield current
            current = []
        current.append(r)
    if current:
        yield current


def test_every_state_occurs(district: tuple[Path, DemoReport], conn: sqlite3.Connection) -> None:
    states = Counter(s for (s,) in conn.execute("SELECT state FROM demand"))
    for state in wf.State:
        assert states[str(state)] >= 2, state
    assert district[1].states == dict(sorted(states.items()))
    # Most old demands are closed; some accepted ones are overdue today.
    old = Counter(
        s for (s,) in conn.execute("SELECT state FROM demand WHERE raised_on < '2025-06-01'")
    )
    assert old["closed"] > 0.7 * sum(old.values())
    overdue = conn.execute(
        "SELECT count(*) FROM demand WHERE state = 'accepted' AND deadline < ?",
        (TODAY.isoformat(),),
    ).fetchone()[0]
    assert overdue >= 2


def test_every_side_path_occurs(conn: sqlite3.Connection) -> None:
    kinds = Counter(k for (k,) in conn.execute("SELECT kind FROM demand_event"))
    for kind in wf.EventKind:
        assert kinds[str(kind)] >= 2, kind
    reopened = conn.execute("SELECT count(*) FROM demand WHERE reopen_count > 0").fetchone()[0]
    assert reopened >= 2
    rerouted = conn.execute(
        "SELECT count(*) FROM demand WHERE return_count > 0 AND state != 'new'"
    ).fetchone()[0]
    assert rerouted >= 2
    extended = conn.execute("SELECT count(*) FROM demand WHERE extension_count > 0").fetchone()[0]
    assert extended >= 2


def test_merged_demands_join_an_earlier_live_demand_of_the_same_enterprise(
    conn: sqlite3.Connection,
) -> None:
    rows = conn.execute(
        "SELECT d.enterprise_id, t.enterprise_id, t.state, d.raised_on >= t.raised_on "
        "FROM demand d JOIN demand t ON t.id = d.merged_into_id WHERE d.state = 'merged'"
    ).fetchall()
    assert rows
    for mine, theirs, state, later in rows:
        assert mine == theirs and later
        assert state not in ("withdrawn", "merged")


def test_each_step_is_taken_by_the_right_role(demo_db: Database) -> None:
    with demo_db.session() as s:
        lead_cadre = dict(
            s.execute(
                select(Assignment.enterprise_id, Assignment.account_id).where(
                    Assignment.is_lead.is_(True)
                )
            ).all()
        )
        enterprise_of = dict(s.execute(select(Demand.id, Demand.enterprise_id)).all())
        account_dept = dict(s.execute(select(Account.id, Account.department_id)).all())
        for rows in _all_events_in(s):
            snap = wf.Snapshot()
            for r in rows:
                e = to_event(r)
                kind = e.kind
                if kind in (
                    wf.EventKind.ROUTE,
                    wf.EventKind.ESCALATE,
                    wf.EventKind.CLOSE,
                    wf.EventKind.MERGE,
                    wf.EventKind.APPROVE_EXTENSION,
                    wf.EventKind.REFUSE_EXTENSION,
                ):
                    assert r.actor_role == "supervisor"
                elif kind in (
                    wf.EventKind.ACCEPT,
                    wf.EventKind.RESOLVE,
                    wf.EventKind.RETURN,
                    wf.EventKind.REQUEST_EXTENSION,
                ):
                    assert r.actor_role == "handler" and r.actor_id is not None
                    assert account_dept[r.actor_id] == snap.lead_department_id
                elif kind in (wf.EventKind.FOLLOW_UP, wf.EventKind.WITHDRAW):
                    assert r.actor_id == lead_cadre[enterprise_of[r.demand_id]]
                snap = wf.apply(snap, e)


def test_deadlines_are_counted_in_working_days_from_the_route_date(demo_db: Database) -> None:
    cal = WorkCalendar()
    with demo_db.session() as s:
        limits = {c.id: (c.reply_days, c.resolve_days) for c in s.scalars(select(Category))}
        rows = s.execute(
            select(DemandEvent, Demand.category_id)
            .join(Demand, Demand.id == DemandEvent.demand_id)
            .where(DemandEvent.kind == "route")
        ).all()
        assert rows
        for ev, cat in rows:
            reply, resolve = limits[cat]
            day = ev.at.date()
            assert ev.data["reply_deadline"] == cal.add_working_days(day, reply).isoformat()
            assert ev.data["deadline"] == cal.add_working_days(day, resolve).isoformat()
            assert 8 <= ev.at.hour < 20 and cal.is_workday(day)


def test_the_orm_reads_every_row_back(demo_db: Database, conn: sqlite3.Connection) -> None:
    with demo_db.session() as s:
        ev = s.scalars(select(DemandEvent).where(DemandEvent.kind == "resolve").limit(1)).one()
        assert isinstance(ev.at, datetime) and isinstance(ev.due, date)
        assert ev.data["outcome"] in {"solved", "partly", "unsolvable"}
        assert str(ev.data["policy_basis"]).startswith(("江北委发", "无对应政策条款"))
        route = s.scalars(select(DemandEvent).where(DemandEvent.kind == "route").limit(1)).one()
        assert isinstance(route.data["lead"], str)
        d = s.scalars(select(Demand).where(Demand.state == "closed").limit(1)).one()
        assert isinstance(d.closed_at, datetime) and isinstance(d.raised_on, date)
        e = s.get(Enterprise, d.enterprise_id)
        assert e is not None and isinstance(e.established_on, date) and e.street_id
        assert s.scalars(select(Contact).where(Contact.enterprise_id == e.id)).first()
        v = s.scalars(select(Visit).limit(1)).one()
        assert isinstance(v.visit_date, date) and v.visit_date < TODAY
        parts = s.scalars(select(VisitParticipant).where(VisitParticipant.visit_id == v.id)).all()
        assert {p.side for p in parts} == {"government", "enterprise"}
        a = s.scalars(select(Account).where(Account.username == "sup01")).one()
        assert a.role == Role.SUPERVISOR and a.active is True
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ids_are_uuid7_ordered_by_creation_time(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, at FROM demand_event ORDER BY at, id").fetchall()
    ids = [i for i, _ in rows]
    assert all(uuid.UUID(i).version == 7 for i in ids[:50])
    # Events of the same millisecond may swap places; otherwise id order is time order.
    millis = [i[:13] for i in ids]
    assert millis == sorted(millis)


def test_uuid7_at_encodes_time_and_random_bits() -> None:
    a = uuid7_at(1_700_000_000_000, 0)
    b = uuid7_at(1_700_000_000_001, (1 << 74) - 1)
    u = uuid.UUID(b)
    assert u.version == 7 and u.variant == uuid.RFC_4122
    assert a < b and uuid7_at(1_700_000_000_000, 0) == a
    assert int(u.hex[:12], 16) == 1_700_000_000_001
    with pytest.raises(ValueError):
        uuid7_at(-1, 0)


def test_demo_accounts_sign_in_with_the_shared_password(demo_db: Database) -> None:
    for username in ("admin", "sup01", "c0001"):
        actor = accounts.sign_in(demo_db, username, DEMO_PASSWORD)
        assert actor.account_id
    handler = accounts.sign_in(demo_db, "h_finance_office_1", DEMO_PASSWORD)
    assert handler.role is Role.HANDLER and handler.department_id


def test_search_finds_enterprises_by_two_characters_and_initials(
    conn: sqlite3.Connection,
) -> None:
    rows = conn.execute("SELECT id, name FROM enterprise ORDER BY id LIMIT 40").fetchall()
    jiangbei = search.search(conn, "江北", limit=1000)
    assert jiangbei is not None and jiangbei.total >= 15
    for eid, name in rows:
        brand = name[2:4] if not name.startswith("重庆市") else name[3:5]
        found = search.search(conn, brand, limit=1000)
        assert found is not None and eid in found.enterprise_ids, (name, brand)
        by_initials = search.search(conn, initials(name), limit=1000)
        assert by_initials is not None and eid in by_initials.enterprise_ids, name


def test_a_second_run_is_refused_and_changes_nothing(
    district: tuple[Path, DemoReport], conn: sqlite3.Connection
) -> None:
    before = {t: _count(conn, t) for t in district[1].counts}
    with pytest.raises(DomainError) as info:
        generate(district[0], scale="small", seed=3, today=TODAY)
    assert str(info.value) == NOT_EMPTY
    assert {t: _count(conn, t) for t in before} == before
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_uninitialised_or_unknown_inputs_are_refused(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(DomainError):
        generate(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()
    empty = tmp_path / "empty.sqlite"
    driver.connect(empty).close()
    with pytest.raises(DomainError):
        generate(empty)
    with pytest.raises(DomainError):
        generate(db_path, scale="huge")


def test_with_another_connection_open_the_load_stays_in_wal(db_path: Path) -> None:
    reader = driver.connect(db_path)
    try:
        assert reader.execute("SELECT count(*) FROM department").fetchone()[0] > 0
        report = generate(db_path, scale="small", seed=1, today=TODAY)
        assert reader.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 300
        assert report.counts["enterprise"] == 300
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reader.close()


def test_an_existing_first_admin_is_kept(db_path: Path) -> None:
    db = database(db_path)
    try:
        admin_id = accounts.create_district(db, "admin", "王管理", "my-own-password")
        generate(db_path, scale="small", seed=1, today=TODAY)
        assert accounts.sign_in(db, "admin", "my-own-password").account_id == admin_id
        with db.session() as s:
            assert (
                s.scalars(select(Account).where(Account.username == "admin")).one().id == admin_id
            )
    finally:
        db.dispose()


def test_a_failure_leaves_the_database_untouched(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(search, "rebuild", broken)
    with pytest.raises(RuntimeError, match="boom"):
        generate(db_path, scale="small", seed=1, today=TODAY)
    c = driver.connect(db_path)
    try:
        assert _count(c, "enterprise") == _count(c, "demand") == _count(c, "account") == 0
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        c.close()


def test_the_parallel_run_writes_the_same_district(
    district: tuple[Path, DemoReport], template_db: Path, tmp_path: Path
) -> None:
    path = _copy(template_db, tmp_path / "parallel.sqlite")
    report = generate(path, scale="small", seed=1, today=TODAY, parallel=True)
    assert report.counts == district[1].counts and report.states == district[1].states

    def dump(p: Path) -> list[tuple[object, ...]]:
        c = driver.connect(p)
        try:
            return c.execute(
                "SELECT id, demand_id, kind, at, actor_id, department_id, due, epoch, text, data "
                "FROM demand_event ORDER BY id"
            ).fetchall()
        finally:
            c.close()

    assert dump(path) == dump(district[0])


def test_init_then_generate_on_a_fresh_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    init_database(path)
    report = generate(path, scale="small", seed=5, today=TODAY)
    assert report.counts["enterprise"] == 300


def test_every_op_the_demo_logged_passes_the_bundle_checks(conn: sqlite3.Connection) -> None:
    """The checks a bundle's rows meet are not stricter than this application's own writing:
    every op of a whole demo district (every kind of record, every demand step) passes."""
    from liaison.sync.exchange.payload import check_rows
    from liaison.sync.log.oplog import OP_COLUMNS

    rows = conn.execute(f"SELECT {OP_COLUMNS} FROM sync_op ORDER BY site, seq").fetchall()
    kinds = {r[3] for r in rows}
    assert {"enterprise", "visit", "demand", "demand_event", "assignment", "account"} <= kinds
    check_rows(rows, 1, lambda: None)
