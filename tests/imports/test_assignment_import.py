"""Importing 包联 lists: cadres put in charge of registered enterprises."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from liaison.data.db import Database
from liaison.data.models import Assignment
from liaison.domain import clock
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.domain.uscc import make_uscc
from liaison.imports import RowStatus, import_assignments, preview_assignments
from liaison.imports import assignments as ia
from liaison.services import enterprises
from tests.conftest import CAST_ASSIGNED_DAYS, VALID_USCC, Cast


def code(n: int) -> str:
    return make_uscc(f"91500105MA{n:07d}")


def _second_enterprise(db: Database, cast: Cast) -> str:
    return enterprises.register_enterprise(
        db,
        cast.admin,
        enterprises.EnterpriseInput(name="重庆鱼嘴物流有限公司", uscc=code(2)),
    )


def assignment_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年民营企业包联名单"])  # 1
    ws.merge_cells("A1:G1")
    ws.append(["序号", "企业名称", "联络干部", "统一社会信用代码", "是否牵头", "开始日期", "备注"])
    rows: list[list[Any]] = [
        [1, "重庆江北嘉陵机械有限公司", "cadre2", VALID_USCC.lower(), "否", datetime(2026, 3, 1)],
        [2, "重庆江北嘉陵机械有限公司", "cadre", VALID_USCC, "否", None],  # 4: update
        [3, "重庆鱼嘴物流有限公司", "ｃａｄｒｅ", None, "是", "2026年3月2日"],  # 5: by name
        [],  # 6: blank
        [5, "不存在公司", "cadre", code(99), "是", None],  # 7
        [6, "重庆鱼嘴物流有限公司", "王麻子", code(2), "是", None],  # 8
        [7, "重庆鱼嘴物流有限公司", "finance", code(2), "是", None],  # 9
        [8, "重庆江北嘉陵机械有限公司", "cadre2", VALID_USCC, "否", None],  # 10: repeat of 3
        [9, "重庆鱼嘴物流有限公司", "staff", code(2), "也许", "2026/13/1"],  # 11
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_preview_and_import_of_a_list(db: Database, cast: Cast, tmp_path: Path) -> None:
    second = _second_enterprise(db, cast)
    path = assignment_list(tmp_path / "包联.xlsx")
    preview = preview_assignments(db, path)
    assert preview.header_row == 2
    assert preview.ignored_columns == ("序号", "备注")
    rows = {r.row: r for r in preview.rows}
    assert {n: r.status for n, r in rows.items()} == {
        3: RowStatus.NEW,
        4: RowStatus.UPDATE,
        5: RowStatus.NEW,
        7: RowStatus.ERROR,
        8: RowStatus.ERROR,
        9: RowStatus.ERROR,
        10: RowStatus.ERROR,
        11: RowStatus.ERROR,
    }
    assert [(c.label, c.old, c.new) for c in rows[4].changes] == [("是否牵头", "是", "否")]
    assert rows[7].message == f"第 7 行：统一社会信用代码 {code(99)} 尚未登记（请先导入企业名单）"
    assert rows[8].message == "第 8 行：包联干部“王麻子”没有对应的账号"
    assert rows[9].message == "第 9 行：“finance”不是联络干部或街镇专员"
    assert rows[10].message == "第 10 行：与第 3 行重复（同一企业、同一包联干部）"
    assert rows[10].duplicate_of == 3
    assert rows[11].message == (
        "第 11 行：是否牵头“也许”无法识别（请填“是”或“否”）；"
        "开始日期“2026/13/1”无法识别（请写成 2021-05-18 或 2021年5月18日）"
    )

    result = import_assignments(db, cast.supervisor, path)
    assert (result.added, result.updated, result.unchanged, result.errors) == (2, 1, 0, 5)
    first = enterprises.get_enterprise(db, cast.enterprise_id)
    got = {(a.cadre, a.is_lead, a.start_on) for a in first.assignments}
    since = clock.today() - timedelta(days=CAST_ASSIGNED_DAYS)  # the cast's, kept
    assert got == {("cadre", False, since), ("cadre2", False, date(2026, 3, 1))}
    other = enterprises.get_enterprise(db, second)
    assert [(a.cadre, a.is_lead, a.start_on) for a in other.assignments] == [
        ("cadre", True, date(2026, 3, 2))
    ]

    again = import_assignments(db, cast.supervisor, path)
    assert (again.added, again.updated, again.unchanged, again.errors) == (0, 0, 3, 5)


def test_street_staff_only_for_their_street(db: Database, cast: Cast, tmp_path: Path) -> None:
    _second_enterprise(db, cast)  # no street
    path = tmp_path / "l.csv"
    path.write_text(
        f"统一社会信用代码,包联干部\n{VALID_USCC},cadre2\n{code(2)},cadre2\n", encoding="utf-8"
    )
    result = import_assignments(db, cast.street_staff, path)
    assert result.added == 1
    (err,) = result.error_rows
    assert (
        err.message == "第 3 行：“重庆鱼嘴物流有限公司”不在本街镇：只能为本街镇的企业安排包联干部"
    )


def test_cadres_may_not_import_lists(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = assignment_list(tmp_path / "包联.xlsx")
    with pytest.raises(PermissionDenied):
        import_assignments(db, cast.cadre, path)


def test_a_list_without_a_cadre_column_is_refused(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text(f"企业名称,统一社会信用代码\n甲,{VALID_USCC}\n", encoding="utf-8")
    with pytest.raises(DomainError, match="找不到包联名单的表头"):
        preview_assignments(db, path)


def test_failure_mid_way_rolls_back(
    db: Database, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _second_enterprise(db, cast)
    path = assignment_list(tmp_path / "包联.xlsx")
    with db.session() as s:
        before = sorted(
            tuple(r)
            for r in s.execute(select(Assignment.id, Assignment.is_lead, Assignment.start_on))
        )
    real = ia._assignment_values
    calls = 0

    def fail_on_second(*args: Any) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(ia, "CHUNK", 1)
    monkeypatch.setattr(ia, "_assignment_values", fail_on_second)
    with pytest.raises(RuntimeError):
        import_assignments(db, cast.admin, path)
    with db.session() as s:
        after = sorted(
            tuple(r)
            for r in s.execute(select(Assignment.id, Assignment.is_lead, Assignment.start_on))
        )
        assert s.scalar(select(func.count()).select_from(Assignment)) == 1
    assert after == before
