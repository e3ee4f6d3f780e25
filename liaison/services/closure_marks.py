"""The signed mark of a 诉求办结销号单, and checking a sheet against the records (`liaison verify`).

What is signed. Every field the sheet prints, in a canonical JSON document — the serial, the
state and when it was closed, the enterprise's name, 信用代码 and street, the demand's fields,
category, policy measure, units and deadline, the answer, outcome, basis and satisfaction, every
printed step (time, step, person, unit, text, details, the 待核 flag) — and, under them, the
demand's ids and every stored event (id, kind, time, actor, unit, text, payload). Canonical means
``json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` in UTF-8, dates
and times in ISO 8601 (`canonical_json`). The printing device signs
``b"liaison-closure-record-v2\\0" + sha256(canonical)`` with its Ed25519 key (docs/sync.md:
the key that seals its changes). Renaming a department therefore changes what a reprint would
say and an old sheet stops verifying: verification answers "is this what the records say now?".

The QR code carries ``LZ2:<demand>:<signer>:<signature>`` in QR alphanumeric characters: the
demand's UUID and the 64-byte signature in base32 (no padding), the signer as the first 16 hex
digits of its key fingerprint. Below it the sheet prints the serial and a 校验码 — the first 16
hex digits of the SHA-256 — that a person can type: the typed form checks the content against
this database; the QR also proves which enrolled device printed the sheet.

Sheets printed before serials (``LIAISON:demand:<id>:sha256:<hex>``) hashed ids and events only
(version 1, unsigned); they still verify, and the verdict says they are the old kind.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison.data.db import Database, raw_connection
from liaison.data.models import DemandEvent, Device
from liaison.domain import signing
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.serials import closure_serial, normalize_serial
from liaison.domain.text import Text
from liaison.services.report_data import ClosureRecord, closure_record
from liaison.sync.log.identity import local_device

MARK_V2 = "LZ2"
LEGACY_PREFIX = "LIAISON:demand:"
_DOMAIN = b"liaison-closure-record-v2\0"
_SIGNER_DIGITS = 16
_CHECK = re.compile(r"^[0-9A-F]{16}$")


@dataclass(frozen=True)
class Mark:
    """What a sheet prints to be verified."""

    qr: str
    check_code: str
    """The first 16 hex digits of the content hash, in groups of four."""
    signer: str
    """The signing device's fingerprint."""


@dataclass(frozen=True)
class Verdict:
    """The answer to "is this sheet what the records say?"."""

    ok: bool
    reason: str
    """One line for a person: why it verifies or why not."""
    demand_id: str = ""
    serial: str = ""
    enterprise: str = ""
    title: str = ""
    state: str = ""
    signer: str = ""
    """The device that signed the sheet (its name), when the mark carries a signature."""


# ------------------------------------------------------------------ canonical form


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def canonical_json(record: ClosureRecord) -> bytes:
    """The signed document: every printed field, then the ids and stored events (v2)."""
    doc = {
        "v": 2,
        "printed": {
            "serial": record.serial,
            "state": record.state,
            "closed": record.closed,
            "closed_at": _iso(record.closed_at),
            "enterprise": record.enterprise,
            "uscc": record.uscc,
            "street": record.street,
            "category": record.category,
            "title": record.title,
            "content": record.content,
            "kind": record.kind,
            "urgency": record.urgency,
            "raised_on": _iso(record.raised_on),
            "deadline": _iso(record.deadline),
            "measure": record.measure,
            "lead": record.lead,
            "co_units": list(record.co_units),
            "answer": record.answer,
            "outcome": record.outcome,
            "policy_basis": record.policy_basis,
            "resolved_at": _iso(record.resolved_at),
            "satisfaction": record.satisfaction,
            "followed_up_at": _iso(record.followed_up_at),
            "steps": [
                {
                    "at": _iso(s.at),
                    "label": s.label,
                    "actor": s.actor,
                    "unit": s.unit,
                    "text": s.text,
                    "details": s.details,
                    "flagged": s.flagged,
                }
                for s in record.steps
            ],
        },
        "demand": {
            "id": record.id,
            "enterprise_id": record.enterprise_id,
            "category_id": record.category_id,
            "kind": record.kind_code,
            "urgency": record.urgency_code,
        },
        "events": [_event_doc(e) for e in record.events],
    }
    return _dump(doc)


def _event_doc(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "at": e.at.isoformat(),
        "actor": e.actor_id,
        "department": e.department_id,
        "text": e.text,
        "data": e.data,
    }


def _dump(doc: dict[str, Any]) -> bytes:
    text_ = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return text_.encode("utf-8")


