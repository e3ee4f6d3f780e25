"""A damaged database file, met at start-up or by the background check: offer the newest whole
backup in its place (the damaged file is kept beside it; nothing is deleted)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison import logs
from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.services import backups
from liaison.ui.core_text import tr_core
from liaison.ui.ops import run_in_background

Ask = Callable[[str], bool]


def _t(text: str) -> str:
    return QCoreApplication.translate("Health", text)


def ask_box(parent: QWidget | None) -> Ask:
    def ask(text: str) -> bool:
        answer = QMessageBox.question(parent, _t("数据库文件已损坏"), text)
        return answer == QMessageBox.StandardButton.Yes

    return ask


def offer_latest_backup(db_path: Path, why: str, ask: Ask) -> bool:
    """Say what is wrong and offer the newest whole backup; True when it was put in place.
    Raises DomainError when there is no backup to offer or the restore failed."""
    latest = backups.latest_backup(db_path)
    if latest is None:
        raise DomainError(why + _t("。没有找到可用的备份。"))
    question = _t(
        "{0}\n\n最近的完好备份是 {1}（{2}）。用它恢复数据库吗？"
        "\n损坏的文件会改名保留；备份之后的修改，如已同步给其他设备，会在下次同步时回来。"
    ).format(why, f"{latest.taken_at:%Y-%m-%d %H:%M}", tr_core(latest.label))
    if not ask(question):
        return False
    backups.restore_latest(db_path, latest.path)  # raises DomainError when it may not
    logs.log.warning("restored %s from backup %s", db_path, latest.path.name)
    return True


def open_or_recover(
    db_path: Path, open_db: Callable[[Path], Database], ask: Ask
) -> Database | None:
    """Open the database; when it cannot be opened, offer the latest backup and open that.
    None: the person declined. Raises DomainError when there is nothing to offer."""
    try:
        return open_db(db_path)
    except DomainError as exc:
        logs.refusal("open database", exc)
        if not offer_latest_backup(db_path, tr_core(exc), ask):
            return None
    return open_db(db_path)


def check_in_background(
    parent: QWidget, db: Database, ask: Ask, on_restored: Callable[[], None]
) -> None:
    """Run `quick_check` off the GUI thread (seconds on a district's file); when it finds the
    file damaged, close it, offer the latest backup and call `on_restored` once it is back."""

    def checked(problem: str | None) -> None:
        if problem is None:
            logs.log.info("health check of %s: ok", db.path)
            return
        logs.log.error("health check of %s: %s", db.path, problem)
        why = _t("数据库文件 {0} 检查发现损坏：{1}").format(db.path, tr_core(problem))
        db.dispose()
        try:
            restored = offer_latest_backup(db.path, why, ask)
        except DomainError as exc:
            QMessageBox.warning(parent, _t("数据库文件已损坏"), tr_core(exc))
            return
        if restored:
            on_restored()

    run_in_background(parent, partial(backups.check_health, db), checked)
