"""The app on an encrypted database, driven through its real start (`app._run`): the door
opens with the password and signs the person in at once; a database in the clear is encrypted
at the first sign-in and an administrator is shown the recovery key; the recovery key opens
the door when the password is lost. Each dialog is answered as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from liaison.data import driver, keyslots
from liaison.services import accounts, encryption
from liaison.sync.log import database
from liaison.ui import app as app_module
from liaison.ui.signin import SignInDialog
from liaison.ui.unlock import RecoveryKeyDialog, UnlockDialog

PASSWORD = "Guanyinqiao-2026"
Script = Callable[[QDialog], int]


@pytest.fixture
def district(db_path: Path) -> Iterator[Path]:
    db = database(db_path)
    accounts.create_district(db, "admin", "管理员", PASSWORD)
    db.dispose()
    yield db_path
    driver.forget(db_path)


def _answer(monkeypatch: pytest.MonkeyPatch, scripts: dict[type, list[Script]]) -> list[str]:
    """Replace each dialog's exec with the next answer scripted for its class; returns the
    classes shown, in order."""
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        kind = type(dialog)
        shown.append(kind.__name__)
        answers = scripts.get(kind)
        assert answers, f"{kind.__name__} was not expected"
        return answers.pop(0)(dialog)

    for kind in scripts:
        monkeypatch.setattr(kind, "exec", exec_)
    return shown


def _type_in(name: str, password: str) -> Script:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        dialog.username.setText(name)
        dialog.password.setText(password)
        dialog.try_sign_in()
        return int(dialog.result())

    return answer


def _start(qapp: QApplication, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """Run the app's start to its main window; returns the main windows it showed. Its event
    loop is not entered: quitting the application's loop in a test stops later tests'
    background work from being delivered."""
    from liaison.ui.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    code = app_module._run(qapp, path, "百千万企业走访联络系统", app_module.PendingBundles(None))
    assert code == 0
    windows: list[QWidget] = [
        w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    for w in windows:
        w.close()
    return windows


def test_the_first_sign_in_encrypts_and_shows_the_administrator_the_recovery_key(
    qtbot: QtBot,
    qapp: QApplication,
    district: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    seen: list[str] = []

    def keep_the_key(dialog: QDialog) -> int:
        assert isinstance(dialog, RecoveryKeyDialog)
        assert not dialog.ok.isEnabled()  # not before it is kept
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(tmp_path / "recovery-key.png"))
        seen.append(dialog.key_label.text())
        dialog.saved.setChecked(True)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    shown = _answer(
        monkeypatch,
        {SignInDialog: [_type_in("admin", PASSWORD)], RecoveryKeyDialog: [keep_the_key]},
    )
    assert len(_start(qapp, district, monkeypatch)) == 1
    assert shown == ["SignInDialog", "RecoveryKeyDialog"]
    assert encryption.is_encrypted(district) and driver.is_encrypted(district)
    driver.forget(district)
    encryption.recover(district, seen[0])  # the key shown opens it


def test_the_door_opens_with_the_password_and_signs_in_at_once(
    qtbot: QtBot,
    qapp: QApplication,
    district: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sign_in_pauses: list[float],
) -> None:
    encryption.encrypt(district)
    driver.forget(district)

    def wrong_then_right(dialog: QDialog) -> int:
        assert isinstance(dialog, UnlockDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _type_in("admin", "guess")(dialog)
        assert "用户名或密码不正确" in dialog.error.text()
        dialog.grab().save(str(tmp_path / "unlock.png"))
        return _type_in("admin", PASSWORD)(dialog)

    shown = _answer(monkeypatch, {UnlockDialog: [wrong_then_right]})
    assert len(_start(qapp, district, monkeypatch)) == 1
    assert shown == ["UnlockDialog"]  # no second sign-in
    assert sign_in_pauses == [0.5]


def test_the_recovery_key_opens_the_door_then_the_person_signs_in(
    qapp: QApplication, district: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery = encryption.encrypt(district).recovery_key
    driver.forget(district)

    def lost_password(dialog: QDialog) -> int:
        assert isinstance(dialog, UnlockDialog)
        monkeypatch.setattr(
            dialog, "ask_recovery_key", lambda: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
        )
        dialog.use_recovery_key()
        assert "恢复密钥不正确" in dialog.error.text()
        monkeypatch.setattr(dialog, "ask_recovery_key", recovery.lower)
        dialog.use_recovery_key()
        return int(dialog.result())

    shown = _answer(
        monkeypatch,
        {UnlockDialog: [lost_password], SignInDialog: [_type_in("admin", PASSWORD)]},
    )
    assert len(_start(qapp, district, monkeypatch)) == 1
    assert shown == ["UnlockDialog", "SignInDialog"]
    assert keyslots.read(keyslots.keys_path(district)).names() == ["admin"]


def test_an_administrator_makes_a_new_recovery_key_and_the_old_one_stops_opening(
    district: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    from liaison.domain.errors import DomainError
    from liaison.ui.admin.backups_tab import BackupsTab
    from liaison.ui.context import AppContext, ChangeHub

    first = encryption.encrypt(district).recovery_key
    db = database(district)
    try:
        admin = accounts.sign_in(db, "admin", PASSWORD)
        tab = BackupsTab(AppContext(db, admin, ChangeHub()))
        qtbot.addWidget(tab)
        tab.resize(1100, 420)
        tab.show()
        tab.refresh()
        assert "已加密" in tab.protection.text() and tab.recovery_button.isEnabled()
        asked: list[str] = []
        shown: list[str] = []
        tab.ask = lambda _parent, text: asked.append(text) or False  # "no": nothing changes
        tab.recovery_button.click()
        assert asked and "旧的恢复密钥随即失效" in asked[0] and shown == []
        encryption.recover(district, first)
        tab.ask = lambda _parent, _text: True
        tab.show_key = shown.append
        tab.recovery_button.click()
        assert len(shown) == 1 and shown[0] != first and "旧的已失效" in tab.message.text()
        tab.grab().save(str(tmp_path / "backups_encrypted.png"))
        with pytest.raises(DomainError):
            encryption.recover(district, first)
        encryption.recover(district, shown[0])
    finally:
        db.dispose()


def test_a_database_in_the_clear_offers_no_recovery_key(district: Path, qtbot: QtBot) -> None:
    from liaison.ui.admin.backups_tab import BackupsTab
    from liaison.ui.context import AppContext, ChangeHub

    db = database(district)
    try:
        admin = accounts.sign_in(db, "admin", PASSWORD)
        tab = BackupsTab(AppContext(db, admin, ChangeHub()))
        qtbot.addWidget(tab)
        tab.refresh()
        assert "尚未加密" in tab.protection.text() and not tab.recovery_button.isEnabled()
    finally:
        db.dispose()
