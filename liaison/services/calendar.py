"""The working-day calendar with the admin's holiday overrides from the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import Holiday
from liaison.domain.roles import Role
from liaison.domain.workdays import DayOverride, WorkCalendar
from liaison.services.context import Actor, require_hub_device
from liaison.sync.log import oplog


def calendar_for(session: Session) -> WorkCalendar:
    return WorkCalendar(
        DayOverride(h.day, h.is_workday, h.name) for h in session.scalars(select(Holiday))
    )


def set_holiday(db: Database, actor: Actor, day: date, *, is_workday: bool, name: str) -> None:
    """Admins enter the official calendar for years the built-in one does not know yet."""
    actor.require(Role.ADMIN)
    with db.session() as s:
        require_hub_device(s)
        s.merge(
            Holiday(
                day=day,
                is_workday=is_workday,
                name=name.strip(),
                updated_by=actor.account_id,
                updated_device=actor.device_id,
            )
        )


def clear_holiday(db: Database, actor: Actor, day: date) -> None:
    actor.require(Role.ADMIN)
    with db.session() as s:
        require_hub_device(s)
        oplog.acting(s, actor.account_id)  # the record is gone: the op names who removed it
        row = s.get(Holiday, day)
        if row is not None:
            s.delete(row)
