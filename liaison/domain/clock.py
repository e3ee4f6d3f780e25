"""Local time of the district. China has one time zone and no daylight saving."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    """The current Beijing time as a naive datetime (how every timestamp is stored)."""
    return datetime.now(CHINA).replace(tzinfo=None)


def today() -> date:
    return now().date()
