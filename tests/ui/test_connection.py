"""连接设置 (issue 16): a district office desktop set to work on the hub's PostgreSQL server — from
the first-start dialog, through the connection dialog (tested against a real server), to the
sign-in and main window on the server's database, and back to the file on this computer."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from liaison.data.server_url import ServerSetting
from liaison.services import accounts
from liaison.sync.log import database
from liaison.ui import app as app_module
from liaison.ui.connection_dialog import SERVER_KEY, ConnectionDialog, saved_server
from liaison.ui.signin import FirstRunDialog, SignInDialog

PASSWORD = "Guanyinqiao-2026"
Script = Callable[[QDialog], int]


@pytest.fixture(autouse=True)
def no_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No server set, before and after (the app names its settings "Liaison" when it starts:
    `app.make_app`); passwords go to a file of the test's own."""
    scopes = [QSettings(), QSettings("Liaison", "Liaison")]
    for settings in scopes:
        settings.remove(SERVER_KEY)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    yield
    for settings in (QSettings(), QSettings("Liaison", "Liaison")):
        settings.remove(SERVER_KEY)


@pytest.fixture
def hub(pg_db_url: str) -> ServerSetting:
    """A district on the server; the setting that reaches it (its socket, no TLS here)."""
    db = database(pg_db_url)
    accounts.create_district(db, "admin", "管理员", PASSWORD)
    db.dispose()
    found = ServerSetting.from_url(pg_db_url)
    host = pg_db_url.split("host=", 1)[1]
    return ServerSetting(host=host, database=found.database, user=found.user, sslmode="disable")


def _fill(dialog: ConnectionDialog, setting: ServerSetting, password: str = "") -> None:
    dialog.host.setText(setting.host)
    dialog.port.setValue(setting.port)
    dialog.database.setText(setting.database)
    dialog.user.setText(setting.user)
    dialog.password.setText(password)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData(setting.sslmode))


def test_the_dialog_tries_the_server_and_keeps_the_password_for_its_owner(
    qtbot: QtBot, hub: ServerSetting, tmp_path: Path
) -> None:
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.try_connect()
    assert "请填写服务器的地址" in dialog.status.text()
    _fill(dialog, ServerSetting(host="/nonexistent", database="x", user="u", sslmode="disable"))
    dialog.try_connect()
    assert "无法连接数据库服务器" in dialog.status.text()
    _fill(dialog, hub, password="p:w\\d")
    dialog.try_connect()
    assert dialog.status.text() == "连接成功：可以保存。"
    password_file = tmp_path / "pgpass"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password_file.read_text(encoding="utf-8").endswith(":p\\:w\\\\d\n")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert saved_server() == hub.url()


def _answer(monkeypatch: pytest.MonkeyPatch, scripts: dict[type, list[Script]]) -> list[str]:
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(type(dialog).__name__)
        answers = scripts.get(type(dialog))
        assert answers, f"{type(dialog).__name__} was not expected"
        return answers.pop(0)(dialog)

    for kind in scripts:
        monkeypatch.setattr(kind, "exec", exec_)
    return shown


def test_a_new_desktop_set_to_the_server_starts_on_it_and_can_go_back(
    qapp: QApplication, hub: ServerSetting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.ui.main_window import MainWindow

    monkeypatch.setattr(app_module, "default_db_path", lambda: tmp_path / "local.sqlite")
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    seen: dict[str, str] = {}

    def choose_server(dialog: QDialog) -> int:
        assert isinstance(dialog, FirstRunDialog)
        dialog.connect_to_server()
        return int(dialog.result())

    def set_up(dialog: QDialog) -> int:
        assert isinstance(dialog, ConnectionDialog)
        _fill(dialog, hub)
        dialog.save()
        return int(dialog.result())

    def sign_in(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog) and dialog.db is not None
        seen["where"] = dialog.db.where
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()
        return int(dialog.result())

    shown = _answer(
        monkeypatch,
        {FirstRunDialog: [choose_server], ConnectionDialog: [set_up], SignInDialog: [sign_in]},
    )
    assert app_module.run(None) == 0
    assert shown == ["FirstRunDialog", "ConnectionDialog", "SignInDialog"]
    assert seen["where"].startswith("postgresql://") and hub.database in seen["where"]
    windows: list[QWidget] = [
        w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(windows) == 1
    assert windows[0].ctx.db.on_server  # type: ignore[attr-defined]
    for w in windows:
        w.close()

    def back_to_the_file(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        dialog.change_connection()
        return int(dialog.result())

    def use_local(dialog: QDialog) -> int:
        assert isinstance(dialog, ConnectionDialog)
        dialog.use_local()
        return int(dialog.result())

    shown = _answer(
        monkeypatch,
        {
            SignInDialog: [back_to_the_file],
            ConnectionDialog: [use_local],
            FirstRunDialog: [lambda d: int(QDialog.DialogCode.Rejected)],
        },
    )
    assert app_module.run(None) == 0  # signed out at the first-start dialog of the file
    assert shown == ["SignInDialog", "ConnectionDialog", "FirstRunDialog"]
    assert saved_server() is None
