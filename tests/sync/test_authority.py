"""A laptop's holder cannot take over the district (docs/sync.md guarantee 10).

Tried as the holder of one field laptop would, with that laptop's `liaison` command and its own
SQLite file edited by hand: revoke the hub, make himself administrator, vouch for a rogue device,
write under another device's name. Every receiver sets such ops aside (or refuses the bundle
that cannot be placed) with a reason, and honest sync between the other devices goes on. Also:
two installations that each began on their own, both with an `admin`, sync once a person renamed
one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from liaison import cli
from liaison.data import driver
from liaison.domain import workflow as wf
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.domain.roles import Role
from liaison.services import accounts, admin, demands
from liaison.services.context import Actor
from liaison.sync.exchange import bundle, conflicts, devices
from liaison.sync.exchange.envelope import BundleRefused
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica
from tests.sync.district import (
    District,
    demand_state,
    followed_up_demand,
    private_key_of,
)

STOLEN = "stolen-password-1"


def hand_edit(replica: Replica, *statements: str) -> None:
    """What the laptop's holder does with `sqlite3` on its file."""
    conn = replica.db.raw()
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def seize_admin(d: District) -> Actor:
    """The holder copies a password hash he knows onto `admin`, enrols `admin` on his laptop
    and marks the laptop a hub in its own file; then signs in as the administrator there."""
    known = accounts.hash_password(STOLEN)
    hand_edit(
        d.laptop,
        f"UPDATE account SET password_hash = '{known}' WHERE username = 'admin'",
        f"INSERT INTO device_account VALUES ('{d.laptop.device_id}', '{d.cast.admin.account_id}')",
        "UPDATE device SET kind = 'hub' WHERE is_local",
    )
    return accounts.sign_in(d.laptop.db, "admin", STOLEN)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _revoked(replica: Replica, device_id: str) -> bool:
    conn = replica.db.raw()
    try:
        row = conn.execute("SELECT revoked_at FROM device WHERE id = ?", (device_id,)).fetchone()
        return row[0] is not None
    finally:
        conn.close()


def _refused_ops(replica: Replica, site: str) -> dict[str, int]:
    conn = replica.db.raw()
    try:
        return dict(
            conn.execute(
                "SELECT refused, count(*) FROM sync_op WHERE site = ? AND refused IS NOT NULL "
                "GROUP BY refused",
                (site,),
            ).fetchall()
        )
    finally:
        conn.close()


def honest_sync_goes_on(d: District) -> None:
    """The other laptop's cadre works, its bundle goes to the hub whole, and the two converge."""
    log_demands(d.other.db, d.cast, "厂房租金补贴", actor=d.other.as_(d.cast.other_cadre))
    report = d.hub.receive(d.other.export(d.hub))
    assert report.new_ops > 0 and not report.set_aside
    d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest()


# --- 1. revoke the hub for everyone -------------------------------------------------------


