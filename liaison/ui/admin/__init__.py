"""管理: accounts, departments, categories and routing rules, holidays (admins only)."""

from liaison.ui.admin.screen import AdminScreen

__all__ = ["AdminScreen"]
