"""The dashboard's figures as pictures: a headline card per rate, bars of one rate per group."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from liaison.services.metrics_text import percent


class MetricCard(QFrame):
    """A headline figure: the rate in big type and the counts behind it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title)
        self.title.setObjectName("muted")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 22px; font-weight: bold; color: #1d2b3a;")
        self.counts = QLabel("")
        self.counts.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.counts)

        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.counts_text = ""
        """The counts as plain text (the label holds links)."""

    def show_figure(
        self,
        value: str,
        counts: str,
        color: str = "#1d2b3a",
        links: tuple[str | None, ...] = (),
    ) -> None:
        """`counts` is "a/b" or a word; `links` names the figure behind each part (None: not
        a list of demands), which the label then shows as a link to the demands."""
        self.value.setText(value)
        self.value.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {color};")
        self.counts_text = counts
        parts = counts.split("/") if len(links) > 1 else [counts]
        shown = [
            f'<a href="{link}" style="color:#1f5fa8;">{html.escape(part)}</a>'
            if link
            else html.escape(part)
            for part, link in zip(parts, (*links, *[None] * len(parts)), strict=False)
        ]
        self.counts.setText("/".join(shown))


class BarChart(QWidget):
    """Horizontal bars of one rate per group, painted with QPainter."""

    BAR = 18
    GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, float | None]]) -> None:
        self.bars = bars
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, max(40, 8 + len(self.bars) * (self.BAR + self.GAP)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.bars:
            painter.setPen(QColor("#6b7785"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有可显示的数据"))
            return
        metrics = painter.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 12,
            self.width() // 2,
        )
        value_width = metrics.horizontalAdvance("100.0%") + 10
        top = max(1.0, max(v for _, v in self.bars if v is not None) if self._any() else 1.0)
        span = max(10, self.width() - label_width - value_width - 8)
        y = 4
        for label, value in self.bars:
            text_rect = QRectF(4, y, label_width - 8, self.BAR)
            painter.setPen(QColor("#1d2b3a"))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            x = label_width
            if value is not None:
                width = span * value / top
                painter.fillRect(QRectF(x, y + 2, max(1.0, width), self.BAR - 4), QColor("#1f5fa8"))
                x_text = x + width + 4
            else:
                x_text = x + 4
            painter.setPen(QColor("#6b7785"))
            painter.drawText(
                QRectF(x_text, y, value_width, self.BAR),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                percent(value),
            )
            y += self.BAR + self.GAP

    def _any(self) -> bool:
        return any(v is not None for _, v in self.bars)
