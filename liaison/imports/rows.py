"""What a preview and an import report, row by row, and walking a sheet's data rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Table

from liaison.data.models import (
    Base,
)
from liaison.domain.text import Text
from liaison.imports.headers import (
    ENTERPRISE_FIELDS,
    FIELD_LABELS,
    HeaderMap,
    clean_text,
)
from liaison.imports.table_reader import Table as Sheet

# ---------------------------------------------------------------------------------------------
# What a preview and an import report
# ---------------------------------------------------------------------------------------------


CHUNK = 5000
"""Rows written per statement."""


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"
    HIDDEN = "hidden"


WRITTEN = (RowStatus.NEW, RowStatus.UPDATE)

STATUS_LABELS: dict[RowStatus, str] = {
    RowStatus.NEW: "新增",
    RowStatus.UPDATE: "更新",
    RowStatus.UNCHANGED: "无变化",
    RowStatus.ERROR: "错误",
    RowStatus.HIDDEN: "隐藏行，未导入",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class RowResult:
    """One data row of the file: its Excel row number, what importing does with it and why."""

    row: int
    status: RowStatus
    name: str = ""
    uscc: str = ""
    message: str = ""
    """For errors: "第 7 行：…" (several problems of one row joined by "；")."""
    changes: tuple[FieldChange, ...] = ()
    """For updates: what changes."""
    duplicate_of: int | None = None
    """For a repeated row: the row number of its first occurrence."""
    enterprise_id: str | None = None
    cadre: str = ""
    """包联 lists: the cadre's display name."""


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    """"enterprises" or "assignments"."""
    source: str
    header_row: int
    columns: tuple[str, ...]
    """Recognised columns (standard Chinese labels), in file order."""
    ignored_columns: tuple[str, ...]
    """Headers of the columns that are not imported."""
    rows: tuple[RowResult, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def new(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def updated(self) -> int:
        return self.count(RowStatus.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(RowStatus.UNCHANGED)

    @property
    def errors(self) -> int:
        return self.count(RowStatus.ERROR)

    @property
    def error_rows(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.status is RowStatus.ERROR)

    @property
    def hidden_rows(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.status is RowStatus.HIDDEN)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    errors: int
    error_rows: tuple[RowResult, ...] = field(default=())


def result_of(preview: ImportPreview) -> ImportResult:
    return ImportResult(
        preview.new, preview.updated, preview.unchanged, preview.errors, preview.error_rows
    )


def error_row(n: int, problems: Sequence[str], **kw: Any) -> RowResult:
    return RowResult(n, RowStatus.ERROR, message=f"第 {n} 行：" + "；".join(problems), **kw)


def cells_getter(cells: Sequence[str], header: HeaderMap) -> Callable[[str], str]:
    def get(fld: str) -> str:
        col = header.columns.get(fld)
        if col is None or col >= len(cells):
            return ""
        return cells[col]

    return get


def hidden_rows(table: Sheet, header: HeaderMap) -> list[RowResult]:
    """The rows hidden in the workbook below its header: reported, never imported."""
    out = []
    for n, cells in table.hidden:
        if n <= header.row:
            continue
        get = cells_getter(cells, header)
        message = Text(
            "第 {0} 行：在 Excel 中被隐藏（常为已注销企业），未导入；确需导入请先取消隐藏", n
        )
        out.append(RowResult(n, RowStatus.HIDDEN, get("name"), get("uscc"), message))
    return sorted(out, key=lambda r: r.row)


def data_rows(table: Sheet, header: HeaderMap) -> Iterable[tuple[int, list[str]]]:
    names = {"".join(clean_text(s).split()) for s in ENTERPRISE_FIELDS["name"]}
    name_col = header.columns.get("name")
    for n, cells in table.rows[header.index + 1 :]:
        if not any(c.strip() for c in cells):
            continue
        if (
            name_col is not None
            and name_col < len(cells)
            and "".join(clean_text(cells[name_col]).split()) in names
        ):
            continue  # the header repeated (printed page by page)
        yield n, cells


def column_labels(header: HeaderMap) -> tuple[str, ...]:
    return tuple(FIELD_LABELS[f] for f, _ in sorted(header.columns.items(), key=lambda x: x[1]))


def table_of(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
