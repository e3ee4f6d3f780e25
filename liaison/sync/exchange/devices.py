"""Devices that may send bundles: this installation, trusted peers, revoked ones.

Each installation has its own Ed25519 key (`liaison init` makes it). A device is trusted once a
person has compared its fingerprint with the one the device itself shows (`liaison device show`
there). Trust and revocation are records like any other: made at the hub, they travel to every
laptop, so laptops can also exchange bundles among themselves. A revocation sticks even against
a concurrent trust.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import or_, select, text

from liaison.data.db import Database
from liaison.data.models import Device
from liaison.domain import clock, signing
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.permissions import HUB_ROLES
from liaison.services.context import Actor
from liaison.sync.exchange import envelope


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

    @property
    def status(self) -> str:
        if self.is_local:
            return "本机"
        if self.revoked_at:
            return "已吊销"
        return "已信任" if self.trusted_at else "待确认"


def _info(
    db: Database, where: str = "", params: dict[str, object] | None = None
) -> list[DeviceInfo]:
    with db.session() as s:
        rows = s.execute(
            text(
                "SELECT d.id, d.name, d.fingerprint, d.is_local, d.trusted_at, d.revoked_at, "
                "p.last_import_at, p.last_export_at, p.vector FROM device d "
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
            )
        )
    return out


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def list_devices(db: Database) -> list[DeviceInfo]:
    return _info(db)


def this_device(db: Database) -> DeviceInfo:
    found = _info(db, "WHERE d.is_local = 1")
    if not found:
        raise NotFound("本机还没有设备身份：请先运行 liaison init")
    return found[0]


def trust_device(
    db: Database, actor: Actor, fingerprint: str, *, bundle: Path | None = None
) -> DeviceInfo:
    """Trust the device with this fingerprint: one already known here, or the sender of
    `bundle` (its key is read from the bundle's self-signed header)."""
    actor.require(*HUB_ROLES)
    wanted = signing.normalize_fingerprint(fingerprint)
    if len(wanted) != 49:
        raise ValidationError("指纹应为 40 位十六进制数字（可带短横线）", field="fingerprint")
    sender = _bundle_sender(bundle, wanted) if bundle else None
    with db.session() as s:
        device = s.scalar(
            select(Device).where(
                or_(Device.fingerprint == wanted, Device.id == (sender.sender if sender else ""))
            )
        )
        if device is None and sender is None:
            raise NotFound(f"本机不认识指纹为 {wanted} 的设备：用 --bundle 指定对方导出的同步包")
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
            raise ValidationError("设备已登记的密钥与该指纹不符，拒绝信任", field="fingerprint")
        if device.revoked_at is not None:
            raise ValidationError(f"设备“{device.name}”已被吊销，不能再次信任", field="fingerprint")
        if device.is_local:
            raise ValidationError("这是本机，无需信任", field="fingerprint")
        device.trusted_at = clock.now()
        device.trusted_by = actor.account_id or None
        device_id = device.id
    return _info(db, "WHERE d.id = :i", {"i": device_id})[0]


def _bundle_sender(bundle: Path, wanted: str) -> envelope.Header:
    with envelope.opened_file(bundle) as opened:
        h = opened.header
        actual = envelope.sender_fingerprint(h)
        if actual != wanted:
            raise ValidationError(
                f"指纹不符：同步包的发送设备指纹是 {actual}，与输入的不一致，请与对方核对",
                field="fingerprint",
            )
        envelope.check_signature(opened, h.sender_key)  # the header is the key owner's own
        envelope.copy_payload(opened)  # and the file is whole
        return h


def revoke_device(db: Database, actor: Actor, ref: str) -> DeviceInfo:
    """Revoke a device (by id, name or fingerprint): its bundles are refused from now on."""
    actor.require(*HUB_ROLES)
    normalized = signing.normalize_fingerprint(ref)
    with db.session() as s:
        found = list(
            s.scalars(
                select(Device).where(
                    or_(Device.id == ref, Device.name == ref, Device.fingerprint == normalized)
                )
            )
        )
        if not found:
            raise NotFound(f"找不到设备“{ref}”")
        if len(found) > 1:
            raise ValidationError(f"有多台设备叫“{ref}”，请用设备编号或指纹")
        device = found[0]
        if device.is_local:
            raise ValidationError("不能吊销本机")
        if device.revoked_at is None:
            device.revoked_at = clock.now()
        device_id = device.id
    return _info(db, "WHERE d.id = :i", {"i": device_id})[0]