def content_hash(record: ClosureRecord) -> str:
    """SHA-256 (lower-case hex) of the canonical document (v2)."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def legacy_hash(record: ClosureRecord) -> str:
    """The version-1 hash printed before serials: the demand's ids and fields and its events."""
    doc = {
        "v": 1,
        "demand": {
            "id": record.id,
            "enterprise_id": record.enterprise_id,
            "kind": record.kind_code,
            "category_id": record.category_id,
            "title": record.title,
            "content": record.content,
            "urgency": record.urgency_code,
            "raised_on": record.raised_on.isoformat(),
        },
        "events": [_event_doc(e) for e in record.events],
    }
    return hashlib.sha256(_dump(doc)).hexdigest()


def check_code(digest: str) -> str:
    """The typed 校验码: the hash's first 16 hex digits, upper case, in groups of four."""
    head = digest[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))


def _message(digest: str) -> bytes:
    return _DOMAIN + bytes.fromhex(digest)


# ------------------------------------------------------------------ issuing


def issue_mark(db: Database, record: ClosureRecord) -> Mark:
    """Sign `record` as it stands with this device's key."""
    with db.read() as s:
        me = local_device(raw_connection(s))
    public, private = me.public_key, me.private_key
    digest = content_hash(record)
    signature = signing.sign(private, _message(digest))
    fingerprint = signing.fingerprint(public)
    signer = fingerprint.replace("-", "")[:_SIGNER_DIGITS]
    qr = f"{MARK_V2}:{_b32(_id_bytes(record.id))}:{signer}:{_b32(signature)}"
    return Mark(qr=qr, check_code=check_code(digest), signer=fingerprint)


def _b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def _unb32(text_: str) -> bytes:
    return base64.b32decode(text_ + "=" * (-len(text_) % 8))


def _id_bytes(demand_id: str) -> bytes:
    """A UUID's 16 bytes; any other id as its UTF-8 text behind a 0 byte."""
    try:
        return uuid.UUID(demand_id).bytes
    except ValueError:
        return b"\0" + demand_id.encode("utf-8")


def _id_text(raw: bytes) -> str:
    if len(raw) == 16:
        return str(uuid.UUID(bytes=raw))
    if raw[:1] == b"\0":
        return raw[1:].decode("utf-8")
    raise ValueError("not an id")


# ------------------------------------------------------------------ verifying


EXAMPLE = f"{closure_serial(2026, '7F3A', 12)} 3F2A-9C1B-77D0-E415"
"""How a typed code looks (the serial is Chinese in every language)."""
NOT_A_MARK = Text(
    "无法识别的核验码：请扫描销号单上的二维码，或输入“编号 校验码”，例如：{0}", EXAMPLE
)


def verify(db: Database, code: str) -> Verdict:
    """Check what was scanned or typed from a sheet against this database.

    Accepts the QR text (this version's or the one before), or the serial — or the demand's
    UUID — followed by the 校验码. Raises ValidationError when the text is none of these."""
    body = code.strip()
    if body.startswith(f"{MARK_V2}:"):
        return _verify_signed(db, body)
    if body.startswith(LEGACY_PREFIX):
        return _verify_legacy(db, body)
    return _verify_typed(db, body)


def _verify_signed(db: Database, body: str) -> Verdict:
    parts = body.split(":")
    if len(parts) != 4:
        raise ValidationError(NOT_A_MARK)
    try:
        demand_id = _id_text(_unb32(parts[1]))
        signature = _unb32(parts[3])
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(NOT_A_MARK) from exc
    signer_digits = parts[2].upper()
    record = _record(db, demand_id)
    if record is None:
        return _unknown()
    signer = _signer(db, signer_digits)
    if signer is None:
        return _verdict(record, False, "签发设备不是本区登记的设备：此单不能作为凭证")
    name, public, revoked = signer
    digest = content_hash(record)
    if not signing.verify(public, signature, _message(digest)):
        return _verdict(
            record,
            False,
            "与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造",
            signer=name,
        )
    return _closed_verdict(record, name, revoked)


def _closed_verdict(record: ClosureRecord, signer: str = "", revoked: bool = False) -> Verdict:
    if not record.closed:
        return _verdict(
            record, False, Text("该诉求尚未销号（现为“{0}”）", record.state), signer=signer
        )
    if revoked:
        return _verdict(
            record, True, "与系统记录一致：签发设备已被吊销，但内容仍与记录相符", signer=signer
        )
    return _verdict(record, True, "与系统记录一致：此单为有效的办结销号单", signer=signer)


