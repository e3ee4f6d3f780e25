"""The figures of `liaison stats` against the definitions of docs/rules.md, computed apart in
plain Python from the raw tables of the small demo district; and no share above 100 % for any
month, quarter or year and any grouping."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

from liaison import cli
from liaison.data import driver
from liaison.services.metrics import GROUPINGS, RATE_SHARES, MetricRow, compute_metrics
from liaison.sync.log import database

TODAY = date(2026, 12, 6)
RATES = tuple(RATE_SHARES)


@pytest.fixture(scope="module", params=[1, 5])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(f"demo{request.param}") / "demo.sqlite"
    argv = ["demo", "--scale", "small", "--seed", str(request.param), "--db", str(path)]
    assert cli.main(argv) == 0
    return path


@dataclass
class Event:
    id: str
    kind: str
    at: str
    due: str | None
    department: str | None
    data: dict[str, object]

    @property
    def day(self) -> str:
        return self.at[:10]


@dataclass
class Raw:
    events: dict[str, list[Event]] = field(default_factory=dict)
    demands: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    """id → (raised_on, state, lead department)"""
    assignments: list[tuple[str, str, str | None]] = field(default_factory=list)
    deleted: dict[str, str | None] = field(default_factory=dict)
    visits: dict[str, list[str]] = field(default_factory=dict)


def _raw(path: Path) -> Raw:
    conn = driver.connect(path)
    raw = Raw()
    try:
        for did, kind, at, due, dept, data, eid in conn.execute(
            "SELECT demand_id, kind, at, due, department_id, data, id FROM demand_event "
            "WHERE NOT flagged"
        ):
            raw.events.setdefault(did, []).append(
                Event(eid, kind, str(at), due, dept, json.loads(data or "{}"))
            )
        for did, raised, state, lead in conn.execute(
            "SELECT id, raised_on, state, lead_department_id FROM demand"
        ):
            raw.demands[did] = (str(raised), state, lead)
        raw.assignments = list(
            conn.execute("SELECT enterprise_id, start_on, end_on FROM assignment")
        )
        raw.deleted = dict(conn.execute("SELECT id, deleted_at FROM enterprise"))
        for eid, day in conn.execute(
            "SELECT enterprise_id, visit_date FROM visit WHERE deleted_at IS NULL"
        ):
            raw.visits.setdefault(eid, []).append(str(day))
    finally:
        conn.close()
    for events in raw.events.values():
        events.sort(key=lambda e: (e.at, e.id))
    return raw


def _next(events: list[Event], i: int, kind: str, until: str) -> Event | None:
    """The first `kind` event after events[i], unless an `until` event comes first."""
    for e in events[i + 1 :]:
        if e.kind == until:
            return None
        if e.kind == kind:
            return e
    return None


def _state_at(events: list[Event], end: str) -> tuple[str, str | None]:
    """(state, deadline) after the events up to `end` (exclusive), as docs/rules.md tells it."""
    state, deadline, asked = "new", None, None
    for e in events:
        if e.at >= end:
            break
        if e.kind == "route":
            state, deadline = "assigned", str(e.data["deadline"])
        elif e.kind == "accept":
            state = "accepted"
        elif e.kind == "return":
            state, deadline = "new", None
        elif e.kind == "request_extension":
            asked = e.data.get("promised_date")
        elif e.kind == "approve_extension":
            deadline = str(e.data.get("promised_date") or asked)
        elif e.kind == "resolve":
            state = "resolved"
        elif e.kind == "follow_up":
            if e.data.get("satisfaction") == "unsatisfied":
                state, deadline = "accepted", str(e.data["deadline"])
            else:
                state = "followed_up"
        elif e.kind in ("close", "withdraw", "merge"):
            state = {"close": "closed", "withdraw": "withdrawn", "merge": "merged"}[e.kind]
    return state, deadline


def independent(raw: Raw, start: date, end: date, today: date = TODAY) -> dict[str, int]:
    """The district's figures of [start, end], from the words of docs/rules.md."""
    lo, hi = start.isoformat(), end.isoformat()
    after = (end + timedelta(days=1)).isoformat()
    as_of = min(end, today)
    f: dict[str, int] = defaultdict(int)
    for did, events in raw.events.items():
        for i, e in enumerate(events):
            if not lo <= e.day <= hi:
                continue
            if e.kind == "route":
                f["routed"] += 1
                accepted = _next(events, i, "accept", "route")
                if accepted is not None and e.due is not None and accepted.day <= e.due:
                    f["accepted_on_time"] += 1
                f["returned"] += _next(events, i, "return", "route") is not None
            elif e.kind == "resolve":
                f["resolved"] += 1
                f["resolved_on_time"] += e.due is not None and e.day <= e.due
                follow = _next(events, i, "follow_up", "resolve")
                f["reopened"] += (
                    follow is not None and follow.data.get("satisfaction") == "unsatisfied"
                )
            elif e.kind == "follow_up":
                f["followed_up"] += 1
                f["satisfied"] += e.data.get("satisfaction") in ("satisfied", "basically")
        state, deadline = _state_at(events, (as_of + timedelta(days=1)).isoformat())
        if state in ("assigned", "accepted") and deadline and deadline < as_of.isoformat():
            f["overdue"] += 1
        del did
    for raised, state, _lead in raw.demands.values():
        if lo <= raised <= hi and state not in ("withdrawn", "merged"):
            f["raised"] += 1
            f["resolved_or_closed"] += state in ("resolved", "followed_up", "closed")
    assigned = {
        eid
        for eid, s, e in raw.assignments
        if str(s) <= hi
        and (e is None or str(e) >= lo)
        and not (raw.deleted.get(eid) and str(raw.deleted[eid]) < after)
    }
    f["coverage_assigned"] = len(assigned)
    f["coverage_visited"] = sum(
        any(lo <= d <= hi for d in raw.visits.get(eid, ())) for eid in assigned
    )
    return dict(f)


