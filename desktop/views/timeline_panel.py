"""Incident timeline: one swim lane per incident, its lifecycle events as marks, a "now" line.

Live, it draws the last hours from the timeline query and moves "now" with
every situation; in replay the situation's time is the cutoff, so marks and
lanes appear as the duty room learnt of them. Filters: class, severity,
status, grid. Clicking a lane selects its incident (``incident_selected``);
clicking an event asks to seek to when the room learnt of it (``seek_requested``,
the replay controller's ``seek``). The default view is the last two hours live,
the whole span in a replay; a scroll bar reaches the lanes that do not fit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QScrollBar, QWidget

from desktop.models.situation import Situation
from desktop.models.timeline import Timeline, TimelineFilter
from desktop.models.vocab import INCIDENT_CLASSES, LIFECYCLE, SEVERITIES
from desktop.views.panel import PanelFrame
from desktop.views.plain_text import plain_label
from desktop.views.qt_timeline_data import TimelineData
from desktop.views.qt_timeline_plot import TimelinePlot
from desktop.views.qt_timeline_style import StageLegend


class TimelinePanel(PanelFrame):
    incident_selected = Signal(int)
    seek_requested = Signal(object)  # dt.datetime: when an event clicked became known
    drawn = Signal()

    def __init__(self, language: str = "zh_CN", font_px: int = 15,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._english = language.startswith("en")
        self.title.setText(self.tr("Incident timeline"))
        self.timeline: Timeline | None = None
        self.cutoff: dt.datetime | None = None
        self.data: TimelineData | None = None
        self._filter = TimelineFilter()
        self._selected: int | None = None
        self.live = False
        filters = QHBoxLayout()
        self.classes = self._combo(filters, self.tr("Class"), [
            (t.en if self._english else t.zh, t.code) for t in INCIDENT_CLASSES])
        self.severities = self._combo(filters, self.tr("Level"), [
            (t.en if self._english else t.zh, int(t.code)) for t in SEVERITIES])
        self.statuses = self._combo(filters, self.tr("Status"), [
            (self.tr("Open"), "open"), (self.tr("Closed"), "closed"),
            *((t.en if self._english else t.zh, t.code) for t in LIFECYCLE)])
        self.grids = self._combo(filters, self.tr("Grid"), [])
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.plot = TimelinePlot(self._english, font_px)
        self.lanes_scroll = QScrollBar(Qt.Orientation.Vertical)
        self.lanes_scroll.valueChanged.connect(self._scrolled)
        chart = QHBoxLayout()
        chart.addWidget(self.plot, 1)
        chart.addWidget(self.lanes_scroll)
        self.body.addLayout(chart, 1)
        self.plot.view.sigRangeChanged.connect(lambda *_: self._sync_scroll())
        self.body.addWidget(StageLegend(self._english, font_px))
        self.plot.lane_clicked.connect(self._lane_clicked)
        self.plot.event_clicked.connect(self._event_clicked)
        self.plot.refreshed.connect(self.drawn)

    def _combo(self, row: QHBoxLayout, label: str, choices: list[tuple[str, object]]) -> QComboBox:
        row.addWidget(plain_label(label))
        combo = QComboBox()
        combo.addItem(self.tr("All"), None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._filters_changed)
        row.addWidget(combo)
        return combo

    # ------------------------------------------------------------ inputs

    def show_timeline(self, timeline: Timeline, live: bool = False) -> None:
        """The incidents and events to draw (from the timeline query, or a replay); ``live``
        opens on the last two hours, a replay on its whole span."""
        (x0, x1), _y = self.plot.view.viewRange()
        elsewhere = timeline.end.timestamp() < x0 or timeline.start.timestamp() > x1
        # else keep the officer's zoom
        fit = self.timeline is None or elsewhere or live != self.live
        self.live = live
        self.timeline = timeline
        self._fill_grids(timeline)
        self._rebuild(fit=fit)

    def show_situation(self, situation: Situation) -> None:
        """Move "now" to the situation's time: the live clock, or the replayed moment."""
        self.cutoff = situation.at
        if self.data is None:
            return
        if self._filter.statuses:
            self._rebuild(fit=False)  # statuses change with time
        else:
            self.plot.set_cutoff(situation.at)

    def set_filter(self, wanted: TimelineFilter) -> None:
        self._filter = wanted
        self._rebuild(fit=False)

    def select_incident(self, incident_id: int | None) -> None:
        """Highlight an incident chosen elsewhere (no signal back)."""
        self._selected = incident_id
        lane = None
        if self.data is not None and incident_id is not None:
            lane = next((n for n, i in enumerate(self.data.lanes) if i.id == incident_id), None)
        self.plot.select_lane(lane)

    # ------------------------------------------------------------ internals

    def _moment(self) -> dt.datetime:
        if self.cutoff is not None:
            return self.cutoff
        assert self.timeline is not None
        return self.timeline.end

    def _rebuild(self, fit: bool) -> None:
        if self.timeline is None:
            return
        moment = self._moment()
        self.data = TimelineData(self.timeline, self._filter, moment)
        self.plot.set_data(self.data, moment, fit, self.live)
        self.select_incident(self._selected)
        self._sync_scroll()

    def _sync_scroll(self) -> None:
        """The scroll bar follows the lanes in view; hidden when they all fit."""
        if self.data is None:
            self.lanes_scroll.setVisible(False)
            return
        _x, (y0, y1) = self.plot.view.viewRange()
        rows = max(1, round(y1 - y0))
        lanes = len(self.data.lanes)
        self.lanes_scroll.blockSignals(True)
        self.lanes_scroll.setRange(0, max(0, lanes - rows))
        self.lanes_scroll.setPageStep(rows)
        self.lanes_scroll.setValue(round(y0 + 0.6))
        self.lanes_scroll.blockSignals(False)
        self.lanes_scroll.setVisible(lanes > rows)

    def _scrolled(self, first: int) -> None:
        _x, (y0, y1) = self.plot.view.viewRange()
        self.plot.view.setYRange(first - 0.6, first - 0.6 + (y1 - y0), padding=0)

    def _fill_grids(self, timeline: Timeline) -> None:
        codes = sorted({i.grid_code for i in timeline.incidents if i.grid_code})
        present = [self.grids.itemData(n) for n in range(1, self.grids.count())]
        if codes == present:
            return
        current = self.grids.currentData()
        self.grids.blockSignals(True)
        self.grids.clear()
        self.grids.addItem(self.tr("All"), None)
        for code in codes:
            self.grids.addItem(code[-6:], code)
        self.grids.setCurrentIndex(max(0, self.grids.findData(current)))
        self.grids.blockSignals(False)

    def _filters_changed(self) -> None:
        def chosen(combo: QComboBox) -> frozenset[object]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        self.set_filter(TimelineFilter(
            classes=chosen(self.classes),  # type: ignore[arg-type]
            severities=chosen(self.severities),  # type: ignore[arg-type]
            statuses=chosen(self.statuses),  # type: ignore[arg-type]
            grids=chosen(self.grids),  # type: ignore[arg-type]
        ))

    def _event_clicked(self, ref: int) -> None:
        if self.data is not None:
            _lane, event = self.data.events[ref]
            self.seek_requested.emit(event.recorded_at)

    def _lane_clicked(self, lane: int) -> None:
        if self.data is None:
            return
        self._selected = self.data.lanes[lane].id
        self.incident_selected.emit(self._selected)
