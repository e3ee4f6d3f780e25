"""Hybrid logical clock stamps: their format, their order and how the local clock moves."""

from __future__ import annotations

from datetime import datetime, timedelta

from liaison.domain import hlc

NOW = datetime(2025, 3, 3, 9, 0)
"""1_740_992_400_000 ms after 1970-01-01 00:00 (naive Beijing time is stored as is)."""
AT_NOW = "1740992400000000000"
A_DAY_LATER = "1741078800000999999"
"""The horizon at NOW: one day later, with the greatest counter."""


def test_millis_counts_milliseconds_since_1970() -> None:
    assert hlc.millis(datetime(1970, 1, 1)) == 0
    assert hlc.millis(NOW) == 1_740_992_400_000


def test_millis_drops_a_partial_millisecond() -> None:
    assert hlc.millis(datetime(1970, 1, 1, 0, 0, 0, 1_999)) == 1


def test_a_stamp_is_thirteen_digits_of_millis_then_six_of_counter() -> None:
    assert hlc.stamp(1_740_992_400_000) == AT_NOW
    assert hlc.stamp(5, 42) == "0000000000005000042"
    assert len(hlc.stamp(5)) == hlc.WIDTH


def test_stamps_compare_as_strings_like_their_times() -> None:
    assert hlc.stamp(999, 999_999) < hlc.stamp(1_000) < hlc.stamp(1_000, 1)


def test_parse_splits_millis_and_counter() -> None:
    assert hlc.parse("1740992400000123456") == (1_740_992_400_000, 123_456)


def test_to_datetime_is_the_wall_time_of_the_stamp_ignoring_the_counter() -> None:
    assert hlc.to_datetime("1740992400123000007") == datetime(2025, 3, 3, 9, 0, 0, 123_000)


def test_is_valid_accepts_exactly_nineteen_digits() -> None:
    assert hlc.is_valid(AT_NOW)
    assert not hlc.is_valid(AT_NOW[:-1])
    assert not hlc.is_valid(AT_NOW + "0")
    assert not hlc.is_valid("174099240000000000x")


def test_is_valid_refuses_what_is_not_a_string() -> None:
    assert not hlc.is_valid(int(AT_NOW))
    assert not hlc.is_valid(None)


def test_first_tick_is_the_wall_time_with_counter_zero() -> None:
    assert hlc.tick(None, NOW) == AT_NOW


def test_tick_at_a_later_millisecond_restarts_the_counter() -> None:
    assert hlc.tick("1740992400000000005", NOW + timedelta(milliseconds=1)) == (
        "1740992400001000000"
    )


def test_tick_in_the_same_millisecond_bumps_the_counter() -> None:
    assert hlc.tick("1740992400000000005", NOW) == "1740992400000000006"


def test_tick_never_goes_backwards_when_the_wall_clock_does() -> None:
    assert hlc.tick("1740992400000000005", NOW - timedelta(minutes=1)) == "1740992400000000006"


def test_horizon_is_one_day_ahead_with_the_greatest_counter() -> None:
    assert hlc.horizon(NOW) == A_DAY_LATER


def test_observe_without_a_local_stamp_takes_the_remote_one() -> None:
    assert hlc.observe(None, "1740992300000000003", NOW) == "1740992300000000003"


def test_observe_moves_up_to_a_newer_remote_stamp() -> None:
    assert hlc.observe(AT_NOW, "1740992400500000000", NOW) == "1740992400500000000"


def test_observe_keeps_the_local_stamp_when_the_remote_one_is_older() -> None:
    assert hlc.observe(AT_NOW, "1740992300000000003", NOW) == AT_NOW


def test_observe_follows_a_remote_stamp_right_at_the_horizon() -> None:
    assert hlc.observe(AT_NOW, A_DAY_LATER, NOW) == A_DAY_LATER


def test_observe_does_not_follow_a_remote_stamp_beyond_the_horizon() -> None:
    assert hlc.observe(AT_NOW, "1741078800001000000", NOW) == AT_NOW


def test_observe_beyond_the_horizon_without_a_local_stamp_starts_at_the_wall_time() -> None:
    assert hlc.observe(None, "1741078800001000000", NOW) == AT_NOW
