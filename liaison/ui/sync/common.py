"""Pieces the sync screen's parts share: labels of record kinds and fields, times, tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableView, QWidget

from liaison.domain.roles import Role
from liaison.services.context import Actor
from liaison.sync.exchange.devices import this_device
from liaison.ui.admin import common as admin_common
from liaison.ui.context import AppContext

SYNC = "sync"
"""Change kind announced after an export, an import, a trust or a resolution."""

MANAGERS = (Role.ADMIN, Role.SUPERVISOR)


def can_manage(actor: Actor) -> bool:
    """Resolving conflicts: admins and supervisors."""
    return actor.role in MANAGERS


def may_enrol(ctx: AppContext) -> bool:
    """Enrolling and revoking devices: an administrator on a hub device."""
    return ctx.actor.role is Role.ADMIN and this_device(ctx.db).kind == "hub"


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncLabels", text)


def kind_label(kind: str) -> str:
    """A record kind as a person names it (走访, 诉求, 办理环节, …)."""
    labels = {
        "visit": _t("走访"),
        "demand": _t("诉求"),
        "demand_event": _t("办理环节"),
        "enterprise": _t("企业"),
        "assignment": _t("包联"),
        "account": _t("账号"),
        "department": _t("部门"),
        "category": _t("诉求类别"),
        "holiday": _t("节假日"),
        "device": _t("设备"),
    }
    return labels.get(kind, kind)


def field_label(field: str) -> str:
    """A field of a shared record as a person names it (the code name when unknown)."""
    labels = {
        "name": _t("名称"),
        "uscc": _t("统一社会信用代码"),
        "legal_rep": _t("法定代表人"),
        "street_id": _t("所属街镇"),
        "address": _t("地址"),
        "industry": _t("行业"),
        "scale": _t("规模"),
        "phone": _t("电话"),
        "established_on": _t("成立日期"),
        "tags": _t("标签"),
        "contacts": _t("联系人"),
        "deleted_at": _t("删除"),
        "visit_date": _t("走访日期"),
        "mode": _t("走访方式"),
        "summary": _t("走访情况"),
        "follow_up_on": _t("回访日期"),
        "participants": _t("参加人员"),
        "title": _t("诉求标题"),
        "content": _t("诉求内容"),
        "urgency": _t("紧急程度"),
        "category_id": _t("诉求类别"),
        "kind": _t("类型"),
        "raised_on": _t("提出日期"),
        "display_name": _t("姓名"),
        "role": _t("角色"),
        "department_id": _t("所属部门"),
        "active": _t("启用"),
        "duplicate": _t("重复登记"),
        "account_id": _t("包联干部"),
        "is_lead": _t("牵头包联"),
        "start_on": _t("开始日期"),
        "end_on": _t("结束日期"),
        "description": _t("说明"),
    }
    return labels.get(field, field)


def when(value: datetime | None) -> str:
    if value is None or value == datetime.min:
        return ""
    return value.strftime("%Y-%m-%d %H:%M")


def value_text(value: Any) -> str:
    if value is None or value == "":
        return _t("（空）")
    if isinstance(value, bool):
        return _t("是") if value else _t("否")
    if isinstance(value, list | tuple):
        return _t("、").join(str(v) for v in value) or _t("（空）")
    return str(value)


def make_table(model: object, parent: QWidget | None = None) -> QTableView:
    """The admin tabs' table, each row on one line."""
    return admin_common.make_table(model, parent, word_wrap=False)


def set_widths(view: QTableView, widths: list[int]) -> None:
    for i, width in enumerate(widths):
        view.setColumnWidth(i, width)
