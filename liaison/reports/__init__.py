"""Printable records (PDF): 企业走访记录表 and 诉求办结销号单.

Qt-free: rendered with reportlab in an embedded TrueType CJK font, so the file reads the same on
any machine and prints from any viewer.
"""

from __future__ import annotations

from liaison.reports.closure_record import render_closure_record
from liaison.reports.visit_record import render_visit_record

__all__ = ["render_closure_record", "render_visit_record"]
