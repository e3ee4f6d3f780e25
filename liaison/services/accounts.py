"""Accounts, roles and passwords."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from liaison.data.db import Database, raw_connection
from liaison.data.models import Account, Department, Device, DeviceAccount, Setting, Street
from liaison.domain import clock, credentials
from liaison.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from liaison.domain.ids import new_id
from liaison.domain.passwords import password_problem
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.services.context import (
    Actor,
    actor_for,
    local_device_id,
    require_hub_device,
    stamp_change,
    stamp_new,
)
from liaison.sync.log import district

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """scrypt with a random salt, stored as `scrypt$n$r$p$salt$hash` (hex)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def set_password(account: Account, password: str) -> None:
    """Give the account this password: its hash here, and the seal its ops carry."""
    if not account.id:  # a new account: its id is part of the seal
        account.id = new_id()
    account.password_hash = hash_password(password)
    account.password_seal = credentials.seal(account.id, account.password_hash)


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(got.hex(), digest)


@dataclass(frozen=True)
class AccountInfo:
    id: str
    username: str
    display_name: str
    role: Role
    department: str | None
    street: str | None
    active: bool


def _info(session: Session, a: Account) -> AccountInfo:
    dept = session.get(Department, a.department_id) if a.department_id else None
    street = session.get(Street, a.street_id) if a.street_id else None
    return AccountInfo(
        a.id,
        a.username,
        a.display_name,
        Role(a.role),
        dept.name if dept else None,
        street.name if street else None,
        a.active,
    )


def _validate_new_account(
    session: Session,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    department_id: str | None,
    street_id: str | None,
) -> None:
    if not username.strip():
        raise ValidationError("请填写用户名", field="username")
    if not display_name.strip():
        raise ValidationError("请填写姓名", field="display_name")
    problem = password_problem(password, username)
    if problem:
        raise ValidationError(problem, field="password")
    if session.scalar(select(Account.id).where(Account.username == username.strip())):
        raise ValidationError(Text("用户名“{0}”已被使用", username), field="username")
    if role is Role.HANDLER and not department_id:
        raise ValidationError("部门承办人必须属于一个部门", field="department_id")
    if role is Role.STREET_STAFF and not street_id:
        raise ValidationError("街镇专员必须属于一个街镇", field="street_id")
    if department_id and session.get(Department, department_id) is None:
        raise ValidationError("所选部门不存在", field="department_id")
    if street_id and session.get(Street, street_id) is None:
        raise ValidationError("所选街镇不存在", field="street_id")


def create_district(db: Database, username: str, display_name: str, password: str) -> str:
    """新建区县: the first administrator of an empty installation, which becomes the district's
    root — its hub device that every other device is enrolled from (docs/sync.md). Refused
    once any account exists or the installation belongs to a district."""
    with db.session() as s:
        conn = raw_connection(s)
        if s.scalar(select(Account.id).limit(1)) or district.read_root(conn)[0]:
            raise DomainError("本机已属于一个区县，不能再新建：请由管理员创建新账号")
        _validate_new_account(s, username, display_name, Role.ADMIN, password, None, None)
        device = s.scalar(select(Device).where(Device.is_local.is_(True)))
        if device is None or not device.public_key:
            raise DomainError("本机还没有设备密钥：请先运行 liaison init")
        account = Account(
            username=username.strip(), display_name=display_name.strip(), role=Role.ADMIN
        )
        set_password(account, password)
        s.add(account)
        s.flush()
        account.created_by = account.updated_by = account.id  # the first signs its own making
        account.created_device = account.updated_device = device.id
        district.write_root(conn, device.id, device.public_key)
        account_id = account.id
    with db.session() as s:  # the root's own record, made by the administrator that now exists
        device = s.scalar(select(Device).where(Device.is_local.is_(True)))
        assert device is not None
        device.kind = "hub"
        device.trusted_at = clock.now()
        device.trusted_by = device.updated_by = account_id
        device.updated_device = device.id
    return account_id


