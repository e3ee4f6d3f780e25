"""Replicas for sync tests: the hub is the `db` fixture; laptops are fresh installations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from liaison.data.db import Database
from liaison.domain.roles import Role
from liaison.services import setup
from liaison.services.context import Actor
from liaison.sync.exchange import bundle, devices
from liaison.sync.exchange.bundle import ExportReport, ImportReport
from liaison.sync.exchange.digest import digest
from liaison.sync.log import database


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


@pytest.fixture
def hub(db: Database, tmp_path: Path) -> Replica:
    conn = db.raw()
    conn.execute("UPDATE device SET name = '区联络办' WHERE is_local = 1")
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


SYSTEM = "system"


def introduce(a: Replica, b: Replica, operator: Actor | None = None) -> None:
    """Each side confirms the other's fingerprint (as two people reading them out would)."""
    for me, other in ((a, b), (b, a)):
        sample = other.export()
        who = operator or Actor("", "本机", Role.ADMIN, me.device_id)
        devices.trust_device(me.db, me.as_(who), other.fingerprint, bundle=sample)
