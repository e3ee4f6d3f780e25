"""Reading printed PDFs back: text, embedded CJK fonts, not blank, kept for a person to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, PdfObject


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def fonts_of(path: Path) -> list[DictionaryObject]:
    """Every font dictionary the pages use."""
    out: list[DictionaryObject] = []
    for page in PdfReader(path).pages:
        resources = cast_dict(page["/Resources"])
        for ref in cast_dict(resources.get("/Font", DictionaryObject())).values():
            out.append(cast_dict(ref))
    return out


def cast_dict(obj: object) -> DictionaryObject:
    resolved = obj.get_object() if isinstance(obj, PdfObject) else obj
    assert isinstance(resolved, DictionaryObject)
    return resolved


def assert_embedded_cjk(path: Path) -> None:
    """Every font is embedded TrueType (FontFile2 on its descriptor); no built-in STSong."""
    fonts = fonts_of(path)
    assert fonts
    names = [str(f.get("/BaseFont", "")) for f in fonts]
    assert not any("STSong" in n for n in names), names
    for font in fonts:
        # reportlab embeds a TTF subset as a simple TrueType font with its own descriptor
        descriptor = cast_dict(font["/FontDescriptor"])
        assert "/FontFile2" in descriptor, names


def not_blank(path: Path, tmp: Path, page: int = 1) -> None:
    """pdftoppm renders the page; a real page has a fair share of dark pixels."""
    prefix = tmp / f"{path.stem}-png"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), str(path), str(prefix)],
        check=True,
        capture_output=True,
    )
    png = sorted(tmp.glob(f"{prefix.name}*.png"))[0]
    # count dark pixels in the raw PPM rendering instead of decoding PNG without PIL
    ppm = subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", str(page), "-l", str(page), str(path)],
        check=True,
        capture_output=True,
    ).stdout
    header_end = pgm_header_end(ppm)
    pixels = ppm[header_end:]
    dark = sum(1 for b in pixels if b < 128)
    assert png.stat().st_size > 5000
    assert dark / len(pixels) > 0.01, "page is (almost) blank"


def pgm_header_end(data: bytes) -> int:
    # P5\n<w> <h>\n<max>\n
    fields = 0
    i = 0
    while fields < 4:
        while data[i : i + 1].isspace():
            i += 1
        while not data[i : i + 1].isspace():
            i += 1
        fields += 1
    return i + 1


def keep_for_review(path: Path, name: str) -> None:
    """LIAISON_PDF_SCREENS=/tmp/screens copies the rendered PDF there for a human to look at."""
    folder = os.environ.get("LIAISON_PDF_SCREENS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / name)


def screenshot(path: Path, name: str) -> None:
    """Render page 1 to /tmp/screens/<name>-*.png for a human to look at (if pdftoppm exists)."""
    if shutil.which("pdftoppm") is None:
        return
    out = Path("/tmp/screens")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(path), str(out / name)],
        check=True,
        capture_output=True,
    )
