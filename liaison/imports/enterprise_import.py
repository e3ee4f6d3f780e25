"""Import enterprise rosters and 包联 lists from Excel (.xlsx) or CSV, with a preview first.

`preview_*` reads the file and tells, row by row (Excel row numbers), what importing would do:
new / update (with the changes) / unchanged / error (with a precise Chinese reason). `import_*`
writes every good row in one unit of work and reindexes the search for what it touched;
importing the same file again changes nothing.

Real files are messy: title rows above the header, merged cells, headers in any order and under
synonyms, full-width characters, codes in lower case, phone numbers stored as numbers, dates as
Excel dates, serial numbers or "2021年5月18日", blank and duplicate rows. A blank cell never
clears what is already registered; a column that is not in the file is left alone.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from liaison.data import search as search_index
from liaison.data.db import Database, holding, raw_connection
from liaison.data.models import (
    Account,
    Assignment,
    Base,
    Contact,
    Enterprise,
    EnterpriseTag,
    Street,
)
from liaison.domain import clock
from liaison.domain.errors import ValidationError
from liaison.domain.ids import new_id
from liaison.domain.permissions import ASSIGNABLE, ASSIGNERS, ENTERPRISE_EDITORS
from liaison.domain.roles import Role
from liaison.domain.uscc import ALPHABET, USCC_LENGTH, make_uscc, normalize_uscc, validate_uscc
from liaison.domain.vocab import INDUSTRIES, SCALES, TAGS
from liaison.imports.headers import (
    ASSIGNMENT_FIELDS,
    ENTERPRISE_FIELDS,
    FIELD_LABELS,
    HeaderMap,
    clean_text,
    find_header,
)
from liaison.imports.table_reader import Table as Sheet
from liaison.imports.table_reader import read_table
from liaison.services.context import Actor, audit_values
from liaison.sync.log import oplog

__all__ = [
    "ASSIGNERS",
    "FieldChange",
    "ImportPreview",
    "ImportResult",
    "RowResult",
    "RowStatus",
    "StreetMatcher",
    "import_assignments",
    "import_enterprises",
    "parse_bool",
    "parse_date",
    "parse_industry",
    "parse_phone",
    "parse_scale",
    "parse_tags",
    "preview_assignments",
    "preview_enterprises",
]

_EXCEL_EPOCH = date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_SCI = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_TAG_SPLIT = re.compile(r"[、,，;；/\s]+")


def parse_date(text: str) -> date | None:
    """A date written any of the usual ways; None for blank; ValueError (Chinese) if unreadable."""
    t = clean_text(text)
    if not t:
        return None
    try:
        m = _YMD.match(t) or _COMPACT.match(t)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return date(y, mo, d)
        if _SERIAL.match(t):
            serial = int(float(t))
            if serial <= 2958465:  # five digits: 1927-05-18 onwards
                return _EXCEL_EPOCH + timedelta(days=serial)
    except ValueError:
        pass
    raise ValueError(f"日期“{t}”无法识别（请写成 2021-05-18 或 2021年5月18日）")


def parse_phone(text: str) -> str:
    """Phone numbers as digits: "1.3812345678E10" → "13812345678", inner spaces removed. A
    number Excel shortened ("1.38123E+10": six digits kept of eleven) is refused: its last
    digits are gone, and a wrong phone is worse than none."""
    t = "".join(clean_text(text).split())
    if _SCI.match(t):
        with contextlib.suppress(InvalidOperation):
            mantissa = t.lower().split("e")[0].lstrip("+-")
            kept = len(mantissa.replace(".", "").lstrip("0"))
            whole = format(Decimal(t).quantize(Decimal(1)), "f")
            if kept < len(whole.lstrip("-")):
                raise ValueError(
                    f"联系电话“{t}”被 Excel 改成了科学计数法，后几位已丢失：请把该列设为“文本”，"
                    "重新输入号码后再导入"
                )
            t = whole
    elif t.endswith(".0") and t[:-2].isdigit():
        t = t[:-2]
    return t


_BOOL_TRUE = frozenset({"是", "牵头", "y", "yes", "true", "1", "√", "✓", "✔", "对"})
_BOOL_FALSE = frozenset({"否", "不是", "n", "no", "false", "0", "×", "✗", "配合", "非牵头"})


def parse_bool(text: str, default: bool) -> bool:
    t = clean_text(text).lower()
    if not t:
        return default
    if t in _BOOL_TRUE:
        return True
    if t in _BOOL_FALSE:
        return False
    raise ValueError(f"是否牵头“{clean_text(text)}”无法识别（请填“是”或“否”）")


_INDUSTRY_BY_LABEL = {label: code for code, label in INDUSTRIES.items()}


def parse_industry(text: str) -> str:
    """GB/T 4754 门类 letter from "C", "c", "制造业", "C 制造业" or "制造业(C)"; "" for blank."""
    t = "".join(clean_text(text).split())
    if not t:
        return ""
    upper = t.upper()
    if upper in INDUSTRIES:
        return upper
    if t in _INDUSTRY_BY_LABEL:
        return _INDUSTRY_BY_LABEL[t]
    head, rest = upper[0], t[1:].lstrip("-:、.")
    if head in INDUSTRIES and rest == INDUSTRIES[head]:
        return head
    m = re.match(r"^(.*?)[(\[]([A-Za-z])[)\]]$", t)
    if (
        m
        and m.group(2).upper() in INDUSTRIES
        and m.group(1) in (INDUSTRIES[m.group(2).upper()], "")
    ):
        return m.group(2).upper()
    raise ValueError(f"行业“{clean_text(text)}”无法识别（请填门类字母 A–T 或门类名称，如“制造业”）")


_SCALE_ALIASES = {
    "规上": "above_designated",
    "规模以上": "above_designated",
    "规上企业": "above_designated",
    "规模以上企业": "above_designated",
    "限上": "above_quota",
    "限额以上": "above_quota",
    "限上企业": "above_quota",
    "限额以上企业": "above_quota",
    "规下": "below_designated",
    "规模以下": "below_designated",
    "规下企业": "below_designated",
    "规模以下企业": "below_designated",
    "小微": "micro",
    "小微企业": "micro",
    "个体": "individual",
    "个体户": "individual",
    "个体工商户": "individual",
}


def parse_scale(text: str) -> str:
    t = "".join(clean_text(text).split())
    if not t:
        return ""
    if t in _SCALE_ALIASES:
        return _SCALE_ALIASES[t]
    if t.lower() in SCALES:
        return t.lower()
    labels = "/".join(SCALES.values())
    raise ValueError(f"企业规模“{clean_text(text)}”无法识别（请填 {labels}）")


_TAG_ALIASES = {
    "高新技术": "高新技术企业",
    "高新企业": "高新技术企业",
    "国家高新技术企业": "高新技术企业",
    "国家级高新技术企业": "高新技术企业",
    "科技型中小企业": "科技型企业",
    "专精特新企业": "专精特新",
    "专精特新中小企业": "专精特新",
    "专精特新小巨人": "小巨人",
    "小巨人企业": "小巨人",
    "上市企业": "上市",
    "上市公司": "上市",
    "民营企业500强": "民营500强",
}


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags separated by 、,，;； or spaces; ValueError naming the unknown ones."""
    parts = [p for p in _TAG_SPLIT.split(clean_text(text)) if p]
    tags: list[str] = []
    unknown: list[str] = []
    for p in parts:
        tag = p if p in TAGS else _TAG_ALIASES.get(p)
        if tag is None:
            unknown.append(p)
        elif tag not in tags:
            tags.append(tag)
    if unknown:
        raise ValueError(f"标签“{'、'.join(unknown)}”无法识别（可用标签：{'、'.join(TAGS)}）")
    return tuple(tags)


