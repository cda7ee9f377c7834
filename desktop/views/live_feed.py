"""Keeps the dashboard current: polls the replica off the GUI thread, hands out situations."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models import freshness
from desktop.models.errors import ReplicaError
from desktop.settings import Settings
from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from desktop.models.live import ReplicaReader

log = logging.getLogger(__name__)

# The situation depends on the clock too (shift changes, overdue checks).
RELOAD_EVERY_S = 60.0


class LiveFeed(QObject):
    situation_ready = Signal(object)  # Situation
    freshness_changed = Signal(object)  # FreshnessState

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._location = settings.replica
        self._reader: ReplicaReader | None = None
        self._reader_lock = threading.Lock()
        self._stale_after = dt.timedelta(seconds=settings.stale_after_s)
        self._timer = QTimer(self)
        self._timer.setInterval(settings.poll_interval_ms)
        self._timer.timeout.connect(self._tick)
        self._busy = False
        self._last_seq: int | None = None
        self._last_load = 0.0
        self._last_good_read: dt.datetime | None = None
        self._heartbeat: dt.datetime | None = None
        self._failed_polls = 0
        self._error = ""
        self._state: freshness.FreshnessState | None = None

    def _reader_on_worker(self) -> ReplicaReader:
        """Made on the first poll, on a worker: the database layer's import (~0.2 s)
        happens there, while the GUI thread starts the window and the map."""
        with self._reader_lock:
            if self._reader is None:
                from desktop.models.live import ReplicaReader

                self._reader = ReplicaReader(self._location)
            return self._reader

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

    def _tick(self) -> None:
        self._publish_freshness()
        if self._busy:
            return
        self._busy = True
        last_seq = self._last_seq
        reload_due = time.monotonic() - self._last_load > RELOAD_EVERY_S

        def job() -> tuple[int, dt.datetime | None, object]:
            reader = self._reader_on_worker()
            seq, heartbeat = reader.poll()
            situation = None
            if seq != last_seq or reload_due:
                situation = reader.situation(dt.datetime.now(dt.UTC))
            return seq, heartbeat, situation

        run_blocking(job, self._on_polled, self._on_failed)

    def _on_polled(self, result: tuple[int, dt.datetime | None, object]) -> None:
        self._busy = False
        seq, heartbeat, situation = result
        self._last_good_read = dt.datetime.now(dt.UTC)
        self._heartbeat = heartbeat
        self._failed_polls = 0
        if situation is not None:
            self._last_seq = seq
            self._last_load = time.monotonic()
            self.situation_ready.emit(situation)
        self._publish_freshness()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self._failed_polls += 1
        message = str(error) if isinstance(error, ReplicaError) else repr(error)
        if message != self._error:
            log.warning("replica poll failed: %s", message)
        self._error = message
        if not isinstance(error, ReplicaError):
            log.error("unexpected error while reading the replica", exc_info=error)
        self._publish_freshness()

    def _publish_freshness(self) -> None:
        state = freshness.assess(
            now=dt.datetime.now(dt.UTC),
            last_good_read=self._last_good_read,
            newest_heartbeat=self._heartbeat,
            failed_polls=self._failed_polls,
            stale_after=self._stale_after,
            error=self._error,
        )
        if state != self._state:
            self._state = state
            self.freshness_changed.emit(state)
