"""The frame every demand action dialog shares.

A dialog asks for what its action requires, names one service call in `perform()` (its arguments
read from the form), which `submit` runs through the action funnel (`liaison.ui.actions`), and
closes only when that succeeded. A refused action (DomainError) is shown next to the field it
names (ValidationError.field) or under the form, and everything typed stays. Ctrl+Enter
confirms, Esc cancels. Dialogs are shown with open(), never exec(), so nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError, ValidationError
from liaison.services.queries import DemandDetail
from liaison.ui.actions import perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core

Call = Callable[[], object]
"""A service call with its arguments bound, ready to run on a worker thread."""


class ActionDialog(QDialog):
    did_succeed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        detail: DemandDetail,
        title: str,
        confirm_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.fields: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}

        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        about = QLabel(
            self.tr("{title}\n{enterprise} · {category}").format(
                title=detail.title, enterprise=detail.enterprise, category=detail.category
            )
        )
        about.setObjectName("muted")
        about.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm_text)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setDefault(True)
        self.confirm_button.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # --- building ---------------------------------------------------------------------------

    def add_info(self, label: str, text: str) -> QLabel:
        value = QLabel(text)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(label, value)
        return value

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """A form row for the input `name` (the service's field name), with room for its
        error right under it and an optional grey hint."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setObjectName("muted")
            note.setWordWrap(True)
            column.addWidget(note)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.field_errors[name] = error
        return widget

    def radio_group(self, choices: dict[str, str]) -> tuple[QWidget, QButtonGroup]:
        """Radio buttons for `choices` (value → label), none selected."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        for value, label in choices.items():
            button = QRadioButton(label)
            button.setProperty("value", value)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return box, group

    @staticmethod
    def chosen(group: QButtonGroup) -> str | None:
        button = group.checkedButton()
        return None if button is None else str(button.property("value"))

    # --- acting -----------------------------------------------------------------------------

    def perform(self) -> Call:
        """The service call to make, its arguments read from the form here on the GUI thread
        (`submit` runs it on a worker); raise DomainError to refuse at once. Subclasses
        implement it."""
        raise NotImplementedError

    def submit(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        self.clear_errors()
        try:
            perform(self, type(self).__name__, self.perform())
        except DomainError as exc:
            self.show_error(exc)
            return
        self.did_succeed.emit()
        self.accept()

    def clear_errors(self) -> None:
        self.error.hide()
        self.error.clear()
        for name, label in self.field_errors.items():
            label.hide()
            label.clear()
            self._mark(self.fields[name], False)

    def show_error(self, exc: DomainError) -> None:
        name = exc.field if isinstance(exc, ValidationError) else None
        if name in self.field_errors:
            assert name is not None
            self.field_errors[name].setText(tr_core(exc))
            self.field_errors[name].show()
            self._mark(self.fields[name], True)
            self.fields[name].setFocus()
        else:
            self.error.setText(tr_core(exc))
            self.error.show()

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def error_text(self) -> str:
        """Every error now shown (for tests and for screen readers)."""
        shown = [lbl.text() for lbl in self.field_errors.values() if lbl.text()]
        if self.error.text():
            shown.append(self.error.text())
        return "\n".join(shown)
