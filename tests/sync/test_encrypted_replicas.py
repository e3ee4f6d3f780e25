"""Sync between databases encrypted at rest: a hub and a laptop, each encrypted, exchange
bundles to equal digests, and the accounts that arrive on the laptop open its database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liaison.data import driver, keyslots
from liaison.services import encryption
from liaison.sync.log import database
from tests.conftest import ON_POSTGRESQL, Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, introduce

pytestmark = pytest.mark.skipif(
    ON_POSTGRESQL, reason="the hub's file is encrypted here; a server's is the server's"
)


def _encrypted(replica: Replica) -> Replica:
    path = replica.db.path
    replica.db.dispose()
    encryption.encrypt(path)
    return replace(replica, db=database(path))


def test_encrypted_replicas_exchange_to_equal_digests_and_arrivals_open_the_laptop(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast, tmp_path: Path
) -> None:
    hub = _encrypted(hub)
    laptop = make_laptop("观音桥街道 laptop 1")
    introduce(hub, laptop)
    laptop = _encrypted(laptop)
    log_demands(hub.db, cast, "贷款贴息申请", "用工招聘")
    laptop.receive(hub.export(laptop))
    hub.receive(laptop.export(hub))
    assert laptop.digest() == hub.digest()
    assert driver.is_encrypted(hub.db.path) and driver.is_encrypted(laptop.db.path)
    # the cadre's password, which reached the laptop by sync, opens the laptop's database
    names = keyslots.read(keyslots.keys_path(laptop.db.path)).names()
    assert "cadre" in names
    path = laptop.db.path
    laptop.db.dispose()
    driver.forget(path)
    encryption.unlock(path, "cadre", "password-123")
    assert database(path).raw().execute("SELECT count(*) FROM demand").fetchone()[0] == 2
    for p in (path, hub.db.path):
        driver.forget(p)
