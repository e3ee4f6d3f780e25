"""The district's clock: Beijing time, whatever the machine's own time zone says."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from liaison.domain import clock


@pytest.fixture
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A laptop whose system time zone is America/New_York (UTC-5 or -4), not Beijing."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("machine_in_new_york")
def test_now_is_beijing_time_as_a_naive_datetime() -> None:
    beijing = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=8)
    now = clock.now()
    assert now.tzinfo is None
    assert abs(now - beijing) < timedelta(seconds=5)


@pytest.mark.usefixtures("machine_in_new_york")
def test_today_is_the_date_in_beijing() -> None:
    before = (datetime.now(UTC) + timedelta(hours=8)).date()
    today = clock.today()
    after = (datetime.now(UTC) + timedelta(hours=8)).date()
    assert today in (before, after)
