"""Bringing data in: enterprise rosters and 包联 lists from Excel (.xlsx) or CSV."""

from __future__ import annotations

from liaison.imports.assignments import import_assignments, preview_assignments
from liaison.imports.enterprises import import_enterprises, preview_enterprises
from liaison.imports.rows import FieldChange, ImportPreview, ImportResult, RowResult, RowStatus

__all__ = [
    "FieldChange",
    "ImportPreview",
    "ImportResult",
    "RowResult",
    "RowStatus",
    "import_assignments",
    "import_enterprises",
    "preview_assignments",
    "preview_enterprises",
]