class StreetMatcher:
    """Street or town by its name, with or without the 街道/镇 suffix, or by its code."""

    def __init__(self, streets: Iterable[tuple[str, str, str]]) -> None:
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for sid, code, name in streets:
            self.names[sid] = name
            self.by_key[name] = sid
            self.by_key[code.lower()] = sid
            for suffix in ("街道办事处", "街道", "镇人民政府", "镇"):
                if name.endswith(suffix) and len(name) > len(suffix):
                    self.by_key.setdefault(name[: -len(suffix)], sid)

    def match(self, text: str) -> str | None:
        """The street id; None for blank; ValueError (Chinese) for an unknown name."""
        t = "".join(clean_text(text).split())
        if not t:
            return None
        for cand in (t, t.lower()):
            if cand in self.by_key:
                return self.by_key[cand]
        for suffix in ("街道办事处", "街道办", "街道", "镇人民政府", "镇政府", "镇", "街"):
            if t.endswith(suffix) and t[: -len(suffix)] in self.by_key:
                return self.by_key[t[: -len(suffix)]]
        for prefix in ("重庆市江北区", "江北区"):
            if t.startswith(prefix) and len(t) > len(prefix):
                return self.match(t[len(prefix) :])
        raise ValueError(f"街镇“{clean_text(text)}”无法识别")


