"""Sign-in, first start and the admin screen, driven through the widgets."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Account, Category, CategoryUnit, Department
from liaison.domain.roles import Role
from liaison.services import accounts, admin
from liaison.services.context import Actor
from liaison.sync.log import database
from liaison.ui.admin import AdminScreen
from liaison.ui.admin.accounts_tab import AccountDialog
from liaison.ui.admin.categories_tab import CategoryRuleDialog
from liaison.ui.context import AppContext
from liaison.ui.signin import FirstRunDialog, SignInDialog
from tests.conftest import Cast
from tests.ui.conftest import type_text

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester  # imported by pytest-qt once Qt is chosen


def test_sign_in_with_wrong_password_shows_message_and_stays(
    qtbot: QtBot, db: Database, cast: Cast
) -> None:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("finance")
    dialog.password.setText("wrong-password")
    dialog.try_sign_in()
    assert dialog.actor is None
    assert dialog.error.text() == "用户名或密码不正确"
    dialog.password.setText("password-123")
    dialog.try_sign_in()
    assert dialog.actor is not None and dialog.actor.role is Role.HANDLER


def test_first_run_creates_the_admin(qtbot: QtBot, db_path: Path) -> None:
    db = database(db_path)
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    type_text(dialog.display_name, "区联络办 王芳")
    dialog.password.setText("longenough1")
    dialog.password2.setText("different1")
    dialog.try_create()
    assert "不一致" in dialog.error.text() and not accounts.has_accounts(db)
    dialog.password2.setText("longenough1")
    dialog.try_create()
    assert dialog.account_id is not None
    actor = accounts.sign_in(db, "admin", "longenough1")
    assert actor.role is Role.ADMIN and actor.display_name == "区联络办 王芳"
    db.dispose()


def test_admin_screen_lists_accounts_and_rules(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, qtmodeltester: ModelTester
) -> None:
    screen = AdminScreen(make_ctx(cast.admin))
    qtbot.addWidget(screen)
    screen.refresh_now()
    usernames = {r.username for r in screen.accounts.model.rows}
    assert {"admin", "cadre", "finance", "supervisor"} <= usernames
    names = [r.name for r in screen.categories.model.rows]
    assert "融资" in names and len(names) == 26
    for model in (
        screen.accounts.model,
        screen.departments.model,
        screen.categories.model,
        screen.holidays.model,
    ):
        qtmodeltester.check(model)
    row = names.index("融资")
    lead_text = screen.categories.model.data(screen.categories.model.index(row, 2))
    assert lead_text == "区金融办"


def test_new_account_dialog_marks_the_bad_field_and_saves_a_good_one(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    dialog = AccountDialog(make_ctx(cast.admin))
    qtbot.addWidget(dialog)
    dialog.username.setText("h_tax")
    type_text(dialog.display_name, "李四")
    dialog.role.setCurrentIndex(dialog.role.findData("handler"))
    dialog.password.setText("password-123")
    dialog.save()
    assert "必须属于一个部门" in dialog.error.text()
    assert dialog.department.property("invalid") is True
    dialog.department.setCurrentIndex(dialog.department.findText("区财政局"))
    dialog.save()
    assert dialog.account_id is not None
    with db.session() as s:
        a = s.get(Account, dialog.account_id)
        assert a is not None and a.display_name == "李四" and a.role == "handler"


def test_category_rule_dialog_changes_routing(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    screen = AdminScreen(make_ctx(cast.admin))
    qtbot.addWidget(screen)
    screen.refresh_now()
    rule = next(r for r in screen.categories.model.rows if r.name == "融资")
    names = {d.id: d.name for d in admin.list_departments(db)}
    dialog = CategoryRuleDialog(screen.ctx, rule, names)
    qtbot.addWidget(dialog)
    dialog.spins["resolve_days"].setValue(20)
    for i in range(dialog.lead.count()):  # uncheck every lead unit: refused
        dialog.lead.item(i).setCheckState(dialog.lead.item(i).checkState().Unchecked)
    dialog.save()
    assert "牵头单位" in dialog.error.text()
    for i in range(dialog.lead.count()):
        item = dialog.lead.item(i)
        if item.text() == "区金融办":
            item.setCheckState(item.checkState().Checked)
    dialog.save()
    with db.session() as s:
        cat = s.scalar(select(Category).where(Category.name == "融资"))
        assert cat is not None and cat.resolve_days == 20
        leads = s.scalars(
            select(Department.name)
            .join(CategoryUnit, CategoryUnit.department_id == Department.id)
            .where(CategoryUnit.category_id == cat.id, CategoryUnit.role == "lead")
        ).all()
        assert leads == ["区金融办"]


def test_first_run_joins_the_district_with_the_hubs_bundle(
    qtbot: QtBot, db: Database, cast: Cast, template_db: Path, tmp_path: Path
) -> None:
    """加入已有区县 comes first: the laptop writes its request, the hub enrols it, the laptop
    takes the hub's bundle once the fingerprint read out matches; then its account signs in."""
    from liaison.services.setup import new_installation
    from liaison.sync.exchange import bundle, devices

    laptop_path = tmp_path / "laptop.sqlite"
    new_installation(template_db, laptop_path, "观音桥街道 laptop 3")
    laptop = database(laptop_path)
    dialog = FirstRunDialog(laptop)
    qtbot.addWidget(dialog)
    assert dialog.pages.currentIndex() == 0
    dialog.join_choice.click()
    assert dialog.pages.currentIndex() == 1
    me = devices.this_device(laptop)
    assert dialog.own_fingerprint.text() == me.fingerprint
    request = tmp_path / "request.lsb"
    dialog.choose_request_path = lambda: request
    dialog.write_request()
    assert request.exists() and "已保存" in dialog.request_note.text()

    devices.enrol_device(
        db,
        cast.admin,
        me.fingerprint,
        kind="field",
        accounts=[cast.cadre.account_id],
        bundle=request,
    )
    hub_bundle = tmp_path / "hub.lsb"
    bundle.export_bundle(db, hub_bundle, recipient=me.id)
    hub_fp = devices.this_device(db).fingerprint

    dialog.try_join()
    assert "请先选择" in dialog.join_error.text()
    dialog.choose_bundle = lambda: hub_bundle
    dialog.pick_bundle()
    dialog.hub_fingerprint.setText("0000" + hub_fp[4:])
    dialog.try_join()
    qtbot.waitUntil(dialog.join_button.isEnabled, timeout=10_000)
    assert "指纹不符" in dialog.join_error.text() and not accounts.has_accounts(laptop)
    dialog.hub_fingerprint.setText(hub_fp)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_join()
    assert dialog.joined
    assert accounts.sign_in(laptop, "cadre", "password-123").account_id == cast.cadre.account_id
    laptop.dispose()


