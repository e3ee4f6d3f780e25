"""The English translation covers every UI string, is compiled, and is what the app shows."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator
from pytestqt.qtbot import QtBot

from liaison.services.context import Actor
from liaison.ui.context import AppContext
from tests.conftest import Cast

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "liaison_en.ts"
QM = ROOT / "resources" / "i18n" / "liaison_en.qm"
HOW_TO_FIX = (
    "run scripts/update_translations.sh, translate what it lists as unfinished in "
    "resources/i18n/liaison_en.ts (Qt Linguist or a text editor), then run the script again"
)


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n_tool.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def committed() -> list:
    return [m for m in tool.read_ts(TS) if m.kind not in {"vanished", "obsolete"}]


@pytest.fixture(scope="module")
def in_code(tmp_path_factory: pytest.TempPathFactory) -> list:
    """What lupdate finds in liaison/ui today, in a fresh .ts."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    tool.run_lupdate(fresh, ROOT)
    return tool.read_ts(fresh)


def test_every_ui_string_has_an_english_translation(in_code: list, committed: list) -> None:
    assert len(in_code) > 100, "lupdate found almost nothing: is liaison/ui there?"
    done = {(m.context, m.source) for m in committed if m.kind == "" and m.translation.strip()}
    missing = [m for m in in_code if (m.context, m.source) not in done]
    assert not missing, (
        f"{len(missing)} UI string(s) have no English translation; {HOW_TO_FIX}:\n"
        + "\n".join(
            f"  [{m.context}] {m.source!r} ({m.where.removeprefix('../../')})" for m in missing[:40]
        )
    )


def test_the_compiled_qm_matches_the_ts(committed: list) -> None:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} is missing or unreadable; {HOW_TO_FIX}"
    stale = [
        m
        for m in committed
        if m.kind == "" and translator.translate(m.context, m.source) != m.translation
    ]
    assert not stale, (
        f"{QM.name} is older than {TS.name} for {len(stale)} message(s); "
        "run scripts/update_translations.sh:\n"
        + "\n".join(f"  [{m.context}] {m.source!r}" for m in stale[:20])
    )


def test_translations_keep_placeholders_and_accelerators(committed: list) -> None:
    wrong = [p for p in tool.problems(committed) if not p.startswith("unfinished")]
    assert not wrong, "\n".join(wrong)


def test_placeholder_check_catches_a_lost_or_invented_placeholder() -> None:
    def msg(source: str, translation: str, comment: str = "") -> object:
        return tool.Message("C", source, translation, "", "", comment)

    assert tool.placeholder_problem(msg("共 {n} 家", "{n} enterprises")) == ""
    assert tool.placeholder_problem(msg("截至 {day:%Y-%m-%d}", "by {day:%Y-%m-%d}")) == ""
    assert tool.placeholder_problem(msg("共 {n} 家", "enterprises"))
    assert tool.placeholder_problem(msg("共 %1 家", "%2 enterprises"))
    assert tool.placeholder_problem(msg("{a}", "{a} {b}"))
    assert tool.placeholder_problem(msg("{d} 星期{w}", "{d}", "omits {w}: Chinese")) == ""


def test_problems_flag_stray_ampersands_and_leftover_chinese() -> None:
    def problems(source: str, translation: str, comment: str = "") -> list[str]:
        return tool.problems([tool.Message("C", source, translation, "", "", comment)])

    assert problems("文件(&F)", "&File") == []
    assert problems("账号与角色", "Accounts && roles") == []
    assert problems("账号与角色", "Accounts & roles")  # Qt would underline the space
    assert problems("文件(&F)", "File")
    assert problems("保存", "保存")
    assert problems("如 rz＝融资", "e.g. rz = 融资", "keeps Chinese: category names") == []


def test_main_window_speaks_english(
    english: None, qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    from liaison.ui.main_window import MainWindow

    window = MainWindow(make_ctx(cast.admin))
    qtbot.addWidget(window)
    labels = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
    assert labels == ["Home", "Enterprises", "Visits", "Demands", "Statistics", "Admin", "Sync"]
    assert window.windowTitle() == "Enterprise Liaison System"
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&File" in menus


def test_chinese_is_back_after_english(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    from liaison.ui.main_window import MainWindow

    window = MainWindow(make_ctx(cast.admin))
    qtbot.addWidget(window)
    assert window.nav_list.item(0).text() == "工作台"
    assert window.windowTitle() == "百千万企业走访联络系统"
