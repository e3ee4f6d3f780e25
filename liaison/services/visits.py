"""Log a visit (走访) with the demands the enterprise raised during it; delete one logged by
mistake (soft: `visit.deleted_at`) and restore it.

Who may delete a visit: the cadre who logged it, within `DELETE_WINDOW_DAYS` days of logging it
(a mistake is noticed at once; older records are the district's and go through the street or the
hub); street staff the visits to their street's enterprises; supervisors and admins any visit.
Only supervisors and admins restore one. A visit whose demands are past 待交办 (routed, in
progress, done, merged) is never deleted: the demand would lose the visit it came from while
departments work on it. Its demands still 待交办 are withdrawn (撤回, the reason as the text) in
the same unit of work, so nothing is left to route; restoring the visit does not bring them back
(a withdrawn demand is final: raise it again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import (
    Account,
    Category,
    Demand,
    Enterprise,
    Visit,
    VisitParticipant,
)
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound, PermissionDenied, ValidationError
from liaison.domain.permissions import VISIT_RESTORERS, VISIT_ROLES
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.vocab import DEMAND_KINDS, URGENCIES, VISIT_MODES
from liaison.services.context import Actor, looks_after, stamp_change, stamp_new
from liaison.services.demand_log import record


@dataclass(frozen=True)
class ParticipantInput:
    name: str
    side: str = "government"  # government | enterprise
    title: str = ""
    account_id: str | None = None


@dataclass(frozen=True)
class DemandInput:
    category_id: str
    title: str
    content: str = ""
    kind: str = "demand"
    urgency: str = "normal"


@dataclass(frozen=True)
class VisitInput:
    enterprise_id: str
    visit_date: date
    mode: str
    summary: str
    participants: tuple[ParticipantInput, ...] = ()
    follow_up_on: date | None = None
    demands: tuple[DemandInput, ...] = ()


@dataclass(frozen=True)
class LoggedVisit:
    visit_id: str
    demand_ids: tuple[str, ...]


def check_enterprise_access(session: Session, actor: Actor, enterprise: Enterprise) -> None:
    """Cadres act for the enterprises they look after, street staff for their street's."""
    if actor.role is Role.CADRE:
        if not looks_after(session, actor.account_id, enterprise.id):
            raise PermissionDenied(Text("您未包联“{0}”，请联系督办安排包联", enterprise.name))
    elif actor.role is Role.STREET_STAFF and enterprise.street_id != actor.street_id:
        raise PermissionDenied(Text("“{0}”不在本街镇", enterprise.name))


def _validate(session: Session, data: VisitInput) -> Enterprise:
    enterprise = session.get(Enterprise, data.enterprise_id)
    if enterprise is None or enterprise.deleted_at is not None:
        raise ValidationError("请选择走访的企业", field="enterprise_id")
    if data.visit_date > clock.today():
        raise ValidationError("走访日期不能晚于今天", field="visit_date")
    if data.mode not in VISIT_MODES:
        raise ValidationError("请选择走访方式", field="mode")
    if not data.summary.strip():
        raise ValidationError("请填写走访情况", field="summary")
    if data.follow_up_on and data.follow_up_on < data.visit_date:
        raise ValidationError("回访日期不能早于走访日期", field="follow_up_on")
    for p in data.participants:
        if not p.name.strip():
            raise ValidationError("参加人员姓名不能为空", field="participants")
        if p.side not in ("government", "enterprise"):
            raise ValidationError("参加人员须为干部或企业方", field="participants")
        if p.account_id and session.get(Account, p.account_id) is None:
            raise ValidationError(Text("参加人员“{0}”的账号不存在", p.name), field="participants")
    for i, dm in enumerate(data.demands, 1):
        where = Text("第 {0} 条诉求", i)
        if not dm.title.strip():
            raise ValidationError(Text("{0}：请填写诉求内容", where), field="demands", row=i)
        if dm.kind not in DEMAND_KINDS:
            raise ValidationError(Text("{0}：类型无效", where), field="demands", row=i)
        if dm.urgency not in URGENCIES:
            raise ValidationError(Text("{0}：紧急程度无效", where), field="demands", row=i)
        cat = session.get(Category, dm.category_id)
        if cat is None or not cat.active:
            raise ValidationError(Text("{0}：请选择诉求类别", where), field="demands", row=i)
    return enterprise


def log_visit(db: Database, actor: Actor, data: VisitInput) -> LoggedVisit:
    """Save the visit, its participants and its demands (each 提出, state 待交办) at once."""
    actor.require(*VISIT_ROLES)
    with db.session() as s:
        enterprise = _validate(s, data)
        check_enterprise_access(s, actor, enterprise)
        visit = Visit(
            enterprise_id=enterprise.id,
            visit_date=data.visit_date,
            mode=data.mode,
            summary=data.summary.strip(),
            follow_up_on=data.follow_up_on,
        )
        stamp_new(visit, actor)
        s.add(visit)
        s.flush()
        participants = data.participants or (
            ParticipantInput(actor.display_name, "government", account_id=actor.account_id),
        )
        s.add_all(
            VisitParticipant(
                visit_id=visit.id,
                account_id=p.account_id,
                name=p.name.strip(),
                side=p.side,
                title=p.title.strip(),
            )
            for p in participants
        )
        demand_ids = tuple(
            _raise_demand(s, actor, enterprise.id, visit.id, data.visit_date, dm)
            for dm in data.demands
        )
        return LoggedVisit(visit.id, demand_ids)


