"""Print preview and printing of a closure record: QtPdf shows it, QPrinter prints every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.reports.closure_record import render_closure_record
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.print_preview import PdfPreviewDialog, fitted_size, print_pdf
from liaison.ui.visits.screen import VisitsScreen
from tests.builders import closed_demand
from tests.conftest import Cast, log_demands


def test_preview_shows_the_pages_and_printing_prints_them_all(
    qtbot: QtBot, db: Database, cast: Cast, tmp_path: Path
) -> None:
    pdf = render_closure_record(db, closed_demand(db, cast, notes=30), tmp_path / "closure.pdf")
    dialog = PdfPreviewDialog(pdf, "诉求办结销号单")
    qtbot.addWidget(dialog)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    pages = dialog.document.pageCount()
    assert pages >= 2

    printed = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter) -> bool:  # the print dialog's seam: print to a PDF file
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    dialog.ask_printer = to_file
    assert dialog.print_document() == pages
    assert len(PdfReader(printed).pages) == pages


def _images(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image painted on the pages of `pdf`."""
    found = []
    for page in PdfReader(pdf).pages:
        for image in page.images:
            assert image.image is not None
            found.append(image.image.size)
    return found


@pytest.mark.parametrize(("printer_dpi", "expected_dpi"), [(1200, 300), (600, 300), (150, 150)])
def test_pages_are_rasterised_at_most_at_300_dpi(
    qtbot: QtBot, db: Database, cast: Cast, tmp_path: Path, printer_dpi: int, expected_dpi: int
) -> None:
    """A 1,200 dpi printer used to get a 1,200 dpi raster (1.5 GB, 8 s a page); now at most
    300 dpi, and below that the printer's own resolution."""
    pdf = render_closure_record(db, closed_demand(db, cast, notes=30), tmp_path / "closure.pdf")
    document = QPdfDocument()
    document.load(str(pdf))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(printer_dpi)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_pdf(document, printer) == document.pageCount()
    sizes = _images(printed)
    assert len(sizes) == document.pageCount()
    a4 = (round(595.28 / 72 * expected_dpi), round(841.89 / 72 * expected_dpi))
    for width, height in sizes:
        assert abs(width - a4[0]) <= 2 and abs(height - a4[1]) <= 2, (width, height)


def test_the_preview_fits_a_laptop_screen(
    qtbot: QtBot, db: Database, cast: Cast, tmp_path: Path
) -> None:
    """On a 768-high screen 打印 and 另存为 stay above the screen's edge."""
    pdf = render_closure_record(db, closed_demand(db, cast, notes=30), tmp_path / "closure.pdf")
    dialog = PdfPreviewDialog(pdf, "诉求办结销号单")
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= room.height() - 48 and dialog.width() <= room.width() - 24
    assert fitted_size(QSize(900, 1000), None) == QSize(900, 1000).boundedTo(
        room.size() - QSize(24, 48)
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [
        b for b in dialog.findChildren(QPushButton) if b.text().startswith(("打印", "另存为"))
    ]
    assert len(buttons) == 2
    for button in buttons:
        bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
        assert bottom < dialog.height()


def test_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot, db: Database, cast: Cast, tmp_path: Path
) -> None:
    pdf = render_closure_record(db, closed_demand(db, cast, notes=30), tmp_path / "closure.pdf")
    dialog = PdfPreviewDialog(pdf, "诉求办结销号单")
    qtbot.addWidget(dialog)
    dialog.ask_printer = lambda printer: False
    assert dialog.print_document() == 0


def test_visits_screen_prints_the_selected_visit(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log_demands(db, cast, "申请流动资金贷款贴息")
    screen = VisitsScreen(make_ctx(cast.cadre))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh_now()
    shown: list[str] = []
    monkeypatch.setattr("liaison.ui.dialogs.show_info", lambda parent, text: shown.append(text))
    screen.print_visit_record()  # nothing selected yet: says what to do
    assert shown and "选择" in shown[0]
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)

    def preview() -> PdfPreviewDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
        return found[-1] if found else None

    qtbot.waitUntil(lambda: (shown := preview()) is not None and shown.isVisible(), timeout=10000)
    dialog = preview()
    assert dialog is not None and dialog.document.pageCount() == 1
    text = "".join(p.extract_text() for p in PdfReader(dialog.pdf_path).pages)
    assert "企业走访记录表" in text and "重庆江北嘉陵机械有限公司" in text
    dialog.close()


def test_the_detail_names_what_its_print_button_prints(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    from liaison.ui.demands.detail import DemandDetailPanel

    closed = closed_demand(db, cast, notes=30)
    open_one = log_demands(db, cast, "申请贷款贴息")[0]
    panel = DemandDetailPanel(make_ctx(cast.supervisor))
    qtbot.addWidget(panel)
    panel.show_demand(closed)
    assert panel.print_button.text() == "打印销号单"
    panel.show_demand(open_one)
    assert panel.print_button.text() == "打印办理情况"
    assert "不是办结凭证" in panel.print_button.toolTip()
