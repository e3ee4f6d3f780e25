"""How big the demo district is at each scale, and how often each side path happens."""

from __future__ import annotations

from dataclasses import dataclass

from liaison.domain.errors import DomainError
from liaison.domain.text import Text


@dataclass(frozen=True)
class Rates:
    """Probabilities of the paths a demand takes (per demand unless noted)."""

    withdraw: float = 0.02
    merge: float = 0.02
    returned: float = 0.05
    extension: float = 0.05
    refuse: float = 0.3
    """Share of extension requests a supervisor refuses."""
    reopen: float = 0.03
    """Share of first follow-ups that are 不满意 (the demand is reopened)."""
    stuck_new: float = 0.01
    stuck_assigned: float = 0.01
    stuck_accepted: float = 0.02
    late: float = 0.08
    """Resolved well after the deadline (escalated on the way)."""
    no_follow_up: float = 0.01
    no_close: float = 0.01
    recent_days: int = 21
    """Demands raised in these last days before `today` may still wait in a queue:"""
    recent_new: float = 0.15
    """… not routed yet (待交办),"""
    recent_open: float = 0.3
    """… or, up to this share, not accepted yet (已交办)."""


@dataclass(frozen=True)
class Plan:
    scale: str
    enterprises: int
    visits: int
    accounts: int
    supervisors: int
    handlers_per_lead_unit: int
    handlers_per_other_unit: int
    street_staff_per_street: int
    streets_with_staff: int
    demand_rate: float
    """Share of visits that raise a demand (some raise two)."""
    window_days: int
    rates: Rates
    chunk: int
    """Visits generated and written per batch (bounds memory at district scale)."""


PLANS: dict[str, Plan] = {
    "district": Plan(
        scale="district",
        enterprises=150_000,
        visits=600_000,
        accounts=3_000,
        supervisors=12,
        handlers_per_lead_unit=6,
        handlers_per_other_unit=2,
        street_staff_per_street=8,
        streets_with_staff=12,
        demand_rate=0.31,
        window_days=730,
        rates=Rates(),
        chunk=25_000,
    ),
    "small": Plan(
        scale="small",
        enterprises=300,
        visits=1_200,
        accounts=30,
        supervisors=2,
        handlers_per_lead_unit=1,
        handlers_per_other_unit=0,
        street_staff_per_street=1,
        streets_with_staff=6,
        demand_rate=0.31,
        window_days=730,
        # Every side path must show up a few times among ~400 demands (tests, screenshots).
        rates=Rates(
            withdraw=0.035,
            merge=0.05,
            returned=0.07,
            extension=0.08,
            refuse=0.4,
            reopen=0.06,
            stuck_new=0.06,
            stuck_assigned=0.05,
            stuck_accepted=0.06,
            late=0.1,
            no_follow_up=0.03,
            no_close=0.03,
            recent_days=35,
            recent_new=0.25,
            recent_open=0.5,
        ),
        chunk=25_000,
    ),
}


def plan_for(scale: str) -> Plan:
    plan = PLANS.get(scale)
    if plan is None:
        raise DomainError(Text("未知的演示规模“{0}”（可选：{1}）", scale, "、".join(PLANS)))
    return plan
