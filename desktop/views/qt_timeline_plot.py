"""The timeline chart: swim lanes, event marks, the "now" line, hover details, lane clicks.

Every graphics item is made once; a frame only calls ``setData`` on them with
what is inside the view (clipped by binary search, thinned to one mark per
screen cell when dense). View changes are coalesced into one
refresh per frame and mouse moves are rate-limited, so 100,000 events pan
and zoom smoothly.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop.models.clock import beijing
from desktop.views import theme
from desktop.views.plain_text import one_line
from desktop.views.qt_timeline_data import STAGES, TimelineData, epoch
from desktop.views.qt_timeline_style import (
    MARK_EDGE,
    MARK_FILL,
    NUMERALS,
    SYMBOL,
    BeijingTimeAxis,
    stage_word,
    status_text,
)

MARK_BUDGET = 4000  # marks drawn per frame at most
LIVE_WINDOW = dt.timedelta(hours=2)  # live opens on the last two hours (the operator can widen it)
MIN_ROWS = 3  # the plot's least height, in lanes with their labels
ROW_FACTOR = 2.2  # a lane's height in label heights: its bar, marks and label above
MAX_LABELS = 60
FRAME_MS = 16


class TimelinePlot(pg.PlotWidget):
    lane_clicked = Signal(int)  # lane index
    event_clicked = Signal(int)  # event ref (``TimelineData.events``)
    refreshed = Signal()

    def __init__(self, english: bool = False, font_px: int = 15,
                 parent: QWidget | None = None) -> None:
        axis = BeijingTimeAxis()
        super().__init__(parent, background=theme.PANEL, axisItems={"bottom": axis})
        self._english = english
        self._font = QFont()
        self._font.setPixelSize(font_px)
        self._lane_px = font_px * 1.25
        self.setMinimumHeight(round(self._lane_px * ROW_FACTOR * MIN_ROWS) + 2 * font_px)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        axis.setStyle(tickFont=self._font)
        axis.setTextPen(theme.TEXT_DIM)
        axis.setPen(theme.PANEL_BORDER)
        self.view = plot.getViewBox()
        self.view.invertY(True)
        self.view.setDefaultPadding(0.0)
        self._bars = [pg.PlotCurveItem(pen=pg.mkPen(theme.SEVERITY_COLOUR[s], width=font_px * 0.5),
                                       connect="pairs") for s in (1, 2, 3, 4)]
        self._marks = [pg.ScatterPlotItem(symbol=SYMBOL[stage], size=font_px * 0.85,
                                          pen=pg.mkPen(MARK_EDGE, width=1.2),
                                          brush=pg.mkBrush(MARK_FILL), pxMode=True)
                       for stage in STAGES]
        self._selection = pg.LinearRegionItem(orientation="horizontal", movable=False,
                                              brush=pg.mkBrush(124, 196, 255, 50),
                                              pen=pg.mkPen(theme.ACCENT))
        self._selection.setVisible(False)
        self._now = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(theme.ACCENT, width=2),
                                    label="", labelOpts={"position": 0.02, "color": theme.ACCENT,
                                                         "fill": theme.PANEL})
        self._now.label.textItem.setFont(self._font)
        self._hover = pg.TextItem(color=theme.TEXT, fill=pg.mkBrush("#1e2a36"),
                                  border=pg.mkPen(theme.PANEL_BORDER))
        self._hover.textItem.setFont(self._font)
        self._hover.setZValue(100)
        self._hover.setVisible(False)
        for item in (self._selection, *self._bars, *self._marks, self._now, self._hover):
            self.addItem(item)
        self._labels: list[pg.TextItem] = []
        self.data: TimelineData | None = None
        self.cutoff = 0.0
        self.selected: int | None = None
        self._shown_x = np.empty(0)
        self._shown_lane = np.empty(0, np.int32)
        self._shown_ref = np.empty(0, np.int32)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.refresh)
        self.view.sigRangeChanged.connect(self._schedule)
        self._mouse = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30,
                                     slot=self._hovered)
        self.scene().sigMouseClicked.connect(self._clicked)

    # ------------------------------------------------------------ data

    def set_data(self, data: TimelineData, cutoff: dt.datetime, fit: bool,
                 live: bool = False) -> None:
        self.data = data
        self.cutoff = epoch(cutoff)
        start, end = data.span
        self.view.setLimits(xMin=start - 3600, xMax=end + 3600, yMin=-1.0,
                            yMax=max(len(data.lanes), 8) + 1.0)
        self._place_now()
        if fit:
            self.fit(live)
        self._schedule()

    def rows_that_fit(self) -> int:
        """Lanes the plot shows at once: all of them when few, else as many as fit."""
        lanes = len(self.data.lanes) if self.data is not None else 0
        room = int(self.view.height() / (self._lane_px * ROW_FACTOR))
        return max(1, min(lanes, room))

    def fit(self, live: bool = False) -> None:
        """The default view: live the last two hours, a replay its whole span; the newest
        lanes down, sized to fill the plot when few (the scroll bar reaches the rest)."""
        if self.data is None:
            return
        start, end = self.data.span
        if live:
            end = max(end, self.cutoff)
            start = max(start, end - LIVE_WINDOW.total_seconds())
        rows = self.rows_that_fit()
        last = len(self.data.lanes)
        margin = (end - start) * 0.02  # "now" is not hidden in the frame's edge
        top = max(-0.6, last - rows - 0.6)  # the newest lanes, each with its label above
        self.view.setRange(xRange=(start, end + margin), yRange=(top, top + rows), padding=0)

    def set_cutoff(self, cutoff: dt.datetime) -> None:
        self.cutoff = epoch(cutoff)
        self._place_now()
        self._schedule()

    def select_lane(self, lane: int | None) -> None:
        self.selected = lane
        self._selection.setVisible(lane is not None)
        if lane is not None:
            self._selection.setRegion((lane - 0.5, lane + 0.5))

    def _place_now(self) -> None:
        self._now.setValue(self.cutoff)
        now_word = self.tr("now")
        self._now.label.setFormat(f"{now_word} {beijing(self._moment(self.cutoff)):%H:%M:%S}")
        self._keep_now_label_inside()

    def _keep_now_label_inside(self) -> None:
        """The cursor's label on the side of the line with room (left of it near the right
        edge, where "now" sits live), so it is never cut by the frame."""
        (x0, x1), _y = self.view.viewRange()
        side = (1.0, 0.0) if self.cutoff > x0 + 0.5 * (x1 - x0) else (0.0, 0.0)
        if self._now.label.anchors != [side, side]:
            self._now.label.anchors = [side, side]
            self._now.label.updatePosition()

    @staticmethod
    def _moment(value: float) -> dt.datetime:
        return dt.datetime.fromtimestamp(value, dt.UTC)

    # ------------------------------------------------------------ frames

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Draw what is in view now (the coalesced frame; benchmarks call it directly)."""
        self._timer.stop()
        data = self.data
        if data is None:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        self._keep_now_label_inside()
        lo, hi = math.floor(y0) - 1, math.ceil(y1) + 1
        lanes = data.lanes_at(self.cutoff)
        inside = (lanes.lane >= lo) & (lanes.lane <= hi) & (lanes.end >= x0) & (lanes.start <= x1)
        rows_px = max(int(self.view.height()), 1)
        if hi - lo > rows_px:  # more lanes than pixel rows: one lane per row is all that shows
            inside &= lanes.lane % math.ceil((hi - lo) / rows_px) == 0
        for severity, bars in enumerate(self._bars, start=1):
            pick = inside & (lanes.severity == severity)
            xs = np.empty(2 * int(pick.sum()))
            xs[0::2], xs[1::2] = lanes.start[pick], lanes.end[pick]
            bars.setData(xs, np.repeat(lanes.lane[pick], 2).astype(float), connect="pairs")
        size = (max(int(self.view.width()), 100), max(int(self.view.height()), 100))
        marks = data.marks(x0, x1, lo, hi, self.cutoff, size, MARK_BUDGET)
        for index, scatter in enumerate(self._marks):
            pick = marks.stage == index
            scatter.setData(marks.x[pick], marks.lane[pick].astype(float))
        self._shown_x, self._shown_lane, self._shown_ref = marks.x, marks.lane, marks.ref
        self._label(lanes.lane[inside], lanes.status[inside], lanes.end[inside], (x0, x1), y0, y1)
        self.refreshed.emit()

    def _label(self, lanes: np.ndarray, statuses: np.ndarray, ends: np.ndarray,
               across: tuple[float, float], y0: float, y1: float) -> None:
        """Title and status word above each lane; at its right end when it starts late."""
        x0, x1 = across
        data = self.data
        assert data is not None
        per_lane = self.view.height() / max(y1 - y0, 1e-9)
        show = len(lanes) <= MAX_LABELS and per_lane >= self._lane_px
        wanted = len(lanes) if show else 0
        while len(self._labels) < wanted:
            label = pg.TextItem(color=theme.TEXT)
            label.textItem.setFont(self._font)
            self.addItem(label)
            self._labels.append(label)
        exercise = self.tr("[EXERCISE] ")
        for number, label in enumerate(self._labels):
            if number >= wanted:
                label.setVisible(False)
                continue
            lane = int(lanes[number])
            incident = data.lanes[lane]
            mark = exercise if incident.exercise else ""
            title = one_line(incident.title, 28)
            code = one_line(incident.code, 24)
            text = (f"{NUMERALS.get(incident.severity, '?')} {code} {mark}{title} · "
                    f"{status_text(STAGES[int(statuses[number])], self._english)}")
            if text != label.toPlainText():  # re-laying out text costs more than comparing
                label.setText(text)
            start = float(data.lane_start[lane])
            if start > x0 + 0.5 * (x1 - x0):
                label.setAnchor((1, 1))
                label.setPos(min(x1, float(ends[number])), lane - 0.12)
            else:
                label.setAnchor((0, 1))
                label.setPos(max(x0, start), lane - 0.12)
            label.setVisible(True)

    # ------------------------------------------------------------ mouse

    def _nearest(self, position: object) -> int | None:
        """The drawn mark within a lane's height of a scene position (its index), if any."""
        if self.data is None or not self.view.sceneBoundingRect().contains(position):
            return None
        if not len(self._shown_x):
            return None
        point = self.view.mapSceneToView(position)
        (x0, x1), (y0, y1) = self.view.viewRange()
        dx = (self._shown_x - point.x()) * (self.view.width() / max(x1 - x0, 1e-9))
        dy = (self._shown_lane - point.y()) * (self.view.height() / max(y1 - y0, 1e-9))
        distance = np.hypot(dx, dy)
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] <= self._lane_px else None

    def _hovered(self, event: tuple[object, ...]) -> None:
        nearest = self._nearest(event[0])
        if nearest is None:
            self._hover.setVisible(False)
            return
        self.show_details(int(self._shown_ref[nearest]))
        x, lane = float(self._shown_x[nearest]), float(self._shown_lane[nearest])
        (x0, x1), (y0, y1) = self.view.viewRange()
        right = x > x0 + 0.5 * (x1 - x0)
        below = lane < y0 + 0.5 * (y1 - y0)  # open the box towards the middle: never clipped
        self._hover.setAnchor((1 if right else 0, 0 if below else 1))
        self._hover.setPos(x, lane + (0.3 if below else -0.3))

    def show_details(self, ref: int) -> str:
        """Show the hover box for one event; returns its text (tests read it)."""
        assert self.data is not None
        lane, event = self.data.events[ref]
        incident = self.data.lanes[lane]
        number = f" {event.report_no}" if event.report_no else ""
        occurred = beijing(event.occurred_at).strftime("%H:%M:%S")
        recorded = beijing(event.recorded_at).strftime("%H:%M:%S")
        times = self.tr("occurred %1").replace("%1", occurred)
        if event.recorded_at != event.occurred_at:
            times += " · " + self.tr("recorded %1").replace("%1", recorded)
        who = " · ".join(one_line(w, 40) for w in (event.station, event.actor) if w)
        lines = [f"{one_line(incident.code, 40)}  {one_line(incident.title, 60)}",
                 f"{stage_word(event.stage, self._english)}{number} · {times}"]
        if who:
            lines.append(who)
        text = "\n".join(lines)
        self._hover.setText(text)
        self._hover.setVisible(True)
        return text

    def _clicked(self, event: object) -> None:
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        if self.data is None or not self.view.sceneBoundingRect().contains(scene_pos):
            return
        nearest = self._nearest(scene_pos)
        if nearest is not None:  # on an event: seek there (and select its lane)
            self.select_lane(int(self._shown_lane[nearest]))
            self.lane_clicked.emit(int(self._shown_lane[nearest]))
            self.event_clicked.emit(int(self._shown_ref[nearest]))
            return
        lane = round(self.view.mapSceneToView(scene_pos).y())
        if 0 <= lane < len(self.data.lanes):
            self.select_lane(lane)
            self.lane_clicked.emit(lane)
