"""Register, edit, find and look at enterprises; assign cadres to them (包联)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from liaison.data import search as search_index
from liaison.data.db import Database, raw_connection
from liaison.data.models import (
    Account,
    Assignment,
    Contact,
    Enterprise,
    EnterpriseTag,
    Street,
)
from liaison.domain import clock
from liaison.domain.edits import Clash, three_way
from liaison.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from liaison.domain.ids import new_id
from liaison.domain.permissions import (
    ASSIGNABLE,
    ASSIGNERS,
    ENTERPRISE_DELETERS,
    ENTERPRISE_EDITORS,
)
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.uscc import validate_uscc
from liaison.domain.vocab import INDUSTRIES, SCALES, TAGS
from liaison.services.context import Actor, assignment_open, stamp_change, stamp_new


@dataclass(frozen=True)
class ContactInput:
    name: str
    title: str = ""
    phone: str = ""
    is_primary: bool = False


@dataclass(frozen=True)
class EnterpriseInput:
    """What a person types into the enterprise form."""

    name: str
    uscc: str
    street_id: str | None = None
    legal_rep: str = ""
    address: str = ""
    industry: str = ""
    scale: str = ""
    phone: str = ""
    established_on: date | None = None
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactInput, ...] = ()


@dataclass(frozen=True)
class ContactInfo:
    id: str
    name: str
    title: str
    phone: str
    is_primary: bool


@dataclass(frozen=True)
class AssignmentInfo:
    id: str
    account_id: str
    cadre: str
    is_lead: bool
    start_on: date
    end_on: date | None


@dataclass(frozen=True)
class EnterpriseDetail:
    id: str
    name: str
    uscc: str
    legal_rep: str
    street_id: str | None
    street: str | None
    address: str
    industry: str
    scale: str
    phone: str
    established_on: date | None
    tags: tuple[str, ...]
    contacts: tuple[ContactInfo, ...] = field(default=())
    assignments: tuple[AssignmentInfo, ...] = field(default=())

    def as_input(self) -> EnterpriseInput:
        """The form's values for this enterprise, to change some and save (`update_enterprise`)."""
        return EnterpriseInput(
            name=self.name,
            uscc=self.uscc,
            street_id=self.street_id,
            legal_rep=self.legal_rep,
            address=self.address,
            industry=self.industry,
            scale=self.scale,
            phone=self.phone,
            established_on=self.established_on,
            tags=self.tags,
            contacts=tuple(
                ContactInput(c.name, c.title, c.phone, c.is_primary) for c in self.contacts
            ),
        )


def _clean(data: EnterpriseInput, session: Session, own_id: str | None) -> EnterpriseInput:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("请填写企业名称", field="name")
    uscc = validate_uscc(data.uscc)
    clash = session.scalar(select(Enterprise.id).where(Enterprise.uscc == uscc))
    if clash and clash != own_id:
        other = session.get(Enterprise, clash)
        assert other is not None
        raise ValidationError(
            Text("统一社会信用代码 {0} 已登记为“{1}”", uscc, other.name), field="uscc"
        )
    if data.street_id and session.get(Street, data.street_id) is None:
        raise ValidationError("所选街镇不存在", field="street_id")
    if data.industry and data.industry not in INDUSTRIES:
        raise ValidationError(Text("行业门类“{0}”无效", data.industry), field="industry")
    if data.scale and data.scale not in SCALES:
        raise ValidationError(Text("企业规模“{0}”无效", data.scale), field="scale")
    unknown = [t for t in data.tags if t not in TAGS]
    if unknown:
        raise ValidationError(Text("未知的企业标签：{0}", tuple(unknown)), field="tags")
    for c in data.contacts:
        if not c.name.strip():
            raise ValidationError("联系人姓名不能为空", field="contacts")
    return EnterpriseInput(
        name=name,
        uscc=uscc,
        street_id=data.street_id,
        legal_rep=data.legal_rep.strip(),
        address=data.address.strip(),
        industry=data.industry,
        scale=data.scale,
        phone=data.phone.strip(),
        established_on=data.established_on,
        tags=tuple(dict.fromkeys(data.tags)),
        contacts=data.contacts,
    )


def _write(session: Session, e: Enterprise, data: EnterpriseInput, actor: Actor) -> None:
    for attr in (
        "name",
        "uscc",
        "street_id",
        "legal_rep",
        "address",
        "industry",
        "scale",
        "phone",
        "established_on",
    ):
        setattr(e, attr, getattr(data, attr))
    session.flush()
    session.execute(delete(EnterpriseTag).where(EnterpriseTag.enterprise_id == e.id))
    session.add_all(EnterpriseTag(enterprise_id=e.id, tag=t) for t in data.tags)
    # a contact saved unchanged keeps its id (an edit elsewhere in the form must not look,
    # to sync, like every contact was replaced)
    kept: dict[tuple[str, str, str, bool], str] = {}
    for old in session.scalars(select(Contact).where(Contact.enterprise_id == e.id)).all():
        kept[(old.name, old.title, old.phone, old.is_primary)] = old.id
        session.expunge(old)
    session.execute(delete(Contact).where(Contact.enterprise_id == e.id))
    for c in data.contacts:
        contact = Contact(
            id=kept.pop((c.name.strip(), c.title.strip(), c.phone.strip(), c.is_primary), None)
            or new_id(),
            enterprise_id=e.id,
            name=c.name.strip(),
            title=c.title.strip(),
            phone=c.phone.strip(),
            is_primary=c.is_primary,
        )
        stamp_new(contact, actor)
        session.add(contact)
    session.flush()
    search_index.index_enterprises(raw_connection(session), [(e.id, e.name, e.uscc)])


