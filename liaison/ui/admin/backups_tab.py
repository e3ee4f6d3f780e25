"""备份与恢复: the backups of this installation, a backup now, where they go, and putting one back;
whether the database is encrypted, and a new recovery key when the old one is lost or seen.

Restoring closes the database under the app and puts the backup in its place (the current file
is kept beside it); the app then ends, to be opened again on the restored file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.data.backup import Backup
from liaison.domain.errors import DomainError
from liaison.services import backups, encryption
from liaison.ui import dialogs
from liaison.ui.actions import perform
from liaison.ui.admin.common import make_table
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.table_model import Column, ListTableModel


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


class BackupsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask: Callable[[QWidget | None, str], bool] = dialogs.confirm
        self.choose_folder: Callable[[], Path | None] = self._choose_folder
        self.quit_app: Callable[[], None] = QApplication.quit
        self.show_key: Callable[[str], object] = self._show_key
        self.model: ListTableModel[Backup] = ListTableModel(
            [
                Column(self.tr("时间"), lambda b: f"{b.taken_at:%Y-%m-%d %H:%M:%S}"),
                Column(self.tr("类型"), lambda b: tr_core(b.label)),
                Column(self.tr("大小"), lambda b: _size(b.size)),
                Column(self.tr("文件"), lambda b: b.path.name),
            ],
            key=lambda b: str(b.path),
        )
        self.view = make_table(self.model, self)
        header = self.view.horizontalHeader()
        for column in range(3):  # time, kind, size whole; the file name takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.where = QLabel()
        self.where.setWordWrap(True)
        note = QLabel(
            self.tr(
                "每天第一次启动、每次导入同步包前和每次升级前自动备份；保留最近 7 天每天一份、"
                "4 周每周一份，导入前的备份保留一周。建议把备份文件夹设在另一块磁盘或共享文件夹上。"
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.now_button = QPushButton(self.tr("立即备份"))
        self.now_button.setObjectName("primary")
        self.now_button.clicked.connect(self.back_up)
        self.folder_button = QPushButton(self.tr("更改备份文件夹…"))
        self.folder_button.clicked.connect(self.change_folder)
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.protection = QLabel()
        self.protection.setWordWrap(True)
        self.recovery_button = QPushButton(self.tr("生成新的恢复密钥…"))
        self.recovery_button.clicked.connect(self.new_recovery_key)
        bar = QHBoxLayout()
        for button in (self.now_button, self.folder_button, self.restore_button):
            bar.addWidget(button)
        bar.addStretch(1)
        guard = QHBoxLayout()
        guard.addWidget(self.protection, 1)
        guard.addWidget(self.recovery_button)
        layout = QVBoxLayout(self)
        layout.addLayout(guard)
        layout.addWidget(self.where)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        try:
            found = backups.list_backups(self.ctx.db, self.ctx.actor)
        except DomainError as exc:
            self.where.setText(tr_core(exc))  # a server's database: its backups are the server's
            for button in (self.now_button, self.folder_button, self.restore_button):
                button.setEnabled(False)
            self.recovery_button.setEnabled(False)
            return
        text = self.tr("备份文件夹：{0}（{1} 个备份）")
        self.where.setText(text.format(found.folder, len(found.backups)))
        self.model.set_rows(found.backups)
        if found.encrypted:
            self.protection.setText(
                self.tr(
                    "数据库和备份已加密：没有密码或恢复密钥的人读不到。"
                    "恢复密钥丢失或被他人看到时，请生成新的，旧的随即失效。"
                )
            )
        else:
            self.protection.setText(self.tr("数据库尚未加密：下次登录时自动加密。"))
        self.recovery_button.setEnabled(found.encrypted)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def back_up(self) -> None:
        try:
            made = perform(
                self,
                "back_up_now",
                partial(backups.back_up_now, self.ctx.db, self.ctx.actor),
                self.tr("正在备份…"),
            )
        except DomainError as exc:
            dialogs.show_error(self, exc)
            return
        self._say(self.tr("已备份到 {0}（{1}）").format(made.path, _size(made.size)))
        self.refresh()

    def new_recovery_key(self) -> None:
        question = self.tr(
            "生成新的恢复密钥？\n\n旧的恢复密钥随即失效，不能再打开本机数据库；"
            "新的只显示一次，请打印或抄写后另处保管。"
        )
        if not self.ask(self, question):
            return
        try:
            shown = perform(
                self,
                "new_recovery_key",
                partial(encryption.new_recovery_key, self.ctx.db, self.ctx.actor),
            )
        except DomainError as exc:
            dialogs.show_error(self, exc)
            return
        self.show_key(shown)
        self._say(self.tr("已生成新的恢复密钥，旧的已失效"))

    def _show_key(self, shown: str) -> None:
        from liaison.ui.unlock import RecoveryKeyDialog

        RecoveryKeyDialog(shown, self).exec()

    def _choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"))
        return Path(chosen) if chosen else None

    def change_folder(self) -> None:
        where = self.choose_folder()
        if where is None:
            return
        try:
            done = perform(
                self,
                "set_backup_folder",
                partial(backups.set_backup_folder, self.ctx.db, self.ctx.actor, where),
            )
        except DomainError as exc:
            dialogs.show_error(self, exc)
            return
        self._say(self.tr("备份文件夹已设为 {0}").format(done))
        self.refresh()

    def selected(self) -> Backup | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            dialogs.show_info(self, self.tr("请先在列表中选择一个备份"))
            return
        question = self.tr(
            "用 {0} 的备份（{1}）替换当前数据库？\n\n当前数据库会改名保留在原文件夹中；"
            "备份之后在本机所做的修改，如已同步给区联络办，可在下次同步时取回。"
            "恢复后程序将关闭，请重新打开。"
        ).format(f"{chosen.taken_at:%Y-%m-%d %H:%M}", tr_core(chosen.label))
        if not self.ask(self, question):
            return
        try:
            done = perform(
                self,
                "restore_backup",
                partial(backups.restore_backup, self.ctx.db, self.ctx.actor, chosen.path),
                self.tr("正在恢复…"),
            )
        except DomainError as exc:
            dialogs.show_error(self, exc)
            return
        text = self.tr("已用备份恢复数据库。原数据库保留为 {0}。程序将关闭，请重新打开。").format(
            done.kept or "—"
        )
        if done.behind:
            text += self.tr(
                "\n\n本机在备份之后发出过变更：取回之前本机不能做修改，请让区联络办为本机导出全部数据并导入。"
            )
        dialogs.show_info(self, text)
        self.quit_app()
