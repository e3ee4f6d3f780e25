"""修改密码: forced after an administrator chose the password, and from 文件 at any time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.services import accounts
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.main_window import MainWindow
from liaison.ui.password_dialog import ChangePasswordDialog
from tests.conftest import Cast


def test_the_forced_change_explains_refuses_and_then_lets_in(
    qtbot: QtBot, db: Database, cast: Cast
) -> None:
    assert accounts.must_change_password(db, cast.cadre.account_id)  # made by an administrator
    dialog = ChangePasswordDialog(db, cast.cadre, forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "管理员设置" in dialog.findChildren(type(dialog.error))[0].text()
    dialog.current.setText("password-123")
    dialog.new.setText("mine-and-only-mine-1")
    dialog.again.setText("mine-and-only-mine-2")
    dialog.save()
    assert dialog.error.text() == "两次输入的新密码不一致"
    dialog.again.setText("mine-and-only-mine-1")
    dialog.current.setText("not-it-at-all-1")
    dialog.save()
    assert dialog.error.text() == "当前密码不正确"
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.current.setText("password-123")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not accounts.must_change_password(db, cast.cadre.account_id)
    assert accounts.sign_in(db, "cadre", "mine-and-only-mine-1").account_id == cast.cadre.account_id


def test_the_file_menu_offers_it_to_every_role(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    for who in ("admin", "cadre", "finance_handler"):
        window = MainWindow(make_ctx(getattr(cast, who)))
        qtbot.addWidget(window)
        file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
        assert isinstance(file_menu, QMenu)
        assert "修改密码…" in [a.text() for a in file_menu.actions()], who
