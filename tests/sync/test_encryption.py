"""Bundles are encrypted to the device they are for (docs/sync.md#encryption): what a found USB
stick holds is unreadable, another device cannot open it, nothing unencrypted is taken, and an IT
person holding the key opens one with the standard `age` tool as docs/operations.md says."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison import cli
from liaison.data import driver
from liaison.services import enterprises
from liaison.sync.exchange import devices, envelope
from liaison.sync.exchange import encryption as exchange_encryption
from liaison.sync.exchange.envelope import BundleRefused
from liaison.sync.log.seals import Seal
from tests.conftest import Cast, log_demands
from tests.sync.conftest import Replica, hub_admin
from tests.sync.district import District, private_key_of
from tests.sync.forging import Row, craft, knows, next_seq, one, own_rows, plain_payload, sealed

NAME = "重庆江北鸿运精密机械有限公司"
PHONE = "023-67001234"


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _secrets(hub: Replica, cast: Cast) -> list[bytes]:
    """An enterprise registered at the hub (its name and phone) and a cadre's password hash:
    what must not be readable in a bundle."""
    enterprises.register_enterprise(
        hub.db,
        cast.admin,
        enterprises.EnterpriseInput(
            name=NAME, uscc="91500105MA5U3X9P24", street_id=cast.street_id, phone=PHONE
        ),
    )
    password_hash = one(
        hub, "SELECT password_hash FROM account WHERE id = ?", cast.cadre.account_id
    )
    assert password_hash
    return [NAME.encode(), PHONE.encode(), str(password_hash).encode()]


def _state(replica: Replica) -> tuple[str, int]:
    return replica.digest(), one(replica, "SELECT COUNT(*) FROM sync_bundle")


def test_a_bundle_holds_nothing_readable_and_only_its_owner_reads_it(
    district: District, umask: None
) -> None:
    d = district
    secrets = _secrets(d.hub, d.cast)
    path = d.hub.export(d.laptop, full=True)
    raw = path.read_bytes()
    for secret in secrets:
        assert secret in plain_payload(path, d.laptop)  # it is there, encrypted
        assert secret not in raw
    h = envelope.open_envelope(raw).header
    assert (h.encryption, h.recipient) == ("age", d.laptop.device_id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    d.laptop.receive(path)
    assert one(d.laptop, "SELECT phone FROM enterprise WHERE name = ?", NAME) == PHONE


def test_a_bundle_for_another_device_is_refused_naming_it(district: District) -> None:
    d = district
    _secrets(d.hub, d.cast)
    path = d.hub.export(d.laptop)
    before = _state(d.other)
    with pytest.raises(BundleRefused) as refused:
        d.other.receive(path)
    assert refused.value.reason == "not_for_me"
    assert "观音桥街道 laptop 3" in str(refused.value) and "无法打开" in str(refused.value)
    assert _state(d.other) == before
    d.laptop.receive(path)  # its own device still takes it


def test_a_header_naming_this_device_over_a_payload_for_another_is_refused(
    district: District,
) -> None:
    """A signer who lies about the recipient: the payload will not open here."""
    d = district
    rows, seal_list = _laptop_work(d)
    for_other = craft(d.laptop, rows, seal_list, recipient=d.other)
    for_hub = craft(d.laptop, rows, seal_list, recipient=d.hub)
    lying = _swap_payload(for_hub, for_other, d.laptop)
    before = _state(d.hub)
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(lying)
    assert refused.value.reason == "not_for_me" and "另一台设备" in str(refused.value)
    assert _state(d.hub) == before


def _laptop_work(d: District) -> tuple[list[Row], list[Seal]]:
    """A demand the cadre logs on the laptop: its op rows and their honest seal."""
    first = next_seq(d.laptop)
    log_demands(d.laptop.db, d.cast, "贷款贴息申请", actor=d.laptop.as_(d.cast.cadre))
    rows = own_rows(d.laptop, first)
    return rows, [sealed(rows, private_key_of(d.laptop), knows(d.laptop))]


def _swap_payload(header_of: Path, payload_of: Path, signer: Replica) -> Path:
    """`header_of`'s header (recipient and all) over `payload_of`'s encrypted payload, with the
    hash and size made right and signed by `signer`."""
    import dataclasses
    import hashlib

    head = envelope.open_envelope(header_of.read_bytes()).header
    body = envelope.open_envelope(payload_of.read_bytes()).payload
    fixed = dataclasses.replace(
        head, payload_sha256=hashlib.sha256(body).hexdigest(), payload_size=len(body)
    )
    out = header_of.with_name("lying.lsb")
    out.write_bytes(envelope.seal(fixed, body, private_key_of(signer)))
    return out


def test_a_bundle_with_changes_in_the_clear_is_refused(district: District) -> None:
    d = district
    rows, seal_list = _laptop_work(d)
    plain = craft(d.laptop, rows, seal_list)
    assert envelope.open_envelope(plain.read_bytes()).header.encryption == "none"
    before = _state(d.hub)
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(plain)
    assert refused.value.reason == "unencrypted" and "没有加密" in str(refused.value)
    assert _state(d.hub) == before
    # addressed to the hub yet marked as in the clear; or no ops but password hashes
    addressed = craft(d.laptop, [], [], recipient=d.hub, encryption="none")
    sql = "SELECT password_hash FROM account WHERE id = ?"
    hashes = ((d.cast.cadre.account_id, one(d.laptop, sql, d.cast.cadre.account_id)),)
    bare = craft(d.laptop, [], [], credentials=hashes)
    for forged in (addressed, bare):
        with pytest.raises(BundleRefused) as refused:
            d.hub.receive(forged)
        assert refused.value.reason == "unencrypted", str(refused.value)
        assert _state(d.hub) == before


def test_a_header_claiming_encryption_without_a_recipient_is_damaged(district: District) -> None:
    d = district
    rows, seal_list = _laptop_work(d)
    odd = craft(d.laptop, rows, seal_list, encryption="age")
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(odd)
    assert refused.value.reason == "damaged"
    other = craft(d.laptop, rows, seal_list, recipient=d.hub, encryption="rot13")
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(other)
    assert refused.value.reason == "damaged"


def test_a_revoked_device_gets_no_more_bundles(district: District) -> None:
    d = district
    devices.revoke_device(d.hub.db, hub_admin(d.hub), d.laptop.device_id)
    with pytest.raises(BundleRefused) as refused:
        d.hub.export(d.laptop)
    assert refused.value.reason == "revoked_peer" and "吊销" in str(refused.value)
    d.hub.export(d.other)  # the others still do


def test_a_full_disk_while_decrypting_is_one_clear_refusal(
    district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The private copy of the payload cannot be written: refused as unreadable, nothing
    changed, no copy left."""
    d = district
    path = d.hub.export(d.laptop)
    real = exchange_encryption.decrypt

    def full(source, size, out, key, digest):
        class Full(io.BytesIO):
            def write(self, _b: object) -> int:
                raise OSError(28, "No space left on device")

        return real(source, size, Full(), key, digest)

    monkeypatch.setattr(exchange_encryption, "decrypt", full)
    before = _state(d.laptop)
    with pytest.raises(BundleRefused) as refused:
        d.laptop.receive(path)
    assert refused.value.reason == "unreadable" and "No space left" in str(refused.value)
    assert _state(d.laptop) == before


