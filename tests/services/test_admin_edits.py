"""Administrators' forms (部门, 交办规则) saved over changes made meanwhile in another window or
by another administrator: what was not touched keeps the other's value, a clash saves nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from liaison.data.db import Database
from liaison.domain.errors import ValidationError
from liaison.services import admin
from tests.conftest import Cast


def _dept(db: Database, name: str) -> admin.DepartmentInfo:
    return next(d for d in admin.list_departments(db, include_inactive=True) if d.name == name)


def _rule(db: Database, name: str) -> admin.CategoryRule:
    return next(r for r in admin.list_category_rules(db) if r.name == name)


def _save_rule(db: Database, cast: Cast, rule: admin.CategoryRule, **changes: Any) -> None:
    form = replace(rule, **changes)
    admin.save_category_rule(
        db,
        cast.admin,
        rule.id,
        lead_ids=form.lead_ids,
        responsible_ids=form.responsible_ids,
        reply_days=form.reply_days,
        resolve_days=form.resolve_days,
        max_days=form.max_days,
        extension_notice_days=form.extension_notice_days,
        return_days=form.return_days,
        measure_no=form.measure_no,
        active=form.active,
        seen=rule,
    )


def test_two_department_forms_keep_each_others_changes(db: Database, cast: Cast) -> None:
    opened = _dept(db, "区金融办")  # two windows open the same department
    admin.save_department(
        db, cast.admin, name=opened.name, full_name="重庆市江北区地方金融服务中心",
        department_id=opened.id, active=opened.active, seen=opened,
    )  # fmt: skip
    # the second window only switches it off, showing the old full name
    admin.save_department(
        db, cast.admin, name=opened.name, full_name=opened.full_name,
        department_id=opened.id, active=False, seen=opened,
    )  # fmt: skip
    now = _dept(db, "区金融办")
    assert now.full_name == "重庆市江北区地方金融服务中心" and not now.active


def test_a_department_both_renamed_differently_is_refused(db: Database, cast: Cast) -> None:
    opened = _dept(db, "区金融办")
    full = opened.full_name
    admin.save_department(
        db, cast.admin, name="区金融中心", full_name=full, department_id=opened.id, seen=opened
    )
    with pytest.raises(ValidationError, match=r"^部门的简称在您打开后已被他人修改") as info:
        admin.save_department(
            db, cast.admin, name="区金融局", full_name=full, department_id=opened.id, seen=opened
        )
    assert info.value.field == "name"
    assert _dept(db, "区金融中心").id == opened.id  # the first save stands, nothing else


def test_two_rule_forms_keep_each_others_changes(db: Database, cast: Cast) -> None:
    opened = _rule(db, "融资")
    _save_rule(db, cast, opened, reply_days=opened.reply_days + 1)
    _save_rule(db, cast, opened, return_days=opened.return_days + 2)
    now = _rule(db, "融资")
    assert now.reply_days == opened.reply_days + 1
    assert now.return_days == opened.return_days + 2


def test_a_rule_both_changed_differently_is_refused_whole(db: Database, cast: Cast) -> None:
    opened = _rule(db, "融资")
    _save_rule(db, cast, opened, max_days=opened.max_days + 5)
    with pytest.raises(ValidationError, match="交办规则的最长办理在您打开后已被他人修改"):
        _save_rule(db, cast, opened, max_days=opened.max_days + 9, active=not opened.active)
    now = _rule(db, "融资")
    assert now.max_days == opened.max_days + 5 and now.active == opened.active


def test_a_merge_that_breaks_a_rule_is_refused(db: Database, cast: Cast) -> None:
    """Each change alone is valid; together 签收 would exceed 办结: checked on the merge."""
    opened = _rule(db, "融资")
    _save_rule(db, cast, opened, reply_days=opened.resolve_days)
    with pytest.raises(ValidationError, match="签收 ≤ 办结"):
        _save_rule(db, cast, opened, resolve_days=opened.reply_days)
    assert _rule(db, "融资").resolve_days == opened.resolve_days
