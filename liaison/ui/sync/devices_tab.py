"""设备: the devices this one knows, what each is known to have; trust and revoke (managers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
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
from liaison.sync.exchange.devices import DeviceInfo, revoke_device, trust_device
from liaison.sync.exchange.history import PeerStatus
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box, confirm, show_error
from liaison.ui.sync.common import SYNC, can_manage, make_table, set_widths, when
from liaison.ui.table_model import Column, ListTableModel

STATUS_COLORS = {
    "local": "#1f5fa8",
    "trusted": "#2e7d32",
    "pending": "#b26a00",
    "revoked": "#999999",
}


@dataclass(frozen=True)
class DeviceRow:
    info: DeviceInfo
    peer: PeerStatus | None

    @property
    def status(self) -> str:
        if self.info.is_local:
            return "local"
        if self.info.revoked_at:
            return "revoked"
        return "trusted" if self.info.trusted_at else "pending"


class TrustDialog(QDialog):
    """Trust a device by the fingerprint its owner reads out, with a bundle it sent."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        bundle: Path | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bundle = bundle
        self.trusted: DeviceInfo | None = None
        self.choose_bundle: Callable[[], Path | None] = self._ask_for_bundle
        """Seam: tests replace the file chooser."""
        self.setWindowTitle(self.tr("信任设备"))
        intro = QLabel(
            self.tr(
                "请对方在其“同步”页念出本机指纹，在下面输入（可不带短横线）。如果本机还不认识该"
                "设备，再选一个它导出的同步包。指纹不一致时不要信任：文件可能不是对方发出的。"
            )
        )
        intro.setWordWrap(True)
        if name:
            intro.setText(intro.text() + "\n" + self.tr("设备：{name}").format(name=name))
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.bundle_label = QLabel(bundle.name if bundle else self.tr("（未选择）"))
        self.bundle_label.setObjectName("muted")
        choose = QPushButton(self.tr("选择同步包…"))
        choose.clicked.connect(self.pick_bundle)
        row = QHBoxLayout()
        row.addWidget(self.bundle_label, 1)
        row.addWidget(choose)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("对方念出的指纹"), self.fingerprint)
        form.addRow(self.tr("对方的同步包"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(button_box(self, self.tr("信任"), self.tr("取消"), self.save))
        self.resize(560, 260)

    def _ask_for_bundle(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择对方的同步包"), "", self.tr("同步包 (*.lsb);;所有文件 (*)")
        )
        return Path(name) if name else None

    def pick_bundle(self) -> None:
        path = self.choose_bundle()
        if path is not None:
            self.bundle = path
            self.bundle_label.setText(path.name)

    def save(self) -> None:
        try:
            self.trusted = trust_device(
                self.ctx.db, self.ctx.actor, self.fingerprint.text(), bundle=self.bundle
            )
        except DomainError as exc:
            self.error.setText(tr_core(str(exc)))
            return
        self.ctx.hub.announce(SYNC)
        self.accept()


class DevicesTab(QWidget):
    device_did_change = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trust_dialog: TrustDialog | None = None
        self.model: ListTableModel[DeviceRow] = ListTableModel(
            [
                Column(self.tr("设备"), lambda r: r.info.name),
                Column(self.tr("状态"), self.status_text, color=lambda r: STATUS_COLORS[r.status]),
                Column(self.tr("指纹"), lambda r: r.info.fingerprint),
                Column(self.tr("对方已有"), self.known_text),
                Column(self.tr("待发给对方"), self.pending_text),
                Column(
                    self.tr("最近导入"), lambda r: when(r.peer.last_import_at) if r.peer else ""
                ),
                Column(
                    self.tr("最近导出"), lambda r: when(r.peer.last_export_at) if r.peer else ""
                ),
            ],
            key=lambda r: r.info.id,
        )
        self.view = make_table(self.model, self)
        set_widths(self.view, [170, 70, 420, 90, 90, 130])
        self.trust_button = QPushButton(self.tr("信任设备…"))
        self.trust_button.setObjectName("primary")
        self.trust_button.clicked.connect(self._trust_clicked)
        self.revoke_button = QPushButton(self.tr("吊销"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        bar = QHBoxLayout()
        if can_manage(ctx.actor):
            bar.addWidget(self.trust_button)
            bar.addWidget(self.revoke_button)
            note = QLabel(self.tr("吊销后，该设备导出的同步包一律拒绝导入。"))
        else:
            self.trust_button.setVisible(False)
            self.revoke_button.setVisible(False)
            note = QLabel(self.tr("信任和吊销设备由管理员或督办操作。"))
        note.setObjectName("muted")
        bar.addWidget(note)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def status_text(self, r: DeviceRow) -> str:
        return {
            "local": self.tr("本机"),
            "trusted": self.tr("已信任"),
            "pending": self.tr("待确认"),
            "revoked": self.tr("已吊销"),
        }[r.status]

    def known_text(self, r: DeviceRow) -> str:
        if r.info.is_local or r.peer is None:
            return ""
        if r.peer.last_import_at is None:
            return self.tr("未知")
        return self.tr("{n} 项").format(n=r.peer.known_ops)

    def pending_text(self, r: DeviceRow) -> str:
        if r.info.is_local or r.peer is None or r.status == "revoked":
            return ""
        return self.tr("{n} 项").format(n=r.peer.pending_ops)

    def set_devices(self, devices: list[DeviceInfo], peers: list[PeerStatus]) -> None:
        by_id = {p.device_id: p for p in peers}
        self.model.set_rows([DeviceRow(d, by_id.get(d.id)) for d in devices])

    def selected(self) -> DeviceRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _trust_clicked(self) -> None:
        self.open_trust()

    def open_trust(self, bundle: Path | None = None, name: str = "") -> TrustDialog:
        dialog = TrustDialog(self.ctx, self, bundle, name)
        dialog.accepted.connect(self.device_did_change.emit)
        self.trust_dialog = dialog
        dialog.open()
        return dialog

    def revoke_selected(self) -> None:
        r = self.selected()
        if r is None or r.info.is_local:
            return
        question = self.tr("吊销设备“{name}”？此后它导出的同步包都会被拒绝。").format(
            name=r.info.name
        )
        if not self.ask(question):
            return
        try:
            revoke_device(self.ctx.db, self.ctx.actor, r.info.id)
        except DomainError as exc:
            show_error(self, str(exc))
            return
        self.ctx.hub.announce(SYNC)
        self.device_did_change.emit()

    def ask(self, question: str) -> bool:
        """Seam: tests replace the confirmation."""
        return confirm(self, question)
