"""包联 from the enterprise detail: the list of an enterprise's cadres, a dialog that puts a
cadre in charge (picker with name / pinyin search, 牵头 or not, start date) and one that ends an
assignment. The rules are the services' (`enterprises.assign_cadre`, `end_assignment`); a
refusal appears under the field it concerns and nothing is written."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.permissions import ASSIGNABLE
from liaison.domain.roles import ROLE_LABELS
from liaison.services.assignments import CadreChoice, list_cadre_choices, match_cadres
from liaison.services.enterprises import (
    AssignmentInfo,
    EnterpriseDetail,
    assign_cadre,
    end_assignment,
)
from liaison.ui import vocab
from liaison.ui.actions import perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.enterprises.edit_dialog import FieldMessage, set_invalid
from liaison.ui.ops import run_in_background
from liaison.ui.table_model import Column, IdTableModel

SHOWN = 200
"""At most this many matching cadres are listed (type more to narrow)."""


def _t(text: str) -> str:
    return QCoreApplication.translate("Assignments", text)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def duty_text(is_lead: bool) -> str:
    return _t("牵头") if is_lead else _t("协助")


def assignment_columns() -> list[Column[AssignmentInfo]]:
    """The 包联 tab of the enterprise detail: current and past cadres."""
    return [
        Column(_t("包联干部"), lambda a: a.cadre),
        Column(_t("分工"), lambda a: duty_text(a.is_lead)),
        Column(_t("开始日期"), lambda a: a.start_on.isoformat()),
        Column(
            _t("结束日期"),
            lambda a: a.end_on.isoformat() if a.end_on else _t("至今"),
            color=lambda a: None if a.end_on else "#2e7d32",
        ),
    ]


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(qdate(day))
    return edit


def _cadre_columns(taken: set[str]) -> list[Column[CadreChoice]]:
    return [
        Column(
            _t("姓名"),
            lambda c: c.display_name + (_t("（已在包联）") if c.id in taken else ""),
            color=lambda c: "#6b7785" if c.id in taken else None,
        ),
        Column(_t("用户名"), lambda c: c.username),
        Column(_t("角色"), lambda c: vocab.label(ROLE_LABELS, c.role)),
        Column(_t("街镇"), lambda c: c.street or ""),
        Column(_t("在包联企业"), lambda c: str(c.active_assignments), align_right=True),
    ]


class _Form(QDialog):
    """Title, a form whose rows carry a message line, a general message and the buttons."""

    saved = Signal(str)
    """With the enterprise id, after the service accepted the change."""

    def __init__(self, title: str, accept_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.messages: dict[str, FieldMessage] = {}
        self.inputs: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.general_error = FieldMessage()
        self.ok_button = QPushButton(accept_text)
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.save)
        cancel = QPushButton(_t("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def add_row(self, key: str, caption: str, widget: QWidget, *extra: QWidget) -> None:
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        cell_layout.addWidget(widget)
        for w in extra:
            cell_layout.addWidget(w)
        message = FieldMessage()
        cell_layout.addWidget(message)
        self.messages[key] = message
        self.inputs[key] = widget
        self.form.addRow(caption, cell)

    def clear_errors(self) -> None:
        for key, message in self.messages.items():
            message.clear_message()
            set_invalid(self.inputs[key], False)
        self.general_error.clear_message()

    def mark(self, error: DomainError) -> None:
        """A refusal under the field it concerns, or above the buttons."""
        field = error.field if isinstance(error, ValidationError) else None
        if field in self.messages:
            assert field is not None
            self.messages[field].show_error(tr_core(error))
            set_invalid(self.inputs[field], True)
            self.inputs[field].setFocus()
        else:
            self.general_error.show_error(tr_core(error))

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AssignCadreDialog(_Form):
    """安排包联干部: pick an active 联络干部 or 街镇专员 (search by name, pinyin or username)."""

    def __init__(
        self, ctx: AppContext, detail: EnterpriseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(_t("安排包联干部"), _t("安排包联"), parent)
        self.ctx = ctx
        self.detail = detail
        self.choices: dict[str, CadreChoice] = {}
        self.all_choices: list[CadreChoice] = []
        active = [a for a in detail.assignments if a.end_on is None]
        self.taken = {a.account_id for a in active}
        self.intro.setText(_t("为“{name}”安排一名包联干部。").format(name=detail.name))
        em = self.fontMetrics().horizontalAdvance("中")
        self.setMinimumWidth(em * 52)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_t("输入姓名、拼音首字母或用户名，例如 zhangwei、zw"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first)
        self.model: IdTableModel[CadreChoice] = IdTableModel(
            _cadre_columns(self.taken), lambda ids: {i: self.choices[i] for i in ids}
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        samples = {
            1: ["st_guanyinqiao_10"],
            2: [vocab.label(ROLE_LABELS, r) for r in ASSIGNABLE],
            3: ["观音桥街道"],
            4: [],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max([fm.horizontalAdvance(t) for t in texts] + [0])
            header.resizeSection(column, max(widest, fm.horizontalAdvance(title) + em) + 20)
        self.view.setMinimumHeight(rows.defaultSectionSize() * 8 + header.height())
        self.view.doubleClicked.connect(lambda _index: self.save())
        self.count = QLabel(_t("正在读取干部名单…"))
        self.count.setObjectName("muted")

        self.lead = QCheckBox(_t("牵头包联（企业的第一责任人）"))
        self.lead.setChecked(not any(a.is_lead for a in active))
        self.start = _date_edit(clock.today())

        self.add_row("account_id", _t("包联干部"), self.search, self.view, self.count)
        self.add_row("is_lead", _t("分工"), self.lead)
        self.add_row("start_on", _t("开始日期"), self.start)
        self.ok_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.closed = False
        """Set when the dialog is done: a late answer from the loader is then dropped."""
        self.finished.connect(self._mark_closed)
        run_in_background(
            self,
            lambda: list_cadre_choices(ctx.db, ctx.actor),
            self._loaded,
            self._load_failed,
        )

    # --- the picker ----------------------------------------------------------------------

    def _mark_closed(self, _code: int) -> None:
        self.closed = True

    def _loaded(self, choices: list[CadreChoice]) -> None:
        if self.closed:
            return
        self.all_choices = choices
        self.choices = {c.id: c for c in choices}
        self._filter(self.search.text())

    def _load_failed(self, error: Exception) -> None:
        if self.closed:
            return
        self.count.setText("")
        self.general_error.show_error(tr_core(error))

    def _filter(self, text: str) -> None:
        if not self.all_choices and not self.choices:
            return
        found = match_cadres(self.all_choices, text)
        self.model.set_ids([c.id for c in found[:SHOWN]])
        if not self.all_choices:
            self.count.setText(_t("没有可安排的联络干部（请先在“管理”中建立账号）"))
        elif not found:
            self.count.setText(_t("没有找到“{text}”，请换个姓名或拼音").format(text=text.strip()))
        elif len(found) > SHOWN:
            self.count.setText(
                _t("找到 {n} 人，显示前 {shown} 人，请输入更多字缩小范围").format(
                    n=len(found), shown=SHOWN
                )
            )
        else:
            self.count.setText(_t("找到 {n} 人").format(n=len(found)))
        if len(found) == 1:
            self.view.selectRow(0)
        self._selection_changed()

    def _pick_first(self) -> None:
        if self.model.rowCount() and self.selected_id() is None:
            self.view.selectRow(0)

    def _selection_changed(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.selected_id() is not None)

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_account(self, account_id: str) -> None:
        """Select one cadre in the list (it must be among the shown matches)."""
        row = self.model.ids.index(account_id)
        self.view.selectRow(row)

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        self.clear_errors()
        account_id = self.selected_id()
        if account_id is None:
            self.mark(ValidationError(_t("请在列表中选择一名干部"), field="account_id"))
            return
        try:
            perform(
                self,
                "assign_cadre",
                partial(
                    assign_cadre,
                    self.ctx.db,
                    self.ctx.actor,
                    self.detail.id,
                    account_id,
                    is_lead=self.lead.isChecked(),
                    start_on=pydate(self.start.date()),
                ),
            )
        except DomainError as exc:
            self.mark(exc)
            return
        self.saved.emit(self.detail.id)
        self.accept()


class EndAssignmentDialog(_Form):
    """结束包联: which current assignment, and from which day (default today)."""

    def __init__(
        self,
        ctx: AppContext,
        detail: EnterpriseDetail,
        assignment_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_t("结束包联"), _t("确认结束"), parent)
        self.ctx = ctx
        self.detail = detail
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)
        self.intro.setText(
            _t(
                "结束后，该干部不再包联“{name}”，不再出现在其工作台；已有的走访和诉求记录保留。"
            ).format(name=detail.name)
        )
        self.assignment = QComboBox()
        for a in detail.assignments:
            if a.end_on is None:
                self.assignment.addItem(
                    _t("{name}（{duty}，{since} 起）").format(
                        name=a.cadre, duty=duty_text(a.is_lead), since=a.start_on.isoformat()
                    ),
                    a.id,
                )
        if assignment_id is not None:
            self.assignment.setCurrentIndex(max(self.assignment.findData(assignment_id), 0))
        self.end = _date_edit(clock.today())
        self.add_row("assignment", _t("包联干部"), self.assignment)
        self.add_row("end_on", _t("结束日期"), self.end)
        self.ok_button.setEnabled(self.assignment.count() > 0)

    def save(self) -> None:
        self.clear_errors()
        assignment_id = self.assignment.currentData()
        if not assignment_id:
            return
        try:
            perform(
                self,
                "end_assignment",
                partial(
                    end_assignment,
                    self.ctx.db,
                    self.ctx.actor,
                    assignment_id,
                    end_on=pydate(self.end.date()),
                ),
            )
        except DomainError as exc:
            self.mark(exc)
            return
        self.saved.emit(self.detail.id)
        self.accept()
