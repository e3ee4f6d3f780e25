"""The 统计期 choices of the dashboard: named periods around today and how a period is worded."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

PERIODS = ("month", "last_month", "quarter", "last_quarter", "year", "custom")
FRESH_MONTH_DAYS = 10
"""Until this day of the month the dashboard opens on 上月: a few days into a month most rates
are still “—” (nothing due yet), while last month is complete and is what the 通报 reports."""


def default_period(today: date) -> str:
    """The period the dashboard opens on: 上月 until the FRESH_MONTH_DAYS-th, then 本月."""
    return "last_month" if today.day <= FRESH_MONTH_DAYS else "month"


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardScreen", text)


def whole_period(start: date, end: date) -> tuple[str, int, int] | None:
    """("month", year, month), ("quarter", year, q) or ("year", year, 0) when [start, end] is
    exactly one of them; else None."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return "month", start.year, start.month
    if months == 3 and start.month % 3 == 1:
        return "quarter", start.year, (start.month - 1) // 3 + 1
    if months == 12 and start.month == 1:
        return "year", start.year, 0
    return None


def period_words(start: date, end: date) -> str:
    """2026年11月, 2026年第3季度, 2026年, or 2026-10-01 至 2026-11-26."""
    whole = whole_period(start, end)
    if whole is None:
        return _t("{start} 至 {end}").format(start=start.isoformat(), end=end.isoformat())
    kind, year, part = whole
    if kind == "month":
        return _t("{year}年{month}月").format(year=year, month=part)
    if kind == "quarter":
        return _t("{year}年第{quarter}季度").format(year=year, quarter=part)
    return _t("{year}年").format(year=year)


def period_dates(period: str, today: date) -> tuple[date, date]:
    """[start, end] of a named period around `today` (custom: not handled here)."""
    if period == "month":
        return today.replace(day=1), today
    if period == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    quarter_start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    if period == "quarter":
        return quarter_start, today
    if period == "last_quarter":
        end = quarter_start - timedelta(days=1)
        return end.replace(month=(end.month - 1) // 3 * 3 + 1, day=1), end
    return today.replace(month=1, day=1), today
