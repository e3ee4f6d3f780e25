"""The door of an encrypted database (name and password, or the recovery key) and the one
showing of a new recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.services import encryption
from liaison.ui.actions import perform
from liaison.ui.core_text import tr_core
from liaison.ui.signin import SignInDialog


class UnlockDialog(SignInDialog):
    """Sign-in on an encrypted database: the password opens the database first (its key slot),
    then signs the person in as always. 用恢复密钥打开 for a lost password."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(None, parent, username)
        self.db_path = db_path
        self.setWindowTitle(self.tr("登录（数据库已加密）· 百千万企业走访联络系统"))
        self.recovery_button = QPushButton(self.tr("忘记密码？用恢复密钥打开…"))
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.use_recovery_key)
        note = QLabel(self.tr("本机数据库已加密：输入账号和密码打开"))
        note.setObjectName("muted")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.insertWidget(1, note)
        self.box.insertWidget(self.box.count() - 1, self.recovery_button)
        self.used_recovery = False

    def attempt(self, name: str, password: str) -> None:
        perform(
            self,
            "unlock",
            lambda: encryption.unlock(self.db_path, name, password),
            self.tr("正在打开加密的数据库…"),
        )

    def ask_recovery_key(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("用恢复密钥打开"),
            self.tr("恢复密钥（8 组，每组 4 个字母或数字，如 ABCD-EFGH-…）："),
        )
        return text if ok else None

    def use_recovery_key(self) -> None:
        typed = self.ask_recovery_key()
        if not typed:
            return
        try:
            encryption.recover(self.db_path, typed)
        except DomainError as exc:
            self.error.setText(tr_core(exc))
            return
        self.used_recovery = True
        self.accept()


class RecoveryKeyDialog(QDialog):
    """A new recovery key, shown this once: to print or copy out and keep apart."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("恢复密钥 · 百千万企业走访联络系统"))
        self.setFixedWidth(560)  # the wrapped text's height follows from a known width
        intro = QLabel(
            self.tr(
                "本机数据库已加密：电脑或硬盘丢失时，没有密码的人读不到其中的企业和账号信息。"
                "各账号仍用自己的密码登录。\n\n"
                "下面的恢复密钥只显示这一次。请打印或抄写，与电脑分开保管（如交区联络办存档）；"
                "所有能登录本机的密码都忘记时，凭它打开数据库。"
            )
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setObjectName("card")
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_key)
        self.saved = QCheckBox(self.tr("我已打印或抄写恢复密钥，并会另处保管"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert self.ok is not None
        self.ok.setText(self.tr("完成"))
        self.ok.setEnabled(False)
        self.saved.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)
        margins = layout.contentsMargins()
        intro.setMinimumHeight(intro.heightForWidth(560 - margins.left() - margins.right()))

    def reject(self) -> None:
        if self.saved.isChecked():  # closing is fine once it is kept; not before
            super().reject()

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(
            self.tr(
                "<h2>百千万企业走访联络系统 · 数据库恢复密钥</h2>"
                "<p>所有能登录本机的密码都忘记时，凭此密钥打开本机的加密数据库。"
                "请与电脑分开保管，不要拍照发送。</p>"
                "<p style='font-size:20pt; font-family:monospace'><b>{0}</b></p>"
            ).format(self.recovery_key)
        )
        return doc

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
