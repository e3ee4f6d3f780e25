"""诉求台账: the demands raised in a period that match a filter, as an A4 landscape PDF (title
block, summary figures, a table whose header repeats on every page, overdue rows in red marked
▲超期) or as an .xlsx workbook (the same columns, real dates, a 汇总 sheet). The suffix of the
output path chooses the format."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
)

from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.domain.text import Text
from liaison.reports.pdf_common import (
    DISTRICT,
    LABEL_BG,
    Styles,
    build_pdf,
    fmt_date,
    grid_style,
    make_styles,
    para,
    title_block,
)
from liaison.reports.xlsx import Column, Sheet, write_workbook
from liaison.services.ledger_data import Ledger, LedgerFilter, ledger_count, ledger_data
from liaison.services.metrics_text import percent

__all__ = [
    "PDF_MAX_ROWS",
    "LedgerFilter",
    "LedgerTooLarge",
    "build_landscape_pdf",
    "check_pdf_size",
    "output_kind",
    "render_ledger",
]

PDF_MAX_ROWS = 5000
"""A ledger PDF of more rows (some 300 pages) is refused: narrow the filter or take Excel."""


class LedgerTooLarge(DomainError):
    """The ledger has more rows than a PDF may hold (the .xlsx has no cap)."""

    def __init__(self, rows: int, limit: int) -> None:
        super().__init__(
            Text(
                "台账共有 {0} 条诉求，超过 PDF 的上限 {1} 条：请缩小统计期或按单位、街镇、类别、"
                "状态筛选后再打印，或导出 Excel（不限条数）",
                rows,
                limit,
            )
        )
        self.rows = rows
        self.limit = limit


def check_pdf_size(db: Database, f: LedgerFilter, limit: int | None = None) -> int:
    """The ledger's row count; LedgerTooLarge when a PDF of it would pass the cap."""
    cap = PDF_MAX_ROWS if limit is None else limit
    rows = ledger_count(db, f)
    if rows > cap:
        raise LedgerTooLarge(rows, cap)
    return rows


TITLE = "诉求台账"
LAND_W, LAND_H = landscape(A4)
MARGIN_X = 14 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm
LAND_CONTENT_W = LAND_W - 2 * MARGIN_X
OVERDUE_RED = colors.HexColor("#C00000")
OVERDUE_BG = colors.HexColor("#FDECEC")
OVERDUE_MARK = "▲"  # the embedded fonts lack ⚠ (U+26A0)

HEADER = [
    "序号",
    "提出日期",
    "企业",
    "诉求",
    "类别",
    "牵头单位",
    "状态",
    "办结时限",
    "办结日期",
    "满意度",
]


def output_kind(out_path: Path | str) -> str:
    """'pdf' or 'xlsx' from the suffix; anything else is a DomainError."""
    suffix = Path(out_path).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise DomainError(
            Text("不支持的输出格式“{0}”：请选择 .pdf 或 .xlsx", suffix or Path(out_path).name)
        )
    return suffix[1:]


def period_words(start: date, end: date) -> str:
    return f"{fmt_date(start)} 至 {fmt_date(end)}"


def build_landscape_pdf(
    out_path: Path | str,
    story: list[Flowable],
    *,
    font: str,
    title: str,
    running: str,
    printed_at: datetime | None = None,
) -> Path:
    """Lay out `story` on A4 landscape and write it atomically to `out_path`."""
    return build_pdf(
        out_path,
        story,
        font=font,
        title=title,
        running=running,
        printed_at=printed_at,
        landscape_page=True,
    )


def summary_table(st: Styles, pairs: list[tuple[str, str]]) -> Table:
    """One row of labelled figures: 提出 | 12 | 已办结 | 8 | …"""
    label = st.label
    value = ParagraphStyle("figure", parent=st.center, fontSize=11)
    cells: list[Any] = []
    for k, v in pairs:
        cells += [para(k, label), para(v, value)]
    n = len(pairs)
    w = LAND_CONTENT_W / n
    table = Table([cells], colWidths=[w * 0.55, w * 0.45] * n)
    shades = [("BACKGROUND", (2 * i, 0), (2 * i, 0), LABEL_BG) for i in range(n)]
    table.setStyle(grid_style(shades))
    return table


