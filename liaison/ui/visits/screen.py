"""走访: log a visit on the left, the recent visits on the right (print one, delete one logged by
mistake; supervisors and admins list the deleted ones and restore one)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.domain.permissions import VISIT_RESTORERS, VISIT_ROLES
from liaison.domain.roles import Role
from liaison.domain.vocab import VISIT_MODES
from liaison.services.visit_list import RECENT_LIMIT, VisitRow, visit_ids, visit_rows
from liaison.services.visits import (
    DELETE_WINDOW_DAYS,
    VisitDeletion,
    check_visit_deletion,
    restore_visit,
)
from liaison.ui import dialogs, vocab
from liaison.ui.actions import perform
from liaison.ui.context import DEMAND, ENTERPRISE, VISIT, AppContext
from liaison.ui.screen import Screen
from liaison.ui.table_model import Column, IdTableModel
from liaison.ui.visits.delete_dialog import DeleteVisitDialog
from liaison.ui.visits.drafts import DraftStore
from liaison.ui.visits.form import VisitForm
from liaison.ui.visits.records import RecordTable


class VisitsScreen(Screen):
    watches = frozenset({VISIT, DEMAND, ENTERPRISE})

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, drafts: DraftStore | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ask: Callable[[QWidget | None, str], bool] = dialogs.confirm
        self.show_error: Callable[[QWidget | None, str | DomainError], None] = dialogs.show_error
        self.delete_dialog: DeleteVisitDialog | None = None
        title = QLabel(self.tr("走访"))
        title.setObjectName("screenTitle")
        self.form = VisitForm(ctx, drafts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(640)

        self.model: IdTableModel[VisitRow] = IdTableModel(
            [
                Column(self.tr("日期"), lambda r: f"{r.visit_date:%Y-%m-%d}"),
                Column(self.tr("企业"), lambda r: r.enterprise, tooltip=lambda r: r.enterprise),
                Column(self.tr("方式"), lambda r: vocab.tr_label(r.mode, VISIT_MODES)),
                Column(self.tr("参加人员"), lambda r: r.people, tooltip=lambda r: r.people),
                Column(
                    self.tr("诉求"),
                    lambda r: str(r.demand_count) if r.demand_count else "",
                    align_right=True,
                ),
            ],
            lambda ids: visit_rows(ctx.db, ids),
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.on_open = self.open_row
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        fm = self.table.fontMetrics()
        bold_font = QFont(header.font())
        bold_font.setBold(True)  # the style sheet makes headers bold
        bold = QFontMetrics(bold_font)
        modes = max(fm.horizontalAdvance(text) for _, text in vocab.choices(VISIT_MODES))
        for col, width in (
            (0, 86),
            (2, max(70, modes + 16, bold.horizontalAdvance(self.model.columns[2].title) + 16)),
            (4, max(40, bold.horizontalAdvance(self.model.columns[4].title) + 16)),
        ):
            header.resizeSection(col, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_title = list_title = QLabel(self.tr("最近走访"))
        list_title.setObjectName("sectionTitle")
        self.list_note = QLabel()
        self.list_note.setObjectName("muted")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(list_title)
        head.addStretch(1)
        head.addWidget(self.list_note)
        right_layout.addLayout(head)
        right_layout.addWidget(self.table, 1)
        self.print_button = QPushButton(self.tr("打印走访记录表"))
        self.print_button.setToolTip(self.tr("所选走访的企业走访记录表（PDF），可预览、打印、另存"))
        self.print_button.clicked.connect(self.print_visit_record)
        role = ctx.actor.role
        self.deleted_toggle = QCheckBox(self.tr("显示已删除"))
        self.deleted_toggle.setToolTip(self.tr("列出已删除的走访（最近删除的在前），可以恢复"))
        self.deleted_toggle.setVisible(role in VISIT_RESTORERS)
        self.deleted_toggle.toggled.connect(self._show_deleted)
        self.delete_button = QPushButton(self.tr("删除走访…"))
        self.delete_button.setToolTip(
            self.tr("删除误登的走访：登记人 {n} 天内可删，本街镇专员、督办随时可删").format(
                n=DELETE_WINDOW_DAYS
            )
        )
        self.delete_button.setVisible(role in VISIT_ROLES)
        self.delete_button.clicked.connect(self.open_delete_dialog)
        self.restore_button = QPushButton(self.tr("恢复走访"))
        self.restore_button.setToolTip(self.tr("恢复所选的已删除走访"))
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.restore_selected)
        foot = QHBoxLayout()
        foot.addWidget(self.deleted_toggle)
        foot.addStretch(1)
        foot.addWidget(self.delete_button)
        foot.addWidget(self.restore_button)
        foot.addWidget(self.print_button)
        right_layout.addLayout(foot)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # The form keeps about 60% (never wider than it needs); the list gets the rest.
            self._sized = True
            width = max(self.splitter.width(), 900)
            form = min(int(width * 0.6), 1000)
            self.splitter.setSizes([form, width - form])

    def _scope_note(self) -> str:
        role = self.ctx.actor.role
        if role is Role.CADRE:
            return self.tr("我参加的走访")
        if role is Role.STREET_STAFF:
            return self.tr("本街镇企业的走访")
        return self.tr("全区走访")

    def refresh(self) -> None:
        deleted = self.deleted_toggle.isChecked()
        ids = visit_ids(self.ctx.db, self.ctx.actor, deleted=deleted)
        self.model.set_ids(ids)
        self.list_title.setText(self.tr("已删除的走访") if deleted else self.tr("最近走访"))
        note = self.tr("最近删除的在前") if deleted else self._scope_note()
        if len(ids) >= RECENT_LIMIT:
            note += self.tr("，最近 {n} 次").format(n=RECENT_LIMIT)
        else:
            note += self.tr("，共 {n} 次").format(n=len(ids))
        self.list_note.setText(note + self.tr("　双击打开企业"))

    def _show_deleted(self, deleted: bool) -> None:
        self.delete_button.setVisible(not deleted and self.ctx.actor.role in VISIT_ROLES)
        self.restore_button.setVisible(deleted)
        self.print_button.setVisible(not deleted)
        self.refresh_now()

    def selected_row(self) -> VisitRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_of(rows[0].row()) if rows else None

    def open_delete_dialog(self) -> DeleteVisitDialog | None:
        """Ask why and confirm (the dialog says which demands are withdrawn with it); a visit
        that may not be deleted is refused at once, saying why."""
        row = self.selected_row()
        if row is None:
            dialogs.show_info(self, self.tr("请先在列表中选择要删除的走访"))
            return None
        try:
            plan = perform(
                self,
                "check_visit_deletion",
                partial(check_visit_deletion, self.ctx.db, self.ctx.actor, row.id),
            )
        except DomainError as exc:
            self.show_error(self, exc)
            return None
        dialog = DeleteVisitDialog(self.ctx, row, plan, self)
        dialog.did_delete.connect(self._visit_did_delete)
        dialog.finished.connect(self._delete_dialog_did_close)
        self.delete_dialog = dialog
        dialog.open()
        return dialog

    def _delete_dialog_did_close(self) -> None:
        if self.delete_dialog is not None:
            self.delete_dialog.deleteLater()
            self.delete_dialog = None

    def _visit_did_delete(self, done: VisitDeletion) -> None:
        if done.withdrawn_demand_ids:
            self.ctx.hub.announce(VISIT, DEMAND)
        else:
            self.ctx.hub.announce(VISIT)

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            dialogs.show_info(self, self.tr("请先在列表中选择要恢复的走访"))
            return
        question = self.tr(
            "恢复 {date} 对“{enterprise}”的走访吗？\n\n删除时撤回的诉求仍为已撤回。"
        ).format(date=f"{row.visit_date:%Y-%m-%d}", enterprise=row.enterprise)
        if not self.ask(self, question):
            return
        try:
            perform(
                self, "restore_visit", partial(restore_visit, self.ctx.db, self.ctx.actor, row.id)
            )
        except DomainError as exc:
            self.show_error(self, exc)
            return
        self.ctx.hub.announce(VISIT)

    def open_row(self, row: int) -> None:
        visit = self.model.row_of(row)
        if visit is not None and self.ctx.nav is not None:
            self.ctx.nav.open_enterprise(visit.enterprise_id)

    def start_visit(self, enterprise_id: str | None = None) -> None:
        self.form.start(enterprise_id)

    def print_visit_record(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        visit_id = self.model.id_at(rows[0].row()) if rows else None
        if visit_id is None:
            from liaison.ui.dialogs import show_info

            show_info(self, self.tr("请先在“最近走访”中选择一次走访"))
            return
        from liaison.reports.visit_record import render_visit_record
        from liaison.ui.print_preview import preview_record

        preview_record(self, self.ctx.db, render_visit_record, visit_id, self.tr("企业走访记录表"))
