"""The 同步 screen: offline exchange of bundles, conflicts, devices, history."""

from liaison.ui.sync.screen import SyncScreen

__all__ = ["SyncScreen"]
