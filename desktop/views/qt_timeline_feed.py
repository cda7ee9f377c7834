"""Keeps the live timeline current: reloads the last hours off the GUI thread when data changes.

The live feed's situations say when the replica changed (``last_change_seq``);
the timeline is read again then, and at least every few minutes so the
window moves with the clock. One read at a time; results arrive on the GUI
thread as ``timeline_ready``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QObject, Signal

from desktop.models.situation import Situation
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)

RELOAD_EVERY_S = 300.0


class TimelineFeed(QObject):
    timeline_ready = Signal(object)  # Timeline

    def __init__(self, location: str, hours: float = 24.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._location = location
        self._span = dt.timedelta(hours=hours)
        self._seq: int | None = None
        self._loaded_at = 0.0
        self._busy = False
        self.enabled = True  # the lead switches it off while a replay is shown

    def follow(self, situation: Situation) -> None:
        """Connect to the live feed's situation_ready: reloads when something changed."""
        seq = situation.freshness.last_change_seq
        due = time.monotonic() - self._loaded_at > RELOAD_EVERY_S
        if not self.enabled or self._busy or (seq == self._seq and not due):
            return
        self.load(situation.at, seq)

    def load(self, now: dt.datetime, seq: int | None = None) -> None:
        from desktop.models.replay.source import with_replica
        from desktop.models.timeline import timeline_window

        self._busy = True
        start, location = now - self._span, self._location

        def job() -> object:
            return with_replica(location, lambda s: timeline_window(s, start, now))

        def done(timeline: object) -> None:
            self._busy = False
            self._seq = seq
            self._loaded_at = time.monotonic()
            if self.enabled:
                self.timeline_ready.emit(timeline)

        def failed(error: BaseException) -> None:
            self._busy = False
            log.warning("timeline could not be read: %s", error)

        run_blocking(job, done, failed)
