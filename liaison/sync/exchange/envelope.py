"""The bundle file: a signed envelope around a SQLite payload, checked before SQLite reads a byte.

Layout: `MAGIC` (8 bytes), format version (2 bytes, big-endian), header length (4 bytes), the
header (UTF-8 JSON), the sender's Ed25519 signature of everything before it (64 bytes), then the
payload — a SQLite file with the tables of `PAYLOAD_DDL` only, age-encrypted to the recipient
device (`encryption`). The header names the sender and its public key, the recipient, the bundle
id, what the sender has (its version vector), the payload's size and SHA-256 as it lies in the file
(encrypted); one signature covers a whole bundle, and is checked before anything is decrypted.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from liaison.domain import signing
from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.sync.exchange import encryption as enc

MAGIC = b"LIAISONB"
FORMAT = 3
"""2: ops sealed by the devices that made them, the district's root device in the header.
3: the payload encrypted to its recipient (`encryption`)."""
MAX_HEADER = 1 << 20
MAX_BUNDLE = 4 << 30
"""The largest file taken for a bundle (a district snapshot of 2.4 M ops is ≈ 1.8 GB)."""
_PREFIX = struct.Struct(">8sHI")


class BundleRefused(DomainError):
    """A bundle that will not be imported; `reason` is a short code, str() the message."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Header:
    bundle_id: str
    sender: str
    sender_name: str
    sender_key: str
    made_at: str
    schema: str
    vector: dict[str, int]
    recipient: str | None
    full: bool
    ops: int
    counts: dict[str, int]
    payload_sha256: str
    payload_size: int
    root: str | None = None
    """The district's root device (the hub that created it), as the sender knows it."""
    root_key: str | None = None
    encryption: str = enc.NONE
    """`age`: the payload is encrypted to the recipient's key; `none`: only an enrolment request."""

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True).encode("utf-8")


def seal(header: Header, payload: bytes, private_key: bytes) -> bytes:
    return sealed_head(header, private_key) + payload


def sealed_head(header: Header, private_key: bytes) -> bytes:
    """What precedes the payload in the file: prefix, header and the signature of both."""
    body = header.to_json()
    signed = _PREFIX.pack(MAGIC, FORMAT, len(body)) + body
    return signed + signing.sign(private_key, signed)


@dataclass(frozen=True)
class Opened:
    header: Header
    signed: bytes
    signature: bytes
    source: BinaryIO
    """The bundle file (or its bytes), read from as needed: a snapshot is not held in memory."""
    payload_at: int
    payload_size: int
    """Bytes after the signature (the header says how many there must be)."""

    @property
    def payload(self) -> bytes:
        """The payload's bytes, all in memory (small files and tests; an import streams them
        with `copy_payload`)."""
        self.source.seek(self.payload_at)
        return self.source.read()


def _require(ok: bool, reason: str, message: str) -> None:
    if not ok:
        raise BundleRefused(reason, message)


def open_envelope(data: bytes) -> Opened:
    """`read_envelope` of a bundle's bytes."""
    return read_envelope(io.BytesIO(data))


@contextmanager
def opened_file(path: Path) -> Iterator[Opened]:
    """`read_envelope` of the file at `path`, open for the duration."""
    try:
        f = path.open("rb")
    except OSError as exc:
        raise BundleRefused(
            "unreadable", Text("无法读取文件 {0}：{1}", path, exc.strerror)
        ) from exc
    with f:
        try:
            opened = read_envelope(f)
        except OSError as exc:
            raise BundleRefused(
                "unreadable", Text("无法读取文件 {0}：{1}", path, exc.strerror)
            ) from exc
        yield opened


def read_envelope(f: BinaryIO) -> Opened:
    """Split and type-check the envelope, reading only its head; nothing is trusted yet (see
    `check_signature`, then `copy_payload`)."""
    total = f.seek(0, io.SEEK_END)
    f.seek(0)
    _require(total > 0, "empty", "文件是空的（0 字节），不是同步包")
    _require(
        total <= MAX_BUNDLE,
        "too_large",
        Text("文件超过 {0} GB，不是本系统导出的同步包", MAX_BUNDLE >> 30),
    )
    prefix = f.read(_PREFIX.size)
    _require(
        len(prefix) == _PREFIX.size and prefix[:8] == MAGIC,
        "not_bundle",
        "不是 Liaison 同步包（文件头不对）",
    )
    _magic, version, size = _PREFIX.unpack(prefix)
    _require(
        version <= FORMAT,
        "newer_format",
        Text("同步包格式版本 {0} 比本机支持的 {1} 新：请先升级本软件", version, FORMAT),
    )
    _require(version >= 1, "damaged", "同步包格式版本无效，文件已损坏")
    _require(
        version == FORMAT,
        "older_format",
        Text("同步包格式版本 {0} 过旧（本机为 {1}）：请对方升级本软件后重新导出", version, FORMAT),
    )
    end = _PREFIX.size + size
    _require(
        size <= MAX_HEADER and total >= end + signing.SIGNATURE_SIZE,
        "damaged",
        "同步包不完整（文件被截断或损坏）",
    )
    body = f.read(size)
    signature = f.read(signing.SIGNATURE_SIZE)
    try:
        header = _header(json.loads(body.decode("utf-8")))
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        # RecursionError: JSON nested deeper than the parser goes (a hostile header)
        raise BundleRefused("damaged", Text("同步包的包头已损坏：{0}", _short(exc))) from exc
    at = end + signing.SIGNATURE_SIZE
    return Opened(header, prefix + body, signature, f, at, total - at)


