"""The 企业 screen driven as a person would, on the real database of the cast."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain.uscc import make_uscc
from liaison.services import enterprises, visits
from liaison.services.context import Actor
from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids
from liaison.services.reference_lists import list_streets
from liaison.ui.context import AppContext
from liaison.ui.enterprises.screen import EnterprisesScreen
from tests.conftest import VALID_USCC, Cast
from tests.ui.conftest import type_text

JIALING = "重庆江北嘉陵机械有限公司"  # the cast's enterprise, 观音桥街道, the cadre's
SHANGMAO = "重庆观音桥商贸有限公司"
YUZUI = "重庆鱼嘴物流有限公司"
HUOGUO = "江北区嘉华火锅店"
XINCAI = "重庆两江新材料科技有限公司"
ALL_BY_NAME = [SHANGMAO, JIALING, XINCAI, YUZUI, HUOGUO]
"""By pinyin, as people look names up: chongqing guanyinqiao, chongqing jiangbei, chongqing
liangjiang, chongqing yuzui, jiangbeiqu (code points would put 江 U+6C5F before 重 U+91CD)."""


def by_pinyin(some: list[str], reverse: bool = False) -> list[str]:
    return sorted(some, key=ALL_BY_NAME.index, reverse=reverse)


class FakeNav:
    def __init__(self) -> None:
        self.opened_demands: list[str] = []
        self.new_visits: list[str | None] = []

    def open_enterprise(self, enterprise_id: str) -> None:
        raise AssertionError("the enterprise screen does not navigate to itself")

    def open_demand(self, demand_id: str) -> None:
        self.opened_demands.append(demand_id)

    def new_visit(self, enterprise_id: str | None = None) -> None:
        self.new_visits.append(enterprise_id)

    def show_screen(self, name: str) -> None:
        pass


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings in a temporary directory, so remembered filters don't leak between tests."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    QCoreApplication.setOrganizationName("LiaisonTest")
    QCoreApplication.setApplicationName("EnterprisesScreen")
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, config)


def _street(db: Database, name: str) -> str:
    return next(s.id for s in list_streets(db) if s.name == name)


@pytest.fixture
def ids(db: Database, cast: Cast) -> dict[str, str]:
    """Four more enterprises, registered through the service."""

    def add(name: str, n: int, street: str, **kw: Any) -> str:
        return enterprises.register_enterprise(
            db,
            cast.admin,
            enterprises.EnterpriseInput(
                name=name,
                uscc=make_uscc(f"91500105MA{n:07d}"),
                street_id=_street(db, street),
                **kw,
            ),
        )

    return {
        JIALING: cast.enterprise_id,
        SHANGMAO: add(SHANGMAO, 1, "观音桥街道", scale="above_designated", tags=("专精特新",)),
        YUZUI: add(YUZUI, 2, "鱼嘴镇", scale="micro"),
        HUOGUO: add(HUOGUO, 3, "五里店街道", scale="individual"),
        XINCAI: add(XINCAI, 4, "鱼嘴镇", scale="micro", tags=("高新技术企业", "专精特新")),
    }


ScreenMaker = Callable[[Actor], EnterprisesScreen]


@pytest.fixture
def open_screen(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], ids: dict[str, str]
) -> ScreenMaker:
    def make(actor: Actor) -> EnterprisesScreen:
        ctx = make_ctx(actor)
        ctx.nav = FakeNav()
        screen = EnterprisesScreen(ctx)
        qtbot.addWidget(screen)
        screen.resize(1280, 720)
        screen.show()
        qtbot.waitUntil(lambda: not screen.list.busy and screen.list.model.rowCount() > 0)
        return screen

    return make


def names(screen: EnterprisesScreen) -> list[str]:
    model = screen.list.model
    rows = [model.row_of(r) for r in range(model.rowCount())]
    return [r.name for r in rows if r is not None]


def wait_for_names(qtbot: QtBot, screen: EnterprisesScreen, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: not screen.list.busy and names(screen) == expected, timeout=3000)


def click_header(qtbot: QtBot, screen: EnterprisesScreen, column: int) -> None:
    header: QHeaderView = screen.list.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


# --- the list -------------------------------------------------------------------------------


def test_lists_every_enterprise_by_name_with_the_count(
    open_screen: ScreenMaker, cast: Cast, qtmodeltester
) -> None:
    screen = open_screen(cast.supervisor)
    assert names(screen) == ALL_BY_NAME
    assert screen.filters.count.text() == "共 5 家"
    qtmodeltester.check(screen.list.model)


def test_typed_chinese_filters_the_list_after_a_pause(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    screen = open_screen(cast.supervisor)
    queries = screen.list.generation
    type_text(screen.filters.search, "嘉")  # two keystrokes inside the debounce pause
    type_text(screen.filters.search, "陵")
    assert screen.filters.search.text() == "嘉陵"
    assert screen.list.generation == queries  # still typing: nothing queried yet
    assert names(screen) == ALL_BY_NAME
    wait_for_names(qtbot, screen, [JIALING])
    assert screen.list.generation == queries + 1  # one query for both keystrokes
    assert screen.filters.count.text() == "共 1 家"
    screen.filters.clear_button.click()
    assert names(screen) == ALL_BY_NAME  # an earlier answer comes back without waiting
    assert screen.filters.count.text() == "共 5 家"


def test_pinyin_initials_and_code_prefix_find_enterprises(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    screen = open_screen(cast.supervisor)
    qtbot.keyClicks(screen.filters.search, "yzwl")
    wait_for_names(qtbot, screen, [YUZUI])
    screen.filters.search.clear()
    qtbot.keyClicks(screen.filters.search, VALID_USCC[:12])
    wait_for_names(qtbot, screen, [JIALING])


def test_no_match_explains_the_empty_list(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    screen = open_screen(cast.supervisor)
    type_text(screen.filters.search, "不存在的企业")
    qtbot.waitUntil(lambda: screen.list.model.rowCount() == 0)
    assert screen.list.stack.currentWidget() is screen.list.empty
    assert "没有符合条件的企业" in screen.list.empty.text()
    assert screen.filters.count.text() == "共 0 家"
    screen.filters.clear_button.click()
    wait_for_names(qtbot, screen, ALL_BY_NAME)
    assert screen.list.stack.currentWidget() is screen.list.view


def test_street_tag_and_scale_filters_combine(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    screen = open_screen(cast.supervisor)
    bar = screen.filters
    bar.street.setCurrentIndex(bar.street.findText("鱼嘴镇"))
    wait_for_names(qtbot, screen, by_pinyin([YUZUI, XINCAI]))
    bar.tag.setCurrentIndex(bar.tag.findText("高新技术企业"))
    wait_for_names(qtbot, screen, [XINCAI])
    bar.street.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findText("专精特新"))
    wait_for_names(qtbot, screen, by_pinyin([SHANGMAO, XINCAI]))
    bar.scale.setCurrentIndex(bar.scale.findText("规上"))
    wait_for_names(qtbot, screen, [SHANGMAO])


def test_my_enterprises_filter_for_a_cadre(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    screen = open_screen(cast.cadre)
    assert screen.filters.mine.isVisible()
    screen.filters.mine.setChecked(True)
    wait_for_names(qtbot, screen, [JIALING])


def test_supervisors_have_no_my_enterprises_filter(open_screen: ScreenMaker, cast: Cast) -> None:
    screen = open_screen(cast.supervisor)
    assert not screen.filters.mine.isVisible()


def test_not_visited_this_quarter_leaves_out_visited_enterprises(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(cast.enterprise_id, date.today(), "onsite", "了解生产经营情况"),
    )
    screen = open_screen(cast.supervisor)
    screen.filters.unvisited.setChecked(True)
    wait_for_names(qtbot, screen, [n for n in ALL_BY_NAME if n != JIALING])


def test_header_click_sorts_and_unsortable_columns_do_not(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    screen = open_screen(cast.supervisor)
    by_code = [
        enterprises.get_enterprise(db, i).name
        for i in enterprise_ids(db, EnterpriseFilter(sort="uscc")).ids
    ]
    assert by_code != ALL_BY_NAME
    click_header(qtbot, screen, 1)
    wait_for_names(qtbot, screen, by_code)
    click_header(qtbot, screen, 1)
    wait_for_names(qtbot, screen, list(reversed(by_code)))
    generation = screen.list.generation
    click_header(qtbot, screen, 3)  # 包联干部: SQL can't sort by it
    assert screen.list.generation == generation
    assert screen.list.view.horizontalHeader().sortIndicatorSection() == 1


def test_filters_and_sort_are_remembered(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    first = open_screen(cast.supervisor)
    first.filters.street.setCurrentIndex(first.filters.street.findText("鱼嘴镇"))
    wait_for_names(qtbot, first, by_pinyin([YUZUI, XINCAI]))
    click_header(qtbot, first, 0)  # name, descending
    wait_for_names(qtbot, first, by_pinyin([YUZUI, XINCAI], reverse=True))
    first.close()

    second = open_screen(cast.supervisor)
    assert second.filters.street.currentText() == "鱼嘴镇"
    wait_for_names(qtbot, second, by_pinyin([YUZUI, XINCAI], reverse=True))


# --- one enterprise --------------------------------------------------------------------------


def _visit_with_demand(db: Database, cast: Cast) -> str:
    logged = visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            cast.enterprise_id,
            date.today(),
            "onsite",
            "了解融资需求",
            demands=(visits.DemandInput(cast.financing_category, "申请流动资金贷款贴息"),),
        ),
    )
    return logged.demand_ids[0]


def test_selecting_a_row_shows_profile_cadres_visits_and_demands(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database, qtmodeltester
) -> None:
    detail = enterprises.get_enterprise(db, cast.enterprise_id)
    enterprises.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        enterprises.EnterpriseInput(
            name=detail.name,
            uscc=detail.uscc,
            street_id=detail.street_id,
            legal_rep="王建国",
            address="重庆市江北区观音桥街道建新北路 8 号",
            industry="C",
            scale="above_designated",
            tags=("专精特新",),
            contacts=(enterprises.ContactInput("李经理", "财务总监", "13800000000", True),),
        ),
    )
    demand_id = _visit_with_demand(db, cast)
    screen = open_screen(cast.supervisor)
    screen.list.select_id(cast.enterprise_id)

    panel = screen.detail
    qtbot.waitUntil(lambda: panel.enterprise_id == cast.enterprise_id)
    assert panel.name.text() == JIALING
    assert panel.fields["uscc"].text() == VALID_USCC
    assert panel.fields["legal_rep"].text() == "王建国"
    assert panel.fields["street"].text() == "观音桥街道"
    assert panel.fields["industry"].text() == "C 制造业"
    assert panel.fields["scale"].text() == "规上"
    assert "cadre（牵头" in panel.fields["cadres"].text()
    assert "专精特新" in panel.tags.text()
    assert panel.tabs.tabText(0) == "走访记录（1）"
    assert panel.tabs.tabText(1) == "诉求（1，在办 1）"
    visit_model = panel.visits.model
    assert visit_model.index(0, 2).data() == "了解融资需求"
    demand_model = panel.demands.model
    assert demand_model.index(0, 1).data() == "申请流动资金贷款贴息"
    assert demand_model.index(0, 2).data() == "待交办"
    assert panel.contacts.model.index(0, 0).data() == "李经理"
    for model in (visit_model, demand_model, panel.contacts.model):
        qtmodeltester.check(model)

    panel.tabs.setCurrentIndex(1)
    view = panel.demands.view
    rect = view.visualRect(demand_model.index(0, 1))
    # a double click is a click, then the second press (Qt's item views need both)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.ctx.nav.opened_demands == [demand_id]  # type: ignore[union-attr]

    assert panel.visit_button.isVisible() and panel.visit_button.isEnabled()
    qtbot.mouseClick(panel.visit_button, Qt.MouseButton.LeftButton)
    assert screen.ctx.nav.new_visits == [cast.enterprise_id]  # type: ignore[union-attr]


def test_open_record_shows_an_enterprise_from_another_screen(
    open_screen: ScreenMaker, cast: Cast, ids: dict[str, str]
) -> None:
    screen = open_screen(cast.supervisor)
    screen.open_record(ids[YUZUI])
    assert screen.detail.name.text() == YUZUI
    assert screen.detail.fields["street"].text() == "鱼嘴镇"
    assert screen.detail.tabs.tabText(0) == "走访记录（0）"
    assert screen.detail.visits.currentWidget() is screen.detail.visits.empty
    assert screen.list.current_id() == ids[YUZUI]


def test_buttons_follow_the_role(open_screen: ScreenMaker, cast: Cast, ids: dict[str, str]) -> None:
    handler = open_screen(cast.finance_handler)
    handler.open_record(cast.enterprise_id)
    assert not handler.new_button.isVisible()
    assert not handler.detail.visit_button.isVisible()
    assert not handler.detail.edit_button.isVisible()
    assert not handler.detail.delete_button.isVisible()

    cadre = open_screen(cast.cadre)
    cadre.open_record(cast.enterprise_id)
    assert cadre.new_button.isVisible() and cadre.detail.edit_button.isVisible()
    assert not cadre.detail.delete_button.isVisible()
    assert cadre.detail.visit_button.isEnabled()
    cadre.open_record(ids[YUZUI])  # not the cadre's: the button says why
    assert not cadre.detail.visit_button.isEnabled()
    assert "未包联" in cadre.detail.visit_button.toolTip()

    supervisor = open_screen(cast.supervisor)
    supervisor.open_record(cast.enterprise_id)
    assert supervisor.detail.delete_button.isVisible()


# --- add, edit, delete -----------------------------------------------------------------------


def _count(db: Database) -> int:
    return len(enterprise_ids(db, EnterpriseFilter()).ids)


def test_bad_code_is_flagged_next_to_the_field_and_nothing_is_saved(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    screen = open_screen(cast.street_staff)
    own_street = by_pinyin([JIALING, SHANGMAO])
    assert names(screen) == own_street  # street staff start in their own street
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.street.currentText() == "观音桥街道"  # street staff: their own street
    type_text(dialog.name, "重庆寸滩港口物流有限公司")
    good = make_uscc("91500105MA0000009")
    qtbot.keyClicks(dialog.uscc, good[:10])
    message = dialog.messages["uscc"]
    assert message.text() == "已输入 10/18 位"
    wrong_check = good[:-1] + ("1" if good[-1] != "1" else "2")
    qtbot.keyClicks(dialog.uscc, wrong_check[10:])
    assert "校验位错误" in message.text()
    assert dialog.uscc.property("invalid") is True

    before = _count(db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "校验位错误" in message.text() and message.isVisible()
    assert _count(db) == before

    dialog.uscc.setText(good)
    assert message.text() == "✓ 校验位正确"
    assert dialog.uscc.property("invalid") is False
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _count(db) == before + 1
    # chongqing cuntan first
    wait_for_names(qtbot, screen, ["重庆寸滩港口物流有限公司", *own_street])
    assert screen.list.current_id() == screen.detail.enterprise_id
    assert screen.detail.name.text() == "重庆寸滩港口物流有限公司"
    assert screen.detail.fields["street"].text() == "观音桥街道"


def test_service_errors_land_under_their_field(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    screen = open_screen(cast.admin)
    dialog = screen.open_dialog(None)
    dialog.uscc.setText(make_uscc("91500105MA0000017"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["name"].text() == "请填写企业名称"
    assert dialog.name.property("invalid") is True

    type_text(dialog.name, "另一家公司")
    dialog.uscc.setText(VALID_USCC)  # valid, but already registered
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert not dialog.messages["name"].isVisible()
    assert dialog.name.property("invalid") is False
    assert JIALING in dialog.messages["uscc"].text()
    assert _count(db) == 5


def test_fields_take_no_more_than_every_device_accepts(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot
) -> None:
    """A phone typed past its column's 40 characters stops there (saving it would be refused:
    other devices would refuse the bundle carrying it)."""
    dialog = open_screen(cast.admin).open_dialog(None)
    type_text(dialog.phone, "023-" + "6" * 60)
    assert len(dialog.phone.text()) == 40
    assert dialog.name.maxLength() == 200 and dialog.address.maxLength() == 300
    dialog.contacts.add_row()  # a new contact's name is being edited
    editor = dialog.contacts.table.findChild(QLineEdit)
    assert editor is not None and editor.maxLength() == 60


def test_editing_changes_the_record_and_keeps_its_contacts(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, db: Database
) -> None:
    detail = enterprises.get_enterprise(db, cast.enterprise_id)
    enterprises.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        enterprises.EnterpriseInput(
            name=detail.name,
            uscc=detail.uscc,
            street_id=detail.street_id,
            contacts=(enterprises.ContactInput("李经理", "财务总监", "13800000000", True),),
        ),
    )
    screen = open_screen(cast.cadre)
    screen.open_record(cast.enterprise_id)
    qtbot.mouseClick(screen.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog is not None and dialog.name.text() == JIALING
    assert dialog.contacts.contacts()[0].name == "李经理"
    dialog.legal_rep.clear()
    type_text(dialog.legal_rep, "赵六")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert screen.detail.fields["legal_rep"].text() == "赵六"
    assert screen.detail.tabs.tabText(2) == "联系人（1）"
    assert enterprises.get_enterprise(db, cast.enterprise_id).legal_rep == "赵六"


def test_delete_asks_first_and_removes_the_enterprise(
    open_screen: ScreenMaker, cast: Cast, qtbot: QtBot, ids: dict[str, str]
) -> None:
    screen = open_screen(cast.supervisor)
    questions: list[str] = []
    answer = False

    def ask(_parent: object, text: str) -> bool:
        questions.append(text)
        return answer

    screen.ask = ask
    screen.open_record(ids[HUOGUO])
    qtbot.mouseClick(screen.detail.delete_button, Qt.MouseButton.LeftButton)
    assert HUOGUO in questions[0]
    assert names(screen) == ALL_BY_NAME

    answer = True
    qtbot.mouseClick(screen.detail.delete_button, Qt.MouseButton.LeftButton)
    wait_for_names(qtbot, screen, [n for n in ALL_BY_NAME if n != HUOGUO])
    assert screen.detail.enterprise_id is None


def test_reading_the_filters_leaves_none_alone(open_screen: ScreenMaker, cast: Cast) -> None:
    """PySide6 6.12 drops a reference to None whenever currentData() returns an empty QVariant;
    thousands of filter reads must not walk None's count down towards a crash."""
    screen = open_screen(cast.supervisor)
    dialog = screen.open_dialog(None)
    before = sys.getrefcount(None)
    for _ in range(2000):
        screen.filters.state()
        dialog.data()
    assert sys.getrefcount(None) > before - 100
    dialog.reject()
