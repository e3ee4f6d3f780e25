"""Many desktops on one PostgreSQL hub at once (issue 16): each action is one transaction that
waits its turn for the hub's write lock, so two handlers accepting one demand at once get one
签收 and one clear refusal, steps never interleave and the op log stays gapless.

Each "desktop" is a database opened on its own (its own connections), as on another computer.
Overlap is made certain, not left to timing: a third connection holds the write lock while both
actions start, and lets go only once the server shows both waiting for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from liaison.data import pg_db
from liaison.data.db import Busy, Database
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError
from liaison.domain.roles import Role
from liaison.services import accounts, demands
from liaison.services.context import Actor
from liaison.services.demand_list import DemandFilter, demand_ids
from liaison.sync.log import database
from tests.builders import behind
from tests.conftest import Cast, log_demands, make_cast
from tests.services.demand_builders import route


@pytest.fixture
def hub(pg_db_url: str) -> Iterator[Database]:
    opened = database(pg_db_url)
    yield opened
    opened.dispose()


@pytest.fixture
def desks(pg_db_url: str) -> Iterator[list[Database]]:
    """Eight more desktops on the same hub."""
    opened = [database(pg_db_url) for _ in range(8)]
    yield opened
    for d in opened:
        d.dispose()


@pytest.fixture
def people(hub: Database) -> Cast:
    return make_cast(hub)


def _raw(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url, autocommit=True)


def _waiting(url: str) -> int:
    """How many sessions wait for the hub's write lock right now."""
    with _raw(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
            "AND objid = %s",
            (pg_db.WRITE_LOCK,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def _at_once(url: str, actions: list[Callable[[], object]]) -> list[Future[object]]:
    """Start the actions while the write lock is held elsewhere; let go once all wait."""
    with _raw(url) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (pg_db.WRITE_LOCK,))
        pool = ThreadPoolExecutor(max_workers=len(actions))
        futures = [pool.submit(a) for a in actions]
        deadline = time.monotonic() + 20
        while _waiting(url) < len(actions):
            assert time.monotonic() < deadline, "the actions never waited for the lock"
            time.sleep(0.01)
        holder.execute("SELECT pg_advisory_unlock(%s)", (pg_db.WRITE_LOCK,))
    pool.shutdown(wait=True)
    return futures


def _second_finance_handler(hub: Database, people: Cast) -> Actor:
    accounts.create_account(
        hub,
        people.admin,
        username="finance2",
        display_name="金融办 李四",
        role=Role.HANDLER,
        password="password-123",
        department_id=people.finance_dept,
    )
    return accounts.sign_in(hub, "finance2", "password-123")


def _hub_seqs(hub: Database) -> list[int]:
    """The numbers of the hub's own ops, in order."""
    with behind(hub) as conn:
        rows = conn.execute(
            "SELECT seq FROM sync_op WHERE site = (SELECT id FROM device WHERE is_local) "
            "ORDER BY seq"
        ).fetchall()
    return [int(r[0]) for r in rows]


def _state_and_accepts(hub: Database, demand_id: str) -> tuple[str, int]:
    with behind(hub) as conn:
        row = conn.execute(
            "SELECT d.state, (SELECT count(*) FROM demand_event e WHERE e.demand_id = d.id "
            "AND e.kind = 'accept') FROM demand d WHERE d.id = ?",
            (demand_id,),
        ).fetchone()
    assert row is not None
    return str(row[0]), int(row[1])


def test_two_handlers_accepting_one_demand_at_once_one_wins_the_other_is_told(
    hub: Database, desks: list[Database], people: Cast, pg_db_url: str
) -> None:
    d = log_demands(hub, people, "申请流动资金贷款贴息")[0]
    route(hub, people, d)
    other = _second_finance_handler(hub, people)
    first, second = desks[0], desks[1]
    futures = _at_once(
        pg_db_url,
        [
            lambda: demands.accept_demand(first, people.finance_handler, d),
            lambda: demands.accept_demand(second, other, d),
        ],
    )
    outcomes = [f.exception() for f in futures]
    won = [o for o in outcomes if o is None]
    refused = [o for o in outcomes if o is not None]
    assert len(won) == 1 and len(refused) == 1
    assert isinstance(refused[0], DomainError) and "签收" in str(refused[0])
    assert _state_and_accepts(hub, d) == (wf.State.ACCEPTED, 1)
    seqs = _hub_seqs(hub)
    assert seqs == list(range(1, len(seqs) + 1))  # gapless, no number twice


def test_many_desktops_writing_at_once_all_land_in_turn(
    hub: Database, desks: list[Database], people: Cast, pg_db_url: str
) -> None:
    ids = log_demands(hub, people, *(f"诉求{i}" for i in range(len(desks))))
    for d in ids:
        route(hub, people, d)
    before = _hub_seqs(hub)

    def progress(desk: Database, d: str) -> Callable[[], object]:
        return lambda: demands.add_progress(desk, people.finance_handler, d, "已对接企业")

    futures = _at_once(pg_db_url, [progress(desk, d) for desk, d in zip(desks, ids, strict=True)])
    assert [f.exception() for f in futures] == [None] * len(desks)
    seqs = _hub_seqs(hub)
    assert len(seqs) == len(before) + len(desks)
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_writer_kept_waiting_too_long_is_told_the_hub_is_busy(
    pg_db_url: str, people: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_db, "BUSY_TIMEOUT_MS", 300)
    desk = database(pg_db_url)
    d = log_demands(desk, people, "申请流动资金贷款贴息")[0]
    try:
        with _raw(pg_db_url) as holder:
            holder.execute("SELECT pg_advisory_lock(%s)", (pg_db.WRITE_LOCK,))
            started = time.monotonic()
            with pytest.raises(Busy, match="数据库正忙"):
                route(desk, people, d)
            assert time.monotonic() - started < 5
            # reading never waits for the write lock
            found = demand_ids(desk, DemandFilter(), people.supervisor)
            assert d in found.ids
        route(desk, people, d)  # free again: the same action goes through
    finally:
        desk.dispose()


def test_a_read_sees_one_moment_while_writers_carry_on(
    hub: Database, desks: list[Database], people: Cast
) -> None:
    d = log_demands(hub, people, "申请流动资金贷款贴息")[0]
    seen: list[int] = []
    with hub.read() as s:
        seen.append(s.execute(text("SELECT count(*) FROM demand")).scalar_one())
        done = threading.Event()

        def write() -> None:
            log_demands(desks[0], people, "又一条诉求")
            done.set()

        t = threading.Thread(target=write)
        t.start()
        t.join(20)
        assert done.is_set()  # the writer did not wait for the reader
        seen.append(s.execute(text("SELECT count(*) FROM demand")).scalar_one())
    assert seen[0] == seen[1]  # the reader's snapshot did not move
    with hub.read() as s:
        assert s.execute(text("SELECT count(*) FROM demand")).scalar_one() == seen[0] + 1
    assert d