def _raise_demand(
    session: Session,
    actor: Actor,
    enterprise_id: str,
    visit_id: str | None,
    raised_on: date,
    dm: DemandInput,
) -> str:
    demand = Demand(
        enterprise_id=enterprise_id,
        visit_id=visit_id,
        kind=dm.kind,
        category_id=dm.category_id,
        title=dm.title.strip(),
        content=dm.content.strip(),
        urgency=dm.urgency,
        raised_on=raised_on,
        state="",
    )
    stamp_new(demand, actor)
    session.add(demand)
    session.flush()
    record(
        session,
        demand,
        actor,
        wf.Event(
            kind=wf.EventKind.CREATE,
            at=clock.now(),
            role=actor.role,
            actor_id=actor.account_id,
            text=demand.title,
        ),
    )
    return demand.id


def raise_demand(db: Database, actor: Actor, enterprise_id: str, dm: DemandInput) -> str:
    """A demand raised outside a visit (a phone call, a letter), dated today."""
    actor.require(*VISIT_ROLES)
    with db.session() as s:
        enterprise = s.get(Enterprise, enterprise_id)
        if enterprise is None or enterprise.deleted_at is not None:
            raise NotFound("企业不存在或已删除")
        _validate(s, VisitInput(enterprise_id, clock.today(), "phone", "-", demands=(dm,)))
        check_enterprise_access(s, actor, enterprise)
        return _raise_demand(s, actor, enterprise_id, None, clock.today(), dm)


DELETE_WINDOW_DAYS = 7
"""How long after logging a visit its cadre may delete it on their own."""


_DELETABLE_DEMAND_STATES = frozenset({str(wf.State.NEW), str(wf.State.WITHDRAWN)})


@dataclass(frozen=True)
class VisitDeletion:
    """What deleting a visit does: the demands still 待交办 that are withdrawn with it."""

    visit_id: str
    withdrawn_demand_ids: tuple[str, ...]


def _visit(session: Session, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("走访记录不存在")
    return visit


def _check_may_delete(session: Session, actor: Actor, visit: Visit) -> None:
    actor.require(*VISIT_ROLES)
    if actor.role is Role.CADRE:
        if visit.created_by != actor.account_id:
            raise PermissionDenied("只能删除本人登记的走访，请联系街镇专员或督办")
        if clock.now() - visit.created_at > timedelta(days=DELETE_WINDOW_DAYS):
            raise PermissionDenied(
                Text("走访登记已超过 {0} 天，请联系街镇专员或督办删除", DELETE_WINDOW_DAYS)
            )
    elif actor.role is Role.STREET_STAFF:
        street = session.scalar(
            select(Enterprise.street_id).where(Enterprise.id == visit.enterprise_id)
        )
        if street != actor.street_id:
            raise PermissionDenied("只能删除本街镇企业的走访")


def _deletion_plan(session: Session, actor: Actor, visit: Visit) -> list[Demand]:
    """The demands to withdraw with the visit; raises when it may not be deleted."""
    if visit.deleted_at is not None:
        raise ValidationError("这次走访已删除")
    _check_may_delete(session, actor, visit)
    raised = list(
        session.scalars(
            select(Demand).where(Demand.visit_id == visit.id).order_by(Demand.created_at, Demand.id)
        )
    )
    busy = [d for d in raised if d.state not in _DELETABLE_DEMAND_STATES]
    if busy:
        first = busy[0]
        state = wf.STATE_LABELS[wf.State(first.state)]
        more = Text("等 {0} 条诉求", len(busy)) if len(busy) > 1 else ""
        raise ValidationError(
            Text(
                "这次走访提出的诉求“{0}”{1}已进入办理（{2}），删除走访会使诉求失去来源，不能删除；如诉求确属误登，请先撤回诉求",
                first.title,
                more,
                state,
            ),
            field="demands",
        )
    return [d for d in raised if d.state == str(wf.State.NEW)]


def check_visit_deletion(db: Database, actor: Actor, visit_id: str) -> VisitDeletion:
    """What `delete_visit` would do, or the refusal it would raise (writes nothing)."""
    with db.read() as s:
        plan = _deletion_plan(s, actor, _visit(s, visit_id))
        return VisitDeletion(visit_id, tuple(d.id for d in plan))


def delete_visit(db: Database, actor: Actor, visit_id: str, reason: str) -> VisitDeletion:
    """Delete a visit logged by mistake (soft) and withdraw its demands still 待交办."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写删除原因", field="reason")
    with db.session() as s:
        visit = _visit(s, visit_id)
        plan = _deletion_plan(s, actor, visit)
        for demand in plan:
            record(
                s,
                demand,
                actor,
                wf.Event(
                    kind=wf.EventKind.WITHDRAW,
                    at=clock.now(),
                    role=actor.role,
                    actor_id=actor.account_id,
                    text=f"走访记录已删除：{reason}",
                ),
            )
        visit.deleted_at = clock.now()
        visit.deleted_reason = reason
        stamp_change(visit, actor)
        return VisitDeletion(visit.id, tuple(d.id for d in plan))


def restore_visit(db: Database, actor: Actor, visit_id: str) -> None:
    """Bring back a deleted visit (supervisors and admins). Demands withdrawn when it was
    deleted stay withdrawn."""
    actor.require(*VISIT_RESTORERS)
    with db.session() as s:
        visit = _visit(s, visit_id)
        if visit.deleted_at is None:
            raise ValidationError("这次走访未被删除")
        enterprise = s.get(Enterprise, visit.enterprise_id)
        if enterprise is None or enterprise.deleted_at is not None:
            raise ValidationError("走访的企业已删除，请先恢复企业")
        visit.deleted_at = None
        stamp_change(visit, actor)