# ---------------------------------------------------------------------------------------------
# What a preview and an import report
# ---------------------------------------------------------------------------------------------


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"
    HIDDEN = "hidden"


_WRITTEN = (RowStatus.NEW, RowStatus.UPDATE)

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


def _result(preview: ImportPreview) -> ImportResult:
    return ImportResult(
        preview.new, preview.updated, preview.unchanged, preview.errors, preview.error_rows
    )


def _error(n: int, problems: Sequence[str], **kw: Any) -> RowResult:
    return RowResult(n, RowStatus.ERROR, message=f"第 {n} 行：" + "；".join(problems), **kw)


def clean_name(text: str) -> str:
    """An enterprise name: NFKC, spaces collapsed, brackets full-width as names are registered."""
    return clean_text(text).replace("(", "（").replace(")", "）")


_CJK = re.compile(r"^[\u3400-\u9fff\u00b7· ]+$")


def clean_person(text: str) -> str:
    """A person's name: like clean_text, and "张　三" (spaced to align) becomes "张三"."""
    t = clean_text(text)
    return t.replace(" ", "") if _CJK.match(t) else t


_PLAIN_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


def _check_uscc(raw: str) -> str:
    """The normalized code, or ValueError with the reason (check character named plainly)."""
    code = raw if _PLAIN_CODE.match(raw) else normalize_uscc(raw)
    if len(code) == USCC_LENGTH and all(c in ALPHABET for c in code):
        expected = make_uscc(code[:-1])[-1]
        if code[-1] != expected:
            raise ValueError(f"统一社会信用代码第 18 位应为“{expected}”，当前为“{code[-1]}”")
        return code
    try:
        return validate_uscc(code)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def _cells_getter(cells: Sequence[str], header: HeaderMap) -> Callable[[str], str]:
    def get(fld: str) -> str:
        col = header.columns.get(fld)
        if col is None or col >= len(cells):
            return ""
        return cells[col]

    return get


def _hidden_rows(table: Sheet, header: HeaderMap) -> list[RowResult]:
    """The rows hidden in the workbook below its header: reported, never imported."""
    out = []
    for n, cells in table.hidden:
        if n <= header.row:
            continue
        get = _cells_getter(cells, header)
        message = f"第 {n} 行：在 Excel 中被隐藏（常为已注销企业），未导入；确需导入请先取消隐藏"
        out.append(RowResult(n, RowStatus.HIDDEN, get("name"), get("uscc"), message))
    return sorted(out, key=lambda r: r.row)


def _data_rows(table: Sheet, header: HeaderMap) -> Iterable[tuple[int, list[str]]]:
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


def _column_labels(header: HeaderMap) -> tuple[str, ...]:
    return tuple(FIELD_LABELS[f] for f, _ in sorted(header.columns.items(), key=lambda x: x[1]))


# ---------------------------------------------------------------------------------------------
# Enterprise rosters
# ---------------------------------------------------------------------------------------------

_ENTERPRISE_COLUMNS = (
    "name",
    "legal_rep",
    "street_id",
    "address",
    "industry",
    "scale",
    "phone",
    "established_on",
)
_COLUMN_LABELS = FIELD_LABELS | {"street_id": FIELD_LABELS["street"]}
"""The names of the fields an import changes, by the record's field (street_id)."""
_CHUNK = 5000


@dataclass
class _Existing:
    id: str
    values: dict[str, Any]
    deleted: bool


@dataclass
class _Snapshot:
    enterprises: dict[str, _Existing]
    tags: dict[str, tuple[str, ...]]
    contacts: dict[str, dict[str, tuple[str, str]]]
    streets: StreetMatcher


