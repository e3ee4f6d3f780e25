"""Attacks found by a review of guarantee 10 (docs/sync.md), by the holder of one enrolled
laptop (and, in one case, of a second hub device).

The holder has the laptop's file, its private key (`device_key`) and the passwords of the
accounts enrolled on it; he writes bundle files by hand and seals ops with the laptop's key.
Each test failed before its weakness was fixed.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from liaison.domain import clock, hlc
from liaison.domain import workflow as wf
from liaison.domain.ids import new_id
from liaison.domain.roles import Role
from liaison.services import accounts, demands, enterprises
from liaison.sync.exchange import devices
from liaison.sync.exchange.envelope import BundleRefused
from tests.conftest import log_demands
from tests.sync.conftest import MakeLaptop, introduce
from tests.sync.district import District, demand_state, followed_up_demand, private_key_of
from tests.sync.forging import (
    craft,
    knows,
    next_seq,
    one,
    own_rows,
    sealed,
    text,
)


@pytest.fixture
def d(district: District) -> District:
    return district


# --- crafting bundles by hand, as the laptop's holder can -----------------------------------


def stamp() -> str:
    return hlc.tick(None, clock.now())


# --- 1. a cadre deletes an enterprise by leaving out the base -------------------------------


def test_a_cadre_cannot_delete_an_enterprise_by_sending_an_empty_base(d: District) -> None:
    """Deleting an enterprise is for the hub's roles (ENTERPRISE_DELETERS); `_writers` tells a
    delete from the record's making by `bool(op.base)` alone. The laptop seals an op of the
    cadre writing `deleted_at` with base []: judged as an edit, it is applied at the hub and
    the enterprise is gone there (the provisional winner of a 'conflict' with its making)."""
    c, lap = d.cast, d.laptop
    op = (
        lap.device_id,
        next_seq(lap),
        stamp(),
        "enterprise",
        c.enterprise_id,
        c.cadre.account_id,
        text({"deleted_at": "2026-01-05 09:00:00.000000"}),
        "[]",
    )
    forged = craft(lap, [op], [sealed([op], private_key_of(lap), knows(lap))], recipient=d.hub)
    report = d.hub.receive(forged)
    gone = one(d.hub, "SELECT deleted_at FROM enterprise WHERE id = ?", c.enterprise_id)
    assert gone is None, f"deleted at the hub by a cadre: {report.summary()}"
    assert report.set_aside == {"role": 1}


# --- 2. one run of ops sealed twice with other bounds ----------------------------------------


def test_a_second_seal_starting_where_one_did_cannot_stop_the_hub_exporting(
    d: District,
) -> None:
    """The laptop's honest bundle reaches the hub (seal n..m). Then its holder seals n..m+k
    as one run and sends that. Before the fix the hub took the new ops but dropped the seal,
    so ops m+1..m+k lay in no seal there and the hub refused to export to anyone lacking
    them. Two seals over op n are proof of equivocation: the laptop's ops from n on count
    for nothing, at the hub and — the proof travelling with the hub's bundles — everywhere."""
    c, lap = d.cast, d.laptop
    first = next_seq(lap)
    log_demands(lap.db, c, "贷款贴息申请", actor=lap.as_(c.cadre))
    d.hub.receive(lap.export(d.hub))  # honest: seal first..m
    m = next_seq(lap) - 1
    log_demands(lap.db, c, "厂房租金补贴", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    forged = craft(lap, rows, [sealed(rows, private_key_of(lap), knows(lap))], recipient=d.hub)
    report = d.hub.receive(forged)
    assert report.new_ops == 0  # nothing of the second history is taken
    assert report.revoked_here == m - first + 1  # the first bundle's ops, set aside
    assert one(d.hub, "SELECT count(*) FROM demand WHERE title = '贷款贴息申请'") == 0
    assert one(d.hub, "SELECT count(*) FROM sync_equivocation") == 1
    assert (
        one(
            d.hub,
            "SELECT count(*) FROM sync_op WHERE site = ? AND seq >= ? AND refused = ?",
            lap.device_id,
            first,
            "equivocation",
        )
        == report.revoked_here
    )
    d.other.receive(d.hub.export(d.other))  # the hub still exports, and the proof goes along
    assert one(d.other, "SELECT count(*) FROM sync_equivocation") == 1
    assert d.hub.digest() == d.other.digest()
    later = d.hub.receive(lap.export(d.hub))  # the laptop's honest bundles: nothing taken
    assert later.new_ops == 0
    assert d.hub.digest() == d.other.digest()


# --- 3. equivocation: the same ops under two seals with different vectors --------------------


def test_the_same_ops_sealed_twice_with_different_vectors_do_not_split_the_district(
    d: District,
) -> None:
    """The hub takes the cadre off the laptop; the laptop learns it. Its holder logs a visit
    as the cadre and seals those ops twice: for the hub with its true vector (the cadre no
    longer enrolled: set aside), for the other laptop with the vector it had before (the
    cadre enrolled: applied). A replica judges an op once, under the first seal it meets, and
    never compares seals of ops it has: after a full exchange the two differ for good."""
    c, lap = d.cast, d.laptop
    before = knows(lap)
    devices.enrol_device(
        d.hub.db, c.admin, lap.fingerprint, kind="field", accounts=[c.street_staff.account_id]
    )
    lap.receive(d.hub.export(lap))
    first = next_seq(lap)
    log_demands(lap.db, c, "用工招聘", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    to_hub = craft(lap, rows, [sealed(rows, private_key_of(lap), knows(lap))], recipient=d.hub)
    to_other = craft(lap, rows, [sealed(rows, private_key_of(lap), before)], recipient=d.other)
    assert d.hub.receive(to_hub).set_aside
    assert not d.other.receive(to_other).set_aside
    for _ in range(2):  # a full exchange, both ways, twice
        d.hub.receive(d.other.export(d.hub))
        d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest()
    for replica in (d.hub, d.other):  # each caught the two seals: the visit counts nowhere
        assert one(replica, "SELECT count(*) FROM sync_equivocation") == 1
        assert one(replica, "SELECT count(*) FROM demand WHERE title = '用工招聘'") == 0


# --- 4. a reference judged by what the receiver has, not by what the seal says ---------------


def test_a_step_on_a_demand_its_seal_hides_is_judged_alike_everywhere(d: District) -> None:
    """`authority.dangling` asks whether a referenced record exists *on the receiver*. A seal
    whose vector leaves out the op that made the record (here: a demand raised at the hub) is
    still placeable where that op is missing, so the same sealed op is applied at the hub
    (which has the demand) and set aside as 'depends' at the other laptop (which does not yet):
    one bundle, no equivocation, and the two never agree again."""
    c, lap = d.cast, d.laptop
    before = knows(lap)
    [demand_id] = log_demands(d.hub.db, c, "贷款贴息申请")  # at the hub, by the cadre there
    lap.receive(d.hub.export(lap))
    first = next_seq(lap)
    demands.withdraw_demand(lap.db, lap.as_(c.cadre), demand_id, "企业已自行解决")
    rows = own_rows(lap, first)
    seal_list = [sealed(rows, private_key_of(lap), before)]
    at_other = d.other.receive(craft(lap, rows, seal_list, recipient=d.other))
    at_hub = d.hub.receive(craft(lap, rows, seal_list, recipient=d.hub))
    for _ in range(2):
        d.hub.receive(d.other.export(d.hub))
        d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest(), (at_hub.set_aside, at_other.set_aside)


# --- 5. a revocation reaching back over a record someone else has edited since ---------------


def test_a_revocation_cutting_a_record_another_device_edited_still_goes_in(
    d: District,
) -> None:
    """The stolen laptop, revoked at the hub, registers an enterprise and hands its bundle to
    the other laptop, whose cadre then corrects the enterprise's phone number (an honest
    edit). The revocation reaching the other laptop sets aside the making of the record, but
    `apply_cuts` only looks for records with no op left and for ops whose fields *name* a gone
    record: the edit keeps the record alive, and re-deriving it from the edit alone fails."""
    c, lap = d.cast, d.laptop
    devices.revoke_device(d.hub.db, c.admin, lap.device_id)
    data = enterprises.EnterpriseInput(
        name="重庆两江精密铸造有限公司", uscc="91500000MA5U7R0R8A", street_id=c.street_id
    )
    made = enterprises.register_enterprise(lap.db, lap.as_(c.cadre), data)
    d.other.receive(lap.export(d.other))
    mine = d.other.as_(c.other_cadre)
    enterprises.update_enterprise(d.other.db, mine, made, replace(data, phone="023-67001234"))
    d.other.receive(d.hub.export(d.other))  # the revocation: must go in
    assert one(d.other, "SELECT count(*) FROM enterprise WHERE id = ?", made) == 0
    d.hub.receive(d.other.export(d.hub))  # and the other laptop's work still reaches the hub
    d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest()


# --- 6. (beyond the laptop) a hub device that hides the district's administrators -------------


def test_a_hub_device_cannot_found_the_district_again_with_an_empty_vector(
    d: District, make_laptop: MakeLaptop
) -> None:
    """`_founds_district` lets an administrator account made by itself on *any* hub device
    through when the op's context has no administrator; the context is the seal's vector,
    which its device chooses. A second hub device (the district office's other PC, whose file
    any supervisor there can edit) seals such an op with vector {}: the hub applies it, and
    the new administrator then administers the district from that PC."""
    c = d.cast
    pc = make_laptop("区联络办 2 号机")
    introduce(d.hub, pc, kind="hub")
    first = next_seq(pc)
    minted = accounts.create_account(
        pc.db,
        pc.as_(c.admin),
        username="root2",
        display_name="自封管理员",
        role=Role.ADMIN,
        password="password-123",
    )
    rows = [(*r[:5], minted, *r[6:]) if r[4] == minted else r for r in own_rows(pc, first)]
    forged = craft(pc, rows, [sealed(rows, private_key_of(pc), {})], recipient=d.hub)
    report = d.hub.receive(forged)
    role = one(d.hub, "SELECT role FROM account WHERE id = ?", minted)
    assert role is None, f"a second administrator at the hub: {report.summary()}"


# --- 7. a step dated before what its device knew ---------------------------------------------


@pytest.mark.parametrize("dated", ["max(at)", "min(at)"])
def test_a_cadre_cannot_withdraw_a_closed_demand_by_dating_the_step_back(
    d: District, dated: str
) -> None:
    """A demand is raised, routed, resolved, followed up and closed at the hub; the laptop has
    all of it (its seal's vector says so: nothing hidden). Its holder writes a 撤回 by the
    cadre — a step the cadre may take on an open demand — with `at` before the resolution.
    Nothing compares an event's `at` with the events its seal knew: the fold orders by
    `at`, the 撤回 lands while the demand was still open, and the hub's resolution, follow-up
    and closing are flagged as invalid: a closed demand shows 已撤回 at the hub."""
    c, lap = d.cast, d.laptop
    demand_id = followed_up_demand(d)
    demands.close_demand(d.hub.db, c.supervisor, demand_id)
    lap.receive(d.hub.export(lap))
    accepted = one(
        lap, f"SELECT {dated} FROM demand_event WHERE demand_id = ?", demand_id
    )  # the closing itself, or the raising
    event = {
        "demand_id": demand_id,
        "kind": wf.EventKind.WITHDRAW.value,
        "at": accepted,
        "actor_id": c.cadre.account_id,
        "actor_role": "cadre",
        "device_id": lap.device_id,
        "text": "企业已自行解决",
        "data": "{}",
    }
    template = one(lap, "SELECT fields FROM sync_op WHERE entity = 'demand_event' LIMIT 1")
    fields = {k: event.get(k, v) for k, v in json.loads(template).items()}
    op = (
        lap.device_id,
        next_seq(lap),
        stamp(),
        "demand_event",
        new_id(),
        c.cadre.account_id,
        text(fields),
        "[]",
    )
    report = d.hub.receive(
        craft(lap, [op], [sealed([op], private_key_of(lap), knows(lap))], recipient=d.hub)
    )
    assert report.set_aside == {"backdated": 1}
    assert demand_state(d.hub, demand_id) == wf.State.CLOSED


# --- 8. equivocation: two different ops with one number, to two peers ------------------------


def test_two_versions_of_one_op_do_not_stop_the_hub_and_a_laptop_syncing(d: District) -> None:
    """The laptop's holder seals op n one way for the hub and another way for the other laptop
    (both validly signed by the laptop). From then on every hub bundle for the other laptop
    carries the hub's version and is refused there ("与本机已有的同号变更内容不同"), and the
    other laptop's bundles are refused at the hub the same way: two honest devices can no
    longer exchange anything, and revoking the laptop does not help (the clash is before
    any cut)."""
    c, lap = d.cast, d.laptop
    first = next_seq(lap)
    log_demands(lap.db, c, "贷款贴息申请", actor=lap.as_(c.cadre))
    rows = own_rows(lap, first)
    other_rows = [
        (*r[:6], r[6].replace("贷款贴息申请", "贷款贴息申请（二）"), *r[7:]) for r in rows
    ]
    assert other_rows != rows
    key, vec = private_key_of(lap), knows(lap)
    d.hub.receive(craft(lap, rows, [sealed(rows, key, vec)], recipient=d.hub))
    d.other.receive(craft(lap, other_rows, [sealed(other_rows, key, vec)], recipient=d.other))
    devices.revoke_device(d.hub.db, c.admin, lap.device_id)
    log_demands(d.other.db, c, "厂房租金补贴", actor=d.other.as_(c.other_cadre))
    d.hub.receive(d.other.export(d.hub))  # was refused: 同号变更内容不同
    d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest()
    for replica in (d.hub, d.other):
        assert one(replica, "SELECT count(*) FROM demand WHERE title = '厂房租金补贴'") == 1
        assert one(replica, "SELECT count(*) FROM demand WHERE title LIKE '贷款贴息申请%'") == 0


# --- 9. plain bugs: refusals that escape as tracebacks ----------------------------------------


def test_a_bundle_reusing_the_id_of_one_the_receiver_exported_is_refused_clearly(
    d: District,
) -> None:
    """The laptop knows the id of the hub's last bundle for it (it imported it). A bundle of
    its own with that id passes the replay check (which looks at bundles *in* only), then
    logging it trips `sync_bundle`'s primary key: a raw driver.IntegrityError, not one clear
    line (BundleRefused)."""
    lap = d.laptop
    taken = one(
        lap, "SELECT id FROM sync_bundle WHERE direction = 'in' ORDER BY handled_at DESC LIMIT 1"
    )
    assert one(d.hub, "SELECT direction FROM sync_bundle WHERE id = ?", taken) == "out"
    first = next_seq(lap)
    log_demands(lap.db, d.cast, "用工招聘", actor=lap.as_(d.cast.cadre))
    rows = own_rows(lap, first)
    forged = craft(
        lap, rows, [sealed(rows, private_key_of(lap), knows(lap))], recipient=d.hub, bundle_id=taken
    )
    with pytest.raises(BundleRefused):
        d.hub.receive(forged)
