"""Sign-in, and the first start of an empty database (create the admin, offer the demo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.domain.errors import DomainError, ValidationError
from liaison.services import accounts
from liaison.services.context import Actor
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box


class SignInDialog(QDialog):
    """Username and password; the actor is in `self.actor` after accept()."""

    def __init__(self, db: Database, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 · 百千万企业走访联络系统"))
        self.setMinimumWidth(380)
        title = QLabel(self.tr("百千万企业走访联络系统"))
        title.setObjectName("dialogTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = button_box(self, self.tr("登录"), self.tr("退出"), self.try_sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> None:
        try:
            self.actor = accounts.sign_in(self.db, self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(tr_core(str(exc)))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class FirstRunDialog(QDialog):
    """An empty database: create the administrator account; optionally load the demo district."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.account_id: str | None = None
        self.setWindowTitle(self.tr("首次使用 · 创建管理员"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "欢迎使用百千万企业走访联络系统。请先创建管理员账号，之后可在“管理”中添加干部和部门账号。"
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("例如：区联络办 张三"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.load_demo = QCheckBox(self.tr("载入小型演示数据（约 300 家企业），便于试用"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码（至少 8 位）"), self.password)
        form.addRow(self.tr("确认密码"), self.password2)
        buttons = button_box(self, self.tr("创建"), self.tr("退出"), self.try_create)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.load_demo)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_create(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return
        try:
            self.account_id = accounts.create_first_admin(
                self.db, self.username.text(), self.display_name.text(), self.password.text()
            )
        except (ValidationError, DomainError) as exc:
            self.error.setText(tr_core(str(exc)))
            return
        self.accept()
