"""Print preview of a record's or a report's PDF (QtPdf), printing (QPrinter), saving a copy,
and exporting a report to a chosen .xlsx; the files are made off the GUI thread."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.ui import dialogs
from liaison.ui.ops import run_in_background

PRINT_DPI_CAP = 300
"""Pages are rasterised at the printer's resolution up to this: 300 dpi is sharper than the
10.5 pt text needs, and a 1,200 dpi A4 raster (about 140 MB a page, seconds to paint) gains
nothing on paper (bench/RESULTS.md, printing)."""


def print_pdf(
    document: QPdfDocument, printer: QPrinter, max_dpi: int | None = PRINT_DPI_CAP
) -> int:
    """Paint every page of `document` onto `printer`, page by page, fitted to the printable
    area; each page is rasterised at the printer's resolution capped at `max_dpi` (None: no
    cap) and scaled up by the printer. Returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution() if max_dpi is None else min(printer.resolution(), max_dpi)
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, size)
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(
                QRectF(0, 0, size.width() * scale, size.height() * scale), image, image.rect()
            )
            del image  # one page in memory at a time
        return document.pageCount()
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    """Shows a PDF page by page; 打印 sends it to a printer, 另存为 keeps a copy."""

    def __init__(self, pdf_path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = pdf_path
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf_path))
        self.landscape = self._is_landscape()
        self.resize(fitted_size(QSize(1180, 860) if self.landscape else QSize(900, 1000), parent))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(self.tr("共 {n} 页").format(n=self.document.pageCount()))
        pages.setObjectName("muted")
        print_button = QPushButton(self.tr("打印…"))
        print_button.setObjectName("primary")
        print_button.clicked.connect(self.print_document)
        save_button = QPushButton(self.tr("另存为 PDF…"))
        save_button.clicked.connect(self.save_copy)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(pages)
        bar.addStretch(1)
        for b in (print_button, save_button, close_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.ask_printer: Callable[[QPrinter], bool] = self._ask_printer

    def _is_landscape(self) -> bool:
        if self.document.pageCount() == 0:
            return False
        size = self.document.pagePointSize(0)
        return size.width() > size.height()

    def _ask_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.landscape:  # 台账 and 通报 are A4 landscape
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if not self.ask_printer(printer):
            return 0
        return print_pdf(self.document, printer)

    def save_copy(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), self.pdf_path.name, self.tr("PDF 文件 (*.pdf)")
        )
        if target:
            shutil.copyfile(self.pdf_path, target)


