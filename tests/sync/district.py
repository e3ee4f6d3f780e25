"""A district under attack — the hub, the attacker's field laptop and an honest one (the
`district` fixture in conftest.py builds it) — and what the tests read off a replica."""

from __future__ import annotations

from dataclasses import dataclass

from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.sync.log.identity import local_device
from tests.conftest import Cast, log_demands
from tests.sync.conftest import Replica


@dataclass
class District:
    hub: Replica
    laptop: Replica
    """Field laptop of the cadre and the street staff: its holder is the attacker."""
    other: Replica
    """An honest field laptop of the other cadre."""
    cast: Cast


def followed_up_demand(d: District) -> str:
    c = d.cast
    [demand_id] = log_demands(d.hub.db, c, "贷款贴息申请")
    demands.route_demand(d.hub.db, c.supervisor, demand_id, lead_department_id=c.finance_dept)
    demands.accept_demand(d.hub.db, c.finance_handler, demand_id)
    demands.resolve_demand(
        d.hub.db,
        c.finance_handler,
        demand_id,
        outcome=wf.Outcome.SOLVED,
        answer="已办理贴息",
        policy_basis="第13条",
    )
    demands.record_follow_up(d.hub.db, c.cadre, demand_id, satisfaction=wf.Satisfaction.SATISFIED)
    d.laptop.receive(d.hub.export(d.laptop))
    return demand_id


def demand_state(replica: Replica, demand_id: str) -> str:
    conn = replica.db.raw()
    try:
        return str(
            conn.execute("SELECT state FROM demand WHERE id = ?", (demand_id,)).fetchone()[0]
        )
    finally:
        conn.close()


def private_key_of(replica: Replica) -> bytes:
    """The replica's own device key (liaison.sync.log.identity, as the app reads it)."""
    conn = replica.db.raw()
    try:
        return local_device(conn).private_key
    finally:
        conn.close()
