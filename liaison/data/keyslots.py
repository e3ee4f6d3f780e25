"""The key slots of an encrypted database: its random key, wrapped once per way in.

A database encrypted at rest has one random 256-bit key. The file `DB.keys` beside it holds that
key several times, each copy sealed (AES-256-GCM) under a key only one person can make — like the
key slots of a LUKS disk:

- an **account slot** per local account, sealed under HKDF-SHA256 of the account's scrypt hash
  of its password (the same `scrypt$n$r$p$salt$hash` the database stores): signing in with the
  password remakes that hash, so it opens the slot, and a slot can be written whenever a hash
  is (a password set here, or one that arrived by sync) without knowing the password;
- a **recovery slot**, sealed under a random 160-bit recovery key shown once to the
  administrator (`XXXX-XXXX-…`, 32 characters of base32) to print and keep apart.

Guessing a password offline costs one scrypt per guess, as against the hash itself. Each slot's
seal is bound to its kind and name, so a slot moved to another name does not open. The file holds
nothing secret in the clear: salts, scrypt parameters, nonces and sealed keys.

Format (JSON, UTF-8, owner-only): `{"format": "liaison-keys/1", "slots": [{"kind": "account",
"name": USERNAME, "scrypt": "scrypt$n$r$p$salt", "nonce": HEX, "sealed": HEX}, {"kind":
"recovery", "name": "", "nonce": HEX, "sealed": HEX}]}`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from liaison.data.files import owner_only_file
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.text import Text

FORMAT = "liaison-keys/1"
SUFFIX = ".keys"
KEY_BYTES = 32
RECOVERY_BYTES = 20
"""160 bits: 32 base32 characters, in eight groups of four."""
ACCOUNT = "account"
RECOVERY = "recovery"


class WrongKey(DomainError):
    """The password or recovery key given opens no slot: nothing was changed."""


class KeyFileDamaged(DomainError):
    """The key file is missing, unreadable or not a key file."""


@dataclass(frozen=True)
class Slot:
    kind: str
    name: str
    nonce: bytes
    sealed: bytes
    scrypt: str = ""
    """An account slot's `scrypt$n$r$p$salt`: how to remake the hash from a password."""


def keys_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _label(kind: str, name: str) -> bytes:
    """What a slot is for: its wrapping key is derived for it, and its seal bound to it."""
    return f"{FORMAT}\n{kind}\n{name}".encode()


def _wrapping_key(kind: str, name: str, secret: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=_label(kind, name)
    ).derive(secret)


def _seal(kind: str, name: str, secret: bytes, db_key: bytes, scrypt: str = "") -> Slot:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_wrapping_key(kind, name, secret)).encrypt(nonce, db_key, _label(kind, name))
    return Slot(kind, name, nonce, sealed, scrypt)


def _open(slot: Slot, secret: bytes) -> bytes | None:
    try:
        key = AESGCM(_wrapping_key(slot.kind, slot.name, secret)).decrypt(
            slot.nonce, slot.sealed, _label(slot.kind, slot.name)
        )
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def _split_hash(password_hash: str) -> tuple[str, bytes]:
    """`scrypt$n$r$p$salt$hash` → (`scrypt$n$r$p$salt`, hash bytes)."""
    head, sep, digest = password_hash.rpartition("$")
    if not sep or not head.startswith("scrypt$") or head.count("$") != 4:
        raise ValidationError("密码哈希格式不对，无法生成密钥槽")
    try:
        return head, bytes.fromhex(digest)
    except ValueError:
        raise ValidationError("密码哈希格式不对，无法生成密钥槽") from None


def account_slot(db_key: bytes, username: str, password_hash: str) -> Slot:
    head, digest = _split_hash(password_hash)
    return _seal(ACCOUNT, username, digest, db_key, head)


def _remake_hash(scrypt: str, password: str) -> bytes | None:
    try:
        _scheme, n, r, p, salt = scrypt.split("$")
        return hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, MemoryError):
        return None


