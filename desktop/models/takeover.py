"""The wall's alarm takeover: which alert holds the wall now, and for how long.

Qt-free. Fed the alerts the banner's ``AlertTracker`` raises (new incidents and
raised severities) and the clock. An alert of the threshold's severity or above
(I is the most severe) takes over the wall for ``hold``; alerts arriving while one
is shown wait in a queue, most severe first, then in the order they came. A more
severe alert does not wait behind a less severe one on the wall: it takes over at
once and the one it interrupted goes back to the queue with the time it had left,
so each is shown for its whole time. An incident closed meanwhile leaves the queue.
The banner is not this: it stays until someone acknowledges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.models.alerts import Alert

DEFAULT_THRESHOLD = 3  # 较大 III or above
DEFAULT_HOLD = dt.timedelta(seconds=45)


def takes_over(alert: Alert, threshold: int) -> bool:
    """Whether an alert is an alarm for the takeover (severity ``threshold`` or above)."""
    return 1 <= alert.incident.severity <= threshold


@dataclass
class _Waiting:
    alert: Alert
    left: dt.timedelta
    order: int


@dataclass
class TakeoverQueue:
    threshold: int = DEFAULT_THRESHOLD
    hold: dt.timedelta = DEFAULT_HOLD
    _waiting: list[_Waiting] = field(default_factory=list)
    _current: Alert | None = None
    _ends_at: dt.datetime | None = None
    _seen: set[str] = field(default_factory=set)
    _order: int = 0

    @property
    def current(self) -> Alert | None:
        return self._current

    @property
    def ends_at(self) -> dt.datetime | None:
        """When the alarm on the wall gives way (to the next or to standby)."""
        return self._ends_at

    @property
    def waiting(self) -> tuple[Alert, ...]:
        return tuple(w.alert for w in sorted(self._waiting, key=self._rank))

    @staticmethod
    def _rank(waiting: _Waiting) -> tuple[int, int]:
        return waiting.alert.incident.severity, waiting.order

    def offer(self, alerts: Iterable[Alert], now: dt.datetime) -> bool:
        """Queue the alarms among ``alerts`` (each alert once); True when the wall changed."""
        before = self._current
        for alert in alerts:
            if alert.key in self._seen or not takes_over(alert, self.threshold):
                continue
            self._seen.add(alert.key)
            self._order += 1
            self._waiting.append(_Waiting(alert, self.hold, self._order))
        current = self._current
        if current is not None and self._waiting:
            best = min(self._waiting, key=self._rank)
            if best.alert.incident.severity < current.incident.severity:
                assert self._ends_at is not None
                left = max(self._ends_at - now, dt.timedelta(0))
                self._order += 1
                self._waiting.append(_Waiting(current, left, -self._order))  # first of its rank
                self._current = self._ends_at = None
        self.tick(now)
        return self._current is not before

    def tick(self, now: dt.datetime) -> bool:
        """Move on when the alarm's time is up; True when the wall changed."""
        before = self._current
        if self._ends_at is not None and now >= self._ends_at:
            self._current = self._ends_at = None
        if self._current is None and self._waiting:
            best = min(self._waiting, key=self._rank)
            self._waiting.remove(best)
            self._current, self._ends_at = best.alert, now + best.left
        return self._current is not before

    def keep_open(self, open_ids: Iterable[int], now: dt.datetime) -> bool:
        """Forget alarms whose incident is no longer open; True when the wall changed."""
        ids = set(open_ids)
        self._waiting = [w for w in self._waiting if w.alert.incident.id in ids]
        before = self._current
        if before is not None and before.incident.id not in ids:
            self._current = self._ends_at = None
        self.tick(now)
        return self._current is not before

    def clear(self) -> None:
        """Nothing on the wall and nothing waiting (alerts already seen stay seen)."""
        self._waiting.clear()
        self._current = self._ends_at = None
