"""Python's cycle collector runs on the GUI thread only.

The collector runs in whichever thread allocates past its threshold — a background job
(`liaison.ui.ops.run_in_background`) writing an Excel file, say. The cycles it frees can hold
Qt objects (the widgets of a closed dialog), and destroying those off the GUI thread crashes
the process: a test run died so, "Garbage-collecting" in a pool thread inside openpyxl. So the
automatic collector is switched off and a timer on the GUI thread collects each generation
when the automatic collector would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(INTERVAL_MS)

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds (as gc would)."""
        counts = gc.get_count()
        generation = -1
        for g, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if count <= threshold:
                break
            generation = g
        if generation >= 0:
            gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once for `app` (the QApplication, created on the GUI thread)."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
