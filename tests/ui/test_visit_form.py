"""走访 as a cadre does it: pick the enterprise by keyboard, type, add demands inline, save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.domain.uscc import make_uscc
from liaison.services import enterprises
from liaison.services.context import Actor
from liaison.services.queries import demand_detail
from liaison.services.visit_list import visit_ids, visit_rows
from liaison.services.worklist import worklist
from liaison.ui.context import AppContext
from liaison.ui.visits import drafts
from tests.conftest import Cast
from tests.ui.conftest import type_text
from tests.ui.visit_steps import (
    CTRL,
    FakeNav,
    add_demand_row,
    focused_widget,
    open_visits_screen,
    pick_enterprise,
)


@pytest.fixture(autouse=True)
def draft_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "drafts"
    monkeypatch.setattr(drafts, "drafts_dir", lambda: folder)
    return folder


@pytest.fixture
def second_enterprise(db: Database, cast: Cast) -> str:
    """Another enterprise of the cadre whose name also contains 江北, listed in the popup."""
    eid = enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(
            name="重庆江北鸿运物流有限公司",
            uscc=make_uscc("91500105MA0000021"),
            street_id=cast.street_id,
        ),
    )
    enterprises.assign_cadre(db, cast.admin, eid, cast.cadre.account_id)
    return eid


@pytest.fixture
def not_assigned(db: Database, cast: Cast) -> str:
    return enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(
            name="重庆江北别家商贸有限公司", uscc=make_uscc("91500105MA0000022")
        ),
    )


def test_cadre_logs_a_visit_with_two_demands_by_keyboard(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    second_enterprise: str,
    draft_folder: Path,
    qtmodeltester,
) -> None:
    ctx = make_ctx(cast.cadre)
    screen = open_visits_screen(qtbot, ctx)
    form = screen.form
    pick_enterprise(qtbot, screen, "江北", cast.enterprise_id)
    qtmodeltester.check(form.picker.model)
    assert form.picker.text() == "重庆江北嘉陵机械有限公司"
    assert "观音桥街道" in form.enterprise_detail.text()
    # Enter moved on to the date, which is today; Tab walks the form in order.
    assert focused_widget() is form.visit_date
    for expected in (form.mode, form.follow_up, form.participant_rows[0].name):
        qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab)
        assert focused_widget() is expected
    assert form.participant_rows[0].name.text() == "cadre"  # the signed-in cadre, prefilled
    form.summary.setFocus()
    type_text(form.summary, "企业订单增长，流动资金紧张；新厂区招工缺口约 30 人。")

    add_demand_row(qtbot, screen, "rz", "申请流动资金贷款贴息")
    first = form.demand_rows[0]
    assert first.category.currentText() == "融资"
    assert "牵头：区金融办" in first.proposal.text()
    assert "第13条" in first.proposal.text()

    add_demand_row(qtbot, screen, "yg", "新厂区招工难，希望对接职业院校")
    second = form.demand_rows[1]
    assert "区人力社保局" in second.proposal.text() and "第15条" in second.proposal.text()
    qtbot.keyClick(second.title, Qt.Key.Key_Tab)
    qtbot.keyClick(second.urgency, Qt.Key.Key_Down)
    assert second.urgency.currentText() == "紧急"

    with qtbot.waitSignal(ctx.hub.data_did_change) as announced:
        qtbot.keyClick(second.urgency, Qt.Key.Key_Return, CTRL)
    assert announced.args == [frozenset({"visit", "demand", "enterprise"})]
    assert form.message.text().startswith("已保存走访记录，提出 2 条诉求，待交办")

    to_route = worklist(db, cast.supervisor).section("to_route").items
    assert {i.text for i in to_route} == {"申请流动资金贷款贴息", "新厂区招工难，希望对接职业院校"}
    for item in to_route:
        detail = demand_detail(db, item.id)
        assert detail.snapshot.state is wf.State.NEW
        assert detail.enterprise_id == cast.enterprise_id
    urgent = next(i for i in to_route if i.text.startswith("新厂区"))
    assert demand_detail(db, urgent.id).urgency == "urgent"

    # Cleared for the next visit, the draft gone, the visit at the top of the list.
    assert form.picker.text() == "" and form.picker.enterprise_id is None
    assert form.summary.toPlainText() == ""
    assert form.demand_rows == []
    assert [p.name.text() for p in form.participant_rows] == ["cadre"]
    assert not list(draft_folder.glob("*.json"))
    assert screen.model.rowCount() == 1
    row = screen.model.row_of(0)
    assert row is not None and row.demand_count == 2 and row.enterprise.endswith("机械有限公司")
    qtmodeltester.check(screen.model)


def test_missing_summary_is_shown_beside_it_and_nothing_is_lost(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    ctx = make_ctx(cast.cadre)
    screen = open_visits_screen(qtbot, ctx)
    form = screen.form
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    add_demand_row(qtbot, screen, "rz", "申请贷款贴息")
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Return, CTRL)

    error = form.errors["summary"]
    assert error.isVisible() and error.text() == "请填写走访情况"
    assert form.summary.property("invalid") is True
    assert focused_widget() is form.summary
    assert visit_ids(db, cast.cadre) == []
    assert form.picker.enterprise_id == cast.enterprise_id
    assert form.demand_rows[0].title.text() == "申请贷款贴息"
    assert form.demand_rows[0].category.currentText() == "融资"

    type_text(form.summary, "补填走访情况")
    assert not error.isVisible() and form.summary.property("invalid") is False
    assert form.save()
    assert len(visit_ids(db, cast.cadre)) == 1


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("zh_CN", "第 2 条诉求：请选择诉求类别"),
        ("en", "Demand 2: please choose a demand category"),
    ],
)
def test_demand_without_category_marks_that_row(
    language: str,
    said: str,
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    tmp_path: Path,
) -> None:
    """The row comes from the refusal's `row`, not from its words: the same in English."""
    if language == "en":
        request.getfixturevalue("english")
    screen = open_visits_screen(qtbot, make_ctx(cast.cadre))
    form = screen.form
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    type_text(form.summary, "了解经营情况")
    add_demand_row(qtbot, screen, "rz", "贷款贴息")
    qtbot.keyClick(focused_widget(), Qt.Key.Key_D, CTRL)
    type_text(form.demand_rows[1].title, "厂区门口道路破损")
    assert not form.save()
    assert form.errors["demands"].text() == said
    assert form.demand_rows[1].category.property("invalid") is True
    assert not form.demand_rows[0].category.property("invalid")
    assert focused_widget() is form.demand_rows[1].category
    assert visit_ids(db, cast.cadre) == []
    screen.grab().save(str(tmp_path / f"visit_form_error_{language}.png"))


