"""Readable serials of printed records: 江北销号〔2026〕7F3A-00012号.

A serial is allocated once, when the record comes into being (a 销号 for a 诉求办结销号单), by
the device that makes it, and travels with the record through sync; every replica prints the
same one. It is unique across devices without asking anyone: it names the device that
allocated it by the first four hex digits of the device's key fingerprint (the digits an
administrator compares at enrolment) and counts that device's records of the kind in the
year, from 1. The record's UUID stays the machine's identity; the serial is for people.
"""

from __future__ import annotations

import re

CLOSURE_WORD = "江北销号"
"""The issuing district and the kind of record (销号 = closure record)."""

_SERIAL = re.compile(r"^(?P<word>\S+?)〔(?P<year>\d{4})〕(?P<code>[0-9A-F]{4})-(?P<n>\d{5,})号$")


def device_code(fingerprint: str, device_id: str) -> str:
    """Four upper-case hex digits naming a device: its fingerprint's first group (its id's
    first four hex digits for a device that has no key yet)."""
    digits = "".join(ch for ch in (fingerprint or device_id).upper() if ch in "0123456789ABCDEF")
    return (digits + "0000")[:4]


def closure_serial(year: int, code: str, n: int) -> str:
    """The serial of a device's `n`-th closure record of `year`."""
    return f"{CLOSURE_WORD}〔{year}〕{code}-{n:05d}号"


def normalize_serial(text: str) -> str | None:
    """A serial as typed — half-width brackets, spaces, lower-case hex — in printed form, or
    None when it is not one."""
    compact = "".join(text.split()).upper()
    for a, b in (("[", "〔"), ("]", "〕"), ("［", "〔"), ("］", "〕"), ("(", "〔"), (")", "〕")):
        compact = compact.replace(a, b)
    compact = compact.replace("－", "-").replace("—", "-")
    m = _SERIAL.match(compact)
    if m is None:
        return None
    return f"{m['word']}〔{m['year']}〕{m['code']}-{m['n']}号"
