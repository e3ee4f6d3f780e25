"""Start the desktop app: open (or create) the database, first start, sign in, main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from liaison import logs
from liaison.data import backup
from liaison.data.db import Database, default_db_path, is_server
from liaison.domain.errors import DomainError
from liaison.paths import resources_dir
from liaison.services import accounts
from liaison.services.setup import init_database, open_database
from liaison.sync.log import database
from liaison.ui import health, single_instance
from liaison.ui.actions import install_excepthooks, perform
from liaison.ui.connection_dialog import ConnectionDialog, saved_server
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.core_text import tr_core
from liaison.ui.gc_guard import collect_on_gui_thread
from liaison.ui.i18n import current_language, install_translators
from liaison.ui.style import apply_style

if TYPE_CHECKING:
    from liaison.services.context import Actor
    from liaison.ui.main_window import MainWindow
    from liaison.ui.unlock import UnlockDialog


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("liaison-*.png")):
        icon.addFile(str(png))
    return icon


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Liaison")
    app.setApplicationName("Liaison")
    app.setDesktopFileName("liaison")  # the desktop entry the packages install: its name and icon
    app.setWindowIcon(app_icon())
    install_translators(app, current_language())
    apply_style(app)
    collect_on_gui_thread(app)
    return app


def open_or_create(path: Path) -> Database:
    """Create the database on first start and upgrade an older one (both idempotent), then
    take the day's first backup (a failed backup is said, and the app opens all the same)."""
    init_database(path)
    try:
        backup.daily(path)
    except DomainError as exc:
        title = QApplication.translate("App", "百千万企业走访联络系统")
        text = QApplication.translate("App", "今天的自动备份没有完成：{0}").format(tr_core(exc))
        QMessageBox.warning(None, title, text)
    return database(path)


