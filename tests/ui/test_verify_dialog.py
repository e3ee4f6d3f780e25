"""核验销号单 dialog: a scanner's text, a typed code, a photo of the sheet, and nonsense."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.reports.closure_record import render_closure_record
from liaison.services.closure_marks import check_code, content_hash
from liaison.services.context import Actor
from liaison.services.report_data import closure_record
from liaison.ui.context import AppContext
from liaison.ui.main_window import MainWindow
from liaison.ui.verify_dialog import VerifyDialog
from tests.builders import closed_demand
from tests.conftest import Cast


def _dialog(qtbot: QtBot, ctx: AppContext) -> VerifyDialog:
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_scanner_types_the_qr_and_enter(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    tmp_path: Path,
) -> None:
    d = closed_demand(db, cast)
    pdf = render_closure_record(db, d, tmp_path / "sheet.pdf")
    metadata = PdfReader(pdf).metadata
    assert metadata is not None
    dialog = _dialog(qtbot, make_ctx(cast.cadre))  # any role may verify
    qtbot.keyClicks(dialog.code, metadata.subject)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.verdict_label.text().startswith("✔ 核验通过")
    record = closure_record(db, d)
    assert dialog.fields["serial"].text() == record.serial
    assert dialog.fields["enterprise"].text() == record.enterprise
    assert dialog.fields["state"].text() == "已销号"
    dialog.grab().save(str(tmp_path / "verify_ok.png"))


def test_typed_code_wrong_code_and_nonsense(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
) -> None:
    d = closed_demand(db, cast)
    record = closure_record(db, d)
    code = check_code(content_hash(record))
    dialog = _dialog(qtbot, make_ctx(cast.supervisor))
    dialog.code.setText(f"{record.serial} {code}")
    dialog.check_button.click()
    assert "核验通过" in dialog.verdict_label.text()
    dialog.code.setText(f"{record.serial} {'0000-0000-0000-0000'}")
    dialog.check_button.click()
    assert "核验未通过" in dialog.verdict_label.text()
    assert "校验码与系统记录不一致" in dialog.verdict_label.text()
    dialog.code.setText("随便写的")
    dialog.check_button.click()
    assert "无法识别的核验码" in dialog.verdict_label.text()
    assert dialog.fields["serial"].text() == ""  # no stale answer under a new question
    dialog.code.clear()
    dialog.check_button.click()
    assert "请先扫描" in dialog.verdict_label.text()


def test_a_photo_of_the_sheet(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: Callable[[Actor], AppContext],
    tmp_path: Path,
) -> None:
    d = closed_demand(db, cast)
    pdf = render_closure_record(db, d, tmp_path / "sheet.pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "scan")],
        check=True,
    )
    dialog = _dialog(qtbot, make_ctx(cast.finance_handler))
    dialog.check_image(str(tmp_path / "scan.png"))
    assert "核验通过" in dialog.verdict_label.text()
    (tmp_path / "not-a-picture.png").write_text("x")
    dialog.check_image(str(tmp_path / "not-a-picture.png"))
    assert "无法读取图片" in dialog.verdict_label.text()


def test_every_role_finds_it_in_the_tools_menu(
    qtbot: QtBot, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    for who in ("admin", "supervisor", "cadre", "street_staff", "finance_handler"):
        window = MainWindow(make_ctx(getattr(cast, who)))
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert "工具(&T)" in titles, who
        tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "工具(&T)")
        assert isinstance(tools, QMenu)
        assert [a.text() for a in tools.actions()] == ["核验销号单…"], who
