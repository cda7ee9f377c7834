"""The timeline as flat numpy arrays, and the cuts of it one frame draws.

With 100,000 events a frame must not walk Python objects: events are sorted
by time once, so the visible window is two binary searches; lanes keep their
events contiguous, so "what each lane knew at the cutoff" is one reduceat.
When more marks are visible than a frame should draw, one per pixel column
per lane is kept.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from desktop.models.timeline import Timeline, TimelineEvent, TimelineFilter, TimelineIncident
from desktop.models.vocab import LIFECYCLE

STAGES: tuple[str, ...] = tuple(t.code for t in LIFECYCLE)
STAGE_INDEX = {code: n for n, code in enumerate(STAGES)}
CLOSED = STAGE_INDEX["closed"]


def epoch(moment: dt.datetime) -> float:
    return moment.timestamp()


@dataclass(frozen=True)
class Marks:
    """Event marks to draw: positions and what each is."""

    x: np.ndarray
    lane: np.ndarray
    stage: np.ndarray
    ref: np.ndarray  # index into TimelineData.events


@dataclass(frozen=True)
class Lanes:
    """Bars of the lanes known at the cutoff, and their status there (stage index)."""

    lane: np.ndarray
    start: np.ndarray
    end: np.ndarray
    status: np.ndarray
    severity: np.ndarray


class TimelineData:
    def __init__(
        self, timeline: Timeline, wanted: TimelineFilter, cutoff: dt.datetime
    ) -> None:
        self.timeline = timeline
        self.lanes: list[TimelineIncident] = [
            i for i in timeline.incidents if wanted.matches(i, cutoff)]
        self.events: list[tuple[int, TimelineEvent]] = [
            (lane, event) for lane, incident in enumerate(self.lanes) for event in incident.events]
        count = len(self.events)
        # Lane-major arrays (each lane's events contiguous, in the order things happened).
        self._lane = np.fromiter((lane for lane, _e in self.events), np.int32, count)
        self._x = np.fromiter((epoch(e.occurred_at) for _l, e in self.events), np.float64, count)
        self._rec = np.fromiter((epoch(e.recorded_at) for _l, e in self.events), np.float64,
                                count)
        self._stage = np.fromiter((STAGE_INDEX.get(e.stage, 0) for _l, e in self.events),
                                  np.int8, count)
        sizes = np.fromiter((len(i.events) for i in self.lanes), np.int64, len(self.lanes))
        self._offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        self._has_events = sizes > 0
        self.lane_known = np.fromiter((epoch(i.recorded_at) for i in self.lanes), np.float64,
                                      len(self.lanes))
        self.lane_start = np.fromiter((epoch(i.occurred_at) for i in self.lanes), np.float64,
                                      len(self.lanes))
        self.lane_severity = np.fromiter((i.severity for i in self.lanes), np.int8,
                                         len(self.lanes))
        # Time-sorted view of the same events for the visible window.
        order = np.argsort(self._x, kind="stable")
        self.x = self._x[order]
        self.rec = self._rec[order]
        self.lane = self._lane[order]
        self.stage = self._stage[order]
        self.ref = order.astype(np.int32)
        self._lanes_cache: tuple[float, Lanes] | None = None

    def __len__(self) -> int:
        return len(self.events)

    @property
    def span(self) -> tuple[float, float]:
        return epoch(self.timeline.start), epoch(self.timeline.end)

    def marks(self, x0: float, x1: float, y0: float, y1: float, cutoff: float,
              size: tuple[int, int], budget: int) -> Marks:
        """Marks inside the view and known at ``cutoff``; when more than ``budget``, one per
        screen cell (a pixel column of a lane when zoomed in, a larger square when not)."""
        first = int(np.searchsorted(self.x, x0, side="left"))
        last = int(np.searchsorted(self.x, x1, side="right"))
        lane = self.lane[first:last]
        keep = (lane >= y0) & (lane <= y1) & (self.rec[first:last] <= cutoff)
        index = np.flatnonzero(keep) + first
        if len(index) > budget and x1 > x0 and y1 > y0:
            width, height = size
            cell = max(1.0, math.sqrt(width * height / budget))
            columns = max(1, int(width / cell))
            rows = min(max(1, int(height / cell)), int(y1 - y0) + 1)
            column = ((self.x[index] - x0) * (columns / (x1 - x0))).astype(np.int64)
            row = ((self.lane[index] - y0) * (rows / (y1 - y0))).astype(np.int64)
            _cells, chosen = np.unique(row * (columns + 1) + column, return_index=True)
            index = index[np.sort(chosen)]
        return Marks(self.x[index], self.lane[index], self.stage[index], self.ref[index])

    def lanes_at(self, cutoff: float) -> Lanes:
        """Every lane known at ``cutoff``: from occurrence to its last known event, or to
        the cutoff while open."""
        if self._lanes_cache is not None and self._lanes_cache[0] == cutoff:
            return self._lanes_cache[1]
        count = len(self.lanes)
        status = np.zeros(count, np.int8)
        end = np.full(count, cutoff)
        known = self.lane_known <= cutoff
        if len(self._x):
            position = np.where(self._rec <= cutoff, np.arange(len(self._x)), -1)
            position = np.append(position, -1)  # lanes without events may point past the end
            latest = np.maximum.reduceat(position, self._offsets) if count else position[:0]
            latest = np.where(self._has_events, latest, -1)
            has = latest >= 0
            known |= has
            status[has] = self._stage[latest[has]]
            closed = has & (status == CLOSED)
            end[closed] = self._x[latest[closed]]
        lane = np.flatnonzero(known)
        result = Lanes(lane, self.lane_start[lane], np.maximum(end[lane], self.lane_start[lane]),
                       status[lane], self.lane_severity[lane])
        self._lanes_cache = (cutoff, result)
        return result
