"""One interface for whatever the panels draw: a situation source, live or replayed.

Two sources implement it: ``LiveSource`` (desktop/views/live_source.py: the
replica's change feed and the live timeline) and ``ReplayController`` (a drill or
a past window). Each delivers the same things, so the composition root's router
puts either on the panels without knowing which it is:

- ``situation_ready(Situation)``: a new picture of the street;
- ``timeline_ready(Timeline)``: the incidents and events the timeline panel draws;
- ``time_changed(datetime)``: the moment the source is at (now, or the replayed t);
- ``active_changed(bool)``: whether it has something to show (live: always; a
  replay: while one is open).

``mode`` says which kind it is ("live" or "replay"); ``situation``, ``timeline`` and
``time`` keep what it delivered last, for a router switching to it.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from PySide6.QtCore import QObject, Signal

from desktop.models.situation import Situation
from desktop.models.timeline import Timeline

Mode = Literal["live", "replay"]


class SituationSource(QObject):
    situation_ready = Signal(object)  # Situation
    timeline_ready = Signal(object)  # Timeline
    time_changed = Signal(object)  # dt.datetime
    active_changed = Signal(bool)

    mode: ClassVar[Mode]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.situation: Situation | None = None
        self.timeline: Timeline | None = None

    @property
    def active(self) -> bool:
        return True

    @property
    def time(self) -> dt.datetime | None:
        return self.situation.at if self.situation is not None else None

    def _deliver_situation(self, situation: Situation) -> None:
        self.situation = situation
        self.situation_ready.emit(situation)
        self.time_changed.emit(situation.at)

    def _deliver_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.timeline_ready.emit(timeline)

    def _forget(self) -> None:
        """Nothing to show any more (a replay closed)."""
        self.situation = None
        self.timeline = None