def create_account(
    db: Database,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    department_id: str | None = None,
    street_id: str | None = None,
    phone: str = "",
) -> str:
    actor.require(Role.ADMIN)
    with db.session() as s:
        require_hub_device(s)
        _validate_new_account(s, username, display_name, role, password, department_id, street_id)
        account = Account(
            username=username.strip(),
            display_name=display_name.strip(),
            role=role,
            department_id=department_id,
            street_id=street_id,
            phone=phone,
        )
        set_password(account, password)
        account.must_change_password = True  # an administrator chose it
        stamp_new(account, actor)
        s.add(account)
        s.flush()
        return account.id


MAX_FAILURES = 5
"""Wrong passwords in a row on this device before the name is locked here."""
LOCK_MINUTES = 15
GUARD_PREFIX = "sign_in.guard."
"""Setting key (local to the device, never synced) of a typed username's failures."""
pause: Callable[[float], object] = time.sleep
"""How a failed sign-in waits (tests replace it)."""


def failure_delay(failures: int) -> float:
    """Seconds a failed sign-in waits: 0.5, 1, 2, 4, then 8 — a guesser's tries get slower."""
    return float(min(0.5 * 2.0 ** (failures - 1), 8.0))


@dataclass(frozen=True)
class Guard:
    """Failed sign-ins in a row of one typed username on this device."""

    username: str
    failures: int
    locked_until: datetime | None

    def as_dict(self) -> dict[str, object]:
        until = self.locked_until.isoformat() if self.locked_until else None
        return {"failures": self.failures, "locked_until": until}

    @classmethod
    def from_dict(cls, username: str, data: dict[str, object]) -> Guard:
        until = data.get("locked_until")
        locked = datetime.fromisoformat(until) if isinstance(until, str) else None
        return cls(username, int(str(data["failures"])), locked)


class GuardStore(Protocol):
    """Where a device keeps its failed sign-ins: the database, or beside an encrypted one that
    cannot be read yet (liaison.services.encryption)."""

    def load(self, username: str) -> Guard: ...
    def save(self, guard: Guard) -> None: ...
    def forget(self, username: str) -> None: ...


def guarded[T](
    store: GuardStore, username: str, check: Callable[[str], T], wrong: type[Exception]
) -> T:
    """`check(name)` under the sign-in's guard; one message for every failure (no user
    enumeration). `check` raising `wrong` is a wrong password: each waits longer
    (`failure_delay`); after MAX_FAILURES in a row the typed name is locked on this device for
    LOCK_MINUTES (kept in `store`, so restarting does not reset it; an administrator can
    `unlock` it). Counted per typed name, existing or not."""
    name = username.strip()
    now = clock.now()
    guard = store.load(name.lower())
    if guard.locked_until is not None and guard.locked_until > now:
        raise PermissionDenied(
            Text(
                "连续 {0} 次密码错误，“{1}”在本机已锁定至 {2}：请稍后再试，或请管理员解锁",
                MAX_FAILURES,
                name,
                f"{guard.locked_until:%H:%M}",
            )
        )
    try:
        result = check(name)
    except wrong:
        failures = guard.failures + 1
        until = now + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
        guard = Guard(guard.username, failures, until)
        store.save(guard)
        pause(failure_delay(failures))
        if until is not None:
            raise PermissionDenied(
                Text(
                    "用户名或密码不正确；已连续 {0} 次，“{1}”在本机锁定 {2} 分钟",
                    MAX_FAILURES,
                    name,
                    LOCK_MINUTES,
                )
            ) from None
        left = MAX_FAILURES - failures
        raise DomainError(
            Text("用户名或密码不正确（再错 {0} 次将锁定 {1} 分钟）", left, LOCK_MINUTES)
            if failures >= 2
            else "用户名或密码不正确"
        ) from None
    if guard.failures:
        store.forget(guard.username)
    return result


@dataclass(frozen=True)
class _SettingGuards:
    """Failed sign-ins kept in the database's local settings (never synced)."""

    db: Database

    def load(self, username: str) -> Guard:
        with self.db.read() as s:
            raw = s.get(Setting, GUARD_PREFIX + username)
        if raw is None:
            return Guard(username, 0, None)
        return Guard.from_dict(username, json.loads(raw.value))

    def save(self, guard: Guard) -> None:
        with self.db.session() as s:
            s.merge(Setting(key=GUARD_PREFIX + guard.username, value=json.dumps(guard.as_dict())))

    def forget(self, username: str) -> None:
        with self.db.session() as s:
            _forget_failures(s, username)


