"""核验销号单: check a printed 诉求办结销号单 against the records.

Type or paste the serial and 校验码, scan the QR code with a USB scanner (it types the text and
Enter), or open a photo or scan of the sheet; `liaison.services.closure_marks` decides.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.services import closure_marks
from liaison.services.closure_marks import Verdict
from liaison.ui.actions import ActionFailed, perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core

_OK_STYLE = "color: #1B7F3B; font-size: 15px; font-weight: bold;"
_BAD_STYLE = "color: #B3261E; font-size: 15px; font-weight: bold;"


class VerifyDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("核验销号单"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "用扫码枪扫描销号单右下角的二维码，或输入单上的“编号 校验码”，"
                "也可以打开单据的照片或扫描件。"
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("例如：{example}").format(example=closure_marks.EXAMPLE)
        )
        self.code.returnPressed.connect(self.check)
        self.check_button = QPushButton(self.tr("核验"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.image_button = QPushButton(self.tr("打开图片…"))
        self.image_button.clicked.connect(self.open_image)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.image_button)

        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("serial", self.tr("编号")),
            ("enterprise", self.tr("企业")),
            ("title", self.tr("诉求")),
            ("state", self.tr("当前状态")),
            ("signer", self.tr("签发设备")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.details.addRow(label + "：", value)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        if close_button is not None:
            close_button.setText(self.tr("关闭"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.verdict_label)
        layout.addLayout(self.details)
        layout.addStretch(1)
        layout.addWidget(close)
        self.show_verdict(None)

    def check(self) -> None:
        text = self.code.text().strip()
        if not text:
            self._say(self.tr("请先扫描二维码或输入编号与校验码"), ok=False)
            return
        self._run(lambda: closure_marks.verify(self.ctx.db, text))

    def open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开销号单照片或扫描件"),
            "",
            self.tr("图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"),
        )
        if path:
            self.check_image(path)

    def check_image(self, path: str) -> None:
        def read_and_verify() -> Verdict:
            code = closure_marks.read_qr_image(path)
            return closure_marks.verify(self.ctx.db, code)

        self._run(read_and_verify)

    def _run(self, fn: Callable[[], Verdict]) -> None:
        try:
            verdict = perform(self, "核验销号单", fn, self.tr("正在核验…"))
        except ActionFailed:
            return
        except DomainError as exc:
            self.show_verdict(None)
            self._say(tr_core(exc), ok=False)
            return
        self.show_verdict(verdict)
        self.code.selectAll()  # the next scan replaces this one

    def show_verdict(self, verdict: Verdict | None) -> None:
        for key, value in self.fields.items():
            value.setText(getattr(verdict, key, "") or "—" if verdict else "")
        if verdict is None:
            self.verdict_label.clear()
            return
        head = self.tr("核验通过") if verdict.ok else self.tr("核验未通过")
        self._say(f"{head}：{tr_core(verdict.reason)}", ok=verdict.ok)

    def _say(self, text: str, *, ok: bool) -> None:
        self.verdict_label.setStyleSheet(_OK_STYLE if ok else _BAD_STYLE)
        self.verdict_label.setText(("✔ " if ok else "✘ ") + text)
