"""The import dialog: choose a workbook, see what importing would do row by row, then import.

The preview and the import both run off the GUI thread (`run_in_background`); the dialog shows
a failure (an unreadable file, a permission problem) as one line and changes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison.domain.errors import DomainError
from liaison.imports import (
    ImportPreview,
    ImportResult,
    RowResult,
    RowStatus,
    import_assignments,
    import_enterprises,
    preview_assignments,
    preview_enterprises,
)
from liaison.ui.context import ACCOUNT, ENTERPRISE, AppContext
from liaison.ui.core_text import tr_core
from liaison.ui.ops import run_in_background
from liaison.ui.style import ACCENT
from liaison.ui.table_model import Column, ListTableModel

ImportKind = Literal["enterprises", "assignments"]

STATUS_COLORS: dict[RowStatus, str] = {
    RowStatus.ERROR: "#c0392b",
    RowStatus.UPDATE: ACCENT,
    RowStatus.NEW: "#2e7d32",
    RowStatus.UNCHANGED: "#8a949e",
    RowStatus.HIDDEN: "#8a949e",
}


class ImportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, kind: ImportKind = "enterprises", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind: ImportKind = kind
        self.choose_file: Callable[[], Path | None] = self._ask_for_file
        """Seam: tests replace the file chooser."""
        self.choose_export_path: Callable[[], Path | None] = self._ask_for_export_path
        """Seam: tests replace the save-as chooser of 导出问题行."""
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.busy = False
        self._generation = 0

        if kind == "enterprises":
            self.setWindowTitle(self.tr("导入企业名录"))
            heading = QLabel(self.tr("导入企业名录"))
        else:
            self.setWindowTitle(self.tr("导入包联名单"))
            heading = QLabel(self.tr("导入包联名单"))
        heading.setObjectName("dialogTitle")

        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.pick_file)
        self.file_label = QLabel(self.tr("请选择 Excel（.xlsx）或 CSV 文件"))
        self.file_label.setObjectName("muted")
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)

        self.header_label = QLabel()
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.ignored_label = QLabel()
        self.ignored_label.setObjectName("muted")
        self.ignored_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("sectionTitle")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.result_label = QLabel()
        self.result_label.setObjectName("sectionTitle")
        self.result_label.setWordWrap(True)

        self.problems_only = QCheckBox(self.tr("只看有问题的行"))
        self.problems_only.toggled.connect(self._show_rows)

        columns: list[Column[RowResult]] = [
            Column(self.tr("行号"), lambda r: str(r.row)),
            Column(self.tr("状态"), self.status_text, color=lambda r: STATUS_COLORS[r.status]),
            Column(self.tr("企业名称"), lambda r: r.name),
            Column(self.tr("统一社会信用代码"), lambda r: r.uscc),
        ]
        if kind == "assignments":
            columns.append(Column(self.tr("包联干部"), lambda r: r.cadre))
        columns.append(
            Column(
                self.tr("说明"),
                self.explanation,
                color=lambda r: (
                    STATUS_COLORS[RowStatus.ERROR] if r.status is RowStatus.ERROR else None
                ),
            )
        )
        self.model: ListTableModel[RowResult] = ListTableModel(columns, key=lambda r: str(r.row))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = [56, 64, 240, 170] + ([90] if kind == "assignments" else [])
        for i, width in enumerate(widths):
            self.table.setColumnWidth(i, width)

        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        self.export_button = QPushButton(self.tr("导出问题行…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(file_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.header_label)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.ignored_label)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts_label, 1)
        counts_row.addWidget(self.problems_only)
        layout.addLayout(counts_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(920, 620)
        self._show_preview()

    # --- texts ---------------------------------------------------------------------------

    def status_text(self, row: RowResult) -> str:
        if row.status is RowStatus.NEW:
            return self.tr("新增")
        if row.status is RowStatus.UPDATE:
            return self.tr("更新")
        if row.status is RowStatus.UNCHANGED:
            return self.tr("无变化")
        if row.status is RowStatus.HIDDEN:
            return self.tr("隐藏行")
        return self.tr("有问题")

    def explanation(self, row: RowResult) -> str:
        if row.status is RowStatus.ERROR:
            return row.message
        if row.status is RowStatus.HIDDEN:
            return tr_core(row.message)
        empty = self.tr("空")
        return "；".join(f"{c.label}：{c.old or empty} → {c.new or empty}" for c in row.changes)

    def importable(self) -> int:
        if self.preview is None:
            return 0
        return self.preview.new + self.preview.updated

    # --- choosing and previewing ---------------------------------------------------------

    def _ask_for_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的文件"),
            "",
            self.tr("Excel 或 CSV 文件 (*.xlsx *.csv)"),
        )
        return Path(name) if name else None

    def pick_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read `path` off the GUI thread and show what importing it would do."""
        self.path = path
        self.preview = None
        self.import_result = None
        self._generation += 1
        generation = self._generation
        self._set_error("")
        self.result_label.clear()
        self.file_label.setText(self.tr("文件：{name}（正在读取…）").format(name=path.name))
        self._show_preview()
        self._set_busy(True)
        db, actor, kind = self.ctx.db, self.ctx.actor, self.kind

        def work() -> ImportPreview:
            if kind == "enterprises":
                return preview_enterprises(db, path)
            return preview_assignments(db, path, actor)

        def done(preview: ImportPreview) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            self.preview = preview
            self.file_label.setText(self.tr("文件：{name}").format(name=path.name))
            self._show_preview()

        def failed(exc: Exception) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            self.file_label.setText(self.tr("文件：{name}").format(name=path.name))
            self._show_failure(exc)

        run_in_background(self, work, done, failed, action="preview_import")

    def _show_preview(self) -> None:
        p = self.preview
        for label in (self.header_label, self.columns_label, self.ignored_label):
            label.setVisible(p is not None)
        self.counts_label.setVisible(p is not None)
        self.problems_only.setVisible(p is not None)
        if p is None:
            self.model.set_rows([])
            self._update_import_button()
            return
        self.header_label.setText(self.tr("表头在第 {n} 行").format(n=p.header_row))
        self.columns_label.setText(
            self.tr("识别的列：{columns}").format(columns="、".join(p.columns) or "—")
        )
        self.ignored_label.setText(
            self.tr("不导入的列：{columns}").format(columns="、".join(p.ignored_columns) or "—")
        )
        self.counts_label.setText(
            self.tr("新增 {new} / 更新 {updated} / 无变化 {unchanged} / 有问题 {errors}").format(
                new=p.new, updated=p.updated, unchanged=p.unchanged, errors=p.errors
            )
        )
        self._show_rows()
        self._update_import_button()

    def _show_rows(self) -> None:
        rows: list[RowResult] = list(self.preview.rows) if self.preview is not None else []
        if self.problems_only.isChecked():
            rows = [r for r in rows if r.status is RowStatus.ERROR]
        self.model.set_rows(rows)

    def _update_import_button(self) -> None:
        n = self.importable()
        if n:
            self.import_button.setText(self.tr("导入 {n} 行").format(n=n))
        else:
            self.import_button.setText(self.tr("导入"))
        self.import_button.setEnabled(n > 0 and self.import_result is None and not self.busy)
        self.export_button.setEnabled(
            self.preview is not None and self.preview.errors > 0 and not self.busy
        )
        text_width = self.import_button.fontMetrics().horizontalAdvance(self.import_button.text())
        self.import_button.setMinimumWidth(max(96, text_width + 56))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choose_button.setEnabled(not busy)
        self._update_import_button()

    def _set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _show_failure(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._set_error(tr_core(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    # --- exporting the problem rows -----------------------------------------------------

    def _ask_for_export_path(self) -> Path | None:
        suggested = self.path.with_name(self.path.stem + "_问题行.csv") if self.path else Path()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出问题行"), str(suggested), self.tr("CSV 文件 (*.csv)")
        )
        return Path(name) if name else None

    def export_problems(self) -> None:
        """Write the error rows to a CSV (UTF-8 with BOM, for Excel) to fix and re-import."""
        if self.preview is None or not self.preview.errors:
            return
        target = self.choose_export_path()
        if target is None:
            return
        header = [
            self.tr("行号"),
            self.tr("企业名称"),
            self.tr("统一社会信用代码"),
            self.tr("说明"),
        ]
        try:
            with target.open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(header)
                for r in self.preview.error_rows:
                    writer.writerow([r.row, r.name, r.uscc, r.message])
        except OSError as exc:
            self._set_error(self.tr("无法保存文件：{reason}").format(reason=exc.strerror or exc))
            return
        self.result_label.setText(self.tr("问题行已导出到 {name}").format(name=target.name))

    # --- importing -----------------------------------------------------------------------

    def run_import(self) -> None:
        if self.path is None or self.importable() == 0 or self.busy:
            return
        path, db, actor, kind = self.path, self.ctx.db, self.ctx.actor, self.kind
        self._set_error("")
        self._set_busy(True)

        def work() -> ImportResult:
            if kind == "enterprises":
                return import_enterprises(db, actor, path)
            return import_assignments(db, actor, path)

        def done(result: ImportResult) -> None:
            self.import_result = result
            self._set_busy(False)
            self.result_label.setText(self.result_text(result))
            if kind == "assignments":
                self.ctx.hub.announce(ENTERPRISE, ACCOUNT)
            else:
                self.ctx.hub.announce(ENTERPRISE)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            self._show_failure(exc)

        run_in_background(
            self, work, done, failed, label=self.tr("正在导入…"), action="import_rows"
        )

    def result_text(self, result: ImportResult) -> str:
        text = self.tr("已导入：新增 {added}，更新 {updated}").format(
            added=result.added, updated=result.updated
        )
        if result.errors:
            text += self.tr("；有问题的 {n} 行未导入").format(n=result.errors)
        return text

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        if not self.busy:
            super().reject()
