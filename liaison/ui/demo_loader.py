"""Load the small demo district on first start, with a progress dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.ui.dialogs import show_error
from liaison.ui.ops import run_in_background


def load_small_demo(db: Database, parent: QWidget | None = None) -> bool:
    """Generate the small demo into `db` off the GUI thread; True when it worked."""
    from liaison.demo import generate

    loop = QEventLoop()
    outcome: list[bool] = []

    def done(_: object) -> None:
        outcome.append(True)
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome.append(False)
        loop.quit()
        show_error(parent, exc if isinstance(exc, DomainError) else repr(exc))

    run_in_background(
        parent,
        lambda: generate(db.path, scale="small"),
        done,
        failed,
        label=QCoreApplication.translate("DemoLoader", "正在生成演示数据…"),
    )
    if not outcome:
        loop.exec()
    return bool(outcome and outcome[0])
