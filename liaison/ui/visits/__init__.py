"""走访: the visit form (enterprise picker, inline demands, autosaved draft) and recent visits."""

from liaison.ui.visits.picker import EnterprisePicker
from liaison.ui.visits.screen import VisitsScreen

__all__ = ["EnterprisePicker", "VisitsScreen"]
