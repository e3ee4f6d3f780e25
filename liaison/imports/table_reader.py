"""Read the first sheet of an .xlsx workbook, or a .csv file, into rows of strings.

Every cell becomes text the way a person reads it in Excel: whole numbers without ".0" and
never in scientific notation (phone numbers stored as numbers), dates as YYYY-MM-DD, blanks
as "". Merged ranges (titles spanning the table, a header spanning columns, a street merged
down over several rows) are filled from their top-left cell, because openpyxl in read-only
mode only gives the value of that first cell.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO

from liaison.domain.errors import DomainError
from liaison.domain.text import Text

__all__ = ["Table", "cell_text", "read_table"]

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


@dataclass(frozen=True)
class Table:
    """The rows of a file: (row number as Excel shows it, cells as text)."""

    rows: list[tuple[int, list[str]]]
    source: str
    hidden: tuple[tuple[int, list[str]], ...] = ()
    """Rows hidden in the workbook (often 已注销 firms kept out of sight): not imported, but
    listed in the report so that nobody wonders where they went."""


def cell_text(value: object) -> str:
    """A cell value as the text a person sees (no ".0", no "1.38E+10", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _merged_ranges(path: Path, sheet_path: str) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), rows 1-based, columns 0-based."""
    with zipfile.ZipFile(path) as zf:
        data = zf.read(sheet_path.lstrip("/"))
    start = data.rfind(b"<mergeCells")
    if start < 0:
        start = data.find(b"mergeCells")
        if start < 0:
            return []
    out = []
    for m in _MERGE.finditer(data, start):
        c1, r1, c2, r2 = m.groups()
        out.append((int(r1), _col_index(c1), int(r2), _col_index(c2)))
    return out


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW = _NS + "row"
_C = _NS + "c"
_V = _NS + "v"
_IS = _NS + "is"
_T = _NS + "t"
_RPH = _NS + "rPh"


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _inline_text(element: ET.Element) -> str:
    """The text of an inline string (plain or rich runs; phonetic guides left out)."""
    parts: list[str] = []
    for child in element:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag != _RPH:
            parts.extend(t.text or "" for t in child.iter(_T))
    return "".join(parts)


def _parse_sheet(
    source: IO[bytes],
    shared: Sequence[object],
    date_styles: frozenset[int],
    epoch: datetime,
    hidden: set[int],
) -> list[tuple[int, list[str]]]:
    """Rows of a worksheet's XML: a lean streaming parser (openpyxl's own read-only parser
    builds an object per cell, several times slower on rosters of 100,000 rows)."""
    from openpyxl.utils.datetime import from_excel

    columns: dict[str, int] = {}
    rows: list[tuple[int, list[str]]] = []
    row_counter = 0
    for _event, element in ET.iterparse(source, events=("end",)):
        if element.tag != _ROW:
            continue
        r_attr = element.get("r")
        row_counter = int(r_attr) if r_attr else row_counter + 1
        if element.get("hidden") in ("1", "true"):
            hidden.add(row_counter)
        cells: dict[int, str] = {}
        col_counter = -1
        for c in element:
            if c.tag != _C:
                continue
            ref = c.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                col = columns.get(letters)
                if col is None:
                    col = columns[letters] = _col_index(letters.encode())
            else:
                col = col_counter + 1
            col_counter = col
            kind = c.get("t", "n")
            value: object = None
            if kind == "inlineStr":
                inline = c.find(_IS)
                value = _inline_text(inline) if inline is not None else None
            else:
                v = c.findtext(_V)
                if v is None or v == "":
                    continue
                if kind == "s":
                    value = shared[int(v)]
                elif kind == "n":
                    number = _number(v)
                    style = c.get("s")
                    if style and int(style) in date_styles:
                        try:
                            value = from_excel(number, epoch)
                        except (OverflowError, ValueError):
                            value = number
                    else:
                        value = number
                elif kind == "b":
                    value = v == "1"
                elif kind == "e":
                    value = None
                else:  # str (formula result), d (ISO date)
                    value = v[:10] if kind == "d" else v
            text = cell_text(value)
            if text:
                cells[col] = text
        element.clear()
        if cells:
            texts = [""] * (max(cells) + 1)
            for col, text in cells.items():
                texts[col] = text
            rows.append((row_counter, texts))
    return rows


def _open_workbook(path: Path) -> tuple[str, list[object], frozenset[int], datetime]:
    """First sheet's part name, shared strings, date styles and epoch — without letting
    openpyxl touch the sheets (in read-only mode it scans every sheet to size it)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        reader = ExcelReader(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DomainError(
            Text("无法读取文件“{0}”：不是有效的 Excel 工作簿（{1}）", path.name, exc)
        ) from exc
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [rel.target for _sheet, rel in reader.parser.find_sheets()]
        if not sheets:
            raise DomainError(Text("文件“{0}”是空的：没有工作表", path.name))
        return (
            str(sheets[0]).lstrip("/"),
            list(reader.shared_strings),
            frozenset(getattr(reader.wb, "_date_formats", ())),
            reader.wb.epoch,
        )
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise DomainError(
            Text("无法读取文件“{0}”：不是有效的 Excel 工作簿（{1}）", path.name, exc)
        ) from exc
    finally:
        reader.archive.close()


def _read_xlsx(path: Path, hidden: set[int]) -> list[tuple[int, list[str]]]:
    sheet_path, shared, date_styles, epoch = _open_workbook(path)
    try:
        with zipfile.ZipFile(path) as zf, zf.open(sheet_path) as source:
            rows = _parse_sheet(source, shared, date_styles, epoch, hidden)
    except (KeyError, ValueError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise DomainError(Text("无法读取文件“{0}”：{1}", path.name, exc)) from exc
    _fill_merged(rows, _merged_ranges(path, sheet_path))
    return rows


def _fill_merged(
    rows: list[tuple[int, list[str]]], ranges: list[tuple[int, int, int, int]]
) -> None:
    if not ranges:
        return
    by_number = {n: i for i, (n, _) in enumerate(rows)}
    for r1, c1, r2, c2 in ranges:
        first = by_number.get(r1)
        if first is None:
            continue
        cells = rows[first][1]
        value = cells[c1] if c1 < len(cells) else ""
        if not value:
            continue
        for r in range(r1, r2 + 1):
            i = by_number.get(r)
            if i is None:
                # a row whose only value came from the merge: create it
                rows.append((r, []))
                i = len(rows) - 1
                by_number[r] = i
            target = rows[i][1]
            if len(target) <= c2:
                target.extend([""] * (c2 + 1 - len(target)))
            for c in range(c1, c2 + 1):
                if not target[c]:
                    target[c] = value
    rows.sort(key=lambda r: r[0])


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise DomainError(
            Text("无法读取文件“{0}”：文字编码无法识别（请另存为 UTF-8 或 GBK）", path.name)
        )
    try:
        sample = text[:4096]
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel
        if "\t" in sample and "," not in sample:
            dialect = csv.excel_tab
        reader: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""), dialect)
        rows = []
        # numbered as Excel shows the file: one row per record (a quoted cell may span lines)
        for n, row in enumerate(reader, 1):
            if any(c.strip() for c in row):
                rows.append((n, row))
    except csv.Error as exc:
        raise DomainError(Text("无法读取文件“{0}”：CSV 格式错误（{1}）", path.name, exc)) from exc
    return rows


def read_table(path: Path | str) -> Table:
    """The non-blank rows of the file; DomainError with one Chinese line if it can't be read."""
    p = Path(path)
    if not p.is_file():
        raise DomainError(Text("文件不存在：{0}", p))
    suffix = p.suffix.lower()
    hidden: set[int] = set()
    if suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(p, hidden)
    elif suffix == ".csv":
        try:
            rows = _read_csv(p)
        except OSError as exc:
            raise DomainError(Text("无法读取文件“{0}”：{1}", p.name, exc.strerror)) from exc
    elif suffix == ".xls":
        raise DomainError(
            Text("不支持旧版 Excel 文件“{0}”：请在 Excel 中另存为 .xlsx 后再导入", p.name)
        )
    else:
        raise DomainError(Text("不支持的文件类型“{0}”：请使用 Excel（.xlsx）或 CSV 文件", p.name))
    if not rows:
        raise DomainError(Text("文件“{0}”是空的：没有任何数据行", p.name))
    if not hidden:
        return Table(rows, p.name)
    shown = [r for r in rows if r[0] not in hidden]
    return Table(shown, p.name, tuple(r for r in rows if r[0] in hidden))
