"""A timeline chart painted for paper: one lane per incident, a shape per stage, target ticks.

Vector QPainter drawing (no screen capture), dark on white, with the same
stage shapes as the wall's timeline and a legend, so the chart reads in
black and white too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform

from desktop.models.clock import beijing
from desktop.views import theme
from desktop.views.plain_text import one_line
from desktop.views.qt_timeline_style import SYMBOL

STEPS_MIN = (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)
INK = "#222222"
TARGET = "#c00000"


@dataclass(frozen=True)
class ChartLane:
    label: str
    severity: int
    start: dt.datetime
    end: dt.datetime
    marks: tuple[tuple[dt.datetime, str], ...]  # (when, stage code)
    targets: tuple[dt.datetime, ...] = ()  # deadlines drawn as dashed ticks


def _font(family: str, size_pt: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def paint_timeline(painter: QPainter, rect: QRectF, family: str, lanes: Sequence[ChartLane],
                   start: dt.datetime, end: dt.datetime,
                   legend: Sequence[tuple[str, str]], target_word: str) -> None:
    """``legend``: (stage code, word) for each stage shape shown under the chart."""
    mm = painter.device().logicalDpiY() / 25.4
    label_width = rect.width() * 0.28
    legend_height = 6 * mm
    axis_height = 6 * mm
    plot = QRectF(rect.left() + label_width, rect.top(),
                  rect.width() - label_width, rect.height() - axis_height - legend_height)
    span = max((end - start).total_seconds(), 60.0)

    def x_of(moment: dt.datetime) -> float:
        return plot.left() + plot.width() * (moment - start).total_seconds() / span

    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _axis(painter, plot, family, start, end, x_of, mm)
    lane_height = plot.height() / max(len(lanes), 1)
    symbol = min(3.2 * mm, lane_height * 0.45)
    for number, lane in enumerate(lanes):
        top = plot.top() + number * lane_height
        middle = top + lane_height / 2
        painter.setFont(_font(family, 8))
        painter.setPen(QColor(INK))
        box = QRectF(rect.left(), top, label_width - 2 * mm, lane_height)
        painter.save()
        painter.setClipRect(box)  # a long title stays in its lane
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                         one_line(lane.label, 60))
        painter.restore()
        bar = QRectF(x_of(lane.start), middle - symbol * 0.3,
                     max(x_of(lane.end) - x_of(lane.start), 1.0), symbol * 0.6)
        painter.setPen(QPen(QColor("#555555"), 0.2 * mm))
        painter.setBrush(QColor(theme.SEVERITY_COLOUR.get(lane.severity, "#999999")))
        painter.drawRect(bar)
        painter.setPen(QPen(QColor(TARGET), 0.4 * mm, Qt.PenStyle.DashLine))
        for deadline in lane.targets:
            x = x_of(deadline)
            painter.drawLine(QPointF(x, top + lane_height * 0.12),
                             QPointF(x, top + lane_height * 0.88))
        for moment, stage in lane.marks:
            _mark(painter, QPointF(x_of(moment), middle), stage, symbol, mm)
    _legend(painter, QRectF(rect.left(), rect.bottom() - legend_height, rect.width(),
                            legend_height), family, legend, target_word, symbol, mm)


def _mark(painter: QPainter, at: QPointF, stage: str, size: float, mm: float) -> None:
    path = QTransform.fromScale(size, size).map(Symbols[SYMBOL.get(stage, "o")])
    painter.setPen(QPen(QColor(INK), 0.25 * mm))
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(path.translated(at))


def _axis(painter: QPainter, plot: QRectF, family: str, start: dt.datetime, end: dt.datetime,
          x_of: object, mm: float) -> None:
    minutes = (end - start).total_seconds() / 60
    step = next((s for s in STEPS_MIN if minutes / s <= 10), STEPS_MIN[-1])
    local = beijing(start)
    first = local.replace(second=0, microsecond=0)
    first -= dt.timedelta(minutes=first.minute % step if step < 60 else first.minute)
    painter.setFont(_font(family, 7.5))
    tick = first
    while tick <= beijing(end):
        if tick >= local:
            x = x_of(tick)  # type: ignore[operator]
            painter.setPen(QPen(QColor("#c8ced6"), 0.15 * mm))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(x - 8 * mm, plot.bottom() + 0.8 * mm, 16 * mm, 4 * mm),
                             Qt.AlignmentFlag.AlignHCenter, tick.strftime("%H:%M"))
        tick += dt.timedelta(minutes=step)
    painter.setPen(QPen(QColor(INK), 0.25 * mm))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())


def _legend(painter: QPainter, rect: QRectF, family: str, legend: Sequence[tuple[str, str]],
            target_word: str, size: float, mm: float) -> None:
    painter.setFont(_font(family, 7.5))
    x = rect.left()
    middle = rect.center().y()
    metrics = painter.fontMetrics()
    for stage, word in legend:
        _mark(painter, QPointF(x + size / 2, middle), stage, size, mm)
        x += size + 1 * mm
        painter.setPen(QColor(INK))
        width = metrics.horizontalAdvance(word)
        painter.drawText(QRectF(x, rect.top(), width + 1, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, word)
        x += width + 2.5 * mm
    painter.setPen(QPen(QColor(TARGET), 0.4 * mm, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x + 1 * mm, middle - size / 2), QPointF(x + 1 * mm, middle + size / 2))
    painter.setPen(QColor(INK))
    painter.drawText(QRectF(x + 2.5 * mm, rect.top(), 30 * mm, rect.height()),
                     Qt.AlignmentFlag.AlignVCenter, target_word)
