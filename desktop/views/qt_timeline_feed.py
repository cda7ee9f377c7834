"""Keeps the live timeline current: reloads the last hours off the GUI thread when data changes.

The live feed's updates say which tables changed; the timeline is read again
when they touch what it shows, and at least every few minutes so the window
moves with the clock. One read at a time (a change arriving meanwhile is read
right after); results arrive on the GUI thread as ``timeline_ready``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from desktop.models.live import LiveUpdate
    from desktop.models.replay.source import ReplicaSessions

log = logging.getLogger(__name__)

RELOAD_EVERY_S = 300.0
# Changes arriving faster than this are read together (a burst must not keep the worker
# and the plot busy with one read per poll).
MIN_GAP_S = 1.0
# The tables the timeline reads (desktop.models.timeline.timeline_window).
READS = ("incident", "incident_event", "station", "person")


class TimelineFeed(QObject):
    timeline_ready = Signal(object)  # Timeline

    def __init__(self, location: str, hours: float = 24.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._location = location
        self._span = dt.timedelta(hours=hours)
        self._now: dt.datetime | None = None
        self._pending = False
        self._loaded_at = 0.0
        self._started_at = -MIN_GAP_S
        self._busy = False
        self._reopen = False
        self._replica: ReplicaSessions | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._load_if_due)
        self.enabled = True  # the lead switches it off while a replay is shown
        self._closed = False

    def follow(self, update: LiveUpdate) -> None:
        """Connect to the live feed's update_ready."""
        self._now = update.situation.at
        if update.changes.full:  # reconnected, replaced: open the replica anew too
            self._reopen = True
        if update.changes.touches(*READS):
            self._pending = True
        self._load_if_due()

    def _load_if_due(self) -> None:
        due = self._pending or time.monotonic() - self._loaded_at > RELOAD_EVERY_S
        if self._closed or not (self.enabled and not self._busy and due and
                                self._now is not None):
            return
        wait = self._started_at + MIN_GAP_S - time.monotonic()
        if wait > 0:
            if not self._later.isActive():
                self._later.start(max(1, round(wait * 1000)))
            return
        self.load(self._now)

    def close(self) -> None:
        """Release the replica (after background work has finished); read nothing more."""
        self._closed = True
        self._later.stop()
        if self._replica is not None:
            self._replica.close()

    def load(self, now: dt.datetime) -> None:
        from desktop.models.replay.source import ReplicaSessions
        from desktop.models.timeline import timeline_window

        self._busy, self._pending = True, False
        self._started_at = time.monotonic()
        if self._replica is None:
            self._replica = ReplicaSessions(self._location)
        replica, reopen, self._reopen = self._replica, self._reopen, False
        start = now - self._span

        def job() -> object:
            if reopen:
                replica.close()
            return replica.run(lambda s: timeline_window(s, start, now))

        def done(timeline: object) -> None:
            if self._closed:  # a read that ended after the window closed
                return
            self._busy = False
            self._loaded_at = time.monotonic()
            if self.enabled:
                self.timeline_ready.emit(timeline)
            self._load_if_due()

        def failed(error: BaseException) -> None:
            if self._closed:
                return
            self._busy, self._pending = False, True  # again with the next update
            log.warning("timeline could not be read: %s", error)

        run_blocking(self, job, done, failed)
