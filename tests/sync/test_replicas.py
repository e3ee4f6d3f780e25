"""A hub and three laptops edit apart and exchange bundles through a mailbox that delays,
duplicates, reorders and drops them, with skewed clocks (docs/sync.md).

A model kept beside the replicas knows which edits each replica has seen, so it knows which
edits were concurrent; the invariants: importing twice changes nothing, after a full exchange
every replica has every event and the same digest, conflicts are exactly where edits of one field
were concurrent with different values, a deleted record stays deleted unless a restore saw the
delete, and the same bundles applied in two orders give the same content.
"""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from liaison.data import driver
from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError
from liaison.domain.roles import Role
from liaison.services import accounts, demands, enterprises
from liaison.services.context import Actor
from liaison.sync.exchange import conflicts, devices
from liaison.sync.exchange.envelope import BundleRefused
from liaison.sync.log import database
from tests.conftest import Cast, log_demands, make_cast
from tests.sync.conftest import Replica, _replica, introduce, new_installation
from tests.sync.district import private_key_of

NAMES = ("hub", "laptop1", "laptop2", "laptop3")
MALLORY = "mallory"
"""A field laptop enrolled for the cast's cadre whose holder edited its SQLite file: every op
made there is one no legitimate device could make (docs/sync.md guarantee 10)."""
EVERYONE = (*NAMES, MALLORY)
SKEW = {
    "hub": timedelta(0),
    "laptop1": timedelta(minutes=7),
    "laptop2": timedelta(days=-2),
    "laptop3": timedelta(days=900),  # a laptop whose clock says 2029
    MALLORY: timedelta(days=30),
}
FIELDS = ("phone", "address", "legal_rep")


@dataclass
class World:
    """Files of a hub with the test cast and three trusted laptops that have the hub's data."""

    files: dict[str, Path]
    cast: Cast


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> World:
    base = tmp_path_factory.mktemp("world")
    files = {name: base / f"{name}.sqlite" for name in EVERYONE}
    for name, path in files.items():
        new_installation(template_db, path, name)
    dbs = {name: database(path) for name, path in files.items()}
    try:
        cast = make_cast(dbs["hub"])
        reps = {n: _replica(db, n, base / "outbox") for n, db in dbs.items()}
        for name in NAMES[1:]:
            introduce(reps["hub"], reps[name])  # enrolled as field devices for the cast
        introduce(reps["hub"], reps[MALLORY], accounts=[cast.cadre.account_id])
        # every laptop learns the others' enrolment and the hub learns what each laptop has
        for name in EVERYONE[1:]:
            reps["hub"].receive(reps[name].export(reps["hub"]))
        for name in EVERYONE[1:]:
            reps[name].receive(reps["hub"].export(reps[name]))
        # the holder makes the laptop a hub in its own file, so its services do anything
        conn = driver.connect(files[MALLORY])
        conn.execute("UPDATE device SET kind = 'hub' WHERE is_local")
        conn.commit()
        conn.close()
    finally:
        for db in dbs.values():
            db.dispose()
    return World(files, cast)


@dataclass
class Edit:
    id: int
    replica: str
    record: str
    field: str
    value: Any
    seen: frozenset[int]


@dataclass
class Mail:
    path: Path
    recipient: str
    knowledge: frozenset[int]
    events: frozenset[str]


@dataclass
class Model:
    edits: dict[int, Edit] = field(default_factory=dict)
    knows: dict[str, set[int]] = field(default_factory=dict)
    events: dict[str, set[str]] = field(default_factory=dict)
    """Demand event ids each replica has."""

    def heads(self, record: str, name: str) -> list[Edit]:
        mine = [e for e in self.edits.values() if e.record == record and e.field == name]
        seen = set().union(*(e.seen for e in mine)) if mine else set()
        return [e for e in mine if e.id not in seen]


@contextmanager
def skewed(name: str) -> Iterator[None]:
    real = clock.now
    clock.now = lambda: real() + SKEW[name]
    try:
        yield
    finally:
        clock.now = real


