"""Readable serials of printed records (liaison.domain.serials)."""

from __future__ import annotations

import pytest

from liaison.domain.serials import closure_serial, device_code, normalize_serial


def test_a_serial_names_district_year_device_and_count() -> None:
    assert closure_serial(2026, "7F3A", 12) == "江北销号〔2026〕7F3A-00012号"
    assert closure_serial(2027, "0001", 123456) == "江北销号〔2027〕0001-123456号"


@pytest.mark.parametrize(
    ("fingerprint", "device_id", "code"),
    [
        ("2970-AC91-5AD5-78DC", "ffff", "2970"),
        ("ab-cd-ef", "ffff", "ABCD"),  # case folded, dashes dropped
        ("", "01a2-3b4c-5678", "01A2"),  # no key yet: the id's first hex digits
        ("", "x9", "9000"),  # too few digits: padded with zeros
    ],
)
def test_the_device_code_is_four_hex_digits(fingerprint: str, device_id: str, code: str) -> None:
    assert device_code(fingerprint, device_id) == code


@pytest.mark.parametrize(
    "typed",
    [
        "江北销号〔2026〕7F3A-00012号",
        "江北销号 〔2026〕 7f3a-00012号",
        "江北销号[2026]7F3A-00012号",
        "江北销号［2026］7F3A－00012号",
        "江北销号(2026)7F3A—00012号",
    ],
)
def test_serials_typed_by_people_are_understood(typed: str) -> None:
    assert normalize_serial(typed) == "江北销号〔2026〕7F3A-00012号"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "江北销号〔2026〕7F3A-0001号",  # four digits: never printed
        "江北销号〔26〕7F3A-00012号",
        "江北销号〔2026〕7F3-00012号",
        "江北销号〔2026〕7G3A-00012号",
        "江北销号〔2026〕7F3A-00012",
        "〔2026〕7F3A-00012号",
        "江北销号〔2026〕7F3A-00012号 3F2A",
    ],
)
def test_other_text_is_not_a_serial(typed: str) -> None:
    assert normalize_serial(typed) is None