def new_recovery_key() -> tuple[bytes, str]:
    """A recovery secret and how it is shown: `ABCD-EFGH-…` (eight groups of four)."""
    secret = secrets.token_bytes(RECOVERY_BYTES)
    text = base64.b32encode(secret).decode()
    return secret, "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The secret of a recovery key as a person types it: dashes, spaces and case ignored."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I")  # read off paper: not in base32
    if len(cleaned) != RECOVERY_BYTES * 8 // 5:
        raise WrongKey("恢复密钥应为 32 个字母和数字（如 ABCD-EFGH-…，共 8 组）")
    try:
        return base64.b32decode(cleaned)
    except ValueError:
        raise WrongKey("恢复密钥中有无效字符：只含字母 A–Z 和数字 2–7") from None


def recovery_slot(db_key: bytes, secret: bytes) -> Slot:
    return _seal(RECOVERY, "", secret, db_key)


@dataclass(frozen=True)
class KeyFile:
    slots: tuple[Slot, ...]

    def names(self) -> list[str]:
        return sorted(s.name for s in self.slots if s.kind == ACCOUNT)

    def has_recovery(self) -> bool:
        return any(s.kind == RECOVERY for s in self.slots)

    def unlock(self, username: str, password: str) -> bytes:
        """The database key, opened with this account's password."""
        for slot in self.slots:
            if slot.kind == ACCOUNT and slot.name == username:
                digest = _remake_hash(slot.scrypt, password)
                key = None if digest is None else _open(slot, digest)
                if key is not None:
                    return key
        raise WrongKey("用户名或密码不正确")

    def recover(self, recovery_key: str) -> bytes:
        """The database key, opened with the recovery key."""
        secret = parse_recovery_key(recovery_key)
        for slot in self.slots:
            if slot.kind == RECOVERY:
                key = _open(slot, secret)
                if key is not None:
                    return key
        raise WrongKey("恢复密钥不正确：它不是这个数据库的恢复密钥")

    def with_account(self, db_key: bytes, username: str, password_hash: str) -> KeyFile:
        """This file with the account's slot made (anew) from its password hash."""
        kept = tuple(s for s in self.slots if not (s.kind == ACCOUNT and s.name == username))
        return KeyFile((*kept, account_slot(db_key, username, password_hash)))

    def without_account(self, username: str) -> KeyFile:
        return KeyFile(
            tuple(s for s in self.slots if not (s.kind == ACCOUNT and s.name == username))
        )

    def with_recovery(self, db_key: bytes, secret: bytes) -> KeyFile:
        """This file with its recovery slot replaced (an old recovery key no longer opens)."""
        kept = tuple(s for s in self.slots if s.kind != RECOVERY)
        return KeyFile((*kept, recovery_slot(db_key, secret)))


def _slot_json(s: Slot) -> dict[str, str]:
    out = {"kind": s.kind, "name": s.name, "nonce": s.nonce.hex(), "sealed": s.sealed.hex()}
    if s.scrypt:
        out["scrypt"] = s.scrypt
    return out


def dumps(keys: KeyFile) -> bytes:
    body = {"format": FORMAT, "slots": [_slot_json(s) for s in keys.slots]}
    return json.dumps(body, ensure_ascii=False, indent=1).encode()


def loads(data: bytes, where: str = "密钥文件") -> KeyFile:
    try:
        body = json.loads(data)
        if body.get("format") != FORMAT:
            raise KeyFileDamaged(Text("{0}不是 Liaison 的密钥文件（格式不对）", where))
        slots = tuple(
            Slot(
                kind=str(s["kind"]),
                name=str(s["name"]),
                nonce=bytes.fromhex(s["nonce"]),
                sealed=bytes.fromhex(s["sealed"]),
                scrypt=str(s.get("scrypt", "")),
            )
            for s in body["slots"]
        )
    except KeyFileDamaged:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise KeyFileDamaged(Text("{0}已损坏，无法读取", where)) from None
    if any(s.kind not in (ACCOUNT, RECOVERY) for s in slots):
        raise KeyFileDamaged(Text("{0}已损坏：有未知的密钥槽", where))
    return KeyFile(slots)


def read(path: Path) -> KeyFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileDamaged(Text("找不到密钥文件 {0}：没有它无法打开加密的数据库", path)) from None
    except OSError as exc:
        raise KeyFileDamaged(Text("无法读取密钥文件 {0}：{1}", path, exc.strerror)) from None
    return loads(data, Text("密钥文件 {0} ", path))


def write(path: Path, keys: KeyFile) -> None:
    """Replace the key file atomically (a crash leaves the old one or the new one), owner-only."""
    with owner_only_file(path) as out:
        out.write(dumps(keys))
