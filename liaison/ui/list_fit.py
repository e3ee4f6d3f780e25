"""Lists that fit a 1366×768 laptop: columns laid out in the room there is, and a detail pane
that steps aside while nothing is selected."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget


def fit_columns(
    view: QTableView,
    natural: Sequence[int],
    flexible: Mapping[int, float],
    minimum: Mapping[int, int],
    optional: Sequence[int] = (),
) -> set[int]:
    """Lay the columns out in the view's width and return those hidden.

    Every column gets its natural width and the flexible ones share what is left by their
    shares. When the room is short, the `optional` columns are hidden in order (the detail pane
    shows what they hold), then the flexible ones shrink, not below their `minimum`; only then
    does the view scroll sideways."""
    room = view.viewport().width()
    count = len(natural)
    hidden: set[int] = set()

    def wanted() -> int:
        return sum(natural[c] for c in range(count) if c not in hidden)

    for column in optional:
        if wanted() <= room:
            break
        hidden.add(column)
    for column in range(count):
        view.setColumnHidden(column, column in hidden)
    shown_flexible = {c: s for c, s in flexible.items() if c not in hidden}
    fixed = sum(natural[c] for c in range(count) if c not in hidden and c not in shown_flexible)
    spare = room - fixed
    total_share = sum(shown_flexible.values()) or 1.0
    flexible_natural = sum(natural[c] for c in shown_flexible)
    for column, share in shown_flexible.items():
        if spare >= flexible_natural:
            width = natural[column] + int((spare - flexible_natural) * share / total_share)
        else:
            shortfall = flexible_natural - max(spare, 0)
            width = natural[column] - math.ceil(shortfall * share / total_share)
        view.setColumnWidth(column, max(minimum.get(column, natural[column]), width))
    for column in range(count):
        if column not in hidden and column not in shown_flexible:
            view.setColumnWidth(column, natural[column])
    return hidden


def elide_in_the_middle(view: QTableView) -> None:
    """Cut long cells in the middle (“重庆江北…有限公司”); the model's tooltip has the rest."""
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)


class DetailSplit(QSplitter):
    """A list beside its detail pane. While nothing is selected the pane is hidden and the list
    has the whole width; selecting something brings the pane back at `detail_share` of the
    width (or the width it had last)."""

    def __init__(
        self, listing: QWidget, detail: QWidget, detail_share: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.addWidget(listing)
        self.addWidget(detail)
        self.detail = detail
        self.detail_share = detail_share
        self.detail_width: int | None = None
        """The pane's width the last time it was shown (None: `detail_share`)."""
        detail.hide()

    def show_detail(self, shown: bool) -> None:
        if shown == (not self.detail.isHidden()):
            return
        total = sum(self.sizes()) or self.width()
        if not shown:
            self.detail_width = self.sizes()[1]
            self.detail.hide()
            return
        self.detail.show()
        pane = self.detail_width or int(total * self.detail_share)
        pane = max(pane, self.detail.minimumWidth())
        self.setSizes([max(total - pane, 1), pane])
