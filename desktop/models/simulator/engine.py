"""The simulator's clock and agenda: happenings due at moments, written in batches.

Every happening is an ``Action``: it writes its rows into an open session and
returns the follow-ups it causes, each with a delay in real seconds. The
agenda orders actions by due time and then by the order they were planned,
so a run's sequence of writes depends only on the seed and the replica, not
on how the loop happens to be woken. Tests drive a ``ManualClock``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from desktop.models import clock


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Wall-clock time written into rows (timezone-aware)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a steady clock; the agenda is kept on it."""
        ...

    def sleep(self, seconds: float) -> None: ...


class RealClock:
    def now(self) -> dt.datetime:
        return clock.now()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class ManualClock:
    """A clock that moves only when told: sleeping advances it (for tests)."""

    start: dt.datetime
    elapsed: float = 0.0

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.elapsed)

    def monotonic(self) -> float:
        return self.elapsed

    def sleep(self, seconds: float) -> None:
        self.elapsed += max(seconds, 0.0)


Followups = Iterable[tuple[float, "Action"]]


class Action(Protocol):
    """One happening; ``apply`` writes it and says what follows (delay in real s)."""

    def apply(self, session: Session, now: dt.datetime) -> Followups: ...


@dataclass(order=True)
class _Entry:
    due: float
    order: int
    action: Action = field(compare=False)


class Agenda:
    def __init__(self) -> None:
        self._heap: list[_Entry] = []
        self._order = itertools.count()

    def add(self, due: float, action: Action) -> None:
        heapq.heappush(self._heap, _Entry(due, next(self._order), action))

    def requeue(self, entries: list[_Entry], due: float) -> None:
        """Put back a batch whose write failed, keeping its planned order."""
        for entry in entries:
            heapq.heappush(self._heap, _Entry(max(entry.due, due), entry.order, entry.action))

    def pop_due(self, now: float) -> list[_Entry]:
        due = []
        while self._heap and self._heap[0].due <= now:
            due.append(heapq.heappop(self._heap))
        return due

    def next_due(self) -> float | None:
        return self._heap[0].due if self._heap else None

    def __len__(self) -> int:
        return len(self._heap)
