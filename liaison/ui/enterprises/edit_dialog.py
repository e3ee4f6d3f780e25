"""Add or edit an enterprise. Errors appear under the field they concern; the code's check
character is checked while it is typed."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.uscc import ALPHABET, USCC_LENGTH, normalize_uscc, validate_uscc
from liaison.domain.vocab import INDUSTRIES, SCALES, TAGS
from liaison.services import limits
from liaison.services.enterprises import (
    EnterpriseDetail,
    EnterpriseInput,
    StaleEdit,
    register_enterprise,
    update_enterprise,
)
from liaison.services.reference_lists import StreetInfo
from liaison.ui import vocab
from liaison.ui.actions import perform
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.enterprises.contacts_editor import ContactsEditor
from liaison.ui.enterprises.stale_dialog import MINE, StaleEditDialog, plain

NO_DATE = QDate(1900, 1, 1)
OK_COLOR = "#2e7d32"


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """The `invalid` property drives the red border of the style sheet."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldMessage(QLabel):
    """The line under a field: an error (red) or a hint (grey / green)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "fieldError", "")

    def show_hint(self, text: str, ok: bool = False) -> None:
        self._show(text, "muted", f"color: {OK_COLOR};" if ok else "")

    def _show(self, text: str, name: str, sheet: str) -> None:
        self.setObjectName(name)
        self.setStyleSheet(sheet)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class EnterpriseDialog(QDialog):
    """`saved(enterprise_id)` is emitted after the service accepted the input."""

    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        streets: list[StreetInfo],
        detail: EnterpriseDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.seen = detail.as_input() if detail else None
        """The values the form showed: a save keeps what others saved since (`StaleEdit`)."""
        self.stale_dialog: StaleEditDialog | None = None
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("编辑企业信息") if detail else self.tr("新增企业"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 44)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("与营业执照一致，例如：重庆某某科技有限公司"))
        self.uscc = QLineEdit()
        self.uscc.setPlaceholderText(self.tr("18 位，例如 91500105MA5U3X8P2E"))
        self.uscc.setMaxLength(40)  # room for pasted spaces and dashes; the check says more
        self.uscc.textChanged.connect(self._check_uscc)
        self.legal_rep = QLineEdit()
        self.street = QComboBox()
        self.street.addItem(self.tr("（未填写）"), "")  # not None: see filter_bar.ANY
        for s in streets:
            self.street.addItem(s.name, s.id)
        self.address = QLineEdit()
        self.industry = QComboBox()
        self.industry.addItem(self.tr("（未填写）"), "")
        for code, text in vocab.choices(INDUSTRIES):
            self.industry.addItem(f"{code} {text}", code)
        self.scale = QComboBox()
        self.scale.addItem(self.tr("（未填写）"), "")
        for code, text in vocab.choices(SCALES):
            self.scale.addItem(text, code)
        self.phone = QLineEdit()
        self.established = QDateEdit()
        self.established.setDisplayFormat("yyyy-MM-dd")
        self.established.setCalendarPopup(True)
        self.established.setMinimumDate(NO_DATE)
        self.established.setSpecialValueText(self.tr("未填写"))
        self.established.setDate(NO_DATE)
        for edit, column in (
            (self.name, "name"),
            (self.legal_rep, "legal_rep"),
            (self.address, "address"),
            (self.phone, "phone"),
        ):
            edit.setMaxLength(limits.max_length("enterprise", column))
        self.tag_boxes: dict[str, QCheckBox] = {
            t: QCheckBox(text) for t, text in vocab.choices(TAGS)
        }
        tags = QWidget()
        tag_grid = QGridLayout(tags)
        tag_grid.setContentsMargins(0, 0, 0, 0)
        # three a row; two when the names are long (English)
        widest = max(box.sizeHint().width() for box in self.tag_boxes.values())
        per_row = 3 if widest <= self.fontMetrics().horizontalAdvance("中") * 10 else 2
        for i, box in enumerate(self.tag_boxes.values()):
            tag_grid.addWidget(box, i // per_row, i % per_row)
        self.contacts = ContactsEditor()

        self.inputs: dict[str, QWidget] = {
            "name": self.name,
            "uscc": self.uscc,
            "legal_rep": self.legal_rep,
            "street_id": self.street,
            "address": self.address,
            "industry": self.industry,
            "scale": self.scale,
            "phone": self.phone,
            "established_on": self.established,
            "tags": tags,
            "contacts": self.contacts,
        }
        self.messages: dict[str, FieldMessage] = {k: FieldMessage() for k in self.inputs}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        captions = {
            "name": self.tr("企业名称 *"),
            "uscc": self.tr("统一社会信用代码 *"),
            "legal_rep": self.tr("法定代表人"),
            "street_id": self.tr("街镇"),
            "address": self.tr("地址"),
            "industry": self.tr("行业门类"),
            "scale": self.tr("企业规模"),
            "phone": self.tr("联系电话"),
            "established_on": self.tr("成立日期"),
            "tags": self.tr("企业标签"),
            "contacts": self.tr("联系人"),
        }
        for key, caption in captions.items():
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(self.inputs[key])
            cell_layout.addWidget(self.messages[key])
            form.addRow(caption, cell)

        self.general_error = FieldMessage()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        title = QLabel(self.windowTitle())
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

        if detail is not None:
            self._load(detail.as_input())
        elif ctx.actor.street_id:
            self.street.setCurrentIndex(max(self.street.findData(ctx.actor.street_id or ""), 0))

    def _load(self, d: EnterpriseInput) -> None:
        self.name.setText(d.name)
        self.uscc.setText(d.uscc)
        self.legal_rep.setText(d.legal_rep)
        self.street.setCurrentIndex(max(self.street.findData(d.street_id or ""), 0))
        self.address.setText(d.address)
        self.industry.setCurrentIndex(max(self.industry.findData(d.industry), 0))
        self.scale.setCurrentIndex(max(self.scale.findData(d.scale), 0))
        self.phone.setText(d.phone)
        if d.established_on:
            day = d.established_on
            self.established.setDate(QDate(day.year, day.month, day.day))
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in d.tags)
        self.contacts.set_contacts(d.contacts)

    # --- checking while typing -----------------------------------------------------------

    def _check_uscc(self, text: str) -> None:
        message = self.messages["uscc"]
        code = normalize_uscc(text)
        if not code:
            message.clear_message()
            set_invalid(self.uscc, False)
            return
        try:
            validate_uscc(code)
        except ValidationError as exc:
            typing_on = len(code) < USCC_LENGTH and all(c in ALPHABET for c in code)
            if typing_on:
                message.show_hint(
                    self.tr("已输入 {n}/{total} 位").format(n=len(code), total=USCC_LENGTH)
                )
                set_invalid(self.uscc, False)
            else:
                message.show_error(tr_core(exc))
                set_invalid(self.uscc, True)
            return
        message.show_hint(self.tr("✓ 校验位正确"), ok=True)
        set_invalid(self.uscc, False)

    # --- saving --------------------------------------------------------------------------

    def data(self) -> EnterpriseInput:
        day = self.established.date()
        established = None if day == NO_DATE else date(day.year(), day.month(), day.day())
        return EnterpriseInput(
            name=self.name.text(),
            uscc=self.uscc.text(),
            street_id=self.street.currentData() or None,
            legal_rep=self.legal_rep.text(),
            address=self.address.text(),
            industry=self.industry.currentData() or "",
            scale=self.scale.currentData() or "",
            phone=self.phone.text(),
            established_on=established,
            tags=tuple(t for t, box in self.tag_boxes.items() if box.isChecked()),
            contacts=self.contacts.contacts(),
        )

    def _update(
        self, enterprise_id: str, data: EnterpriseInput, seen: EnterpriseInput | None
    ) -> None:
        perform(
            self,
            "update_enterprise",
            partial(update_enterprise, self.ctx.db, self.ctx.actor, enterprise_id, data, seen=seen),
        )

    def offer_choice(self, enterprise_id: str, stale: StaleEdit) -> None:
        """Show both sides of what clashed; save the person's choice (or go back to editing,
        the form now measured against what is saved)."""
        dialog = StaleEditDialog(stale, self.shown_value, self)
        self.stale_dialog = dialog

        def chosen(_result: int) -> None:
            self.stale_dialog = None
            self.seen = stale.theirs
            if dialog.choice is None:  # back to editing what both sides saved and changed
                self._load(stale.mine_wins)
                return
            data = stale.mine_wins if dialog.choice == MINE else stale.theirs_wins
            try:
                self._update(enterprise_id, data, stale.theirs)
            except DomainError as exc:
                self.general_error.show_error(tr_core(exc))
                return
            self.saved_id = enterprise_id
            self.saved.emit(enterprise_id)
            self.accept()

        dialog.finished.connect(chosen)
        dialog.open()

    def shown_value(self, field_name: str, value: object) -> str:
        """A value as this form shows it (a street's name, an industry's label)."""
        combos = {"street_id": self.street, "industry": self.industry, "scale": self.scale}
        combo = combos.get(field_name)
        if combo is not None and value:
            index = combo.findData(value)
            if index >= 0:
                return combo.itemText(index)
        return plain(value)

    def clear_errors(self) -> None:
        for key, message in self.messages.items():
            if key != "uscc" or message.objectName() == "fieldError":
                message.clear_message()
            set_invalid(self.inputs[key], False)
        self.general_error.clear_message()
        self._check_uscc(self.uscc.text())

    def mark(self, error: ValidationError) -> None:
        """Put the message under the field it concerns (or beside the buttons)."""
        if error.field in self.inputs:
            self.messages[error.field].show_error(tr_core(error))
            widget = self.inputs[error.field]
            set_invalid(widget, True)
            widget.setFocus()
        else:
            self.general_error.show_error(tr_core(error))

    def save(self) -> None:
        self.clear_errors()
        data = self.data()
        detail = self.detail
        try:
            if detail is None:
                saved = perform(
                    self,
                    "register_enterprise",
                    lambda: register_enterprise(self.ctx.db, self.ctx.actor, data),
                )
            else:
                self._update(detail.id, data, self.seen)
                saved = detail.id
        except StaleEdit as exc:
            self.offer_choice(detail.id if detail else "", exc)
            return
        except ValidationError as exc:
            self.mark(exc)
            return
        except DomainError as exc:  # a refusal or a fault: said under the form, input kept
            self.general_error.show_error(tr_core(exc))
            return
        self.saved_id = saved
        self.saved.emit(saved)
        self.accept()
