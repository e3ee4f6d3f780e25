"""Pinyin search keys for Chinese names (companies, people, places).

`initials("重庆江北嘉陵机械有限公司") == "cqjbjljxyxgs"` and `full_pinyin(...)` ==
"chongqingjiangbeijialingjixieyouxiangongsi". ASCII letters and digits are kept (lower-cased,
full-width ones folded by NFKC); everything else that is not Chinese — punctuation, spaces,
letters of other scripts such as é — is dropped; ü is written "v".

Readings come from pypinyin's phrase mode (its dictionary knows 重庆, 银行, 长安, 重工 …):
each run of Chinese characters is cut into words with pypinyin's own forward-maximum-match
segmenter and each word is converted once and cached, which is about ten times faster than
calling `lazy_pinyin` per name (that builds a new converter on every call). On top of that,
local corrections for names, without touching pypinyin's global dictionaries:

* Greedy segmentation reads "重庆市长寿区" as 市长 (mayor) + 寿 → "zhangshou"; a 长 right after
  an administrative suffix (市, 区, 县 …) therefore starts a new word ("西安市长安区" →
  "xianshichanganqu"), unless the text is about the mayor (市长热线, 市长信箱 …).
* 长 and 都 standing alone (not part of a dictionary word) read cháng and dū, as in place and
  brand names (长丰, 长顺, 丰都, 宜都); pypinyin's single-character defaults are zhǎng, dōu.
* A 行 standing alone at the end of a name, before 有限公司 …, or right after another single
  character reads háng: 琴行, 电器行, 支行 (pypinyin: "qinxing", "zhixing").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style
from pypinyin.converter import DefaultConverter
from pypinyin.core import Pinyin
from pypinyin.seg.mmseg import seg as _mmseg

__all__ = ["full_pinyin", "initials", "pinyin_keys"]

_HAN_RUN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f]+"
)

# Words (as produced by the segmenter) whose reading in names differs from pypinyin's.
_WORD_FIX: dict[str, tuple[str, ...]] = {
    "长": ("chang",),
    "長": ("chang",),
    "都": ("du",),
    "总行": ("zong", "hang"),
}

_ADMIN_SUFFIXES = frozenset("省市区县州盟旗镇乡村")
_MAYOR_CONTEXT = ("热线", "信箱", "助理", "办公", "接待", "专线", "令")
_ORG_SUFFIXES = ("有限", "公司", "股份", "分公司")

_PINYIN = Pinyin(DefaultConverter())


@lru_cache(maxsize=1 << 16)
def _word_syllables(word: str) -> tuple[str, ...]:
    fixed = _WORD_FIX.get(word)
    if fixed is not None:
        return fixed
    return tuple(_PINYIN.lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))


def _ascii_alnum(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isalnum()).lower()


def _pieces(run: str) -> list[str]:
    """`run` split before every 长 that follows an administrative suffix, except 市长热线 …"""
    if "长" not in run:
        return [run]
    pieces: list[str] = []
    start = 0
    for i in range(1, len(run) - 1):
        if (
            run[i] == "长"
            and run[i - 1] in _ADMIN_SUFFIXES
            and not run.startswith(_MAYOR_CONTEXT, i + 1)
        ):
            pieces.append(run[start:i])
            start = i
    pieces.append(run[start:])
    return pieces


def _han_syllables(run: str) -> list[str]:
    """One lower-case ASCII syllable per character of `run` (a run of Chinese characters);
    characters pypinyin does not know are skipped."""
    words = [w for piece in _pieces(run) for w in _mmseg.cut(piece)]
    out: list[str] = []
    last = len(words) - 1
    for k, w in enumerate(words):
        if w == "行" and (
            k == last
            or words[k + 1].startswith(_ORG_SUFFIXES)
            or (k > 0 and len(words[k - 1]) == 1)
        ):
            out.append("hang")
        else:
            out.extend(_word_syllables(w))
    return out


@lru_cache(maxsize=1 << 16)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of `name`, computed in one pass and cached."""
    text = unicodedata.normalize("NFKC", name)
    ini: list[str] = []
    full: list[str] = []
    pos = 0
    for m in _HAN_RUN.finditer(text):
        other = _ascii_alnum(text[pos : m.start()])
        ini.append(other)
        full.append(other)
        for syllable in _han_syllables(m.group()):
            ini.append(syllable[0])
            full.append(syllable)
        pos = m.end()
    other = _ascii_alnum(text[pos:])
    ini.append(other)
    full.append(other)
    return "".join(ini), "".join(full)


def initials(name: str) -> str:
    """First letter of each character's pinyin: 重庆江北 → "cqjb"; other letters and digits
    are kept in lower case ("ABC科技123" → "abckj123"), punctuation and spaces dropped."""
    return pinyin_keys(name)[0]


def full_pinyin(name: str) -> str:
    """The whole pinyin without spaces or tones, lower case: 重庆江北 → "chongqingjiangbei"."""
    return pinyin_keys(name)[1]
