"""工作台: what needs the signed-in person today, one card per section of their work list.

Each card shows the section's count and its first items; a double-click or Enter opens the
record (an enterprise or a demand) through the navigator.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.domain.workdays import DUE_SOON_WORKING_DAYS
from liaison.services.worklist import WorkItem, Worklist, WorkSection, worklist
from liaison.ui.context import ACCOUNT, DEMAND, ENTERPRISE, REFERENCE, VISIT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.ops import run_in_background
from liaison.ui.screen import Screen
from liaison.ui.table_model import Column, IdTableModel
from liaison.ui.visits.records import ROW_HEIGHT, RecordTable

WEEKDAYS = "一二三四五六日"
WIDE = 1500
"""From this width on, three cards per row instead of two."""
OVERDUE_COLOR = "#c0392b"
VISIBLE_ROWS = 10


class SectionCard(QFrame):
    """One section: title, count, the first items; opens an item on double-click / Enter.

    The list is as tall as its items (up to VISIBLE_ROWS, then it scrolls); an empty section
    is a one-line card, so the sections with work get the room.
    """

    def __init__(self, home: HomeScreen, key: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.home = home
        self.key = key
        self.items: dict[str, WorkItem] = {}
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.count = QLabel()
        self.count.setStyleSheet("font-size: 22px; font-weight: bold; color: #1f5fa8;")
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.action: QPushButton | None = None
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.count)
        head.addSpacing(8)
        head.addWidget(self.note, 1)
        self.head = head
        self.model: IdTableModel[WorkItem] = IdTableModel(
            [
                Column(self.tr("事项"), lambda i: i.text, tooltip=lambda i: i.text),
                Column(
                    self.tr("说明"),
                    lambda i: tr_core(i.secondary),
                    tooltip=lambda i: tr_core(i.secondary),
                ),
                Column(
                    self.tr("期限"),
                    lambda i: f"{i.due:%Y-%m-%d}" if i.due else "",
                    color=lambda i: OVERDUE_COLOR if i.overdue else None,
                    tooltip=self._due_tip,
                ),
            ],
            lambda ids: {i: self.items[i] for i in ids if i in self.items},
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.on_open = self.open_row
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        # a date with its year: the lists reach back past New Year
        header.resizeSection(2, self.table.fontMetrics().horizontalAdvance("2026-12-31") + 14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The item's text gets 42% of the width; its explanation the rest.
        self.table.horizontalHeader().resizeSection(0, int(self.table.viewport().width() * 0.42))

    def _due_tip(self, item: WorkItem) -> str | None:
        if item.due is None:
            return None
        if item.overdue:
            return self.tr("{due} 到期，已超期 {n} 个工作日").format(
                due=f"{item.due:%Y-%m-%d}", n=item.days_over
            )
        return self.tr("{due} 到期").format(due=f"{item.due:%Y-%m-%d}")

    def add_action(self, text: str, handler: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(handler)
        self.buttons.addStretch(1)
        self.buttons.addWidget(button)
        self.action = button
        return button

    def show_section(
        self, section: WorkSection, title: str, empty: str, note: str = "", due: bool = True
    ) -> None:
        self.items = {i.id: i for i in section.items}
        self.title.setText(title)
        self.count.setText(str(section.count))
        shown = len(section.items)
        if section.count > shown:
            note = self.tr("显示前 {n} 条　").format(n=shown) + note
        self.note.setText(note if section.items else empty)
        self.model.set_ids([i.id for i in section.items])
        self.table.setColumnHidden(2, not due or all(i.due is None for i in section.items))
        rows = min(shown, VISIBLE_ROWS)
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + rows * ROW_HEIGHT + frame
        )
        self.table.setVisible(bool(section.items))
        if self.action is not None:
            self.action.setVisible(bool(section.items))
        if section.items:
            # Current (for Enter) but not selected, so the overdue colour stays readable.
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def selected(self) -> WorkItem | None:
        index = self.table.currentIndex()
        return self.model.row_of(index.row()) if index.isValid() else None

    def open_row(self, row: int) -> None:
        item = self.model.row_of(row)
        if item is not None:
            self.home.open_item(item)


class HomeScreen(Screen):
    watches = frozenset({VISIT, DEMAND, ENTERPRISE, ACCOUNT, REFERENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cards: dict[str, SectionCard] = {}
        self.worklist: Worklist | None = None
        self.today = clock.today()
        self._request = 0
        self._columns = 0
        title = QLabel(self.tr("工作台"))
        title.setObjectName("screenTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.subtitle)
        head.addStretch(1)
        self.loading = QLabel(self.tr("正在更新…"))
        self.loading.setObjectName("muted")
        self.loading.hide()
        head.addWidget(self.loading)
        self.summary = QLabel()
        self.summary.setObjectName("card")
        self.summary.setStyleSheet("QLabel#card { padding: 8px 12px; font-size: 14px; }")
        self.summary.hide()
        self.lanes = QHBoxLayout()
        self.lanes.setSpacing(12)
        self.lane_boxes: list[QVBoxLayout] = []
        for _ in range(3):
            box = QVBoxLayout()
            box.setSpacing(12)
            box.addStretch(1)
            self.lanes.addLayout(box, 1)
            self.lane_boxes.append(box)
        self.lane_of: dict[str, int] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.summary)
        body_layout.addLayout(self.lanes)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)

    # --- text -------------------------------------------------------------------------------

    def _titles(self) -> dict[str, tuple[str, str]]:
        """Section key → (title, what an empty section says)."""
        return {
            "unvisited": (self.tr("本季度未走访的包联企业"), self.tr("包联企业本季度都已走访")),
            "follow_up": (self.tr("待回访"), self.tr("没有等待回访的诉求")),
            "returned": (self.tr("被部门退回"), self.tr("没有被退回的诉求")),
            "to_accept": (self.tr("待签收"), self.tr("没有待签收的诉求")),
            "due_soon": (
                self.tr("{n} 个工作日内到期").format(n=DUE_SOON_WORKING_DAYS),
                self.tr("近期没有到期的诉求"),
            ),
            "overdue": (self.tr("已超期"), self.tr("没有超期的诉求")),
            "to_route": (self.tr("待交办"), self.tr("没有待交办的诉求")),
            "extensions": (self.tr("延期申请待审批"), self.tr("没有待审批的延期申请")),
            "escalated": (self.tr("督办中"), self.tr("没有督办中的诉求")),
        }

    def _supervisor_titles(self) -> dict[str, str]:
        return {"returned": self.tr("退回待改派"), "overdue": self.tr("超期未办结")}

    # --- content ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the work list on a worker thread (a street's is ~0.2 s at district scale);
        only the latest request's answer is shown."""
        self._request += 1
        request = self._request
        db, actor = self.ctx.db, self.ctx.actor
        self.loading.show()

        def done(wl: Worklist) -> None:
            if shiboken6.isValid(self) and request == self._request:
                self.show_worklist(wl)

        run_in_background(self, lambda: worklist(db, actor), done)

    def show_worklist(self, wl: Worklist) -> None:
        self.loading.hide()
        self.worklist = wl
        self.today = wl.today
        actor = self.ctx.actor
        weekday = WEEKDAYS[wl.today.weekday()]
        self.subtitle.setText(
            self.tr("{day} 星期{weekday}　{who}").format(
                day=f"{wl.today:%Y-%m-%d}", weekday=weekday, who=self.ctx.who()
            )
        )
        if wl.summary is not None:
            self.summary.setText(
                self.tr("账号 {a} 个　·　部门 {d} 个　·　企业 {e} 家").format(
                    a=wl.summary.accounts,
                    d=wl.summary.departments,
                    e=f"{wl.summary.enterprises:,}",
                )
            )
            self.summary.show()
        titles = self._titles()
        if actor.is_hub:
            titles.update({k: (v, titles[k][1]) for k, v in self._supervisor_titles().items()})
        for section in wl.sections:
            card = self.cards.get(section.key)
            if card is None:
                card = self._make_card(section.key)
            title, empty = titles.get(section.key, (section.title, ""))
            if section.key == "unvisited":
                period = self.tr("本季度 {start} 至 {end}").format(
                    start=f"{wl.period_start:%m-%d}", end=f"{wl.period_end:%m-%d}"
                )
                card.show_section(section, title, f"{empty}（{period}）", period, due=False)
            else:
                card.show_section(section, title, empty)
        self._layout_cards(force=True)

    def _make_card(self, key: str) -> SectionCard:
        card = SectionCard(self, key)
        if key == "unvisited" and self.ctx.nav is not None:
            card.add_action(self.tr("为选中企业登记走访"), lambda: self._new_visit(card))
        self.cards[key] = card
        return card

    def _layout_cards(self, *, force: bool = False) -> None:
        """Cards in two lanes (three on a wide screen), in the role's order, each card going
        to the lane that is shortest so far: short and empty sections fill the gaps."""
        columns = 3 if self.width() >= WIDE else 2
        if columns == self._columns and not force:
            return
        self._columns = columns
        for box in self.lane_boxes:
            for card in self.cards.values():
                box.removeWidget(card)
        heights = [0] * columns
        for key, card in self.cards.items():
            lane = heights.index(min(heights))
            box = self.lane_boxes[lane]
            box.insertWidget(box.count() - 1, card)
            self.lane_of[key] = lane
            heights[lane] += card.sizeHint().height() + 12
        for n in range(3):
            self.lanes.setStretch(n, 1 if n < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_cards()

    # --- opening ----------------------------------------------------------------------------

    def open_item(self, item: WorkItem) -> None:
        nav = self.ctx.nav
        if nav is None:
            return
        if item.kind == "enterprise":
            nav.open_enterprise(item.id)
        else:
            nav.open_demand(item.id)

    def _new_visit(self, card: SectionCard) -> None:
        item = card.selected()
        if item is not None and self.ctx.nav is not None:
            self.ctx.nav.new_visit(item.id)
