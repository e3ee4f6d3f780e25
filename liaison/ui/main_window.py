"""The main window: navigation on the left, one screen at a time, adapted to the role."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from liaison.domain.roles import Role
from liaison.ui.context import AppContext
from liaison.ui.i18n import LANGUAGES, current_language, set_language
from liaison.ui.screen import Screen


@dataclass(frozen=True)
class ScreenSpec:
    name: str
    label: str
    shortcut: str
    factory: Callable[[AppContext], Screen]
    roles: frozenset[Role]


ALL_ROLES = frozenset(Role)

SCREEN_MODULES = {
    "home": ("liaison.ui.home", "HomeScreen"),
    "enterprises": ("liaison.ui.enterprises.screen", "EnterprisesScreen"),
    "visits": ("liaison.ui.visits.screen", "VisitsScreen"),
    "demands": ("liaison.ui.demands.screen", "DemandsScreen"),
    "admin": ("liaison.ui.admin", "AdminScreen"),
    "dashboard": ("liaison.ui.dashboard", "DashboardScreen"),
    "sync": ("liaison.ui.sync", "SyncScreen"),
}


def _lazy(name: str) -> Callable[[AppContext], Screen]:
    """A factory that imports the screen's module on first use (start-up stays short)."""

    def make(ctx: AppContext) -> Screen:
        module, cls = SCREEN_MODULES[name]
        factory: Callable[[AppContext], Screen] = getattr(importlib.import_module(module), cls)
        return factory(ctx)

    return make


def preload_screen_modules() -> None:
    """Import the screens' modules on a worker thread while the user looks at the home screen,
    so that opening a screen the first time only builds its widgets."""

    def load() -> None:
        for module, _ in SCREEN_MODULES.values():
            importlib.import_module(module)

    threading.Thread(target=load, name="preload-screens", daemon=True).start()


def screen_specs() -> list[ScreenSpec]:
    field = frozenset({Role.CADRE, Role.STREET_STAFF, Role.SUPERVISOR, Role.ADMIN})
    return [
        ScreenSpec(
            "home",
            QCoreApplication.translate("MainWindow", "工作台"),
            "Ctrl+1",
            _lazy("home"),
            ALL_ROLES,
        ),
        ScreenSpec(
            "enterprises",
            QCoreApplication.translate("MainWindow", "企业"),
            "Ctrl+2",
            _lazy("enterprises"),
            ALL_ROLES,
        ),
        ScreenSpec(
            "visits",
            QCoreApplication.translate("MainWindow", "走访"),
            "Ctrl+3",
            _lazy("visits"),
            field,
        ),
        ScreenSpec(
            "demands",
            QCoreApplication.translate("MainWindow", "诉求"),
            "Ctrl+4",
            _lazy("demands"),
            ALL_ROLES,
        ),
        ScreenSpec(
            "dashboard",
            QCoreApplication.translate("MainWindow", "统计"),
            "Ctrl+5",
            _lazy("dashboard"),
            frozenset({Role.SUPERVISOR, Role.ADMIN}),
        ),
        ScreenSpec(
            "admin",
            QCoreApplication.translate("MainWindow", "管理"),
            "Ctrl+6",
            _lazy("admin"),
            frozenset({Role.ADMIN}),
        ),
        ScreenSpec(
            "sync",
            QCoreApplication.translate("MainWindow", "同步"),
            "Ctrl+7",
            _lazy("sync"),
            ALL_ROLES,
        ),
    ]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, specs: list[ScreenSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.nav = self
        actor = ctx.actor
        self.setWindowTitle(self.tr("百千万企业走访联络系统"))
        self.specs = [s for s in (specs or screen_specs()) if actor.role in s.roles]
        self.screens: dict[str, Screen] = {}
        self.nav_list = QListWidget()
        self.nav_list.setObjectName("navigation")
        self.nav_list.setFixedWidth(132)
        self.stack = QStackedWidget()
        for spec in self.specs:
            item = QListWidgetItem(spec.label)
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setToolTip(f"{spec.label}（{spec.shortcut}）")
            self.nav_list.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self.nav_list.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        who = QLabel(self.tr("当前用户：{who}").format(who=ctx.who()))
        self.statusBar().addPermanentWidget(who)
        self.statusBar().showMessage(ctx.db.where, 5000)
        self._restore_layout()
        self.show_screen("home")
        preload_screen_modules()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        password = QAction(self.tr("修改密码…"), self)
        password.triggered.connect(self.change_password)
        file_menu.addAction(password)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        for spec in self.specs:
            action = QAction(spec.label, self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, n=spec.name: self.show_screen(n))
            go_menu.addAction(action)
        if any(s.name == "visits" for s in self.specs):
            new_visit = QAction(self.tr("登记走访"), self)
            new_visit.setShortcut(QKeySequence("Ctrl+N"))
            new_visit.triggered.connect(lambda: self.new_visit(None))
            go_menu.addSeparator()
            go_menu.addAction(new_visit)
        tools_menu = self.menuBar().addMenu(self.tr("工具(&T)"))
        verify = QAction(self.tr("核验销号单…"), self)
        verify.setShortcut(QKeySequence("Ctrl+Shift+V"))
        verify.triggered.connect(self.open_verify)
        tools_menu.addAction(verify)
        lang_menu = self.menuBar().addMenu(self.tr("语言(&L)"))
        for code, label in LANGUAGES.items():
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self._switch_language(c))
            lang_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于 Liaison…"), self)
        about.triggered.connect(self.open_about)
        help_menu.addAction(about)

    def open_about(self) -> None:
        from liaison.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def change_password(self) -> None:
        from liaison.ui.password_dialog import ChangePasswordDialog

        ChangePasswordDialog(self.ctx.db, self.ctx.actor, forced=False, parent=self).exec()

    def open_verify(self) -> None:
        from liaison.ui.verify_dialog import VerifyDialog

        VerifyDialog(self.ctx, self).exec()

    def _switch_language(self, code: str) -> None:
        from liaison.ui.dialogs import show_info

        set_language(code)
        show_info(self, self.tr("界面语言将在下次启动时生效。"))

    # --- navigation (the Navigator protocol) ---------------------------------------------

    def screen_named(self, name: str) -> Screen:
        if name not in self.screens:
            index = next(i for i, s in enumerate(self.specs) if s.name == name)
            widget = self.specs[index].factory(self.ctx)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.screens[name] = widget
        return self.screens[name]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.screen_named(self.specs[row].name)
            self.stack.setCurrentIndex(row)

    def show_screen(self, name: str) -> None:
        row = next((i for i, s in enumerate(self.specs) if s.name == name), None)
        if row is None:
            return
        if self.nav_list.currentRow() == row:
            self._show_row(row)
        else:
            self.nav_list.setCurrentRow(row)

    def open_enterprise(self, enterprise_id: str) -> None:
        self.show_screen("enterprises")
        self.screen_named("enterprises").open_record(enterprise_id)  # type: ignore[attr-defined]

    def open_demand(self, demand_id: str) -> None:
        self.show_screen("demands")
        self.screen_named("demands").open_record(demand_id)  # type: ignore[attr-defined]

    def open_bundle(self, path: Path) -> None:
        """The 同步 screen, previewing this bundle for import (a double-clicked `.lsb`)."""
        self.raise_()
        self.activateWindow()
        self.show_screen("sync")
        self.screen_named("sync").open_preview(path)  # type: ignore[attr-defined]

    def new_visit(self, enterprise_id: str | None = None) -> None:
        self.show_screen("visits")
        self.screen_named("visits").start_visit(enterprise_id)  # type: ignore[attr-defined]

    # --- window state -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
