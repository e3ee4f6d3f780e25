"""Replicas for sync tests: the hub is the `db` fixture; laptops are fresh installations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Device
from liaison.domain.roles import Role
from liaison.services import enterprises, setup
from liaison.services.context import Actor
from liaison.sync.exchange import bundle, devices
from liaison.sync.exchange.bundle import ExportReport, ImportReport
from liaison.sync.exchange.digest import digest
from liaison.sync.log import database, oplog
from tests.conftest import Cast


@dataclass
class Replica:
    name: str
    db: Database
    device_id: str
    fingerprint: str
    outbox: Path

    def as_(self, actor: Actor) -> Actor:
        """The same account acting on this device."""
        return replace(actor, device_id=self.device_id)

    def digest(self) -> str:
        conn = self.db.raw()
        try:
            return digest(conn)
        finally:
            conn.close()

    def export(self, recipient: Replica | None = None, *, full: bool = False) -> Path:
        n = len(list(self.outbox.glob("*.lsb")))
        out = self.outbox / f"{self.name}-{n:04d}.lsb"
        self.last_export: ExportReport = bundle.export_bundle(
            self.db, out, recipient=recipient.device_id if recipient else None, full=full
        )
        return out

    def request(self) -> Path:
        """Its request to be enrolled (`liaison device request`): the one bundle in the clear."""
        out = self.outbox / f"{self.name}-request.lsb"
        bundle.export_bundle(self.db, out, identity_only=True)
        return out

    def receive(self, path: Path, *, dry_run: bool = False) -> ImportReport:
        return bundle.import_bundle(self.db, path, dry_run=dry_run)

    def integrity(self) -> str:
        conn = self.db.raw()
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()


def new_installation(template: Path, path: Path, name: str) -> None:
    """A copy of the initialised template as a new machine (see setup.new_installation)."""
    setup.new_installation(template, path, name)


def _replica(db: Database, name: str, outbox: Path) -> Replica:
    outbox.mkdir(parents=True, exist_ok=True)
    me = devices.this_device(db)
    return Replica(name, db, me.id, me.fingerprint, outbox)


if TYPE_CHECKING:
    from tests.sync.district import District


@pytest.fixture
def hub(db: Database, tmp_path: Path) -> Replica:
    conn = db.raw()
    conn.execute("UPDATE device SET name = '区联络办' WHERE is_local")
    conn.close()
    return _replica(db, "hub", tmp_path / "outbox")


MakeLaptop = Callable[[str], Replica]


@pytest.fixture
def make_laptop(template_db: Path, tmp_path: Path) -> Iterator[MakeLaptop]:
    made: list[Database] = []

    def make(name: str) -> Replica:
        path = tmp_path / f"{name}.sqlite"
        new_installation(template_db, path, name)
        db = database(path)
        made.append(db)
        return _replica(db, name, tmp_path / "outbox")

    yield make
    for db in made:
        db.dispose()


def hub_admin(hub: Replica) -> Actor:
    """The hub's first administrator, acting there."""
    conn = hub.db.raw()
    try:
        row = conn.execute(
            "SELECT id, display_name FROM account WHERE role = 'admin' ORDER BY created_at LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    assert row is not None, "the hub has no administrator: make the cast first"
    return Actor(row[0], row[1], Role.ADMIN, hub.device_id)


def all_accounts(replica: Replica) -> list[str]:
    conn = replica.db.raw()
    try:
        return [r[0] for r in conn.execute("SELECT id FROM account ORDER BY id")]
    finally:
        conn.close()


def introduce(
    hub: Replica,
    laptop: Replica,
    admin: Actor | None = None,
    *,
    kind: str = "field",
    accounts: list[str] | None = None,
) -> None:
    """The district office enrols a new installation and it joins the district: the laptop
    writes its request, the hub's administrator enrols it (every account of the hub by default,
    as a field device), the laptop joins with the hub's bundle (its fingerprint read out)."""
    request = laptop.request()
    who = hub.as_(admin) if admin else hub_admin(hub)
    devices.enrol_device(
        hub.db,
        who,
        laptop.fingerprint,
        kind=kind,
        accounts=all_accounts(hub) if accounts is None else accounts,
        bundle=request,
    )
    bundle.join_district(laptop.db, hub.export(laptop), hub.fingerprint)


def rename_this_device(db: Database, admin: Actor, name: str) -> None:
    """Rename this installation as its administrator would (logged: it travels)."""
    with db.session() as s:
        oplog.acting(s, admin.account_id)
        device = s.scalar(select(Device).where(Device.is_local.is_(True)))
        assert device is not None
        device.name = name


@pytest.fixture
def district(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> District:
    """A hub, the attacker's field laptop and an honest one, all in step."""
    from tests.sync.district import District  # it reads Replica from here

    enterprises.assign_cadre(hub.db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id)
    laptop, other = make_laptop("观音桥街道 laptop 3"), make_laptop("五里店街道 laptop 1")
    introduce(hub, laptop, accounts=[cast.cadre.account_id, cast.street_staff.account_id])
    introduce(hub, other, accounts=[cast.other_cadre.account_id])
    for replica in (laptop, other):  # the hub learns what each has, each the other's enrolment
        hub.receive(replica.export(hub))
    for replica in (laptop, other):
        replica.receive(hub.export(replica))
    assert hub.digest() == laptop.digest() == other.digest()
    return District(hub, laptop, other, cast)
