"""同步记录: every bundle exported or imported here, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liaison.sync.exchange.history import BundleRecord
from liaison.ui.sync.common import kind_label, make_table, set_widths, when
from liaison.ui.table_model import Column, ListTableModel

ORDER = ("visit", "demand", "demand_event", "enterprise", "assignment", "account", "device")


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: ListTableModel[BundleRecord] = ListTableModel(
            [
                Column(
                    self.tr("方向"),
                    self.direction_text,
                    color=lambda b: "#1f5fa8" if b.direction == "out" else "#2e7d32",
                ),
                Column(self.tr("对方设备"), self.peer_text),
                Column(self.tr("导出时间"), lambda b: when(b.made_at)),
                Column(self.tr("处理时间"), lambda b: when(b.handled_at)),
                Column(self.tr("变更"), lambda b: str(b.ops)),
                Column(self.tr("新变更"), lambda b: str(b.new_ops)),
                Column(self.tr("冲突"), lambda b: str(b.conflicts) if b.conflicts else ""),
                Column(self.tr("内容"), self.counts_text),
                Column(self.tr("文件"), lambda b: b.file),
            ],
            key=lambda b: f"{b.direction}:{b.id}",
        )
        self.view = make_table(self.model, self)
        set_widths(self.view, [50, 170, 130, 130, 60, 60, 50, 380])
        self.empty_label = QLabel(self.tr("还没有导出或导入过同步包。"))
        self.empty_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view)

    def direction_text(self, b: BundleRecord) -> str:
        return self.tr("导出") if b.direction == "out" else self.tr("导入")

    def peer_text(self, b: BundleRecord) -> str:
        if b.peer_name:
            return b.peer_name
        return self.tr("全部数据") if b.direction == "out" else self.tr("未知设备")

    def counts_text(self, b: BundleRecord) -> str:
        kinds = sorted(
            (k for k, n in b.counts.items() if n),
            key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), k),
        )
        return self.tr("，").join(
            self.tr("{kind} {n}").format(kind=kind_label(k), n=b.counts[k]) for k in kinds
        )

    def set_bundles(self, bundles: list[BundleRecord]) -> None:
        self.model.set_rows(bundles)
        self.empty_label.setVisible(not bundles)