def test_follow_up_before_visit_is_refused_at_the_dates(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    screen = open_visits_screen(qtbot, make_ctx(cast.cadre))
    form = screen.form
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    type_text(form.summary, "了解经营情况")
    form.follow_up.setChecked(True)
    form.follow_up_date.setDate(form.visit_date.date().addDays(-1))
    assert not form.save()
    assert form.errors["when"].text() == "回访日期不能早于走访日期"
    assert form.follow_up_date.property("invalid") is True
    form.follow_up_date.setDate(form.visit_date.date().addDays(7))
    assert form.save()


def test_draft_survives_closing_and_reopening(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    draft_folder: Path,
) -> None:
    ctx = make_ctx(cast.cadre)
    screen = open_visits_screen(qtbot, ctx)
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    type_text(screen.form.summary, "企业反映用电成本高")
    add_demand_row(qtbot, screen, "jb", "申请降低峰谷电价")
    qtbot.waitUntil(lambda: any(draft_folder.glob("*.json")), timeout=3000)
    screen.close()

    again = open_visits_screen(qtbot, ctx)
    form = again.form
    assert form.picker.enterprise_id == cast.enterprise_id
    assert form.summary.toPlainText() == "企业反映用电成本高"
    assert [(d.category.currentText(), d.title.text()) for d in form.demand_rows] == [
        ("降本减负/税费/水电气", "申请降低峰谷电价")
    ]
    assert "已恢复未保存的草稿" in form.draft_note.text()
    assert form.save()
    assert not any(draft_folder.glob("*.json"))
    # Another account does not see this cadre's draft.
    other = open_visits_screen(qtbot, make_ctx(cast.other_cadre))
    assert other.form.summary.toPlainText() == ""


def test_a_draft_belongs_to_its_database(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    draft_folder: Path,
    tmp_path: Path,
) -> None:
    """The same account id on another database file (a street office's copy, a demo) does
    not get this database's draft."""
    import shutil

    from liaison.sync.log import database
    from liaison.ui.context import ChangeHub

    ctx = make_ctx(cast.cadre)
    screen = open_visits_screen(qtbot, ctx)
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    type_text(screen.form.summary, "只属于这个数据库的草稿")
    qtbot.waitUntil(lambda: any(draft_folder.glob("*.json")), timeout=3000)
    screen.close()

    copy_path = tmp_path / "copy" / "liaison.sqlite"
    copy_path.parent.mkdir()
    shutil.copy(db.path, copy_path)
    other_db = database(copy_path)
    try:
        elsewhere = open_visits_screen(qtbot, AppContext(other_db, cast.cadre, ChangeHub()))
        assert elsewhere.form.summary.toPlainText() == ""
        elsewhere.close()
    finally:
        other_db.dispose()
    again = open_visits_screen(qtbot, ctx)
    assert again.form.summary.toPlainText() == "只属于这个数据库的草稿"


def test_discarding_the_draft_empties_the_form(
    qtbot: QtBot, cast: Cast, make_ctx: Callable[[Actor], AppContext], draft_folder: Path
) -> None:
    ctx = make_ctx(cast.cadre)
    screen = open_visits_screen(qtbot, ctx)
    type_text(screen.form.summary, "写了一半")
    screen.form.save_draft()
    again = open_visits_screen(qtbot, ctx)
    assert again.form.summary.toPlainText() == "写了一半"
    qtbot.mouseClick(again.form.discard_button, Qt.MouseButton.LeftButton)
    assert again.form.summary.toPlainText() == ""
    assert not any(draft_folder.glob("*.json"))


def test_empty_picker_suggests_the_cadres_own_enterprises(
    qtbot: QtBot,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    second_enterprise: str,
    not_assigned: str,
) -> None:
    screen = open_visits_screen(qtbot, make_ctx(cast.cadre))
    picker = screen.form.picker
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.popup_visible()
    assert set(picker.model.ids) == {cast.enterprise_id, second_enterprise}
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.popup_visible()
    type_text(picker, "别家")
    qtbot.waitUntil(picker.popup_visible, timeout=2000)
    assert picker.model.ids == []
    assert "包联" in picker.popup.footer.text()


def test_supervisor_searches_every_enterprise(
    qtbot: QtBot, cast: Cast, make_ctx: Callable[[Actor], AppContext], not_assigned: str
) -> None:
    screen = open_visits_screen(qtbot, make_ctx(cast.supervisor))
    pick_enterprise(qtbot, screen, "别家", not_assigned)


def test_start_visit_prefills_the_enterprise(
    qtbot: QtBot, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    screen = open_visits_screen(qtbot, make_ctx(cast.cadre))
    screen.start_visit(cast.enterprise_id)
    assert screen.form.picker.text() == "重庆江北嘉陵机械有限公司"
    assert focused_widget() is screen.form.summary


def test_recent_visits_open_the_enterprise(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    qtmodeltester,
) -> None:
    ctx = make_ctx(cast.cadre)
    nav = FakeNav()
    ctx.nav = nav
    screen = open_visits_screen(qtbot, ctx)
    pick_enterprise(qtbot, screen, "嘉陵", cast.enterprise_id)
    type_text(screen.form.summary, "电话了解复工情况")
    assert screen.form.save()
    assert screen.model.rowCount() == 1
    qtmodeltester.check(screen.model)
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert nav.calls == [("enterprise", cast.enterprise_id)]
    rows = visit_rows(db, visit_ids(db, cast.supervisor))
    assert [r.people for r in rows.values()] == ["cadre"]
    assert visit_ids(db, cast.other_cadre) == []
    assert len(visit_ids(db, cast.street_staff)) == 1
    assert visit_ids(db, cast.finance_handler) == []


def test_street_staff_search_stays_in_the_street(
    qtbot: QtBot,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    second_enterprise: str,
    not_assigned: str,
) -> None:
    screen = open_visits_screen(qtbot, make_ctx(cast.street_staff))
    picker = screen.form.picker
    type_text(picker, "江北")
    qtbot.waitUntil(picker.popup_visible, timeout=2000)
    # 别家商贸 has no street: not offered to the 观音桥街道 staff.
    assert set(picker.model.ids) == {cast.enterprise_id, second_enterprise}