def test_a_rule_changed_meanwhile_is_merged_or_refused_in_the_dialog(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    screen = AdminScreen(make_ctx(cast.admin))
    qtbot.addWidget(screen)
    screen.refresh_now()
    rule = next(r for r in screen.categories.model.rows if r.name == "融资")
    names = {d.id: d.name for d in admin.list_departments(db)}
    first = CategoryRuleDialog(screen.ctx, rule, names)
    second = CategoryRuleDialog(screen.ctx, rule, names)  # another window, same rule
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.spins["return_days"].setValue(rule.return_days + 3)
    first.save()
    assert first.result() == QDialog.DialogCode.Accepted
    second.spins["max_days"].setValue(rule.max_days + 1)
    second.save()  # a different field: both kept
    now = next(r for r in admin.list_category_rules(db) if r.name == "融资")
    assert (now.return_days, now.max_days) == (rule.return_days + 3, rule.max_days + 1)
    third = CategoryRuleDialog(screen.ctx, rule, names)  # still showing the old values
    qtbot.addWidget(third)
    third.spins["return_days"].setValue(rule.return_days + 7)
    third.save()
    assert "可退回期限在您打开后已被他人修改" in third.error.text()
    assert third.result() != QDialog.DialogCode.Accepted


def test_the_accounts_page_shows_locked_names_and_unlocks_them(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database
) -> None:
    from liaison.domain.errors import DomainError

    for _ in range(accounts.MAX_FAILURES):
        with contextlib.suppress(DomainError):
            accounts.sign_in(db, "cadre", "wrong-password-9")
    screen = AdminScreen(make_ctx(cast.admin))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh_now()
    tab = screen.accounts
    assert "cadre（至" in tab.locked.text() and tab.unlock_button.isVisible()
    tab.unlock_all()
    assert accounts.locked_names(db, cast.admin) == []
    assert not tab.unlock_button.isVisible()
    assert accounts.sign_in(db, "cadre", "password-123").account_id == cast.cadre.account_id


def test_a_wrong_password_in_the_sign_in_dialog_says_so_and_stays(
    qtbot: QtBot, cast: Cast, db: Database
) -> None:

    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("cadre")
    dialog.password.setText("wrong-password-9")
    dialog.try_sign_in()
    assert dialog.error.text() == "用户名或密码不正确"
    assert dialog.actor is None
