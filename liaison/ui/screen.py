"""Base of the main window's screens: refresh when shown after a relevant change."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from liaison.ui.context import AppContext


class Screen(QWidget):
    """A page of the main window. Subclasses set `watches` and implement `refresh()`."""

    watches: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        ctx.hub.data_did_change.connect(self._on_change)

    def _on_change(self, kinds: frozenset[str]) -> None:
        if kinds & self.watches:
            self.stale = True
            if self.isVisible():
                self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self.stale = False
        self.refresh()

    def refresh(self) -> None:
        """Reload what the screen shows from the services."""
