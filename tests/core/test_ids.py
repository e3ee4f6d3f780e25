"""Record ids: UUIDv7 made on the device, and name-based ids for the seeded reference data."""

from __future__ import annotations

import re
import time
import uuid

import pytest

from liaison.domain.ids import new_id, stable_id, uuid7_at

MAX_MS = (1 << 48) - 1
MAX_RAND = (1 << 74) - 1


def test_uuid7_at_gives_the_rfc_9562_example() -> None:
    # RFC 9562, appendix A.6: unix_ts_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
    rand = (0xCC3 << 62) | 0x18C4DC0C0C07398F
    assert uuid7_at(0x017F22E279B0, rand) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"


def test_uuid7_at_accepts_the_first_and_the_last_millisecond() -> None:
    assert uuid7_at(0, 0) == "00000000-0000-7000-8000-000000000000"
    assert uuid7_at(MAX_MS, MAX_RAND) == "ffffffff-ffff-7fff-bfff-ffffffffffff"


@pytest.mark.parametrize("unix_ms", [-1, MAX_MS + 1])
def test_uuid7_at_refuses_a_time_outside_48_bits(unix_ms: int) -> None:
    with pytest.raises(ValueError, match=rf"^unix_ms out of range: {unix_ms}$"):
        uuid7_at(unix_ms, 0)


def test_uuid7_at_uses_only_74_random_bits() -> None:
    rand = (0xCC3 << 62) | 0x18C4DC0C0C07398F
    assert uuid7_at(0x017F22E279B0, rand | (1 << 74) | (1 << 80)) == uuid7_at(0x017F22E279B0, rand)


def test_uuid7_at_is_a_version_7_rfc_uuid_carrying_its_time() -> None:
    made = uuid.UUID(uuid7_at(1_740_992_400_000, 0x2_1234_5678_9ABC_DEF0_1234))
    assert (made.version, made.variant) == (7, uuid.RFC_4122)
    assert made.int >> 80 == 1_740_992_400_000


def test_uuid7_at_ids_sort_by_time_whatever_the_random_bits() -> None:
    assert uuid7_at(1_740_992_400_000, MAX_RAND) < uuid7_at(1_740_992_400_001, 0)


def test_new_id_is_a_canonical_version_7_uuid_of_now() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000
    canonical = r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    assert re.fullmatch(canonical, made)
    assert before <= uuid.UUID(made).int >> 80 <= after


def test_new_ids_differ() -> None:
    assert len({new_id() for _ in range(100)}) == 100


def test_stable_id_is_the_same_on_every_device() -> None:
    # Pinned: a changed namespace or name would make replicas seed different records.
    assert stable_id("department", "industry_commerce_federation") == (
        "cccbf2eb-e09b-5d72-8b35-620b950e85db"
    )


def test_stable_id_depends_on_the_kind_of_record() -> None:
    assert stable_id("street", "industry_commerce_federation") == (
        "ced2aa31-96af-5343-b613-30e4faff5298"
    )
