"""The live situation source: the replica's change feed, and the timeline read along with it.

Wraps ``LiveFeed`` (which polls and refreshes the situation part by part) and
adds the live timeline: the last hours are read again, on the feed's own
connection and off the GUI thread, when a change set touches a table the
timeline reads (``timeline.READS``) or when the feed re-read the time-dependent
parts (at least once a minute, so the window moves with the clock). One read at a
time; changes arriving meanwhile, or less than ``MIN_GAP_S`` after a read
started, are read together right after it. It never pauses: a replay on the
screen does not stop it (the router decides what is drawn).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.models import timeline
from desktop.views.situation_source import SituationSource

if TYPE_CHECKING:
    from desktop.models.live import LiveUpdate
    from desktop.views.live_feed import LiveFeed

log = logging.getLogger(__name__)

# Changes arriving faster than this are read together (a burst must not keep the worker
# and the plot busy with one read per poll).
MIN_GAP_S = 1.0


class LiveSource(SituationSource):
    mode = "live"

    def __init__(self, feed: LiveFeed, hours: float = 24.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self._span = dt.timedelta(hours=hours)
        self._pending = False
        self._busy = False
        self._started_at = -MIN_GAP_S
        self._closed = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._load_if_due)
        feed.update_ready.connect(self.follow)

    def follow(self, update: LiveUpdate) -> None:
        """Each update of the feed: hand out its situation, read the timeline if due."""
        if self._closed:
            return
        changes = update.changes
        if changes.clock or changes.touches(*timeline.READS):
            self._pending = True
        self._deliver_situation(update.situation)
        self._load_if_due()

    def close(self) -> None:
        """Read nothing more (the feed owns the connection and closes it)."""
        self._closed = True
        self._later.stop()

    def _load_if_due(self) -> None:
        if self._closed or self._busy or not self._pending or self.situation is None:
            return
        wait = self._started_at + MIN_GAP_S - time.monotonic()
        if wait > 0:
            if not self._later.isActive():
                self._later.start(max(1, round(wait * 1000)))
            return
        self._load(self.situation.at)

    def _load(self, now: dt.datetime) -> None:
        self._busy, self._pending = True, False
        self._started_at = time.monotonic()
        start = now - self._span
        self.feed.read(self, lambda session: timeline.timeline_window(session, start, now),
                       self._loaded, self._failed)

    def _loaded(self, read: timeline.Timeline) -> None:
        if self._closed:  # a read that ended after the window closed
            return
        self._busy = False
        self._deliver_timeline(read)
        self._load_if_due()

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._busy, self._pending = False, True  # again with the next update
        log.warning("timeline could not be read: %s", error)
