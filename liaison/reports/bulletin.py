"""Monthly 通报: the docs/rules.md figures of a month by department and by street (straight from
`compute_metrics`), the 红黑榜 of departments, two bar charts and the overdue list as of the
month's end; as an A4 landscape PDF or an .xlsx workbook (sheets 部门指标, 街镇指标, 红黑榜,
超期清单), chosen by the output path's suffix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from liaison.data.db import Database
from liaison.reports.ledger import (
    LAND_CONTENT_W,
    OVERDUE_RED,
    build_landscape_pdf,
    output_kind,
    period_words,
    summary_table,
)
from liaison.reports.pdf_common import (
    DISTRICT,
    LABEL_BG,
    Styles,
    fmt_date,
    grid_style,
    make_styles,
    para,
    title_block,
)
from liaison.reports.xlsx import Cell, Column, Sheet, write_workbook
from liaison.services.ledger_data import (
    RANK_RULE,
    Bulletin,
    OverdueRow,
    Ranking,
    bulletin_data,
    month_range,
)
from liaison.services.metrics import MetricRow, MetricsReport
from liaison.services.metrics_text import COUNTS, RATES, percent

__all__ = ["month_range", "render_bulletin"]

TITLE = "企业走访联络工作月度通报"

METRIC_COUNTS: tuple[tuple[str, str], ...] = (
    ("coverage_assigned", "包联企业"),
    ("routed", "交办"),
    ("raised", "提出诉求"),
    ("resolved", "办结"),
    ("followed_up", "回访"),
    ("overdue", "超期"),
)
"""The counts printed beside the rates (the .xlsx has every count)."""

ALL_COUNTS = COUNTS

OVERDUE_PDF_ROWS = 50
"""The PDF lists this many overdue demands (longest overdue first); the .xlsx lists all."""


def _month_words(b: Bulletin) -> str:
    return f"{b.start.year}年{b.start.month}月"


# --- PDF -----------------------------------------------------------------------------------


def _metrics_table(st: Styles, report: MetricsReport, group: str) -> Table:
    cell = ParagraphStyle("m-cell", parent=st.cell, fontSize=8, leading=10.5)
    mid = ParagraphStyle("m-mid", parent=cell, alignment=1)
    head = ParagraphStyle("m-head", parent=st.label, fontSize=8, leading=10.5)
    header = [group, *(label for _, label in RATES), *(label for _, label in METRIC_COUNTS)]
    data: list[list[Any]] = [[para(h, head) for h in header]]
    rows = [*report.rows, report.total]
    for r in rows:
        values = [
            r.label,
            *(percent(getattr(r, name)) for name, _ in RATES),
            *(str(getattr(r, name)) for name, _ in METRIC_COUNTS),
        ]
        data.append([para(v, cell if i == 0 else mid) for i, v in enumerate(values)])
    n = len(header) - 1
    first = 38 * mm
    widths = [first] + [(LAND_CONTENT_W - first) / n] * n
    table = Table(data, colWidths=widths, repeatRows=1)
    last = len(data) - 1
    table.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
                ("BACKGROUND", (0, last), (-1, last), LABEL_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _rank_table(st: Styles, title: str, rows: Sequence[MetricRow], color: Any) -> list[Flowable]:
    cell = ParagraphStyle("r-cell", parent=st.cell, fontSize=9, leading=12)
    mid = ParagraphStyle("r-mid", parent=cell, alignment=1)
    head = ["名次", "部门", "按期办结率", "满意率", "交办", "办结", "回访"]
    data: list[list[Any]] = [[para(h, st.label) for h in head]]
    for i, r in enumerate(rows, 1):
        values = [
            str(i),
            r.label,
            percent(r.on_time_resolution),
            percent(r.satisfaction_rate),
            str(r.routed),
            str(r.resolved),
            str(r.followed_up),
        ]
        data.append([para(v, cell if c == 1 else mid) for c, v in enumerate(values)])
    if not rows:
        data.append([para("（无）", mid)] + [""] * (len(head) - 1))
    half = (LAND_CONTENT_W - 6 * mm) / 2
    widths = [12 * mm, 0.0, 22 * mm, 18 * mm, 14 * mm, 14 * mm, 14 * mm]
    widths[1] = half - sum(widths)
    table = Table(data, colWidths=widths)
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)]
    if not rows:
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(grid_style(extra))
    heading = ParagraphStyle(f"r-{title}", parent=st.section, textColor=color)
    return [para(title, heading), table]


def _ranking(st: Styles, ranking: Ranking) -> Flowable:
    red = _rank_table(st, "红榜（前 5 名）", ranking.red, colors.HexColor("#B00000"))
    black = _rank_table(st, "黑榜（末 5 名，自末位起）", ranking.black, colors.black)
    half = (LAND_CONTENT_W - 6 * mm) / 2
    table = Table([[red, "", black]], colWidths=[half, 6 * mm, half])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.font),  # else the empty gap cell sets Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table


def _bar_chart(
    font: str, title: str, labels: Sequence[str], values: Sequence[float | None], width: float
) -> Drawing:
    """A horizontal bar chart of rates (0–100 %), the first label at the top."""
    n = max(1, len(labels))
    bar = 11.0
    plot_h = n * bar
    left = 88.0
    height = plot_h + 40
    d = Drawing(width, height)
    d.initialFontName = font  # else renderPDF sets (and the page lists) Helvetica
    chart = HorizontalBarChart()
    chart.x = left
    chart.y = 18
    chart.width = width - left - 40
    chart.height = plot_h
    # reportlab draws the first category at the bottom: reverse so the list reads top-down
    shown = [(v or 0.0) * 100 for v in reversed(values)] or [0.0]
    chart.data = [shown]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(100.0, *shown)
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = colors.HexColor("#3A6EA5")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.1f%%"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    d.add(chart)
    d.add(String(width / 2, height - 12, title, fontName=font, fontSize=10, textAnchor="middle"))
    return d


def _charts(st: Styles, b: Bulletin) -> Flowable:
    half = (LAND_CONTENT_W - 6 * mm) / 2
    # a group whose rate has no denominator (no demand raised, no enterprise assigned) is left
    # out rather than drawn as 0 %
    dept = [r for r in b.by_department.rows if r.key is not None and r.raised]
    streets = [r for r in b.by_street.rows if r.key is not None and r.coverage_assigned]
    left = _bar_chart(
        st.font,
        "各部门办结率",
        [r.label for r in dept],
        [r.resolution_rate for r in dept],
        half,
    )
    right = _bar_chart(
        st.font,
        "各街镇走访覆盖率",
        [r.label for r in streets],
        [r.coverage for r in streets],
        half,
    )
    table = Table([[left, "", right]], colWidths=[half, 6 * mm, half])
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    note = para("注：办结率图只列本月有诉求提出的部门，覆盖率图只列有包联企业的街镇。", st.small)
    return KeepTogether([table, note])


def _overdue_table(st: Styles, rows: Sequence[OverdueRow]) -> Flowable:
    cell = ParagraphStyle("o-cell", parent=st.cell, fontSize=8.5, leading=11.5)
    mid = ParagraphStyle("o-mid", parent=cell, alignment=1)
    red = ParagraphStyle("o-red", parent=mid, textColor=OVERDUE_RED)
    head = ["序号", "企业", "诉求", "牵头单位", "提出日期", "办结时限", "超期工作日", "状态"]
    head.append("督办")
    data: list[list[Any]] = [[para(h, st.label) for h in head]]
    for i, r in enumerate(rows, 1):
        values = [
            str(i),
            r.enterprise,
            r.title,
            r.lead_unit or "—",
            f"{r.raised_on:%Y-%m-%d}",
            f"{r.deadline:%Y-%m-%d}",
            str(r.days_over),
            r.state_label,
            f"{r.escalation_level} 级" if r.escalation_level else "—",
        ]
        data.append(
            [
                para(v, red if c == 6 else (cell if c in (1, 2, 3) else mid))
                for c, v in enumerate(values)
            ]
        )
    if not rows:
        data.append([para("（无超期诉求）", mid)] + [""] * (len(head) - 1))
    widths = [11 * mm, 52 * mm, 0.0, 32 * mm, 21 * mm, 21 * mm, 18 * mm, 16 * mm, 13 * mm]
    widths[2] = LAND_CONTENT_W - sum(widths)
    table = Table(data, colWidths=widths, repeatRows=1)
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)]
    if not rows:
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(grid_style(extra))
    return table


def bulletin_story(b: Bulletin) -> tuple[list[Flowable], str]:
    st = make_styles()
    t = b.by_department.total
    story: list[Flowable] = [
        *title_block(st, f"{_month_words(b)}{TITLE}"),
        para(
            f"统计期：{period_words(b.start, b.end)}　　超期截至：{fmt_date(b.as_of)}",
            st.subtitle,
        ),
        Spacer(1, 3 * mm),
        para("一、全区总体情况", st.section),
        summary_table(
            st,
            [
                ("走访覆盖率", percent(t.coverage)),
                ("按期签收率", percent(t.on_time_acceptance)),
                ("办结率", percent(t.resolution_rate)),
                ("按期办结率", percent(t.on_time_resolution)),
                ("满意率", percent(t.satisfaction_rate)),
                ("超期", str(t.overdue)),
            ],
        ),
        Spacer(1, 1.5 * mm),
        para(
            f"本月提出诉求 {t.raised} 件，已办结 {t.resolved_or_closed} 件；交办 {t.routed} 次，"
            f"退回 {t.returned} 次；办结 {t.resolved} 次，其中按期 {t.resolved_on_time} 次；"
            f"回访 {t.followed_up} 次，满意（含基本满意）{t.satisfied} 次，"
            f"不满意重办 {t.reopened} 次；"
            f"包联企业 {t.coverage_assigned} 家，本月走访 {t.coverage_visited} 家。",
            st.body,
        ),
        para("二、红黑榜", st.section),
        _ranking(st, b.ranking),
        Spacer(1, 1.5 * mm),
        para(f"注：{RANK_RULE}", st.small),
        CondPageBreak(120 * mm),
        para("三、图表", st.section),
        _charts(st, b),
        PageBreak(),
        para("四、各部门指标", st.section),
        _metrics_table(st, b.by_department, "部门"),
        para("五、各街镇指标", st.section),
        _metrics_table(st, b.by_street, "街镇"),
        Spacer(1, 1.5 * mm),
        para(
            "指标口径（各率均为同一批事项中的占比，不超过 100%）：走访覆盖率＝本月有走访的包联企业"
            "÷包联企业；按期签收率＝本月交办中在签收时限内签收的÷本月交办；回退率＝本月交办中"
            "被退回的÷本月交办；办结率＝本月提出诉求中现已办结的÷本月提出（不含撤回、并单）；"
            "按期办结率＝本月办结中按期的÷本月办结；重办率＝本月办结中回访不满意而重办的÷本月办结；"
            "满意率＝本月回访中满意及基本满意的÷本月回访；超期＝统计期末当日仍为已交办或办理中、"
            "且已过当时办结时限的诉求。交办、办结之后的签收、退回、回访即使发生在下月，也计入本月"
            "的这一批。分母为 0 时显示“—”。",
            st.small,
        ),
        *_overdue_section(st, b),
    ]
    return story, st.font


def _overdue_section(st: Styles, b: Bulletin) -> list[Flowable]:
    n = len(b.overdue)
    shown = b.overdue[:OVERDUE_PDF_ROWS]
    heading = f"六、超期诉求清单（截至 {fmt_date(b.as_of)}，共 {n} 件"
    heading += f"，列出超期最久的 {len(shown)} 件）" if n > len(shown) else "）"
    rule = para(
        "超期指截至当日仍为已交办或办理中、且已过当时的办结时限；超期工作日按法定工作日（含调休）计算，"
        "与系统各页面一致。",
        st.small,
    )
    out: list[Flowable] = [
        KeepTogether([para(heading, st.section), rule]),
        _overdue_table(st, shown),
    ]
    if n > len(shown):
        out += [
            Spacer(1, 1.5 * mm),
            para(f"另有 {n - len(shown)} 项超期诉求，详见台账/Excel。", st.body),
        ]
    return out


# --- XLSX ----------------------------------------------------------------------------------


def _metrics_sheet(title: str, report: MetricsReport, group: str) -> Sheet:
    columns = [
        Column(group),
        *(Column(label, "pct") for _, label in RATES),
        *(Column(label, "int") for _, label in ALL_COUNTS),
    ]
    rows = [
        [
            r.label,
            *(getattr(r, name) for name, _ in RATES),
            *(getattr(r, name) for name, _ in ALL_COUNTS),
        ]
        for r in (*report.rows, report.total)
    ]
    return Sheet(
        title,
        columns,
        rows,
        notes=[
            f"统计期：{report.start:%Y-%m-%d} 至 {report.end:%Y-%m-%d}；"
            f"超期截至 {report.as_of:%Y-%m-%d}；比率分母为 0 时留空。"
        ],
    )


def _ranking_sheet(ranking: Ranking) -> Sheet:
    columns = [
        Column("榜单"),
        Column("名次", "int"),
        Column("部门"),
        Column("按期办结率", "pct"),
        Column("满意率", "pct"),
        Column("交办", "int"),
        Column("办结", "int"),
        Column("回访", "int"),
    ]

    def row(board: str, i: int, r: MetricRow) -> list[Any]:
        return [
            board,
            i,
            r.label,
            r.on_time_resolution,
            r.satisfaction_rate,
            r.routed,
            r.resolved,
            r.followed_up,
        ]

    rows = [row("红榜", i, r) for i, r in enumerate(ranking.red, 1)]
    rows += [row("黑榜", i, r) for i, r in enumerate(ranking.black, 1)]
    return Sheet("红黑榜", columns, rows, notes=[RANK_RULE, "黑榜名次自末位起。"])


def _overdue_sheet(rows: Sequence[OverdueRow], as_of: date) -> Sheet:
    columns = [
        Column("序号", "int"),
        Column("诉求编号"),
        Column("企业"),
        Column("诉求"),
        Column("牵头单位"),
        Column("提出日期", "date"),
        Column("办结时限", "date"),
        Column("超期工作日", "int"),
        Column("状态"),
        Column("督办级别", "int"),
    ]
    data: list[list[Cell]] = [
        [
            i,
            r.id,
            r.enterprise,
            r.title,
            r.lead_unit or "",
            r.raised_on,
            r.deadline,
            r.days_over,
            r.state_label,
            r.escalation_level,
        ]
        for i, r in enumerate(rows, 1)
    ]
    notes = [
        f"超期截至 {as_of:%Y-%m-%d}：当日仍为已交办或办理中、且已过当时的办结时限。",
        "超期工作日按法定工作日（含调休）计算，与系统各页面一致。",
    ]
    return Sheet("超期清单", columns, data, notes=notes)


def bulletin_sheets(b: Bulletin) -> list[Sheet]:
    sheets = [
        _metrics_sheet("部门指标", b.by_department, "部门"),
        _metrics_sheet("街镇指标", b.by_street, "街镇"),
        _ranking_sheet(b.ranking),
        _overdue_sheet(b.overdue, b.as_of),
    ]
    title = f"{DISTRICT}{_month_words(b)}{TITLE}"
    return [replace(s, heading=f"{title} · {s.title}") for s in sheets]


def render_bulletin(
    db: Database, month: str, out_path: Path | str, *, today: date | None = None
) -> Path:
    """Write the 通报 of `month` ('YYYY-MM') to `out_path` (.pdf or .xlsx); return the path.

    A month not written YYYY-MM, or another suffix, is a DomainError."""
    kind = output_kind(out_path)
    b = bulletin_data(db, month, today=today)
    if kind == "xlsx":
        return write_workbook(
            out_path, bulletin_sheets(b), title=f"{DISTRICT}{_month_words(b)}{TITLE}"
        )
    story, font = bulletin_story(b)
    title = f"{_month_words(b)}{TITLE}"
    return build_landscape_pdf(out_path, story, font=font, title=title, running=title)
