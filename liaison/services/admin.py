"""Administration: departments, categories and their routing rules, holidays, accounts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from liaison.data.db import Database
from liaison.data.models import Account, Category, CategoryUnit, Department, Holiday, PolicyMeasure
from liaison.domain.edits import three_way
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.ids import new_id
from liaison.domain.passwords import password_problem
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.services.accounts import set_password
from liaison.services.context import Actor, require_hub_device, stamp_change, stamp_new


@dataclass(frozen=True)
class DepartmentInfo:
    id: str
    code: str
    name: str
    full_name: str
    kind: str
    active: bool


def list_departments(db: Database, *, include_inactive: bool = False) -> list[DepartmentInfo]:
    """Units for pickers, timelines and the admin list."""
    with db.read() as s:
        # policy order (ids are time-ordered, seeded in the policy's order), the hub last
        stmt = select(Department).order_by(Department.kind != "department", Department.id)
        if not include_inactive:
            stmt = stmt.where(Department.active.is_(True))
        return [
            DepartmentInfo(d.id, d.code, d.name, d.full_name, d.kind, d.active)
            for d in s.scalars(stmt)
        ]


def save_department(
    db: Database,
    actor: Actor,
    *,
    name: str,
    full_name: str = "",
    code: str = "",
    department_id: str | None = None,
    active: bool = True,
    seen: DepartmentInfo | None = None,
) -> str:
    """Add a department, or rename / (de)activate one. Deactivated units get no new routing.

    `seen` is what the form showed: a field someone else changed since, and this form left
    alone, keeps their value; both changed it differently, nothing is saved (ValidationError
    naming the fields)."""
    actor.require(Role.ADMIN)
    name = name.strip()
    if not name:
        raise ValidationError("请填写部门简称", field="name")
    mine = _DepartmentForm(name, full_name.strip() or name, active)
    with db.session() as s:
        require_hub_device(s)
        if department_id:
            dept = s.get(Department, department_id)
            if dept is None:
                raise NotFound("部门不存在")
            if seen is not None:
                before = _DepartmentForm(seen.name, seen.full_name, seen.active)
                now = _DepartmentForm(dept.name, dept.full_name, dept.active)
                mine = merge_unseen(before, mine, now, DEPARTMENT_FIELDS, "部门")
            stamp_change(dept, actor)
        else:
            dept = Department(code=code.strip() or "dept_" + new_id().replace("-", "")[-12:])
            stamp_new(dept, actor)
            s.add(dept)
        clash = s.scalar(select(Department.id).where(Department.name == mine.name))
        if clash and clash != dept.id:
            raise ValidationError(Text("部门“{0}”已存在", mine.name), field="name")
        dept.name, dept.full_name, dept.active = mine.name, mine.full_name, mine.active
        s.flush()
        return dept.id


DEPARTMENT_FIELDS = {"name": "简称", "full_name": "全称", "active": "启用状态"}
CATEGORY_FIELDS = {
    "lead_ids": "牵头单位",
    "responsible_ids": "责任单位",
    "reply_days": "签收时限",
    "resolve_days": "办结时限",
    "max_days": "最长办理",
    "extension_notice_days": "延期提前天数",
    "return_days": "可退回期限",
    "measure_no": "政策条款",
    "active": "启用状态",
}


@dataclass(frozen=True)
class _DepartmentForm:
    name: str
    full_name: str
    active: bool


@dataclass(frozen=True)
class _RuleForm:
    lead_ids: tuple[str, ...]
    responsible_ids: tuple[str, ...]
    reply_days: int
    resolve_days: int
    max_days: int
    extension_notice_days: int
    return_days: int
    measure_no: int | None
    active: bool

    @classmethod
    def of(cls, rule: CategoryRule) -> _RuleForm:
        return cls(**{f.name: getattr(rule, f.name) for f in fields(cls)})


def merge_unseen[F: (_DepartmentForm, _RuleForm)](
    seen: F, mine: F, theirs: F, labels: Mapping[str, str], what: str
) -> F:
    """The values to save from a form opened on `seen` over a record now at `theirs`
    (liaison.domain.edits.three_way): what the person changed, and what someone else changed
    meanwhile elsewhere. Both changed one field differently: ValidationError, nothing saved."""
    names = [f.name for f in fields(mine)]
    source, clashes = three_way(
        {n: getattr(seen, n) for n in names},
        {n: getattr(mine, n) for n in names},
        {n: getattr(theirs, n) for n in names},
    )
    if clashes:
        words = tuple(labels[c.field] for c in clashes)
        raise ValidationError(
            Text("{0}的{1}在您打开后已被他人修改：请关闭后重新打开，核对后再改", what, words),
            field=clashes[0].field,
        )
    return replace(mine, **{n: getattr(theirs, n) for n in names if source[n] == "theirs"})


@dataclass(frozen=True)
class CategoryRule:
    id: str
    code: str
    name: str
    description: str
    measure_no: int | None
    measure_title: str | None
    lead_ids: tuple[str, ...]
    responsible_ids: tuple[str, ...]
    reply_days: int
    resolve_days: int
    max_days: int
    extension_notice_days: int
    return_days: int
    keywords: tuple[str, ...]
    active: bool


def _rule(s: Session, c: Category) -> CategoryRule:
    units = s.execute(
        select(CategoryUnit.role, CategoryUnit.department_id)
        .where(CategoryUnit.category_id == c.id)
        .order_by(CategoryUnit.position)
    ).all()
    measure = s.get(PolicyMeasure, c.measure_no) if c.measure_no else None
    return CategoryRule(
        c.id,
        c.code,
        c.name,
        c.description,
        c.measure_no,
        measure.title if measure else None,
        tuple(d for r, d in units if r == "lead"),
        tuple(d for r, d in units if r != "lead"),
        c.reply_days,
        c.resolve_days,
        c.max_days,
        c.extension_notice_days,
        c.return_days,
        tuple(c.keywords or ()),
        c.active,
    )


def list_category_rules(db: Database) -> list[CategoryRule]:
    with db.read() as s:
        return [
            _rule(s, c)
            for c in s.scalars(select(Category).order_by(Category.measure_no, Category.name))
        ]


def save_category_rule(
    db: Database,
    actor: Actor,
    category_id: str,
    *,
    lead_ids: tuple[str, ...],
    responsible_ids: tuple[str, ...],
    reply_days: int,
    resolve_days: int,
    max_days: int,
    extension_notice_days: int,
    return_days: int,
    measure_no: int | None,
    active: bool = True,
    seen: CategoryRule | None = None,
) -> None:
    """Change who a category routes to and its limits (working days). `seen`: as for
    `save_department`, changes made meanwhile by someone else are kept, clashes refused."""
    actor.require(Role.ADMIN)
    mine = _RuleForm(
        tuple(lead_ids),
        tuple(responsible_ids),
        reply_days,
        resolve_days,
        max_days,
        extension_notice_days,
        return_days,
        measure_no,
        active,
    )
    with db.session() as s:
        require_hub_device(s)
        cat = s.get(Category, category_id)
        if cat is None:
            raise NotFound("诉求类别不存在")
        if seen is not None:  # in the write transaction: nobody saves in between
            now = _RuleForm.of(_rule(s, cat))
            mine = merge_unseen(_RuleForm.of(seen), mine, now, CATEGORY_FIELDS, "交办规则")
        _check_rule(mine)
        lead_ids, responsible_ids = mine.lead_ids, mine.responsible_ids
        reply_days, resolve_days, max_days = mine.reply_days, mine.resolve_days, mine.max_days
        extension_notice_days, return_days = mine.extension_notice_days, mine.return_days
        measure_no, active = mine.measure_no, mine.active
        if measure_no is not None and s.get(PolicyMeasure, measure_no) is None:
            raise ValidationError(Text("政策条款第{0}条不存在", measure_no), field="measure_no")
        for dept_id in (*lead_ids, *responsible_ids):
            if s.get(Department, dept_id) is None:
                raise ValidationError("所选单位不存在", field="lead_ids")
        cat.reply_days, cat.resolve_days, cat.max_days = reply_days, resolve_days, max_days
        cat.extension_notice_days, cat.return_days = extension_notice_days, return_days
        cat.measure_no, cat.active = measure_no, active
        stamp_change(cat, actor)
        s.execute(delete(CategoryUnit).where(CategoryUnit.category_id == cat.id))
        units = [(d, "lead") for d in lead_ids] + [(d, "responsible") for d in responsible_ids]
        s.add_all(
            CategoryUnit(category_id=cat.id, department_id=d, role=role, position=i)
            for i, (d, role) in enumerate(units)
        )


def _check_rule(rule: _RuleForm) -> None:
    if not rule.lead_ids:
        raise ValidationError("至少需要一个牵头单位", field="lead_ids")
    if set(rule.lead_ids) & set(rule.responsible_ids):
        raise ValidationError("同一单位不能既牵头又作为责任单位", field="responsible_ids")
    if not (1 <= rule.reply_days <= rule.resolve_days <= rule.max_days):
        raise ValidationError(
            "时限应满足：签收 ≤ 办结 ≤ 最长办理，且都至少 1 个工作日", field="resolve_days"
        )
    if rule.extension_notice_days < 0 or rule.return_days < 0:
        raise ValidationError("天数不能为负数", field="return_days")


@dataclass(frozen=True)
class HolidayInfo:
    day: date
    is_workday: bool
    name: str


def list_holidays(db: Database) -> list[HolidayInfo]:
    with db.read() as s:
        return [
            HolidayInfo(h.day, h.is_workday, h.name)
            for h in s.scalars(select(Holiday).order_by(Holiday.day))
        ]


def set_account_active(db: Database, actor: Actor, account_id: str, active: bool) -> None:
    actor.require(Role.ADMIN)
    if account_id == actor.account_id and not active:
        raise ValidationError("不能停用当前登录的账号")
    with db.session() as s:
        require_hub_device(s)
        a = s.get(Account, account_id)
        if a is None:
            raise NotFound("账号不存在")
        a.active = active
        stamp_change(a, actor)


def rename_account(db: Database, actor: Actor, account_id: str, username: str) -> None:
    """Give an account another username: how a name made twice on two hub devices offline is
    settled (the conflict clears once the names differ). The person signs in with the new
    name and the same password."""
    actor.require(Role.ADMIN)
    username = username.strip()
    if not username:
        raise ValidationError("请填写用户名", field="username")
    if len(username) > 60:
        raise ValidationError("用户名最多 60 个字符", field="username")
    with db.session() as s:
        require_hub_device(s)
        a = s.get(Account, account_id)
        if a is None:
            raise NotFound("账号不存在")
        clash = s.scalar(
            select(Account.id).where(Account.username == username, Account.id != account_id)
        )
        if clash:
            raise ValidationError(Text("用户名“{0}”已被使用", username), field="username")
        a.username = username
        stamp_change(a, actor)


def reset_password(db: Database, actor: Actor, account_id: str, password: str) -> None:
    actor.require(Role.ADMIN)
    with db.session() as s:
        require_hub_device(s)
        a = s.get(Account, account_id)
        if a is None:
            raise NotFound("账号不存在")
        problem = password_problem(password, a.username)
        if problem:
            raise ValidationError(problem, field="password")
        set_password(a, password)
        a.must_change_password = True  # the person chooses their own at the next sign-in
        stamp_change(a, actor)
