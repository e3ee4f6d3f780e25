"""Who is acting: the signed-in account, its role and unit, on this device."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Date, and_, func, literal, select
from sqlalchemy.orm import Session

from liaison.data.db import Database, raw_connection
from liaison.data.models import Account, Assignment, Department, Device, Street
from liaison.domain import clock
from liaison.domain.errors import NotFound, PermissionDenied
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.domain.text import Text
from liaison.sync.log import district


@dataclass(frozen=True)
class Actor:
    account_id: str
    display_name: str
    role: Role
    device_id: str
    department_id: str | None = None
    street_id: str | None = None

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = tuple(ROLE_LABELS[r] for r in roles)
            raise PermissionDenied(Text("只有{0}可以执行此操作", allowed))

    @property
    def is_hub(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


def unit_name(db: Database, actor: Actor) -> str:
    """The unit the actor works for, as people name it: a handler's department, a street
    staff member's street ('' for the district office's roles)."""
    with db.read() as s:
        if actor.role is Role.HANDLER and actor.department_id:
            return (
                s.scalar(select(Department.name).where(Department.id == actor.department_id)) or ""
            )
        if actor.role is Role.STREET_STAFF and actor.street_id:
            return s.scalar(select(Street.name).where(Street.id == actor.street_id)) or ""
    return ""


def local_device_id(session: Session) -> str:
    device_id = session.scalar(select(Device.id).where(Device.is_local.is_(True)))
    if device_id is None:
        raise NotFound("数据库尚未初始化，请先运行 liaison init")
    return device_id


def require_hub_device(session: Session) -> None:
    """Accounts, departments, categories and routing rules, holidays and devices change only
    on a hub device: every other replica sets such changes from a field device aside."""
    if district.local_kind(raw_connection(session)) != "hub":
        raise PermissionDenied(
            "这项设置只能在区联络办的电脑（区县服务器）上修改：外勤电脑上的修改其他设备不会接受"
        )


def actor_for(session: Session, account_id: str) -> Actor:
    account = session.get(Account, account_id)
    if account is None or not account.active:
        raise NotFound("账号不存在或已停用")
    return Actor(
        account_id=account.id,
        display_name=account.display_name,
        role=Role(account.role),
        device_id=local_device_id(session),
        department_id=account.department_id,
        street_id=account.street_id,
    )


def audit_values(actor: Actor, now: datetime, *, new: bool = True) -> dict[str, object]:
    """The audit columns of a record the actor creates (or, with new=False, changes)."""
    values: dict[str, object] = {
        "updated_at": now,
        "updated_by": actor.account_id,
        "updated_device": actor.device_id,
    }
    if new:
        values |= {
            "created_at": now,
            "created_by": actor.account_id,
            "created_device": actor.device_id,
        }
    return values


def stamp_new(record: object, actor: Actor) -> None:
    """Fill the audit columns of a record the actor creates."""
    for attr, value in audit_values(actor, clock.now()).items():
        setattr(record, attr, value)


def stamp_change(record: object, actor: Actor) -> None:
    for attr, value in audit_values(actor, clock.now(), new=False).items():
        setattr(record, attr, value)


def assignment_current(day: date | None = None) -> ColumnElement[bool]:
    """Whether an `Assignment` is current on `day` (default today): started on or before it and
    not ended before it (`end_on` is the last day the cadre looks after the enterprise, as in the
    metrics). The one definition of "looks after"; raw SQL uses `ASSIGNMENT_CURRENT_SQL`."""
    on = day or clock.today()
    # coalesce, not "end_on IS NULL OR ...": an OR makes SQLite pick a slow index (metrics.py)
    return and_(
        Assignment.start_on <= on, func.coalesce(Assignment.end_on, literal(on, Date)) >= on
    )


def assignment_open() -> ColumnElement[bool]:
    """Whether an `Assignment` has not been ended: current, or starting later. What a new 包联
    must not duplicate, what deleting an enterprise ends and what counts in a cadre's load —
    unlike `assignment_current`, which asks about one day."""
    return Assignment.end_on.is_(None)


ASSIGNMENT_CURRENT_SQL = "{a}.start_on <= :today AND coalesce({a}.end_on, :today) >= :today"
"""`assignment_current` as SQL text: format `a` with the assignment's alias and bind `today`
(an ISO date, `clock.today().isoformat()`)."""


def looks_after(
    session: Session, account_id: str, enterprise_id: str, day: date | None = None
) -> bool:
    """Whether the account is 包联 for the enterprise on `day` (default today)."""
    return (
        session.scalar(
            select(Assignment.id)
            .where(
                Assignment.enterprise_id == enterprise_id,
                Assignment.account_id == account_id,
                assignment_current(day),
            )
            .limit(1)
        )
        is not None
    )
