"""Password hashes travel only to the devices where their accounts may sign in (docs/sync.md,
"Credentials"); ops carry a seal of them, so no sender can slip in another password."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison.domain import credentials
from liaison.domain.errors import DomainError
from liaison.services import accounts, admin
from liaison.sync.exchange import devices
from tests.conftest import Cast
from tests.sync.conftest import MakeLaptop, Replica, introduce


def _hashes(replica: Replica) -> dict[str, str]:
    """Account id → password hash, for the accounts this replica holds a hash of."""
    conn = replica.db.raw()
    try:
        return dict(conn.execute("SELECT id, password_hash FROM account WHERE password_hash != ''"))
    finally:
        conn.close()


def _file_holds(path: Path, needle: str) -> bool:
    return needle.encode() in path.read_bytes()


@pytest.fixture
def laptop(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> Replica:
    laptop = make_laptop("观音桥街道 laptop 3")
    introduce(hub, laptop, accounts=[cast.cadre.account_id])
    return laptop


def test_a_field_laptop_holds_only_its_enrolled_accounts_hashes(
    hub: Replica, laptop: Replica, cast: Cast
) -> None:
    at_hub = _hashes(hub)
    assert set(_hashes(laptop)) == {cast.cadre.account_id}
    assert _hashes(laptop)[cast.cadre.account_id] == at_hub[cast.cadre.account_id]
    # nor is any other hash in the files that travelled, ops included
    for path in laptop.outbox.glob("*.lsb"):
        for account_id, password_hash in at_hub.items():
            if account_id != cast.cadre.account_id:
                assert not _file_holds(path, password_hash), path.name
    # every account is there, with the seal of its password
    conn = laptop.db.raw()
    try:
        seals = dict(conn.execute("SELECT id, password_seal FROM account"))
    finally:
        conn.close()
    assert seals == {a: credentials.seal(a, h) for a, h in at_hub.items()}
    assert accounts.sign_in(laptop.db, "cadre", "password-123").account_id == cast.cadre.account_id


def test_an_account_enrolled_later_gets_its_hash_with_the_next_bundle(
    hub: Replica, laptop: Replica, cast: Cast
) -> None:
    with pytest.raises(DomainError):
        accounts.sign_in(laptop.db, "staff", "password-123")
    ids = [cast.cadre.account_id, cast.street_staff.account_id]
    devices.enrol_device(hub.db, cast.admin, laptop.fingerprint, kind="field", accounts=ids)
    laptop.receive(hub.export(laptop))
    assert set(_hashes(laptop)) == set(ids)
    assert accounts.sign_in(laptop.db, "staff", "password-123").role == cast.street_staff.role


def test_a_reset_password_reaches_the_laptop_and_the_old_one_stops_working(
    hub: Replica, laptop: Replica, cast: Cast
) -> None:
    admin.reset_password(hub.db, cast.admin, cast.cadre.account_id, "new-password-9")
    laptop.receive(hub.export(laptop))
    assert accounts.sign_in(laptop.db, "cadre", "new-password-9")
    with pytest.raises(DomainError):
        accounts.sign_in(laptop.db, "cadre", "password-123")


def test_a_hash_that_is_not_the_sealed_one_is_ignored(
    hub: Replica, laptop: Replica, cast: Cast
) -> None:
    """A sender slipping in another hash for an account (a password it knows): its seal is not
    the one the account's ops name, so the receiver keeps the hash it had."""
    before = _hashes(laptop)[cast.cadre.account_id]
    forged = accounts.hash_password("attacker-knows-1")
    conn = hub.db.raw()  # the sender's file, edited by hand
    conn.execute(
        "UPDATE account SET password_hash = ? WHERE id = ?", (forged, cast.cadre.account_id)
    )
    conn.commit()
    conn.close()
    laptop.receive(hub.export(laptop))
    assert _hashes(laptop)[cast.cadre.account_id] == before
    with pytest.raises(DomainError):
        accounts.sign_in(laptop.db, "cadre", "attacker-knows-1")


def test_the_hub_gets_every_hash_a_laptop_holds(
    hub: Replica, laptop: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    """A second hub, enrolled at the first, takes every hash from it."""
    other = make_laptop("区联络办 2 号机")
    introduce(hub, other, kind="hub", accounts=[])
    assert _hashes(other) == _hashes(hub)
