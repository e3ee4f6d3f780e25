"""删除走访… on the visits list, the enterprise timeline that follows it, and 显示已删除/恢复."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.services import demands, visits
from liaison.services.context import Actor
from liaison.services.queries import demand_detail
from liaison.services.visit_list import visit_ids
from liaison.ui.context import AppContext
from liaison.ui.enterprises.screen import EnterprisesScreen
from liaison.ui.visits.screen import VisitsScreen
from tests.conftest import Cast
from tests.ui.conftest import type_text


def _log(db: Database, cast: Cast, *titles: str) -> visits.LoggedVisit:
    return visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            cast.enterprise_id,
            clock.today(),
            "onsite",
            "了解企业经营情况",
            demands=tuple(visits.DemandInput(cast.financing_category, t) for t in titles),
        ),
    )


def _open(qtbot: QtBot, ctx: AppContext) -> VisitsScreen:
    screen = VisitsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _enterprise_screen(qtbot: QtBot, ctx: AppContext, enterprise_id: str) -> EnterprisesScreen:
    screen = EnterprisesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    qtbot.waitExposed(screen)
    screen.open_record(enterprise_id)
    return screen


def test_cadre_deletes_a_visit_with_a_reason_and_the_timeline_drops_it(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    qtmodeltester,
) -> None:
    logged = _log(db, cast, "贷款贴息")
    ctx = make_ctx(cast.cadre)
    enterprise = _enterprise_screen(qtbot, ctx, cast.enterprise_id)
    assert len(enterprise.detail.visits.records) == 1
    screen = _open(qtbot, ctx)
    assert screen.delete_button.isVisible() and not screen.deleted_toggle.isVisible()
    assert screen.model.rowCount() == 1
    screen.table.selectRow(0)

    dialog = screen.open_delete_dialog()
    assert dialog is not None and dialog.isVisible()
    assert "1 条待交办诉求将一并撤回" in dialog.consequence.text()
    dialog.confirm_button.click()  # no reason yet: refused inside the dialog
    assert dialog.isVisible() and dialog.error.text() == "请填写删除原因"
    type_text(dialog.reason, "企业选错了")
    dialog.confirm_button.click()

    assert not dialog.isVisible()
    assert visit_ids(db, cast.supervisor) == []
    assert screen.model.rowCount() == 0
    qtmodeltester.check(screen.model)
    assert enterprise.detail.visits.records == {}
    assert demand_detail(db, logged.demand_ids[0]).snapshot.state is wf.State.WITHDRAWN


def test_a_visit_whose_demand_is_routed_is_refused_before_asking(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    logged = _log(db, cast, "贷款贴息")
    demands.route_demand(
        db, cast.supervisor, logged.demand_ids[0], lead_department_id=cast.finance_dept
    )
    screen = _open(qtbot, make_ctx(cast.cadre))
    errors: list[str] = []
    screen.show_error = lambda parent, message: errors.append(str(message))
    screen.table.selectRow(0)
    assert screen.open_delete_dialog() is None
    assert len(errors) == 1 and "不能删除" in errors[0]
    assert visit_ids(db, cast.cadre) == [logged.visit_id]


def test_supervisor_shows_deleted_visits_and_restores_one(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    qtmodeltester,
) -> None:
    logged = _log(db, cast)
    visits.delete_visit(db, cast.cadre, logged.visit_id, "误登")
    screen = _open(qtbot, make_ctx(cast.supervisor))
    assert screen.model.rowCount() == 0
    assert screen.deleted_toggle.isVisible() and not screen.restore_button.isVisible()

    screen.deleted_toggle.setChecked(True)
    assert screen.model.rowCount() == 1 and screen.model.id_at(0) == logged.visit_id
    qtmodeltester.check(screen.model)
    assert screen.restore_button.isVisible() and not screen.delete_button.isVisible()
    assert screen.list_title.text() == "已删除的走访"
    questions: list[str] = []
    screen.ask = lambda parent, question: questions.append(question) or True
    screen.table.selectRow(0)
    screen.restore_selected()

    assert len(questions) == 1 and "恢复" in questions[0]
    assert screen.model.rowCount() == 0  # no deleted visit left
    screen.deleted_toggle.setChecked(False)
    assert screen.model.rowCount() == 1 and screen.list_title.text() == "最近走访"
    assert visit_ids(db, cast.cadre) == [logged.visit_id]
