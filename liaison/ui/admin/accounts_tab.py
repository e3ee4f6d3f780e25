"""账号: list, create, (de)activate, reset password."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.domain.passwords import RULE
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.services import accounts, admin, limits
from liaison.services.accounts import AccountInfo
from liaison.ui import vocab
from liaison.ui.actions import perform
from liaison.ui.admin.common import make_table, show_field_error
from liaison.ui.context import ACCOUNT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box, show_error
from liaison.ui.table_model import Column, ListTableModel


class AccountDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: str | None = None
        self.setWindowTitle(self.tr("新建账号"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(vocab.label(ROLE_LABELS, role), str(role))
        self.department = QComboBox()
        self.department.addItem(self.tr("（无）"), None)
        for d in admin.list_departments(ctx.db):
            self.department.addItem(d.name, d.id)
        self.street = QComboBox()
        self.street.addItem(self.tr("（无）"), None)
        from liaison.services.reference_lists import list_streets

        for st in list_streets(ctx.db):
            self.street.addItem(st.name, st.id)
        self.phone = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit, column in (
            (self.username, "username"),
            (self.display_name, "display_name"),
            (self.phone, "phone"),
        ):
            edit.setMaxLength(limits.max_length("account", column))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("所属部门"), self.department)
        form.addRow(self.tr("所属街镇"), self.street)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("初始密码"), self.password)
        buttons = button_box(self, self.tr("保存"), self.tr("取消"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fields = {
            "username": self.username,
            "display_name": self.display_name,
            "department_id": self.department,
            "street_id": self.street,
            "password": self.password,
        }

    def save(self) -> None:
        try:
            self.account_id = perform(
                self,
                "create_account",
                partial(
                    accounts.create_account,
                    self.ctx.db,
                    self.ctx.actor,
                    username=self.username.text(),
                    display_name=self.display_name.text(),
                    role=Role(self.role.currentData()),
                    password=self.password.text(),
                    department_id=self.department.currentData(),
                    street_id=self.street.currentData(),
                    phone=self.phone.text().strip(),
                ),
            )
        except DomainError as exc:
            show_field_error(self.error, self.fields, exc)
            return
        self.accept()


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: ListTableModel[AccountInfo] = ListTableModel(
            [
                Column(self.tr("用户名"), lambda a: a.username),
                Column(self.tr("姓名"), lambda a: a.display_name),
                Column(self.tr("角色"), lambda a: vocab.label(ROLE_LABELS, a.role)),
                Column(self.tr("部门"), lambda a: a.department or ""),
                Column(self.tr("街镇"), lambda a: a.street or ""),
                Column(
                    self.tr("状态"),
                    lambda a: self.tr("正常") if a.active else self.tr("已停用"),
                    color=lambda a: None if a.active else "#999999",
                ),
            ],
            key=lambda a: a.id,
        )
        self.view = make_table(self.model, self)
        add = QPushButton(self.tr("新建账号"))
        add.setObjectName("primary")
        add.clicked.connect(self.add_account)
        toggle = QPushButton(self.tr("停用/启用"))
        toggle.clicked.connect(self.toggle_active)
        reset = QPushButton(self.tr("重置密码"))
        reset.clicked.connect(self.reset_password)
        rename = QPushButton(self.tr("改用户名"))
        rename.clicked.connect(self.rename)
        bar = QHBoxLayout()
        for b in (add, toggle, reset, rename):
            bar.addWidget(b)
        bar.addStretch(1)
        self.locked = QLabel()
        self.locked.setObjectName("fieldError")
        self.locked.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.clicked.connect(self.unlock_all)
        locked_row = QHBoxLayout()
        locked_row.addWidget(self.locked, 1)
        locked_row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(locked_row)
        layout.addWidget(self.view)
        self.guards: list[accounts.Guard] = []

    def refresh(self) -> None:
        self.model.set_rows(accounts.list_accounts(self.ctx.db))
        self.view.resizeColumnsToContents()
        self.guards = accounts.locked_names(self.ctx.db, self.ctx.actor)
        names = "、".join(
            self.tr("{name}（至 {time}）").format(name=g.username, time=f"{g.locked_until:%H:%M}")
            for g in self.guards
        )
        self.locked.setText(
            self.tr("本机因连续输错密码而锁定：{names}").format(names=names) if names else ""
        )
        self.locked.setVisible(bool(self.guards))
        self.unlock_button.setVisible(bool(self.guards))

    def unlock_all(self) -> None:
        """Let every locked name try again on this device now."""
        for g in self.guards:
            perform(
                self, "unlock", partial(accounts.unlock, self.ctx.db, self.ctx.actor, g.username)
            )
        self.refresh()

    def selected(self) -> AccountInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add_account(self) -> None:
        dialog = AccountDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.hub.announce(ACCOUNT)
            self.refresh()

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None:
            return
        try:
            perform(
                self,
                "set_account_active",
                partial(admin.set_account_active, self.ctx.db, self.ctx.actor, a.id, not a.active),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.announce(ACCOUNT)
        self.refresh()

    def rename(self) -> None:
        a = self.selected()
        if a is None:
            return
        username, ok = self.ask_text(
            self.tr("改用户名"),
            self.tr("“{name}”的新用户名（密码不变）").format(name=a.display_name),
            a.username,
        )
        if not ok:
            return
        try:
            perform(
                self,
                "rename_account",
                partial(admin.rename_account, self.ctx.db, self.ctx.actor, a.id, username),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.announce(ACCOUNT)
        self.refresh()

    def ask_text(self, title: str, label: str, text: str) -> tuple[str, bool]:
        """Seam: tests replace the question."""
        return QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)

    def reset_password(self) -> None:
        a = self.selected()
        if a is None:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("重置密码"),
            self.tr("“{name}”的新密码（{rule}）").format(name=a.display_name, rule=tr_core(RULE)),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            perform(
                self,
                "reset_password",
                partial(admin.reset_password, self.ctx.db, self.ctx.actor, a.id, password),
            )
        except DomainError as exc:
            show_error(self, exc)
