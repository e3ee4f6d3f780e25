"""Importing enterprise rosters and 包联 lists: preview first, then import."""

from __future__ import annotations

from liaison.ui.imports.dialog import ImportDialog

__all__ = ["ImportDialog"]
