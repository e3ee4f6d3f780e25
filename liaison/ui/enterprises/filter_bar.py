"""The search box and filters above the enterprise list; remembers the filters in QSettings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from liaison.domain.vocab import SCALES, TAGS
from liaison.services.reference_lists import StreetInfo
from liaison.ui import vocab

DEBOUNCE_MS = 20
"""Short: a search costs about 1 ms and runs off the GUI thread (stale answers are dropped),
so the list can follow every keystroke; the pause only merges bursts (paste, input method)."""
ANY = ""
"""Item data of the “全部…” choices. Not None: PySide6 6.12 drops a reference to None each
time currentData() returns an empty QVariant, and Python aborts once None's count hits 0."""
SETTINGS_GROUP = "enterprises/filter"


@dataclass(frozen=True)
class FilterState:
    """What the bar asks for (the screen turns it into an EnterpriseFilter)."""

    text: str = ""
    street_id: str | None = None
    tag: str | None = None
    scale: str | None = None
    mine: bool = False
    unvisited: bool = False

    @property
    def narrows(self) -> bool:
        """Whether anything but the whole register is asked for."""
        return bool(
            self.text.strip()
            or self.street_id
            or self.tag
            or self.scale
            or self.mine
            or self.unvisited
        )


class _SearchBox(QLineEdit):
    """Down or Enter hands the keyboard to the list."""

    go_to_list = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_to_list.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Emits `filter_changed` DEBOUNCE_MS after the last keystroke; other filters at once."""

    filter_changed = Signal()

    def __init__(self, *, show_mine: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = _SearchBox()
        self.search.setObjectName("enterpriseSearch")
        self.search.setPlaceholderText(self.tr("搜索企业名称、拼音首字母或统一社会信用代码"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.street = QComboBox()
        self.street.setMinimumContentsLength(6)
        self.tag = QComboBox()
        self.tag.addItem(self.tr("全部标签"), ANY)
        for tag, text in vocab.choices(TAGS):
            self.tag.addItem(text, tag)
        self.scale = QComboBox()
        self.scale.addItem(self.tr("全部规模"), ANY)
        for code, text in vocab.choices(SCALES):
            self.scale.addItem(text, code)
        for combo in (self.tag, self.scale):
            # as wide as a short entry (the English tag names are long); the list shows all
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self.mine = QCheckBox(self.tr("我包联的"))
        self.mine.setVisible(show_mine)
        self.show_mine = show_mine
        self.unvisited = QCheckBox(self.tr("本季度未走访"))
        self.unvisited.setToolTip(self.tr("本季度第一天以来没有走访记录的企业"))
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear)
        policy = self.clear_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the row must not jump when it appears
        self.clear_button.setSizePolicy(policy)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.pending_street: str | None = None
        """A remembered street to choose once the streets are loaded."""

        self.set_streets([])
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        for combo in (self.street, self.tag, self.scale):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        for box in (self.mine, self.unvisited):
            box.toggled.connect(lambda _on: self._emit())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for w in (self.street, self.tag, self.scale, self.mine, self.unvisited, self.clear_button):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.count)
        self._update_clear_button()

    # --- state ---------------------------------------------------------------------------

    def state(self) -> FilterState:
        return FilterState(
            text=self.search.text().strip(),
            street_id=self.street.currentData() or None,
            tag=self.tag.currentData() or None,
            scale=self.scale.currentData() or None,
            mine=self.show_mine and self.mine.isChecked(),
            unvisited=self.unvisited.isChecked(),
        )

    def set_streets(self, streets: list[StreetInfo]) -> None:
        """Fill the street choice, keeping the current one if it still exists."""
        current = self.street.currentData() or self.pending_street
        self.street.blockSignals(True)
        self.street.clear()
        self.street.addItem(self.tr("全部街镇"), ANY)
        for s in streets:
            self.street.addItem(s.name, s.id)
        index = self.street.findData(current) if current else 0
        self.street.setCurrentIndex(max(index, 0))
        self.pending_street = None if index > 0 or not streets else current
        self.street.blockSignals(False)

    def set_count(self, text: str) -> None:
        self.count.setText(text)

    def clear(self) -> None:
        """Back to the whole register (one query, not one per widget)."""
        self._set_quietly(FilterState())
        self._emit()

    def _set_quietly(self, state: FilterState) -> None:
        widgets = (self.search, self.street, self.tag, self.scale, self.mine, self.unvisited)
        for w in widgets:
            w.blockSignals(True)
        self.search.setText(state.text)
        for combo, value in (
            (self.street, state.street_id),
            (self.tag, state.tag),
            (self.scale, state.scale),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        self.pending_street = state.street_id if not self.street.currentData() else None
        self.mine.setChecked(state.mine)
        self.unvisited.setChecked(state.unvisited)
        for w in widgets:
            w.blockSignals(False)
        self._update_clear_button()

    def _emit(self) -> None:
        self.debounce.stop()
        self._update_clear_button()
        self.filter_changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setVisible(self.state().narrows)

    # --- remembered between sessions (the search text is not) ---------------------------

    def save(self, settings: QSettings) -> None:
        state = self.state()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("street", state.street_id or "")
        settings.setValue("tag", state.tag or "")
        settings.setValue("scale", state.scale or "")
        settings.setValue("mine", state.mine)
        settings.setValue("unvisited", state.unvisited)
        settings.endGroup()

    def restore(self, settings: QSettings, default_street: str | None = None) -> None:
        settings.beginGroup(SETTINGS_GROUP)
        known = settings.contains("street")
        street = str(settings.value("street", "") or "") if known else (default_street or "")
        state = FilterState(
            street_id=street or None,
            tag=str(settings.value("tag", "") or "") or None,
            scale=str(settings.value("scale", "") or "") or None,
            mine=_as_bool(settings.value("mine", False)),
            unvisited=_as_bool(settings.value("unvisited", False)),
        )
        settings.endGroup()
        self._set_quietly(state)


def _as_bool(value: object) -> bool:
    # QSettings' INI backend gives "true"/"false" strings back.
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)
