"""Recent visits for the visits screen: ordered ids first (cheap), rows for visible ids on demand.

Whose visits a person sees: a cadre those they took part in (the visit form lists the signed-in
cadre as a participant, and `log_visit` does when no one is listed); street staff the visits to
their street's enterprises; supervisors and admins all of them. Handlers do not log visits.
Deleted visits are left out; supervisors and admins may list them instead (to restore one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text

from liaison.data.db import Database, entry_order
from liaison.domain.roles import Role
from liaison.domain.vocab import VISIT_MODES
from liaison.services.context import Actor

RECENT_LIMIT = 500


@dataclass(frozen=True)
class VisitRow:
    id: str
    visit_date: date
    enterprise_id: str
    enterprise: str
    mode: str
    """The mode's label (实地走访, 电话走访, ...)."""
    people: str
    """Government side first, then the enterprise side: 张三、李四；企业：王总."""
    demand_count: int
    follow_up_on: date | None
    deleted_at: datetime | None = None


def visit_ids(
    db: Database, actor: Actor, *, limit: int = RECENT_LIMIT, deleted: bool = False
) -> list[str]:
    """The most recent visits `actor` looks after, newest first; with `deleted`, the deleted
    visits instead, last deleted first (supervisors and admins only: others get none)."""
    order = "ORDER BY v.visit_date DESC, v.created_at DESC, v.id LIMIT :limit"
    if deleted:
        if actor.role not in (Role.SUPERVISOR, Role.ADMIN):
            return []
        sql = (
            "SELECT v.id FROM visit v WHERE v.deleted_at IS NOT NULL "
            "ORDER BY v.deleted_at DESC, v.id LIMIT :limit"
        )
    elif actor.role is Role.CADRE:
        sql = (
            "SELECT v.id FROM visit v WHERE v.deleted_at IS NULL AND v.id IN "
            "(SELECT p.visit_id FROM visit_participant p WHERE p.account_id = :me) " + order
        )
    elif actor.role is Role.STREET_STAFF:
        # Newest visits first, keeping the street's: stops after `limit` of them (probing
        # the street's 20,000 enterprises for their visits and sorting those is 10x slower).
        sql = (
            "SELECT v.id FROM visit v CROSS JOIN enterprise e ON e.id = v.enterprise_id "
            "WHERE v.deleted_at IS NULL AND e.street_id = :street " + order
        )
    elif actor.role in (Role.SUPERVISOR, Role.ADMIN):
        sql = "SELECT v.id FROM visit v WHERE v.deleted_at IS NULL " + order
    else:
        return []
    params = {"me": actor.account_id, "street": actor.street_id or "", "limit": limit}
    with db.read() as s:
        return [str(i) for i in s.execute(text(sql), params).scalars()]


def visit_rows(db: Database, ids: list[str]) -> dict[str, VisitRow]:
    """The rows for `ids` (a screenful), keyed by id."""
    if not ids:
        return {}
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": i for n, i in enumerate(ids)}
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT v.id, v.visit_date, v.enterprise_id, e.name, v.mode, v.follow_up_on, "
                "v.deleted_at, "
                "(SELECT count(*) FROM demand d WHERE d.visit_id = v.id) "
                f"FROM visit v JOIN enterprise e ON e.id = v.enterprise_id WHERE v.id IN ({marks})"
            ),
            params,
        ).all()
        people: dict[str, tuple[list[str], list[str]]] = {}
        for visit_id, name, side in s.execute(
            text(
                "SELECT visit_id, name, side FROM visit_participant "
                f"WHERE visit_id IN ({marks}) ORDER BY {entry_order(s)}"
            ),
            params,
        ):
            gov, ent = people.setdefault(visit_id, ([], []))
            (gov if side == "government" else ent).append(name)
    out: dict[str, VisitRow] = {}
    for vid, day, eid, name, mode, follow_up, deleted, demands in rows:
        gov, ent = people.get(vid, ([], []))
        who = "、".join(gov)
        if ent:
            who = f"{who}；企业：{'、'.join(ent)}" if who else f"企业：{'、'.join(ent)}"
        out[vid] = VisitRow(
            vid,
            date.fromisoformat(str(day)),
            eid,
            name,
            VISIT_MODES.get(mode, mode),
            who,
            int(demands),
            date.fromisoformat(str(follow_up)) if follow_up else None,
            datetime.fromisoformat(str(deleted)) if deleted else None,
        )
    return out
