"""Messages the core makes, in the UI: listed for translation (and kept up to date), shown in
English with the English translator, unchanged in Chinese."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.services import demands, enterprises, visits, worklist
from liaison.services.context import Actor
from liaison.sync.log import checks as sync_checks
from liaison.sync.log import records as sync_entities
from liaison.ui.context import AppContext
from liaison.ui.core_text import tr_core
from tests.conftest import Cast, log_demands

ROOT = Path(__file__).resolve().parents[2]


def _load_extractor() -> ModuleType:
    path = ROOT / "scripts" / "extract_core_messages.py"
    spec = importlib.util.spec_from_file_location("extract_core_messages", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _refusal(call: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def test_the_generated_list_of_core_messages_is_up_to_date() -> None:
    extractor = _load_extractor()
    current = (ROOT / extractor.OUTPUT).read_text(encoding="utf-8")
    assert extractor.render() == current, (
        "a core message changed: run .venv/bin/python scripts/extract_core_messages.py, "
        "then scripts/update_translations.sh and translate what it lists"
    )


def test_the_extractor_finds_errors_helpers_subclasses_and_notes() -> None:
    found = _load_extractor().collect()
    assert "只有牵头单位的承办人可以执行此操作" in found.static  # PermissionDenied("…")
    assert "序号不对" in found.static  # through the helper _bad(n, "…")
    assert "数据库中已有企业数据，演示数据只能生成到空数据库" in found.static  # a constant
    assert "只能为本街镇的企业安排包联干部" in found.static  # assign_refusal's answer
    assert "尚未走访" in found.static  # a work list note
    assert "当前角色不能执行“{0}”" in found.static  # a Text's key
    assert "同步包第 {0} 条变更无效：{1}" in found.static
    assert any(p.startswith("台账共有 {0} 条诉求") for p in found.static)  # LedgerTooLarge
    assert "数据库尚未初始化（缺少{0}），请先运行 liaison init" in found.static  # a constant key
    assert "本机设备" in found.static  # a value that is core text
    assert "第 {0} 条诉求" in found.static  # the local a message is built from
    assert "政策依据" in found.static  # an entry of the table a message is built from
    assert found.unkeyed == set()


def test_a_message_with_values_made_as_an_f_string_is_caught(tmp_path: Path) -> None:
    """Its finished Chinese could only be translated by reading it back: not allowed."""
    module = tmp_path / "liaison" / "services" / "made_up.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from liaison.domain.errors import DomainError\n"
        "from liaison.domain.text import Text\n"
        "def a(n):\n"
        "    raise DomainError(f'第 {n} 行有误')\n"
        "def b(n):\n"
        "    raise DomainError(Text('第 {0} 行有误', n))\n",
        encoding="utf-8",
    )
    found = _load_extractor().collect(tmp_path)
    assert found.unkeyed == {"liaison/services/made_up.py:4: 第  行有误"}
    assert "第 {0} 行有误" in found.static


def test_a_static_refusal_from_a_service_is_in_english(
    english: None, db: Database, cast: Cast
) -> None:
    (demand_id,) = log_demands(db, cast, "贷款贴息")
    demands.route_demand(db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept)
    exc = _refusal(lambda: demands.accept_demand(db, cast.hr_handler, demand_id))  # not the lead
    assert isinstance(exc, PermissionDenied)
    assert str(exc) == "只有牵头单位的承办人可以执行此操作"  # the core stays Chinese
    assert tr_core(exc) == "Only the lead unit's handlers can do this"


def test_a_refusal_with_values_fills_them_in_translated(
    english: None, db: Database, cast: Cast
) -> None:
    (demand_id,) = log_demands(db, cast, "贷款贴息")
    exc = _refusal(
        lambda: demands.route_demand(
            db, cast.cadre, demand_id, lead_department_id=cast.finance_dept
        )
    )
    assert str(exc) == "当前角色不能执行“交办”"
    assert tr_core(exc) == 'Your role may not perform "Route"'
    assert tr_core(Text("结束日期不能早于开始日期（{0}）", "2026-11-01")) == (
        "The end date cannot be before the start date (2026-11-01)"
    )
    where = Text("第 {0} 条诉求", 2)
    demand_2 = Text("{0}：请选择诉求类别", where)
    assert tr_core(demand_2) == "Demand 2: please choose a demand category"
    roles = _refusal(lambda: cast.cadre.require(Role.ADMIN, Role.SUPERVISOR))
    assert str(roles) == "只有管理员、督办可以执行此操作"
    assert tr_core(roles) == "Only Administrator or Supervisor can do this"
    needs = Text("“{0}”需要填写{1}", "办结", "政策依据")
    assert tr_core(needs) == '"Resolve" needs the policy basis'
    assert tr_core(Text("同步包第 {0} 条变更无效：{1}", 7, "序号不对")) == (
        "Change 7 of the sync bundle is invalid: wrong sequence number"
    )


def test_finished_chinese_is_never_read_back(english: None) -> None:
    """Only a Text's key is translated: the same words as a plain string are left alone."""
    assert tr_core("第 2 条诉求：请选择诉求类别") == "第 2 条诉求：请选择诉求类别"
    assert tr_core("只有管理员、督办可以执行此操作") == "只有管理员、督办可以执行此操作"


