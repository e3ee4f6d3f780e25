"""Editing an enterprise's contacts inside the enterprise dialog: a small editable table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison.services import limits
from liaison.services.enterprises import ContactInfo, ContactInput

NAME, TITLE, PHONE, PRIMARY = range(4)
COLUMNS = {NAME: "name", TITLE: "title", PHONE: "phone"}


class _Capped(QStyledItemDelegate):
    """Each cell's editor takes no more than its column in the contact table."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        column = COLUMNS.get(index.column())
        if isinstance(editor, QLineEdit) and column:
            editor.setMaxLength(limits.max_length("contact", column))
        return editor


class ContactsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("contactsTable")
        self.table.setItemDelegate(_Capped(self.table))
        self.table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("职务"), self.tr("电话"), self.tr("主要联系人")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PRIMARY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.fontMetrics().height() * 5)
        self.table.setMaximumHeight(self.fontMetrics().height() * 9)
        self.add_button = QPushButton(self.tr("添加联系人"))
        self.add_button.clicked.connect(self._add_empty_row)
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_contacts(self, contacts: tuple[ContactInfo, ...] | tuple[ContactInput, ...]) -> None:
        self.table.setRowCount(0)
        for c in contacts:
            self.add_row(c.name, c.title, c.phone, c.is_primary, edit=False)

    def add_row(
        self,
        name: str = "",
        title: str = "",
        phone: str = "",
        primary: bool = False,
        *,
        edit: bool = True,
    ) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((NAME, name), (TITLE, title), (PHONE, phone)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if primary else Qt.CheckState.Unchecked)
        self.table.setItem(row, PRIMARY, check)
        if edit:
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))  # type: ignore[arg-type]

    def _add_empty_row(self) -> None:
        self.add_row()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def contacts(self) -> tuple[ContactInput, ...]:
        """The rows typed, leaving out rows left completely empty."""
        out = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, c) for c in (NAME, TITLE, PHONE)]
            if not any(texts):
                continue
            check = self.table.item(row, PRIMARY)
            primary = check is not None and check.checkState() == Qt.CheckState.Checked
            out.append(ContactInput(texts[0], texts[1], texts[2], primary))
        return tuple(out)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
