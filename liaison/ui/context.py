"""What every screen needs: the open database, who is signed in, and the change hub."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from liaison.data.db import Database
from liaison.services.context import Actor

ENTERPRISE = "enterprise"
VISIT = "visit"
DEMAND = "demand"
ACCOUNT = "account"
REFERENCE = "reference"


class ChangeHub(QObject):
    """Operations announce what they changed; screens mark themselves stale (Anki's op_executed)."""

    data_did_change = Signal(frozenset)

    def announce(self, *kinds: str) -> None:
        self.data_did_change.emit(frozenset(kinds))


class Navigator(Protocol):
    """What a screen may ask the main window to open (implemented by MainWindow)."""

    def open_enterprise(self, enterprise_id: str) -> None: ...
    def open_demand(self, demand_id: str) -> None: ...
    def new_visit(self, enterprise_id: str | None = None) -> None: ...
    def show_screen(self, name: str) -> None: ...


@dataclass
class AppContext:
    db: Database
    actor: Actor
    hub: ChangeHub
    nav: Navigator | None = None
