"""统一社会信用代码 (Unified Social Credit Code, GB 32100-2015).

18 characters from the alphabet 0-9 plus the capital letters without I, O, S, V, Z; the last
one is a mod-31 check character over the first 17 (computed by python-stdnum).

Deliberately more lenient than `stdnum.cn.uscc.validate`, which also demands digits in the
first 8 positions: real codes start with letters too (e.g. "N2…" for 村集体经济组织 registered
by agricultural departments, "Y1…" for other registries), so only the alphabet and the check
character are enforced here.
"""

from __future__ import annotations

import unicodedata

from stdnum.cn import uscc as _stdnum_uscc

from liaison.domain.errors import ValidationError
from liaison.domain.text import Text

__all__ = [
    "ALPHABET",
    "USCC_LENGTH",
    "is_uscc_prefix",
    "make_uscc",
    "normalize_uscc",
    "validate_uscc",
]

USCC_LENGTH = 18
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters a code may contain, in check-value order (GB 32100-2015)."""

_VALUES = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ALLOWED = frozenset(ALPHABET)
_DIGITS = frozenset("0123456789")
# Hyphen-like characters people paste from Word, web pages and PDFs (NFKC has already
# turned the full-width hyphen into "-").
_DASHES = frozenset("-‐‑‒–—―−﹘﹣")
_MAX_NAMED = 3
_FIELD = "uscc"


def normalize_uscc(raw: str) -> str:
    """The code as stored: NFKC (full-width → ASCII), without any whitespace (full-width
    spaces included), hyphens/dashes or invisible format characters, upper-cased.

    Does not validate: "９１５０ ００００-..." becomes "915000000...", "abc" becomes "ABC".
    """
    text = unicodedata.normalize("NFKC", raw)
    return "".join(
        c for c in text if not (c.isspace() or c in _DASHES or unicodedata.category(c) == "Cf")
    ).upper()


def _describe_bad(code: str) -> Text:
    bad = [(i, c) for i, c in enumerate(code, 1) if c not in _ALLOWED]
    named = tuple(Text("第 {0} 位“{1}”", i, c) for i, c in bad[:_MAX_NAMED])
    more = Text("等 {0} 处", len(bad)) if len(bad) > _MAX_NAMED else ""
    return Text("{0}{1}", named, more)


def validate_uscc(raw: str) -> str:
    """The normalized code, or ValidationError(field="uscc") whose message says exactly what
    is wrong: empty, disallowed characters (named with their positions), wrong length (with
    the given count), or a wrong check character (with the expected one)."""
    code = normalize_uscc(raw)
    if not code:
        raise ValidationError("统一社会信用代码不能为空", field=_FIELD)
    if any(c not in _ALLOWED for c in code):
        raise ValidationError(
            Text(
                "统一社会信用代码含有不允许的字符：{0}（只能是数字和大写字母，且不含 I、O、S、V"
                "、Z）",
                _describe_bad(code),
            ),
            field=_FIELD,
        )
    if len(code) != USCC_LENGTH:
        raise ValidationError(
            Text("统一社会信用代码应为 {0} 位，当前输入了 {1} 位", USCC_LENGTH, len(code)),
            field=_FIELD,
        )
    expected = str(_stdnum_uscc.calc_check_digit(code[:-1]))
    if code[-1] != expected:
        raise ValidationError(
            Text(
                "统一社会信用代码校验位错误：第 18 位应为“{0}”，当前为“{1}”（请核对前 17 位是否"
                "录入有误）",
                expected,
                code[-1],
            ),
            field=_FIELD,
        )
    return code


def make_uscc(body17: str) -> str:
    """`body17` (17 characters of ALPHABET, already normalized) plus its check character.

    Fast (about a microsecond): meant for the demo data generator. Raises ValueError for a
    wrong length or a character outside ALPHABET.
    """
    if len(body17) != USCC_LENGTH - 1:
        raise ValueError(f"make_uscc needs 17 characters, got {len(body17)}: {body17!r}")
    try:
        total = sum(_VALUES[c] * w for c, w in zip(body17, _WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"character {exc.args[0]!r} is not allowed in a USCC") from None
    return body17 + ALPHABET[-total % 31]


def is_uscc_prefix(text: str) -> bool:
    """Whether `text` (after normalize_uscc) could be the beginning of a code: 1–18
    characters of ALPHABET with at least one digit. Lets a search box tell "9150010" from a
    name such as "ABC"."""
    code = normalize_uscc(text)
    return (
        0 < len(code) <= USCC_LENGTH and _ALLOWED.issuperset(code) and not _DIGITS.isdisjoint(code)
    )
