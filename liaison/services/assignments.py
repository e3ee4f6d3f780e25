"""包联 from the enterprise screen: who may assign cadres, and the cadres to choose from.

Assigning and ending are `enterprises.assign_cadre` / `enterprises.end_assignment` (the same
rules the 包联 list import follows); this module adds what a picker needs. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from liaison.data.db import Database
from liaison.data.models import Account, Assignment, Street
from liaison.domain.permissions import ASSIGNABLE, ASSIGNERS
from liaison.domain.pinyin import pinyin_keys
from liaison.domain.roles import Role
from liaison.services.context import Actor, assignment_open


@dataclass(frozen=True)
class CadreChoice:
    """An active account that can be put in charge of enterprises."""

    id: str
    display_name: str
    username: str
    role: Role
    street: str | None
    active_assignments: int
    """How many enterprises the account looks after now (a hint for spreading the work)."""
    initials: str
    full_pinyin: str


def assign_refusal(actor: Actor, enterprise_street_id: str | None) -> str | None:
    """Why `actor` may not change the 包联 of an enterprise in that street, or None."""
    if actor.role not in ASSIGNERS:
        return "只有管理员、督办和街镇专员可以安排包联干部"
    if actor.role is Role.STREET_STAFF and enterprise_street_id != actor.street_id:
        return "只能为本街镇的企业安排包联干部"
    return None


def list_cadre_choices(db: Database, actor: Actor) -> list[CadreChoice]:
    """Every active 联络干部 and 街镇专员 in pinyin order, with pinyin keys for type-ahead."""
    actor.require(*ASSIGNERS)
    with db.read() as s:
        streets: dict[str, str] = {i: n for i, n in s.execute(select(Street.id, Street.name))}
        loads: dict[str, int] = {
            account_id: n
            for account_id, n in s.execute(
                select(Assignment.account_id, func.count())
                .where(assignment_open())
                .group_by(Assignment.account_id)
            )
        }
        rows = s.execute(
            select(
                Account.id, Account.display_name, Account.username, Account.role, Account.street_id
            ).where(Account.active.is_(True), Account.role.in_([str(r) for r in ASSIGNABLE]))
        )
        choices = [
            CadreChoice(
                aid,
                name,
                username,
                Role(role),
                streets.get(street_id) if street_id else None,
                loads.get(aid, 0),
                *pinyin_keys(name),
            )
            for aid, name, username, role, street_id in rows
        ]
    return sorted(choices, key=lambda c: (c.full_pinyin, c.display_name, c.username))


def match_cadres(choices: list[CadreChoice], text: str) -> list[CadreChoice]:
    """The choices whose name contains `text`, or whose username, pinyin initials or full
    pinyin starts with it (case and spaces ignored); all of them for an empty text."""
    key = "".join(text.split()).lower()
    if not key:
        return list(choices)
    return [
        c
        for c in choices
        if key in c.display_name
        or c.username.lower().startswith(key)
        or c.initials.startswith(key)
        or c.full_pinyin.startswith(key)
    ]
