"""诉求 and 统计 in English: the core's vocabulary (states, events, outcomes, satisfaction, demand
kinds, urgencies, the metrics' "none" rows) shows in English; names people and offices gave
(enterprises, departments, categories, free text) stay as they were entered."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.services import demands
from liaison.services.context import Actor
from liaison.services.metrics import NONE_LABELS
from liaison.services.queries import demand_detail
from liaison.ui.context import AppContext
from liaison.ui.dashboard import DashboardScreen, drill
from liaison.ui.dashboard.table import metrics_labels
from liaison.ui.demands import DemandsScreen
from liaison.ui.demands.action_dialogs import FollowUpDialog, ResolveDialog, make_action_dialog
from liaison.ui.demands.ledger_dialog import scope_words
from tests.conftest import Cast, log_demands

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MakeCtx = Callable[[Actor], AppContext]
K = wf.EventKind


def _loop(db: Database, cast: Cast) -> dict[str, str]:
    """Four demands: closed after a satisfied follow-up, in progress and escalated, routed,
    and one still waiting to be routed."""
    closed, doing, routed, new = log_demands(db, cast, "贷款难", "社保缴费", "招工难", "用地")
    for d in (closed, doing, routed):
        demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
    for d in (closed, doing):
        demands.accept_demand(db, cast.finance_handler, d)
    demands.resolve_demand(
        db,
        cast.finance_handler,
        closed,
        answer="已协调银行授信",
        outcome=wf.Outcome.SOLVED,
        policy_basis="第13条",
    )
    demands.record_follow_up(db, cast.cadre, closed, satisfaction=wf.Satisfaction.SATISFIED)
    demands.close_demand(db, cast.supervisor, closed)
    demands.escalate_demand(db, cast.supervisor, doing, "请加快办理")
    return {"closed": closed, "doing": doing, "routed": routed, "new": new}


def _demands_screen(qtbot: QtBot, ctx: AppContext) -> DemandsScreen:
    screen = DemandsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    panel = screen.list_panel
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    panel.state.setCurrentIndex(0)  # 全部状态
    qtbot.waitUntil(lambda: not panel.busy and len(panel.model.ids) == 4, timeout=5000)
    return screen


def test_demand_list_shows_states_in_english(
    english: None, qtbot: QtBot, make_ctx: MakeCtx, cast: Cast, db: Database
) -> None:
    ids = _loop(db, cast)
    screen = _demands_screen(qtbot, make_ctx(cast.supervisor))
    panel = screen.list_panel
    model = panel.model
    states = {model.id_at(r): str(model.index(r, 2).data()) for r in range(model.rowCount())}
    assert states == {
        ids["closed"]: "Closed",
        ids["doing"]: "In progress",
        ids["routed"]: "Routed",
        ids["new"]: "To route",
    }
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    assert not [h for h in headers if CJK.search(h)], headers
    choices = [panel.state.itemText(i) for i in range(panel.state.count())]
    assert {"To route", "Routed", "In progress", "Closed", "Merged"} <= set(choices)
    assert not [c for c in choices if CJK.search(c)], choices
    panel.state.setCurrentIndex(panel.state.findData(str(wf.State.CLOSED)))
    qtbot.waitUntil(lambda: not panel.busy and panel.model.ids == [ids["closed"]], timeout=5000)


def test_demand_detail_shows_its_timeline_in_english(
    english: None, qtbot: QtBot, make_ctx: MakeCtx, cast: Cast, db: Database
) -> None:
    ids = _loop(db, cast)
    screen = _demands_screen(qtbot, make_ctx(cast.supervisor))
    assert screen.list_panel.select(ids["closed"])
    detail = screen.detail
    assert detail.badge_texts()[0] == "Closed"
    assert detail.values["category"].text().endswith(" · Demand · Normal")
    assert detail.no_actions.text() == "This demand is closed; nothing more to do."

    model = detail.timeline_model
    steps = [str(model.index(r, 1).data()).split("\n")[0] for r in range(model.rowCount())]
    assert steps == ["Raise", "Route", "Accept", "Resolve", "Follow up", "Close"]
    notes = [str(model.index(r, 2).data()) for r in range(model.rowCount())]
    assert "Solved" in notes[3] and "结果" not in notes[3]
    assert "Satisfied" in notes[4] and not CJK.search(notes[4]), notes[4]

    assert screen.list_panel.select(ids["doing"])
    assert detail.badge_texts()[0] == "In progress"
    buttons = {kind: b.text() for kind, b in detail.action_buttons.items()}
    assert buttons[K.ESCALATE] == "Escalate"
    assert not [t for t in buttons.values() if CJK.search(t)], buttons
    steps = [str(model.index(r, 1).data()).split("\n")[0] for r in range(model.rowCount())]
    assert steps == ["Raise", "Route", "Accept", "Escalate"]


def test_dashboard_shows_figures_and_the_none_row_in_english(
    english: None, qtbot: QtBot, make_ctx: MakeCtx, cast: Cast, db: Database
) -> None:
    _loop(db, cast)
    screen = DashboardScreen(make_ctx(cast.supervisor))
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    qtbot.waitUntil(lambda: not screen.busy and screen.report is not None, timeout=10000)
    screen.period.setCurrentIndex(screen.period.findData("month"))  # the loop is this month's
    qtbot.waitUntil(
        lambda: (
            not screen.busy
            and screen.report is not None
            and (screen.report.start, screen.report.end) == screen.current_period()
        ),
        timeout=10000,
    )
    report = screen.report
    assert report is not None

    model = screen.model
    groups = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert "Not routed / no unit" in groups  # the demand still waiting to be routed
    assert NONE_LABELS["department"] not in groups
    assert [label for label, _ in screen.chart.bars] == groups
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    assert not [h for h in headers if CJK.search(h)], headers

    none_row = next(r for r in report.rows if r.key is None)
    menu = [text for _, text in drill.figure_choices(report.total, ("routed", "resolved"))]
    assert menu[0].startswith("Routed: 3") and menu[1].startswith("Resolved: 1")
    chip = drill.drill_label(report, "raised", none_row)
    assert chip.startswith("From statistics: Not routed / no unit · Demands raised · ")
    assert not CJK.search(chip), chip


def test_every_metrics_none_label_has_english(english: None) -> None:
    shown = metrics_labels()
    assert set(NONE_LABELS.values()) <= set(shown)
    assert not [t for t in shown.values() if CJK.search(t)], shown


def test_ledger_scope_is_worded_in_english(english: None, cast: Cast, db: Database) -> None:
    scope: dict[str, str | None] = {
        "department_id": cast.finance_dept,
        "street_id": None,
        "category_id": None,
        "state": str(wf.State.ACCEPTED),
    }
    assert scope_words(db, scope) == "Lead unit: 区金融办; State: In progress"
    assert scope_words(db, dict.fromkeys(scope)) == "All demands"


def test_action_dialogs_offer_outcomes_and_satisfaction_in_english(
    english: None, qtbot: QtBot, make_ctx: MakeCtx, cast: Cast, db: Database
) -> None:
    ids = _loop(db, cast)
    handler = cast.finance_handler
    resolve = make_action_dialog(
        K.RESOLVE, make_ctx(handler), demand_detail(db, ids["doing"], handler)
    )
    qtbot.addWidget(resolve)
    assert isinstance(resolve, ResolveDialog)
    outcomes = [b.text() for b in resolve.outcome.buttons()]
    assert outcomes == ["Solved", "Partly solved", "Cannot be solved"]

    demands.resolve_demand(
        db, handler, ids["doing"], answer="已办理", outcome=wf.Outcome.PARTLY, policy_basis="第13条"
    )
    follow_up = make_action_dialog(
        K.FOLLOW_UP, make_ctx(cast.cadre), demand_detail(db, ids["doing"], cast.cadre)
    )
    qtbot.addWidget(follow_up)
    assert isinstance(follow_up, FollowUpDialog)
    answers = [b.text() for b in follow_up.satisfaction.buttons()]
    assert answers == ["Satisfied", "Mostly satisfied", "Not satisfied"]
