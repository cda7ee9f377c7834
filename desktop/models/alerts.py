"""Alerts for the wall: a new incident, or one whose severity was raised, until acknowledged.

Qt-free: fed each new Situation and the clock; the banner and the sound only
show what ``AlertTracker`` says. An alert not acknowledged within
``repeat_after`` asks to be repeated louder (ARCHITECTURE, "Alerts").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.models.situation import IncidentStatus, Situation


@dataclass(frozen=True)
class Alert:
    key: str  # incident id + what happened, unique per alert
    incident: IncidentStatus
    kind: str  # new | raised
    raised_at: dt.datetime


@dataclass
class AlertTracker:
    repeat_after: dt.timedelta = dt.timedelta(seconds=60)
    startup_window: dt.timedelta = dt.timedelta(minutes=10)
    _severity: dict[int, int] = field(default_factory=dict)
    _pending: dict[str, Alert] = field(default_factory=dict)
    _repeated: dict[str, int] = field(default_factory=dict)
    _started: bool = False

    def update(self, situation: Situation) -> tuple[Alert, ...]:
        """New alerts raised by this situation (also kept pending until acknowledged)."""
        fresh: list[Alert] = []
        for incident in situation.incidents:
            known = self._severity.get(incident.id)
            if known is None:
                recent = situation.at - incident.recorded_at <= self.startup_window
                if self._started or recent:
                    fresh.append(Alert(f"{incident.id}:new", incident, "new", situation.at))
            elif incident.severity < known:  # I is the most severe
                fresh.append(Alert(f"{incident.id}:raised:{incident.severity}", incident,
                                   "raised", situation.at))
            self._severity[incident.id] = incident.severity
        open_ids = {i.id for i in situation.incidents}
        for key in [k for k, a in self._pending.items() if a.incident.id not in open_ids]:
            del self._pending[key]  # closed before anyone acknowledged it: nothing to ring for
        self._started = True
        for alert in fresh:
            self._pending[alert.key] = alert
        return tuple(fresh)

    @property
    def pending(self) -> tuple[Alert, ...]:
        return tuple(sorted(self._pending.values(),
                            key=lambda a: (a.incident.severity, a.raised_at)))

    def acknowledge(self, key: str) -> Alert | None:
        self._repeated.pop(key, None)
        return self._pending.pop(key, None)

    def acknowledge_all(self) -> tuple[Alert, ...]:
        done = self.pending
        self._pending.clear()
        self._repeated.clear()
        return done

    def repeat_level(self, now: dt.datetime) -> int:
        """0 = nothing to ring; 1 = first ring; n > 1 = repeated n-1 times, louder each time."""
        if not self._pending:
            return 0
        oldest = min(a.raised_at for a in self._pending.values())
        return 1 + int((now - oldest) / self.repeat_after)
