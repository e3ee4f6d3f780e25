"""Find a TrueType CJK font and register it with reportlab (embedded).

reportlab's built-in CID font STSong-Light is never embedded (viewers substitute or show blank
pages), and CFF-outline fonts such as Noto CJK are refused by `TTFont`; so the records use a
TrueType font: the 文泉驿微米黑 that ships in `resources/fonts/` (with its licence), else one found
on the machine (Windows' 微软雅黑/宋体/黑体, Linux' 文泉驿 or AR PL), or the file named by the
LIAISON_PDF_FONT environment variable (``path`` or ``path#subfont-index``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.paths import resources_dir

FONT_NAME = "LiaisonCJK"
ENV_VAR = "LIAISON_PDF_FONT"

MISSING_MESSAGE = (
    "未找到可嵌入的中文字体，无法生成 PDF"
    "（请安装文泉驿微米黑 fonts-wqy-microhei 或设置 LIAISON_PDF_FONT）"
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    subfont_index: int = 0


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def candidates() -> list[FontFile]:
    """Known locations, best first: the bundled font, Windows, Linux, macOS."""
    win = _windows_fonts()
    names = [
        resources_dir() / "fonts" / "wqy-microhei.ttc",
        win / "msyh.ttc",
        win / "msyh.ttf",
        win / "simsun.ttc",
        win / "simhei.ttf",
        win / "simkai.ttf",
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
        Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("/Library/Fonts/Arial Unicode.ttf"),
    ]
    return [FontFile(p) for p in names]


def _from_env(value: str) -> FontFile:
    path, sep, index = value.rpartition("#")
    if sep and index.isdigit():
        return FontFile(Path(path), int(index))
    return FontFile(Path(value))


def find_cjk_font() -> FontFile:
    """The font the records will embed: LIAISON_PDF_FONT if set, else the first known file."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        font = _from_env(override)
        if not font.path.is_file():
            raise DomainError(Text("LIAISON_PDF_FONT 指定的字体文件不存在：{0}", font.path))
        return font
    for font in candidates():
        if font.path.is_file():
            return font
    raise DomainError(MISSING_MESSAGE)


_registered: dict[str, FontFile] = {}


def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; return its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    font = find_cjk_font()
    if _registered.get(FONT_NAME) == font:
        return FONT_NAME
    try:
        tt = TTFont(FONT_NAME, str(font.path), subfontIndex=font.subfont_index)
    except (TTFError, OSError) as exc:
        raise DomainError(Text("字体无法嵌入 PDF：{0}（{1}）", font.path.name, exc)) from exc
    pdfmetrics.registerFont(tt)
    _registered[FONT_NAME] = font
    return FONT_NAME