def _event_ids(db: Database) -> set[str]:
    conn = db.raw()
    try:
        return {r[0] for r in conn.execute("SELECT id FROM demand_event")}
    finally:
        conn.close()


class Replicas(RuleBasedStateMachine):
    world: World
    workdir: Path

    mail = Bundle("mail")
    demand_ids = Bundle("demand_ids")

    def __init__(self) -> None:
        super().__init__()
        self.dir = self.workdir / f"run-{next(COUNTER)}"
        self.dir.mkdir()
        self.reps: dict[str, Replica] = {}
        for name, src in self.world.files.items():
            dst = self.dir / src.name
            shutil.copyfile(src, dst)
            self.reps[name] = _replica(database(dst), name, self.dir / "outbox")
        self.cast = self.world.cast
        self.model = Model()
        self.values = itertools.count(1)
        first = _event_ids(self.reps["hub"].db)
        for name in EVERYONE:
            self.model.knows[name] = set()
            self.model.events[name] = set(first)
        self.deleted: dict[str, bool] = {}

    def teardown(self) -> None:
        for r in self.reps.values():
            r.db.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _actor(self, name: str, actor: Actor) -> Actor:
        return self.reps[name].as_(actor)

    @initialize()
    def start(self) -> None:
        pass

    # --- edits ---------------------------------------------------------------------------

    @rule(name=st.sampled_from(NAMES), which=st.sampled_from(FIELDS))
    def edit_field(self, name: str, which: str) -> None:
        r = self.reps[name]
        eid = self.cast.enterprise_id
        value = f"v{next(self.values)}"
        try:
            d = enterprises.get_enterprise(r.db, eid)
        except DomainError:
            return
        if self._is_deleted(r, eid):
            return
        data = d.as_input()
        edit: dict[str, Any] = {which: value}
        with skewed(name):
            enterprises.update_enterprise(
                r.db, self._actor(name, self.cast.admin), eid, replace(data, **edit)
            )
        self._record_edit(name, eid, which, value)

    @rule(name=st.sampled_from(NAMES), end=st.booleans())
    def assign_or_unassign(self, name: str, end: bool) -> None:
        r = self.reps[name]
        admin = self._actor(name, self.cast.admin)
        eid = self.cast.enterprise_id
        with skewed(name):
            try:
                if end:
                    detail = enterprises.get_enterprise(r.db, eid)
                    current = [a for a in detail.assignments if a.end_on is None]
                    if current:
                        enterprises.end_assignment(r.db, admin, current[0].id)
                else:
                    enterprises.assign_cadre(r.db, admin, eid, self.cast.other_cadre.account_id)
            except DomainError:
                return

    def _is_deleted(self, r: Replica, eid: str) -> bool:
        conn = r.db.raw()
        try:
            row = conn.execute("SELECT deleted_at FROM enterprise WHERE id = ?", (eid,)).fetchone()
        finally:
            conn.close()
        return row[0] is not None

    def _record_edit(self, name: str, record: str, which: str, value: Any) -> None:
        known = self.model.knows[name]
        seen = frozenset(
            e
            for e in known
            if self.model.edits[e].record == record and self.model.edits[e].field == which
        )
        edit = Edit(len(self.model.edits) + 1, name, record, which, value, seen)
        self.model.edits[edit.id] = edit
        known.add(edit.id)

    @rule(name=st.sampled_from(NAMES), n=st.integers(1, 2))
    def log_visit(self, name: str, n: int) -> None:
        r = self.reps[name]
        with skewed(name):
            try:
                log_demands(
                    r.db,
                    self.cast,
                    *(f"诉求{next(self.values)}" for _ in range(n)),
                    actor=self._actor(name, self.cast.cadre),
                )
            except DomainError:
                return
        self.model.events[name] = _event_ids(r.db)

    @rule(
        name=st.sampled_from(NAMES),
        action=st.sampled_from(
            ["route", "accept", "return", "progress", "resolve", "withdraw", "escalate"]
        ),
    )
    def transition(self, name: str, action: str) -> None:
        r = self.reps[name]
        conn = r.db.raw()
        try:
            row = conn.execute("SELECT id FROM demand ORDER BY random() LIMIT 1").fetchone()
        finally:
            conn.close()
        if row is None:
            return
        did = row[0]
        sup = self._actor(name, self.cast.supervisor)
        fin = self._actor(name, self.cast.finance_handler)
        calls = {
            "route": lambda: demands.route_demand(
                r.db, sup, did, lead_department_id=self.cast.finance_dept
            ),
            "accept": lambda: demands.accept_demand(r.db, fin, did),
            "return": lambda: demands.return_demand(r.db, fin, did, "不属于本单位职责"),
            "progress": lambda: demands.add_progress(r.db, fin, did, "已联系企业"),
            "resolve": lambda: demands.resolve_demand(
                r.db, fin, did, outcome=wf.Outcome.SOLVED, answer="已解决", policy_basis="第13条"
            ),
            "withdraw": lambda: demands.withdraw_demand(r.db, sup, did, "企业已自行解决"),
            "escalate": lambda: demands.escalate_demand(r.db, sup, did, "请加快办理"),
        }
        with skewed(name):
            try:
                calls[action]()
            except (DomainError, TypeError):
                return
        self.model.events[name] = _event_ids(r.db)

    @rule(name=st.sampled_from(NAMES), restore=st.booleans())
    def delete_or_restore(self, name: str, restore: bool) -> None:
        r = self.reps[name]
        eid = self.cast.enterprise_id
        conn = r.db.raw()
        try:
            deleted_at = conn.execute(
                "SELECT deleted_at FROM enterprise WHERE id = ?", (eid,)
            ).fetchone()[0]
        finally:
            conn.close()
        with skewed(name):
            if restore and deleted_at is not None:
                enterprises.restore_enterprise(r.db, self._actor(name, self.cast.admin), eid)
                value = None
            elif not restore and deleted_at is None:
                enterprises.delete_enterprise(r.db, self._actor(name, self.cast.admin), eid)
                value = "deleted"
            else:
                return
        self._record_edit(name, eid, "deleted_at", value)

    # --- the malicious laptop ----------------------------------------------------------------

    @rule(
        act=st.sampled_from(
            ["admin_edit", "claim_supervisor", "revoke_hub", "make_account", "close_as_admin"]
        )
    )
    def mallory_acts(self, act: str) -> None:
        """What only a hand-edited file lets the laptop do: act as the administrator (not
        enrolled there), claim a role the cadre does not have, administer."""
        m = self.reps[MALLORY]
        c = self.cast
        admin = m.as_(c.admin)
        boss = m.as_(replace(c.cadre, role=Role.SUPERVISOR))
        conn = m.db.raw()
        try:
            row = conn.execute("SELECT id FROM demand ORDER BY random() LIMIT 1").fetchone()
        finally:
            conn.close()
        eid = c.enterprise_id
        calls = {
            "admin_edit": lambda: enterprises.update_enterprise(
                m.db,
                admin,
                eid,
                replace(enterprises.get_enterprise(m.db, eid).as_input(), phone="023-66666666"),
            ),
            "claim_supervisor": lambda: (
                row and demands.route_demand(m.db, boss, row[0], lead_department_id=c.finance_dept)
            ),
            "revoke_hub": lambda: devices.revoke_device(m.db, admin, self.reps["hub"].device_id),
            "make_account": lambda: accounts.create_account(
                m.db,
                admin,
                username=f"evil{next(self.values)}",
                display_name="冒名管理员",
                role=Role.ADMIN,
                password="password-123",
            ),
            "close_as_admin": lambda: row and demands.close_demand(m.db, admin, row[0]),
        }
        with skewed(MALLORY):
            try:
                calls[act]()
            except DomainError:
                return

    @rule(dst=st.sampled_from(NAMES))
    def mallory_relabels(self, dst: str) -> None:
        """A bundle of the malicious laptop with its ops relabelled as another device's (no
        seal of that device covers them): refused whole, nothing changes."""
        m, r = self.reps[MALLORY], self.reps[dst]
        try:
            path = m.export(r)
        except BundleRefused as exc:  # it revoked the hub in its own file
            assert exc.reason == "revoked_peer", str(exc)
            return
        forged = _relabelled(path, self.reps["laptop1"].device_id, private_key_of(m), r)
        if forged is None:
            return
        before = r.digest()
        with pytest.raises(BundleRefused) as refused:
            r.receive(forged)
        assert refused.value.reason in ("bad_seal", "invalid_row"), str(refused.value)
        assert r.digest() == before
        SEEN["forged"] += 1

    @invariant()
    def mallory_changes_nothing_honest(self) -> None:
        """Every op the malicious laptop made is set aside wherever it landed."""
        if not self.reps:
            return
        site = self.reps[MALLORY].device_id
        for name in NAMES:
            conn = self.reps[name].db.raw()
            try:
                kept = conn.execute(
                    "SELECT count(*) FROM sync_op WHERE site = ? AND refused IS NULL", (site,)
                ).fetchone()[0]
            finally:
                conn.close()
            assert kept == 0, f"{name} applied {kept} ops of the malicious laptop"

    # --- the mailbox -----------------------------------------------------------------------

    @rule(
        target=mail,
        src=st.sampled_from(EVERYONE),
        dst=st.sampled_from(EVERYONE),
        full=st.booleans(),
    )
    def send(self, src: str, dst: str, full: bool) -> Mail | None:
        if src == dst:
            return None
        try:
            with skewed(src):
                path = self.reps[src].export(self.reps[dst], full=full)
        except BundleRefused as refused:  # the malicious laptop revoked the hub in its file
            assert refused.reason == "revoked_peer" and src == MALLORY, str(refused)
            return None
        return Mail(path, dst, frozenset(self.model.knows[src]), frozenset(self.model.events[src]))

    @rule(m=mail)
    def deliver(self, m: Mail | None) -> None:
        if m is None:
            return
        r = self.reps[m.recipient]
        try:
            with skewed(m.recipient):
                report = r.receive(m.path)
            if m.recipient != MALLORY:
                SEEN["set_aside"] += sum(report.set_aside.values())
        except BundleRefused as refused:
            # the malicious laptop may have revoked the hub in its own file: its loss
            assert refused.reason == "already_imported" or m.recipient == MALLORY, str(refused)
            return
        self.model.knows[m.recipient] |= m.knowledge
        self.model.events[m.recipient] |= m.events

    @rule(m=mail)
    def deliver_again(self, m: Mail | None) -> None:
        """A duplicate: the second import is refused and changes nothing."""
        if m is None:
            return
        r = self.reps[m.recipient]
        self.deliver(m)
        before = r.digest()
        with pytest.raises(BundleRefused):
            r.receive(m.path)
        assert r.digest() == before

    @rule(m=consumes(mail))
    def drop(self, m: Mail | None) -> None:
        pass

    # --- invariants ---------------------------------------------------------------------------

    @invariant()
    def local_events_never_vanish(self) -> None:
        for name in NAMES:
            if self.reps:
                assert self.model.events[name] <= _event_ids(self.reps[name].db)

    def full_exchange(self) -> None:
        hub = self.reps["hub"]
        for name in EVERYONE[1:]:
            try:
                report = hub.receive(self.reps[name].export(hub))
            except BundleRefused as refused:  # the malicious laptop revoked the hub for itself
                assert name == MALLORY, str(refused)
            else:
                SEEN["set_aside"] += sum(report.set_aside.values())
        for name in NAMES[1:]:
            self.reps[name].receive(hub.export(self.reps[name]))

    def check_converged(self) -> None:
        self.full_exchange()
        self.mallory_changes_nothing_honest()
        digests = {name: r.digest() for name, r in self.reps.items() if name != MALLORY}
        assert len(set(digests.values())) == 1, digests
        everything = set().union(*self.model.events.values())
        for r in (self.reps[n] for n in NAMES):
            assert everything <= _event_ids(r.db)  # no lost events
            assert r.integrity() == "ok"
        eid = self.cast.enterprise_id
        for r in (self.reps[n] for n in NAMES):
            found = {
                c.field
                for c in conflicts.list_conflicts(r.db)
                if c.entity == "enterprise" and c.entity_id == eid
            }
            expected = set()
            for name in (*FIELDS, "deleted_at"):
                heads = self.model.heads(eid, name)
                shown = {h.value is None if name == "deleted_at" else h.value for h in heads}
                if len(shown) > 1:
                    expected.add(name)
            assert found == expected
            conn = r.db.raw()
            try:
                deleted = conn.execute(
                    "SELECT deleted_at FROM enterprise WHERE id = ?", (eid,)
                ).fetchone()[0]
            finally:
                conn.close()
            heads = self.model.heads(eid, "deleted_at")
            if heads and all(h.value == "deleted" for h in heads):
                assert deleted is not None  # no resurrected delete
            if heads and all(h.value is None for h in heads):
                assert deleted is None