def test_a_laptop_cannot_revoke_the_hub_for_everyone(
    d: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lap = d.laptop.db.path
    # by the command line as it is: no account acts by itself, the cadre is no administrator,
    # and the real administrator is not enrolled on the laptop
    code, _out, err = run(capsys, "device", "revoke", d.hub.device_id, "--db", lap)
    assert code == 2 and "--user" in err
    monkeypatch.setenv("LIAISON_PASSWORD", "password-123")
    code, _out, err = run(
        capsys, "device", "revoke", d.hub.device_id, "--user", "cadre", "--db", lap
    )
    assert code == 1 and "管理员" in err
    code, _out, err = run(
        capsys, "device", "revoke", d.hub.device_id, "--user", "admin", "--db", lap
    )
    assert code == 1 and "用户名或密码不正确" in err  # its hash never reached the laptop

    # after editing its file: the revocation succeeds there, and only there
    seize_admin(d)
    monkeypatch.setenv("LIAISON_PASSWORD", STOLEN)
    code, _out, err = run(
        capsys, "device", "revoke", d.hub.device_id, "--user", "admin", "--db", lap
    )
    assert code == 0, err
    assert _revoked(d.laptop, d.hub.device_id)
    with pytest.raises(BundleRefused) as refused:  # no more bundles for a revoked device
        d.laptop.export(d.hub)
    assert refused.value.reason == "revoked_peer"
    with driver.connect(lap) as conn:  # which the holder undoes by hand (the op stays)
        conn.execute("UPDATE device SET revoked_at = NULL WHERE id = ?", (d.hub.device_id,))
    conn.close()
    report = d.hub.receive(d.laptop.export(d.hub))
    assert report.set_aside == {"not_enrolled": 1}
    assert "无权生效" in report.summary() and "没有登记在来源设备上" in report.summary()
    assert not _revoked(d.hub, d.hub.device_id)
    assert _refused_ops(d.hub, d.laptop.device_id) == {"not_enrolled": 1}

    # the other laptop takes the hub's bundle, which relays the set-aside op: not revoked
    # there either, and later hub bundles still go in
    d.other.receive(d.hub.export(d.other))
    assert not _revoked(d.other, d.hub.device_id)
    assert _refused_ops(d.other, d.laptop.device_id) == {"not_enrolled": 1}
    honest_sync_goes_on(d)


# --- 2. become administrator --------------------------------------------------------------


def test_a_laptop_made_administrator_by_hand_changes_nothing_at_the_hub(
    d: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    demand_id = followed_up_demand(d)
    me = d.laptop.as_(seize_admin(d))
    monkeypatch.setenv("LIAISON_PASSWORD", STOLEN)
    lap = d.laptop.db.path
    code, _out, err = run(
        capsys,
        "account",
        "create",
        "evil",
        "--name",
        "黑客",
        "--role",
        "admin",
        "--user",
        "admin",
        "--db",
        lap,
    )
    assert code == 0, err
    code, _out, err = run(
        capsys, "account", "reset-password", "admin", "--user", "admin", "--db", lap
    )
    assert code == 0, err
    demands.close_demand(d.laptop.db, me, demand_id)
    assert demand_state(d.laptop, demand_id) == wf.State.CLOSED  # its own copy is spoiled

    report = d.hub.receive(d.laptop.export(d.hub))
    assert sum(report.set_aside.values()) == 3 and set(report.set_aside) == {"not_enrolled"}
    assert demand_state(d.hub, demand_id) == wf.State.FOLLOWED_UP
    names = {a.username for a in accounts.list_accounts(d.hub.db)}
    assert "evil" not in names
    assert accounts.sign_in(d.hub.db, "admin", "password-123").role is Role.ADMIN
    with pytest.raises(DomainError):
        accounts.sign_in(d.hub.db, "admin", STOLEN)
    honest_sync_goes_on(d)


def test_a_cadre_claiming_another_role_in_an_event_is_set_aside(d: District) -> None:
    """Without an administrator's account: the cadre's own ops, edited to claim a role the
    cadre does not have (the supervisor's 交办), are set aside for the event's actor."""
    c = d.cast
    [demand_id] = log_demands(d.laptop.db, c, "用工招聘", actor=d.laptop.as_(c.cadre))
    hand_edit(d.laptop, f"UPDATE account SET role = 'supervisor' WHERE id = '{c.cadre.account_id}'")
    boss = d.laptop.as_(replace(c.cadre, role=Role.SUPERVISOR))
    demands.route_demand(d.laptop.db, boss, demand_id, lead_department_id=c.finance_dept)
    assert demand_state(d.laptop, demand_id) == wf.State.ASSIGNED
    report = d.hub.receive(d.laptop.export(d.hub))
    assert report.set_aside == {"actor": 1}
    assert (
        demand_state(d.hub, demand_id) == wf.State.NEW
    )  # the demand itself came, its 交办 did not
    honest_sync_goes_on(d)


# --- 3. vouch for a rogue device ----------------------------------------------------------


def test_a_laptop_cannot_vouch_for_a_rogue_device(
    d: District,
    make_laptop: MakeLaptop,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rogue = make_laptop("rogue")
    request = rogue.outbox / "rogue-request.lsb"
    bundle.export_bundle(rogue.db, request, identity_only=True)
    seize_admin(d)
    monkeypatch.setenv("LIAISON_PASSWORD", STOLEN)
    code, _out, err = run(
        capsys,
        "device",
        "enrol",
        rogue.fingerprint,
        "--bundle",
        request,
        "--as",
        "hub",
        "--user",
        "admin",
        "--db",
        d.laptop.db.path,
    )
    assert code == 0, err
    before = d.hub.digest()
    report = d.hub.receive(d.laptop.export(d.hub))
    assert report.set_aside == {"not_enrolled": 1}
    listed = {x.id: x.status for x in devices.list_devices(d.hub.db)}
    assert listed.get(rogue.device_id, "待登记") == "待登记"  # known by its key, not enrolled
    # the rogue's own bundle is refused at the hub: not enrolled by any hub
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(request)
    assert refused.value.reason in ("untrusted_sender", "unknown_sender")
    assert d.hub.digest() == before
    honest_sync_goes_on(d)


# --- 4. write under another device's name -------------------------------------------------


def test_ops_relabelled_with_another_devices_id_are_refused_and_its_real_ones_still_land(
    d: District,
) -> None:
    """The holder writes an op as the other laptop (its id, the supervisor's account, the
    next number the other laptop will use) into a bundle his laptop signs: there is no seal
    of the other laptop over it, so the bundle is refused; the other laptop's real op with
    that number arrives later and is taken."""
    c = d.cast
    [mine] = log_demands(d.laptop.db, c, "研发补贴", actor=d.laptop.as_(c.cadre))
    path = d.laptop.export(d.hub)
    forged = _relabel(path, d, mine)
    before = d.hub.digest()
    with pytest.raises(BundleRefused) as refused:
        bundle.import_bundle(d.hub.db, forged)
    assert refused.value.reason == "bad_seal" and "签封" in str(refused.value)
    assert d.hub.digest() == before
    # the same with a seal signed by the laptop's own key, labelled as the other laptop's
    signed = _relabel(path, d, mine, reseal_with=private_key_of(d.laptop))
    with pytest.raises(BundleRefused) as refused:
        bundle.import_bundle(d.hub.db, signed)
    assert refused.value.reason == "bad_seal" and "签封无效" in str(refused.value)
    assert d.hub.digest() == before
    # the other laptop's real work, with the numbers the forgery used, goes in everywhere
    honest_sync_goes_on(d)
    report = d.hub.receive(path)  # and the laptop's own honest bundle still does
    assert report.new_ops > 0 and not report.set_aside
    for replica in (d.laptop, d.other):
        replica.receive(d.hub.export(replica))
    assert d.hub.digest() == d.laptop.digest() == d.other.digest()


def _relabel(path: Path, d: District, demand_id: str, reseal_with: bytes | None = None) -> Path:
    """The laptop's bundle with its ops relabelled as the other laptop's next ones (and the
    events' actor as the supervisor), re-signed by the laptop."""
    import json

    from liaison.sync.exchange import envelope
    from tests.sync.forging import plain_payload, reseal, resealed

    opened = envelope.open_envelope(path.read_bytes())
    work = path.with_suffix(".payload")
    work.write_bytes(plain_payload(path, d.hub))
    conn = driver.connect(work)
    have = d.other.db.raw()
    try:
        start = (
            have.execute(
                "SELECT MAX(seq) FROM sync_op WHERE site = ?", (d.other.device_id,)
            ).fetchone()[0]
            or 0
        )
        rows = conn.execute(
            "SELECT site, seq, hlc, entity, entity_id, account, fields, base FROM op "
            "WHERE site = ? ORDER BY seq",
            (d.laptop.device_id,),
        ).fetchall()
        conn.execute("DELETE FROM op")
        conn.execute("DELETE FROM seal")
        forged = []
        for n, row in enumerate(rows, start + 1):
            fields = json.loads(row[6])
            if row[3] == "demand_event":
                fields.update(
                    actor_id=d.cast.supervisor.account_id,
                    actor_role="supervisor",
                    device_id=d.other.device_id,
                )
            text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
            forged.append(
                (
                    d.other.device_id,
                    n,
                    row[2],
                    row[3],
                    row[4],
                    d.cast.supervisor.account_id,
                    text,
                    row[7],
                )
            )
        conn.executemany("INSERT INTO op VALUES (?, ?, ?, ?, ?, ?, ?, ?)", forged)
        if reseal_with is not None:
            conn.executemany(
                "INSERT INTO seal VALUES (?, ?, ?, ?, ?, ?)",
                (s.row() for s in reseal(forged, reseal_with)),
            )
        conn.commit()
    finally:
        conn.close()
        have.close()
    out = path.with_name(path.stem + ("-signed" if reseal_with else "-forged") + ".lsb")
    key = private_key_of(d.laptop)
    out.write_bytes(resealed(opened.header, work.read_bytes(), key, d.hub, ops=len(rows)))
    return out


# --- 5. two installations that each began on their own ------------------------------------


def test_two_districts_with_the_same_usernames_sync_once_one_is_renamed(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    other = make_laptop("另一台区县服务器")
    accounts.create_district(other.db, "admin", "另一位管理员", "other-password-1")
    other_admin = other.as_(accounts.sign_in(other.db, "admin", "other-password-1"))
    log_demands(hub.db, cast, "贷款贴息申请")
    # each administrator enrols the other's founding computer, from its request
    for me, you, who in ((hub, other, cast.admin), (other, hub, other_admin)):
        request = you.outbox / f"{you.name}-request.lsb"
        bundle.export_bundle(you.db, request, identity_only=True)
        devices.enrol_device(me.db, me.as_(who), you.fingerprint, kind="founder", bundle=request)
    other.receive(hub.export(other))
    hub.receive(other.export(hub))
    for replica in (hub, other):
        found = [c for c in conflicts.list_conflicts(replica.db) if c.entity == "account"]
        assert {c.field for c in found} == {"duplicate"} and len(found) == 2
        # both people still sign in, each with their own password
        assert accounts.sign_in(replica.db, "admin", "password-123").account_id == (
            cast.admin.account_id
        )
        assert accounts.sign_in(replica.db, "admin", "other-password-1").account_id == (
            other_admin.account_id
        )
    with pytest.raises(DomainError, match="改名"):
        conflicts.resolve_conflict(
            hub.db, cast.admin, "account", other_admin.account_id, "duplicate", None
        )
    admin.rename_account(hub.db, cast.admin, other_admin.account_id, "admin2")
    other.receive(hub.export(other))
    hub.receive(other.export(hub))
    for replica in (hub, other):
        assert [c for c in conflicts.list_conflicts(replica.db) if c.entity == "account"] == []
    assert hub.digest() == other.digest()
    assert accounts.sign_in(other.db, "admin2", "other-password-1").account_id == (
        other_admin.account_id
    )


@pytest.fixture
def d(district: District) -> Iterator[District]:
    yield district


def test_a_field_device_cannot_change_administration_even_for_a_real_admin(
    d: District,
) -> None:
    """Enrolled for the administrator, a field laptop still refuses administration: only hub
    devices change accounts, departments, categories, holidays and devices."""
    c = d.cast
    laptop = d.laptop
    with pytest.raises(PermissionDenied, match="区联络办的电脑"):
        admin.set_account_active(laptop.db, laptop.as_(c.admin), c.cadre.account_id, False)
    with pytest.raises(PermissionDenied, match="区联络办的电脑"):
        devices.revoke_device(laptop.db, laptop.as_(c.admin), d.hub.device_id)


# --- revocation and what a device knew -----------------------------------------------------


def test_a_revocation_sets_aside_later_ops_already_applied_elsewhere(d: District) -> None:
    """The laptop goes missing after its last bundle reached the hub. Its holder keeps working
    and gives a bundle to the other laptop directly; then the hub's revocation arrives there:
    the ops after the cut are set aside — with what was built on the records they made — and
    the ops before it stay. Every replica ends equal."""
    c = d.cast
    [before] = log_demands(d.laptop.db, c, "贷款贴息申请", actor=d.laptop.as_(c.cadre))
    d.hub.receive(d.laptop.export(d.hub))
    devices.revoke_device(d.hub.db, c.admin, d.laptop.device_id)
    [after] = log_demands(d.laptop.db, c, "厂房租金补贴", actor=d.laptop.as_(c.cadre))
    report = d.other.receive(d.laptop.export(d.other))
    assert report.new_ops > 0 and not report.set_aside
    assert _has_demand(d.other, after)
    # the other cadre builds on it before the revocation arrives
    demands.withdraw_demand(d.other.db, d.other.as_(c.other_cadre), after, "企业已自行解决")
    report = d.other.receive(d.hub.export(d.other))
    assert report.revoked_here >= 4  # visit, demand, its 提出, and the 撤回 built on it
    assert "因来源设备被吊销而作废" in report.summary()
    assert _has_demand(d.other, before) and not _has_demand(d.other, after)
    # the hub never takes the revoked laptop's bundles, but the other laptop's relay of them:
    # its ops after the cut are set aside there too, as is the 撤回 of the lost demand
    relayed = d.hub.receive(d.other.export(d.hub))
    assert set(relayed.set_aside) <= {"revoked", "depends"} and relayed.set_aside
    with pytest.raises(BundleRefused) as refused:
        d.hub.receive(d.laptop.export(d.hub))
    assert refused.value.reason == "revoked_sender"
    d.other.receive(d.hub.export(d.other))
    assert d.hub.digest() == d.other.digest()
    assert not _has_demand(d.hub, after)


def _has_demand(replica: Replica, demand_id: str) -> bool:
    conn = replica.db.raw()
    try:
        return (
            conn.execute("SELECT 1 FROM demand WHERE id = ?", (demand_id,)).fetchone() is not None
        )
    finally:
        conn.close()


def test_work_done_offline_before_a_deactivation_arrived_still_counts(d: District) -> None:
    """Authority is judged by what the laptop knew when it worked (its seal's vector): the
    cadre's visit made offline while the hub deactivated the account is kept everywhere."""
    c = d.cast
    admin.set_account_active(d.hub.db, c.admin, c.cadre.account_id, False)
    [kept] = log_demands(d.laptop.db, c, "技改贷款", actor=d.laptop.as_(c.cadre))
    report = d.hub.receive(d.laptop.export(d.hub))
    assert report.new_ops > 0 and not report.set_aside
    assert _has_demand(d.hub, kept)
    # once the laptop knows, the account can no longer sign in there
    d.laptop.receive(d.hub.export(d.laptop))
    with pytest.raises(DomainError):
        accounts.sign_in(d.laptop.db, "cadre", "password-123")
