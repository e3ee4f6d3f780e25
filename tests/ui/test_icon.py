"""The app's icon: drawn once as SVG, rendered to the PNGs and .ico the packages install."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from liaison.paths import resources_dir
from liaison.ui.app import app_icon, make_app

ICONS = resources_dir() / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def test_the_app_and_its_windows_carry_the_icon_in_every_size(qapp: QApplication) -> None:
    app = make_app()
    assert not app.windowIcon().isNull()
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert sizes == {(n, n) for n in SIZES}
    assert app.desktopFileName() == "liaison"


def test_the_windows_icon_holds_every_size() -> None:
    with Image.open(ICONS / "liaison.ico") as ico:
        assert ico.info["sizes"] == {(n, n) for n in SIZES}


@pytest.mark.parametrize("size", [16, 64, 256])
def test_the_committed_pngs_are_what_the_svg_renders(
    size: int, qapp: QApplication, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location(
        "render_icons", Path(__file__).resolve().parents[2] / "scripts" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "fresh.png"
    module.render(ICONS / "liaison.svg", size, fresh)
    committed = QImage(str(ICONS / f"liaison-{size}.png"))
    assert not committed.isNull() and committed == QImage(str(fresh))
