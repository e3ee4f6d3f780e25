"""帮助 → 关于: the version, the build and the licences of the bundled parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from liaison.services.context import Actor
from liaison.ui.about_dialog import AboutDialog
from liaison.ui.context import AppContext
from liaison.version import BuildInfo
from tests.conftest import Cast


def test_about_names_the_build_and_the_licences(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    dialog = AboutDialog(info=BuildInfo("0.1.0", "2026-12-07", "abc1234"))
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == "版本 0.1.0 · 构建于 2026-12-07 · 提交 abc1234"
    text = dialog.notices.toPlainText()
    assert "PySide6" in text and "LGPL-3.0-only" in text and "WenQuanYi" in text
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "about.png"))
    source = AboutDialog(info=BuildInfo("0.1.0", None, None))
    qtbot.addWidget(source)
    assert source.version_label.text() == "版本 0.1.0 · 源代码运行 · 提交 未知"


def test_the_help_menu_offers_it_to_every_role(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    from liaison.ui.main_window import MainWindow

    for who in ("admin", "cadre", "finance_handler"):
        window = MainWindow(make_ctx(getattr(cast, who)))
        qtbot.addWidget(window)
        menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
        assert isinstance(menu, QMenu)
        assert [a.text() for a in menu.actions()] == ["关于 Liaison…"], who
