"""走访: log a visit on the left, the recent visits on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
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

from liaison.domain.roles import Role
from liaison.domain.vocab import VISIT_MODES
from liaison.services.visit_list import RECENT_LIMIT, VisitRow, visit_ids, visit_rows
from liaison.ui import vocab
from liaison.ui.context import DEMAND, ENTERPRISE, VISIT, AppContext
from liaison.ui.screen import Screen
from liaison.ui.table_model import Column, IdTableModel
from liaison.ui.visits.drafts import DraftStore
from liaison.ui.visits.form import VisitForm
from liaison.ui.visits.records import RecordTable


class VisitsScreen(Screen):
    watches = frozenset({VISIT, DEMAND, ENTERPRISE})

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, drafts: DraftStore | None = None
    ) -> None:
        super().__init__(ctx, parent)
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
        list_title = QLabel(self.tr("最近走访"))
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
        foot = QHBoxLayout()
        foot.addStretch(1)
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
        ids = visit_ids(self.ctx.db, self.ctx.actor)
        self.model.set_ids(ids)
        note = self._scope_note()
        if len(ids) >= RECENT_LIMIT:
            note += self.tr("，最近 {n} 次").format(n=RECENT_LIMIT)
        else:
            note += self.tr("，共 {n} 次").format(n=len(ids))
        self.list_note.setText(note + self.tr("　双击打开企业"))

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
