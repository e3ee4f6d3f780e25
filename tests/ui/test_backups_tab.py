"""备份与恢复 for administrators: the list, a backup now, the folder, restoring one; others may
not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data import backup, driver
from liaison.data.db import Database
from liaison.domain.errors import PermissionDenied
from liaison.services import backups
from liaison.services.context import Actor
from liaison.ui.admin.backups_tab import BackupsTab
from liaison.ui.admin.screen import AdminScreen
from liaison.ui.context import AppContext
from tests.conftest import Cast, log_demands


def _count(path: Path) -> int:
    conn = driver.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM demand").fetchone()[0])
    finally:
        conn.close()


def test_an_administrator_backs_up_moves_the_folder_and_restores(
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = AdminScreen(make_ctx(cast.admin))
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    tab = screen.backups
    screen.tabs.setCurrentWidget(tab)
    tab.refresh()
    assert tab.model.rowCount() == 0 and "0 个备份" in tab.where.text()

    other_disk = tmp_path / "share" / "liaison-backups"
    tab.choose_folder = lambda: other_disk
    qtbot.mouseClick(tab.folder_button, Qt.MouseButton.LeftButton)
    assert str(other_disk) in tab.where.text()

    log_demands(db, cast, "贷款贴息申请", "用地指标")
    qtbot.mouseClick(tab.now_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and "已备份到" in tab.message.text()
    [made] = backup.listed(other_disk)
    assert made.kind == "manual"
    screen.grab().save(str(tmp_path / "backups_tab.png"))

    log_demands(db, cast, "后来的诉求")
    asked: list[str] = []
    quit_called: list[bool] = []
    tab.ask = lambda _parent, text: asked.append(text) or True
    tab.quit_app = lambda: quit_called.append(True)
    said: list[str] = []
    from liaison.ui import dialogs

    monkeypatch.setattr(dialogs, "show_info", lambda _parent, text: said.append(text))
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "替换当前数据库" in asked[0]
    assert quit_called == [True] and "已用备份恢复数据库" in said[0]
    assert _count(db.path) == 2  # the demand logged after the backup is not in it
    assert list(db.path.parent.glob("*-before-restore-*.sqlite"))


def test_only_an_administrator_sees_or_touches_backups(
    make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database, qtbot: QtBot
) -> None:
    for who in (cast.supervisor, cast.cadre, cast.hr_handler):
        with pytest.raises(PermissionDenied):
            backups.list_backups(db, who)
        with pytest.raises(PermissionDenied):
            backups.back_up_now(db, who)
        with pytest.raises(PermissionDenied):
            backups.restore_backup(db, who, db.path)
    tab = BackupsTab(make_ctx(cast.supervisor))
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.model.rowCount() == 0 and tab.where.text()
