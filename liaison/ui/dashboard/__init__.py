"""统计: the supervisors' figures for a period — screen, table, chart, and the drill-down from a
figure to the demands behind it."""

from liaison.ui.dashboard.screen import DashboardScreen

__all__ = ["DashboardScreen"]