def bring_forward() -> None:
    """Show the window the person works in (a dialog before the main window) on top."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    target = QApplication.activeModalWidget() or (shown[-1] if shown else None)
    if target is not None:
        target.showNormal()
        target.raise_()
        target.activateWindow()


class PendingBundles:
    """Bundles to preview for import (`liaison FILE.lsb`, or one handed over by a second start):
    those that come before the main window exists wait for the person to sign in."""

    def __init__(self, first: Path | None) -> None:
        self.window: MainWindow | None = None
        self.waiting: list[Path] = [] if first is None else [first]

    def open(self, path: Path) -> None:
        if self.window is None:
            self.waiting.append(path)
        else:
            self.window.open_bundle(path)

    def attach(self, window: MainWindow) -> None:
        self.window = window
        waiting, self.waiting = self.waiting, []
        for path in waiting:
            window.open_bundle(path)


RECONNECT = -2
"""What a start returns when the person changed the connection setting: start again on it."""


def run(db_path: Path | str | None, bundle: Path | None = None) -> int:
    """The desktop app on `db_path`; without it, on the server of the connection setting
    (`connection_dialog`) or else the embedded database."""
    app = make_app()
    install_excepthooks(app)
    while True:
        location = db_path or saved_server() or default_db_path()
        code = _start(app, location, bundle)
        if code != RECONNECT:
            return code
        if db_path is not None:  # --db given: the setting is for the next plain start
            text = _t("连接设置已保存，下次不带 --db 启动时使用。")
            QMessageBox.information(None, _t("百千万企业走访联络系统"), text)
            return 0
        bundle = None


def _start(app: QApplication, db_path: Path | str, bundle: Path | None) -> int:
    logs.start_facts("app", db_path)
    title = QApplication.translate("App", "百千万企业走访联络系统")
    if is_server(db_path):  # many desktops work on it at once: nothing to hold here
        return _run_on_server(app, str(db_path), title, PendingBundles(bundle))
    db_path = Path(db_path)
    try:
        instance = single_instance.claim(db_path, bundle)
    except single_instance.HeldElsewhere as exc:
        text = QApplication.translate(
            "App", "数据库 {0} 已由另一个 Liaison 打开（{1}）：请切换到那个窗口，或先关闭它。"
        ).format(db_path, exc)
        QMessageBox.warning(None, title, text)
        return 1
    if instance is None:  # the app already open on this file came forward
        return 0
    instance.on_raise = bring_forward
    bundles = PendingBundles(bundle)
    instance.on_open = bundles.open
    try:
        return _run(app, db_path, title, bundles)
    finally:
        instance.release()


def _signed_in_at_the_door(db: Database, door: UnlockDialog | None) -> Actor | None:
    """The person who opened the encrypted database, signed in with the same password (None:
    show the sign-in, which says why — a name locked here, a deactivated account)."""
    if door is None or door.used_recovery:
        return None
    try:
        return accounts.sign_in(db, door.username.text(), door.password.text())
    except DomainError:
        return None


def _encrypt(db: Database, actor: Actor) -> Database | None:
    """A database still in the clear is encrypted at the first sign-in (a new district, an
    upgrade, a laptop that joined): everyone keeps their password; an administrator is shown
    the recovery key. Returns the database opened again (None: it failed, said)."""
    from liaison.domain.roles import Role
    from liaison.services import encryption
    from liaison.ui.unlock import RecoveryKeyDialog

    path = db.path
    db.dispose()
    try:
        done = perform(None, "encrypt", lambda: encryption.encrypt(path), _t("正在加密数据库…"))
    except DomainError as exc:
        QMessageBox.critical(None, _t("百千万企业走访联络系统"), tr_core(exc))
        return None
    if actor.role == Role.ADMIN:
        RecoveryKeyDialog(done.recovery_key).exec()
    return database(path)


def _t(text: str) -> str:
    return QApplication.translate("App", text)


def _run(app: QApplication, db_path: Path, title: str, bundles: PendingBundles) -> int:
    from liaison.services import encryption
    from liaison.ui.unlock import UnlockDialog

    door: UnlockDialog | None = None
    if encryption.is_encrypted(db_path) and not encryption.is_unlocked(db_path):
        door = UnlockDialog(db_path)
        if door.exec() != QDialog.DialogCode.Accepted:
            return 0
    try:
        opened = health.open_or_recover(db_path, open_or_create, health.ask_box(None))
    except DomainError as exc:
        QMessageBox.critical(None, title, tr_core(exc))
        return 1
    if opened is None:
        return 1
    return _work(app, opened, door, title, bundles)


def _run_on_server(app: QApplication, url: str, title: str, bundles: PendingBundles) -> int:
    """The app on a database on a PostgreSQL server: opened as it is (the server's
    administrator creates and upgrades it with `liaison init`; backups are the server's)."""
    try:
        db = perform(None, "connect", lambda: open_database(url), _t("正在连接数据库服务器…"))
    except DomainError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, title, tr_core(exc))
        settings = box.addButton(_t("连接设置…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_t("退出"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is settings and ConnectionDialog().exec():
            return RECONNECT
        return 1
    return _work(app, db, None, title, bundles)


def _work(
    app: QApplication,
    db: Database,
    door: UnlockDialog | None,
    title: str,
    bundles: PendingBundles,
) -> int:
    """From the open database to the end of the day's work: the first start, the sign-in, the
    main window."""
    from liaison.services import encryption
    from liaison.ui.main_window import MainWindow
    from liaison.ui.signin import FirstRunDialog, SignInDialog

    username = ""
    if not accounts.has_accounts(db):
        first = FirstRunDialog(db)
        if first.exec() != QDialog.DialogCode.Accepted:
            return RECONNECT if first.reconnect else 0
        username = first.username.text().strip()
        if first.load_demo.isChecked():
            from liaison.ui.demo_loader import load_small_demo

            load_small_demo(db)
    actor = _signed_in_at_the_door(db, door)
    if actor is None:
        sign_in = SignInDialog(db, username=username or (door.username.text() if door else ""))
        QTimer.singleShot(0, lambda: logs.log.info("sign-in window shown"))  # once on screen
        if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.actor is None:
            return RECONNECT if sign_in.reconnect else 0
        actor = sign_in.actor
    if accounts.must_change_password(db, actor.account_id):
        from liaison.ui.password_dialog import ChangePasswordDialog

        change = ChangePasswordDialog(db, actor, forced=True)
        if change.exec() != QDialog.DialogCode.Accepted:
            return 0  # nothing is used with a password someone else chose
    if not db.on_server and not encryption.is_encrypted(db.path):
        encrypted = _encrypt(db, actor)
        if encrypted is None:
            return 1
        db = encrypted
    window = MainWindow(AppContext(db, actor, ChangeHub()))
    window.show()
    bundles.attach(window)

    def restored() -> None:
        text = QApplication.translate("App", "已用备份恢复数据库。程序将关闭，请重新打开。")
        QMessageBox.information(window, title, text)
        app.quit()

    if not db.on_server:  # a server's files are its administrator's to check and back up
        health.check_in_background(window, db, health.ask_box(window), restored)
    code = app.exec()
    db.dispose()
    return code
