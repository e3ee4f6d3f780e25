"""Working-day arithmetic on the official Chinese holiday calendar, 调休 included.

The State Council calendar comes from the `chinese_calendar` package (it knows 2004–2026 and
raises NotImplementedError outside that range). Administrators can add `DayOverride`s (a
holiday or a make-up working day); an override always wins over the package. For a year the
package does not know, every day without an override falls back to Monday–Friday = workday;
`unknown_years` tells callers when that happened so the UI can show `fallback_note`.

Speed: each year is turned once into a sorted list of the ordinals of its working days, so
`add_working_days` and `working_days_between` are a couple of bisects (a few microseconds),
which the demo generator relies on (about a million deadlines).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import chinese_calendar

__all__ = [
    "DEFAULT_CALENDAR",
    "DayOverride",
    "WorkCalendar",
    "fallback_note",
    "package_knows_year",
]

DUE_SOON_WORKING_DAYS = 3
"""An open demand due within this many working days is "due soon" (amber) everywhere: the work
list's section, the demand list's colour and legend, the detail's line."""


@dataclass(frozen=True)
class DayOverride:
    """An admin-entered holiday (`is_workday=False`) or make-up working day (`True`)."""

    day: date
    is_workday: bool
    name: str


_known_years: dict[int, bool] = {}


def package_knows_year(year: int) -> bool:
    """Whether `chinese_calendar` has the official holiday arrangement for `year`."""
    known = _known_years.get(year)
    if known is None:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            known = False
        else:
            known = True
        _known_years[year] = known
    return known


def fallback_note(years: Iterable[int]) -> str:
    """The sentence telling the user that weekends were assumed, e.g.
    "2027 年节假日未知，按周末计算"; "" when `years` is empty."""
    ys = sorted(set(years))
    if not ys:
        return ""
    return f"{'、'.join(str(y) for y in ys)} 年节假日未知，按周末计算"


class WorkCalendar:
    """Working days = the official calendar (with 调休) corrected by admin overrides.

    Immutable once built: to change the overrides, build a new calendar. If `overrides`
    contains the same day twice, the later entry wins. Safe to share between threads (the
    per-year cache is only ever filled with identical values).
    """

    def __init__(self, overrides: Iterable[DayOverride] = ()) -> None:
        by_day: dict[int, DayOverride] = {}
        for o in overrides:
            by_day[o.day.toordinal()] = o
        self._overrides = by_day
        self._override_years = frozenset(date.fromordinal(k).year for k in by_day)
        self._years: dict[int, list[int]] = {}
        self._year_sets: dict[int, frozenset[int]] = {}

    @property
    def overrides(self) -> tuple[DayOverride, ...]:
        """The effective overrides, in date order."""
        return tuple(self._overrides[k] for k in sorted(self._overrides))

    # --- per-year tables -------------------------------------------------------------

    def _compute_year(self, year: int) -> list[int]:
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        known = package_knows_year(year)
        overrides = self._overrides
        days: list[int] = []
        for o in range(first, last + 1):
            ov = overrides.get(o)
            if ov is not None:
                work = ov.is_workday
            elif known:
                work = chinese_calendar.is_workday(date.fromordinal(o))
            else:
                # date.toordinal(): 0001-01-01 (a Monday) is 1, so (o - 1) % 7 is weekday().
                work = (o - 1) % 7 < 5
            if work:
                days.append(o)
        return days

    def _year(self, year: int) -> list[int]:
        days = self._years.get(year)
        if days is None:
            days = self._compute_year(year)
            self._year_sets[year] = frozenset(days)
            self._years[year] = days
        return days

    # --- queries -----------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        """Whether `d` is a working day (a 调休 Saturday/Sunday is one; a holiday is not)."""
        year = d.year
        if year not in self._year_sets:
            self._year(year)
        return d.toordinal() in self._year_sets[year]

    def add_working_days(self, start: date, n: int) -> date:
        """The date `n` working days after `start`; `start` itself is not counted.

        n=1 is the first working day strictly after `start`, whatever `start` is. n=0 returns
        `start` if it is a working day, otherwise the next working day (so a deadline of "0
        working days" from a Sunday is the Monday). Raises ValueError for n < 0.
        """
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        o = start.toordinal()
        year = start.year
        days = self._year(year)
        # Index (within `year`) of the working day we want.
        idx = bisect_left(days, o) if n == 0 else bisect_right(days, o) + n - 1
        while idx >= len(days):
            idx -= len(days)
            year += 1
            days = self._year(year)
        return date.fromordinal(days[idx])

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days in (start, end]; negative (−count in (end, start]) if
        end < start. Inverse of add_working_days: for a working day `s`,
        working_days_between(s, add_working_days(s, n)) == n."""
        if end < start:
            return -self.working_days_between(end, start)
        so, eo = start.toordinal(), end.toordinal()
        sy, ey = start.year, end.year
        if sy == ey:
            days = self._year(sy)
            return bisect_right(days, eo) - bisect_right(days, so)
        first = self._year(sy)
        total = len(first) - bisect_right(first, so)
        for y in range(sy + 1, ey):
            total += len(self._year(y))
        return total + bisect_right(self._year(ey), eo)

    def unknown_years(self, start: date, end: date) -> list[int]:
        """Years touched by [start, end] (either order) for which the package has no data and
        no override exists at all: there the calendar assumed plain weekends."""
        lo, hi = sorted((start.year, end.year))
        return [
            y
            for y in range(lo, hi + 1)
            if not package_knows_year(y) and y not in self._override_years
        ]


DEFAULT_CALENDAR = WorkCalendar()
"""The official calendar without admin overrides."""
