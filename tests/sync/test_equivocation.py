"""Equivocation (docs/sync.md, Authority): two different seals of one device over one op
number are proof that its holder forged; the proof travels, and cannot be forged itself."""

from __future__ import annotations

from dataclasses import replace

import pytest

from liaison.domain import signing
from liaison.sync.exchange.envelope import BundleRefused
from liaison.sync.log import equivocation, seals
from liaison.sync.log.equivocation import Proof
from liaison.sync.log.seals import Seal
from tests.conftest import log_demands
from tests.sync.conftest import MakeLaptop, introduce
from tests.sync.district import District, private_key_of
from tests.sync.forging import craft, knows, next_seq, one, own_rows, sealed


@pytest.fixture
def d(district: District) -> District:
    return district


def _signed(seal: Seal, key: bytes) -> Seal:
    return replace(seal, signature=signing.sign(key, replace(seal, signature=b"").message()))


def test_a_proof_holds_only_for_two_different_overlapping_seals_of_the_key() -> None:
    key = signing.new_private_key()
    public = signing.public_key(key)
    site = "01a24d75-7d03-7607-b99b-f3865b45bfe7"
    a = _signed(Seal(site, 5, 9, "{}", "0" * 64, b""), key)
    b = _signed(Seal(site, 9, 12, "{}", "1" * 64, b""), key)
    apart = _signed(Seal(site, 10, 12, "{}", "1" * 64, b""), key)
    assert Proof.of(a, b).holds(public)
    assert Proof.of(a, b).cut == 4
    assert Proof.of(a, b) == Proof.of(b, a)
    assert not Proof.of(a, a).holds(public)  # the same seal twice
    assert not Proof.of(a, apart).holds(public)  # 5–9 and 10–12 do not overlap
    assert not Proof.of(a, b).holds(None)  # a device not enrolled here
    other = signing.public_key(signing.new_private_key())
    assert not Proof.of(a, b).holds(other)
    forged = replace(b, signature=a.signature)
    assert not Proof.of(a, forged).holds(public)
    [again] = equivocation.proofs_of([Proof.of(a, b).row()])
    assert again == Proof.of(a, b)


def _hub_seal(d: District) -> Seal:
    conn = d.laptop.db.raw()
    try:
        row = conn.execute(
            f"SELECT {seals.SEAL_COLUMNS} FROM sync_seal WHERE site = ? ORDER BY first LIMIT 1",
            (d.hub.device_id,),
        ).fetchone()
    finally:
        conn.close()
    return seals.seal_from_row(row)


def test_a_laptop_cannot_frame_the_hub_with_a_forged_proof(d: District) -> None:
    """The laptop's holder sends a 'proof' that the hub equivocated: the hub's real seal and
    one he signed himself. It does not verify with the hub's key: ignored, the hub's work
    still counts, and the laptop's own honest op in the bundle goes in."""
    c, lap = d.cast, d.laptop
    genuine = _hub_seal(d)
    fake = _signed(replace(genuine, last=genuine.last + 1), private_key_of(lap))
    first = next_seq(lap)
    log_demands(lap.db, c, "贷款贴息申请", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    forged = craft(
        lap,
        rows,
        [sealed(rows, private_key_of(lap), knows(lap))],
        recipient=d.other,
        proofs=(Proof.of(genuine, fake),),
    )
    report = d.other.receive(forged)
    assert report.new_ops == len(rows) and not report.set_aside and not report.revoked_here
    assert one(d.other, "SELECT count(*) FROM sync_equivocation") == 0
    assert one(d.other, "SELECT count(*) FROM sync_op WHERE refused IS NOT NULL") == 0


def test_a_proof_reaches_a_replica_that_saw_neither_seal(
    d: District, make_laptop: MakeLaptop
) -> None:
    """The laptop shows the hub one version of its op and the other laptop another. The hub
    catches it only when the other laptop's bundle brings the second seal; a relayed proof
    needs no seal of the cheat stored to count. A newcomer joining afterwards takes none of
    the cheat's ops, yet places the other laptop's later seal, which knew of them."""
    c, lap = d.cast, d.laptop
    first = next_seq(lap)
    log_demands(lap.db, c, "贷款贴息申请", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    twin = [(*r[:6], r[6].replace("贷款贴息申请", "贴息"), *r[7:]) for r in rows]
    key, vec = private_key_of(lap), knows(lap)
    d.hub.receive(craft(lap, rows, [sealed(rows, key, vec)], recipient=d.hub))
    d.other.receive(craft(lap, twin, [sealed(twin, key, vec)], recipient=d.other))
    log_demands(d.other.db, c, "用工招聘", actor=d.other.as_(c.other_cadre))
    assert one(d.hub, "SELECT count(*) FROM demand WHERE title = '贷款贴息申请'") == 1
    caught = d.hub.receive(d.other.export(d.hub))
    assert caught.revoked_here == len(rows)
    assert one(d.hub, "SELECT count(*) FROM demand WHERE title = '贷款贴息申请'") == 0
    d.other.receive(d.hub.export(d.other))
    assert one(d.other, "SELECT count(*) FROM demand WHERE title = '贴息'") == 0
    assert d.hub.digest() == d.other.digest()
    refused = one(
        d.other, "SELECT group_concat(DISTINCT refused) FROM sync_op WHERE site = ?", lap.device_id
    )
    assert refused == "equivocation"
    newcomer = make_laptop("新来的笔记本")
    introduce(d.hub, newcomer)
    assert (
        one(
            newcomer,
            "SELECT count(*) FROM sync_op WHERE site = ? AND seq >= ?",
            lap.device_id,
            first,
        )
        == 0
    )
    assert one(newcomer, "SELECT count(*) FROM demand WHERE title = '用工招聘'") == 1
    assert newcomer.digest() == d.hub.digest()


def test_two_overlapping_seals_in_one_bundle_refuse_it(d: District) -> None:
    c, lap = d.cast, d.laptop
    first = next_seq(lap)
    log_demands(lap.db, c, "贷款贴息申请", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    key, vec = private_key_of(lap), knows(lap)
    both = [sealed(rows, key, vec), sealed(rows[1:], key, vec)]
    with pytest.raises(BundleRefused, match="相互重叠") as refused:
        d.hub.receive(craft(lap, rows, both, recipient=d.hub))
    assert refused.value.reason == "bad_seal"
