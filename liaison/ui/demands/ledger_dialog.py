"""打印台账: the 诉求台账 of the list's current filter for a period, as a print preview or .xlsx."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.reports import ledger
from liaison.reports.ledger import render_ledger
from liaison.services import demand_list as dl
from liaison.services.admin import list_departments
from liaison.services.ledger_data import LedgerFilter
from liaison.services.reference_lists import list_categories, list_streets
from liaison.ui import vocab
from liaison.ui.dialogs import show_error
from liaison.ui.print_preview import ReportDialog

LEDGER_STATES = frozenset(
    {dl.STATE_GROUP_OPEN, dl.STATE_GROUP_FINISHED, *(str(s) for s in wf.State)}
)
"""The list's state choices the ledger applies too."""


def _t(text: str) -> str:
    return QCoreApplication.translate("LedgerDialog", text)


def _usable(value: str | None) -> str | None:
    return None if value in (None, "", dl.NO_GROUP) else value


def ledger_scope(f: dl.DemandFilter) -> tuple[dict[str, str | None], list[str]]:
    """What of the list's filter the ledger applies (its LedgerFilter fields besides the
    period) and the names of the conditions it leaves out."""

    department = _usable(f.department_id) or _usable(f.lead_department_id)
    state = f.state if f.state in LEDGER_STATES else None
    if state is None and set(f.states) == set(dl.RESOLVED_STATES):
        state = dl.STATE_GROUP_FINISHED
    scope = {
        "department_id": department,
        "street_id": _usable(f.street_id),
        "category_id": _usable(f.category_id),
        "state": state,
    }
    left_out = []
    if f.text.strip():
        left_out.append(_t("搜索"))
    if f.mine:
        left_out.append(_t("“我的”"))
    if f.overdue_only:
        left_out.append(_t("只看超期"))
    if f.state and state is None:
        left_out.append(_t("延期待批"))
    if f.event is not None:
        left_out.append(_t("来自统计的事项（交办、办结、回访等）"))
    if f.created_by:
        left_out.append(_t("干部"))
    return scope, left_out


def scope_words(db: Database, scope: dict[str, str | None]) -> str:
    """The ledger's scope in the UI's language, e.g. 牵头单位：区金融办；状态：未办结, or
    全部诉求 (the printed ledger words it itself, in Chinese: ledger_data.filter_words)."""
    parts = []
    department, street, category = (
        scope.get("department_id"),
        scope.get("street_id"),
        scope.get("category_id"),
    )
    if department:
        names = {d.id: d.name for d in list_departments(db, include_inactive=True)}
        parts.append(_t("牵头单位：{name}").format(name=names.get(department, department)))
    if street:
        names = {s.id: s.name for s in list_streets(db)}
        parts.append(_t("街镇：{name}").format(name=names.get(street, street)))
    if category:
        names = {c.id: c.name for c in list_categories(db, include_inactive=True)}
        parts.append(_t("类别：{name}").format(name=names.get(category, category)))
    state = scope.get("state")
    if state == dl.STATE_GROUP_OPEN:
        parts.append(_t("状态：{state}").format(state=_t("未办结")))
    elif state == dl.STATE_GROUP_FINISHED:
        parts.append(_t("状态：{state}").format(state=_t("已办结")))
    elif state:
        parts.append(
            _t("状态：{state}").format(state=vocab.label(wf.STATE_LABELS, wf.State(state)))
        )
    return _t("；").join(parts) or _t("全部诉求")


class LedgerDialog(ReportDialog):
    """The period (by date raised) and the list's filter in words; 打印预览 / 导出 Excel."""

    def __init__(
        self,
        db: Database,
        f: dl.DemandFilter,
        parent: QWidget,
        render: Callable[..., Path] = render_ledger,
    ) -> None:
        super().__init__(self.tr("打印诉求台账"), parent)
        self.db = db
        self.render_report = render
        self.scope, left_out = ledger_scope(f)
        today = clock.today()
        start = f.raised_from or today.replace(month=1, day=1)
        end = f.raised_to or today
        self.start_edit = self._date_edit(start)
        self.end_edit = self._date_edit(end)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        self.form.addRow(self.tr("统计期（按提出日期）"), period)
        self.scope_label = QLabel(scope_words(db, self.scope))
        self.scope_label.setWordWrap(True)
        self.form.addRow(self.tr("范围"), self.scope_label)
        note = self.tr(
            "台账列出统计期内提出的诉求，单位按牵头单位筛选；PDF 最多 {limit} 条，"
            "更多请缩小范围或导出 Excel。"
        ).format(limit=ledger.PDF_MAX_ROWS)
        if left_out:
            note += "\n" + self.tr("列表中的以下条件不用于台账：{names}").format(
                names=self.tr("、").join(left_out)
            )
        self.note.setText(note)

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def ledger_filter(self) -> LedgerFilter | None:
        start: date = self.start_edit.date().toPython()  # type: ignore[assignment]
        end: date = self.end_edit.date().toPython()  # type: ignore[assignment]
        if start > end:
            show_error(self, self.tr("开始日期不能晚于结束日期"))
            return None
        return LedgerFilter(start, end, **self.scope)

    def _name(self, f: LedgerFilter, suffix: str) -> str:
        return self.tr("诉求台账") + f"_{f.start:%Y%m%d}-{f.end:%Y%m%d}{suffix}"

    def pdf_job(self) -> tuple[Callable[[Path], Path], str, str] | None:
        f = self.ledger_filter()
        if f is None:
            return None
        db, render = self.db, self.render_report
        return (lambda out: render(db, f, out)), self.tr("诉求台账"), self._name(f, ".pdf")

    def xlsx_job(self) -> tuple[Callable[[Path], Path], str] | None:
        f = self.ledger_filter()
        if f is None:
            return None
        db, render = self.db, self.render_report
        return (lambda out: render(db, f, out)), self._name(f, ".xlsx")
