"""冲突: fields two devices changed apart, the versions side by side; a manager keeps one."""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.sync.exchange.conflicts import DUPLICATE, Conflict, Version, resolve_conflict
from liaison.ui.actions import perform
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.dialogs import show_error
from liaison.ui.sync.common import (
    SYNC,
    can_manage,
    field_label,
    kind_label,
    make_table,
    set_widths,
    value_text,
    when,
)
from liaison.ui.table_model import Column, ListTableModel

WINNER_COLOR = "#2e7d32"
CHANGED_KINDS = {
    "enterprise": ENTERPRISE,
    "assignment": ENTERPRISE,
    "visit": VISIT,
    "demand": DEMAND,
    "account": ACCOUNT,
}


RAW_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-")


def conflict_key(c: Conflict) -> str:
    return f"{c.entity}:{c.entity_id}:{c.field}"


class ConflictsTab(QWidget):
    conflict_did_resolve = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: ListTableModel[Conflict] = ListTableModel(
            [
                Column(self.tr("类型"), lambda c: kind_label(c.entity)),
                Column(self.tr("记录"), lambda c: c.record),
                Column(self.tr("字段"), lambda c: field_label(c.field)),
                Column(
                    self.tr("暂用版本"),
                    lambda c: self.version_line(self.winner(c)),
                    color=lambda c: WINNER_COLOR if self.winner(c) else None,
                ),
                Column(self.tr("其他版本"), self.others_text),
            ],
            key=conflict_key,
        )
        self.view = make_table(self.model, self)
        set_widths(self.view, [70, 230, 110, 380])
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.empty_label = QLabel(self.tr("没有待处理的冲突。"))
        self.empty_label.setObjectName("muted")
        self.hint = QLabel(
            self.tr(
                "两台设备分开修改了同一字段：各台设备暂用同一个版本（绿色），其他版本保留在这里，"
                "等有人决定保留哪一个；决定会随同步包传到其他设备。"
            )
            if can_manage(ctx.actor)
            else self.tr("两台设备分开修改了同一字段：由管理员或督办决定保留哪个版本。")
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")

        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.detail = QWidget()
        self.detail_layout = QHBoxLayout(self.detail)
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFixedHeight(190)
        self.keep_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_title)
        layout.addWidget(scroll)

    # --- texts ---------------------------------------------------------------------------

    def device_text(self, v: Version) -> str:
        """The device's name; a device this replica has no record of shows as unknown."""
        if not v.device:
            return self.tr("未知设备")
        if RAW_ID.match(v.device):
            return self.tr("未知设备 {id}").format(id=v.device[:8])
        return v.device

    @staticmethod
    def winner(c: Conflict) -> Version | None:
        return next((v for v in c.versions if v.winner), None)

    def version_line(self, v: Version | None) -> str:
        if v is None:
            return ""
        who = self.tr("{value}（{who}，{device}，{at}）").format(
            value=value_text(v.value),
            who=v.account or self.tr("未知"),
            device=self.device_text(v),
            at=when(v.at) or "—",
        )
        return who

    def others_text(self, c: Conflict) -> str:
        if c.field == DUPLICATE and c.entity == "account":
            return self.tr("同一用户名在两台设备上各建了一次")
        if c.field == DUPLICATE:
            return self.tr("同一统一社会信用代码登记了两次")
        return self.tr("；").join(self.version_line(v) for v in c.versions if not v.winner)

    # --- content -------------------------------------------------------------------------

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        current = self.selected()
        key = conflict_key(current) if current else None
        self.model.set_rows(conflicts)
        self.empty_label.setVisible(not conflicts)
        rows = [i for i, c in enumerate(conflicts) if conflict_key(c) == key] or [0]
        if conflicts:
            self.view.selectRow(rows[0])
        self.show_selected()

    def selected(self) -> Conflict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_selected(self) -> None:
        while self.detail_layout.count():
            item = self.detail_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.keep_buttons = []
        c = self.selected()
        self.detail_title.setVisible(c is not None)
        if c is None:
            return
        self.detail_title.setText(
            self.tr("{kind}“{record}”的{field}").format(
                kind=kind_label(c.entity), record=c.record, field=field_label(c.field)
            )
        )
        if c.field == DUPLICATE:
            text = (
                self.tr(
                    "用户名与“{record}”相同的账号在另一台设备上也建了一个。请管理员在“管理 → 账号”"
                    "中为其中一个改名（两人都能用各自的密码登录，改名后冲突随之消除）。"
                )
                if c.entity == "account"
                else self.tr(
                    "“{record}”在两台设备上各登记了一次（统一社会信用代码相同）。请在“企业”中打开"
                    "两条记录，核对后删除其中一家（企业详情中的“删除”），冲突随之消除。"
                )
            )
            advice = QLabel(text.format(record=c.record))
            advice.setWordWrap(True)
            self.detail_layout.addWidget(advice, 1)
            return
        for i, v in enumerate(c.versions):
            self.detail_layout.addWidget(self._card(c, i, v), 1)

    def _card(self, c: Conflict, i: int, v: Version) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        title = QLabel(self.tr("版本 {n}").format(n=i + 1))
        title.setObjectName("sectionTitle")
        head = QHBoxLayout()
        head.addWidget(title)
        if v.winner:
            badge = QLabel(self.tr("暂用"))
            badge.setObjectName("badge")
            head.addWidget(badge)
        head.addStretch(1)
        value = QLabel(value_text(v.value))
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setStyleSheet("font-size: 15px;")
        meta = QLabel(
            self.tr("修改人：{who}\n设备：{device}\n时间：{at}").format(
                who=v.account or self.tr("未知"),
                device=self.device_text(v),
                at=when(v.at) or "—",
            )
        )
        meta.setObjectName("muted")
        layout = QVBoxLayout(card)
        layout.addLayout(head)
        layout.addWidget(value)
        layout.addWidget(meta)
        layout.addStretch(1)
        if can_manage(self.ctx.actor):
            keep = QPushButton(self.tr("保留此版本"))
            if v.winner:
                keep.setObjectName("primary")
            keep.clicked.connect(lambda _=False, c=c, v=v: self.keep(c, v))
            row = QHBoxLayout()
            row.addWidget(keep)
            row.addStretch(1)
            layout.addLayout(row)
            self.keep_buttons.append(keep)
        return card

    # --- resolving -----------------------------------------------------------------------

    def keep(self, c: Conflict, v: Version) -> None:
        try:
            perform(
                self,
                "resolve_conflict",
                partial(
                    resolve_conflict,
                    self.ctx.db,
                    self.ctx.actor,
                    c.entity,
                    c.entity_id,
                    c.field,
                    v.value,
                ),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.announce(SYNC, CHANGED_KINDS.get(c.entity, REFERENCE))
        self.conflict_did_resolve.emit()
