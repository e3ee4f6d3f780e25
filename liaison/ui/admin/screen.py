"""The admin screen: one tab per kind of setting."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from liaison.ui.admin.accounts_tab import AccountsTab
from liaison.ui.admin.backups_tab import BackupsTab
from liaison.ui.admin.categories_tab import CategoriesTab
from liaison.ui.admin.departments_tab import DepartmentsTab
from liaison.ui.admin.holidays_tab import HolidaysTab
from liaison.ui.context import ACCOUNT, REFERENCE, AppContext
from liaison.ui.imports import ImportDialog
from liaison.ui.screen import Screen


class AdminScreen(Screen):
    watches = frozenset({ACCOUNT, REFERENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title = QLabel(self.tr("管理"))
        title.setObjectName("screenTitle")
        self.tabs = QTabWidget()
        self.accounts = AccountsTab(ctx)
        self.departments = DepartmentsTab(ctx)
        self.categories = CategoriesTab(ctx)
        self.holidays = HolidaysTab(ctx)
        self.backups = BackupsTab(ctx)
        self.tabs.addTab(self.accounts, self.tr("账号与角色"))
        self.tabs.addTab(self.departments, self.tr("部门"))
        self.tabs.addTab(self.categories, self.tr("诉求类别与交办规则"))
        self.tabs.addTab(self.holidays, self.tr("节假日"))
        self.tabs.addTab(self.backups, self.tr("备份与恢复"))
        self.import_button = QPushButton(self.tr("导入包联名单…"))
        self.import_button.clicked.connect(self.open_import)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, "assignments", self)
        dialog.show()
        return dialog

    def refresh(self) -> None:
        for tab in (self.accounts, self.departments, self.categories, self.holidays, self.backups):
            tab.refresh()
