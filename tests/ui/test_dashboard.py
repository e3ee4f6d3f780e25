"""统计: the screen shows exactly what compute_metrics counts, per period and grouping."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from functools import partial
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.services.context import Actor
from liaison.services.metrics import MetricRow, compute_metrics
from liaison.services.metrics_text import percent
from liaison.ui.context import AppContext
from liaison.ui.dashboard import DashboardScreen
from liaison.ui.dashboard.periods import period_dates
from liaison.ui.dashboard.table import RATE_COUNTS, RATE_NAMES
from liaison.ui.demands import DemandsScreen
from tests.conftest import Cast, log_demands

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester  # imported by pytest-qt once Qt is chosen


def _activity(db: Database, cast: Cast) -> None:
    """Demands in several states: resolved and followed up, accepted, returned, new."""
    a, b, c, _new = log_demands(db, cast, "贷款难", "社保缴费", "招工难", "用地")
    for d in (a, b):
        demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
        demands.accept_demand(db, cast.finance_handler, d)
    demands.route_demand(db, cast.supervisor, c, lead_department_id=cast.hr_dept)
    demands.resolve_demand(
        db,
        cast.finance_handler,
        a,
        answer="已协调银行授信",
        outcome=wf.Outcome.SOLVED,
        policy_basis="第13条",
    )
    demands.record_follow_up(db, cast.cadre, a, satisfaction=wf.Satisfaction.SATISFIED)


def _grouped_by(screen: DashboardScreen, by: str) -> bool:
    return screen.report is not None and screen.report.by == by


def _screen(qtbot: QtBot, ctx: AppContext, period: str = "month") -> DashboardScreen:
    """The screen on `period` (the activity of these tests happens today: 本月)."""
    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    _wait(qtbot, screen)
    if screen.period.currentData() != period:
        screen.period.setCurrentIndex(screen.period.findData(period))
        qtbot.waitUntil(lambda: screen.report is not None and not screen.busy)
        qtbot.waitUntil(
            lambda: (
                screen.report is not None
                and (screen.report.start, screen.report.end) == screen.current_period()
            )
        )
    return screen


def _wait(qtbot: QtBot, screen: DashboardScreen) -> None:
    qtbot.waitUntil(lambda: not screen.busy and screen.report is not None, timeout=10000)


def _table(screen: DashboardScreen) -> list[list[str]]:
    model = screen.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _expected(rows: Iterable[MetricRow]) -> list[list[str]]:
    return [[r.label, *(percent(getattr(r, n)) for n in RATE_NAMES), str(r.overdue)] for r in rows]


def test_numbers_equal_compute_metrics(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    _activity(db, cast)
    screen = _screen(qtbot, make_ctx(cast.supervisor))
    start, end = period_dates("month", clock.today())
    report = compute_metrics(db, start, end, "department")
    assert screen.report == report
    assert _table(screen) == _expected(report.rows)
    assert len(report.rows) >= 2
    total = report.total
    for name in RATE_NAMES:
        card = screen.cards[name]
        num, den = RATE_COUNTS[name]
        assert card.value.text() == percent(getattr(total, name))
        assert card.counts_text == f"{getattr(total, num)}/{getattr(total, den)}"
    assert screen.cards["overdue"].value.text() == str(total.overdue)
    assert screen.cards["resolution_rate"].counts_text == "1/4"


def test_switching_grouping_recomputes(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    _activity(db, cast)
    screen = _screen(qtbot, make_ctx(cast.supervisor))
    start, end = period_dates("month", clock.today())
    for by in ("street", "cadre", "category"):
        screen.grouping.setCurrentIndex(screen.grouping.findData(by))
        _wait(qtbot, screen)
        qtbot.waitUntil(partial(_grouped_by, screen, by))
        report = compute_metrics(db, start, end, by)
        assert _table(screen) == _expected(report.rows)
    screen.period.setCurrentIndex(screen.period.findData("year"))
    qtbot.waitUntil(lambda: screen.report is not None and screen.report.start.month == 1)
    start, end = period_dates("year", clock.today())
    assert _table(screen) == _expected(compute_metrics(db, start, end, "category").rows)


def test_sorting_by_a_rate_and_the_chart_follow(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    _activity(db, cast)
    screen = _screen(qtbot, make_ctx(cast.supervisor))
    column = 1 + RATE_NAMES.index("on_time_acceptance")
    screen.table.sortByColumn(column, screen.table.horizontalHeader().sortIndicatorOrder())
    values = [r.on_time_acceptance for r in screen.model.rows]
    present = [v for v in values if v is not None]
    assert present == sorted(present) or present == sorted(present, reverse=True)
    assert values[len(present) :] == [None] * (len(values) - len(present))
    assert [label for label, _ in screen.chart.bars] == [r.label for r in screen.model.rows]


def test_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
) -> None:
    _activity(db, cast)
    screen = _screen(qtbot, make_ctx(cast.supervisor))
    qtmodeltester.check(screen.model)


def test_older_results_are_ignored(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    _activity(db, cast)
    screen = _screen(qtbot, make_ctx(cast.supervisor))
    screen.grouping.setCurrentIndex(screen.grouping.findData("street"))
    screen.grouping.setCurrentIndex(screen.grouping.findData("category"))
    qtbot.waitUntil(lambda: not screen.busy)
    qtbot.wait(100)
    assert screen.report is not None and screen.report.by == "category"


def test_view_demands_opens_the_demands_screen(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    from liaison.ui.main_window import MainWindow

    window = MainWindow(make_ctx(cast.supervisor))
    qtbot.addWidget(window)
    window.show()
    window.show_screen("dashboard")
    screen = window.screen_named("dashboard")
    assert isinstance(screen, DashboardScreen)
    _wait(qtbot, screen)
    screen.ask_figure = lambda choices: choices[0][0]
    screen.drill.click()
    demands_screen = window.screen_named("demands")
    assert window.stack.currentWidget() is demands_screen
    assert isinstance(demands_screen, DemandsScreen)
    qtbot.waitUntil(lambda: not demands_screen.list_panel.busy)


@pytest.mark.parametrize(
    ("day", "opening", "start", "end"),
    [
        (date(2026, 12, 7), "last_month", date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 12, 10), "last_month", date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 12, 11), "month", date(2026, 12, 1), date(2026, 12, 11)),
        (date(2026, 1, 3), "last_month", date(2025, 12, 1), date(2025, 12, 31)),
    ],
)
def test_it_opens_on_a_period_with_data_and_says_which(
    qtbot: QtBot,
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    monkeypatch: pytest.MonkeyPatch,
    day: date,
    opening: str,
    start: date,
    end: date,
) -> None:
    """A week into a month most rates are still “—”: until the 10th it opens on 上月."""
    monkeypatch.setattr(clock, "now", lambda: datetime.combine(day, time(9, 30)))
    screen = DashboardScreen(make_ctx(cast.supervisor))
    qtbot.addWidget(screen)
    screen.show()
    _wait(qtbot, screen)
    assert screen.period.currentData() == opening
    assert screen.report is not None
    assert (screen.report.start, screen.report.end) == (start, end)
    assert screen.start_edit.date().toPython() == start
    assert screen.end_edit.date().toPython() == end
    assert ("默认显示上月" in screen.period.toolTip()) == (opening == "last_month")
