"""A bundle's payload encrypted to the device it is for: age (age-encryption.org/v1), through
pyrage, to the recipient device's own Ed25519 key used as an `ssh-ed25519` age recipient.

Why age (docs/sync.md#encryption): it streams (a 1.8 GB district snapshot in 64 KiB chunks, tens
of MB of memory — HPKE from `cryptography` is one-shot and held 3× a 200 MB payload in memory),
every chunk is authenticated, and an IT person holding a device's key opens a payload with the
standard `age` or `rage` command (`liaison device key --out FILE` writes the key as OpenSSH).
The devices' signing keys serve as recipients, so nothing new is enrolled or exchanged.
"""

from __future__ import annotations

import base64
import hashlib
import io
from typing import BinaryIO

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

AGE = "age"
"""The header's `encryption` for a payload age-encrypted to the header's recipient."""
NONE = "none"
"""A payload in the clear: only a request to be enrolled (no ops, nothing of anyone's)."""
KINDS = (AGE, NONE)


class NotForThisDevice(Exception):
    """The payload is encrypted to another key than this device's."""


class Undecryptable(Exception):
    """The payload is no age file, or it was cut or altered."""


def openssh_public(public_key: str) -> str:
    """A device's public key (raw 32 bytes, base64) as an OpenSSH `ssh-ed25519 …` line."""
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
    return key.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode("ascii")


def openssh_private(private_key: bytes) -> bytes:
    """A device's private key (raw 32 bytes) as an unencrypted OpenSSH private key file, which
    `age -d -i FILE` takes."""
    return Ed25519PrivateKey.from_private_bytes(private_key).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )


def encrypt(source: BinaryIO, out: BinaryIO, public_key: str) -> None:
    """Stream `source` into `out` encrypted to the device whose public key this is."""
    recipient = pyrage.ssh.Recipient.from_str(openssh_public(public_key))
    pyrage.encrypt_io(source, out, [recipient])


class _Counted(io.RawIOBase):
    """`size` bytes of `source` from where it stands, hashed as they are read."""

    def __init__(self, source: BinaryIO, size: int, digest: hashlib._Hash) -> None:
        self.source = source
        self.left = size
        self.digest = digest
        self.failure: OSError | None = None
        """The source's own error (the stick pulled out), which pyrage reports as its own."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left)
        if n <= 0:
            return 0
        try:
            block = self.source.read(n)
        except OSError as exc:
            self.failure = exc
            raise
        buffer[: len(block)] = block
        self.digest.update(block)
        self.left -= len(block)
        return len(block)


def decrypt(
    source: BinaryIO, size: int, out: BinaryIO, private_key: bytes, digest: hashlib._Hash
) -> None:
    """Stream `size` bytes of `source` (from where it stands), an age file, into `out`
    decrypted with this device's key, feeding what is read to `digest`. Raises
    `NotForThisDevice`, `Undecryptable`, or OSError when `out` cannot be written."""
    identity = pyrage.ssh.Identity.from_buffer(openssh_private(private_key))
    counted = _Counted(source, size, digest)
    reader = io.BufferedReader(counted, 1 << 20)
    try:
        pyrage.decrypt_io(reader, out, [identity])
    except (pyrage.DecryptError, OSError) as exc:
        if counted.failure is not None:
            raise counted.failure from exc
        if isinstance(exc, OSError) and exc.errno is not None:
            raise  # writing `out` (the disk); pyrage's own errors carry no number
        if "No matching keys" in str(exc):
            raise NotForThisDevice() from exc
        raise Undecryptable(str(exc)) from exc
    while reader.read(1 << 20):  # what follows a complete age stream is hashed too
        pass
