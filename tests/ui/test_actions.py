"""The action funnel (liaison.ui.actions): faults are shown and logged, refusals go back to the
form, a save waiting behind another program's lock keeps the window alive and takes one click."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog
from pytestqt.qtbot import QtBot

from liaison import logs
from liaison.data.db import Database
from liaison.domain.errors import ValidationError
from liaison.domain.uscc import make_uscc
from liaison.services.context import Actor
from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids
from liaison.services.reference_lists import list_streets
from liaison.ui import actions
from liaison.ui.context import AppContext
from liaison.ui.enterprises.edit_dialog import EnterpriseDialog
from tests.conftest import Cast
from tests.ui.conftest import type_text

NAME = "重庆寸滩港口物流有限公司"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[actions.ErrorDialog]:
    """ErrorDialogs the funnel showed (recorded instead of waiting for a click)."""
    seen: list[actions.ErrorDialog] = []

    def record(dialog: QDialog) -> None:
        assert isinstance(dialog, actions.ErrorDialog)
        seen.append(dialog)

    monkeypatch.setattr(actions, "show_dialog", record)
    return seen


@pytest.fixture
def log_text() -> Callable[[], str]:
    logs.setup()
    start = logs.log_file().stat().st_size if logs.log_file().exists() else 0

    def read() -> str:
        for handler in logs.log.handlers:
            handler.flush()
        with logs.log_file().open(encoding="utf-8") as f:
            f.seek(start)
            return f.read()

    return read


def _dialog(ctx: AppContext, qtbot: QtBot) -> EnterpriseDialog:
    dialog = EnterpriseDialog(ctx, list_streets(ctx.db))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, NAME)
    dialog.uscc.setText(make_uscc("91500105MA0000009"))
    return dialog


def _count(db: Database) -> int:
    return len(enterprise_ids(db, EnterpriseFilter()).ids)


def test_a_fault_is_shown_once_logged_with_its_traceback_and_the_form_keeps_its_input(
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[actions.ErrorDialog],
    log_text: Callable[[], str],
) -> None:
    def broken(*_args: object) -> str:
        raise RuntimeError("the index went away")

    monkeypatch.setattr("liaison.ui.enterprises.edit_dialog.register_enterprise", broken)
    dialog = _dialog(make_ctx(cast.admin), qtbot)
    before = _count(db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.name.text() == NAME  # nothing typed is lost
    assert "意外错误" in dialog.general_error.text()
    assert _count(db) == before
    assert len(shown) == 1
    error = shown[0]
    assert "RuntimeError: the index went away" in error.details
    assert "register_enterprise" not in error.message.text()  # the person reads Chinese
    assert str(logs.log_file()) in error.message.text()
    qtbot.mouseClick(error.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == error.details

    text = log_text()
    assert "failed register_enterprise: RuntimeError" in text
    assert "Traceback" in text and "the index went away" in text
    assert NAME not in text  # what the form held is not in the log


def test_a_refusal_goes_back_to_the_form_and_is_logged_by_kind_only(
    qtbot: QtBot, shown: list[actions.ErrorDialog], log_text: Callable[[], str]
) -> None:
    def refuse() -> None:
        raise ValidationError(f"企业“{NAME}”已登记", field="name")

    with pytest.raises(ValidationError, match="已登记"):
        actions.perform(None, "register_enterprise", refuse)
    assert shown == []
    text = log_text()
    assert "refused register_enterprise: ValidationError field=name" in text
    assert NAME not in text


def test_a_result_comes_back_as_from_a_plain_call(qtbot: QtBot, log_text: Callable) -> None:
    worker: list[str] = []

    def work() -> int:
        worker.append(threading.current_thread().name)
        return 42

    assert actions.perform(None, "answer", work) == 42
    assert worker[0].startswith("liaison-action")  # not the GUI thread
    assert "done answer in" in log_text()


HOLD = """
import sys, time
from liaison.data import driver
conn = driver.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture
def lock_held(db: Database) -> Iterator[Callable[[float], None]]:
    children: list[subprocess.Popen[str]] = []

    def hold(seconds: float) -> None:
        child = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db.path), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(child)
        assert child.stdout is not None and child.stdout.readline().strip() == "held"

    yield hold
    for child in children:
        child.wait(timeout=30)


