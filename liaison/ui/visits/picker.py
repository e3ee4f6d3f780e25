"""EnterprisePicker: a line edit that finds an enterprise as you type and picks it by keyboard.

Typing (Chinese through the input method, pinyin initials or a code prefix) searches after a
short pause with the enterprise list's own search; a popup under the box lists name, code,
street and cadres. ↑/↓ move, Enter picks, Esc closes. With a `scope` (a cadre's assigned
enterprises, a street) the search stays inside it; an empty box suggests a cadre's own
enterprises.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.domain.roles import Role
from liaison.services.context import Actor
from liaison.services.enterprise_list import (
    EnterpriseFilter,
    EnterpriseRow,
    enterprise_ids,
    enterprise_rows,
)
from liaison.services.enterprises import search_enterprises
from liaison.ui.table_model import Column, IdTableModel

SUGGESTIONS = 50
DEBOUNCE_MS = 150
ROW_HEIGHT = 26
VISIBLE_ROWS = 8


def scope_for(actor: Actor) -> EnterpriseFilter | None:
    """Cadres pick among the enterprises they look after, street staff in their street."""
    if actor.role is Role.CADRE:
        return EnterpriseFilter(assigned_to=actor.account_id)
    if actor.role is Role.STREET_STAFF and actor.street_id:
        return EnterpriseFilter(street_id=actor.street_id)
    return None


class _Popup(QFrame):
    """The floating list: a tool-tip window, so the line edit keeps the keyboard focus."""

    def __init__(self, model: IdTableModel[EnterpriseRow], parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("pickerPopup")
        self.setStyleSheet("QFrame#pickerPopup { background: white; border: 1px solid #9fb5cf; }")
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setVisible(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 170), (2, 100), (3, 90)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        self.footer = QLabel()
        self.footer.setObjectName("muted")
        self.footer.setContentsMargins(6, 2, 6, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.view)
        layout.addWidget(self.footer)


class EnterprisePicker(QLineEdit):
    """Choose one enterprise. `enterprise_id` is set only once a row has been picked."""

    enterprise_chosen = Signal(str)
    enterprise_cleared = Signal()

    def __init__(
        self,
        db: Database,
        scope: EnterpriseFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.scope = scope
        self.enterprise_id: str | None = None
        self.chosen: EnterpriseRow | None = None
        self.setPlaceholderText(self.tr("输入企业名称、拼音首字母或统一社会信用代码，↓ 选择"))
        self.setClearButtonEnabled(True)
        self.model: IdTableModel[EnterpriseRow] = IdTableModel(
            [
                Column(self.tr("企业名称"), lambda r: r.name),
                Column(self.tr("统一社会信用代码"), lambda r: r.uscc),
                Column(self.tr("街镇"), lambda r: r.street),
                Column(self.tr("包联干部"), lambda r: r.cadres),
            ],
            lambda ids: enterprise_rows(db, ids),
            page_size=SUGGESTIONS,
        )
        self.popup = _Popup(self.model, self)
        self.popup.view.clicked.connect(lambda index: self.choose_row(index.row()))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_edited)

    # --- choosing ---------------------------------------------------------------------------

    def set_enterprise(self, enterprise_id: str | None) -> None:
        """Show an enterprise as picked (from a draft, or 登记走访 on an enterprise)."""
        self.hide_popup()
        if not enterprise_id:
            self.clear_choice()
            self.setText("")
            return
        row = enterprise_rows(self.db, [enterprise_id]).get(enterprise_id)
        if row is None:
            self.clear_choice()
            return
        self._pick(row)

    def choose_row(self, row: int) -> bool:
        picked = self.model.row_of(row)
        if picked is None:
            return False
        self._pick(picked)
        return True

    def _pick(self, row: EnterpriseRow) -> None:
        self.enterprise_id = row.id
        self.chosen = row
        self.setText(row.name)
        self.hide_popup()
        self.enterprise_chosen.emit(row.id)

    def clear_choice(self) -> None:
        had = self.enterprise_id is not None
        self.enterprise_id = None
        self.chosen = None
        if had:
            self.enterprise_cleared.emit()

    def _on_edited(self, _text: str) -> None:
        self.clear_choice()
        self.timer.start()

    # --- searching --------------------------------------------------------------------------

    def search_now(self) -> None:
        """Fill the popup for the current text (called by the debounce timer)."""
        self.timer.stop()
        text = self.text().strip()
        if self.scope is not None and (text or self.scope.assigned_to):
            # An empty box suggests a cadre's own enterprises (a few dozen); a whole street
            # (30,000) is no suggestion, so street staff start typing.
            ids = enterprise_ids(self.db, replace(self.scope, text=text)).ids[:SUGGESTIONS]
        elif text:
            ids = search_enterprises(self.db, text, limit=SUGGESTIONS).enterprise_ids
        else:
            self.hide_popup()
            return
        self.model.set_ids(ids)
        if ids:
            self.popup.view.selectRow(0)
            self.popup.footer.setText(self._footer(text, len(ids)))
        else:
            self.popup.footer.setText(self._empty_note(text))
        self.show_popup()

    def _footer(self, text: str, shown: int) -> str:
        more = self.tr("（仅列出前 {n} 家，继续输入可缩小范围）").format(n=shown)
        if not text and self.scope is not None:
            return self.tr("您包联的企业") + (more if shown >= SUGGESTIONS else "")
        return self.tr("↑↓ 选择，Enter 确定，Esc 关闭") + (more if shown >= SUGGESTIONS else "")

    def _empty_note(self, text: str) -> str:
        if self.scope is not None and self.scope.assigned_to:
            return self.tr("在您包联的企业中没有找到“{t}”").format(t=text)
        if self.scope is not None:
            return self.tr("在本街镇的企业中没有找到“{t}”").format(t=text)
        return self.tr("没有找到“{t}”").format(t=text)

    # --- popup ------------------------------------------------------------------------------

    def show_popup(self) -> None:
        rows = min(max(self.model.rowCount(), 1), VISIBLE_ROWS)
        view_height = rows * ROW_HEIGHT + 4 if self.model.rowCount() else 0
        self.popup.view.setVisible(self.model.rowCount() > 0)
        self.popup.view.setFixedHeight(view_height)
        footer = self.popup.footer.sizeHint().height()
        width = max(self.width(), 620)
        self.popup.setFixedSize(width, view_height + footer + 2)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.raise_()

    def hide_popup(self) -> None:
        self.popup.hide()

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def current_row(self) -> int:
        index = self.popup.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = max(0, min(count - 1, self.current_row() + step))
        self.popup.view.selectRow(row)
        self.popup.view.scrollTo(self.model.index(row, 0))

    # --- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Down and plain:
            if self.popup_visible():
                self._move(1)
            else:
                self.search_now()
            return
        if key == Qt.Key.Key_Up and plain and self.popup_visible():
            self._move(-1)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.popup_visible():
            self._move(VISIBLE_ROWS if key == Qt.Key.Key_PageDown else -VISIBLE_ROWS)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self.popup_visible():
            if self.timer.isActive():
                self.search_now()
            if self.choose_row(self.current_row()):
                self.focusNextChild()
                return
        if key == Qt.Key.Key_Escape and self.popup_visible():
            self.hide_popup()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.hide_popup()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.hide_popup()
        super().hideEvent(event)