def _d(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else "—"


def ledger_story(ledger: Ledger) -> tuple[list[Flowable], str]:
    st = make_styles()
    s = ledger.summary
    cell = ParagraphStyle("ledger-cell", parent=st.cell, fontSize=8.5, leading=11.5)
    story: list[Flowable] = [
        *title_block(st, TITLE),
        para(
            f"统计期：{period_words(ledger.filter.start, ledger.filter.end)}（按提出日期）"
            f"　　范围：{ledger.filter_words}",
            st.subtitle,
        ),
        Spacer(1, 3 * mm),
        summary_table(
            st,
            [
                ("提出", str(s.raised)),
                ("已办结", str(s.finished)),
                ("办结率", percent(s.resolution_rate)),
                ("在办", str(s.open)),
                ("超期", str(s.overdue)),
                ("撤回/并单", str(s.withdrawn_or_merged)),
            ],
        ),
        Spacer(1, 1.5 * mm),
        para(
            f"说明：提出数不含已撤回、已并单的诉求；办结率＝已办结（含已回访、已销号）÷提出；"
            f"超期指截至 {fmt_date(ledger.as_of)} 仍为已交办或办理中且已过办结时限，"
            f"表中以红色“{OVERDUE_MARK}”标出。",
            st.small,
        ),
        Spacer(1, 3 * mm),
    ]
    widths_mm = [11, 20, 48, 0, 22, 30, 16, 20, 20, 16]
    fixed = sum(widths_mm) * mm
    widths = [w * mm for w in widths_mm]
    widths[3] = LAND_CONTENT_W - fixed
    mid = ParagraphStyle("ledger-mid", parent=cell, alignment=1)
    red_mid = ParagraphStyle("ledger-red-mid", parent=mid, textColor=OVERDUE_RED)
    red = ParagraphStyle("ledger-red", parent=cell, textColor=OVERDUE_RED)
    data: list[list[Any]] = [[para(h, st.label) for h in HEADER]]
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)]
    for i, r in enumerate(ledger.rows, 1):
        over = r.overdue
        state = f"{OVERDUE_MARK}超期\n{r.state_label}" if over else r.state_label
        values = [
            str(i),
            _d(r.raised_on),
            r.enterprise,
            r.title,
            r.category,
            r.lead_unit or "—",
            state,
            _d(r.deadline),
            _d(r.resolved_on),
            r.satisfaction or "—",
        ]
        centered = (0, 1, 4, 6, 7, 8, 9)
        data.append(
            [
                para(v, (red_mid if over else mid) if c in centered else (red if over else cell))
                for c, v in enumerate(values)
            ]
        )
        if over:
            extra.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_BG))
    if not ledger.rows:
        data.append([para("（本期无符合条件的诉求）", mid)] + [""] * (len(HEADER) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(extra))
    story.append(table)
    return story, st.font


COLUMNS = [
    Column("序号", "int"),
    Column("提出日期", "date"),
    Column("企业"),
    Column("诉求"),
    Column("类别"),
    Column("牵头单位"),
    Column("状态"),
    Column("办结时限", "date"),
    Column("办结日期", "date"),
    Column("满意度"),
    Column("超期"),
    Column("诉求编号"),
]


def ledger_sheets(ledger: Ledger) -> list[Sheet]:
    rows = [
        [
            i,
            r.raised_on,
            r.enterprise,
            r.title,
            r.category,
            r.lead_unit or "",
            r.state_label,
            r.deadline,
            r.resolved_on,
            r.satisfaction or "",
            "超期" if r.overdue else "",
            r.id,
        ]
        for i, r in enumerate(ledger.rows, 1)
    ]
    red = {i for i, r in enumerate(ledger.rows) if r.overdue}
    s = ledger.summary
    summary = Sheet(
        "汇总",
        [
            Column("统计期起", "date"),
            Column("统计期止", "date"),
            Column("范围"),
            Column("提出", "int"),
            Column("已办结", "int"),
            Column("办结率", "pct"),
            Column("在办", "int"),
            Column("超期", "int"),
            Column("撤回/并单", "int"),
            Column("超期截至", "date"),
        ],
        [
            [
                ledger.filter.start,
                ledger.filter.end,
                ledger.filter_words,
                s.raised,
                s.finished,
                s.resolution_rate,
                s.open,
                s.overdue,
                s.withdrawn_or_merged,
                ledger.as_of,
            ]
        ],
        notes=["提出数不含已撤回、已并单的诉求；办结率＝已办结（含已回访、已销号）÷提出。"],
    )
    f = ledger.filter
    heading = f"{DISTRICT}{TITLE}（{f.start:%Y-%m-%d} 至 {f.end:%Y-%m-%d}，{ledger.filter_words}）"
    return [Sheet(TITLE, COLUMNS, rows, red_rows=red, heading=heading), summary]


def render_ledger(
    db: Database, f: LedgerFilter, out_path: Path | str, *, today: date | None = None
) -> Path:
    """Write the 诉求台账 for `f` to `out_path` (.pdf or .xlsx, atomically); return the path.

    A PDF of more than PDF_MAX_ROWS rows is refused (LedgerTooLarge) before anything is laid
    out; the .xlsx has no cap."""
    kind = output_kind(out_path)
    if kind == "pdf":
        check_pdf_size(db, f)
    ledger = ledger_data(db, f, today=today)
    if kind == "xlsx":
        return write_workbook(out_path, ledger_sheets(ledger), title=f"{DISTRICT}{TITLE}")
    story, font = ledger_story(ledger)
    period = f"{f.start:%Y-%m-%d} 至 {f.end:%Y-%m-%d}"
    return build_landscape_pdf(
        out_path,
        story,
        font=font,
        title=f"{TITLE}（{period}）",
        running=f"{TITLE}（{period}，{ledger.filter_words}）",
    )
