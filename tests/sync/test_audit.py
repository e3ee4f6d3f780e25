"""`liaison audit verify` finds what was edited by hand on a replica's file."""

from __future__ import annotations

import pytest

from liaison import cli
from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.sync.exchange.audit import verify
from tests.builders import behind
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, introduce


@pytest.fixture
def laptop(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> Replica:
    [demand_id] = log_demands(hub.db, cast, "贷款贴息申请")
    demands.route_demand(hub.db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept)
    laptop = make_laptop("观音桥街道 laptop 3")
    introduce(hub, laptop)
    log_demands(laptop.db, cast, "用工招聘", actor=laptop.as_(cast.cadre))
    laptop.export(hub)  # its own ops get their seal
    return laptop


def _edit(replica: Replica, sql: str, *args: object) -> None:
    conn = replica.db.raw()
    try:
        conn.execute(sql, args)
        conn.commit()
    finally:
        conn.close()


def _audit(replica: Replica) -> list[str]:
    conn = replica.db.raw()
    try:
        report = verify(conn)
    finally:
        conn.close()
    assert report.ops > 0 and report.seals > 0 and report.records > 0
    return report.problems


def test_an_untouched_replica_passes(hub: Replica, laptop: Replica) -> None:
    assert _audit(hub) == []
    assert _audit(laptop) == []


def test_a_record_edited_by_hand_shows_up_with_its_field(laptop: Replica, cast: Cast) -> None:
    _edit(laptop, "UPDATE enterprise SET phone = '13800000000' WHERE id = ?", cast.enterprise_id)
    [problem] = _audit(laptop)
    assert problem == f"enterprise {cast.enterprise_id} 与其变更记录不符：phone"
    assert "13800000000" not in problem  # no values: they may be personal data


def test_a_demand_state_edited_by_hand_shows_up(laptop: Replica) -> None:
    _edit(laptop, "UPDATE demand SET state = ? WHERE state = ?", wf.State.CLOSED, wf.State.ASSIGNED)
    [problem] = _audit(laptop)
    assert "的状态与其办理环节不符：state" in problem


def test_a_period_edited_by_hand_to_flatter_the_figures_shows_up(laptop: Replica) -> None:
    """Someone with sqlite3 marks a 交办 nobody has signed for as signed for at once: the
    figures would count it on time; the audit names the demand."""
    with behind(laptop.db) as conn:
        [(routed,)] = conn.execute(
            "SELECT demand_id FROM demand_period WHERE kind = 'route' AND end_state IS NULL"
        ).fetchall()
    _edit(laptop, "UPDATE demand_period SET end_state = 'accepted', end_at = at")
    assert _audit(laptop) == [f"demand {routed} 的办理阶段（统计所用）与其办理环节不符"]


def test_a_period_added_by_hand_shows_up(laptop: Replica) -> None:
    """A 办结 that never happened, written into the periods alone, is named as well."""
    with behind(laptop.db) as conn:
        [(routed,)] = conn.execute("SELECT demand_id FROM demand_period").fetchall()
    _edit(
        laptop,
        "INSERT INTO demand_period (event_id, demand_id, kind, at, state) "
        "VALUES ('forged', ?, 'resolve', '2026-01-05 10:00:00.000000', 'resolved')",
        routed,
    )
    assert _audit(laptop) == [f"demand {routed} 的办理阶段（统计所用）与其办理环节不符"]


def test_an_op_rewritten_by_hand_breaks_its_seal_and_its_record(
    laptop: Replica, hub: Replica, cast: Cast
) -> None:
    _edit(
        laptop,
        "UPDATE sync_op SET fields = json_set(fields, '$.phone', '13800000000') "
        "WHERE site = ? AND entity = 'enterprise'",
        hub.device_id,
    )
    problems = _audit(laptop)
    assert any("与本机保存的变更不符" in p for p in problems)
    assert f"enterprise {cast.enterprise_id} 与其变更记录不符：phone" in problems


def test_a_deleted_op_is_a_gap_and_a_forged_seal_is_invalid(laptop: Replica, hub: Replica) -> None:
    _edit(laptop, "DELETE FROM sync_op WHERE site = ? AND seq = 2", hub.device_id)
    _edit(laptop, "UPDATE sync_seal SET signature = zeroblob(64) WHERE site = ?", laptop.device_id)
    problems = _audit(laptop)
    assert any(p.startswith(f"设备 {hub.device_id} 的变更编号不连续") for p in problems)
    assert any("的签名无效" in p and laptop.device_id in p for p in problems)


def test_the_command_exits_1_and_lists_what_differs(
    laptop: Replica, cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["audit", "verify", "--db", str(laptop.db.path)]) == 0
    assert capsys.readouterr().out.startswith("核对通过：")
    _edit(laptop, "UPDATE enterprise SET name = '假企业' WHERE id = ?", cast.enterprise_id)
    assert cli.main(["audit", "verify", "--db", str(laptop.db.path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"enterprise {cast.enterprise_id} 与其变更记录不符：name"
    assert out[-1].startswith("核对发现 1 处不符：")
