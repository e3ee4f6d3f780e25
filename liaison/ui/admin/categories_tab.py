"""诉求类别与交办规则: lead and responsible units, time limits, the policy measure."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.services import admin
from liaison.services.admin import CategoryRule
from liaison.ui.actions import perform
from liaison.ui.admin.common import make_table, show_field_error
from liaison.ui.context import REFERENCE, AppContext
from liaison.ui.dialogs import button_box
from liaison.ui.table_model import Column, ListTableModel


def _checklist(names: dict[str, str], checked: tuple[str, ...]) -> QListWidget:
    widget = QListWidget()
    for dept_id, name in names.items():
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, dept_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if dept_id in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMinimumHeight(140)
    return widget


def _checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class CategoryRuleDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        rule: CategoryRule,
        names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rule = rule
        self.setWindowTitle(self.tr("交办规则：{name}").format(name=rule.name))
        self.lead = _checklist(names, rule.lead_ids)
        self.responsible = _checklist(names, rule.responsible_ids)
        self.measure = QSpinBox()
        self.measure.setRange(0, 20)
        self.measure.setSpecialValueText(self.tr("无（人工交办）"))
        self.measure.setValue(rule.measure_no or 0)
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("政策条款（第几条）"), self.measure)
        for field, label, value in (
            ("reply_days", self.tr("签收时限（工作日）"), rule.reply_days),
            ("resolve_days", self.tr("办结时限（工作日）"), rule.resolve_days),
            ("max_days", self.tr("最长办理（工作日）"), rule.max_days),
            ("extension_notice_days", self.tr("延期须提前（工作日）"), rule.extension_notice_days),
            ("return_days", self.tr("可退回期限（工作日）"), rule.return_days),
        ):
            spin = QSpinBox()
            spin.setRange(0, 120)
            spin.setValue(value)
            self.spins[field] = spin
            form.addRow(label, spin)
        self.active = QCheckBox(self.tr("启用此类别"))
        self.active.setChecked(rule.active)
        form.addRow("", self.active)
        units = QHBoxLayout()
        for title, widget in (
            (self.tr("牵头单位"), self.lead),
            (self.tr("责任单位"), self.responsible),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            units.addLayout(box)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = button_box(self, self.tr("保存"), self.tr("取消"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(units)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {k: s.value() for k, s in self.spins.items()}
        try:
            perform(
                self,
                "save_category_rule",
                partial(
                    admin.save_category_rule,
                    self.ctx.db,
                    self.ctx.actor,
                    self.rule.id,
                    lead_ids=_checked(self.lead),
                    responsible_ids=_checked(self.responsible),
                    measure_no=self.measure.value() or None,
                    active=self.active.isChecked(),
                    reply_days=values["reply_days"],
                    resolve_days=values["resolve_days"],
                    max_days=values["max_days"],
                    extension_notice_days=values["extension_notice_days"],
                    return_days=values["return_days"],
                    seen=self.rule,
                ),
            )
        except DomainError as exc:
            fields = {"lead_ids": self.lead, "responsible_ids": self.responsible, **self.spins}
            show_field_error(self.error, fields, exc)
            return
        self.accept()


class CategoriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names: dict[str, str] = {}
        self.model: ListTableModel[CategoryRule] = ListTableModel(
            [
                Column(self.tr("类别"), lambda c: c.name),
                Column(
                    self.tr("政策条款"),
                    lambda c: f"第{c.measure_no}条 {c.measure_title}" if c.measure_no else "—",
                ),
                Column(
                    self.tr("牵头单位"),
                    lambda c: "、".join(self.names.get(i, "?") for i in c.lead_ids),
                ),
                Column(
                    self.tr("责任单位"),
                    lambda c: "、".join(self.names.get(i, "?") for i in c.responsible_ids),
                ),
                Column(
                    self.tr("时限（签收/办结/最长）"),
                    lambda c: f"{c.reply_days} / {c.resolve_days} / {c.max_days}",
                ),
            ],
            key=lambda c: c.id,
        )
        self.view = make_table(self.model, self)
        self.view.doubleClicked.connect(lambda _: self.edit())
        edit = QPushButton(self.tr("编辑规则"))
        edit.setObjectName("primary")
        edit.clicked.connect(self.edit)
        note = QLabel(
            self.tr("交办时系统按类别推荐牵头单位和责任单位，由督办确认或调整；时限按工作日计算。")
        )
        note.setObjectName("muted")
        bar = QHBoxLayout()
        bar.addWidget(edit)
        bar.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        self.names = {
            d.id: d.name for d in admin.list_departments(self.ctx.db, include_inactive=True)
        }
        self.model.set_rows(admin.list_category_rules(self.ctx.db))
        self.view.resizeColumnsToContents()

    def edit(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        rule = self.model.row_at(rows[0].row()) if rows else None
        if rule is None:
            return
        active_names = {d.id: d.name for d in admin.list_departments(self.ctx.db)}
        if (
            CategoryRuleDialog(self.ctx, rule, active_names, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.ctx.hub.announce(REFERENCE)
            self.refresh()
