"""Excel workbooks for the printed reports: a title row, Chinese headers in a bold, frozen row
with an autofilter, column widths from the content (a Chinese character counts two), real dates
and numbers with number formats, rates as numbers formatted 0.0%. Each sheet prints as the
paper report does: A4 landscape, fitted to one page wide, the header row repeated on every
page, 第 N 页 共 M 页 in the footer; the workbook names its title and creator. Written to a
temporary file and moved into place."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from liaison.reports.files import written_atomically

Kind = Literal["text", "int", "date", "pct"]
Cell = str | int | float | date | datetime | None

FORMATS: dict[Kind, str] = {
    "text": "@",
    "int": "0",
    "date": "yyyy-mm-dd",
    "pct": "0.0%",
}
HEADER_FILL = "EEF1F5"
MAX_WIDTH = 60
CREATOR = "重庆市江北区“百千万”企业走访联络系统（Liaison）"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = "text"


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    red_rows: set[int] = field(default_factory=set)
    """Indexes into `rows` to set in red (e.g. overdue demands)."""
    notes: Sequence[str] = ()
    """Lines written below the table (e.g. how a ranking is made)."""
    heading: str = ""
    """The title row above the table ('' for none: the headers are then the first row)."""

    @property
    def header_row(self) -> int:
        """The worksheet row of the column headers (1-based)."""
        return 2 if self.heading else 1


def text_width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def _shown(value: Cell, kind: Kind) -> str:
    if value is None:
        return ""
    if kind == "date":
        return "2026-01-01"
    if kind == "pct":
        return "100.0%"
    return str(value)


def _fill_sheet(ws: Any, sheet: Sheet) -> None:
    bold = Font(bold=True)
    red = Font(color="C00000")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    ws.title = sheet.title
    top = sheet.header_row
    widths = [text_width(c.header) for c in sheet.columns]
    for col, c in enumerate(sheet.columns, 1):
        cell = ws.cell(row=top, column=col, value=c.header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for r, row in enumerate(sheet.rows):
        for col, (c, raw) in enumerate(zip(sheet.columns, row, strict=True), 1):
            value = raw.date() if isinstance(raw, datetime) and c.kind == "date" else raw
            cell = ws.cell(row=top + 1 + r, column=col, value=value)
            if value is not None and c.kind != "text":
                cell.number_format = FORMATS[c.kind]
            if r in sheet.red_rows:
                cell.font = red
            widths[col - 1] = max(widths[col - 1], text_width(_shown(value, c.kind)))
    last_row = top + len(sheet.rows)
    for i, line in enumerate(sheet.notes):
        ws.cell(row=last_row + 2 + i, column=1, value=line)
    for col, w in enumerate(widths, 1):
        dim = ws.column_dimensions[get_column_letter(col)]
        dim.width = min(MAX_WIDTH, w + 2)
    last_col = get_column_letter(len(sheet.columns))
    if sheet.heading:
        ws.cell(row=1, column=1, value=sheet.heading).font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A1:{last_col}1")
        ws.row_dimensions[1].height = 26
    ws.freeze_panes = f"A{top + 1}"
    ws.auto_filter.ref = f"A{top}:{last_col}{max(last_row, top + 1)}"
    _page_setup(ws, sheet, top)


def _page_setup(ws: Any, sheet: Sheet, top: int) -> None:
    """Print as the paper report: A4 landscape, one page wide, headers on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{top}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddHeader.left.text = "重庆市江北区“百千万”企业走访联络"
    ws.oddHeader.right.text = sheet.heading or sheet.title
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def write_workbook(out_path: Path | str, sheets: Sequence[Sheet], *, title: str = "") -> Path:
    """Write `sheets` (in order) to an .xlsx file atomically; return its path. `title` is the
    workbook's title in its properties (Excel's 文件 → 信息); the creator is Liaison."""
    target = Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.title = title or (sheets[0].heading if sheets else "")
    first = True
    for sheet in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        _fill_sheet(ws, sheet)
    with written_atomically(target) as tmp:
        wb.save(str(tmp))
    return target
