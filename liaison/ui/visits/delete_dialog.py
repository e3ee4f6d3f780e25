"""删除走访: ask why a visit logged by mistake goes, say what goes with it, then delete it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.services.visit_list import VisitRow
from liaison.services.visits import VisitDeletion, delete_visit
from liaison.ui.actions import perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core


class DeleteVisitDialog(QDialog):
    """Shown with open(); closes only when the visit was deleted (a refusal stays in it)."""

    did_delete = Signal(object)  # the VisitDeletion

    def __init__(
        self, ctx: AppContext, row: VisitRow, plan: VisitDeletion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("删除走访"))
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("删除走访"))
        heading.setObjectName("sectionTitle")
        about = QLabel(
            self.tr("{date} · {enterprise} · {mode}").format(
                date=f"{row.visit_date:%Y-%m-%d}", enterprise=row.enterprise, mode=row.mode
            )
        )
        about.setWordWrap(True)
        consequence = self.tr(
            "删除后这次走访不再出现在走访列表、企业走访记录和走访覆盖率中；督办可以恢复。"
        )
        withdrawn = len(plan.withdrawn_demand_ids)
        if withdrawn:
            consequence += "\n" + self.tr(
                "这次走访提出的 {n} 条待交办诉求将一并撤回（恢复走访不会恢复诉求）。"
            ).format(n=withdrawn)
        self.consequence = QLabel(consequence)
        self.consequence.setObjectName("muted")
        self.consequence.setWordWrap(True)
        reason_label = QLabel(self.tr("删除原因"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("例如：企业选错了，已重新登记"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(72)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        self.confirm_button = QPushButton(self.tr("确认删除"))
        self.confirm_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.consequence)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        try:
            done = perform(
                self,
                "delete_visit",
                partial(
                    delete_visit,
                    self.ctx.db,
                    self.ctx.actor,
                    self.row.id,
                    self.reason.toPlainText(),
                ),
            )
        except DomainError as exc:
            self.error.setText(tr_core(exc))
            self.error.show()
            return
        self.did_delete.emit(done)
        self.accept()
