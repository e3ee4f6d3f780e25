"""What every screen needs: the open database, who is signed in, and the change hub."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from liaison.data.db import Database
from liaison.domain.roles import ROLE_LABELS
from liaison.services.context import Actor, unit_name

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
    _unit: str | None = None

    def unit(self) -> str:
        """The signed-in person's department or street ('' for the district office)."""
        if self._unit is None:
            self._unit = unit_name(self.db, self.actor)
        return self._unit

    def who(self) -> str:
        """How the screens name the signed-in person: “大石坝街道 · 冯霞亮（街镇专员）”."""
        from liaison.ui import vocab

        role = vocab.label(ROLE_LABELS, self.actor.role)
        me = QCoreApplication.translate("AppContext", "{name}（{role}）").format(
            name=self.actor.display_name, role=role
        )
        return f"{self.unit()} · {me}" if self.unit() else me
