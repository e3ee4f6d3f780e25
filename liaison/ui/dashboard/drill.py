"""统计 → 诉求: which figures are lists of demands, the menu that picks one, and the filtered
demand list it opens (with a chip saying where it came from)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from liaison.services.demand_list import DRILL_FIGURES, EVENT_FIGURES, figure_filter
from liaison.services.metrics import MetricRow, MetricsReport
from liaison.ui.context import Navigator
from liaison.ui.dashboard.periods import period_words
from liaison.ui.dashboard.table import group_label

FigureChoice = tuple[str, str]
"""(figure name, menu text)"""


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardScreen", text)


def figure_titles() -> dict[str, str]:
    """The figures that are lists of demands, as a person names them."""
    return {
        "raised": _t("提出诉求"),
        "resolved_or_closed": _t("其中已办结"),
        "overdue": _t("超期"),
        "routed": _t("交办"),
        "accepted_on_time": _t("按期签收"),
        "returned": _t("退回"),
        "resolved": _t("办结"),
        "resolved_on_time": _t("按期办结"),
        "followed_up": _t("回访"),
        "satisfied": _t("回访满意"),
        "reopened": _t("回访不满意"),
    }


def figure_choices(row: MetricRow, figures: tuple[str, ...]) -> list[FigureChoice]:
    """Menu entries "交办：5 次" / "提出诉求：4 件" of the figures that list demands."""
    titles = figure_titles()
    out = []
    for figure in figures:
        if figure not in DRILL_FIGURES:
            continue
        n = getattr(row, figure)
        if figure in EVENT_FIGURES:
            text = _t("{figure}：{n} 次（列出涉及的诉求）")
        else:
            text = _t("{figure}：{n} 件")
        out.append((figure, text.format(figure=titles[figure], n=n)))
    return out


def card_tip(num: str, den: str) -> str:
    """The tooltip of a headline card whose counts are `num`/`den`."""
    drillable = [f for f in (num, den) if f in DRILL_FIGURES]
    if not drillable:
        return _t("覆盖率按企业计数，不对应诉求")
    if any(f in EVENT_FIGURES for f in drillable):
        return _t(
            "点击数字查看背后的诉求。按次数统计的指标（交办、签收、退回、办结、回访）"
            "列出统计期内有该事项的诉求，同一诉求多次只列一次。"
        )
    return _t("点击数字查看背后的诉求")


def ask_figure_menu(parent: QWidget, choices: list[FigureChoice]) -> str | None:
    """A menu of `choices` at the mouse; the figure picked, or None."""
    menu = QMenu(parent)
    menu.setToolTipsVisible(True)
    for figure, text in choices:
        action = menu.addAction(text)
        action.setData(figure)
        if figure in EVENT_FIGURES:
            action.setToolTip(_t("同一诉求在统计期内有多次的只列一次"))
    chosen = menu.exec(QCursor.pos())
    return str(chosen.data()) if chosen is not None else None


def drill_label(report: MetricsReport, figure: str, row: MetricRow | None) -> str:
    """The chip above the demand list: “来自统计：区金融办 · 超期 · 2026年第3季度”."""
    group = group_label(row) if row is not None else _t("全区")
    label = _t("来自统计：{group} · {figure} · {period}").format(
        group=group,
        figure=figure_titles()[figure],
        period=period_words(report.start, report.end),
    )
    if figure in EVENT_FIGURES:
        n = getattr(row if row is not None else report.total, figure)
        label += _t("（{n} 次，每件诉求只列一次）").format(n=n)
    return label


def drill_tip(report: MetricsReport, figure: str) -> str:
    """The chip's tooltip: what exactly the list holds."""
    if figure in EVENT_FIGURES:
        return _t(
            "统计数按次数计算；这里列出统计期内有该事项的诉求，同一诉求多次只列一次，"
            "所以条数可能少于统计数。"
        )
    if figure == "overdue":
        return _t("截至 {as_of} 仍为已交办或办理中且已过办结时限的诉求").format(
            as_of=report.as_of.isoformat()
        )
    return _t("统计期内提出的诉求（不含撤回、并单）")


def open_demands(nav: Navigator, report: MetricsReport, figure: str, row: MetricRow | None) -> None:
    """Show 诉求 listing the demands behind `figure` of `row` (None: the district)."""
    by = None if row is None else report.by
    f = figure_filter(
        figure, report.start, report.end, report.as_of, by, None if row is None else row.key
    )
    screen_named = getattr(nav, "screen_named", None)
    if screen_named is not None:
        screen = screen_named("demands")
        if hasattr(screen, "apply_filter"):
            screen.apply_filter(f, drill_label(report, figure, row), drill_tip(report, figure))
    nav.show_screen("demands")
