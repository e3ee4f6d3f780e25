"""Devices of the district: this installation, the devices enrolled by an administrator, the
revoked ones.

Each installation has its own Ed25519 key (`liaison init` makes it). An administrator on a hub
device enrols a device once a person has compared its fingerprint with the one the device shows
(`liaison device show` there): as a hub device (the district office's machines) or a field
device for the accounts that may sign in on it. Enrolment and revocation are records like any
other: made on a hub, they travel to every device, so laptops can also exchange bundles among
themselves, and every replica judges every op against them (docs/sync.md, "Authority"). A
revocation sticks even against a concurrent enrolment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, or_, select, text

from liaison.data.db import Database
from liaison.data.files import owner_only_file
from liaison.data.models import Account, Device, DeviceAccount
from liaison.domain import clock, signing
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.permissions import ADMINISTRATORS
from liaison.domain.text import Text
from liaison.logs import log
from liaison.services.context import Actor, require_hub_device
from liaison.sync.exchange import encryption, envelope
from liaison.sync.exchange.authority import FIELD, KINDS
from liaison.sync.log import oplog
from liaison.sync.log.identity import local_device

KIND_LABELS = {"hub": "区联络办设备", "field": "外勤设备", "founder": "区联络办设备（并入的区县）"}


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    fingerprint: str
    is_local: bool
    trusted_at: datetime | None
    revoked_at: datetime | None
    last_import_at: str | None
    last_export_at: str | None
    known_ops: int
    """How many ops this device is known to have (from its last bundle's version vector)."""
    kind: str = ""
    """`hub`, `field` or '' (not enrolled); the district's root device is a hub."""
    accounts: int = 0
    """How many accounts are enrolled on it (a field device)."""

    @property
    def status(self) -> str:
        if self.is_local:
            return "本机"
        if self.revoked_at:
            return "已吊销"
        return KIND_LABELS.get(self.kind, "待登记")


def _info(
    db: Database, where: str = "", params: dict[str, object] | None = None
) -> list[DeviceInfo]:
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT d.id, d.name, d.fingerprint, d.is_local, d.trusted_at, d.revoked_at, "
                "p.last_import_at, p.last_export_at, p.vector, "
                "CASE WHEN d.id = (SELECT value FROM setting WHERE key = 'district.root') "
                "THEN 'hub' ELSE d.kind END, "
                "(SELECT count(*) FROM device_account a WHERE a.device_id = d.id) FROM device d "
                f"LEFT JOIN sync_peer p ON p.device_id = d.id {where} "
                "ORDER BY d.is_local DESC, d.name"
            ),
            params or {},
        ).all()
    out = []
    for r in rows:
        vector = json.loads(r[8]) if r[8] else {}
        out.append(
            DeviceInfo(
                r[0],
                r[1],
                r[2],
                bool(r[3]),
                _dt(r[4]),
                _dt(r[5]),
                r[6],
                r[7],
                sum(vector.values()),
                r[9] or "",
                r[10],
            )
        )
    return out


def _dt(value: str | datetime | None) -> datetime | None:
    """A time read with plain SQL: SQLite's text, PostgreSQL's timestamp."""
    if isinstance(value, datetime) or value is None:
        return value
    return datetime.fromisoformat(value) if value else None


def list_devices(db: Database) -> list[DeviceInfo]:
    return _info(db)


def this_device(db: Database) -> DeviceInfo:
    found = _info(db, "WHERE d.is_local")
    if not found:
        raise NotFound("本机还没有设备身份：请先运行 liaison init")
    return found[0]


def write_private_key(db: Database, actor: Actor, out: Path) -> DeviceInfo:
    """This device's private key as an OpenSSH key file, readable by its owner only: what an IT
    person needs to open a bundle sent to this device with the standard `age` tool
    (docs/operations.md#opening-a-bundle-by-hand). It also signs as this device: an
    administrator's act, and the file is to be deleted after use."""
    actor.require(*ADMINISTRATORS)
    conn = db.raw()
    try:
        private_key = local_device(conn).private_key
    finally:
        conn.close()
    with owner_only_file(out) as f:
        f.write(encryption.openssh_private(private_key))
    log.info("device key written to a file by account %s", actor.account_id)
    return this_device(db)