def _load_snapshot(s: Session) -> _Snapshot:
    e = Enterprise
    enterprises: dict[str, _Existing] = {}
    cols = [getattr(e, c) for c in _ENTERPRISE_COLUMNS]
    for row in s.execute(select(e.id, e.uscc, e.deleted_at, *cols)):
        enterprises[row[1]] = _Existing(
            row[0], dict(zip(_ENTERPRISE_COLUMNS, row[3:], strict=True)), row[2] is not None
        )
    tags: dict[str, list[str]] = {}
    for eid, tag in s.execute(select(EnterpriseTag.enterprise_id, EnterpriseTag.tag)):
        tags.setdefault(eid, []).append(tag)
    contacts: dict[str, dict[str, tuple[str, str]]] = {}
    for cid, eid, name, phone in s.execute(
        select(Contact.id, Contact.enterprise_id, Contact.name, Contact.phone)
    ):
        contacts.setdefault(eid, {})[name] = (cid, phone)
    streets = StreetMatcher(
        (sid, code, name)
        for sid, code, name in s.execute(select(Street.id, Street.code, Street.name))
    )
    return _Snapshot(enterprises, {k: tuple(v) for k, v in tags.items()}, contacts, streets)


@dataclass
class _EnterprisePlan:
    row: int
    status: RowStatus
    enterprise_id: str
    uscc: str
    name: str
    values: dict[str, Any]
    """New: every column; update: the changed ones."""
    tags: tuple[str, ...] | None = None
    """Replace the tags with these (None: leave them)."""
    new_contact: tuple[str, str] | None = None
    contact_phone: tuple[str, str] | None = None
    """(contact id, new phone)."""
    primary: bool = False


