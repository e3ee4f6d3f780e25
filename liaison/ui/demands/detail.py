"""One demand: what it is, where it stands, what this person may do now, and its timeline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import workflow as wf
from liaison.domain.errors import NotFound
from liaison.domain.vocab import DEMAND_KINDS, URGENCIES
from liaison.services import demands
from liaison.services.admin import list_departments
from liaison.services.demand_list import (
    DeadlineLevel,
    deadline_status,
)
from liaison.services.queries import DemandDetail, demand_detail
from liaison.ui import vocab
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.demands.action_dialogs import action_label, make_action_dialog
from liaison.ui.demands.dialog_base import ActionDialog
from liaison.ui.demands.timeline import TimelineModel, timeline_rows

K = wf.EventKind


def _t(text: str) -> str:
    return QCoreApplication.translate("DemandDetail", text)


OVERDUE_COLOR = "#c0392b"
DUE_SOON_COLOR = "#b9770e"

PRIMARY = (K.ACCEPT, K.RESOLVE, K.FOLLOW_UP, K.CLOSE, K.APPROVE_EXTENSION)
"""The action that moves the demand on is highlighted: 交办 while it waits for routing,
else the first of these offered, else 督办 when it is overdue (改派 never is)."""
SHORTCUTS = {
    K.ROUTE: "Ctrl+Shift+J",
    K.ACCEPT: "Ctrl+Shift+Q",
    K.RETURN: "Ctrl+Shift+T",
    K.PROGRESS: "Ctrl+Shift+P",
    K.RESOLVE: "Ctrl+Shift+B",
    K.FOLLOW_UP: "Ctrl+Shift+H",
    K.ESCALATE: "Ctrl+Shift+D",
    K.CLOSE: "Ctrl+Shift+X",
}
"""Frequent actions by the pinyin initial of their label (交 签 退 进 办 回 督 销)."""

DialogFactory = Callable[[wf.EventKind, AppContext, DemandDetail, QWidget | None], ActionDialog]


def deadline_words(days_left: int, reply: bool = False) -> str:
    """“剩 3 个工作日” / “今日到期” / “超期 2 个工作日” / “签收超期 2 个工作日”."""
    if reply and days_left < 0:
        return _t("签收超期 {n} 个工作日").format(n=-days_left)
    if days_left < 0:
        return _t("超期 {n} 个工作日").format(n=-days_left)
    if days_left == 0:
        return _t("今日到期")
    return _t("剩 {n} 个工作日").format(n=days_left)


class DemandDetailPanel(QWidget):
    action_did_succeed = Signal(str)
    """A demand was changed through one of the dialogs (its id)."""
    dialog_opened = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.demand_id: str | None = None
        self.detail: DemandDetail | None = None
        self.dialog_factory: DialogFactory = make_action_dialog
        self.active_dialog: ActionDialog | None = None
        self.action_buttons: dict[wf.EventKind, QPushButton] = {}
        self._names: dict[str, str] = {}
        self._overdue = False

        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("在左侧列表中选择一条诉求，查看详情和办理过程。"))
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_body())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- layout ---------------------------------------------------------------------------

    def _build_body(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        column.addWidget(self.title)
        column.addLayout(self.badges)

        card = QFrame()
        card.setObjectName("card")
        self.grid = QGridLayout(card)
        self.grid.setContentsMargins(12, 10, 12, 10)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.enterprise = QPushButton()
        self.enterprise.setFlat(True)
        self.enterprise.setCursor(Qt.CursorShape.PointingHandCursor)
        self.enterprise.setStyleSheet(
            "QPushButton { color: #1f5fa8; text-decoration: underline; border: none;"
            " padding: 0; text-align: left; }"
        )
        self.enterprise.setToolTip(self.tr("打开企业档案"))
        self.enterprise.clicked.connect(self._open_enterprise)
        self.values: dict[str, QLabel] = {}
        row = 0
        self._cell(row, 0, self.tr("企业"), self.enterprise)
        self._value(row, 2, "street", self.tr("街镇"))
        row += 1
        self._value(row, 0, "category", self.tr("类别"))
        self._value(row, 2, "raised", self.tr("提出日期"))
        row += 1
        self._value(row, 0, "basis", self.tr("政策依据"), span=3)
        row += 1
        self._value(row, 0, "lead", self.tr("牵头单位"))
        self._value(row, 2, "co", self.tr("协办单位"))
        row += 1
        self._value(row, 0, "reply", self.tr("签收时限"))
        self._value(row, 2, "deadline", self.tr("办结时限"))
        row += 1
        self._value(row, 0, "extension", self.tr("延期申请"), span=3)
        row += 1
        self._value(row, 0, "content", self.tr("诉求内容"), span=3)
        column.addWidget(card)

        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(6)
        self.no_actions = QLabel()
        self.no_actions.setObjectName("muted")
        self.no_actions.setWordWrap(True)
        column.addLayout(self.actions_row)
        column.addWidget(self.no_actions)

        heading = QLabel(self.tr("办理过程"))
        heading.setObjectName("sectionTitle")
        self.print_button = QPushButton(self.tr("打印销号单"))
        self.print_button.setToolTip(self.tr("诉求办结销号单（PDF，含核验码），可预览、打印、另存"))
        self.print_button.clicked.connect(self.print_closure_record)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.print_button)
        column.addLayout(heading_row)
        self.timeline_model = TimelineModel()
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        self.timeline.setStyleSheet("QTableView::item { padding: 3px 4px; }")
        self.timeline.viewport().installEventFilter(self)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.timeline.verticalHeader().setDefaultSectionSize(28)
        header = self.timeline.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((92, 150)):
            header.resizeSection(col, width)
        column.addWidget(self.timeline, 1)
        return body

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.timeline.viewport() and event.type() == QEvent.Type.Resize:
            # A handful of rows: fit each to its wrapped text at the new width (this is a
            # one-off resize, not a ResizeToContents mode).
            self.timeline.resizeRowsToContents()
        return super().eventFilter(watched, event)

    def _cell(self, row: int, col: int, label: str, widget: QWidget, span: int = 1) -> None:
        name = QLabel(label)
        name.setObjectName("muted")
        name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(name, row, col)
        self.grid.addWidget(widget, row, col + 1, 1, span)

    def _value(self, row: int, col: int, key: str, label: str, span: int = 1) -> None:
        value = QLabel()
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = value
        self._cell(row, col, label, value, span)

    # --- content --------------------------------------------------------------------------

    def show_demand(self, demand_id: str | None) -> None:
        self.demand_id = demand_id
        self.reload()

    def reload(self) -> None:
        if self.demand_id is None:
            self.detail = None
            self.stack.setCurrentIndex(0)
            return
        try:
            detail = demand_detail(self.ctx.db, self.demand_id, self.ctx.actor)
        except NotFound:
            self.demand_id = None
            self.detail = None
            self.placeholder.setText(self.tr("这条诉求已不存在。"))
            self.stack.setCurrentIndex(0)
            return
        if not self._names:
            departments = list_departments(self.ctx.db, include_inactive=True)
            self._names = {d.id: d.name for d in departments}
        self.detail = detail
        self._fill(detail)
        self.stack.setCurrentIndex(1)

    def _fill(self, d: DemandDetail) -> None:
        snap = d.snapshot
        self.title.setText(d.title)
        self._label_print_button(snap.state is wf.State.CLOSED)
        self._fill_badges(d)
        self.enterprise.setText(d.enterprise)
        v = self.values
        v["street"].setText(d.street or "—")
        v["category"].setText(
            " · ".join(
                (
                    d.category,
                    vocab.label(DEMAND_KINDS, d.kind),
                    vocab.label(URGENCIES, d.urgency),
                )
            )
        )
        v["raised"].setText(f"{d.raised_on:%Y-%m-%d}")
        v["basis"].setText(demands.propose_routing(self.ctx.db, d.category_id).basis)
        v["lead"].setText(d.lead_department or self.tr("尚未交办"))
        v["co"].setText(self.tr("、").join(d.co_departments) or "—")
        v["reply"].setText(f"{snap.reply_deadline:%Y-%m-%d}" if snap.reply_deadline else "—")
        self._fill_deadline(d)
        if snap.pending_extension is not None:
            reason = next(
                (e.text for e in reversed(d.timeline) if e.kind is K.REQUEST_EXTENSION), ""
            )
            v["extension"].setText(
                self.tr("申请延至 {day:%Y-%m-%d}，待区联络办审批：{reason}").format(
                    day=snap.pending_extension, reason=reason
                )
            )
        else:
            v["extension"].setText(
                self.tr("已延期 {n} 次").format(n=snap.extension_count)
                if snap.extension_count
                else "—"
            )
        v["content"].setText(d.content or "—")
        self._fill_actions(d)
        self.timeline_model.set_rows(timeline_rows(d.timeline, self._names))
        # A handful of rows: fit each to its wrapped text once (never a ResizeToContents mode).
        self.timeline.resizeRowsToContents()

    def _fill_deadline(self, d: DemandDetail) -> None:
        snap = d.snapshot
        label = self.values["deadline"]
        self._overdue = False
        if snap.deadline is None:
            label.setText("—")
            label.setStyleSheet("")
            return
        status = deadline_status(
            self.ctx.db,
            snap.deadline,
            snap.state or wf.State.NEW,
            reply_deadline=snap.reply_deadline,
        )
        self._overdue = status is not None and status.level is DeadlineLevel.OVERDUE
        text = f"{snap.deadline:%Y-%m-%d}"
        color = ""
        if status is not None:
            if status.reply:
                text += "\n" + _t("签收时限 {day}").format(day=f"{status.deadline:%Y-%m-%d}")
            text += "\n" + deadline_words(status.days_left, status.reply)
            if status.level is DeadlineLevel.OVERDUE:
                color = OVERDUE_COLOR
            elif status.level is DeadlineLevel.DUE_SOON:
                color = DUE_SOON_COLOR
        label.setText(text)
        label.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")

    def _fill_badges(self, d: DemandDetail) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        snap = d.snapshot
        words = [vocab.label(wf.STATE_LABELS, snap.state) if snap.state else "—"]
        if snap.escalation_level:
            words.append(self.tr("督办 {n} 次").format(n=snap.escalation_level))
        if snap.reopen_count:
            words.append(self.tr("重办 {n} 次").format(n=snap.reopen_count))
        if snap.return_count:
            words.append(self.tr("退回 {n} 次").format(n=snap.return_count))
        if snap.pending_extension is not None:
            words.append(self.tr("延期待批"))
        for word in words:
            badge = QLabel(word)
            badge.setObjectName("badge")
            self.badges.addWidget(badge)
        if snap.flagged_event_ids:
            flag = QLabel(self.tr("⚠ 有 {n} 条同步冲突记录").format(n=len(snap.flagged_event_ids)))
            flag.setObjectName("fieldError")
            flag.setToolTip(self.tr("其他设备同时录入的步骤与当前状态冲突，已标红，请核对。"))
            self.badges.addWidget(flag)
        self.badges.addStretch(1)

    def badge_texts(self) -> list[str]:
        out = []
        for i in range(self.badges.count()):
            item = self.badges.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                out.append(widget.text())
        return out

    def _fill_actions(self, d: DemandDetail) -> None:
        for button in self.action_buttons.values():
            button.hide()
            button.deleteLater()
        self.action_buttons.clear()
        while self.actions_row.count():
            self.actions_row.takeAt(0)
        primary = self._primary(d)
        for kind in d.actions:
            button = QPushButton(action_label(kind, d))
            if kind is primary:
                button.setObjectName("primary")
            if kind in SHORTCUTS:
                button.setShortcut(QKeySequence(SHORTCUTS[kind]))
                button.setToolTip(SHORTCUTS[kind])
            button.clicked.connect(lambda _=False, k=kind: self.open_action(k))
            refused = dict(d.refusals).get(kind)
            if refused:  # shown, so that nobody looks for it, but not offered: and why
                button.setEnabled(False)
                button.setToolTip(tr_core(refused))
            self.actions_row.addWidget(button)
            self.action_buttons[kind] = button
        self.actions_row.addStretch(1)
        self.no_actions.setVisible(not d.actions)
        self.no_actions.setText(self._why_no_actions(d))

    def _primary(self, d: DemandDetail) -> wf.EventKind | None:
        if K.ROUTE in d.actions and d.snapshot.state is wf.State.NEW:
            return K.ROUTE
        first = next((k for k in PRIMARY if k in d.actions), None)
        if first is None and K.ESCALATE in d.actions and self._overdue:
            return K.ESCALATE
        return first

    def _why_no_actions(self, d: DemandDetail) -> str:
        state = d.snapshot.state
        if state in (wf.State.CLOSED, wf.State.WITHDRAWN, wf.State.MERGED):
            # lower(): “is closed” in English; Chinese has no case. The label says 已 itself
            state_word = vocab.label(wf.STATE_LABELS, state).lower()
            return self.tr("此诉求{state}，无需再办理。").format(state=state_word)
        return self.tr("当前环节不需要您办理；可查看办理过程。")

    # --- acting ---------------------------------------------------------------------------

    def open_action(self, kind: wf.EventKind) -> ActionDialog | None:
        if self.detail is None or kind not in self.detail.actions:
            return None
        dialog = self.dialog_factory(kind, self.ctx, self.detail, self.window())
        dialog.did_succeed.connect(self._action_done)
        dialog.finished.connect(lambda _=0, dlg=dialog: self._closed(dlg))
        self.active_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _closed(self, dialog: ActionDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _action_done(self) -> None:
        if self.demand_id is not None:
            self.action_did_succeed.emit(self.demand_id)

    def _open_enterprise(self) -> None:
        if self.detail is not None and self.ctx.nav is not None:
            self.ctx.nav.open_enterprise(self.detail.enterprise_id)

    def _label_print_button(self, closed: bool) -> None:
        """A closed demand prints its 办结销号单; any other a 办理情况单 marked 未销号."""
        if closed:
            self.print_button.setText(self.tr("打印销号单"))
            self.print_button.setToolTip(
                self.tr("诉求办结销号单（PDF，含编号、校验码与签名二维码），可预览、打印、另存")
            )
        else:
            self.print_button.setText(self.tr("打印办理情况"))
            self.print_button.setToolTip(
                self.tr("诉求办理情况单（未销号，不是办结凭证），可预览、打印、另存")
            )

    def print_closure_record(self) -> None:
        if self.demand_id is None or self.detail is None:
            return
        from liaison.reports.closure_record import render_closure_record
        from liaison.ui.print_preview import preview_record

        closed = self.detail.snapshot.state is wf.State.CLOSED
        title = self.tr("诉求办结销号单") if closed else self.tr("诉求办理情况单")
        preview_record(self, self.ctx.db, render_closure_record, self.demand_id, title)
