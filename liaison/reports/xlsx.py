"""Excel workbooks for the printed reports: Chinese headers in a bold, frozen first row, column
widths from the content (a Chinese character counts two), real dates and numbers with number
formats, rates as numbers formatted 0.0%. Written to a temporary file and moved into place."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

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
    widths = [text_width(c.header) for c in sheet.columns]
    for col, c in enumerate(sheet.columns, 1):
        cell = ws.cell(row=1, column=col, value=c.header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for r, row in enumerate(sheet.rows):
        for col, (c, raw) in enumerate(zip(sheet.columns, row, strict=True), 1):
            value = raw.date() if isinstance(raw, datetime) and c.kind == "date" else raw
            cell = ws.cell(row=r + 2, column=col, value=value)
            if value is not None and c.kind != "text":
                cell.number_format = FORMATS[c.kind]
            if r in sheet.red_rows:
                cell.font = red
            widths[col - 1] = max(widths[col - 1], text_width(_shown(value, c.kind)))
    for i, line in enumerate(sheet.notes):
        ws.cell(row=len(sheet.rows) + 3 + i, column=1, value=line)
    for col, w in enumerate(widths, 1):
        dim = ws.column_dimensions[get_column_letter(col)]
        dim.width = min(MAX_WIDTH, w + 2)
    ws.freeze_panes = "A2"


def write_workbook(out_path: Path | str, sheets: Sequence[Sheet]) -> Path:
    """Write `sheets` (in order) to an .xlsx file atomically; return its path."""
    target = Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    first = True
    for sheet in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        _fill_sheet(ws, sheet)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(str(tmp))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
