"""帮助 → 关于: what this Liaison is (version, build date, commit) and the licences of the parts
it carries (resources/NOTICES.txt)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from liaison.version import BuildInfo, build_info, notices


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, info: BuildInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 Liaison"))
        self.info = info or build_info()
        title = QLabel(self.tr("百千万企业走访联络系统"))
        title.setObjectName("pageTitle")
        self.version_label = QLabel(self.version_text())
        self.version_label.setObjectName("muted")
        self.notices = QPlainTextEdit(notices())
        self.notices.setReadOnly(True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # a table of columns
        self.notices.setMinimumSize(900, 380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.version_label)
        layout.addWidget(QLabel(self.tr("随附组件的许可声明：")))
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)

    def version_text(self) -> str:
        i = self.info
        built = self.tr("构建于 {date}").format(date=i.built) if i.built else self.tr("源代码运行")
        commit = i.commit or self.tr("未知")
        return self.tr("版本 {version} · {built} · 提交 {commit}").format(
            version=i.version, built=built, commit=commit
        )
