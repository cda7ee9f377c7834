"""How the timeline looks: one shape per lifecycle stage, severity colours, stage words.

Shapes are pyqtgraph's symbol paths, so the legend (painted here) shows
exactly the marks on the chart. Status is never colour alone: each stage has
a shape and a word, each lane a word for its status.
"""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.models.clock import beijing
from desktop.models.vocab import LIFECYCLE, STAGE
from desktop.views import theme

SYMBOL = {
    "received": "o", "verified": "d", "first_report": "t1", "dispatched": "t2",
    "arrived": "s", "handling": "h", "follow_up": "+", "final_report": "p", "closed": "star",
}
OPEN_MARK, CLOSED_MARK = "▶", "■"
MARK_FILL = theme.TEXT
MARK_EDGE = theme.BACKGROUND
NUMERALS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def stage_word(code: str, english: bool) -> str:
    term = STAGE.get(code)
    if term is None:
        return code
    return term.en if english else term.zh


def status_text(code: str, english: bool) -> str:
    """A word and a shape: ▶ for open, ■ for closed."""
    return f"{CLOSED_MARK if code == 'closed' else OPEN_MARK} {stage_word(code, english)}"


class StageLegend(QWidget):
    """One row: each stage's mark and word."""

    def __init__(self, english: bool, font_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._english = english
        self._font = QFont()
        self._font.setPixelSize(font_px)
        self._symbol = round(font_px * 0.8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(round(font_px * 1.6))

    def sizeHint(self) -> QSize:
        return QSize(400, self.minimumHeight())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        metrics = painter.fontMetrics()
        middle = self.height() / 2
        x = 4.0
        for term in LIFECYCLE:
            path = QTransform.fromScale(self._symbol, self._symbol).map(Symbols[SYMBOL[term.code]])
            painter.setPen(QPen(QColor(MARK_EDGE), 1.2))
            painter.setBrush(QColor(MARK_FILL))
            painter.drawPath(path.translated(QPointF(x + self._symbol / 2, middle)))
            x += self._symbol + 4
            word = stage_word(term.code, self._english)
            width = metrics.horizontalAdvance(word)
            painter.setPen(QColor(theme.TEXT_DIM))
            painter.drawText(QRectF(x, 0, width + 2, self.height()),
                             Qt.AlignmentFlag.AlignVCenter, word)
            x += width + self._symbol
        painter.end()


class BeijingTimeAxis(pg.DateAxisItem):
    """pyqtgraph's time ticks, labelled in Beijing time: 08:30, and the date at midnight."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=-8 * 3600)  # offset counts west

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        result = []
        for value in values:
            moment = beijing(dt.datetime.fromtimestamp(value, dt.UTC))
            if spacing >= 86400 or (moment.hour, moment.minute, moment.second) == (0, 0, 0):
                result.append(moment.strftime("%m-%d"))
            elif spacing < 60:
                result.append(moment.strftime("%H:%M:%S"))
            else:
                result.append(moment.strftime("%H:%M"))
        return result
