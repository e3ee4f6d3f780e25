"""The visit form's inline rows: one participant, one demand (with its routing proposal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from liaison.domain.pinyin import pinyin_keys
from liaison.domain.vocab import DEMAND_KINDS, URGENCIES
from liaison.services import limits
from liaison.services.demands import RoutingProposal
from liaison.services.reference_lists import CategoryInfo
from liaison.services.visits import DemandInput, ParticipantInput
from liaison.ui import vocab


def _remove_button(tooltip: str) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setToolTip(tooltip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return button


def set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class DateField(QDateEdit):
    """A date box that Tab leaves at once (← → move between year, month and day)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class ParticipantRow(QWidget):
    """Name, side (干部/企业) and title of one person who took part."""

    changed = Signal()
    remove_requested = Signal(object)

    SIDES = ("government", "enterprise")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_id: str | None = None
        self._account_name = ""
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("姓名"))
        self.side = QComboBox()
        self.side.addItem(self.tr("干部"), "government")
        self.side.addItem(self.tr("企业"), "enterprise")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("单位/职务（可选）"))
        self.name.setMaxLength(limits.max_length("visit_participant", "name"))
        self.title.setMaxLength(limits.max_length("visit_participant", "title"))
        self.remove = _remove_button(self.tr("删除此人"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 2)
        layout.addWidget(self.side)
        layout.addWidget(self.title, 3)
        layout.addWidget(self.remove)
        self.name.textEdited.connect(self._on_name_edited)
        self.title.textEdited.connect(lambda _: self.changed.emit())
        self.side.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _on_name_edited(self, text: str) -> None:
        if self.account_id and text.strip() != self._account_name:
            self.account_id = None  # someone else now: no longer the signed-in account
        self.changed.emit()

    def set_value(self, value: dict[str, Any]) -> None:
        self.name.setText(value.get("name", ""))
        side = self.side.findData(value.get("side", "government"))
        self.side.setCurrentIndex(max(side, 0))
        self.title.setText(value.get("title", ""))
        self.account_id = value.get("account_id")
        self._account_name = value.get("name", "") if self.account_id else ""

    def value(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "side": self.side.currentData(),
            "title": self.title.text(),
            "account_id": self.account_id,
        }

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.title.text().strip()

    def to_input(self) -> ParticipantInput:
        return ParticipantInput(
            self.name.text(), self.side.currentData(), self.title.text(), self.account_id
        )

    def focus_chain(self) -> list[QWidget]:
        return [self.name, self.side, self.title]

    def mark_invalid(self, invalid: bool) -> None:
        set_invalid(self.name, invalid)


class CategoryCombo(QComboBox):
    """The category list, with type-ahead on pinyin: "rz" picks 融资, "yg" 用工/人才."""

    def __init__(self, categories: list[CategoryInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("请选择类别"), None)
        self._keys: list[tuple[int, str, str]] = []
        for n, c in enumerate(categories, 1):
            self.addItem(c.name, c.id)
            self._keys.append((n, *pinyin_keys(c.name)))
        self.setMaxVisibleItems(len(categories) + 1)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(7)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        self.setToolTip(self.tr("可输入拼音首字母快速选择，如 rz＝融资，tq＝拖欠账款"))
        self._typed = ""
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(1000)
        self._reset.timeout.connect(self._clear_typed)

    def _clear_typed(self) -> None:
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and len(text) == 1 and text.isascii() and text.isalpha():
            self._typed += text
            self._reset.start()
            for pick in (self._typed, text):
                match = next(
                    (
                        n
                        for n, ini, full in self._keys
                        if ini.startswith(pick) or full.startswith(pick)
                    ),
                    None,
                )
                if match is not None:
                    self._typed = pick
                    self.setCurrentIndex(match)
                    break
            return
        super().keyPressEvent(event)


class DemandRow(QWidget):
    """Kind, category, text and urgency of one demand, and what its category's rule proposes."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self,
        categories: list[CategoryInfo],
        propose: Callable[[str], RoutingProposal | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.propose = propose
        self.kind = QComboBox()
        for code, text in vocab.choices(DEMAND_KINDS):
            self.kind.addItem(text, code)
        self.category = CategoryCombo(categories)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("企业提出的问题，一句话写清"))
        self.title.setMaxLength(limits.max_length("demand", "title"))
        self.urgency = QComboBox()
        for code, text in vocab.choices(URGENCIES):
            self.urgency.addItem(text, code)
        self.remove = _remove_button(self.tr("删除此条诉求"))
        self.proposal = QLabel()
        self.proposal.setObjectName("muted")
        self.proposal.setWordWrap(True)
        self.proposal.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.number = QLabel()
        self.number.setObjectName("muted")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.number, 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(self.category, 0, 2)
        layout.addWidget(self.title, 0, 3)
        layout.addWidget(self.urgency, 0, 4)
        layout.addWidget(self.remove, 0, 5)
        layout.addWidget(self.proposal, 1, 1, 1, 5)
        layout.setColumnStretch(3, 1)
        self.kind.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.category.currentIndexChanged.connect(self._on_category)
        self.title.textEdited.connect(lambda _: self._edited())
        self.urgency.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._show_proposal()

    def set_number(self, n: int) -> None:
        self.number.setText(f"{n}.")

    def _edited(self) -> None:
        self.mark_invalid(False)
        self.changed.emit()

    def _on_category(self, _index: int) -> None:
        set_invalid(self.category, False)
        self._show_proposal()
        self.changed.emit()

    def _show_proposal(self) -> None:
        category_id = self.category.currentData()
        proposal = self.propose(category_id) if category_id else None
        if proposal is None:
            self.proposal.setText(self.tr("选择类别后显示牵头、责任单位和政策依据"))
            return
        parts = []
        if proposal.lead:
            parts.append(self.tr("牵头：") + "、".join(u.name for u in proposal.lead))
        if proposal.responsible:
            parts.append(self.tr("责任：") + "、".join(u.name for u in proposal.responsible))
        parts.append(self.tr("依据：") + proposal.basis)
        self.proposal.setText("；".join(parts))

    def set_value(self, value: dict[str, Any]) -> None:
        for combo, key in ((self.kind, "kind"), (self.urgency, "urgency")):
            combo.setCurrentIndex(max(combo.findData(value.get(key)), 0))
        found = self.category.findData(value.get("category_id"))
        self.category.setCurrentIndex(max(found, 0))
        self.title.setText(value.get("title", ""))

    def value(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "category_id": self.category.currentData(),
            "title": self.title.text(),
            "urgency": self.urgency.currentData(),
        }

    def is_blank(self) -> bool:
        return not self.title.text().strip() and self.category.currentData() is None

    def to_input(self) -> DemandInput:
        return DemandInput(
            category_id=self.category.currentData() or "",
            title=self.title.text(),
            kind=self.kind.currentData(),
            urgency=self.urgency.currentData(),
        )

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, self.category, self.title, self.urgency]

    def mark_invalid(self, invalid: bool) -> None:
        """Mark what is missing: the text and/or the category."""
        missing_title = not self.title.text().strip()
        missing_category = self.category.currentData() is None
        set_invalid(self.title, invalid and (missing_title or not missing_category))
        set_invalid(self.category, invalid and missing_category)