def register_enterprise(db: Database, actor: Actor, data: EnterpriseInput) -> str:
    """Add an enterprise; the code is validated and must not be registered yet."""
    actor.require(*ENTERPRISE_EDITORS)
    with db.session() as s:
        clean = _clean(data, s, None)
        e = Enterprise(name=clean.name, uscc=clean.uscc)
        stamp_new(e, actor)
        s.add(e)
        _write(s, e, clean, actor)
        return e.id


FIELD_LABELS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "street_id": "所属街镇",
    "legal_rep": "法定代表人",
    "address": "地址",
    "industry": "行业",
    "scale": "规模",
    "phone": "联系电话",
    "established_on": "成立日期",
    "tags": "标签",
    "contacts": "联系人",
}


class StaleEdit(DomainError):
    """Someone saved the enterprise since the form showed it, changing a field this save
    changes too, to another value: `clashes` says which, `theirs` is what is saved now. To
    settle it, save `mine_wins` or `theirs_wins` with `seen=theirs`: both keep the other's
    changes to fields this save left alone, and this save's other changes."""

    def __init__(
        self, clashes: list[Clash], theirs: EnterpriseInput, mine_wins: EnterpriseInput
    ) -> None:
        names = tuple(FIELD_LABELS[c.field] for c in clashes)
        super().__init__(
            Text("您编辑期间，他人已修改并保存了该企业的{0}：请选择保留哪一方的内容", names)
        )
        self.clashes = clashes
        self.theirs = theirs
        self.mine_wins = mine_wins
        self.theirs_wins = replace(
            mine_wins, **{c.field: getattr(theirs, c.field) for c in clashes}
        )


def _comparable(data: EnterpriseInput) -> dict[str, object]:
    """The form's fields, compared as a person reads them (tags and contacts in any order)."""
    values: dict[str, object] = {f.name: getattr(data, f.name) for f in fields(data)}
    values["tags"] = tuple(sorted(data.tags))
    values["contacts"] = tuple(sorted(data.contacts, key=repr))
    return values


def update_enterprise(
    db: Database,
    actor: Actor,
    enterprise_id: str,
    data: EnterpriseInput,
    *,
    seen: EnterpriseInput | None = None,
) -> None:
    """Save the form. With `seen` (the values the form showed), a field the person left as it
    was keeps what is saved now, so another's save meanwhile is never reverted; a field both
    changed to different values raises `StaleEdit` and nothing is saved."""
    actor.require(*ENTERPRISE_EDITORS)
    with db.session() as s:
        e = _live(s, enterprise_id)
        if seen is not None:
            data = _merged(seen, data, _detail(s, e).as_input())
        clean = _clean(data, s, e.id)
        stamp_change(e, actor)
        _write(s, e, clean, actor)


def delete_enterprise(db: Database, actor: Actor, enterprise_id: str) -> None:
    """Soft delete (the record stays for history and sync); admins and supervisors only."""
    actor.require(*ENTERPRISE_DELETERS)
    with db.session() as s:
        e = _live(s, enterprise_id)
        e.deleted_at = clock.now()
        stamp_change(e, actor)
        for a in s.scalars(
            select(Assignment).where(Assignment.enterprise_id == e.id, assignment_open())
        ):
            a.end_on = clock.today()  # nobody looks after a deleted enterprise
            stamp_change(a, actor)
        s.flush()
        search_index.unindex_enterprises(raw_connection(s), [e.id])


def restore_enterprise(db: Database, actor: Actor, enterprise_id: str) -> None:
    """Bring back a deleted enterprise (its 包联 assignments stay ended; assign anew)."""
    actor.require(*ENTERPRISE_DELETERS)
    with db.session() as s:
        e = s.get(Enterprise, enterprise_id)
        if e is None:
            raise NotFound("企业不存在")
        if e.deleted_at is None:
            return
        e.deleted_at = None
        stamp_change(e, actor)
        s.flush()
        search_index.index_enterprises(raw_connection(s), [(e.id, e.name, e.uscc)])


def _live(session: Session, enterprise_id: str) -> Enterprise:
    e = session.get(Enterprise, enterprise_id)
    if e is None or e.deleted_at is not None:
        raise NotFound("企业不存在或已删除")
    return e


