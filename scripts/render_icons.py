"""Render resources/icons/liaison.svg to the PNG sizes a desktop entry and a window use, and to
the Windows .ico (run after changing the SVG; the outputs are committed):

    .venv/bin/python scripts/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "liaison.svg"
    pngs = []
    for size in SIZES:
        out = ICONS / f"liaison-{size}.png"
        render(svg, size, out)
        pngs.append(out)
    biggest = Image.open(pngs[-1])
    biggest.save(ICONS / "liaison.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {len(pngs)} PNGs and liaison.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
