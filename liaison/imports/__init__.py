"""Bringing data in: enterprise rosters and 包联 lists from Excel (.xlsx) or CSV."""

from __future__ import annotations

from liaison.imports.enterprise_import import (
    FieldChange,
    ImportPreview,
    ImportResult,
    RowResult,
    RowStatus,
    import_assignments,
    import_enterprises,
    preview_assignments,
    preview_enterprises,
)

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
