"""The demo's accounts: one admin, supervisors, department handlers, street staff, cadres.

Every demo account has the password DEMO_PASSWORD, hashed ONCE (scrypt takes ~50 ms; 3,000
separate hashes would take minutes). The accounts share one salt as a consequence, which is
acceptable for demo data only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from liaison.demo.clockwork import Clockwork, ts
from liaison.demo.names import mobile, person_name
from liaison.demo.plan import Plan
from liaison.demo.reference import Reference
from liaison.domain import credentials
from liaison.domain.errors import DomainError
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.services.accounts import hash_password
from liaison.services.context import Actor

DEMO_PASSWORD = "liaison123"

STAFFED_STREET_ORDER = (0, 4, 5, 1, 2, 9, 3, 6, 8, 7, 10, 11)
"""Street indexes (streets.json order) that get street staff first: 观音桥, 石马河, 大石坝..."""

ACCOUNT_COLUMNS = (
    "id",
    "username",
    "display_name",
    "role",
    "department_id",
    "street_id",
    "phone",
    "password_hash",
    "password_seal",
    "active",
    "must_change_password",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)


@dataclass
class Staff:
    """Who acts in the demo, as `Actor`s (what `demand_log.record` is given)."""

    admin: Actor
    supervisors: list[Actor] = field(default_factory=list)
    handlers: dict[str, list[Actor]] = field(default_factory=dict)
    street_staff: dict[str, list[Actor]] = field(default_factory=dict)
    """By street id."""
    cadres: list[Actor] = field(default_factory=list)
    rows: list[tuple[object, ...]] = field(default_factory=list)
    """Rows of new accounts to insert (existing ones with the same username are reused)."""


def lead_units(ref: Reference) -> list[str]:
    seen: dict[str, None] = {}
    for cat in ref.categories.values():
        for d in cat.leads:
            seen.setdefault(d)
    return list(seen)


ExistingAccounts = dict[str, tuple[str, str, Role, str | None, str | None]]


def existing_accounts(conn: sqlite3.Connection) -> ExistingAccounts:
    """username → (id, display name, role, department, street) of accounts already there."""
    return {
        u: (i, n, Role(r), d, s)
        for i, u, n, r, d, s in conn.execute(
            "SELECT id, username, display_name, role, department_id, street_id FROM account"
        )
    }


def make_staff(
    existing: ExistingAccounts, ref: Reference, plan: Plan, cw: Clockwork, created: datetime
) -> Staff:
    """Plan the accounts. Accounts that already exist (e.g. the first admin) are reused when
    their role matches; a clash of username and role is an error."""
    rng = cw.rng
    password_hash = hash_password(DEMO_PASSWORD)
    device = ref.device_id
    t = created
    admin_id: str | None = None

    def add(username: str, role: Role, dept: str | None, street: str | None) -> Actor:
        nonlocal t, admin_id
        name = "系统管理员" if role is Role.ADMIN else person_name(rng)
        if username in existing:
            aid, old_name, old_role, old_dept, old_street = existing[username]
            if old_role is not role:
                raise DomainError(
                    Text(
                        "已有账号“{0}”的角色与演示数据冲突，请换一个空数据库生成演示数据", username
                    )
                )
            return Actor(aid, old_name, role, device, old_dept, old_street)
        t += timedelta(seconds=5 + int(rng.random() * 20))
        aid = cw.id_at(t)
        by = admin_id
        staff_rows.append(
            (
                aid,
                username,
                name,
                str(role),
                dept,
                street,
                mobile(rng),
                password_hash,
                credentials.seal(aid, password_hash),
                1,
                1,  # the shared demo password: each person chooses their own at first sign-in
                ts(t),
                by,
                device if by else None,
                ts(t),
                by,
                device if by else None,
            )
        )
        return Actor(aid, name, role, device, dept, street)

    staff_rows: list[tuple[object, ...]] = []
    admin = add("admin", Role.ADMIN, None, None)
    admin_id = admin.account_id
    staff = Staff(admin=admin)
    hub = ref.hub.id
    for i in range(1, plan.supervisors + 1):
        staff.supervisors.append(add(f"sup{i:02d}", Role.SUPERVISOR, hub, None))
    leads = set(lead_units(ref))
    for dept in ref.departments:
        n = plan.handlers_per_lead_unit if dept.id in leads else plan.handlers_per_other_unit
        staff.handlers[dept.id] = [
            add(f"h_{dept.code}_{k}", Role.HANDLER, dept.id, None) for k in range(1, n + 1)
        ]
    street_codes = ref.street_codes
    order = [i for i in STAFFED_STREET_ORDER if i < len(ref.streets)]
    order += [i for i in range(len(ref.streets)) if i not in order]
    for idx in order[: plan.streets_with_staff]:
        sid = ref.streets[idx][0]
        staff.street_staff[sid] = [
            add(f"st_{street_codes[sid]}_{k}", Role.STREET_STAFF, None, sid)
            for k in range(1, plan.street_staff_per_street + 1)
        ]
    made = 1 + len(staff.supervisors) + sum(len(v) for v in staff.handlers.values())
    made += sum(len(v) for v in staff.street_staff.values())
    home_units = [d.id for d in ref.departments if not d.is_hub]
    n_cadres = max(plan.accounts - made, 1)
    for k in range(1, n_cadres + 1):
        home = home_units[int(rng.random() * len(home_units))]
        staff.cadres.append(add(f"c{k:04d}", Role.CADRE, home, None))
    staff.rows = staff_rows
    return staff