@pytest.mark.skipif(shutil.which("age") is None, reason="needs the age command (./run setup)")
def test_an_it_person_opens_a_bundle_with_age_as_the_docs_say(
    district: District,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/operations.md#opening-a-bundle-by-hand, step by step: the key written by
    `liaison device key`, the payload cut off with od and tail, opened with age, read with
    sqlite3."""
    d = district
    _secrets(d.hub, d.cast)
    d.laptop.receive(d.hub.export(d.laptop))
    _laptop_work(d)
    path = d.laptop.export(d.hub)  # a street's laptop sends its work to the district office
    key = tmp_path / "hub.key"
    monkeypatch.setenv("LIAISON_PASSWORD", "password-123")
    code = cli.main(
        ["device", "key", "--out", str(key), "--user", "admin", "--db", str(d.hub.db.location)]
    )
    out, err = capsys.readouterr()
    assert code == 0 and "用完请删除" in out, err
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    script = (
        "n=$(od -An -tu1 -j10 -N4 \"$1\" | awk '{print $1*16777216+$2*65536+$3*256+$4}')\n"
        'tail -c +$((14 + n + 64 + 1)) "$1" | age -d -i "$2" > "$3"\n'
    )
    plain = tmp_path / "payload.sqlite"
    subprocess.run(["sh", "-c", script, "sh", str(path), str(key), str(plain)], check=True)
    conn = driver.connect(plain)
    try:
        fields = [r[0] for r in conn.execute("SELECT fields FROM op WHERE entity = 'demand'")]
    finally:
        conn.close()
    assert any("贷款贴息申请" in f for f in fields)
