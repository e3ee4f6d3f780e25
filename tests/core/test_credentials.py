"""The seal ops carry of a password hash (docs/sync.md, "Credentials")."""

from __future__ import annotations

from liaison.domain.credentials import seal

ACCOUNT = "01a24d0b-0000-7000-8000-000000000001"
HASH = "scrypt$16384$8$1$" + "00" * 16 + "$" + "ab" * 32


def test_the_seal_is_the_sha256_of_a_fixed_spelling() -> None:
    # printf 'liaison-credential/1\n<account>\n<hash>' | sha256sum
    assert seal(ACCOUNT, HASH) == "7633bb21469799fe2b39ce0d80e6bab0b29b225a7b41486a0126123b4d41c4f7"


def test_the_seal_changes_with_the_account_and_with_the_hash() -> None:
    other_account = ACCOUNT[:-1] + "2"
    other_hash = HASH[:-1] + "c"
    assert len({seal(ACCOUNT, HASH), seal(other_account, HASH), seal(ACCOUNT, other_hash)}) == 3
