"""登记走访: the keyboard-first visit form with its demands inline.

Tab walks the form top to bottom, Ctrl+D adds a demand row, Ctrl+Enter saves. A refused save
marks the field `log_visit` names and shows its message beside it; nothing typed is touched.
Everything typed is also autosaved as a draft that comes back after a crash or a close without
saving, and is removed once the visit is saved.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.vocab import VISIT_MODES
from liaison.services import visits
from liaison.services.demands import RoutingProposal, propose_routing
from liaison.services.reference_lists import list_categories
from liaison.ui import vocab
from liaison.ui.actions import perform
from liaison.ui.context import DEMAND, ENTERPRISE, VISIT, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.visits.blocks import RowList
from liaison.ui.visits.draft_io import DraftIO, pydate, qdate
from liaison.ui.visits.drafts import DraftStore
from liaison.ui.visits.picker import EnterprisePicker, scope_for
from liaison.ui.visits.rows import DateField, DemandRow, ParticipantRow, set_invalid

AUTOSAVE_MS = 400
FOLLOW_UP_DAYS = 7

_AREA_OF = {
    "enterprise_id": "enterprise_id",
    "visit_date": "when",
    "mode": "when",
    "follow_up_on": "when",
    "participants": "participants",
    "summary": "summary",
    "demands": "demands",
}
"""Where `log_visit`'s ValidationError.field is shown: the error line under that form row."""


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class VisitForm(QWidget):
    visit_did_save = Signal(str)

    def __init__(
        self, ctx: AppContext, drafts: DraftStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.categories = list_categories(ctx.db)
        self._proposals: dict[str, RoutingProposal | None] = {}
        self.loading = False
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self._build()
        self._connect()
        store = drafts or DraftStore.for_account(
            ctx.actor.account_id, ctx.db.where if ctx.db.on_server else ctx.db.path
        )
        self.drafts = DraftIO(self, store)
        self.autosave.timeout.connect(self.drafts.save)
        self.reset()
        self.drafts.restore()

    @property
    def participant_rows(self) -> list[ParticipantRow]:
        return self.participants.rows

    @property
    def demand_rows(self) -> list[DemandRow]:
        return self.demands.rows

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("登记走访"))
        title.setObjectName("sectionTitle")
        self.draft_note = QLabel()
        self.draft_note.setObjectName("muted")
        self.discard_button = QPushButton(self.tr("放弃草稿"))
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.discard_button.hide()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.draft_note)
        head.addWidget(self.discard_button)

        self.picker = EnterprisePicker(self.ctx.db, scope_for(self.ctx.actor))
        self.enterprise_detail = QLabel()
        self.enterprise_detail.setObjectName("muted")
        self.visit_date = DateField()
        self.mode = QComboBox()
        for code, text in vocab.choices(VISIT_MODES):
            self.mode.addItem(text, code)
        self.follow_up = QCheckBox(self.tr("约定回访"))
        self.follow_up_date = DateField()
        when = QHBoxLayout()
        for widget in (self.visit_date, QLabel(self.tr("方式")), self.mode, self.follow_up):
            when.addWidget(widget)
            when.addSpacing(6)
        when.addWidget(self.follow_up_date)
        when.addStretch(1)

        self.participants = RowList(ParticipantRow, self.tr("＋ 添加人员"))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("企业经营情况、交流的主要内容、已当场答复的问题……"))
        self.summary.setFixedHeight(96)
        self.demands = RowList(
            lambda: DemandRow(self.categories, self._propose),
            self.tr("＋ 添加诉求（Ctrl+D）"),
            self.tr("企业没有提出诉求、堵点、卡点或意见建议时可不填"),
            numbered=True,
        )

        self.errors = {area: _error_label() for area in dict.fromkeys(_AREA_OF.values())}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget | QLayout, str]] = [
            (self.tr("企业 *"), self.picker, ""),
            ("", self.enterprise_detail, "enterprise_id"),
            (self.tr("走访日期 *"), when, "when"),
            (self.tr("参加人员"), self.participants, "participants"),
            (self.tr("走访情况 *"), self.summary, "summary"),
            (self.tr("诉求"), self.demands, "demands"),
        ]
        r = 0
        for label, field, error in rows:
            if label:
                caption = QLabel(label)
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 5, 0, 0)
                grid.addWidget(caption, r, 0)
            if isinstance(field, QWidget):
                grid.addWidget(field, r, 1)
            else:
                grid.addLayout(field, r, 1)
            r += 1
            if error:
                grid.addWidget(self.errors[error], r, 1)
                r += 1

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存走访（Ctrl+Enter）"))
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.picker.enterprise_chosen.connect(self.show_enterprise)
        self.picker.enterprise_cleared.connect(self.show_enterprise)
        self.picker.textEdited.connect(lambda _: self._changed("enterprise_id"))
        self.visit_date.dateChanged.connect(lambda _: self._changed("when"))
        self.mode.currentIndexChanged.connect(lambda _: self._changed("when"))
        self.follow_up.toggled.connect(self._on_follow_up_toggled)
        self.follow_up_date.dateChanged.connect(lambda _: self._changed("when"))
        self.summary.textChanged.connect(lambda: self._changed("summary"))
        self.participants.changed.connect(lambda: self._changed("participants"))
        self.demands.changed.connect(lambda: self._changed("demands"))
        self.participants.rows_changed.connect(self._fix_tab_order)
        self.demands.rows_changed.connect(self._fix_tab_order)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_draft)
        for keys, slot in (
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+D", lambda: self.add_demand(focus=True)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def add_participant(
        self, value: dict[str, Any] | None = None, *, focus: bool = False
    ) -> ParticipantRow:
        row: ParticipantRow = self.participants.add(value, focus=focus)
        return row

    def add_demand(self, value: dict[str, Any] | None = None, *, focus: bool = False) -> DemandRow:
        row: DemandRow = self.demands.add(value, focus=focus)
        return row

    def _propose(self, category_id: str) -> RoutingProposal | None:
        if category_id not in self._proposals:
            try:
                self._proposals[category_id] = propose_routing(self.ctx.db, category_id)
            except DomainError:
                self._proposals[category_id] = None
        return self._proposals[category_id]

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.picker, self.visit_date, self.mode, self.follow_up]
        chain += [self.follow_up_date, *self.participants.focus_chain(), self.summary]
        chain += [*self.demands.focus_chain(), self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- reactions --------------------------------------------------------------------------

    def show_enterprise(self, *_args: object) -> None:
        row = self.picker.chosen
        parts: list[str] = []
        if row is not None:
            parts = [row.uscc, row.street]
            if row.cadres:
                parts.append(self.tr("包联：") + row.cadres)
            if row.last_visit:
                parts.append(self.tr("上次走访 ") + f"{row.last_visit:%Y-%m-%d}")
            if row.open_demands:
                parts.append(self.tr("在办诉求 {n} 条").format(n=row.open_demands))
        self.enterprise_detail.setText(" · ".join(p for p in parts if p))
        self._changed("enterprise_id")

    def _on_follow_up_toggled(self, on: bool) -> None:
        self.follow_up_date.setEnabled(on)
        if on and not self.loading:
            follow_up = pydate(self.visit_date.date()).toordinal() + FOLLOW_UP_DAYS
            self.follow_up_date.setDate(qdate(date.fromordinal(follow_up)))
        self._changed("when")

    def _changed(self, area: str) -> None:
        if self.loading:
            return
        self._clear_error(area)
        self.message.clear()
        self.autosave.start()

    # --- errors -----------------------------------------------------------------------------

    def _field_widget(self, name: str) -> QWidget | None:
        return {
            "enterprise_id": self.picker,
            "visit_date": self.visit_date,
            "mode": self.mode,
            "follow_up_on": self.follow_up_date,
            "summary": self.summary,
        }.get(name)

    def _clear_error(self, area: str) -> None:
        label = self.errors.get(area)
        if label is None or label.isHidden():
            return
        label.hide()
        for name, widget_area in _AREA_OF.items():
            widget = self._field_widget(name)
            if widget_area == area and widget is not None:
                set_invalid(widget, False)
        for row in self.participant_rows if area == "participants" else []:
            row.mark_invalid(False)
        for demand in self.demand_rows if area == "demands" else []:
            demand.mark_invalid(False)

    def clear_errors(self) -> None:
        for area in self.errors:
            self._clear_error(area)
        self.message.clear()

    def show_error(self, exc: DomainError) -> None:
        """Show a refusal beside the field it names (or under the form) and focus it."""
        field = (exc.field if isinstance(exc, ValidationError) else None) or ""
        area = _AREA_OF.get(field)
        if area is None:
            self._set_message(tr_core(exc), error=True)
            return
        self.errors[area].setText(tr_core(exc))
        self.errors[area].show()
        target = self._field_widget(field)
        if field == "participants":
            blank = [p for p in self.participant_rows if not p.name.text().strip()]
            for p in blank:
                p.mark_invalid(True)
            target = blank[0].name if blank else None
        elif field == "demands":
            # `row` counts the demands that are saved: the rows that are not blank.
            row = exc.row if isinstance(exc, ValidationError) else None
            kept = [d for d in self.demand_rows if not d.is_blank()]
            if row is not None and 0 < row <= len(kept):
                bad = kept[row - 1]
                bad.mark_invalid(True)
                target = bad.title if bad.category.currentData() else bad.category
        if target is not None:
            set_invalid(target, True)
            target.setFocus()
        self._set_message(self.tr("未保存：请按红色提示修改后再保存"), error=True)

    def _set_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #1e7e34;")

    # --- saving -----------------------------------------------------------------------------

    def to_input(self) -> visits.VisitInput:
        """What the form holds, as typed (blank rows left out); the service validates it."""
        follow_up = pydate(self.follow_up_date.date()) if self.follow_up.isChecked() else None
        return visits.VisitInput(
            enterprise_id=self.picker.enterprise_id or "",
            visit_date=pydate(self.visit_date.date()),
            mode=self.mode.currentData(),
            summary=self.summary.toPlainText(),
            participants=tuple(p.to_input() for p in self.participant_rows if not p.is_blank()),
            follow_up_on=follow_up,
            demands=tuple(d.to_input() for d in self.demand_rows if not d.is_blank()),
        )

    def save(self) -> bool:
        self.picker.hide_popup()
        self.clear_errors()
        data = self.to_input()
        try:
            logged = perform(
                self, "log_visit", lambda: visits.log_visit(self.ctx.db, self.ctx.actor, data)
            )
        except DomainError as exc:
            self.show_error(exc)
            self.drafts.save()
            return False
        self.drafts.clear()
        self.ctx.hub.announce(VISIT, DEMAND, ENTERPRISE)
        count = len(logged.demand_ids)
        if count:
            text = self.tr("已保存走访记录，提出 {n} 条诉求，待交办").format(n=count)
        else:
            text = self.tr("已保存走访记录")
        text += self.tr("（{name}，{day}）").format(
            name=self.picker.text(), day=f"{data.visit_date:%Y-%m-%d}"
        )
        self.reset(keep_mode=True)
        self._set_message(text)
        self.picker.setFocus()
        self.visit_did_save.emit(logged.visit_id)
        return True

    # --- clearing and drafts ----------------------------------------------------------------

    def default_participant(self) -> dict[str, object]:
        me = self.ctx.actor
        return {
            "name": me.display_name,
            "side": "government",
            "title": "",
            "account_id": me.account_id,
        }

    def reset(self, *, keep_mode: bool = False) -> None:
        """An empty form for the next visit: today, the signed-in person as participant."""
        self.loading = True
        try:
            mode = self.mode.currentIndex()
            self.picker.set_enterprise(None)
            self.enterprise_detail.clear()
            today = qdate(clock.today())
            self.visit_date.setMaximumDate(today)
            self.visit_date.setDate(today)
            self.mode.setCurrentIndex(mode if keep_mode else 0)
            self.follow_up.setChecked(False)
            self.follow_up_date.setEnabled(False)
            self.follow_up_date.setDate(today.addDays(FOLLOW_UP_DAYS))
            self.participants.set_values([self.default_participant()])
            self.summary.clear()
            self.demands.set_values([])
            self.clear_errors()
            self.show_draft_note(None)
        finally:
            self.loading = False

    def start(self, enterprise_id: str | None) -> None:
        """Begin (or continue) a visit, with the enterprise already chosen when given."""
        if enterprise_id and enterprise_id != self.picker.enterprise_id:
            self.picker.set_enterprise(enterprise_id)
            self.autosave.start()
        (self.summary if self.picker.enterprise_id else self.picker).setFocus()

    def show_draft_note(self, saved_at: str | None) -> None:
        if saved_at is None:
            self.draft_note.clear()
            self.discard_button.hide()
            return
        when = saved_at.replace("T", " ")[:16]
        self.draft_note.setText(self.tr("已恢复未保存的草稿（{when}）").format(when=when))
        self.discard_button.show()

    def save_draft(self) -> None:
        self.drafts.save()

    def discard_draft(self) -> None:
        self.drafts.clear()
        self.reset()
        self.picker.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.autosave.isActive():
            self.drafts.save()
        super().hideEvent(event)
