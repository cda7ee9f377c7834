"""Keeps the dashboard current: polls the replica off the GUI thread, hands out situations.

Each poll runs ``ReplicaReader.refresh`` on a worker; a new situation comes
back with its change set (``update_ready``) and alone (``situation_ready``,
which the panels use). A poll that fails, or one that has not answered for
``STUCK_AFTER_S`` (a lock, a server that went silent), counts toward the
stale badge; the reader reconnects by itself on the next poll, and the first
situation after a reconnect is a full refresh.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models import clock, freshness
from desktop.models.errors import ReplicaError, SchemaMismatch
from desktop.settings import Settings
from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.live import Refresh, ReplicaReader

log = logging.getLogger(__name__)

# The situation depends on the clock too: its time-dependent parts are read again when a
# shift or a warning begins or ends (the reader says when), and this often in any case
# (inspections falling overdue, deadlines).
RELOAD_EVERY_S = 60.0
# A poll still running after this long is treated as failed for the badge.
STUCK_AFTER_S = 3.0


class LiveFeed(QObject):
    situation_ready = Signal(object)  # Situation
    update_ready = Signal(object)  # LiveUpdate: the situation and its ChangeSet
    freshness_changed = Signal(object)  # FreshnessState
    poll_failed = Signal(str)  # why a poll failed, each time one does

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._location = settings.replica
        self._reader: ReplicaReader | None = None
        self._reader_lock = threading.Lock()
        self._stale_after = dt.timedelta(seconds=settings.stale_after_s)
        self._interval_s = settings.poll_interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setInterval(settings.poll_interval_ms)
        self._timer.timeout.connect(self._tick)
        self._busy_since: float | None = None
        self._last_clock = 0.0
        self._clock_due: dt.datetime | None = None  # a shift or warning changes then
        self._last_good_read: dt.datetime | None = None
        self._heartbeat: dt.datetime | None = None
        self._lag: dt.timedelta | None = None
        self._failed_polls = 0
        self._error = ""
        self._reason = ("", "")  # (code, schema version) of a schema mismatch
        self._state: freshness.FreshnessState | None = None
        self.last_update: object | None = None  # the newest LiveUpdate

    def _reader_on_worker(self) -> ReplicaReader:
        """Made on the first poll, on a worker: the database layer's import (~0.2 s)
        happens there, while the GUI thread starts the window and the map."""
        with self._reader_lock:
            if self._reader is None:
                from desktop.models.live import ReplicaReader

                self._reader = ReplicaReader(self._location)
            return self._reader

    def read(self, owner: QObject, work: Callable[[Session], Any],
             on_result: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> None:
        """Another read of the replica for ``owner`` (the live timeline), on the feed's own
        connection and off the GUI thread, between two polls."""
        run_blocking(owner, lambda: self._reader_on_worker().read(work), on_result, on_error)

    def close(self) -> None:
        """Stop polling and release the replica (after background work has finished)."""
        self._timer.stop()
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def start(self) -> None:
        self._tick()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def state(self) -> freshness.FreshnessState | None:
        return self._state

    def _tick(self) -> None:
        self._publish_freshness()
        if self._busy_since is not None:
            return
        self._busy_since = time.monotonic()
        reload_due = (time.monotonic() - self._last_clock > RELOAD_EVERY_S
                      or (self._clock_due is not None
                          and clock.now() >= self._clock_due))

        def job() -> Refresh:
            reader = self._reader_on_worker()
            return reader.refresh(clock.now(), reload=reload_due)

        run_blocking(self, job, self._on_polled, self._on_failed)

    def _on_polled(self, result: Refresh) -> None:
        self._busy_since = None
        self._last_good_read = clock.now()
        self._heartbeat, self._lag = result.heartbeat, result.lag
        self._clock_due = result.clock_due
        if self._failed_polls:
            log.info("replica readable again")
        self._failed_polls = 0
        self._error = ""
        self._reason = ("", "")
        update = result.update
        if update is not None:
            if update.changes.clock:
                self._last_clock = time.monotonic()
            if update.changes.full and update.changes.after_seq is not None:
                log.info("full refresh at seq %d: %s", update.changes.seq, update.changes.reason)
            self.last_update = update
            self.update_ready.emit(update)
            self.situation_ready.emit(update.situation)
        self._publish_freshness()

    def _on_failed(self, error: BaseException) -> None:
        self._busy_since = None
        self._failed_polls += 1
        message = str(error) if isinstance(error, ReplicaError) else repr(error)
        if message != self._error:
            log.warning("replica poll failed: %s", message)
        self._error = message
        self._reason = ((error.code, error.found or "?") if isinstance(error, SchemaMismatch)
                        else ("", ""))
        if not isinstance(error, ReplicaError):
            log.error("unexpected error while reading the replica", exc_info=error)
        self.poll_failed.emit(message)
        self._publish_freshness()

    def _stuck_for(self) -> float:
        if self._busy_since is None:
            return 0.0
        return time.monotonic() - self._busy_since

    def _publish_freshness(self) -> None:
        failed, error = self._failed_polls, self._error
        stuck = self._stuck_for()
        if stuck > max(STUCK_AFTER_S, 2 * self._interval_s):
            failed, error = max(failed, 2), "replica not answering (locked or unreachable)"
        state = freshness.assess(
            now=clock.now(),
            last_good_read=self._last_good_read,
            newest_heartbeat=self._heartbeat,
            failed_polls=failed,
            stale_after=self._stale_after,
            error=error,
            reason=self._reason[0],
            schema=self._reason[1],
            lag=self._lag,
        )
        if state != self._state:
            self._state = state
            self.freshness_changed.emit(state)
