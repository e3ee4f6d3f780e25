"""The A4 page every printed record shares: title block, running header, footer, page numbers.

Paragraphs are set in the embedded CJK font with reportlab's CJK word wrap, so long Chinese
text breaks between any two characters and never overflows a cell. The PDF is written to a
temporary file beside the target and moved into place only when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from liaison.domain import clock
from liaison.reports.files import written_atomically
from liaison.reports.fonts import FONT_NAME, register_cjk_font

DISTRICT = "重庆市江北区"
PROGRAMME = "“百千万”企业走访联络"
PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 19 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
GRID = colors.HexColor("#444444")
LABEL_BG = colors.HexColor("#EEF1F5")
WATERMARK = colors.HexColor("#C0392B")


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    district: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    mono: ParagraphStyle
    step: ParagraphStyle
    qr_caption: ParagraphStyle


def make_styles() -> Styles:
    font = register_cjk_font()

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.45)
        return ParagraphStyle(
            name, fontName=font, bulletFontName=font, fontSize=size, wordWrap="CJK", **kw
        )

    return Styles(
        font=font,
        title=style("title", 19, alignment=TA_CENTER, spaceAfter=1 * mm, leading=24),
        district=style("district", 11, alignment=TA_CENTER, textColor=colors.HexColor("#333333")),
        subtitle=style("subtitle", 10, alignment=TA_CENTER, textColor=colors.HexColor("#555555")),
        section=style("section", 11.5, spaceBefore=2.5 * mm, spaceAfter=1.2 * mm),
        body=style("body", 10.5),
        cell=style("cell", 9.5, leading=13),
        label=style("label", 9.5, alignment=TA_CENTER, leading=13),
        small=style("small", 8.5, textColor=colors.HexColor("#333333")),
        center=style("center", 9.5, alignment=TA_CENTER, leading=13),
        right=style("right", 10.5, alignment=TA_RIGHT),
        mono=style("mono", 8, textColor=colors.HexColor("#222222"), leading=11),
        step=style("step", 8.5, leading=11.5),
        qr_caption=style("qr_caption", 8, alignment=TA_CENTER, leading=10),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def fmt_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def fmt_time(t: datetime | None) -> str:
    return f"{t:%Y-%m-%d %H:%M}" if t else ""


def title_block(st: Styles, title: str, note: str = "") -> list[Flowable]:
    """District line, the record's title (with a note such as （未销号）), a rule."""
    heading = f"{escape(title)}<font size=14>{escape(note)}</font>" if note else escape(title)
    out: list[Flowable] = [
        para(f"{DISTRICT}{PROGRAMME}", st.district),
        Spacer(1, 1.5 * mm),
        Paragraph(heading, st.title),
    ]
    return out


def grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ("GRID", (0, 0), (-1, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )


def field_table(
    st: Styles, rows: Sequence[Sequence[tuple[str, str]]], label_w: float = 26 * mm
) -> Table:
    """A form grid: each row holds one or two (label, value) pairs; a lone pair spans the row."""
    value_w = (CONTENT_W - 2 * label_w) / 2
    data: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    shades: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        cells: list[Any] = []
        for label, value in row:
            cells += [para(label, st.label), para(value, st.cell)]
        if len(row) == 1:
            cells += ["", ""]
            spans.append(("SPAN", (1, r), (3, r)))
        data.append(cells)
        shades.append(("BACKGROUND", (0, r), (0, r), LABEL_BG))
        if len(row) == 2:
            shades.append(("BACKGROUND", (2, r), (2, r), LABEL_BG))
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(grid_style([*spans, *shades]))
    return table


def list_table(
    st: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    centered: Sequence[int] = (),
    cell: ParagraphStyle | None = None,
) -> Table:
    """A table with a shaded header row repeated on every page."""
    body = cell or st.cell
    mid = ParagraphStyle(f"{body.name}-center", parent=body, alignment=TA_CENTER)
    data: list[list[Any]] = [[para(h, st.label) for h in header]]
    for row in rows:
        data.append([para(v, mid if i in centered else body) for i, v in enumerate(row)])
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)]))
    return table


