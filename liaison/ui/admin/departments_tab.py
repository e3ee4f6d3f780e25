"""部门: the units demands are routed to."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.services import admin
from liaison.services.admin import DepartmentInfo
from liaison.ui.actions import perform
from liaison.ui.admin.common import make_table, show_field_error
from liaison.ui.context import REFERENCE, AppContext
from liaison.ui.dialogs import button_box
from liaison.ui.table_model import Column, ListTableModel


class DepartmentDialog(QDialog):
    def __init__(
        self, ctx: AppContext, dept: DepartmentInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dept = dept
        self.setWindowTitle(self.tr("编辑部门") if dept else self.tr("新增部门"))
        self.name = QLineEdit(dept.name if dept else "")
        self.full_name = QLineEdit(dept.full_name if dept else "")
        self.active = QCheckBox(self.tr("启用（停用后不再接收新的交办）"))
        self.active.setChecked(dept.active if dept else True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        form = QFormLayout()
        form.addRow(self.tr("简称"), self.name)
        form.addRow(self.tr("全称"), self.full_name)
        form.addRow("", self.active)
        buttons = button_box(self, self.tr("保存"), self.tr("取消"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            perform(
                self,
                "save_department",
                partial(
                    admin.save_department,
                    self.ctx.db,
                    self.ctx.actor,
                    name=self.name.text(),
                    full_name=self.full_name.text(),
                    department_id=self.dept.id if self.dept else None,
                    active=self.active.isChecked(),
                    seen=self.dept,
                ),
            )
        except DomainError as exc:
            show_field_error(self.error, {"name": self.name}, exc)
            return
        self.accept()


class DepartmentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: ListTableModel[DepartmentInfo] = ListTableModel(
            [
                Column(self.tr("简称"), lambda d: d.name),
                Column(self.tr("全称"), lambda d: d.full_name),
                Column(
                    self.tr("类型"),
                    lambda d: (
                        self.tr("区联络办（督办）") if d.kind == "hub" else self.tr("承办部门")
                    ),
                ),
                Column(
                    self.tr("状态"),
                    lambda d: self.tr("启用") if d.active else self.tr("已停用"),
                    color=lambda d: None if d.active else "#999999",
                ),
            ],
            key=lambda d: d.id,
        )
        self.view = make_table(self.model, self)
        self.view.doubleClicked.connect(lambda _: self.edit())
        add = QPushButton(self.tr("新增部门"))
        add.setObjectName("primary")
        add.clicked.connect(lambda: self.edit(new=True))
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(lambda: self.edit())  # noqa: PLW0108 (clicked passes a bool)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(edit)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        self.model.set_rows(admin.list_departments(self.ctx.db, include_inactive=True))
        self.view.resizeColumnsToContents()

    def edit(self, new: bool = False) -> None:
        dept = None
        if not new:
            rows = self.view.selectionModel().selectedRows()
            dept = self.model.row_at(rows[0].row()) if rows else None
            if dept is None:
                return
        if DepartmentDialog(self.ctx, dept, self).exec() == QDialog.DialogCode.Accepted:
            self.ctx.hub.announce(REFERENCE)
            self.refresh()