def test_why_a_bundle_row_is_refused_is_in_english(english: None) -> None:
    """The field checks' reasons (liaison.sync.log.checks) inside the row's refusal."""
    visit = sync_entities.BY_NAME["visit"]
    why = sync_checks.check_text(visit, '{"visit_date": "2026-02-30"}')
    assert why == "visit.visit_date 不是有效的日期"
    assert tr_core(Text("同步包第 {0} 条变更无效：{1}", 3, why)) == (
        "Change 3 of the sync bundle is invalid: visit.visit_date is not a valid date"
    )
    twice = sync_checks.check_text(visit, '{"mode": "phone", "mode": "phone"}')
    assert tr_core(Text("同步包第 {0} 条变更无效：{1}", 4, twice)).endswith(
        "a field is given twice"
    )


def test_unknown_text_comes_back_unchanged(english: None) -> None:
    assert tr_core("观音桥街道") == "观音桥街道"
    assert tr_core("") == ""
    assert tr_core("Something else") == "Something else"
    assert tr_core("已交办") == "Routed"  # a core label
    assert tr_core(Text("{0} · {1}", "观音桥街道", "尚未走访")) == "观音桥街道 · Not visited yet"


def test_in_chinese_core_text_is_shown_as_the_core_wrote_it(qapp: QApplication) -> None:
    roles = Text("只有{0}可以执行此操作", ("管理员", "督办"))
    assert tr_core(roles) == str(roles) == "只有管理员、督办可以执行此操作"
    assert tr_core("结束日期不能晚于今天") == "结束日期不能晚于今天"
    line = Text("{0} · {1}", "观音桥街道", "尚未走访")
    assert tr_core(line) == "观音桥街道 · 尚未走访"


def test_work_list_notes_are_in_english(english: None, db: Database, cast: Cast) -> None:
    wl = worklist.worklist(db, cast.cadre)
    unvisited = next(s for s in wl.sections if s.key == "unvisited")
    assert unvisited.items, "the cast's enterprise is assigned to the cadre and not visited"
    note = unvisited.items[0].secondary
    assert note.endswith(" · 尚未走访")
    shown = tr_core(note)
    assert shown.endswith(" · Not visited yet")
    assert shown.split(" · ")[0] == note.split(" · ")[0]  # the street's name stays
    resolved = Text("{0} · {1} · {2}", "区金融办", Text("{0} 办结", "11-20"), "已解决")
    assert tr_core(resolved) == "区金融办 · resolved 11-20 · Solved"


def test_a_refused_visit_deletion_shows_english_in_the_dialog(
    english: None, qtbot: QtBot, db: Database, cast: Cast, make_ctx: Callable[[Actor], AppContext]
) -> None:
    from liaison.ui.visits.screen import VisitsScreen

    visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(cast.enterprise_id, clock.today(), "onsite", "了解企业经营情况"),
    )
    screen = VisitsScreen(make_ctx(cast.cadre))
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    qtbot.waitExposed(screen)
    screen.table.selectRow(0)
    dialog = screen.open_delete_dialog()
    assert dialog is not None
    dialog.confirm_button.click()  # no reason: the core refuses, the dialog stays open
    assert dialog.isVisible()
    assert dialog.error.text() == "Please give a reason for the deletion"


def test_refusals_made_of_parts_come_out_whole_in_english(
    english: None, db: Database, cast: Cast
) -> None:
    """A refusal handed on by another service, and a list of positions: each part keeps its
    key, so no Chinese is left but the names people typed."""
    import re

    from liaison.domain.errors import ValidationError
    from liaison.domain.uscc import validate_uscc
    from liaison.services.enterprise_history import visit_refusal

    name = enterprises.get_enterprise(db, cast.enterprise_id).name
    why = visit_refusal(db, cast.other_cadre, cast.enterprise_id)
    assert why == f"您未包联“{name}”，请联系督办安排包联"
    assert tr_core(why) == f'You are not assigned to "{name}"; ask a supervisor to assign you'
    with pytest.raises(ValidationError) as bad:
        validate_uscc("91500105MA0I0O0OX1")
    assert "第 12 位“I”、第 14 位“O”、第 16 位“O”" in str(bad.value)
    shown = tr_core(bad.value)
    assert not re.search(r"[\u3400-\u9fff]", shown) and "position 12" in shown, shown
