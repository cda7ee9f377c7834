"""Keeps the dashboard current: polls the replica off the GUI thread, hands out situations."""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models import freshness
from desktop.models.live import ReplicaReader
from desktop.models.replica import ReplicaError
from desktop.settings import Settings
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)

# The situation depends on the clock too (shift changes, overdue checks).
RELOAD_EVERY_S = 60.0


class LiveFeed(QObject):
    situation_ready = Signal(object)  # Situation
    freshness_changed = Signal(object)  # FreshnessState

    def __init__(self, reader: ReplicaReader, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._reader = reader
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
        reader = self._reader

        def job() -> tuple[int, dt.datetime | None, object]:
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