def _short(exc: BaseException) -> str:
    """An exception's text on one short line (it may quote the hostile input)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:80] + "…"


def _typed(value: Any, kind: type, name: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"{name} 类型不对")
    return value


_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KEY = re.compile(r"[A-Za-z0-9+/]{43}=")
_MADE_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_SCHEMA = re.compile(r"[0-9A-Za-z_.-]{0,64}")
_ENTITY = re.compile(r"[a-z_]{1,40}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MAX_SEQ = 10**12
_MAX_SITES = 100_000


def _match(value: Any, pattern: re.Pattern[str], name: str) -> str:
    if not (isinstance(value, str) and pattern.fullmatch(value)):
        raise TypeError(f"{name} 格式不对")
    return value


def _count(value: Any, name: str) -> int:
    if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _MAX_SEQ):
        raise TypeError(f"{name} 不是有效的数目")
    return value


def _name(value: Any) -> str:
    """The sender's name is shown to a person (before the sender is known to be anyone):
    one short line of printable text, no control or formatting characters."""
    _typed(value, str, "sender_name")
    if len(value) > 100 or any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise TypeError("sender_name 格式不对")
    return str(value)


def _header(raw: Any) -> Header:
    """The header's fields, each checked for type and form: an unknown sender's header is
    shown to a person and its values reach SQL parameters."""
    _typed(raw, dict, "包头")
    vector = _typed(raw["vector"], dict, "vector")
    if len(vector) > _MAX_SITES:
        raise TypeError("vector 过大")
    for site, seq in vector.items():
        _match(site, _ID, "vector")
        _count(seq, "vector")
    counts = _typed(raw["counts"], dict, "counts")
    for k, v in counts.items():
        _match(k, _ENTITY, "counts")
        _count(v, "counts")
    recipient = raw["recipient"]
    if recipient is not None:
        _match(recipient, _ID, "recipient")
    kind = raw["encryption"]
    if kind not in enc.KINDS or (kind == enc.AGE and recipient is None):
        raise TypeError("encryption 格式不对")
    root, root_key = raw["root"], raw["root_key"]
    if root is not None or root_key is not None:
        _match(root, _ID, "root")
        _match(root_key, _KEY, "root_key")
    return Header(
        bundle_id=_match(raw["bundle_id"], _ID, "bundle_id"),
        sender=_match(raw["sender"], _ID, "sender"),
        sender_name=_name(raw["sender_name"]),
        sender_key=_match(raw["sender_key"], _KEY, "sender_key"),
        made_at=_match(raw["made_at"], _MADE_AT, "made_at"),
        schema=_match(raw["schema"], _SCHEMA, "schema"),
        vector=vector,
        recipient=recipient,
        full=_typed(raw["full"], bool, "full"),
        ops=_count(raw["ops"], "ops"),
        counts=counts,
        payload_sha256=_match(raw["payload_sha256"], _SHA256, "payload_sha256"),
        payload_size=_count(raw["payload_size"], "payload_size"),
        root=root,
        root_key=root_key,
        encryption=kind,
    )


def sender_fingerprint(header: Header) -> str:
    """The fingerprint of the key the header names, to compare with what the sending device
    shows (refused as damaged when it is no key)."""
    try:
        return signing.fingerprint(header.sender_key)
    except ValueError as exc:
        raise BundleRefused("damaged", "同步包里的设备公钥无效") from exc


def check_signature(opened: Opened, public_key: str) -> None:
    """The header is the key owner's, and the payload has the size it gives (its SHA-256 is
    checked as it is copied: `copy_payload`)."""
    _require(
        signing.verify(public_key, opened.signature, opened.signed),
        "bad_signature",
        Text("同步包签名无效：不是由“{0}”签发，或包头被改动过", opened.header.sender_name),
    )
    _require(opened.payload_size == opened.header.payload_size, "damaged", _ALTERED)


_ALTERED = "同步包内容与签名不符（文件损坏或被改动）"
_BLOCK = 1 << 20


def copy_payload(
    opened: Opened, out: BinaryIO | None = None, private_key: bytes | None = None
) -> None:
    """Stream the payload into `out` — decrypted with `private_key` when it is encrypted — or
    only read it, hashing what the file holds: refused unless that is what the signed header
    says. What SQLite reads is then the copy made of those bytes, whatever happens to the file
    meanwhile."""
    h = hashlib.sha256()
    try:
        opened.source.seek(opened.payload_at)
        if out is not None and opened.header.encryption == enc.AGE:
            _decrypt(opened, out, private_key, h)
        else:
            _copy(opened, out, h)
    except OSError as exc:  # the stick pulled out, the share gone, the disk full
        raise BundleRefused(
            "unreadable", Text("读取或复制同步包时出错：{0}", exc.strerror or exc)
        ) from exc
    _require(h.hexdigest() == opened.header.payload_sha256, "damaged", _ALTERED)


def _copy(opened: Opened, out: BinaryIO | None, h: hashlib._Hash) -> None:
    left = opened.payload_size
    while left > 0:
        block = opened.source.read(min(_BLOCK, left))
        _require(bool(block), "damaged", _ALTERED)
        h.update(block)
        if out is not None:
            out.write(block)
        left -= len(block)


def _decrypt(opened: Opened, out: BinaryIO, private_key: bytes | None, h: hashlib._Hash) -> None:
    if private_key is None:
        raise BundleRefused("not_for_me", _NOT_FOR_ME)
    try:
        enc.decrypt(opened.source, opened.payload_size, out, private_key, h)
    except enc.NotForThisDevice as exc:
        raise BundleRefused("not_for_me", _NOT_FOR_ME) from exc
    except enc.Undecryptable as exc:
        raise BundleRefused("damaged", _ALTERED) from exc


_NOT_FOR_ME = "同步包是加密发给另一台设备的，本机无法打开：请对方为本机导出"