def signature_boxes(
    st: Styles, labels: Sequence[str], extra: Flowable | None = None, extra_w: float = 0.0
) -> Table:
    """Boxes to sign in, side by side: the signer's label at the top, 年 月 日 at the bottom;
    `extra` (e.g. the verification mark) takes the last column."""
    gap = "&nbsp;" * 6
    date_line = f"{gap}年{gap}月{gap}日"
    cells: list[Any] = [
        [
            para(f"{label}：", st.body),
            Spacer(1, 10 * mm),
            Paragraph(date_line, st.right),
        ]
        for label in labels
    ]
    box_w = (CONTENT_W - extra_w) / len(labels)
    widths = [box_w] * len(labels)
    if extra is not None:
        cells.append(extra)
        widths.append(extra_w)
        align = [("ALIGN", (len(labels), 0), (len(labels), 0), "CENTER")]
    else:
        align = []
    table = Table([cells], colWidths=widths)
    table.setStyle(
        grid_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                *align,
            ]
        )
    )
    return table


class QRCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares (no image library) inside the standard quiet zone of
    four modules; `symbol` is the width of the code itself (ISO/IEC 18004 measures it so)."""

    QUIET = 4

    def __init__(self, text: str, symbol: float = 25 * mm) -> None:
        super().__init__()
        import segno

        self.matrix = [list(row) for row in segno.make(text, error="m", micro=False).matrix]
        n = len(self.matrix)
        self.size = symbol * (n + 2 * self.QUIET) / n
        self.width = self.height = self.size
        self.hAlign = "CENTER"

    def draw(self) -> None:
        n = len(self.matrix)
        quiet = self.QUIET
        cell = self.size / (n + 2 * quiet)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
        for y, row in enumerate(self.matrix):
            x = 0
            while x < n:
                if row[x]:
                    start = x
                    while x < n and row[x]:
                        x += 1
                    c.rect(
                        (start + quiet) * cell,
                        self.size - (y + 1 + quiet) * cell,
                        (x - start) * cell,
                        cell,
                        stroke=0,
                        fill=1,
                    )
                else:
                    x += 1
        c.restoreState()


def _numbered_canvas(
    font: str,
    printed: str,
    running: str,
    size: tuple[float, float],
    landscape: bool,
    watermark: str = "",
) -> type[Canvas]:
    """A canvas that holds pages back until the end so each can say 第 N 页 共 M 页, and writes
    `watermark` (if any) across every page."""
    width, height = size
    # header rule and footer line sit a little closer to the edge on landscape pages
    head, rule, foot, text = (12, 14, 13, 8.5) if landscape else (13, 15, 14, 9.5)

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            if page > 1:
                self.setFont(font, 8.5)
                self.drawString(MARGIN_X, height - head * mm, f"{DISTRICT} · {running}")
                self.line(MARGIN_X, height - rule * mm, width - MARGIN_X, height - rule * mm)
            self.line(MARGIN_X, foot * mm, width - MARGIN_X, foot * mm)
            self.setFont(font, 8.5)
            self.drawString(MARGIN_X, text * mm, f"打印时间：{printed}")
            self.drawRightString(width - MARGIN_X, text * mm, f"第 {page} 页 共 {total} 页")
            self.restoreState()
            if watermark:
                self._watermark()

        def _watermark(self) -> None:
            self.saveState()
            self.setFillColor(WATERMARK)
            self.setFillAlpha(0.28)
            self.translate(width / 2, height / 2)
            self.rotate(35)
            self.setFont(font, 40)
            self.drawCentredString(0, 12 * mm, watermark)
            self.setFont(font, 20)
            self.drawCentredString(0, -6 * mm, "本单不是办结销号凭证")
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    out_path: Path | str,
    story: list[Flowable],
    *,
    font: str,
    title: str,
    running: str,
    subject: str = "",
    printed_at: datetime | None = None,
    landscape_page: bool = False,
    watermark: str = "",
) -> Path:
    """Lay out `story` on A4 (portrait, or landscape) and write it atomically to `out_path`;
    `watermark` is written large across every page (a sheet that is not what it looks like)."""
    size = landscape(A4) if landscape_page else A4
    target = Path(out_path)
    printed = fmt_time(printed_at or clock.now())
    with written_atomically(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=f"{DISTRICT}{PROGRAMME}",
            subject=subject,
            creator="Liaison",
            initialFontName=font,
            initialFontSize=10,
        )
        doc.build(
            story,
            canvasmaker=_numbered_canvas(font, printed, running, size, landscape_page, watermark),
        )
    return target
