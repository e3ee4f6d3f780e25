"""What the enterprise screen shows besides the list: an enterprise's visits and demands,
the streets to filter by, and who may do what there. Plain dataclasses; no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from liaison.data.db import Database
from liaison.data.models import (
    Category,
    Demand,
    Department,
    Enterprise,
    Visit,
    VisitParticipant,
)
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import PermissionDenied
from liaison.domain.permissions import VISIT_ROLES
from liaison.domain.vocab import DEMAND_KINDS, VISIT_MODES
from liaison.services import visits as visit_service
from liaison.services.context import Actor
from liaison.services.enterprise_list import SORT_KEYS, sorted_as_listed


def quarter_start(day: date) -> date:
    """First day of the calendar quarter `day` falls in (本季度 starts here)."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@dataclass(frozen=True)
class VisitEntry:
    id: str
    visit_date: date
    mode: str
    mode_label: str
    summary: str
    cadres: tuple[str, ...]
    """Government-side participants."""
    guests: tuple[str, ...]
    """Enterprise-side participants."""
    demand_count: int
    follow_up_on: date | None


@dataclass(frozen=True)
class DemandEntry:
    id: str
    title: str
    kind_label: str
    category: str
    state: wf.State
    lead_department: str | None
    raised_on: date
    deadline: date | None
    overdue: bool

    @property
    def is_open(self) -> bool:
        return self.state in wf.OPEN_STATES


@dataclass(frozen=True)
class EnterpriseHistory:
    visits: tuple[VisitEntry, ...]
    """Newest first."""
    demands: tuple[DemandEntry, ...]
    """Open ones first, then newest first."""


def enterprise_history(
    db: Database, enterprise_id: str, *, today: date | None = None
) -> EnterpriseHistory:
    """The visit timeline and the demands of one enterprise (deleted visits left out)."""
    day = today or clock.today()
    with db.read() as s:
        visits = list(
            s.scalars(
                select(Visit)
                .where(Visit.enterprise_id == enterprise_id, Visit.deleted_at.is_(None))
                .order_by(Visit.visit_date.desc(), Visit.id.desc())
            )
        )
        visit_ids = [v.id for v in visits]
        people: dict[str, dict[str, list[str]]] = {}
        demand_counts: dict[str, int] = {}
        if visit_ids:
            for vid, name, side in s.execute(
                select(VisitParticipant.visit_id, VisitParticipant.name, VisitParticipant.side)
                .where(VisitParticipant.visit_id.in_(visit_ids))
                .order_by(VisitParticipant.visit_id, VisitParticipant.id)
            ):
                people.setdefault(vid, {}).setdefault(side, []).append(name)
            for demand_visit, count in s.execute(
                select(Demand.visit_id, func.count())
                .where(Demand.visit_id.in_(visit_ids))
                .group_by(Demand.visit_id)
            ):
                if demand_visit is not None:
                    demand_counts[demand_visit] = count
        visit_entries = tuple(
            VisitEntry(
                v.id,
                v.visit_date,
                v.mode,
                VISIT_MODES.get(v.mode, v.mode),
                v.summary,
                tuple(people.get(v.id, {}).get("government", [])),
                tuple(people.get(v.id, {}).get("enterprise", [])),
                demand_counts.get(v.id, 0),
                v.follow_up_on,
            )
            for v in visits
        )
        demands = [
            DemandEntry(
                d.id,
                d.title,
                DEMAND_KINDS.get(d.kind, d.kind),
                category,
                wf.State(d.state),
                lead,
                d.raised_on,
                d.deadline,
                d.state in wf.OPEN_STATES and d.deadline is not None and d.deadline < day,
            )
            for d, category, lead in s.execute(
                select(Demand, Category.name, Department.name)
                .join(Category, Category.id == Demand.category_id)
                .outerjoin(Department, Department.id == Demand.lead_department_id)
                .where(Demand.enterprise_id == enterprise_id)
                .order_by(Demand.raised_on.desc(), Demand.id.desc())
            )
        ]
        demands.sort(key=lambda d: not d.is_open)  # stable: open first, each newest first
        return EnterpriseHistory(visit_entries, tuple(demands))


def visit_refusal(db: Database, actor: Actor, enterprise_id: str) -> str | None:
    """Why `actor` could not log a visit to this enterprise now, or None if they can.

    Asks the same check `log_visit` makes, so the 登记走访 button and the save agree.
    """
    if actor.role not in VISIT_ROLES:
        return "您的角色不能登记走访"
    with db.read() as s:
        enterprise = s.get(Enterprise, enterprise_id)
        if enterprise is None or enterprise.deleted_at is not None:
            return "企业不存在或已删除"
        try:
            visit_service.check_enterprise_access(s, actor, enterprise)
        except PermissionDenied as exc:
            message: str = exc.args[0]  # the message itself: a Text keeps its key for the UI
            return message
    return None


def order_ids(db: Database, ids: list[str], sort: str, descending: bool = False) -> list[str]:
    """`ids` (a search result: at most `SEARCH_LIMIT` of them) sorted in SQL the way
    `enterprise_ids` sorts the unsearched list."""
    if not ids:
        return []
    with db.read() as s:
        stmt = select(Enterprise.id).where(Enterprise.id.in_(ids))
        key = sort if sort in SORT_KEYS else "name"
        return list(s.scalars(sorted_as_listed(s, stmt, key, descending)))