def _show(fld: str, value: Any, streets: StreetMatcher) -> str:
    if value is None or value == "":
        return ""
    if fld == "street_id":
        return streets.names.get(value, str(value))
    if fld == "industry":
        return f"{value} {INDUSTRIES.get(value, '')}".strip()
    if fld == "scale":
        return SCALES.get(value, str(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(value)
    return str(value)


def _parse_enterprise(
    get: Callable[[str], str], columns: dict[str, int], snap: _Snapshot
) -> tuple[dict[str, Any], list[str]]:
    """The row's values (only those given) and its problems."""
    problems: list[str] = []
    v: dict[str, Any] = {}
    name = clean_name(get("name"))
    if name:
        v["name"] = name
    else:
        problems.append("缺少企业名称")
    raw_code = get("uscc")
    if not clean_text(raw_code):
        problems.append("缺少统一社会信用代码")
    else:
        try:
            v["uscc"] = _check_uscc(raw_code)
        except ValueError as exc:
            v["uscc_raw"] = normalize_uscc(raw_code)
            problems.append(str(exc))
    legal_rep = clean_person(get("legal_rep"))
    if legal_rep:
        v["legal_rep"] = legal_rep
    address = clean_text(get("address"))
    if address:
        v["address"] = address
    parsers: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
        ("street", "street_id", snap.streets.match),
        ("industry", "industry", parse_industry),
        ("scale", "scale", parse_scale),
        ("established_on", "established_on", parse_date),
    )
    for fld, key, parse in parsers:
        try:
            value = parse(get(fld))
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if value:
            v[key] = value
    if clean_text(get("tags")):
        try:
            v["tags"] = parse_tags(get("tags"))
        except ValueError as exc:
            problems.append(str(exc))
    try:
        phone = parse_phone(get("phone"))
    except ValueError as exc:
        problems.append(str(exc))
        phone = ""
    contact = clean_person(get("contact"))
    if "contact" in columns:
        if contact:
            v["contact"] = (contact, phone)
    elif phone:
        v["phone"] = phone
    return v, problems


def _plan_enterprise(
    n: int, v: dict[str, Any], snap: _Snapshot
) -> tuple[RowResult, _EnterprisePlan | None]:
    uscc: str = v["uscc"]
    name: str = v["name"]
    old = snap.enterprises.get(uscc)
    if old is None:
        eid = new_id()
        values = {c: v.get(c) for c in _ENTERPRISE_COLUMNS}
        for c in _ENTERPRISE_COLUMNS:
            if values[c] is None and c not in ("street_id", "established_on"):
                values[c] = ""
        plan = _EnterprisePlan(
            n, RowStatus.NEW, eid, uscc, name, values, v.get("tags"), v.get("contact"), None, True
        )
        return RowResult(n, RowStatus.NEW, name, uscc), plan
    if old.deleted:
        msg = f"统一社会信用代码 {uscc} 属于已删除的企业“{old.values['name']}”（请先恢复该企业）"
        return _error(n, [msg], name=name, uscc=uscc, enterprise_id=old.id), None
    changes: list[FieldChange] = []
    values = {}
    for c in _ENTERPRISE_COLUMNS:
        new = v.get(c)
        if new is None or new == "" or new == old.values[c]:
            continue
        values[c] = new
        changes.append(
            FieldChange(
                c,
                _COLUMN_LABELS[c],
                _show(c, old.values[c], snap.streets),
                _show(c, new, snap.streets),
            )
        )
    tags = None
    if "tags" in v:
        before = snap.tags.get(old.id, ())
        if set(v["tags"]) != set(before):
            tags = v["tags"]
            changes.append(
                FieldChange(
                    "tags",
                    "标签",
                    _show("tags", before, snap.streets),
                    _show("tags", tags, snap.streets),
                )
            )
    new_contact = contact_phone = None
    primary = False
    if "contact" in v:
        cname, cphone = v["contact"]
        known = snap.contacts.get(old.id, {})
        if cname not in known:
            new_contact = v["contact"]
            primary = not known
            changes.append(
                FieldChange("contact", "联系人", "、".join(known), f"{cname} {cphone}".strip())
            )
        elif cphone and cphone != known[cname][1]:
            contact_phone = (known[cname][0], cphone)
            changes.append(
                FieldChange("contact_phone", f"联系人{cname}的电话", known[cname][1], cphone)
            )
    if not changes:
        return RowResult(n, RowStatus.UNCHANGED, name, uscc, enterprise_id=old.id), None
    plan = _EnterprisePlan(
        n, RowStatus.UPDATE, old.id, uscc, name, values, tags, new_contact, contact_phone, primary
    )
    result = RowResult(
        n, RowStatus.UPDATE, name, uscc, changes=tuple(changes), enterprise_id=old.id
    )
    return result, plan


def _analyse_enterprises(s: Session, table: Sheet) -> tuple[ImportPreview, list[_EnterprisePlan]]:
    header = find_header(
        table.rows,
        ENTERPRISE_FIELDS,
        required_any=("uscc",),
        source=table.source,
        what="企业名单",
    )
    if "name" not in header.columns:
        raise ValidationError(f"文件“{table.source}”缺少“企业名称”列")
    snap = _load_snapshot(s)
    results: list[RowResult] = []
    plans: list[_EnterprisePlan] = []
    first_row: dict[str, int] = {}
    for n, cells in _data_rows(table, header):
        v, problems = _parse_enterprise(_cells_getter(cells, header), header.columns, snap)
        uscc = v.get("uscc", v.get("uscc_raw", ""))
        name = v.get("name", "")
        if "uscc" in v:
            first = first_row.setdefault(v["uscc"], n)
            if first != n:
                problems.insert(0, f"统一社会信用代码与第 {first} 行重复")
                results.append(_error(n, problems, name=name, uscc=uscc, duplicate_of=first))
                continue
        if problems:
            results.append(_error(n, problems, name=name, uscc=uscc))
            continue
        result, plan = _plan_enterprise(n, v, snap)
        results.append(result)
        if plan is not None:
            plans.append(plan)
    results += _hidden_rows(table, header)
    preview = ImportPreview(
        "enterprises",
        table.source,
        header.row,
        _column_labels(header),
        header.ignored,
        tuple(results),
    )
    return preview, plans


def preview_enterprises(db: Database, path: Path | str) -> ImportPreview:
    """What importing the roster at `path` would do, row by row; writes nothing."""
    table = read_table(path)
    with db.read() as s:
        return _analyse_enterprises(s, table)[0]


def import_enterprises(db: Database, actor: Actor, path: Path | str) -> ImportResult:
    """Add the new enterprises of the roster and update the registered ones (by 统一社会信用代码),
    all in one unit of work; error rows are skipped and reported."""
    actor.require(*ENTERPRISE_EDITORS)
    table = read_table(path)
    with db.session() as s, holding(db.path, f"正在导入企业名录 {Path(path).name}"):
        preview, plans = _analyse_enterprises(s, table)
        _write_enterprises(s, actor, plans)
        return _result(preview)


def _table(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _enterprise_values(plan: _EnterprisePlan, actor: Actor, now: datetime) -> dict[str, Any]:
    return {
        "id": plan.enterprise_id,
        "uscc": plan.uscc,
        **plan.values,
        **audit_values(actor, now),
        "deleted_at": None,
    }


def _contact_values(
    eid: str, contact: tuple[str, str], primary: bool, actor: Actor, now: datetime
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "enterprise_id": eid,
        "name": contact[0],
        "title": "",
        "phone": contact[1],
        "is_primary": primary,
        **audit_values(actor, now),
    }


def _write_enterprises(s: Session, actor: Actor, plans: list[_EnterprisePlan]) -> None:
    now = clock.now()
    new = [p for p in plans if p.status is RowStatus.NEW]
    changed = [p for p in plans if p.status is RowStatus.UPDATE]
    enterprise_t = _table("enterprise")
    for chunk in _chunks(new, _CHUNK):
        s.execute(insert(enterprise_t), [_enterprise_values(p, actor, now) for p in chunk])
    # updates, grouped by the set of columns they change (one executemany per group)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for p in changed:
        if p.values:
            keys = tuple(sorted(p.values))
            groups.setdefault(keys, []).append(
                {"b_id": p.enterprise_id, **{f"b_{k}": p.values[k] for k in keys}}
            )
    for keys, params in groups.items():
        stmt = (
            update(enterprise_t)
            .where(enterprise_t.c.id == bindparam("b_id"))
            .values(
                {
                    **{k: bindparam(f"b_{k}") for k in keys},
                    **audit_values(actor, now, new=False),
                }
            )
        )
        s.execute(stmt, params)
    touched_tags = [p.enterprise_id for p in changed if p.tags is not None]
    for ids in _chunks(touched_tags, 500):
        s.execute(delete(EnterpriseTag).where(EnterpriseTag.enterprise_id.in_(ids)))
    tag_rows = [
        {"enterprise_id": p.enterprise_id, "tag": t} for p in plans if p.tags for t in p.tags
    ]
    if tag_rows:
        s.execute(insert(_table("enterprise_tag")), tag_rows)
    contact_rows = [
        _contact_values(p.enterprise_id, p.new_contact, p.primary, actor, now)
        for p in plans
        if p.new_contact
    ]
    if contact_rows:
        s.execute(insert(_table("contact")), contact_rows)
    phones = [
        {"b_id": p.contact_phone[0], "b_phone": p.contact_phone[1]}
        for p in changed
        if p.contact_phone
    ]
    if phones:
        contact_t = _table("contact")
        s.execute(
            update(contact_t)
            .where(contact_t.c.id == bindparam("b_id"))
            .values(
                phone=bindparam("b_phone"),
                updated_at=now,
                updated_by=actor.account_id,
                updated_device=actor.device_id,
            ),
            phones,
        )
    _reindex(s, new, changed)
    oplog.touch(s, "enterprise", [p.enterprise_id for p in (*new, *changed)])  # sync sees them


_REBUILD_AT = 20000
"""Adding this many enterprises rebuilds the whole search index in bulk (faster than row by row)."""


def _reindex(s: Session, new: list[_EnterprisePlan], changed: list[_EnterprisePlan]) -> None:
    conn = raw_connection(s)
    if len(new) >= _REBUILD_AT:
        search_index.rebuild(conn)
        return
    rows = [(p.enterprise_id, p.name, p.uscc) for p in new]
    rows += [(p.enterprise_id, p.values.get("name", p.name), p.uscc) for p in changed]
    if rows:
        search_index.index_enterprises(conn, rows)


# ---------------------------------------------------------------------------------------------
# 包联 lists
# ---------------------------------------------------------------------------------------------


@dataclass
class _AssignmentPlan:
    row: int
    status: RowStatus
    assignment_id: str
    enterprise_id: str
    account_id: str
    is_lead: bool
    start_on: date


@dataclass
class _People:
    by_username: dict[str, tuple[str, str, str, bool]]
    by_display: dict[str, list[tuple[str, str, str, bool]]]
    """(id, display name, role, active)."""


def _load_people(s: Session) -> _People:
    by_username: dict[str, tuple[str, str, str, bool]] = {}
    by_display: dict[str, list[tuple[str, str, str, bool]]] = {}
    for aid, username, display, role, active in s.execute(
        select(Account.id, Account.username, Account.display_name, Account.role, Account.active)
    ):
        rec = (aid, display, role, bool(active))
        by_username[username.lower()] = rec
        by_display.setdefault("".join(clean_text(display).split()), []).append(rec)
    return _People(by_username, by_display)


def _find_cadre(text: str, people: _People) -> tuple[str, str]:
    """(account id, display name) or ValueError with the reason."""
    shown = clean_text(text)
    key = "".join(shown.split())
    rec = people.by_username.get(key.lower())
    if rec is None:
        matches = people.by_display.get(key, [])
        live = [m for m in matches if m[3]]
        if len(live) > 1:
            raise ValueError(f"包联干部“{shown}”有 {len(live)} 个同名账号（请改填用户名）")
        if not matches:
            raise ValueError(f"包联干部“{shown}”没有对应的账号")
        rec = live[0] if live else matches[0]
    aid, display, role, active = rec
    if not active:
        raise ValueError(f"包联干部“{display}”的账号已停用")
    if role not in ASSIGNABLE:
        raise ValueError(f"“{display}”不是联络干部或街镇专员")
    return aid, display


def _analyse_assignments(
    s: Session, table: Sheet, actor: Actor | None
) -> tuple[ImportPreview, list[_AssignmentPlan]]:
    header = find_header(
        table.rows,
        ASSIGNMENT_FIELDS,
        required_any=("cadre",),
        source=table.source,
        what="包联名单",
    )
    if "uscc" not in header.columns and "name" not in header.columns:
        raise ValidationError(f"文件“{table.source}”缺少“统一社会信用代码”或“企业名称”列")
    live: dict[str, tuple[str, str, str | None]] = {}
    """uscc → (id, name, street id)."""
    by_name: dict[str, list[str]] = {}
    for eid, uscc, name, street_id in s.execute(
        select(Enterprise.id, Enterprise.uscc, Enterprise.name, Enterprise.street_id).where(
            Enterprise.deleted_at.is_(None)
        )
    ):
        live[uscc] = (eid, name, street_id)
        by_name.setdefault(name, []).append(uscc)
    people = _load_people(s)
    current: dict[tuple[str, str], tuple[str, bool, date]] = {}
    for aid, eid, acc, lead, start in s.execute(
        select(
            Assignment.id,
            Assignment.enterprise_id,
            Assignment.account_id,
            Assignment.is_lead,
            Assignment.start_on,
        ).where(Assignment.end_on.is_(None))
    ):
        current[(eid, acc)] = (aid, bool(lead), start)
    today = clock.today()
    results: list[RowResult] = []
    plans: list[_AssignmentPlan] = []
    first_row: dict[tuple[str, str], int] = {}
    for n, cells in _data_rows(table, header):
        get = _cells_getter(cells, header)
        problems: list[str] = []
        name = clean_name(get("name"))
        uscc = ""
        target: tuple[str, str, str | None] | None = None
        if clean_text(get("uscc")):
            try:
                uscc = _check_uscc(get("uscc"))
            except ValueError as exc:
                uscc = normalize_uscc(get("uscc"))
                problems.append(str(exc))
            else:
                target = live.get(uscc)
                if target is None:
                    problems.append(f"统一社会信用代码 {uscc} 尚未登记（请先导入企业名单）")
        elif name:
            codes = by_name.get(name, [])
            if len(codes) > 1:
                problems.append(f"企业名称“{name}”对应多家企业（请填写统一社会信用代码）")
            elif not codes:
                problems.append(f"企业“{name}”尚未登记（请先导入企业名单）")
            else:
                uscc = codes[0]
                target = live[uscc]
        else:
            problems.append("缺少统一社会信用代码和企业名称")
        account: tuple[str, str] | None = None
        cadre_text = get("cadre")
        if not clean_text(cadre_text):
            problems.append("缺少包联干部")
        else:
            try:
                account = _find_cadre(cadre_text, people)
            except ValueError as exc:
                problems.append(str(exc))
        lead_given = bool(clean_text(get("is_lead")))
        try:
            is_lead = parse_bool(get("is_lead"), True)
        except ValueError as exc:
            problems.append(str(exc))
            is_lead = True
        try:
            start_given = parse_date(get("start_on"))
        except ValueError as exc:
            problems.append(str(exc).replace("日期", "开始日期", 1))
            start_given = None
        if (
            target is not None
            and actor is not None
            and actor.role is Role.STREET_STAFF
            and target[2] != actor.street_id
        ):
            problems.append(f"“{target[1]}”不在本街镇：只能为本街镇的企业安排包联干部")
        shown_name = target[1] if target else name
        cadre_name = account[1] if account else clean_text(cadre_text)
        kw: dict[str, Any] = {"name": shown_name, "uscc": uscc, "cadre": cadre_name}
        if target is not None and account is not None:
            key = (target[0], account[0])
            first = first_row.setdefault(key, n)
            if first != n:
                problems.insert(0, f"与第 {first} 行重复（同一企业、同一包联干部）")
                results.append(_error(n, problems, duplicate_of=first, **kw))
                continue
        if problems or target is None or account is None:
            results.append(_error(n, problems, **kw))
            continue
        existing = current.get((target[0], account[0]))
        if existing is None:
            start = start_given or today
            plans.append(
                _AssignmentPlan(n, RowStatus.NEW, new_id(), target[0], account[0], is_lead, start)
            )
            results.append(RowResult(n, RowStatus.NEW, enterprise_id=target[0], **kw))
            continue
        aid, old_lead, old_start = existing
        changes: list[FieldChange] = []
        new_lead = is_lead if lead_given else old_lead
        new_start = start_given or old_start
        if new_lead != old_lead:
            changes.append(
                FieldChange(
                    "is_lead", "是否牵头", "是" if old_lead else "否", "是" if new_lead else "否"
                )
            )
        if new_start != old_start:
            changes.append(
                FieldChange("start_on", "开始日期", old_start.isoformat(), new_start.isoformat())
            )
        if not changes:
            results.append(RowResult(n, RowStatus.UNCHANGED, enterprise_id=target[0], **kw))
            continue
        plans.append(
            _AssignmentPlan(n, RowStatus.UPDATE, aid, target[0], account[0], new_lead, new_start)
        )
        results.append(
            RowResult(n, RowStatus.UPDATE, changes=tuple(changes), enterprise_id=target[0], **kw)
        )
    results += _hidden_rows(table, header)
    preview = ImportPreview(
        "assignments",
        table.source,
        header.row,
        _column_labels(header),
        header.ignored,
        tuple(results),
    )
    return preview, plans


def preview_assignments(
    db: Database, path: Path | str, actor: Actor | None = None
) -> ImportPreview:
    """What importing the 包联 list at `path` would do, row by row; writes nothing. With the
    `actor` who will import it, rows outside a street staff's own street show as errors."""
    table = read_table(path)
    with db.read() as s:
        return _analyse_assignments(s, table, actor)[0]


def import_assignments(db: Database, actor: Actor, path: Path | str) -> ImportResult:
    """Put the listed cadres in charge of the listed enterprises (包联), in one unit of work.

    An assignment that is already active is updated (牵头, start date) rather than repeated."""
    actor.require(*ASSIGNERS)
    table = read_table(path)
    with db.session() as s, holding(db.path, f"正在导入包联名单 {Path(path).name}"):
        preview, plans = _analyse_assignments(s, table, actor)
        _write_assignments(s, actor, plans)
        return _result(preview)


def _assignment_values(p: _AssignmentPlan, actor: Actor, now: datetime) -> dict[str, Any]:
    return {
        "id": p.assignment_id,
        "enterprise_id": p.enterprise_id,
        "account_id": p.account_id,
        "is_lead": p.is_lead,
        "start_on": p.start_on,
        "end_on": None,
        **audit_values(actor, now),
    }


def _write_assignments(s: Session, actor: Actor, plans: list[_AssignmentPlan]) -> None:
    now = clock.now()
    table = _table("assignment")
    oplog.touch(
        s, "assignment", [p.assignment_id for p in plans if p.status in _WRITTEN]
    )  # sync sees them
    new = [p for p in plans if p.status is RowStatus.NEW]
    for chunk in _chunks(new, _CHUNK):
        s.execute(insert(table), [_assignment_values(p, actor, now) for p in chunk])
    changed = [
        {"b_id": p.assignment_id, "b_lead": p.is_lead, "b_start": p.start_on}
        for p in plans
        if p.status is RowStatus.UPDATE
    ]
    if changed:
        s.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                is_lead=bindparam("b_lead"),
                start_on=bindparam("b_start"),
                updated_at=now,
                updated_by=actor.account_id,
                updated_device=actor.device_id,
            ),
            changed,
        )
