"""Conflicts a person settles: a field two devices changed apart, or one company registered twice.

Every replica shows the same provisional value (max(stamp, device)) and keeps the others. A
person picks the value to keep; that choice is an ordinary edit whose base is every head, so it
travels like any change and clears the conflict on every replica that receives it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text

from liaison.data.db import Database, raw_connection
from liaison.domain import clock, hlc
from liaison.domain.errors import NotFound, ValidationError
from liaison.domain.permissions import CONFLICT_RESOLVERS
from liaison.domain.text import Text
from liaison.services.context import Actor
from liaison.sync.exchange.merge import refresh_search
from liaison.sync.log import checks as sync_checks
from liaison.sync.log import oplog
from liaison.sync.log import records as se

ENTITY_LABELS = {
    "enterprise": "企业",
    "visit": "走访",
    "demand": "诉求",
    "assignment": "包联",
    "account": "账号",
    "department": "部门",
    "category": "诉求类别",
    "holiday": "节假日",
    "device": "设备",
}
DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Version:
    value: Any
    account: str
    device: str
    at: datetime
    winner: bool


@dataclass(frozen=True)
class Conflict:
    entity: str
    entity_id: str
    field: str
    record: str
    """What a person recognises the record by (an enterprise's name, a demand's title)."""
    versions: tuple[Version, ...]

    @property
    def kind_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)


_TITLES = {
    "enterprise": "SELECT name FROM enterprise WHERE id = :i",
    "demand": "SELECT title FROM demand WHERE id = :i",
    "visit": "SELECT e.name || ' ' || v.visit_date FROM visit v JOIN enterprise e "
    "ON e.id = v.enterprise_id WHERE v.id = :i",
    "account": "SELECT display_name FROM account WHERE id = :i",
    "department": "SELECT name FROM department WHERE id = :i",
    "category": "SELECT name FROM category WHERE id = :i",
}


def list_conflicts(db: Database) -> list[Conflict]:
    with db.read() as s:
        names: dict[str, str] = dict(s.execute(text("SELECT id, display_name FROM account")).all())
        devices: dict[str, str] = dict(s.execute(text("SELECT id, name FROM device")).all())
        rows = s.execute(
            text(
                "SELECT entity, entity_id, field, heads, winner FROM sync_conflict "
                "ORDER BY entity, entity_id, field"
            )
        ).all()
        out = []
        for entity, key, name, heads, winner in rows:
            title_sql = _TITLES.get(entity)
            title = s.scalar(text(title_sql), {"i": key}) if title_sql else None
            versions = tuple(
                Version(
                    h["value"],
                    names.get(h.get("account"), "") if h.get("account") else "",
                    devices.get(h.get("site"), h.get("site", "")),
                    hlc.to_datetime(h["hlc"]) if h.get("hlc") else datetime.min,
                    h.get("op") == winner and bool(winner),
                )
                for h in json.loads(heads)
            )
            out.append(Conflict(entity, key, name, title or key, versions))
    return out


def resolve_conflict(
    db: Database, actor: Actor, entity: str, entity_id: str, field: str, value: Any
) -> None:
    """Keep `value` for the field (one of the versions, or a new value): an edit seen by every
    replica as made after all of them."""
    actor.require(*CONFLICT_RESOLVERS)
    if field == DUPLICATE and entity == "account":
        raise ValidationError("重名的账号：请管理员在“管理 → 账号”中为其中一个改名，冲突随之消除")
    if field == DUPLICATE:
        raise ValidationError("重复登记的企业：请删除其中一家（企业详情中的“删除”），冲突随之消除")
    ent = se.BY_NAME.get(entity)
    if ent is None or field not in ent.all_fields():
        raise NotFound(Text("没有这样的字段：{0}.{1}", entity, field))
    with db.session() as s:
        conn = raw_connection(s)
        found = conn.execute(
            "SELECT 1 FROM sync_conflict WHERE entity = ? AND entity_id = ? AND field = ?",
            (entity, entity_id, field),
        ).fetchone()
        if found is None:
            raise NotFound("这处冲突已经解决了")
        problem = sync_checks.check_fields(ent, {field: value})
        if problem:
            raise ValidationError(problem)
        current = se.read_records(conn, ent, [entity_id]).get(entity_id)
        if current is None:
            raise NotFound("记录已不存在")
        fields, _by = current
        fields[field] = value
        when = clock.now().isoformat(sep=" ", timespec="microseconds")
        se.write_record(conn, ent, entity_id, fields, (when, actor.account_id, actor.device_id))
        if entity == "enterprise":
            refresh_search(conn, [entity_id])
        oplog.force(s, entity, entity_id, [field])
