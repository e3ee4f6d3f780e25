"""包联 from the enterprise detail: a supervisor picks a cadre by pinyin, makes them assist from
a date, ends an assignment; refusals appear next to the field and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Assignment
from liaison.domain import clock
from liaison.domain.roles import Role
from liaison.services import accounts, enterprises
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.enterprises.assignments import AssignCadreDialog, EndAssignmentDialog
from liaison.ui.enterprises.screen import EnterprisesScreen
from tests.conftest import Cast
from tests.ui.conftest import type_text

ScreenMaker = Callable[[Actor], EnterprisesScreen]


@pytest.fixture
def open_screen(qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast) -> ScreenMaker:
    def make(actor: Actor) -> EnterprisesScreen:
        screen = EnterprisesScreen(make_ctx(actor))
        qtbot.addWidget(screen)
        screen.resize(1280, 720)
        screen.show()
        qtbot.waitUntil(lambda: not screen.list.busy and screen.list.model.rowCount() > 0)
        screen.open_record(cast.enterprise_id)
        return screen

    return make


@pytest.fixture
def zhang(db: Database, cast: Cast) -> str:
    """A third cadre, 张卫东, to be found by pinyin initials."""
    return accounts.create_account(
        db,
        cast.admin,
        username="c0100",
        display_name="张卫东",
        role=Role.CADRE,
        password="password-123",
    )


def rows(db: Database, enterprise_id: str) -> dict[str, tuple[bool, date, date | None]]:
    with db.session() as s:
        return {
            a.account_id: (a.is_lead, a.start_on, a.end_on)
            for a in s.scalars(select(Assignment).where(Assignment.enterprise_id == enterprise_id))
        }


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_assign(qtbot: QtBot, screen: EnterprisesScreen) -> AssignCadreDialog:
    panel = screen.detail
    assert panel.assign_button.isVisible() and panel.assign_button.isEnabled()
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    dialog = panel.assign_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def listed(dialog: AssignCadreDialog) -> list[str]:
    return [str(dialog.model.index(r, 0).data()) for r in range(dialog.model.rowCount())]


def test_supervisor_assigns_a_cadre_found_by_pinyin(
    open_screen: ScreenMaker,
    cast: Cast,
    qtbot: QtBot,
    db: Database,
    zhang: str,
    qtmodeltester,
) -> None:
    screen = open_screen(cast.supervisor)
    dialog = open_assign(qtbot, screen)
    qtmodeltester.check(dialog.model)
    assert listed(dialog) == ["cadre（已在包联）", "cadre2", "staff", "张卫东"]
    assert not dialog.lead.isChecked()  # the enterprise has a lead cadre already
    assert dialog.start.date() == qdate(clock.today())
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.search, "zwd")
    assert listed(dialog) == ["张卫东"]  # the only match is selected
    assert dialog.ok_button.isEnabled()
    start = clock.today() - timedelta(days=3)
    dialog.start.setDate(qdate(start))
    with qtbot.waitSignal(screen.ctx.hub.data_did_change):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert rows(db, cast.enterprise_id)[zhang] == (False, start, None)
    panel = screen.detail
    assert panel.assign_dialog is None
    assert "张卫东（协助" in panel.fields["cadres"].text()
    assert panel.tabs.currentWidget() is panel.assignments
    assert panel.tabs.tabText(3) == "包联干部（2）"
    qtmodeltester.check(panel.assignments.model)


def test_a_cadre_already_assigned_is_refused_next_to_the_picker(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    before = rows(db, cast.enterprise_id)
    screen = open_screen(cast.admin)
    dialog = open_assign(qtbot, screen)
    type_text(dialog.search, "cadre")
    dialog.select_account(cast.cadre.account_id)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    message = dialog.messages["account_id"]
    assert message.isVisible() and "已在包联" in message.text()
    assert dialog.isVisible()
    assert rows(db, cast.enterprise_id) == before


def test_a_name_nobody_has_says_so(open_screen: ScreenMaker, cast: Cast, qtbot: QtBot) -> None:
    dialog = open_assign(qtbot, open_screen(cast.supervisor))
    type_text(dialog.search, "诸葛")
    assert listed(dialog) == []
    assert "没有找到“诸葛”" in dialog.count.text()
    assert not dialog.ok_button.isEnabled()


def test_supervisor_ends_an_assignment_and_an_end_before_the_start_is_refused(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    started = clock.today() - timedelta(days=20)
    aid = enterprises.assign_cadre(
        db,
        cast.admin,
        cast.enterprise_id,
        cast.other_cadre.account_id,
        is_lead=False,
        start_on=started,
    )
    screen = open_screen(cast.supervisor)
    panel = screen.detail
    panel.tabs.setCurrentWidget(panel.assignments)
    row = panel.assignments.model.ids.index(aid)
    panel.assignments.view.selectRow(row)
    assert panel.end_button.isEnabled()
    qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
    dialog = panel.end_dialog
    assert isinstance(dialog, EndAssignmentDialog)
    assert dialog.assignment.currentData() == aid
    assert dialog.end.date() == qdate(clock.today())

    dialog.end.setDate(qdate(started - timedelta(days=1)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    message = dialog.messages["end_on"]
    assert message.isVisible() and "不能早于开始日期" in message.text()
    assert rows(db, cast.enterprise_id)[cast.other_cadre.account_id][2] is None

    dialog.end.setDate(qdate(clock.today()))
    with qtbot.waitSignal(screen.ctx.hub.data_did_change):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert rows(db, cast.enterprise_id)[cast.other_cadre.account_id] == (
        False,
        started,
        clock.today(),
    )
    assert "cadre2" not in panel.fields["cadres"].text()
    end_column = panel.assignments.model.index(panel.assignments.model.ids.index(aid), 3)
    assert end_column.data() == clock.today().isoformat()


def test_only_hub_and_own_street_staff_change_assignments(
    open_screen: ScreenMaker, cast: Cast, db: Database
) -> None:
    cadre = open_screen(cast.cadre).detail
    assert not cadre.assign_button.isVisible() and not cadre.end_button.isVisible()
    handler = open_screen(cast.finance_handler).detail
    assert not handler.assign_button.isVisible()
    staff = open_screen(cast.street_staff).detail
    assert staff.assign_button.isVisible() and staff.assign_button.isEnabled()
    enterprises.end_assignment(
        db, cast.admin, enterprises.get_enterprise(db, cast.enterprise_id).assignments[0].id
    )
    staff.show_enterprise(cast.enterprise_id)
    assert not staff.end_button.isEnabled()  # nobody left to end
    assert staff.open_end_dialog() is None


def test_closing_the_dialog_before_the_cadres_are_read_is_harmless(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    panel = open_screen(cast.supervisor).detail
    dialog = panel.open_assign_dialog()
    assert dialog is not None
    dialog.reject()  # the cadre list is still being read on a worker thread
    assert dialog.closed and panel.assign_dialog is None
    qtbot.wait(300)  # its answer arrives and is dropped
    assert len(rows(db, cast.enterprise_id)) == 1
