"""节假日: the admin's corrections to the official calendar (years the package lacks)."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain import clock
from liaison.domain.errors import DomainError
from liaison.domain.workdays import WorkCalendar, fallback_note
from liaison.services import admin, limits
from liaison.services.admin import HolidayInfo
from liaison.services.calendar import clear_holiday, set_holiday
from liaison.ui.actions import perform
from liaison.ui.admin.common import make_table
from liaison.ui.context import REFERENCE, AppContext
from liaison.ui.dialogs import show_error
from liaison.ui.table_model import Column, ListTableModel


def _as_date(value: object) -> date:
    assert isinstance(value, date)
    return value


class HolidaysTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: ListTableModel[HolidayInfo] = ListTableModel(
            [
                Column(self.tr("日期"), lambda h: f"{h.day:%Y-%m-%d}"),
                Column(
                    self.tr("类型"),
                    lambda h: self.tr("调休上班") if h.is_workday else self.tr("放假"),
                ),
                Column(self.tr("名称"), lambda h: h.name),
            ],
            key=lambda h: h.day.isoformat(),
        )
        self.view = make_table(self.model, self)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.workday = QCheckBox(self.tr("调休上班日"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("名称，如：春节"))
        self.name.setMaxLength(limits.max_length("holiday", "name"))
        add = QPushButton(self.tr("添加"))
        add.setObjectName("primary")
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("删除所选"))
        remove.clicked.connect(self.remove)
        bar = QHBoxLayout()
        for w in (self.day, self.workday, self.name):
            bar.addWidget(w)
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        rows = admin.list_holidays(self.ctx.db)
        self.model.set_rows(rows)
        today = clock.today()
        cal = WorkCalendar()
        missing = [
            y
            for y in cal.unknown_years(today, today.replace(year=today.year + 1))
            if not any(h.day.year == y for h in rows)
        ]
        text = self.tr("内置法定节假日日历覆盖 2004–2026 年；此处录入的日期优先生效。")
        if missing:
            text += " " + fallback_note(missing) + self.tr("，请录入当年国务院办公厅公布的安排。")
        self.note.setText(text)

    def add(self) -> None:
        try:
            perform(
                self,
                "set_holiday",
                partial(
                    set_holiday,
                    self.ctx.db,
                    self.ctx.actor,
                    _as_date(self.day.date().toPython()),
                    is_workday=self.workday.isChecked(),
                    name=self.name.text(),
                ),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.announce(REFERENCE)
        self.refresh()

    def remove(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        h = self.model.row_at(rows[0].row()) if rows else None
        if h is None:
            return
        clear_holiday(self.ctx.db, self.ctx.actor, h.day)
        self.ctx.hub.announce(REFERENCE)
        self.refresh()
