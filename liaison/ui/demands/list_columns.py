"""The demand list's columns: what each row shows, deadline colours, role wording."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.services import demand_list as dl
from liaison.ui import vocab
from liaison.ui.demands.detail import DUE_SOON_COLOR, OVERDUE_COLOR, deadline_words
from liaison.ui.table_model import Column

Row = dl.DemandListRow


def _t(text: str) -> str:
    return QCoreApplication.translate("DemandList", text)


def _deadline_color(row: Row) -> str | None:
    level = row.status.level if row.status else None
    if level is dl.DeadlineLevel.OVERDUE:
        return OVERDUE_COLOR
    if level is dl.DeadlineLevel.DUE_SOON:
        return DUE_SOON_COLOR
    return None


def _state_text(row: Row) -> str:
    text = vocab.label(wf.STATE_LABELS, row.state)
    if row.pending_extension is not None:
        text += _t("·延期待批")
    return text


def _title(row: Row) -> str:
    return ("⚠ " if row.flagged else "") + row.title


def _title_tip(row: Row) -> str:
    tip = row.title
    if row.flagged:
        tip += "\n" + _t("有同步冲突的记录，请打开核对")
    if row.reopen_count:
        tip += "\n" + _t("重办 {n} 次").format(n=row.reopen_count)
    return tip


def columns() -> list[Column[Row]]:
    return [
        Column(_t("诉求"), _title, tooltip=_title_tip),
        Column(_t("企业"), lambda r: r.enterprise, tooltip=lambda r: r.enterprise),
        Column(_t("状态"), _state_text),
        Column(
            _t("办结时限"),
            lambda r: f"{r.deadline:%Y-%m-%d}" if r.deadline else "—",
            color=_deadline_color,
        ),
        Column(
            _t("剩余工作日"),
            lambda r: days_short(r.status.days_left, r.status.reply) if r.status else "",
            color=_deadline_color,
            tooltip=lambda r: (
                deadline_words(r.status.days_left, r.status.reply) if r.status else None
            ),
        ),
        Column(_t("牵头单位"), lambda r: r.lead_unit or "—", tooltip=lambda r: r.lead_unit or None),
        Column(
            _t("督办"),
            lambda r: str(r.escalation_level) if r.escalation_level else "",
            align_right=True,
        ),
        Column(_t("类别"), lambda r: r.category, tooltip=lambda r: r.category),
        Column(_t("提出日期"), lambda r: f"{r.raised_on:%Y-%m-%d}"),
    ]


COLUMN_WIDTHS = (220, 150, 64, 86, 76, 92, 40, 110, 86)
"""Natural widths; 诉求 and 企业 also share whatever room the others leave (see _fit_title)."""
TITLE_COLUMN = 0
ENTERPRISE_COLUMN = 1
TITLE_MIN = 150
ENTERPRISE_MIN = 110
OPTIONAL_COLUMNS = (8, 7, 3)
"""提出日期, 类别, then 办结时限 (剩余工作日 still tells how it stands): hidden, in this order,
when the list is too narrow for all columns; the detail pane shows all three."""
STATE_COLUMN = 2
DAYS_COLUMN = 4
"""状态: at least as wide as the longest state word in the UI's language (list_panel)."""


def days_short(days_left: int, reply: bool = False) -> str:
    """The 剩余工作日 cell: “剩 3” / “今日到期” / “超期 2” / “签收超期 2”."""
    if reply and days_left < 0:
        return _t("签收超期 {n}").format(n=-days_left)
    if days_left < 0:
        return _t("超期 {n}").format(n=-days_left)
    if days_left == 0:
        return _t("今日到期")
    return _t("剩 {n}").format(n=days_left)


def mine_label(role: Role) -> str:
    """What “mine” means for the role (DemandFilter.mine)."""
    return {
        Role.CADRE: _t("我包联的企业"),
        Role.STREET_STAFF: _t("本街镇"),
        Role.HANDLER: _t("本单位（牵头或协办）"),
        Role.SUPERVISOR: _t("待我处理（交办、延期审批、销号）"),
        Role.ADMIN: _t("待区联络办处理"),
    }[role]
