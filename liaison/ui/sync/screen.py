"""同步: exchange bundles with other devices by file — export for a peer, import by menu or by
dropping a .lsb file on the screen — and review conflicts, devices and the history.

Everything the screen shows is read off the GUI thread in one go (`load_overview`); exports and
imports run there too (`run_in_background`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.permissions import CONFLICT_RESOLVERS
from liaison.domain.roles import Role
from liaison.sync.exchange.bundle import ExportReport, export_bundle
from liaison.sync.exchange.conflicts import Conflict, list_conflicts
from liaison.sync.exchange.devices import DeviceInfo, list_devices, this_device
from liaison.sync.exchange.history import BundleRecord, PeerStatus, list_bundles, peer_status
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.ops import run_in_background
from liaison.ui.screen import Screen
from liaison.ui.style import ACCENT
from liaison.ui.sync.common import SYNC
from liaison.ui.sync.conflicts_tab import ConflictsTab
from liaison.ui.sync.devices_tab import DevicesTab
from liaison.ui.sync.history_tab import HistoryTab
from liaison.ui.sync.preview import ImportPreviewDialog

SUFFIX = ".lsb"
FOLDER_SETTING = "sync/folder"


@dataclass(frozen=True)
class Overview:
    me: DeviceInfo
    devices: list[DeviceInfo]
    peers: list[PeerStatus]
    conflicts: list[Conflict]
    bundles: list[BundleRecord]


def load_overview(db: Database) -> Overview:
    return Overview(
        this_device(db), list_devices(db), peer_status(db), list_conflicts(db), list_bundles(db)
    )


def bundle_file_name(device_name: str, now: object | None = None) -> str:
    """`liaison-<device>-<yyyymmdd-hhmm>.lsb`, safe on every file system."""
    moment = now or clock.now()
    safe = re.sub(r'[\\/:*?"<>|\s]+', "-", device_name).strip("-.") or "device"
    return f"liaison-{safe}-{moment:%Y%m%d-%H%M}{SUFFIX}"


def bundle_paths(urls: list[QUrl]) -> list[Path]:
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIX)
    ]


class SyncScreen(Screen):
    watches = frozenset({SYNC, ENTERPRISE, VISIT, DEMAND, ACCOUNT, REFERENCE})
    overview_did_load = Signal()
    bundle_did_export = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.overview: Overview | None = None
        self.preview: ImportPreviewDialog | None = None
        self.last_export: ExportReport | None = None
        self._generation = 0
        self.choose_export_path: Callable[[str], Path | None] = self._ask_export_path
        """Seam: the save-as chooser (given the suggested file name)."""
        self.choose_import_file: Callable[[], Path | None] = self._ask_import_file
        """Seam: the open-file chooser."""
        self.setAcceptDrops(True)

        title = QLabel(self.tr("同步"))
        title.setObjectName("screenTitle")

        # this device
        self.device_name = QLabel()
        self.device_name.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.device_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 15px;")
        self.fingerprint.setCursor(Qt.CursorShape.IBeamCursor)
        me_hint = QLabel(self.tr("对方第一次导入本机的同步包前，请把这串指纹念给对方核对。"))
        me_hint.setObjectName("muted")
        me_hint.setWordWrap(True)
        self.last_sync = QLabel()
        self.last_sync.setWordWrap(True)
        self.show_fingerprint = QPushButton(self.tr("显示本机指纹"))
        self.show_fingerprint.setFlat(True)
        self.show_fingerprint.setToolTip(self.tr("管理员登记本机时，会请你念出这串指纹核对"))
        self.show_fingerprint.clicked.connect(lambda: self._reveal_fingerprint(True))
        self.fingerprint_label = QLabel(self.tr("指纹"))
        self.me_hint = me_hint
        me_card = QFrame()
        me_card.setObjectName("card")
        me_grid = QGridLayout(me_card)
        me_grid.addWidget(QLabel(self.tr("本机")), 0, 0)
        me_grid.addWidget(self.device_name, 0, 1)
        me_grid.addWidget(self.show_fingerprint, 0, 2)
        me_grid.addWidget(self.fingerprint_label, 1, 0)
        me_grid.addWidget(self.fingerprint, 1, 1, 1, 2)
        me_grid.addWidget(me_hint, 2, 0, 1, 3)
        me_grid.addWidget(self.last_sync, 3, 0, 1, 3)
        me_grid.setColumnStretch(1, 1)

        # export
        self.peer_combo = QComboBox()
        self.peer_combo.setMinimumWidth(200)
        self.peer_combo.currentIndexChanged.connect(self._show_pending)
        self.peer_combo.activated.connect(self._peer_chosen)
        self._peer_choice: str | None = None
        self._peer_chosen_by_user = False
        self.full_check = QCheckBox(self.tr("完整同步包（本机全部数据）"))
        self.full_check.toggled.connect(self._show_pending)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("muted")
        self.pending_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出同步包…"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export)
        export_card = QFrame()
        export_card.setObjectName("card")
        export_layout = QVBoxLayout(export_card)
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("发给")))
        export_row.addWidget(self.peer_combo, 1)
        export_row.addWidget(self.export_button)
        export_layout.addLayout(export_row)
        export_layout.addWidget(self.full_check)
        export_layout.addWidget(self.pending_label)

        # import
        self.import_button = QPushButton(self.tr("导入同步包…"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.pick_import_file)
        drop_hint = QLabel(self.tr("也可以把 .lsb 文件拖到本页"))
        drop_hint.setObjectName("muted")
        self.import_card = import_card = QFrame()
        import_card.setObjectName("card")
        import_layout = QVBoxLayout(import_card)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        import_layout.addLayout(import_row)
        import_layout.addWidget(drop_hint)

        cards = QHBoxLayout()
        cards.addWidget(me_card, 5)
        cards.addWidget(export_card, 4)
        cards.addWidget(import_card, 2)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setVisible(False)

        self.tabs = QTabWidget()
        self.conflicts = ConflictsTab(ctx)
        self.devices = DevicesTab(ctx)
        self.history = HistoryTab()
        # administrators enrol devices and compare keys; supervisors also settle conflicts;
        # everyone else only needs to send, receive and see when they last did
        role = ctx.actor.role
        self.administers = role is Role.ADMIN
        if role in CONFLICT_RESOLVERS:  # the 冲突 tab: they decide which version stays
            self.tabs.addTab(self.conflicts, self.tr("冲突"))
        if self.administers:
            self.tabs.addTab(self.devices, self.tr("设备"))
        self.tabs.addTab(self.history, self.tr("同步记录"))
        self._reveal_fingerprint(self.administers)
        self.full_check.setVisible(self.administers)  # everything this replica has: their call
        self.conflicts.conflict_did_resolve.connect(self.refresh_now)
        self.devices.device_did_change.connect(self.refresh_now)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.result_label)
        layout.addWidget(self.tabs, 1)

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        db = self.ctx.db

        def done(overview: Overview) -> None:
            if generation == self._generation:
                self.show_overview(overview)

        run_in_background(self, lambda: load_overview(db), done, action="load_sync_overview")

    def show_overview(self, o: Overview) -> None:
        self.overview = o
        self.device_name.setText(o.me.name)
        self.fingerprint.setText(o.me.fingerprint)
        self.peer_combo.blockSignals(True)
        self.peer_combo.clear()
        for d in o.devices:
            if not d.is_local and d.trusted_at and not d.revoked_at:
                self.peer_combo.addItem(d.name, d.id)
        index = self.peer_combo.findData(self._peer_choice) if self._peer_chosen_by_user else 0
        self.peer_combo.setCurrentIndex(max(index, 0))  # usually the one peer: hub or laptop
        self.peer_combo.setEnabled(self.peer_combo.count() > 0)
        self.export_button.setEnabled(self.peer_combo.count() > 0)
        self.peer_combo.blockSignals(False)
        self._show_pending()
        self.conflicts.set_conflicts(o.conflicts)
        self.devices.set_devices(o.devices, o.peers)
        self.history.set_bundles(o.bundles)
        n = len(o.conflicts)
        index = self.tabs.indexOf(self.conflicts)
        if index >= 0:
            self.tabs.setTabText(
                index, self.tr("冲突（{n}）").format(n=n) if n else self.tr("冲突")
            )
        self.last_sync.setText(self.last_sync_text(o.peers))
        self.overview_did_load.emit()

    def _reveal_fingerprint(self, shown: bool) -> None:
        for widget in (self.fingerprint_label, self.fingerprint, self.me_hint):
            widget.setVisible(shown)
        self.show_fingerprint.setVisible(not shown)

    def last_sync_text(self, peers: list[PeerStatus]) -> str:
        """“上次同步：2026-12-05 14:30 收到 区联络办 的同步包”, or that there was none."""
        moves = [
            (at, took, p.name)
            for p in peers
            for at, took in ((p.last_import_at, True), (p.last_export_at, False))
            if at is not None
        ]
        if not moves:
            return self.tr("上次同步：还没有与其他设备交换过同步包")
        at, took, name = max(moves)
        when = f"{at:%Y-%m-%d %H:%M}"
        if took:
            return self.tr("上次同步：{when} 导入了 {peer} 的同步包").format(when=when, peer=name)
        return self.tr("上次同步：{when} 导出了给 {peer} 的同步包").format(when=when, peer=name)

    def _peer_chosen(self, _index: int) -> None:
        self._peer_chosen_by_user = True
        self._peer_choice = self.peer_combo.currentData()

    def _show_pending(self) -> None:
        peer_id = self.peer_combo.currentData()
        if self.overview is None:
            return
        peer = next((p for p in self.overview.peers if p.device_id == peer_id), None)
        if peer_id is None:
            text = self.tr("还没有登记可发送的设备：同步包只能加密发给已登记的设备")
        elif self.full_check.isChecked():
            text = self.tr("将导出本机的全部数据")
        elif peer is not None and peer.last_import_at is None:
            text = self.tr("还没有收到过对方的同步包：将导出全部数据")
        elif peer is not None and peer.pending_ops:
            text = self.tr("对方还缺 {n} 项变更").format(n=peer.pending_ops)
        else:
            text = self.tr("对方已有本机的全部数据")
        if peer_id is not None:
            text += self.tr("；同步包加密发给“{name}”，只有它能打开").format(
                name=self.peer_combo.currentText()
            )
        self.pending_label.setText(text)

    # --- export --------------------------------------------------------------------------

    def _folder(self) -> str:
        default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(QSettings().value(FOLDER_SETTING, default) or default)

    def _ask_export_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存同步包"),
            str(Path(self._folder()) / suggested),
            self.tr("同步包 (*.lsb)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def export(self) -> None:
        if self.overview is None:
            return
        peer_id = self.peer_combo.currentData()
        if peer_id is None:
            return
        full = self.full_check.isChecked()
        target = self.choose_export_path(bundle_file_name(self.overview.me.name))
        if target is None:
            return
        QSettings().setValue(FOLDER_SETTING, str(target.parent))
        db = self.ctx.db
        self.export_button.setEnabled(False)

        def done(report: ExportReport) -> None:
            self.export_button.setEnabled(True)
            self.last_export = report
            self._show_result(
                self.tr("已导出 {n} 项变更到 {path}").format(n=report.ops, path=report.path)
            )
            self.ctx.hub.announce(SYNC)
            self.tabs.setCurrentWidget(self.history)
            self.bundle_did_export.emit(report)
            self.refresh_now()

        def failed(exc: Exception) -> None:
            self.export_button.setEnabled(True)
            self._show_result(self.tr("导出失败：{reason}").format(reason=tr_core(exc)), error=True)

        run_in_background(
            self,
            lambda: export_bundle(db, target, recipient=peer_id, full=full),
            done,
            failed,
            label=self.tr("正在导出同步包…"),
            action="export_bundle",
        )

    def _show_result(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setObjectName("fieldError" if error else "")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.setVisible(True)

    # --- import --------------------------------------------------------------------------

    def _ask_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择同步包"),
            self._folder(),
            self.tr("同步包 (*.lsb);;所有文件 (*)"),
        )
        return Path(name) if name else None

    def pick_import_file(self) -> None:
        path = self.choose_import_file()
        if path is not None:
            QSettings().setValue(FOLDER_SETTING, str(path.parent))
            self.open_preview(path)

    def open_preview(self, path: Path) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(self.ctx, path, self)
        dialog.bundle_did_import.connect(lambda _r: self.refresh_now())
        dialog.trust_requested.connect(lambda sender: self._trust_from_preview(dialog, sender.name))
        self.preview = dialog
        dialog.open()
        return dialog

    def _trust_from_preview(self, dialog: ImportPreviewDialog, name: str) -> None:
        trust = self.devices.open_enrol(dialog.path, name)
        trust.accepted.connect(lambda: self._after_trust(dialog))

    def _after_trust(self, dialog: ImportPreviewDialog) -> None:
        path = dialog.path
        dialog.reject()
        self.open_preview(path)

    # --- drag and drop -------------------------------------------------------------------

    def _highlight_drop(self, on: bool) -> None:
        self.import_card.setStyleSheet(
            f"QFrame#card {{ border: 2px dashed {ACCENT}; background: #eef4fb; }}" if on else ""
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and bundle_paths(event.mimeData().urls()):
            event.acceptProposedAction()
            self._highlight_drop(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() and bundle_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight_drop(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight_drop(False)
        paths = bundle_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_preview(paths[0])
