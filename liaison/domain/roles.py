"""Account roles of docs/rules.md."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CADRE = "cadre"
    STREET_STAFF = "street_staff"
    HANDLER = "handler"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.CADRE: "联络干部",
    Role.STREET_STAFF: "街镇专员",
    Role.HANDLER: "部门承办人",
    Role.SUPERVISOR: "督办",
    Role.ADMIN: "管理员",
}