def fitted_size(wanted: QSize, near: QWidget | None) -> QSize:
    """`wanted`, shrunk to fit the available area of the screen `near` is on (a 1366×768
    laptop leaves about 1366×728): the dialog's buttons stay on the screen."""
    screen = near.screen() if near is not None else QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(24, 48)  # frame and title bar
    return wanted.boundedTo(room)


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The file the person chooses to save to ("" when cancelled); tests replace it."""
    target, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return target


def _t(text: str) -> str:
    return QCoreApplication.translate("PdfPreviewDialog", text)


def preview_pdf(
    parent: QWidget, render: Callable[[Path], Path], title: str, file_name: str
) -> None:
    """Run `render(path)` off the GUI thread into a temporary PDF, then open the preview.
    A refusal (DomainError, e.g. a ledger over the PDF cap) is shown as a message."""
    folder = Path(tempfile.mkdtemp(prefix="liaison-print-"))
    out = folder / file_name

    def done(path: object) -> None:
        assert isinstance(path, Path)
        dialog = PdfPreviewDialog(path, title, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def failed(exc: Exception) -> None:
        dialogs.show_error(parent, exc)

    run_in_background(parent, lambda: render(out), done, failed, label=_t("正在生成打印文件…"))


def export_xlsx(
    parent: QWidget,
    render: Callable[[Path], Path],
    suggested: str,
    on_done: Callable[[Path], None] | None = None,
) -> None:
    """Ask where to save, then run `render(path)` off the GUI thread and say where it went."""
    target = ask_save_path(parent, _t("导出 Excel"), suggested, _t("Excel 工作簿 (*.xlsx)"))
    if not target:
        return
    path = Path(target)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")

    def done(written: object) -> None:
        assert isinstance(written, Path)
        if on_done is not None:
            on_done(written)
        dialogs.show_info(parent, _t("已导出：{path}").format(path=str(written)))

    def failed(exc: Exception) -> None:
        dialogs.show_error(parent, exc)

    run_in_background(parent, lambda: render(path), done, failed, label=_t("正在导出 Excel…"))


def preview_record(
    parent: QWidget,
    db: Database,
    render: Callable[[Database, str, Path], Path],
    record_id: str,
    title: str,
) -> None:
    """Render a record off the GUI thread into a temporary PDF, then open the preview."""
    preview_pdf(parent, lambda out: render(db, record_id, out), title, f"{record_id}.pdf")


class ReportDialog(QDialog):
    """Options of a report (period, month…) above 打印预览 / 导出 Excel. Subclasses fill
    `form` and implement `pdf_job` and `xlsx_job`; both return None after showing why not."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.preview_button = QPushButton(_t("打印预览…"))
        self.preview_button.setObjectName("primary")
        self.preview_button.clicked.connect(self.preview)
        self.export_button = QPushButton(_t("导出 Excel…"))
        self.export_button.clicked.connect(self.export)
        close_button = QPushButton(_t("关闭"))
        close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for b in (self.preview_button, self.export_button, close_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addLayout(bar)

    def pdf_job(self) -> tuple[Callable[[Path], Path], str, str] | None:
        """(render to a path, preview title, file name)."""
        raise NotImplementedError

    def xlsx_job(self) -> tuple[Callable[[Path], Path], str] | None:
        """(render to a path, suggested file name)."""
        raise NotImplementedError

    def preview(self) -> None:
        job = self.pdf_job()
        if job is None:
            return
        render, title, name = job
        owner = self.parentWidget() or self
        self.accept()
        preview_pdf(owner, render, title, name)

    def export(self) -> None:
        job = self.xlsx_job()
        if job is None:
            return
        render, suggested = job
        owner = self.parentWidget() or self
        self.accept()
        export_xlsx(owner, render, suggested)


class BulletinDialog(ReportDialog):
    """打印通报: the month's 通报 as a print preview or .xlsx."""

    def __init__(
        self,
        db: Database,
        month: date,
        parent: QWidget,
        render: Callable[[Database, str, Path], Path] | None = None,
    ) -> None:
        super().__init__(self.tr("打印月度通报"), parent)
        from liaison.reports.bulletin import render_bulletin

        self.db = db
        self.render_report: Callable[[Database, str, Path], Path] = render or render_bulletin
        self.month_edit = QDateEdit(QDate(month.year, month.month, 1))
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setMaximumWidth(140)
        self.form.addRow(self.tr("月份"), self.month_edit)
        self.note.setText(
            self.tr(
                "通报的指标与“统计”页按部门、按街镇的本月数字一致；PDF 的超期清单列出超期最久的 "
                "50 项，Excel 列出全部。"
            )
        )

    def month(self) -> str:
        day = self.month_edit.date()
        return f"{day.year():04d}-{day.month():02d}"

    def _job(self, suffix: str) -> tuple[Callable[[Path], Path], str]:
        db, render, month = self.db, self.render_report, self.month()
        return (lambda out: render(db, month, out)), self.tr("月度通报") + f"_{month}{suffix}"

    def pdf_job(self) -> tuple[Callable[[Path], Path], str, str] | None:
        render, name = self._job(".pdf")
        return render, self.tr("月度通报"), name

    def xlsx_job(self) -> tuple[Callable[[Path], Path], str] | None:
        return self._job(".xlsx")