def _merged(
    seen: EnterpriseInput, mine: EnterpriseInput, theirs: EnterpriseInput
) -> EnterpriseInput:
    source, clashes = three_way(_comparable(seen), _comparable(mine), _comparable(theirs))
    merged = replace(
        mine, **{name: getattr(theirs, name) for name, side in source.items() if side == "theirs"}
    )
    if clashes:
        raise StaleEdit(clashes, theirs, merged)
    return merged


def get_enterprise(db: Database, enterprise_id: str) -> EnterpriseDetail:
    with db.read() as s:
        return _detail(s, _live(s, enterprise_id))


def _detail(s: Session, e: Enterprise) -> EnterpriseDetail:
    street = s.get(Street, e.street_id) if e.street_id else None
    tags = tuple(s.scalars(select(EnterpriseTag.tag).where(EnterpriseTag.enterprise_id == e.id)))
    contacts = tuple(
        ContactInfo(c.id, c.name, c.title, c.phone, c.is_primary)
        for c in s.scalars(
            select(Contact)
            .where(Contact.enterprise_id == e.id)
            .order_by(Contact.is_primary.desc(), Contact.name)
        )
    )
    assignments = tuple(
        AssignmentInfo(a.id, a.account_id, name, a.is_lead, a.start_on, a.end_on)
        for a, name in s.execute(
            select(Assignment, Account.display_name)
            .join(Account, Account.id == Assignment.account_id)
            .where(Assignment.enterprise_id == e.id)
            .order_by(Assignment.is_lead.desc(), Assignment.start_on)
        )
    )
    return EnterpriseDetail(
        e.id,
        e.name,
        e.uscc,
        e.legal_rep,
        e.street_id,
        street.name if street else None,
        e.address,
        e.industry,
        e.scale,
        e.phone,
        e.established_on,
        tags,
        contacts,
        assignments,
    )


def search_enterprises(db: Database, text: str, limit: int = 200) -> search_index.SearchResult:
    """Name substring, pinyin initials or full pinyin, or code prefix (see liaison.data.search)."""
    with db.read() as s:
        result = search_index.search(raw_connection(s), text, limit)
        if result is None:
            ids = list(
                s.scalars(
                    select(Enterprise.id)
                    .where(Enterprise.deleted_at.is_(None))
                    .order_by(Enterprise.name)
                    .limit(limit)
                )
            )
            return search_index.SearchResult(ids, len(ids))
        return result


def _check_street(actor: Actor, enterprise: Enterprise) -> None:
    if actor.role is Role.STREET_STAFF and enterprise.street_id != actor.street_id:
        raise PermissionDenied("只能为本街镇的企业安排包联干部")


def assign_cadre(
    db: Database,
    actor: Actor,
    enterprise_id: str,
    account_id: str,
    *,
    is_lead: bool = True,
    start_on: date | None = None,
) -> str:
    """包联: put a cadre in charge of an enterprise (supervisors, admins and street staff)."""
    actor.require(*ASSIGNERS)
    with db.session() as s:
        e = _live(s, enterprise_id)
        _check_street(actor, e)
        account = s.get(Account, account_id)
        if account is None or not account.active:
            raise ValidationError("账号不存在或已停用", field="account_id")
        if account.role not in ASSIGNABLE:
            raise ValidationError(
                Text("“{0}”不是联络干部或街镇专员", account.display_name), field="account_id"
            )
        current = s.scalar(
            select(Assignment.id).where(
                Assignment.enterprise_id == e.id,
                Assignment.account_id == account.id,
                assignment_open(),
            )
        )
        if current:
            raise ValidationError(
                Text("“{0}”已在包联“{1}”", account.display_name, e.name), field="account_id"
            )
        a = Assignment(
            enterprise_id=e.id,
            account_id=account.id,
            is_lead=is_lead,
            start_on=start_on or clock.today(),
        )
        stamp_new(a, actor)
        s.add(a)
        s.flush()
        return a.id


def end_assignment(
    db: Database, actor: Actor, assignment_id: str, end_on: date | None = None
) -> None:
    """The cadre no longer looks after the enterprise from `end_on` (default today; not later
    than today, not before the assignment started). The record stays for the history."""
    actor.require(*ASSIGNERS)
    with db.session() as s:
        a = s.get(Assignment, assignment_id)
        if a is None or a.end_on is not None:
            raise NotFound("包联关系不存在或已结束")
        enterprise = s.get(Enterprise, a.enterprise_id)
        assert enterprise is not None
        _check_street(actor, enterprise)
        end = end_on or clock.today()
        if end < a.start_on:
            raise ValidationError(
                Text("结束日期不能早于开始日期（{0}）", a.start_on.isoformat()), field="end_on"
            )
        if end > clock.today():
            raise ValidationError("结束日期不能晚于今天", field="end_on")
        a.end_on = end
        stamp_change(a, actor)
