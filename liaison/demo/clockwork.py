"""Deterministic ids and believable office-hour timestamps for generated records.

Values are written the way SQLAlchemy's SQLite types store them, so the ORM reads them back:
DateTime → 'YYYY-MM-DD HH:MM:SS.ffffff', Date → 'YYYY-MM-DD', Boolean → 0/1.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from liaison.domain.ids import uuid7_at
from liaison.domain.workdays import WorkCalendar

_EPOCH_CST = datetime(1970, 1, 1, 8, 0, 0)
"""The Unix epoch as a naive Beijing time (timestamps are stored as naive Beijing time)."""
_CLOSING_HOUR = 19
"""Work noted after office hours still ends before this hour; later it waits a day."""


def ts(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat(" ", "microseconds")


def ds(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


class Clockwork:
    """Ids and times drawn from one `random.Random`, so a seed fixes every value."""

    def __init__(self, rng: random.Random, calendar: WorkCalendar) -> None:
        self.rng = rng
        self.cal = calendar
        self._bits = rng.getrandbits

    def id_at(self, dt: datetime) -> str:
        """A UUIDv7 whose timestamp is `dt` (Beijing time): ids sort by creation time."""
        d = dt - _EPOCH_CST
        ms = d.days * 86_400_000 + d.seconds * 1000 + d.microseconds // 1000
        return uuid7_at(ms, self._bits(74))

    def office_time(self, day: date) -> datetime:
        """A moment of `day` in office hours (08:30–12:00 or 13:30–18:00)."""
        r = self.rng.random()
        # 08:30–12:00 or 13:30–18:00
        sec = (
            30_600 + int(r / 0.45 * 12_600)
            if r < 0.45
            else 48_600 + int((r - 0.45) / 0.55 * 16_200)
        )
        us = int(self.rng.random() * 1_000_000)
        return datetime(day.year, day.month, day.day, sec // 3600, sec // 60 % 60, sec % 60, us)

    def workday_on_or_after(self, day: date) -> date:
        return self.cal.add_working_days(day, 0)

    def later(self, t: datetime, lo: int, hi: int) -> datetime:
        """A moment `lo`..`hi` working days after `t` (0 = later the same working day),
        in office hours, strictly after `t`."""
        n = lo if hi <= lo else lo + int(self.rng.random() * (hi - lo + 1))
        out = self.office_time(self.cal.add_working_days(t.date(), n))
        return out if out > t else self._soon_after(t)

    def at_day(self, day: date, after: datetime) -> datetime:
        """A moment in office hours of `day` (or the next working day), after `after`."""
        out = self.office_time(self.cal.add_working_days(day, 0))
        return out if out > after else self._soon_after(after)

    def _soon_after(self, t: datetime) -> datetime:
        """Minutes after `t` if that is still office hours, else the next working day."""
        out = t + timedelta(seconds=300 + int(self.rng.random() * 3600))
        if out.date() == t.date() and out.hour < _CLOSING_HOUR and self.cal.is_workday(t.date()):
            return out
        return self.office_time(self.cal.add_working_days(t.date(), 1))