def _figures(row: MetricRow) -> dict[str, int]:
    names = (
        "routed", "accepted_on_time", "returned", "resolved", "resolved_on_time", "reopened",
        "followed_up", "satisfied", "overdue", "raised", "resolved_or_closed",
        "coverage_assigned", "coverage_visited",
    )  # fmt: skip
    return {n: getattr(row, n) for n in names}


def _months(first: date, last: date) -> list[tuple[date, date]]:
    out = []
    day = first
    while day <= last:
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        out.append((day, nxt - timedelta(days=1)))
        day = nxt
    return out


def _periods() -> list[tuple[date, date]]:
    months = _months(date(2024, 10, 1), date(2026, 12, 31))
    quarters = [
        (date(y, m, 1), _months(date(y, m + 2, 1), date(y, m + 2, 1))[0][1])
        for y in (2025, 2026)
        for m in (1, 4, 7, 10)
    ]
    years = [(date(2025, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31))]
    return months + quarters + years


def test_every_figure_agrees_with_the_definitions_computed_apart(demo: Path) -> None:
    raw = _raw(demo)
    db = database(demo)
    try:
        for start, end in _periods():
            report = compute_metrics(db, start, end, "department", today=TODAY)
            expected = independent(raw, start, end)
            got = _figures(report.total)
            assert got == {n: expected.get(n, 0) for n in got}, (start, end)
    finally:
        db.dispose()


def test_no_share_exceeds_one_for_any_period_and_grouping(demo: Path) -> None:
    db = database(demo)
    checked = 0
    try:
        for start, end in _periods():
            for by in GROUPINGS:
                report = compute_metrics(db, start, end, by, today=TODAY)
                for row in (*report.rows, report.total):
                    for rate in RATES:
                        value = getattr(row, rate)
                        assert value is None or 0 <= value <= 1, (start, end, by, row, rate)
                        checked += value is not None
    finally:
        db.dispose()
    assert checked > 1000


