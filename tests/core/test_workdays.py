"""Working days on the official calendar (chinese_calendar) plus admin overrides."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison.domain import workdays
from liaison.domain.workdays import (
    DEFAULT_CALENDAR,
    DayOverride,
    WorkCalendar,
    fallback_note,
    package_knows_year,
)

CAL = DEFAULT_CALENDAR


def test_national_day_2025_is_a_holiday_from_october_1_to_8() -> None:
    for day in range(1, 9):
        assert not CAL.is_workday(date(2025, 10, day))


def test_sunday_2025_09_28_and_saturday_2025_10_11_are_make_up_workdays() -> None:
    assert date(2025, 9, 28).weekday() == 6
    assert date(2025, 10, 11).weekday() == 5
    assert CAL.is_workday(date(2025, 9, 28))
    assert CAL.is_workday(date(2025, 10, 11))


def test_spring_festival_2024_make_up_sundays_are_workdays() -> None:
    assert date(2024, 2, 4).weekday() == 6
    assert date(2024, 2, 18).weekday() == 6
    assert CAL.is_workday(date(2024, 2, 4))
    assert CAL.is_workday(date(2024, 2, 18))


def test_ordinary_weekend_is_not_a_workday() -> None:
    assert not CAL.is_workday(date(2025, 10, 12))  # Sunday after the make-up Saturday
    assert CAL.is_workday(date(2025, 10, 9))


def test_is_workday_agrees_with_chinese_calendar_for_every_known_day() -> None:
    cal = WorkCalendar()  # a calendar of its own: its year tables are built by this test
    d = date(2004, 1, 1)
    while d <= date(2026, 12, 31):
        assert cal.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_three_working_days_after_2025_09_30_is_the_make_up_saturday_2025_10_11() -> None:
    # 10-09 (1), 10-10 (2), 10-11 make-up Saturday (3); the package agrees.
    assert CAL.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert chinese_calendar.find_workday(3, date(2025, 9, 30)) == date(2025, 10, 11)


def test_one_working_day_after_2025_09_30_skips_the_whole_national_day_holiday() -> None:
    assert CAL.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_counting_starts_after_start_even_when_start_is_a_holiday() -> None:
    assert CAL.add_working_days(date(2025, 10, 1), 1) == date(2025, 10, 9)


def test_zero_working_days_returns_start_when_it_is_a_workday() -> None:
    assert CAL.add_working_days(date(2025, 9, 30), 0) == date(2025, 9, 30)


def test_zero_working_days_from_a_holiday_returns_the_next_workday() -> None:
    assert CAL.add_working_days(date(2025, 10, 3), 0) == date(2025, 10, 9)


def test_negative_n_is_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2025, 9, 30), -1)


def test_add_working_days_crosses_new_year() -> None:
    # 2025-12-31 is a Wednesday; 2026-01-01..03 is the New Year holiday, 01-04 a make-up Sunday.
    assert CAL.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 4)


def test_fifteen_working_days_matches_the_package_across_national_day() -> None:
    start = date(2025, 9, 19)  # a Friday
    assert CAL.add_working_days(start, 15) == chinese_calendar.find_workday(15, start)


def test_override_holiday_shifts_a_deadline_by_one_day() -> None:
    cal = WorkCalendar([DayOverride(date(2025, 10, 9), False, "区里停电放假")])
    assert not cal.is_workday(date(2025, 10, 9))
    assert cal.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 13)


def test_override_make_up_workday_counts() -> None:
    cal = WorkCalendar([DayOverride(date(2025, 10, 12), True, "加班")])
    assert cal.is_workday(date(2025, 10, 12))
    assert cal.add_working_days(date(2025, 9, 30), 4) == date(2025, 10, 12)


def test_later_override_for_the_same_day_wins() -> None:
    cal = WorkCalendar(
        [DayOverride(date(2025, 10, 9), False, "a"), DayOverride(date(2025, 10, 9), True, "b")]
    )
    assert cal.is_workday(date(2025, 10, 9))
    assert [o.name for o in cal.overrides] == ["b"]


def test_overrides_do_not_change_the_default_calendar() -> None:
    WorkCalendar([DayOverride(date(2025, 10, 9), False, "x")]).is_workday(date(2025, 10, 9))
    assert DEFAULT_CALENDAR.is_workday(date(2025, 10, 9))


def test_2027_is_unknown_to_the_package() -> None:
    assert package_knows_year(2026)
    assert not package_knows_year(2027)


def test_2027_falls_back_to_monday_to_friday() -> None:
    assert CAL.is_workday(date(2027, 1, 1))  # a Friday, presumably 元旦, but unknown
    assert not CAL.is_workday(date(2027, 1, 2))  # Saturday
    assert CAL.add_working_days(date(2027, 1, 1), 1) == date(2027, 1, 4)


def test_unknown_years_reports_2027() -> None:
    assert CAL.unknown_years(date(2026, 12, 1), date(2027, 2, 1)) == [2027]
    assert CAL.unknown_years(date(2027, 2, 1), date(2026, 12, 1)) == [2027]
    assert CAL.unknown_years(date(2025, 1, 1), date(2026, 12, 31)) == []


def test_a_year_with_any_override_is_not_reported_unknown() -> None:
    cal = WorkCalendar([DayOverride(date(2027, 1, 1), False, "元旦")])
    assert cal.unknown_years(date(2026, 12, 1), date(2028, 1, 5)) == [2028]
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 1, 4))  # no override: Monday


def test_fallback_note_names_the_years_in_chinese() -> None:
    assert fallback_note([2027]) == "2027 年节假日未知，按周末计算"
    assert fallback_note([2028, 2027]) == "2027、2028 年节假日未知，按周末计算"
    assert fallback_note([]) == ""


def test_working_days_between_counts_the_half_open_interval() -> None:
    assert CAL.working_days_between(date(2025, 9, 30), date(2025, 10, 11)) == 3
    assert CAL.working_days_between(date(2025, 9, 30), date(2025, 9, 30)) == 0
    assert CAL.working_days_between(date(2025, 10, 1), date(2025, 10, 8)) == 0


def test_working_days_between_is_negative_when_end_is_before_start() -> None:
    assert CAL.working_days_between(date(2025, 10, 11), date(2025, 9, 30)) == -3


def test_working_days_between_spans_several_years() -> None:
    start, end = date(2023, 6, 1), date(2026, 2, 1)
    expected = len(chinese_calendar.get_workdays(start + timedelta(days=1), end))
    assert CAL.working_days_between(start, end) == expected


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2029, 12, 31)),
    n=st.integers(min_value=0, max_value=60),
)
def test_working_days_between_inverts_add_working_days(start: date, n: int) -> None:
    s = CAL.add_working_days(start, 0)  # the property is stated for a working-day start
    assert CAL.working_days_between(s, CAL.add_working_days(s, n)) == n


@given(
    start=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 10, 31)),
    n=st.integers(min_value=0, max_value=40),
)
def test_add_working_days_agrees_with_find_workday_from_a_workday(start: date, n: int) -> None:
    # From a holiday find_workday(n, d) first moves to the next workday and counts n from
    # there (one day more than add_working_days); from a workday both agree.
    s = CAL.add_working_days(start, 0)
    assert CAL.add_working_days(s, n) == chinese_calendar.find_workday(n, s)


# Calendars and the package check memoise per year; the tests below start from empty memos so
# that they exercise the computation, not an answer an earlier test left behind (mutmut forks
# every mutant's run from a process in which the whole suite, DEFAULT_CALENDAR included, ran).


@pytest.fixture
def unmemoised(monkeypatch: pytest.MonkeyPatch) -> None:
    """package_knows_year forgets what it found out before."""
    monkeypatch.setattr(workdays, "_known_years", {})


@pytest.mark.usefixtures("unmemoised")
def test_the_package_knows_2004_to_2026_and_nothing_else() -> None:
    assert [package_knows_year(y) for y in (2003, 2004, 2026, 2027)] == [False, True, True, False]


@pytest.mark.usefixtures("unmemoised")
def test_a_new_calendar_follows_the_official_calendar_of_a_known_year() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(date(2025, 10, 1))  # a Wednesday of the National Day holiday
    assert cal.is_workday(date(2025, 10, 11))  # a make-up Saturday


def test_a_year_the_package_does_not_know_works_monday_to_friday() -> None:
    cal = WorkCalendar()
    # 2027-01-01 is a Friday.
    january = [cal.is_workday(date(2027, 1, d)) for d in range(1, 11)]
    assert january == [True, False, False, True, True, True, True, True, False, False]


def test_the_last_days_of_the_year_are_in_its_table() -> None:
    cal = WorkCalendar()
    assert cal.is_workday(date(2025, 12, 31))  # a Wednesday
    assert cal.is_workday(date(2027, 12, 30))  # a Thursday, weekends assumed
    assert cal.is_workday(date(2027, 12, 31))  # a Friday, weekends assumed


def test_a_year_of_weekends_assumed_has_261_working_days() -> None:
    # 2027: 52 weeks and one more Friday.
    assert WorkCalendar().working_days_between(date(2026, 12, 31), date(2027, 12, 31)) == 261


def test_counting_across_new_year_in_years_the_package_does_not_know() -> None:
    cal = WorkCalendar()
    # 2028-12-29 is a Friday, 2029-01-01 a Monday.
    assert cal.add_working_days(date(2028, 12, 29), 2) == date(2029, 1, 2)
    assert cal.working_days_between(date(2028, 12, 29), date(2029, 1, 2)) == 2


def test_negative_n_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"^n must be >= 0, got -2$"):
        CAL.add_working_days(date(2025, 9, 30), -2)
