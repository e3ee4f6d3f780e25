"""设备: the devices this one knows, what each is known to have; enrol and revoke (an
administrator on a hub device)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.domain.roles import ROLE_LABELS
from liaison.services.accounts import list_accounts
from liaison.sync.exchange.authority import FIELD, HUB, as_hub
from liaison.sync.exchange.devices import (
    DeviceInfo,
    enrol_device,
    enrolled_accounts,
    revoke_device,
)
from liaison.sync.exchange.history import PeerStatus
from liaison.ui import vocab
from liaison.ui.actions import perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box, confirm, show_error
from liaison.ui.sync.common import SYNC, make_table, may_enrol, set_widths, when
from liaison.ui.table_model import Column, ListTableModel

STATUS_COLORS = {
    "local": "#1f5fa8",
    "hub": "#2e7d32",
    "field": "#2e7d32",
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
        kind = as_hub(self.info.kind)
        return kind if kind in (HUB, FIELD) else "pending"


class EnrolDialog(QDialog):
    """Enrol a device by the fingerprint its owner reads out, with a bundle it sent: as a
    field device for the accounts that may sign in on it, or as a hub device."""

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
        self.enrolled: DeviceInfo | None = None
        self.choose_bundle: Callable[[], Path | None] = self._ask_for_bundle
        """Seam: tests replace the file chooser."""
        self.setWindowTitle(self.tr("登记设备"))
        intro = QLabel(
            self.tr(
                "请对方在其“同步”页念出本机指纹，在下面输入（可不带短横线），再选它导出的登记申请"
                "或同步包。指纹不一致时不要登记：文件可能不是对方发出的。外勤电脑上只有勾选的账号"
                "可以登录，其他账号在它上面做的变更各设备都不会接受。"
            )
        )
        intro.setWordWrap(True)
        if name:
            intro.setText(intro.text() + "\n" + self.tr("设备：{name}").format(name=name))
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.bundle_label = QLabel(bundle.name if bundle else self.tr("（未选择）"))
        self.bundle_label.setObjectName("muted")
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.pick_bundle)
        row = QHBoxLayout()
        row.addWidget(self.bundle_label, 1)
        row.addWidget(choose)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("外勤电脑（联络干部、街镇、部门）"), FIELD)
        self.kind.addItem(self.tr("区联络办的电脑（可做管理操作）"), HUB)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.account_filter = QLineEdit()
        self.account_filter.setPlaceholderText(self.tr("按姓名或用户名筛选"))
        self.account_filter.textChanged.connect(self._filter_accounts)
        self.accounts = QListWidget()
        self.accounts.setMinimumHeight(160)
        for a in list_accounts(ctx.db):
            if not a.active:
                continue
            role = vocab.label(ROLE_LABELS, a.role)
            item = QListWidgetItem(f"{a.display_name}（{a.username}）· {role}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.accounts.addItem(item)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("对方念出的指纹"), self.fingerprint)
        form.addRow(self.tr("对方的文件"), row)
        form.addRow(self.tr("设备类别"), self.kind)
        form.addRow(self.tr("可登录的账号"), self.account_filter)
        form.addRow("", self.accounts)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(button_box(self, self.tr("登记"), self.tr("取消"), self.save))
        self.resize(600, 520)

    def _kind_changed(self, _index: int) -> None:
        field = self.kind.currentData() == FIELD
        self.accounts.setEnabled(field)
        self.account_filter.setEnabled(field)

    def _filter_accounts(self, text: str) -> None:
        """Show the accounts whose name or username holds `text` (ticks stay as they are)."""
        wanted = text.strip().lower()
        for i in range(self.accounts.count()):
            item = self.accounts.item(i)
            item.setHidden(bool(wanted) and wanted not in item.text().lower())

    def check_accounts(self, account_ids: set[str]) -> None:
        for i in range(self.accounts.count()):
            item = self.accounts.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in account_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def checked_accounts(self) -> list[str]:
        return [
            self.accounts.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.accounts.count())
            if self.accounts.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _ask_for_bundle(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择对方的文件"), "", self.tr("同步包 (*.lsb);;所有文件 (*)")
        )
        return Path(name) if name else None

    def pick_bundle(self) -> None:
        path = self.choose_bundle()
        if path is not None:
            self.bundle = path
            self.bundle_label.setText(path.name)

    def save(self) -> None:
        kind = self.kind.currentData()
        chosen = self.checked_accounts() if kind == FIELD else []
        if kind == FIELD and not chosen:
            self.error.setText(self.tr("请勾选可在这台外勤电脑上登录的账号"))
            return
        try:
            self.enrolled = perform(
                self,
                "enrol_device",
                partial(
                    enrol_device,
                    self.ctx.db,
                    self.ctx.actor,
                    self.fingerprint.text(),
                    kind=kind,
                    accounts=chosen,
                    bundle=self.bundle,
                ),
            )
        except DomainError as exc:
            self.error.setText(tr_core(exc))
            return
        self.ctx.hub.announce(SYNC)
        self.accept()


class DevicesTab(QWidget):
    device_did_change = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enrol_dialog: EnrolDialog | None = None
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
        set_widths(self.view, [170, 150, 420, 90, 90, 130])
        self.enrol_button = QPushButton(self.tr("登记设备…"))
        self.enrol_button.setObjectName("primary")
        self.enrol_button.clicked.connect(self._enrol_clicked)
        self.revoke_button = QPushButton(self.tr("吊销"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        bar = QHBoxLayout()
        if may_enrol(ctx):
            bar.addWidget(self.enrol_button)
            bar.addWidget(self.revoke_button)
            note = QLabel(
                self.tr("吊销后，该设备导出的同步包一律拒绝导入，它此后的变更各设备都不接受。")
            )
        else:
            self.enrol_button.setVisible(False)
            self.revoke_button.setVisible(False)
            note = QLabel(self.tr("设备由管理员在区联络办的电脑上登记和吊销。"))
        bar.addWidget(note)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def status_text(self, r: DeviceRow) -> str:
        return {
            "local": self.tr("本机"),
            "hub": self.tr("区联络办设备"),
            "field": self.tr("外勤设备（{n} 个账号）").format(n=r.info.accounts),
            "pending": self.tr("待登记"),
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

    def _enrol_clicked(self) -> None:
        r = self.selected()
        dialog = self.open_enrol()
        if r is not None and not r.info.is_local and r.status in ("field", "pending"):
            dialog.fingerprint.setText(r.info.fingerprint)
            dialog.check_accounts(set(enrolled_accounts(self.ctx.db, r.info.id)))

    def open_enrol(self, bundle: Path | None = None, name: str = "") -> EnrolDialog:
        dialog = EnrolDialog(self.ctx, self, bundle, name)
        dialog.accepted.connect(self.device_did_change.emit)
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    def revoke_selected(self) -> None:
        r = self.selected()
        if r is None or r.info.is_local:
            return
        question = self.tr(
            "吊销设备“{name}”？此后它导出的同步包都会被拒绝，它此后做的变更各设备都不接受。"
        ).format(name=r.info.name)
        if not self.ask(question):
            return
        try:
            perform(
                self,
                "revoke_device",
                partial(revoke_device, self.ctx.db, self.ctx.actor, r.info.id),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.announce(SYNC)
        self.device_did_change.emit()

    def ask(self, question: str) -> bool:
        """Seam: tests replace the confirmation."""
        return confirm(self, question)
