"""工作台 of each role on a prepared situation; entries open through the navigator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.uscc import make_uscc
from liaison.services import demands, enterprises, visits
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.home import HomeScreen, SectionCard
from tests.conftest import Cast
from tests.ui.visit_steps import FakeNav


@dataclass
class Situation:
    unvisited: str
    assigned: str
    returned: str
    resolved: str


@pytest.fixture
def situation(db: Database, cast: Cast) -> Situation:
    unvisited = enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(
            name="重庆鸿运物流有限公司",
            uscc=make_uscc("91500105MA0000031"),
            street_id=cast.street_id,
        ),
    )
    enterprises.assign_cadre(db, cast.admin, unvisited, cast.cadre.account_id)
    logged = visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            enterprise_id=cast.enterprise_id,
            visit_date=clock.today(),
            mode="onsite",
            summary="了解企业经营情况",
            demands=tuple(
                visits.DemandInput(cast.financing_category, t)
                for t in ("申请贷款贴息", "招工难", "申请担保")
            ),
        ),
    )
    assigned, returned, resolved = logged.demand_ids
    sup, fin = cast.supervisor, cast.finance_handler
    demands.route_demand(db, sup, assigned, lead_department_id=cast.finance_dept)
    demands.route_demand(db, sup, returned, lead_department_id=cast.hr_dept)
    demands.return_demand(db, cast.hr_handler, returned, "应由区金融办牵头")
    demands.route_demand(db, sup, resolved, lead_department_id=cast.finance_dept)
    demands.accept_demand(db, fin, resolved)
    demands.resolve_demand(
        db, fin, resolved, answer="已协调担保", outcome=wf.Outcome.SOLVED, policy_basis="第13条"
    )
    return Situation(unvisited, assigned, returned, resolved)


@pytest.fixture
def open_home(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext]
) -> Callable[[Actor], tuple[HomeScreen, FakeNav]]:
    def open_for(actor: Actor) -> tuple[HomeScreen, FakeNav]:
        ctx = make_ctx(actor)
        nav = FakeNav()
        ctx.nav = nav
        screen = HomeScreen(ctx)
        qtbot.addWidget(screen)
        screen.resize(1366, 740)
        screen.show()
        qtbot.waitExposed(screen)
        qtbot.waitUntil(lambda: screen.worklist is not None, timeout=5000)
        return screen, nav

    return open_for


def _counts(screen: HomeScreen) -> dict[str, int]:
    return {key: int(card.count.text()) for key, card in screen.cards.items()}


def _double_click(qtbot: QtBot, card: SectionCard, row: int) -> None:
    rect = card.table.visualRect(card.model.index(row, 0))
    # A person's double-click starts with a press (QTest's double-click alone does not).
    qtbot.mouseClick(card.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(card.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_cadre_home(qtbot: QtBot, cast: Cast, situation: Situation, open_home, qtmodeltester):
    screen, nav = open_home(cast.cadre)
    assert _counts(screen) == {"unvisited": 1, "follow_up": 1, "returned": 1}
    follow_up = screen.cards["follow_up"]
    assert follow_up.model.data(follow_up.model.index(0, 0)) == "申请担保"
    assert "区金融办" in follow_up.model.data(follow_up.model.index(0, 1))
    returned = screen.cards["returned"].model
    assert "应由区金融办牵头" in returned.data(returned.index(0, 1))
    for card in screen.cards.values():
        qtmodeltester.check(card.model)

    follow_up.table.setFocus()
    qtbot.keyClick(follow_up.table, Qt.Key.Key_Return)
    _double_click(qtbot, screen.cards["unvisited"], 0)
    assert nav.calls == [("demand", situation.resolved), ("enterprise", situation.unvisited)]
    assert screen.cards["unvisited"].action is not None
    qtbot.mouseClick(screen.cards["unvisited"].action, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("new_visit", situation.unvisited)


def test_handler_home(qtbot: QtBot, cast: Cast, situation: Situation, open_home, qtmodeltester):
    screen, nav = open_home(cast.finance_handler)
    assert _counts(screen) == {"to_accept": 1, "due_soon": 0, "overdue": 0}
    to_accept = screen.cards["to_accept"]
    qtmodeltester.check(to_accept.model)
    assert not to_accept.table.isHidden()
    assert screen.cards["overdue"].table.isHidden()
    assert screen.cards["overdue"].note.text() == "没有超期的诉求"
    _double_click(qtbot, to_accept, 0)
    assert nav.calls == [("demand", situation.assigned)]


def test_handler_list_follows_changes(
    qtbot: QtBot, db: Database, cast: Cast, situation: Situation, open_home
):
    screen, _ = open_home(cast.finance_handler)
    demands.accept_demand(db, cast.finance_handler, situation.assigned)
    screen.ctx.hub.announce("demand")
    qtbot.waitUntil(lambda: _counts(screen)["to_accept"] == 0, timeout=5000)
    assert screen.cards["to_accept"].table.isHidden()


def test_other_department_has_nothing_to_accept(cast: Cast, situation: Situation, open_home):
    screen, _ = open_home(cast.hr_handler)
    assert _counts(screen) == {"to_accept": 0, "due_soon": 0, "overdue": 0}


def test_supervisor_home(qtbot: QtBot, cast: Cast, situation: Situation, open_home, qtmodeltester):
    screen, nav = open_home(cast.supervisor)
    assert _counts(screen) == {
        "to_route": 0,
        "returned": 1,
        "overdue": 0,
        "extensions": 0,
        "escalated": 0,
    }
    returned = screen.cards["returned"]
    assert returned.title.text() == "退回待改派"
    qtmodeltester.check(returned.model)
    _double_click(qtbot, returned, 0)
    assert nav.calls == [("demand", situation.returned)]
    assert screen.summary.isHidden()


def test_admin_home_has_summary(cast: Cast, situation: Situation, open_home):
    screen, _ = open_home(cast.admin)
    assert "账号 7 个" in screen.summary.text() and "企业 2 家" in screen.summary.text()
    assert _counts(screen)["returned"] == 1


def test_cards_go_three_abreast_on_a_wide_screen(qtbot: QtBot, cast: Cast, open_home):
    screen, _ = open_home(cast.supervisor)
    screen.resize(1900, 1000)
    qtbot.waitUntil(lambda: screen._columns == 3)
    assert set(screen.lane_of.values()) == {0, 1, 2}
    screen.resize(1300, 800)
    qtbot.waitUntil(lambda: screen._columns == 2)
    assert set(screen.lane_of.values()) == {0, 1}
