"""Print preview of a record's PDF (QtPdf), printing (QPrinter) and saving a copy."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.ui.dialogs import show_error
from liaison.ui.ops import run_in_background


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` onto `printer`, scaled to the page; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, size)
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            scaled = image.scaled(
                target.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.drawImage(QPointF(0, 0), scaled, QRect(0, 0, scaled.width(), scaled.height()))
        return document.pageCount()
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    """Shows a PDF page by page; 打印 sends it to a printer, 另存为 keeps a copy."""

    def __init__(self, pdf_path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = pdf_path
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf_path))
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

    def _ask_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ask_printer(printer):
            return 0
        return print_pdf(self.document, printer)

    def save_copy(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), self.pdf_path.name, self.tr("PDF 文件 (*.pdf)")
        )
        if target:
            shutil.copyfile(self.pdf_path, target)


def preview_record(
    parent: QWidget,
    db: Database,
    render: Callable[[Database, str, Path], Path],
    record_id: str,
    title: str,
) -> None:
    """Render a record off the GUI thread into a temporary PDF, then open the preview."""
    folder = Path(tempfile.mkdtemp(prefix="liaison-print-"))
    out = folder / f"{record_id}.pdf"

    def done(path: object) -> None:
        assert isinstance(path, Path)
        dialog = PdfPreviewDialog(path, title, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def failed(exc: Exception) -> None:
        show_error(parent, str(exc))

    run_in_background(
        parent,
        lambda: render(db, record_id, out),
        done,
        failed,
        label=QCoreApplication.translate("PdfPreviewDialog", "正在生成打印文件…"),
    )
