"""Hub and laptops exchanging real bundle files: the guarantees of docs/sync.md, one scenario
each."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.services import demands, enterprises, queries
from liaison.services.context import Actor
from liaison.sync.exchange import conflicts
from liaison.sync.exchange.envelope import BundleRefused
from liaison.sync.log import records as se
from liaison.sync.log.checks import checked_json
from tests.builders import behind
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, introduce


def _ops(db: Database) -> list[tuple[str, str, str]]:
    conn = db.raw()
    try:
        return conn.execute("SELECT entity, entity_id, fields FROM sync_op ORDER BY hlc").fetchall()
    finally:
        conn.close()


def _sync(a: Replica, b: Replica) -> None:
    """One round trip: a's bundle for b, then b's bundle for a."""
    b.receive(a.export(b))
    a.receive(b.export(a))


@pytest.fixture
def pair(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> tuple[Replica, Replica]:
    laptop = make_laptop("观音桥街道 laptop 3")
    introduce(hub, laptop)
    laptop.receive(hub.export(laptop))
    assert hub.digest() == laptop.digest()
    return hub, laptop


def test_a_unit_of_work_writes_its_records_and_their_ops_together(db: Database, cast: Cast) -> None:
    before = len(_ops(db))
    [demand_id] = log_demands(db, cast, "贷款贴息申请")
    new = _ops(db)[before:]
    kinds = sorted({entity for entity, _id, _f in new})
    assert kinds == ["demand", "demand_event", "visit"]
    # a refused action writes neither the record nor an op
    with pytest.raises(Exception, match=r"签收|承办"):
        demands.accept_demand(db, cast.finance_handler, demand_id)
    assert len(_ops(db)) == before + len(new)


def test_state_changes_of_a_demand_travel_as_events_only(db: Database, cast: Cast) -> None:
    [demand_id] = log_demands(db, cast, "贷款贴息申请")
    before = len(_ops(db))
    demands.route_demand(db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept)
    assert [e for e, _i, _f in _ops(db)[before:]] == ["demand_event"]


def test_full_exchange_converges_and_a_laptop_can_work_offline(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    assert laptop.integrity() == "ok"
    # the cadre works on the laptop with the accounts and enterprise that came from the hub
    cadre = laptop.as_(cast.cadre)
    ids = log_demands(laptop.db, cast, "厂房租金补贴", "用工招聘", actor=cadre)
    report = hub.receive(laptop.export(hub))
    shared = {k: v for k, v in report.counts.items() if k != "device"}  # its trust of the hub
    assert shared == {"visit": 1, "demand": 2, "demand_event": 2}
    assert "来自 观音桥街道 laptop 3" in report.summary() and "1 条走访" in report.summary()
    assert hub.digest() == laptop.digest()
    assert {d.id for d in queries_for(hub.db, ids)} == set(ids)


def queries_for(db: Database, ids: list[str]) -> list[queries.DemandDetail]:
    return [queries.demand_detail(db, i) for i in ids]


def test_a_bundle_for_a_peer_carries_only_what_it_lacks(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    _sync(hub, laptop)  # both now know each other's vector
    log_demands(hub.db, cast, "一条新诉求")
    hub.export(laptop)
    assert hub.last_export.ops == 3  # the visit, the demand, its 提出 event
    hub.export(laptop, full=True)
    assert hub.last_export.ops > 3


def test_a_lost_bundle_is_carried_again_by_the_next(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    log_demands(hub.db, cast, "第一条")
    hub.export(laptop)  # lost on the way
    log_demands(hub.db, cast, "第二条")
    laptop.receive(hub.export(laptop))
    assert hub.digest() == laptop.digest()


def test_importing_twice_is_refused_and_changes_nothing(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    log_demands(hub.db, cast, "贷款贴息申请")
    bundle = hub.export(laptop)
    laptop.receive(bundle)
    before = laptop.digest()
    with pytest.raises(BundleRefused) as refused:
        laptop.receive(bundle)
    assert refused.value.reason == "already_imported"
    assert laptop.digest() == before


def test_dry_run_reports_without_writing(pair: tuple[Replica, Replica], cast: Cast) -> None:
    hub, laptop = pair
    log_demands(hub.db, cast, "贷款贴息申请")
    before = laptop.digest()
    bundle = hub.export(laptop)
    report = laptop.receive(bundle, dry_run=True)
    assert report.counts["demand"] == 1 and not report.applied
    assert laptop.digest() == before
    laptop.receive(bundle)  # the preview did not mark it imported
    assert laptop.digest() == hub.digest()


def _edit(db: Database, actor: Actor, enterprise_id: str, **changes: Any) -> None:
    d = enterprises.get_enterprise(db, enterprise_id)
    data = d.as_input()
    enterprises.update_enterprise(db, actor, enterprise_id, replace(data, **changes))


def test_concurrent_edits_of_one_field_are_a_conflict_everywhere_until_resolved(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    eid = cast.enterprise_id
    _edit(hub.db, cast.admin, eid, phone="023-11111111")
    _edit(laptop.db, laptop.as_(cast.admin), eid, phone="023-22222222")
    _sync(hub, laptop)
    assert hub.digest() == laptop.digest()
    for r in (hub, laptop):
        [c] = conflicts.list_conflicts(r.db)
        assert (c.entity, c.field, c.record) == ("enterprise", "phone", "重庆江北嘉陵机械有限公司")
        assert sorted(v.value for v in c.versions) == ["023-11111111", "023-22222222"]
        assert sum(v.winner for v in c.versions) == 1
    # both show the same provisional winner
    phones = {enterprises.get_enterprise(r.db, eid).phone for r in (hub, laptop)}
    assert len(phones) == 1
    # a supervisor on the hub keeps the laptop's number; the decision travels
    conflicts.resolve_conflict(hub.db, cast.supervisor, "enterprise", eid, "phone", "023-22222222")
    assert conflicts.list_conflicts(hub.db) == []
    _sync(hub, laptop)
    assert conflicts.list_conflicts(laptop.db) == []
    assert enterprises.get_enterprise(laptop.db, eid).phone == "023-22222222"
    assert hub.digest() == laptop.digest()


def test_keeping_the_provisional_winner_is_a_decision_that_travels(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    eid = cast.enterprise_id
    _edit(hub.db, cast.admin, eid, address="北城天街 1 号")
    _edit(laptop.db, laptop.as_(cast.admin), eid, address="北城天街 2 号")
    _sync(hub, laptop)
    [c] = conflicts.list_conflicts(hub.db)
    winner = next(v.value for v in c.versions if v.winner)
    conflicts.resolve_conflict(hub.db, cast.supervisor, "enterprise", eid, "address", winner)
    _sync(hub, laptop)
    assert conflicts.list_conflicts(laptop.db) == []
    assert hub.digest() == laptop.digest()


def test_edits_to_different_fields_never_conflict(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    eid = cast.enterprise_id
    _edit(hub.db, cast.admin, eid, phone="023-11111111")
    _edit(laptop.db, laptop.as_(cast.admin), eid, address="北城天街 2 号")
    _sync(hub, laptop)
    for r in (hub, laptop):
        assert conflicts.list_conflicts(r.db) == []
        d = enterprises.get_enterprise(r.db, eid)
        assert (d.phone, d.address) == ("023-11111111", "北城天街 2 号")


def test_an_edit_made_after_seeing_another_never_conflicts(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    eid = cast.enterprise_id
    _edit(hub.db, cast.admin, eid, phone="023-11111111")
    laptop.receive(hub.export(laptop))
    _edit(laptop.db, laptop.as_(cast.admin), eid, phone="023-33333333")
    _sync(laptop, hub)
    assert conflicts.list_conflicts(hub.db) == []
    assert enterprises.get_enterprise(hub.db, eid).phone == "023-33333333"


def test_a_laptop_clock_in_2031_does_not_silently_win(
    pair: tuple[Replica, Replica], cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from liaison.domain import clock

    hub, laptop = pair
    eid = cast.enterprise_id
    real_now = clock.now
    monkeypatch.setattr(clock, "now", lambda: datetime(2031, 1, 1, 9, 0))
    _edit(laptop.db, laptop.as_(cast.admin), eid, phone="023-20312031")
    monkeypatch.setattr(clock, "now", real_now)
    hub.receive(laptop.export(hub))
    # the hub saw the 2031 edit; a later edit there supersedes it (causality, not clocks)
    _edit(hub.db, cast.admin, eid, phone="023-11111111")
    _sync(hub, laptop)
    for r in (hub, laptop):
        assert enterprises.get_enterprise(r.db, eid).phone == "023-11111111"
        assert conflicts.list_conflicts(r.db) == []


def test_deletes_stick_against_old_bundles(pair: tuple[Replica, Replica], cast: Cast) -> None:
    hub, laptop = pair
    eid = cast.enterprise_id
    old = hub.export(laptop, full=True)
    enterprises.delete_enterprise(hub.db, cast.admin, eid)
    new = hub.export(laptop)
    laptop.receive(new)
    laptop.receive(old)  # an old file found on a USB stick later
    with laptop.db.raw() as conn:
        assert conn.execute(
            "SELECT deleted_at IS NOT NULL FROM enterprise WHERE id = ?", (eid,)
        ).fetchone() == (1,)
    assert hub.digest() == laptop.digest()


def test_concurrent_transitions_keep_the_demand_sane_and_flag_the_late_step(
    pair: tuple[Replica, Replica], cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = pair
    [did] = log_demands(hub.db, cast, "贷款贴息申请")
    demands.route_demand(hub.db, cast.supervisor, did, lead_department_id=cast.finance_dept)
    _sync(hub, laptop)
    # apart: the supervisor withdraws it on the hub, then the handler accepts it on the laptop
    demands.withdraw_demand(hub.db, cast.supervisor, did, "企业已自行解决")
    demands.accept_demand(laptop.db, laptop.as_(cast.finance_handler), did)
    _sync(hub, laptop)
    assert hub.digest() == laptop.digest()
    for r in (hub, laptop):
        d = queries.demand_detail(r.db, did)
        assert d.snapshot.state == wf.State.WITHDRAWN
        kinds = [e.kind for e in d.timeline]
        assert "accept" in kinds and "withdraw" in kinds  # nothing dropped
        assert [e.kind for e in d.timeline if e.flagged] == [wf.EventKind.ACCEPT]
    # the periods the figures read are folded alike: the 交办 ended in 撤回, not in a 签收
    assert _periods(hub.db) == _periods(laptop.db)
    assert [(p[1], p[4]) for p in _periods(hub.db) if p[0] == did] == [("route", "withdrawn")]


def _periods(db: Database) -> list[tuple[Any, ...]]:
    """Every demand's periods as stored: (demand, kind, at, state, end_state, end_at)."""
    with behind(db) as conn:
        return conn.execute(
            "SELECT demand_id, kind, at, state, end_state, end_at FROM demand_period "
            "ORDER BY demand_id, at"
        ).fetchall()


