"""When Python's garbage collector runs: at quiet moments, never in the middle of a burst.

Measured on a district replica (50 streets): each poll during a burst of changes
builds tens of thousands of new objects on the reader's worker; they survive long
enough to be promoted, and CPython then runs full collections on that worker, 40-110 ms
each with the GIL held, so the GUI thread (the clock, the banner, the panels) froze
for as long. Collections find almost nothing: the situation is made of acyclic
records that reference counting frees. So, once the dashboard is up, the automatic
collector is switched off and ``QuietCollector`` runs it when the feed has drawn
nothing new for a while (and in any case once a minute, so cycles cannot pile up):
the young generations then, a full collection (~70 ms on a district) only every ten
minutes.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CollectionPolicy:
    """Collect once nothing new has arrived for ``quiet_s``, at most every ``min_gap_s``;
    and at the latest ``max_gap_s`` after the last collection, quiet or not. A collection
    is full (every generation) when the last full one is ``full_gap_s`` old, else young."""

    quiet_s: float = 2.0
    min_gap_s: float = 10.0
    max_gap_s: float = 60.0
    full_gap_s: float = 600.0

    def due(self, now: float, last_collection: float, last_change: float) -> bool:
        since = now - last_collection
        if since >= self.max_gap_s:
            return True
        return since >= self.min_gap_s and now - last_change >= self.quiet_s

    def generation(self, now: float, last_full: float) -> int:
        """Which generation to collect (2: all of them)."""
        return 2 if now - last_full >= self.full_gap_s else 1


class QuietCollector:
    """Owns the collector for one dashboard: ``settle`` once the first picture is up,
    ``changed`` whenever a new situation arrives, ``tick`` every second or so, ``close``
    when the dashboard closes (the automatic collector comes back)."""

    def __init__(self, policy: CollectionPolicy = CollectionPolicy(),
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self._monotonic = monotonic
        self._last_collection = self._last_change = self._last_full = monotonic()
        self._settled = False
        self.collections = 0
        self.full_collections = 0

    def settle(self) -> None:
        """Collect, move everything alive (Qt wrappers, SQLAlchemy, the first situation:
        ~170k objects on the demo street, never garbage) to the permanent generation, and
        switch automatic collection off."""
        started = time.perf_counter()
        gc.collect()
        gc.freeze()
        gc.disable()
        self._settled = True
        self._last_collection = self._last_full = self._monotonic()
        log.info("memory settled in %.0f ms: %d objects frozen; collections at quiet "
                 "moments from now on", (time.perf_counter() - started) * 1000,
                 gc.get_freeze_count())

    def changed(self) -> None:
        self._last_change = self._monotonic()

    def tick(self) -> None:
        now = self._monotonic()
        if self._settled and self.policy.due(now, self._last_collection, self._last_change):
            generation = self.policy.generation(now, self._last_full)
            gc.collect(generation)
            self.collections += 1
            self._last_collection = self._monotonic()
            if generation == 2:
                self.full_collections += 1
                self._last_full = self._last_collection

    def close(self) -> None:
        if self._settled:
            self._settled = False
            gc.enable()
