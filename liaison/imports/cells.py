"""Reading one cell of a roster or a 包联 list: dates, phones, yes/no, industries, scales, tags,
streets, names and 统一社会信用代码 as offices type them (Excel numbers and dates included)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from liaison.domain.errors import ValidationError
from liaison.domain.uscc import ALPHABET, USCC_LENGTH, make_uscc, normalize_uscc, validate_uscc
from liaison.domain.vocab import INDUSTRIES, SCALES, TAGS
from liaison.imports.headers import (
    clean_text,
)

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


def clean_name(text: str) -> str:
    """An enterprise name: NFKC, spaces collapsed, brackets full-width as names are registered."""
    return clean_text(text).replace("(", "（").replace(")", "）")


_CJK = re.compile(r"^[\u3400-\u9fff\u00b7· ]+$")


def clean_person(text: str) -> str:
    """A person's name: like clean_text, and "张　三" (spaced to align) becomes "张三"."""
    t = clean_text(text)
    return t.replace(" ", "") if _CJK.match(t) else t


_PLAIN_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


def check_uscc(raw: str) -> str:
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
