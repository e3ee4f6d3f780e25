"""诉求: list with filters, detail with the timeline, and the closed-loop action dialogs."""

from liaison.ui.demands.screen import DemandsScreen

__all__ = ["DemandsScreen"]