def test_one_company_registered_on_two_devices_is_a_conflict_to_merge(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    other_code = "91500000MA5U7R0R8A"
    data = enterprises.EnterpriseInput(
        name="重庆江北新企业有限公司", uscc=other_code, street_id=cast.street_id
    )
    on_hub = enterprises.register_enterprise(hub.db, cast.admin, data)
    on_laptop = enterprises.register_enterprise(laptop.db, laptop.as_(cast.admin), data)
    _sync(hub, laptop)
    for r in (hub, laptop):
        found = {(c.entity_id, c.field) for c in conflicts.list_conflicts(r.db)}
        assert found == {(on_hub, "duplicate"), (on_laptop, "duplicate")}
    enterprises.delete_enterprise(hub.db, cast.admin, on_laptop)
    _sync(hub, laptop)
    for r in (hub, laptop):
        assert conflicts.list_conflicts(r.db) == []
    assert hub.digest() == laptop.digest()


def test_an_imported_roster_travels_with_its_tags_and_contacts(
    pair: tuple[Replica, Replica], cast: Cast, tmp_path: Path
) -> None:
    from liaison import imports

    hub, laptop = pair
    roster = tmp_path / "名录.csv"
    roster.write_text(
        "企业名称,统一社会信用代码,联系人,联系电话,标签\n"
        "重庆江北新企业有限公司,91500000MA5U7R0R8A,王五,13800000000,专精特新\n",
        encoding="utf-8",
    )
    result = imports.import_enterprises(hub.db, cast.admin, roster)
    assert result.added == 1, result
    laptop.receive(hub.export(laptop))
    assert hub.digest() == laptop.digest()
    found = enterprises.search_enterprises(laptop.db, "新企业")
    assert len(found.enterprise_ids) == 1
    d = enterprises.get_enterprise(laptop.db, found.enterprise_ids[0])
    assert [c.name for c in d.contacts] == ["王五"]


def test_a_deleted_visit_travels_with_its_reason_and_older_ops_take_new_columns_default(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    from liaison.services import visits

    hub, laptop = pair
    log_demands(hub.db, cast, "贷款贴息申请")
    kept = visits.log_visit(
        hub.db,
        cast.cadre,
        visits.VisitInput(
            enterprise_id=cast.enterprise_id,
            visit_date=clock.today(),
            mode="phone",
            summary="电话了解经营情况",
        ),
    ).visit_id
    # an op made before the visit had a deleted_reason column (migration 0005) lacks the field
    with hub.db.raw() as conn:
        [(text,)] = conn.execute(
            "SELECT fields FROM sync_op WHERE entity = 'visit' AND entity_id = ?", (kept,)
        ).fetchall()
        fields = json.loads(text)
        del fields["deleted_reason"]
        conn.execute(
            "UPDATE sync_op SET fields = ? WHERE entity = 'visit' AND entity_id = ?",
            (checked_json(se.BY_NAME["visit"], fields)[1], kept),
        )
    [gone] = [v for v in visits_of(hub.db, cast.enterprise_id) if v != kept]
    visits.delete_visit(hub.db, cast.supervisor, gone, "重复登记")
    laptop.receive(hub.export(laptop))
    with laptop.db.raw() as conn:
        rows = dict(
            conn.execute("SELECT id, deleted_reason FROM visit WHERE id IN (?, ?)", (kept, gone))
        )
    assert rows == {kept: "", gone: "重复登记"}
    assert hub.digest() == laptop.digest()


def visits_of(db: Database, enterprise_id: str) -> list[str]:
    with db.raw() as conn:
        return [
            r[0]
            for r in conn.execute("SELECT id FROM visit WHERE enterprise_id = ?", (enterprise_id,))
        ]


def test_a_big_bundle_is_merged_in_chunks_in_one_transaction(
    pair: tuple[Replica, Replica], cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.sync.exchange import bundle

    hub, laptop = pair
    [did] = log_demands(hub.db, cast, "贷款贴息申请")
    demands.route_demand(hub.db, cast.supervisor, did, lead_department_id=cast.finance_dept)
    demands.accept_demand(hub.db, cast.finance_handler, did)
    log_demands(hub.db, cast, "用工招聘", "厂房租金")
    monkeypatch.setattr(bundle, "CHUNK", 2)  # events of one demand fall in different chunks
    report = laptop.receive(hub.export(laptop))
    assert report.new_ops > 4
    assert hub.digest() == laptop.digest()
    assert queries.demand_detail(laptop.db, did).snapshot.state == wf.State.ACCEPTED


def test_a_chunked_bundle_applies_what_each_op_builds_on_first(
    pair: tuple[Replica, Replica],
    cast: Cast,
    make_laptop: MakeLaptop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two devices build on each other's records (the laptop visits the hub's enterprise and
    raises a demand; the hub routes that demand): whichever device sorts first refers to a
    record the other made. A new installation joining with chunks of two still applies
    everything — the chunks follow the seals' causal order, not the devices' ids."""
    hub, laptop = pair
    [did] = log_demands(laptop.db, cast, "贷款贴息申请", actor=laptop.as_(cast.cadre))
    hub.receive(laptop.export(hub))
    demands.route_demand(hub.db, cast.supervisor, did, lead_department_id=cast.finance_dept)
    from liaison.sync.exchange import bundle

    monkeypatch.setattr(bundle, "CHUNK", 2)
    newcomer = make_laptop("新来的笔记本")
    introduce(hub, newcomer)
    conn = newcomer.db.raw()
    try:
        assert (
            conn.execute("SELECT count(*) FROM sync_op WHERE refused IS NOT NULL").fetchone()[0]
            == 0
        )
    finally:
        conn.close()
    assert hub.digest() == newcomer.digest()
    assert queries.demand_detail(newcomer.db, did).snapshot.state == wf.State.ASSIGNED
