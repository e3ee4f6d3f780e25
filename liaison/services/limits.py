"""How long a typed value may be: what its column takes and every device accepts.

Forms cap their fields with this, so a person cannot type what saving would refuse (the op
log checks every shared value as another device will: liaison.sync.log.checks).
"""

from __future__ import annotations

from liaison.data.models import Base
from liaison.sync.log.checks import MAX_TEXT


def max_length(table: str, column: str) -> int:
    """The most characters `table.column` takes."""
    col = Base.metadata.tables[table].c[column]
    return getattr(col.type, "length", None) or MAX_TEXT