def _verify_legacy(db: Database, body: str) -> Verdict:
    demand_id, sep, digest = body[len(LEGACY_PREFIX) :].rpartition(":sha256:")
    if not sep or not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
        raise ValidationError(NOT_A_MARK)
    record = _record(db, demand_id)
    if record is None:
        return _unknown()
    if not hmac.compare_digest(legacy_hash(record), digest.lower()):
        return _verdict(record, False, "与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造")
    verdict = _closed_verdict(record)
    if not verdict.ok:
        return verdict
    return _verdict(record, True, "与系统记录一致（旧版核验标识，无设备签名）")


def _verify_typed(db: Database, body: str) -> Verdict:
    tokens = body.replace("校验码", " ").replace("：", " ").replace(":", " ").split()
    if len(tokens) < 2:
        raise ValidationError(NOT_A_MARK)
    code = tokens[-1].replace("-", "").upper()
    if len(code) != 16 and len(tokens) >= 5:  # 3F2A 9C1B 77D0 E415 typed with spaces
        code = "".join(tokens[-4:]).upper()
        tokens = tokens[:-4]
    else:
        tokens = tokens[:-1]
    if not _CHECK.match(code):
        raise ValidationError("校验码应为 16 位十六进制数字（0–9、A–F），如 3F2A-9C1B-77D0-E415")
    wanted = "".join(tokens)
    serial = normalize_serial(wanted)
    if serial is not None:
        records = _records_by_serial(db, serial)
    else:
        try:
            found = _record(db, str(uuid.UUID(wanted)))
        except ValueError as exc:
            raise ValidationError(NOT_A_MARK) from exc
        records = [found] if found else []
    if not records:
        return _unknown()
    for record in records:  # a serial is unique unless a hostile device copied one
        if hmac.compare_digest(check_code(content_hash(record)).replace("-", ""), code):
            return _closed_verdict(record)
    return _verdict(
        records[0], False, "校验码与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造"
    )


def _unknown() -> Verdict:
    return Verdict(
        False,
        "本库中没有这张单据对应的诉求：可能尚未同步到本机，或编号有误",
    )


def _record(db: Database, demand_id: str) -> ClosureRecord | None:
    try:
        return closure_record(db, demand_id)
    except NotFound:
        return None


def _records_by_serial(db: Database, serial: str) -> list[ClosureRecord]:
    """Every closure whose 销号 carries `serial` (in printed form)."""
    with db.read() as s:
        ids = s.scalars(
            select(DemandEvent.demand_id)
            .where(DemandEvent.kind == "close", DemandEvent.data["serial"].as_string() == serial)
            .order_by(DemandEvent.at.desc())
        ).all()
    records = (_record(db, demand_id) for demand_id in dict.fromkeys(ids))
    return [r for r in records if r is not None and r.serial == serial]


def _signer(db: Database, digits: str) -> tuple[str, str, bool] | None:
    """(name, public key, revoked) of the enrolled device whose fingerprint starts so."""
    if not re.fullmatch(r"[0-9A-F]{16}", digits):
        return None
    with db.read() as s:
        for device in s.scalars(select(Device).where(Device.public_key != "")):
            printed = signing.fingerprint(device.public_key).replace("-", "")
            if printed.startswith(digits) and (device.trusted_at or device.is_local):
                return device.name, device.public_key, device.revoked_at is not None
    return None


def _verdict(record: ClosureRecord, ok: bool, reason: str, signer: str = "") -> Verdict:
    return Verdict(
        ok=ok,
        reason=reason,
        demand_id=record.id,
        serial=record.serial,
        enterprise=record.enterprise,
        title=record.title,
        state=record.state,
        signer=signer,
    )


# ------------------------------------------------------------------ images


def read_qr_image(path: Path | str) -> str:
    """The text of the QR code in a photo or scan of a sheet (PNG, JPEG, BMP, TIFF …).

    Raises ValidationError when the file is not an image or holds no readable QR code."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            gray = image.convert("L")
    except FileNotFoundError as exc:
        raise ValidationError(Text("找不到图片文件：{0}", path)) from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise ValidationError(
            Text("无法读取图片：{0}（不是图片文件或已损坏）", Path(path).name)
        ) from exc
    for found in zxingcpp.read_barcodes(
        gray, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        if found.text.startswith((f"{MARK_V2}:", LEGACY_PREFIX)):
            return str(found.text)
    raise ValidationError(
        "图片中没有找到销号单的二维码：请拍清楚右下角的二维码，或直接输入编号与校验码"
    )
