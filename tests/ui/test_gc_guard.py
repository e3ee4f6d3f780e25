"""The cycle collector runs on the GUI thread only (liaison.ui.gc_guard)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from liaison.ui.gc_guard import GuiThreadCollector, collect_on_gui_thread


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_cycles_are_freed_by_the_gui_thread_not_by_a_busy_worker(
    qapp: QApplication, qtbot: QtBot
) -> None:
    assert collect_on_gui_thread(qapp) is collect_on_gui_thread(qapp)  # installed once
    assert len(qapp.findChildren(GuiThreadCollector)) == 1
    assert not gc.isenabled()
    widget = QWidget()
    widget.cycle = widget  # type: ignore[attr-defined]  # a Qt object in a cycle
    gone = weakref.ref(widget)
    del widget
    freed_in: list[str] = []

    def allocate() -> None:  # far past the first threshold, off the GUI thread
        _ = [_Node() for _ in range(20_000)]
        freed_in.append("alive" if gone() is not None else "worker")

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed_in == ["alive"]  # the worker's allocations collected nothing
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)  # the GUI thread's timer did
