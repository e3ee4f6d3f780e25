"""The core's vocabularies as the UI shows them: Chinese, or English with the translator.

The core keeps its labels in Chinese (reports and the CLI print them; it never imports Qt):
roles, demand states, events, outcomes, satisfaction, visit modes, demand kinds, urgencies,
enterprise scales, industries and tags. Here each label is listed once more, literally, as a
`QCoreApplication.translate("Vocab", …)` so that lupdate finds it and the English .qm has it
(roles in the context "VocabRole": 督办 is both a role, Supervisor, and an event, Escalate).

    label(wf.STATE_LABELS, state)      # a code of a core table → its UI text
    choices(VISIT_MODES)               # (code, UI text) in the core's order, for combo boxes
    tr_label(visit.mode_label)         # a Chinese label a service handed over → its UI text

tests/ui/test_vocab.py checks that every entry of every core table is listed here, that in
Chinese the text is the core's own label, and that each has an English translation.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from liaison.domain import workflow as wf
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.domain.vocab import (
    DEMAND_KINDS,
    INDUSTRIES,
    SCALES,
    TAGS,
    URGENCIES,
    VISIT_MODES,
)

K = TypeVar("K", bound=Hashable)
CoreTable = Mapping[Any, str] | Sequence[str]
"""A core vocabulary: code → Chinese label, or (TAGS) a sequence of labels that are codes."""


def _states() -> dict[wf.State, str]:
    S = wf.State
    return {
        S.NEW: QCoreApplication.translate("Vocab", "待交办"),
        S.ASSIGNED: QCoreApplication.translate("Vocab", "已交办"),
        S.ACCEPTED: QCoreApplication.translate("Vocab", "办理中"),
        S.RESOLVED: QCoreApplication.translate("Vocab", "已办结"),
        S.FOLLOWED_UP: QCoreApplication.translate("Vocab", "已回访"),
        S.CLOSED: QCoreApplication.translate("Vocab", "已销号"),
        S.WITHDRAWN: QCoreApplication.translate("Vocab", "已撤回"),
        S.MERGED: QCoreApplication.translate("Vocab", "已并单"),
    }


def _events() -> dict[wf.EventKind, str]:
    E = wf.EventKind
    return {
        E.CREATE: QCoreApplication.translate("Vocab", "提出"),
        E.ROUTE: QCoreApplication.translate("Vocab", "交办"),
        E.ACCEPT: QCoreApplication.translate("Vocab", "签收"),
        E.RETURN: QCoreApplication.translate("Vocab", "退回"),
        E.REQUEST_EXTENSION: QCoreApplication.translate("Vocab", "申请延期"),
        E.APPROVE_EXTENSION: QCoreApplication.translate("Vocab", "批准延期"),
        E.REFUSE_EXTENSION: QCoreApplication.translate("Vocab", "驳回延期"),
        E.PROGRESS: QCoreApplication.translate("Vocab", "进展"),
        E.RESOLVE: QCoreApplication.translate("Vocab", "办结"),
        E.FOLLOW_UP: QCoreApplication.translate("Vocab", "回访"),
        E.ESCALATE: QCoreApplication.translate("Vocab", "督办"),
        E.WITHDRAW: QCoreApplication.translate("Vocab", "撤回"),
        E.MERGE: QCoreApplication.translate("Vocab", "并单"),
        E.CLOSE: QCoreApplication.translate("Vocab", "销号"),
    }


def _outcomes() -> dict[wf.Outcome, str]:
    return {
        wf.Outcome.SOLVED: QCoreApplication.translate("Vocab", "已解决"),
        wf.Outcome.PARTLY: QCoreApplication.translate("Vocab", "部分解决"),
        wf.Outcome.UNSOLVABLE: QCoreApplication.translate("Vocab", "无法解决"),
    }


def _satisfaction() -> dict[wf.Satisfaction, str]:
    return {
        wf.Satisfaction.SATISFIED: QCoreApplication.translate("Vocab", "满意"),
        wf.Satisfaction.BASICALLY: QCoreApplication.translate("Vocab", "基本满意"),
        wf.Satisfaction.UNSATISFIED: QCoreApplication.translate("Vocab", "不满意"),
    }


def _roles() -> dict[Role, str]:
    return {
        Role.CADRE: QCoreApplication.translate("VocabRole", "联络干部"),
        Role.STREET_STAFF: QCoreApplication.translate("VocabRole", "街镇专员"),
        Role.HANDLER: QCoreApplication.translate("VocabRole", "部门承办人"),
        Role.SUPERVISOR: QCoreApplication.translate("VocabRole", "督办"),
        Role.ADMIN: QCoreApplication.translate("VocabRole", "管理员"),
    }


def _visit_modes() -> dict[str, str]:
    return {
        "onsite": QCoreApplication.translate("Vocab", "实地走访"),
        "phone": QCoreApplication.translate("Vocab", "电话走访"),
        "video": QCoreApplication.translate("Vocab", "视频连线"),
        "meeting": QCoreApplication.translate("Vocab", "座谈会"),
    }


def _demand_kinds() -> dict[str, str]:
    return {
        "demand": QCoreApplication.translate("Vocab", "诉求"),
        "blocker": QCoreApplication.translate("Vocab", "堵点"),
        "bottleneck": QCoreApplication.translate("Vocab", "卡点"),
        "suggestion": QCoreApplication.translate("Vocab", "意见建议"),
    }


def _urgencies() -> dict[str, str]:
    return {
        "normal": QCoreApplication.translate("Vocab", "一般"),
        "urgent": QCoreApplication.translate("Vocab", "紧急"),
        "critical": QCoreApplication.translate("Vocab", "特急"),
    }


def _scales() -> dict[str, str]:
    return {
        "above_designated": QCoreApplication.translate("Vocab", "规上"),
        "above_quota": QCoreApplication.translate("Vocab", "限上"),
        "below_designated": QCoreApplication.translate("Vocab", "规下"),
        "micro": QCoreApplication.translate("Vocab", "小微"),
        "individual": QCoreApplication.translate("Vocab", "个体"),
    }


def _tags() -> dict[str, str]:
    return {
        "高新技术企业": QCoreApplication.translate("Vocab", "高新技术企业"),
        "科技型企业": QCoreApplication.translate("Vocab", "科技型企业"),
        "专精特新": QCoreApplication.translate("Vocab", "专精特新"),
        "小巨人": QCoreApplication.translate("Vocab", "小巨人"),
        "民营500强": QCoreApplication.translate("Vocab", "民营500强"),
        "上市": QCoreApplication.translate("Vocab", "上市"),
    }


def _industries() -> dict[str, str]:
    return {
        "A": QCoreApplication.translate("Vocab", "农、林、牧、渔业"),
        "B": QCoreApplication.translate("Vocab", "采矿业"),
        "C": QCoreApplication.translate("Vocab", "制造业"),
        "D": QCoreApplication.translate("Vocab", "电力、热力、燃气及水生产和供应业"),
        "E": QCoreApplication.translate("Vocab", "建筑业"),
        "F": QCoreApplication.translate("Vocab", "批发和零售业"),
        "G": QCoreApplication.translate("Vocab", "交通运输、仓储和邮政业"),
        "H": QCoreApplication.translate("Vocab", "住宿和餐饮业"),
        "I": QCoreApplication.translate("Vocab", "信息传输、软件和信息技术服务业"),
        "J": QCoreApplication.translate("Vocab", "金融业"),
        "K": QCoreApplication.translate("Vocab", "房地产业"),
        "L": QCoreApplication.translate("Vocab", "租赁和商务服务业"),
        "M": QCoreApplication.translate("Vocab", "科学研究和技术服务业"),
        "N": QCoreApplication.translate("Vocab", "水利、环境和公共设施管理业"),
        "O": QCoreApplication.translate("Vocab", "居民服务、修理和其他服务业"),
        "P": QCoreApplication.translate("Vocab", "教育"),
        "Q": QCoreApplication.translate("Vocab", "卫生和社会工作"),
        "R": QCoreApplication.translate("Vocab", "文化、体育和娱乐业"),
        "S": QCoreApplication.translate("Vocab", "公共管理、社会保障和社会组织"),
        "T": QCoreApplication.translate("Vocab", "国际组织"),
    }


TABLES: tuple[tuple[CoreTable, Callable[[], Mapping[Any, str]]], ...] = (
    # tr_label looks a Chinese label up in this order: 督办 alone is the event (escalate); the
    # role 督办 is label(ROLE_LABELS, Role.SUPERVISOR) or tr_label("督办", ROLE_LABELS).
    (wf.STATE_LABELS, _states),
    (wf.EVENT_LABELS, _events),
    (wf.OUTCOME_LABELS, _outcomes),
    (wf.SATISFACTION_LABELS, _satisfaction),
    (VISIT_MODES, _visit_modes),
    (DEMAND_KINDS, _demand_kinds),
    (URGENCIES, _urgencies),
    (SCALES, _scales),
    (INDUSTRIES, _industries),
    (TAGS, _tags),
    (ROLE_LABELS, _roles),
)
"""Every core vocabulary, with the function that lists its UI texts by code."""

_cache: dict[str, dict[int, Mapping[Any, str]]] = {}
_reverse: dict[str, dict[str, str]] = {}


def _language() -> str:
    return QCoreApplication.translate("Vocab", "已交办")  # changes with the translator


def _translated(table: CoreTable) -> Mapping[Any, str]:
    """code → UI text of one core table (cached per language)."""
    language = _language()
    per_table = _cache.get(language)
    if per_table is None:
        _cache.clear()
        per_table = _cache[language] = {id(t): build() for t, build in TABLES}
    found = per_table.get(id(table))
    if found is None:
        raise KeyError(f"not a core vocabulary registered in liaison.ui.vocab: {table!r}")
    return found


def _core_items(table: CoreTable) -> list[tuple[Any, str]]:
    if isinstance(table, Mapping):
        return list(table.items())
    return [(label, label) for label in table]


def label(table: CoreTable, key: Any) -> str:
    """The UI text of `key` in a core table, e.g. label(wf.STATE_LABELS, state) → 已交办 /
    “Routed”; an unknown code comes back as the core shows it (or as given)."""
    translated = _translated(table)
    if key in translated:
        return translated[key]
    if isinstance(table, Mapping):
        return str(table.get(key, key))
    return str(key)


def choices(table: CoreTable) -> list[tuple[Any, str]]:
    """(code, UI text) of every entry of a core table, in the core's order."""
    translated = _translated(table)
    return [(key, translated.get(key, text)) for key, text in _core_items(table)]


def tr_label(text: str, table: CoreTable | None = None) -> str:
    """The UI text of a Chinese core label (as services put it in their rows, e.g.
    `VisitEntry.mode_label`); `table` settles a label two tables share (督办). Text that is
    no core label (a name, an empty string) comes back unchanged."""
    if table is not None:
        translated = _translated(table)
        for key, chinese in _core_items(table):
            if chinese == text:
                return translated.get(key, text)
        return text
    language = _language()
    reverse = _reverse.get(language)
    if reverse is None:
        reverse = {}
        for t, _ in reversed(TABLES):  # the first table listed wins a shared label
            translated = _translated(t)
            reverse.update({chinese: translated[key] for key, chinese in _core_items(t)})
        _reverse.clear()
        _reverse[language] = reverse
    return reverse.get(text, text)
