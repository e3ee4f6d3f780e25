"""The demand's timeline (办理过程): one row per event, with what its data says in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from liaison.domain import workflow as wf
from liaison.domain.roles import ROLE_LABELS
from liaison.services.queries import TimelineEntry
from liaison.ui import vocab

Index = QModelIndex | QPersistentModelIndex
EventKind = wf.EventKind

FLAG_TEXT = "#a93226"
FLAG_BACKGROUND = "#fdecea"


def _t(text: str) -> str:
    return QCoreApplication.translate("DemandTimeline", text)


@dataclass(frozen=True)
class TimelineRow:
    at: str
    step: str
    actor: str
    unit: str
    note: str
    flagged: bool


def _date(value: object) -> str:
    if isinstance(value, str) and value:
        return date.fromisoformat(value).strftime("%Y-%m-%d")
    return ""


def _names(ids: object, names: dict[str, str]) -> str:
    if not isinstance(ids, list):
        return ""
    return _t("、").join(names.get(str(i), _t("（已删除单位）")) for i in ids)


def _facts(entry: TimelineEntry, names: dict[str, str], state: dict[str, Any]) -> list[str]:
    """What the event's data says, in words (the free text comes after)."""
    data = entry.data
    kind = entry.kind
    out: list[str] = []
    if kind is EventKind.ROUTE:
        lead = names.get(str(data.get("lead", "")), "")
        out.append(_t("交办至 {lead}（牵头）").format(lead=lead))
        co = _names(data.get("co"), names)
        if co:
            out.append(_t("协办：{units}").format(units=co))
        out.append(
            _t("签收时限 {reply}，办结时限 {due}").format(
                reply=_date(data.get("reply_deadline")), due=_date(data.get("deadline"))
            )
        )
    elif kind is EventKind.REQUEST_EXTENSION:
        state["requested"] = data.get("promised_date")
        out.append(_t("承诺 {day} 前办结").format(day=_date(data.get("promised_date"))))
    elif kind is EventKind.APPROVE_EXTENSION:
        day = data.get("promised_date") or state.get("requested")
        out.append(_t("办结时限延至 {day}").format(day=_date(day)))
    elif kind is EventKind.RESOLVE:
        outcome = data.get("outcome")
        if outcome:
            o = vocab.label(wf.OUTCOME_LABELS, wf.Outcome(str(outcome)))
            out.append(_t("结果：{o}").format(o=o))
        if data.get("policy_basis"):
            out.append(_t("政策依据：{basis}").format(basis=data["policy_basis"]))
    elif kind is EventKind.FOLLOW_UP:
        sat = data.get("satisfaction")
        if sat:
            s = vocab.label(wf.SATISFACTION_LABELS, wf.Satisfaction(str(sat)))
            out.append(_t("满意度：{s}").format(s=s))
        if sat == wf.Satisfaction.UNSATISFIED:
            out.append(_t("重办，新办结时限 {day}").format(day=_date(data.get("deadline"))))
    elif kind is EventKind.ESCALATE:
        state["escalations"] = int(state.get("escalations", 0)) + 1
        out.append(_t("第 {n} 次督办").format(n=state["escalations"]))
    return out


def timeline_rows(
    entries: tuple[TimelineEntry, ...],
    names: dict[str, str],
) -> list[TimelineRow]:
    """`names`: department id → name (for the ids in the events' data)."""
    state: dict[str, Any] = {}
    rows = []
    for e in entries:
        facts = _facts(e, names, state)
        text = e.text.strip()
        if e.kind is EventKind.CREATE:
            facts.append(_t("登记诉求"))
        elif text:
            facts.append(text)
        unit = vocab.tr_label(e.actor_unit or "", ROLE_LABELS)  # a role when no unit
        step = vocab.label(wf.EVENT_LABELS, e.kind)
        if e.flagged:
            step = _t("⚠ {step}（冲突）").format(step=step)
        rows.append(
            TimelineRow(
                at=e.at.strftime("%Y-%m-%d\n%H:%M"),
                step=step,
                actor=e.actor or _t("（未知）"),
                unit=unit,
                note=_t("；").join(facts),
                flagged=e.flagged,
            )
        )
    return rows


class TimelineModel(QAbstractTableModel):
    """Three columns so the 说明 keeps its width in a narrow pane: 时间 | 环节 and who
    (经办人（单位）) on two lines | 说明."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TimelineRow] = []
        self.headers = [_t("时间"), _t("环节 · 经办人"), _t("说明")]

    def set_rows(self, rows: list[TimelineRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.headers)):
            return None
        row = self.rows[index.row()]
        who = (
            _t("{actor}（{unit}）").format(actor=row.actor, unit=row.unit)
            if row.unit
            else row.actor
        )
        value = (row.at, f"{row.step}\n{who}", row.note)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.flagged:
                return _t(
                    "这一步与其他设备同时录入的记录冲突，未计入诉求当前状态，请督办核对。\n{v}"
                ).format(v=value)
            return value if index.column() == len(self.headers) - 1 else None
        if role == Qt.ItemDataRole.ForegroundRole and row.flagged:
            return QBrush(QColor(FLAG_TEXT))
        if role == Qt.ItemDataRole.BackgroundRole and row.flagged:
            return QBrush(QColor(FLAG_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