def test_overdue_of_a_past_year_is_what_was_overdue_on_its_last_day(demo: Path) -> None:
    """The issue's example: seed 1, year 2025 showed 0 where demands were overdue on
    2025-12-31 (those still open today were the only ones counted)."""
    raw = _raw(demo)
    db = database(demo)
    try:
        report = compute_metrics(db, date(2025, 1, 1), date(2025, 12, 31), today=TODAY)
    finally:
        db.dispose()
    assert report.as_of == date(2025, 12, 31)
    assert report.total.overdue == independent(raw, date(2025, 1, 1), date(2025, 12, 31))["overdue"]
    assert report.total.overdue > 0


def test_the_command_line_says_the_same(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _raw(demo)
    capsys.readouterr()
    argv = ["stats", "--from", "2025-06-01", "--to", "2025-06-30", "--by", "street", "--json"]
    assert cli.main([*argv, "--db", str(demo)]) == 0
    total = json.loads(capsys.readouterr().out)["total"]
    expected = independent(raw, date(2025, 6, 1), date(2025, 6, 30), today=date.today())
    for name in ("routed", "accepted_on_time", "returned", "resolved", "reopened", "overdue"):
        assert total[name] == expected.get(name, 0), name


def test_the_bulletin_and_the_drill_down_list_what_the_figure_counts(demo: Path) -> None:
    """The 通报's overdue list and the dashboard's drill-down of 超期 for a past period are the
    demands the figure counts, with their days overdue in working days."""
    from liaison.demo import DEMO_PASSWORD
    from liaison.services.accounts import sign_in
    from liaison.services.calendar import calendar_for
    from liaison.services.demand_list import demand_ids, figure_filter
    from liaison.services.ledger_data import overdue_as_of

    db = database(demo)
    try:
        for end in (date(2025, 6, 30), date(2025, 12, 31), date(2026, 9, 30)):
            start = end.replace(day=1)
            report = compute_metrics(db, start, end, today=TODAY)
            listed = overdue_as_of(db, report.as_of)
            assert len(listed) == report.total.overdue > 0, end
            with db.read() as s:
                cal = calendar_for(s)
            for row in listed:
                assert row.deadline < report.as_of
                assert row.days_over == cal.working_days_between(row.deadline, report.as_of) > 0
                assert row.state_label in ("已交办", "办理中")
            assert [r.days_over for r in listed] == sorted(
                (r.days_over for r in listed), reverse=True
            )
            f = figure_filter("overdue", start, end, report.as_of, None, None)  # the total
            drilled = demand_ids(db, f, sign_in(db, "sup01", DEMO_PASSWORD), today=TODAY)
            assert set(drilled.ids) == {r.id for r in listed}
    finally:
        db.dispose()


def test_every_fold_of_the_events_writes_the_same_periods(demo: Path, tmp_path: Path) -> None:
    """The periods the figures read, as the demo generator wrote them step by step, are those
    the migration that introduced them derives from the events, and those a sync merge's
    re-fold writes."""
    from alembic import command

    from liaison.data import migrate
    from liaison.sync.exchange.merge import refold

    query = "SELECT * FROM demand_period ORDER BY event_id"
    with driver.connect(demo) as conn:
        written = conn.execute(query).fetchall()
        ids = [r[0] for r in conn.execute("SELECT id FROM demand")]
    assert len(written) > 1000
    copy = tmp_path / "copy.sqlite"
    with driver.connect(demo) as a, driver.connect(copy) as b:
        a.backup(b)
    engine = database(copy).engine
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    engine.dispose()
    migrate.upgrade(database(copy).engine)
    with driver.connect(copy) as conn:
        assert conn.execute(query).fetchall() == written
        conn.execute("UPDATE demand_period SET end_state = NULL, end_at = NULL")
        refold(conn, ids)
        assert conn.execute(query).fetchall() == written
