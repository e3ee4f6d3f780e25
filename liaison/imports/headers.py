"""Find the header row of a roster (below any title rows) and map its Chinese headers.

Headers may come in any order and under common synonyms; full-width characters, spaces,
"*" marks and notes in brackets ("联系电话（手机）", "*企业名称") are ignored when matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.services.enterprises import FIELD_LABELS as ENTERPRISE_LABELS

__all__ = [
    "ASSIGNMENT_FIELDS",
    "ENTERPRISE_FIELDS",
    "FIELD_LABELS",
    "HeaderMap",
    "clean_text",
    "find_header",
    "header_key",
]

ENTERPRISE_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "单位名称", "名称", "企业全称", "公司名称"),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码"),
    "legal_rep": ("法定代表人", "法人", "法人代表", "负责人"),
    "street": ("所属街镇", "街道", "镇街", "街镇", "所属街道"),
    "address": ("地址", "注册地址", "经营地址", "企业地址"),
    "industry": ("行业", "所属行业", "行业门类", "行业分类"),
    "scale": ("规模", "企业规模"),
    "tags": ("标签", "企业标签"),
    "contact": ("联系人",),
    "phone": ("联系电话", "电话", "手机", "联系方式", "手机号码"),
    "established_on": ("成立日期", "成立时间"),
}

ASSIGNMENT_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ENTERPRISE_FIELDS["name"],
    "uscc": ENTERPRISE_FIELDS["uscc"],
    "cadre": ("包联干部", "联络干部", "包联人", "包联领导", "干部"),
    "is_lead": ("是否牵头", "牵头"),
    "start_on": ("开始日期", "包联开始日期", "起始日期"),
}

FIELD_LABELS: dict[str, str] = {
    **{k: v for k, v in ENTERPRISE_LABELS.items() if k not in ("street_id", "contacts")},
    "street": ENTERPRISE_LABELS["street_id"],
    "contact": ENTERPRISE_LABELS["contacts"],  # a roster names one
    "cadre": "包联干部",
    "is_lead": "是否牵头",
    "start_on": "开始日期",
}
"""The columns' standard names: the enterprise form's, and the 包联 list's own."""

_NOTE = re.compile(r"[(\[【].*?[)\]】]")
_HEADER_SCAN = 30
"""Title rows above the header: look this far down for it."""


def clean_text(text: str) -> str:
    """NFKC (full-width → half-width), trimmed, inner runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def header_key(text: str) -> str:
    """A header as compared: no spaces, no "*", no notes in brackets, no trailing colon."""
    t = "".join(unicodedata.normalize("NFKC", text).split())
    t = _NOTE.sub("", t).strip("*:：")
    return t


@dataclass(frozen=True)
class HeaderMap:
    row: int
    """Excel row number of the header."""
    index: int
    """Position of the header in the table's rows."""
    columns: dict[str, int]
    """field → 0-based column."""
    ignored: tuple[str, ...]
    """Headers of columns that are not imported."""


def _match(cells: Sequence[str], synonyms: Mapping[str, str]) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for i, text in enumerate(cells):
        key = header_key(text)
        if not key:
            continue
        fld = synonyms.get(key)
        if fld is None:
            unknown.append(clean_text(text))
        elif fld not in columns:
            columns[fld] = i
        else:
            unknown.append(clean_text(text))
    return columns, unknown


_SUB_NAME = frozenset({"姓名", "名字", "名称"})


def _with_sub_header(
    rows: Sequence[tuple[int, Sequence[str]]], header: HeaderMap, synonyms: Mapping[str, str]
) -> HeaderMap:
    """A two-row header: "联系人" merged over two columns with "姓名" and "电话" below it, the
    other headers merged down over both rows. Recognised when every filled cell of the next row
    repeats the header above it or names a column; the data then starts one row lower."""
    if header.index + 1 >= len(rows):
        return header
    top = rows[header.index][1]
    sub = rows[header.index + 1][1]
    columns = dict(header.columns)
    field_at = {col: fld for fld, col in columns.items()}
    repeats = 0
    for col, text in enumerate(sub):
        key = header_key(text)
        if not key:
            continue
        parent = header_key(top[col]) if col < len(top) else ""
        if key == parent:
            repeats += 1
            continue
        fld = synonyms.get(key)
        if fld is None and key in _SUB_NAME:
            fld = synonyms.get(parent)
        if fld is None:
            return header
        old = field_at.get(col)
        if old is not None and old != fld:
            del columns[old]
        columns[fld] = col
        field_at[col] = fld
    if not repeats:
        return header
    mapped = set(columns.values())
    ignored = tuple(
        dict.fromkeys(clean_text(t) for i, t in enumerate(top) if header_key(t) and i not in mapped)
    )
    return HeaderMap(rows[header.index + 1][0], header.index + 1, columns, ignored)


def find_header(
    rows: Sequence[tuple[int, Sequence[str]]],
    fields: Mapping[str, tuple[str, ...]],
    *,
    required_any: tuple[str, ...],
    source: str,
    what: str,
) -> HeaderMap:
    """The first row (of the first few) that names at least two known columns, one of them in
    `required_any`; DomainError naming the expected headers otherwise."""
    synonyms = {header_key(s): fld for fld, names in fields.items() for s in names}
    best: HeaderMap | None = None
    for index, (number, cells) in enumerate(rows[:_HEADER_SCAN]):
        columns, unknown = _match(cells, synonyms)
        if len(columns) < 2 or not any(f in columns for f in required_any):
            continue
        candidate = HeaderMap(number, index, columns, tuple(dict.fromkeys(unknown)))
        if best is None or len(candidate.columns) > len(best.columns):
            best = candidate
        if len(columns) >= 3:
            break
    if best is not None:
        best = _with_sub_header(rows, best, synonyms)
    if best is None:
        expected = tuple(FIELD_LABELS[f] for f in fields if f in FIELD_LABELS)
        raise DomainError(
            Text(
                "文件“{0}”中找不到{1}的表头：请确认有“{2}”等列（至少包含{3}）",
                source,
                what,
                expected,
                "或".join(FIELD_LABELS[f] for f in required_any),
            )
        )
    return best
