"""Liaison (百千万企业走访联络系统): the Qt-free core of the desktop CRM."""

__version__ = "0.1.0"
