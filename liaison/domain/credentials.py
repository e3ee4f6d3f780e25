"""What of a password travels between devices.

A password's scrypt hash is secret enough that it goes only to the devices where the account may
sign in (docs/sync.md, "Credentials"). Ops — which every device of the district receives —
carry its seal instead: the SHA-256 of the account id and the hash. The hash itself travels
beside a bundle, and a receiver keeps it only when its seal is the one the account's op names
(so no sender can slip in another password). The hash's own random salt makes the seal useless
for guessing passwords.
"""

from __future__ import annotations

import hashlib


def seal(account_id: str, password_hash: str) -> str:
    return hashlib.sha256(
        f"liaison-credential/1\n{account_id}\n{password_hash}".encode()
    ).hexdigest()