def test_a_save_behind_another_programs_lock_keeps_the_window_alive_and_counts_once(
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
    qtbot: QtBot,
    lock_held: Callable[[float], None],
) -> None:
    dialog = _dialog(make_ctx(cast.admin), qtbot)
    saves: list[str] = []
    dialog.saved.connect(saves.append)
    before = _count(db)
    ticks = 0
    progress: list[str] = []
    clicked_again = False

    def tick() -> None:
        nonlocal ticks, clicked_again
        ticks += 1
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                progress.append(w.labelText())
        if ticks == 5 and not clicked_again:  # an impatient second click while it waits
            clicked_again = True
            QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    lock_held(1.5)  # another program writes for 1.5 s
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    timer.stop()

    assert ticks >= 20, ticks  # the window kept painting while the save waited its turn
    assert clicked_again and progress and progress[0] == "正在处理…"
    assert not dialog.isVisible()
    assert len(saves) == 1 and _count(db) == before + 1  # one click's worth, not two


def test_errors_nothing_caught_reach_the_dialog_and_the_log(
    qapp: QApplication,
    qtbot: QtBot,
    shown: list[actions.ErrorDialog],
    log_text: Callable[[], str],
) -> None:
    saved = sys.excepthook, threading.excepthook
    try:
        actions.install_excepthooks(qapp)
        try:
            raise KeyError("in a slot")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert "KeyError: 'in a slot'" in shown[0].details

        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert "ZeroDivisionError" in shown[1].details
    finally:
        sys.excepthook, threading.excepthook = saved
    text = log_text()
    assert "uncaught KeyError" in text and "uncaught ZeroDivisionError" in text


def test_the_error_dialog_reads_as_chinese_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = actions.ErrorDialog(None, "Traceback (most recent call last):\n  ...\nOSError: x")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "出现意外错误"
    assert dialog.copy_button.text() == "复制详情"
    assert "不是您的操作有误" in dialog.message.text()
    assert dialog.text.isReadOnly()


def test_a_fault_in_background_work_takes_the_same_path(
    qtbot: QtBot, shown: list[actions.ErrorDialog], log_text: Callable[[], str]
) -> None:
    """Long work (imports, bundles, reports) runs through run_in_background: a fault there is
    logged with its traceback, shown once, and reaches the screen as ActionFailed."""
    from liaison.ui.ops import run_in_background

    got: list[Exception] = []

    def broken() -> None:
        raise KeyError("unexpected column")

    run_in_background(None, broken, lambda _r: None, got.append, action="import_bundle")
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], actions.ActionFailed)
    assert len(shown) == 1 and "KeyError" in shown[0].details
    text = log_text()
    assert "import_bundle" in text and "Traceback" in text and "unexpected column" in text


def test_a_refusal_in_background_work_goes_back_to_the_screen(
    qtbot: QtBot, shown: list[actions.ErrorDialog], log_text: Callable[[], str]
) -> None:
    from liaison.ui.ops import run_in_background

    got: list[Exception] = []

    def refused() -> None:
        raise ValidationError("不是同步包")

    run_in_background(None, refused, lambda _r: None, got.append, action="check_bundle")
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], ValidationError) and str(got[0]) == "不是同步包"
    assert shown == []
    assert "check_bundle" in log_text()


def test_a_fault_while_checking_a_bundle_shows_in_the_preview(
    qtbot: QtBot,
    shown: list[actions.ErrorDialog],
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from liaison.ui.sync import preview

    def explode(*_a: object, **_k: object) -> None:
        raise MemoryError("out of memory reading the payload")

    monkeypatch.setattr(preview, "import_bundle", explode)
    bundle_file = tmp_path / "x.lsb"
    bundle_file.write_bytes(b"LSB")
    dialog = preview.ImportPreviewDialog(make_ctx(cast.admin), bundle_file)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(shown) == 1 and "MemoryError" in shown[0].details
    assert dialog.summary_label.text() == "不能导入这个同步包"
    assert "意外错误" in dialog.error_label.text()
