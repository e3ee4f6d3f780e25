"""Hybrid logical clock stamps: ordered like wall time, never going backwards on one device.

A stamp is a fixed-width string `MMMMMMMMMMMMMCCCCCC`: 13 digits of milliseconds since
1970-01-01 on the device's (Beijing, naive) clock and a 6-digit counter, so stamps compare as
strings. Ties between devices are broken by the device id, outside the stamp. Causality between
edits never relies on stamps (docs/sync.md): they only pick a provisional winner among concurrent
edits, and a stamp far ahead of the local clock is accepted but not followed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

WIDTH = 19
PATTERN = re.compile(r"\d{19}")
FUTURE_TOLERANCE = timedelta(days=1)
"""A remote stamp further ahead of the local clock than this is not followed (and is flagged)."""

_EPOCH = datetime(1970, 1, 1)


def millis(at: datetime) -> int:
    return (at - _EPOCH) // timedelta(milliseconds=1)


def stamp(ms: int, counter: int = 0) -> str:
    return f"{ms:013d}{counter:06d}"


def parse(value: str) -> tuple[int, int]:
    return int(value[:13]), int(value[13:])


def to_datetime(value: str) -> datetime:
    return _EPOCH + timedelta(milliseconds=parse(value)[0])


def is_valid(value: object) -> bool:
    return isinstance(value, str) and PATTERN.fullmatch(value) is not None


def tick(last: str | None, now: datetime) -> str:
    """The next local stamp after `last`, at wall time `now`."""
    ms = millis(now)
    if last is None:
        return stamp(ms)
    last_ms, counter = parse(last)
    if ms > last_ms:
        return stamp(ms)
    return stamp(last_ms, counter + 1)


def observe(last: str | None, remote: str, now: datetime) -> str:
    """The local clock after seeing `remote`: it moves up to it unless it is too far ahead."""
    if remote > horizon(now):
        return last or stamp(millis(now))
    if last is None or remote > last:
        return remote
    return last


def horizon(now: datetime) -> str:
    """The greatest stamp not far in the future at `now`: later ones are not followed."""
    return stamp(millis(now + FUTURE_TOLERANCE), 999_999)
