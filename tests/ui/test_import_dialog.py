"""The import dialog driven as a person would: choose a messy workbook, read the preview, import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from liaison.domain.uscc import make_uscc
from liaison.services import enterprises
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.enterprises.screen import EnterprisesScreen
from liaison.ui.imports import ImportDialog
from liaison.ui.imports.dialog import STATUS_COLORS
from tests.conftest import VALID_USCC, Cast

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester  # imported by pytest-qt once Qt is chosen

SCREENS = Path("/tmp/screens")


def code(n: int) -> str:
    return make_uscc(f"91500105MA{n:07d}")


BAD = code(7)[:-1] + ("X" if code(7)[-1] != "X" else "Y")


def messy_workbook(path: Path) -> Path:
    """A title row, synonyms for the headers, a bad check character and a duplicate row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年民营企业名录"])  # 1
    ws.merge_cells("A1:F1")
    ws.append(["序号", "单位名称", "信用代码", "法人", "镇街", "备注"])  # 2
    ws.append([1, "重庆导入测试科技有限公司", code(1), "张三", "观音桥", "重点"])  # 3 new
    ws.append([2, "重庆五宝导入有限公司", code(2).lower(), None, "鱼嘴镇", None])  # 4 new
    ws.append([3, "重庆错码有限公司", BAD, None, "鱼嘴镇", None])  # 5 bad check
    ws.append([4, "重复的导入测试科技", code(1), None, None, None])  # 6 repeats row 3
    ws.append([5, "重庆江北嘉陵机械有限公司", VALID_USCC, "王五", "观音桥街道", None])  # 7
    wb.save(path)
    return path


def open_with(qtbot: QtBot, ctx: AppContext, path: Path, kind: str = "enterprises") -> ImportDialog:
    dialog = ImportDialog(ctx, "enterprises" if kind == "enterprises" else "assignments")
    qtbot.addWidget(dialog)
    dialog.choose_file = lambda: path
    dialog.show()
    dialog.choose_button.click()
    return dialog


def test_preview_then_import(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    tmp_path: Path,
) -> None:
    ctx = make_ctx(cast.admin)
    announced: list[frozenset[str]] = []
    ctx.hub.data_did_change.connect(announced.append)
    path = messy_workbook(tmp_path / "企业名录.xlsx")
    dialog = open_with(qtbot, ctx, path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)

    assert "企业名录.xlsx" in dialog.file_label.text()
    assert dialog.header_label.text() == "表头在第 2 行"
    assert "企业名称" in dialog.columns_label.text()
    assert "序号" in dialog.ignored_label.text() and "备注" in dialog.ignored_label.text()
    assert dialog.counts_label.text() == "新增 2 / 更新 1 / 无变化 0 / 有问题 2"
    assert dialog.error_label.text() == ""
    model = dialog.model
    assert model.rowCount() == 5
    qtmodeltester.check(model)

    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    bad = rows["5"]
    assert model.index(bad, 1).data() == "有问题"
    assert "统一社会信用代码第 18 位" in model.index(bad, 4).data()
    brush = model.index(bad, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color().name() == STATUS_COLORS[dialog.model.rows[bad].status].lower()
    assert brush.color().name() == "#c0392b"
    assert model.index(rows["6"], 4).data() == "第 6 行：统一社会信用代码与第 3 行重复"
    assert model.index(rows["7"], 1).data() == "更新"
    assert "法定代表人：空 → 王五" in model.index(rows["7"], 4).data()

    dialog.problems_only.setChecked(True)
    assert model.rowCount() == 2
    dialog.problems_only.setChecked(False)
    assert model.rowCount() == 5

    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "导入 3 行"

    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "import_dialog.png"))

    assert dialog.export_button.isEnabled()
    target = tmp_path / "问题行.csv"
    dialog.choose_export_path = lambda: target
    dialog.export_button.click()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,企业名称,统一社会信用代码,说明"
    assert [line.split(",")[0] for line in lines[1:]] == ["5", "6"]

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    assert dialog.result_label.text() == "已导入：新增 2，更新 1；有问题的 2 行未导入"
    assert not dialog.import_button.isEnabled()
    assert frozenset({"enterprise"}) in announced

    found = enterprises.search_enterprises(ctx.db, "导入测试科技")
    assert len(found.enterprise_ids) == 1
    assert len(enterprises.search_enterprises(ctx.db, "五宝导入").enterprise_ids) == 1
    assert enterprises.search_enterprises(ctx.db, "错码").enterprise_ids == []


def test_a_broken_file_shows_one_line_and_nothing_to_import(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, tmp_path: Path
) -> None:
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(bytes(range(256)) * 8)
    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog = open_with(qtbot, make_ctx(cast.admin), path)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=10000)
    assert "坏文件.xlsx" in dialog.error_label.text()
    assert "\n" not in dialog.error_label.text()
    assert dialog.error_label.isVisible()
    dialog.grab().save(str(SCREENS / "import_dialog_broken.png"))
    assert dialog.preview is None
    assert not dialog.import_button.isEnabled()
    assert dialog.model.rowCount() == 0
    assert dialog.choose_button.isEnabled()


def test_assignments_dialog_for_a_supervisor(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, tmp_path: Path
) -> None:
    ctx = make_ctx(cast.supervisor)
    announced: list[frozenset[str]] = []
    ctx.hub.data_did_change.connect(announced.append)
    path = tmp_path / "包联.csv"
    path.write_text(
        f"统一社会信用代码,包联干部\n{VALID_USCC},cadre2\n{code(99)},cadre2\n", encoding="utf-8"
    )
    dialog = open_with(qtbot, ctx, path, kind="assignments")
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.counts_label.text() == "新增 1 / 更新 0 / 无变化 0 / 有问题 1"
    assert dialog.model.columns[4].title == "包联干部"
    assert dialog.model.index(0, 4).data() == "cadre2"
    assert dialog.import_button.text() == "导入 1 行"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    assert dialog.result_label.text() == "已导入：新增 1，更新 0；有问题的 1 行未导入"
    assert frozenset({"enterprise", "account"}) in announced


@pytest.mark.parametrize(("who", "visible"), [("supervisor", True), ("finance_handler", False)])
def test_enterprise_screen_shows_the_import_button_to_editors(
    qtbot: QtBot,
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    who: str,
    visible: bool,
) -> None:

    screen = EnterprisesScreen(make_ctx(getattr(cast, who)))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.import_button.isVisible() is visible
    if visible:
        dialog = screen.open_import()
        assert dialog.kind == "enterprises"
        dialog.close()
