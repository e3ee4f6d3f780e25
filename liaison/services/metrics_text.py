"""Metrics as a plain-text table (the CLI) and as JSON (scripts)."""

from __future__ import annotations

import unicodedata
from typing import Any

from liaison.services.metrics import RATE_SHARES, MetricRow, MetricsReport

GROUP_LABELS = {"department": "部门", "street": "街镇", "cadre": "干部", "category": "诉求类别"}

RATE_LABELS = {
    "coverage": "走访覆盖率",
    "on_time_acceptance": "按期签收率",
    "return_rate": "回退率",
    "resolution_rate": "办结率",
    "on_time_resolution": "按期办结率",
    "reopen_rate": "重办率",
    "satisfaction_rate": "满意率",
}
RATES: tuple[tuple[str, str], ...] = tuple((name, RATE_LABELS[name]) for name in RATE_SHARES)
COUNTS: tuple[tuple[str, str], ...] = (
    ("coverage_assigned", "包联企业"),
    ("coverage_visited", "已走访"),
    ("routed", "交办"),
    ("accepted_on_time", "按期签收"),
    ("returned", "退回"),
    ("raised", "提出诉求"),
    ("resolved_or_closed", "已办结"),
    ("resolved", "办结"),
    ("resolved_on_time", "按期办结"),
    ("reopened", "重办"),
    ("followed_up", "回访"),
    ("satisfied", "满意"),
    ("overdue", "超期"),
)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def format_table(report: MetricsReport) -> str:
    """A table that lines up in a terminal (Chinese characters are two columns wide)."""
    head = [GROUP_LABELS[report.by], *(label for _, label in RATES), "超期"]
    rows = [_cells(r) for r in (*report.rows, report.total)]
    widths = [max(_width(x) for x in col) for col in zip(head, *rows, strict=True)]
    lines = [
        f"{report.start:%Y-%m-%d} 至 {report.end:%Y-%m-%d}（截至 {report.as_of:%Y-%m-%d}）",
        "  ".join(_pad(h, w, i > 0) for i, (h, w) in enumerate(zip(head, widths, strict=True))),
    ]
    for n, cells in enumerate(rows):
        if n == len(rows) - 1:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        lines.append(
            "  ".join(_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        )
    return "\n".join(lines)


def _cells(row: MetricRow) -> list[str]:
    return [row.label, *(percent(getattr(row, name)) for name, _ in RATES), str(row.overdue)]


def _row_json(row: MetricRow) -> dict[str, Any]:
    out: dict[str, Any] = {"key": row.key, "label": row.label}
    out.update({name: getattr(row, name) for name, _ in COUNTS})
    out.update({name: getattr(row, name) for name, _ in RATES})
    return out


def to_json(report: MetricsReport) -> dict[str, Any]:
    return {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "as_of": report.as_of.isoformat(),
        "by": report.by,
        "rows": [_row_json(r) for r in report.rows],
        "total": _row_json(report.total),
    }
