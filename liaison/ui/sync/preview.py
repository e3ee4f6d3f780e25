"""Before a bundle is imported: what it would bring (a dry run off the GUI thread), then 导入.

A refused bundle shows its one-line reason and nothing is written; a bundle from a device not
known here also shows that device's fingerprint and how to trust it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.sync.exchange.bundle import ImportReport, import_bundle
from liaison.sync.exchange.envelope import BundleRefused
from liaison.sync.exchange.history import BundleSender, bundle_sender
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.ops import run_in_background
from liaison.ui.sync.common import SYNC, kind_label, make_table, may_enrol, set_widths
from liaison.ui.table_model import Column, ListTableModel

UNKNOWN_SENDER = ("unknown_sender", "untrusted_sender")


@dataclass(frozen=True)
class CountRow:
    kind: str
    count: int


class ImportPreviewDialog(QDialog):
    """Preview of one bundle file; `bundle_did_import(report)` after a real import."""

    bundle_did_import = Signal(object)
    trust_requested = Signal(object)
    """The sender's `BundleSender` and the file, when a manager asks to trust it from here."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.report: ImportReport | None = None
        self.imported: ImportReport | None = None
        self.refusal: BundleRefused | None = None
        self.sender_info: BundleSender | None = None
        self.busy = False
        self.setWindowTitle(self.tr("导入同步包"))

        heading = QLabel(self.tr("导入同步包"))
        heading.setObjectName("dialogTitle")
        self.file_label = QLabel(self.tr("文件：{name}").format(name=path.name))
        self.file_label.setObjectName("muted")
        self.file_label.setToolTip(str(path))
        self.summary_label = QLabel(self.tr("正在检查同步包…"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("sectionTitle")
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setObjectName("fieldError")
        self.conflict_label.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.advice_label.setVisible(False)
        self.advice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model: ListTableModel[CountRow] = ListTableModel(
            [
                Column(self.tr("记录类型"), lambda r: kind_label(r.kind)),
                Column(self.tr("新变更"), lambda r: str(r.count)),
            ],
            key=lambda r: r.kind,
        )
        self.table = make_table(self.model, self)
        set_widths(self.table, [180])

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.trust_button = QPushButton(self.tr("登记此设备…"))
        self.trust_button.setVisible(False)
        self.trust_button.clicked.connect(self._ask_trust)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.table, 10)
        layout.addStretch(1)  # takes the room of the table when a refusal hides it
        layout.addLayout(buttons)
        self.resize(620, 460)
        self.check()

    # --- the dry run ---------------------------------------------------------------------

    def check(self) -> None:
        db, path = self.ctx.db, self.path
        self._set_busy(True)
        run_in_background(
            self,
            lambda: import_bundle(db, path, dry_run=True),
            self._show_report,
            self._refused,
            action="check_bundle",
        )

    def _show_report(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.report = report
        self.summary_label.setText(report.summary())
        self.model.set_rows(
            [CountRow(k, n) for k, n in sorted(report.counts.items(), key=lambda kv: -kv[1])]
        )
        if report.conflicts:
            self.conflict_label.setText(
                self.tr("导入后有 {n} 处冲突需要有人决定保留哪个版本（见“冲突”页）").format(
                    n=report.conflicts
                )
            )
            self.conflict_label.setVisible(True)
        self._update_buttons()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            raise exc
        self.summary_label.setText(self.tr("不能导入这个同步包"))
        self.error_label.setText(tr_core(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        self.error_label.setVisible(True)
        self.table.setVisible(False)
        if isinstance(exc, BundleRefused):
            self.refusal = exc
            if exc.reason in UNKNOWN_SENDER:
                self._show_sender_advice()
        self._update_buttons()

    def _show_sender_advice(self) -> None:
        try:
            self.sender_info = bundle_sender(self.path)
        except DomainError:
            return
        self.error_label.setText(
            self.tr("发送设备“{name}”尚未登记，不能导入它的同步包。").format(
                name=self.sender_info.name
            )
        )
        text = self.tr(
            "发送设备“{name}”的指纹是 {fingerprint}。请打电话或当面请对方打开“同步”页念出本机"
            "指纹，两者一致才说明文件确实来自该设备；一致后由管理员在区联络办的电脑上登记该设备，"
            "再导入本文件。"
        ).format(name=self.sender_info.name, fingerprint=self.sender_info.fingerprint)
        self.advice_label.setText(text)
        self.advice_label.setVisible(True)
        self.trust_button.setVisible(may_enrol(self.ctx))

    def _ask_trust(self) -> None:
        if self.sender_info is not None:
            self.trust_requested.emit(self.sender_info)

    # --- the import ----------------------------------------------------------------------

    def run_import(self) -> None:
        if self.report is None or self.busy or self.imported is not None:
            return
        db, path = self.ctx.db, self.path
        self._set_busy(True)
        run_in_background(
            self,
            lambda: import_bundle(db, path),
            self._imported,
            self._refused,
            label=self.tr("正在导入同步包…"),
            action="import_bundle",
        )

    def _imported(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.imported = report
        self.result_label.setText(
            self.tr("已导入：{n} 项新变更，{c} 处冲突").format(n=report.new_ops, c=report.conflicts)
        )
        self.cancel_button.setText(self.tr("关闭"))
        self._update_buttons()
        self.ctx.hub.announce(SYNC, ENTERPRISE, VISIT, DEMAND, ACCOUNT, REFERENCE)
        self.bundle_did_import.emit(report)

    # --- state ---------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.report is not None and self.imported is None and self.refusal is None
        self.import_button.setEnabled(ready and not self.busy)
        self.cancel_button.setEnabled(not self.busy)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