def enrol_device(
    db: Database,
    actor: Actor,
    fingerprint: str,
    *,
    kind: str,
    accounts: Iterable[str] = (),
    bundle: Path | None = None,
) -> DeviceInfo:
    """Enrol the device with this fingerprint in the district (an administrator, on a hub
    device): as a hub device, or as a field device for `accounts` (ids), the only ones that
    may sign in and act on it. Its key comes from a bundle it sent (`bundle`) when this
    installation does not know it yet. Enrolling again changes a field device's accounts;
    its key and class never change (revoke it and enrol the machine anew instead)."""
    actor.require(*ADMINISTRATORS)
    if kind not in KINDS:
        raise ValidationError(
            "设备类别应为 hub（区联络办）、field（外勤）或 founder（并入的另一区县的创建设备）",
            field="kind",
        )
    wanted = signing.normalize_fingerprint(fingerprint)
    if len(wanted) != 49:
        raise ValidationError("指纹应为 40 位十六进制数字（可带短横线）", field="fingerprint")
    sender = _bundle_sender(bundle, wanted) if bundle else None
    chosen = sorted(set(accounts)) if kind == FIELD else []
    with db.session() as s:
        require_hub_device(s)
        device = s.scalar(
            select(Device).where(
                or_(Device.fingerprint == wanted, Device.id == (sender.sender if sender else ""))
            )
        )
        if device is None and sender is None:
            raise NotFound(
                Text("本机不认识指纹为 {0} 的设备：用 --bundle 指定对方导出的同步包", wanted)
            )
        if device is None:
            assert sender is not None
            device = Device(
                id=sender.sender,
                name=sender.sender_name,
                public_key=sender.sender_key,
                fingerprint=wanted,
                is_local=False,
            )
            s.add(device)
        if device.fingerprint != wanted:
            raise ValidationError("设备已登记的密钥与该指纹不符，拒绝登记", field="fingerprint")
        if device.revoked_at is not None:
            raise ValidationError(
                Text("设备“{0}”已被吊销，不能再次登记", device.name), field="fingerprint"
            )
        if device.is_local:
            raise ValidationError("这是本机，无需登记", field="fingerprint")
        if device.kind and device.kind != kind:
            raise ValidationError(
                Text(
                    "设备“{0}”已登记为{1}，类别不能更改：请吊销后让它重新安装、重新登记",
                    device.name,
                    KIND_LABELS[device.kind],
                ),
                field="kind",
            )
        known = set(s.scalars(select(Account.id).where(Account.id.in_(chosen))))
        if missing := [a for a in chosen if a not in known]:
            raise NotFound(Text("账号不存在：{0}", missing[0]))
        device.kind = kind
        device.trusted_at = device.trusted_at or clock.now()
        device.trusted_by = device.trusted_by or actor.account_id
        device.updated_by, device.updated_device = actor.account_id, actor.device_id
        s.flush()
        s.execute(delete(DeviceAccount).where(DeviceAccount.device_id == device.id))
        s.add_all(DeviceAccount(device_id=device.id, account_id=a) for a in chosen)
        oplog.touch(s, "device", [device.id])  # its account list is part of the record
        device_id = device.id
    return _info(db, "WHERE d.id = :i", {"i": device_id})[0]


def enrolled_accounts(db: Database, device_id: str) -> list[str]:
    """The accounts enrolled on a field device (ids)."""
    with db.read() as s:
        return list(
            s.scalars(select(DeviceAccount.account_id).where(DeviceAccount.device_id == device_id))
        )


def _bundle_sender(bundle: Path, wanted: str) -> envelope.Header:
    with envelope.opened_file(bundle) as opened:
        h = opened.header
        actual = envelope.sender_fingerprint(h)
        if actual != wanted:
            raise ValidationError(
                Text("指纹不符：同步包的发送设备指纹是 {0}，与输入的不一致，请与对方核对", actual),
                field="fingerprint",
            )
        envelope.check_signature(opened, h.sender_key)  # the header is the key owner's own
        envelope.copy_payload(opened)  # and the file is whole
        return h


def revoke_device(db: Database, actor: Actor, ref: str) -> DeviceInfo:
    """Revoke a device (by id, name or fingerprint; an administrator, on a hub device): its
    bundles are refused from now on, and every replica sets aside its ops after the last one
    this hub has of it (those before stay)."""
    actor.require(*ADMINISTRATORS)
    normalized = signing.normalize_fingerprint(ref)
    with db.session() as s:
        require_hub_device(s)
        found = list(
            s.scalars(
                select(Device).where(
                    or_(Device.id == ref, Device.name == ref, Device.fingerprint == normalized)
                )
            )
        )
        if not found:
            raise NotFound(Text("找不到设备“{0}”", ref))
        if len(found) > 1:
            raise ValidationError(Text("有多台设备叫“{0}”，请用设备编号或指纹", ref))
        device = found[0]
        if device.is_local:
            raise ValidationError("不能吊销本机")
        if device.revoked_at is None:
            device.revoked_at = clock.now()
            device.revoked_by = actor.account_id
            device.revoked_seq = (
                s.scalar(text("SELECT MAX(seq) FROM sync_op WHERE site = :d"), {"d": device.id})
                or 0
            )
            device.updated_by, device.updated_device = actor.account_id, actor.device_id
        device_id = device.id
    return _info(db, "WHERE d.id = :i", {"i": device_id})[0]


def rename_device(db: Database, actor: Actor, ref: str, name: str) -> DeviceInfo:
    """Give a device (this one or another, by id, name or fingerprint) the name people know
    it by (an administrator on a hub device: a device's record is the district's)."""
    actor.require(*ADMINISTRATORS)
    name = name.strip()
    if not name or len(name) > 100:
        raise ValidationError("设备名称应为 1 到 100 个字", field="name")
    normalized = signing.normalize_fingerprint(ref)
    with db.session() as s:
        require_hub_device(s)
        found = list(
            s.scalars(
                select(Device).where(
                    or_(Device.id == ref, Device.name == ref, Device.fingerprint == normalized)
                )
            )
        )
        if len(found) != 1:
            raise NotFound(
                Text("找不到设备“{0}”", ref) if not found else Text("有多台设备叫“{0}”", ref)
            )
        device = found[0]
        device.name = name
        device.updated_by, device.updated_device = actor.account_id, actor.device_id
        device_id = device.id
    return _info(db, "WHERE d.id = :i", {"i": device_id})[0]
