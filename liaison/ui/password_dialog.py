"""修改密码: the signed-in person replaces their password — at once, before anything else, when an
administrator chose it (a new account, a reset, the demo's); or at any time from 文件 → 修改密码."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.domain.passwords import RULE
from liaison.services import accounts
from liaison.services.context import Actor
from liaison.ui.actions import perform
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box


class ChangePasswordDialog(QDialog):
    def __init__(
        self, db: Database, actor: Actor, *, forced: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("您的密码是管理员设置的：请先改成只有您自己知道的密码，再开始使用。")
            if forced
            else self.tr("修改 {name} 的登录密码。").format(name=actor.display_name)
        )
        intro.setWordWrap(True)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for box in (self.current, self.new, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setPlaceholderText(tr_core(RULE))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("当前密码"), self.current)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再次输入新密码"), self.again)
        buttons = button_box(
            self, self.tr("修改密码"), self.tr("退出") if forced else self.tr("取消"), self.save
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("两次输入的新密码不一致"))
            self.again.setFocus()
            return
        current, new = self.current.text(), self.new.text()
        try:
            perform(
                self,
                "change_own_password",
                lambda: accounts.change_own_password(self.db, self.actor, current, new),
                self.tr("正在修改密码…"),
            )
        except DomainError as exc:
            self.error.setText(tr_core(exc))
            (self.current if getattr(exc, "field", "") == "current" else self.new).setFocus()
            return
        self.accept()