def sign_in(db: Database, username: str, password: str) -> Actor:
    """The actor for valid credentials, under the device's guard against guessing (`guarded`).

    A name made twice on two hub devices offline (a conflict until an administrator renames
    one) signs in whichever account the password opens. On a field device only the accounts
    enrolled on it sign in; on a device not enrolled anywhere, none."""
    return guarded(
        _SettingGuards(db),
        username,
        lambda name: _check_credentials(db, name, password),
        _WrongPassword,
    )


def _forget_failures(session: Session, username: str) -> bool:
    """Clear the typed name's failures on this device; whether there were any."""
    gone = session.execute(delete(Setting).where(Setting.key == GUARD_PREFIX + username))
    return bool(getattr(gone, "rowcount", 0))


class _WrongPassword(Exception):
    pass


def _check_credentials(db: Database, username: str, password: str) -> Actor:
    with db.read() as s:
        candidates = s.scalars(
            select(Account)
            .where(Account.username == username, Account.active.is_(True))
            .order_by(Account.created_at, Account.id)
        ).all()
        account = next((a for a in candidates if verify_password(password, a.password_hash)), None)
        if account is None:
            raise _WrongPassword
        kind = district.local_kind(raw_connection(s))
        if kind != "hub":
            enrolled = s.scalar(
                select(DeviceAccount.account_id).where(
                    DeviceAccount.account_id == account.id,
                    DeviceAccount.device_id == local_device_id(s),
                )
            )
            if kind != "field" or enrolled is None:
                raise PermissionDenied(
                    Text(
                        "账号“{0}”没有登记在本机上：请区联络办的管理员在“同步 → 设备”中为本机登"
                        "记该账号，再把同步包导入本机",
                        account.username,
                    )
                )
        return actor_for(s, account.id)


def must_change_password(db: Database, account_id: str) -> bool:
    """Whether the account must choose its own password before doing anything else."""
    with db.read() as s:
        return bool(s.scalar(select(Account.must_change_password).where(Account.id == account_id)))


def change_own_password(db: Database, actor: Actor, current: str, new: str) -> None:
    """The signed-in person replaces their password (after an administrator set it, or at any
    time). The change travels like any own-password change (docs/sync.md, "Credentials")."""
    with db.session() as s:
        account = s.get(Account, actor.account_id)
        if account is None:
            raise NotFound("账号不存在")
        if not verify_password(current, account.password_hash):
            raise ValidationError("当前密码不正确", field="current")
        if new == current:
            raise ValidationError("新密码不能与当前密码相同", field="password")
        problem = password_problem(new, account.username)
        if problem:
            raise ValidationError(problem, field="password")
        set_password(account, new)
        account.must_change_password = False
        stamp_change(account, actor)


def locked_names(db: Database, actor: Actor) -> list[Guard]:
    """The typed names locked on this device now (an administrator's view)."""
    actor.require(Role.ADMIN)
    now = clock.now()
    with db.read() as s:
        rows = s.scalars(select(Setting).where(Setting.key.startswith(GUARD_PREFIX)))
        guards = [Guard.from_dict(r.key[len(GUARD_PREFIX) :], json.loads(r.value)) for r in rows]
    return [g for g in guards if g.locked_until is not None and g.locked_until > now]


def unlock(db: Database, actor: Actor, username: str) -> bool:
    """Let `username` try again on this device at once; False if it had no failures here."""
    actor.require(Role.ADMIN)
    from liaison.services import encryption  # it reads this module's rules: not at the top

    # failures before an encrypted file opened (a server's database has no such door)
    at_door = not db.on_server and encryption.clear_lock(db.path, username)
    with db.session() as s:
        return _forget_failures(s, username.strip().lower()) or at_door


def has_accounts(db: Database) -> bool:
    """False on a fresh database: the app then walks the admin through the first start."""
    with db.read() as s:
        return s.scalar(select(Account.id).limit(1)) is not None


def list_accounts(db: Database) -> list[AccountInfo]:
    with db.read() as s:
        return [_info(s, a) for a in s.scalars(select(Account).order_by(Account.username))]