COUNTER = itertools.count()
SEEN: Counter[str] = Counter()
"""What the malicious laptop's work came to at the honest replicas, over all runs."""


def test_replicas_converge_whatever_the_mail_does(world: World, tmp_path: Path) -> None:
    class Run(Replicas):
        def teardown(self) -> None:
            try:
                self.check_converged()
                # bundles still in the mailbox, delivered late, change nothing
                digest = self.reps["hub"].digest()
                for path in sorted(self.dir.glob("outbox/*.lsb")):
                    for name in NAMES:
                        with suppress(BundleRefused):
                            self.reps[name].receive(path)
                assert {self.reps[n].digest() for n in NAMES} == {digest}
                self.mallory_changes_nothing_honest()
            finally:
                super().teardown()

    Run.world = world
    Run.workdir = tmp_path
    run_state_machine_as_test(
        Run,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    # the runs did meet the malicious laptop: its ops set aside, its forgeries refused
    assert SEEN["set_aside"] > 0 and SEEN["forged"] > 0, SEEN


def _relabelled(path: Path, site: str, key: bytes, receiver: Replica) -> Path | None:
    """The bundle with every op of its sender relabelled as `site`'s (numbers after what the
    bundle says `site` has), sealed with the sender's own key: a forgery. None when the
    bundle carries no op of its sender."""
    from liaison.sync.exchange import envelope
    from tests.sync.forging import plain_payload, reseal, resealed

    h = envelope.open_envelope(path.read_bytes()).header
    work = path.with_suffix(".forged-payload")
    work.write_bytes(plain_payload(path, receiver))
    conn = driver.connect(work)
    try:
        rows = conn.execute(
            "SELECT site, seq, hlc, entity, entity_id, account, fields, base FROM op "
            "WHERE site = ? ORDER BY seq",
            (h.sender,),
        ).fetchall()
        if not rows:
            return None
        start = h.vector.get(site, 0)
        forged = [(site, start + n, *row[2:]) for n, row in enumerate(rows, 1)]
        conn.execute("DELETE FROM op WHERE site = ?", (h.sender,))
        conn.execute("DELETE FROM seal WHERE site = ?", (h.sender,))
        conn.executemany("INSERT INTO op VALUES (?, ?, ?, ?, ?, ?, ?, ?)", forged)
        conn.executemany(
            "INSERT INTO seal VALUES (?, ?, ?, ?, ?, ?)", (s.row() for s in reseal(forged, key))
        )
        conn.commit()
    finally:
        conn.close()
    out = path.with_name(path.stem + "-relabelled.lsb")
    out.write_bytes(resealed(h, work.read_bytes(), key, receiver))
    return out
