"""Device keys: each installation signs its bundles with its own Ed25519 key (docs/sync.md).

A person trusts a device by comparing its fingerprint — the first 20 bytes of the SHA-256 of its
public key, in groups of four hex digits — on both screens.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNATURE_SIZE = 64


def new_private_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def public_key(private: bytes) -> str:
    """The public key (raw 32 bytes, base64) of a raw private key."""
    raw = (
        Ed25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public)).hexdigest()[:40].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 40, 4))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, with or without dashes and spaces) in canonical form."""
    digits = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: str, signature: bytes, message: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public, validate=True))
        key.verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
