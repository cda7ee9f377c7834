"""Seek in O(log n + k): periodic snapshots of the open incidents plus the arrivals since.

Built by one forward fold over every arrival ("touch": an incident row or an
event becoming known). Every ``snapshot_every`` touches the open incidents
(with how far each had got) are kept. To answer "which incidents are open at
t" (``ReplayEngine.situation_at``): bisect the touch times for t, take the
snapshot before it, keep its incidents untouched since, and look up only the
k incidents touched between the snapshot and t. Each incident keeps its
states after each of its events, so its state at t is one more bisect.
Incidents closed at the snapshot and untouched since cannot be open at t, so
nothing else needs looking at.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from desktop.models.replay.clean import Incident
from desktop.models.replay.fold import INITIAL, Fold, IncidentState
from desktop.models.replay.records import Event

DEFAULT_SNAPSHOT_EVERY = 250


class LogIndex:
    def __init__(
        self,
        incidents: dict[int, Incident],
        events: list[Event],
        snapshot_every: int = DEFAULT_SNAPSHOT_EVERY,
    ) -> None:
        if snapshot_every < 1:
            raise ValueError("snapshot_every must be at least 1")
        self.snapshot_every = snapshot_every
        self._incidents = incidents
        touches = sorted(
            [(i.recorded_at, 0, i.id, -1) for i in incidents.values()]
            + [(e.recorded_at, 1, e.incident_id, n) for n, e in enumerate(events)]
        )
        self.touch_times: list[dt.datetime] = [t[0] for t in touches]
        self.touch_incident: list[int] = [t[2] for t in touches]
        self._times: dict[int, list[dt.datetime]] = {i: [] for i in incidents}
        self._states: dict[int, list[IncidentState]] = {i: [] for i in incidents}
        # Each snapshot: open incident → how many of its events were known then.
        self.snapshots: list[dict[int, int]] = [{}]
        fold = Fold(incidents)
        open_now: dict[int, int] = {}
        for count, (_at, kind, incident_id, number) in enumerate(touches, start=1):
            if kind == 0:
                state = fold.appear(incident_id)
            else:
                before = fold.states.get(incident_id)
                state = fold.apply(events[number])
                if state is not before:
                    self._times[incident_id].append(events[number].recorded_at)
                    self._states[incident_id].append(state)
            if state.open:
                open_now[incident_id] = len(self._states[incident_id])
            else:
                open_now.pop(incident_id, None)
            if count % snapshot_every == 0:
                self.snapshots.append(dict(open_now))

    def __len__(self) -> int:
        return len(self.touch_times)

    def position(self, at: dt.datetime) -> int:
        """How many touches are known at ``at``."""
        return bisect_right(self.touch_times, at)

    def state_at(self, incident_id: int, at: dt.datetime) -> tuple[int, IncidentState] | None:
        """(events known, state) of one incident at ``at``; None while it is unknown."""
        times = self._times[incident_id]
        known = bisect_right(times, at)
        if known:
            return known, self._states[incident_id][known - 1]
        if self._incidents[incident_id].recorded_at <= at:
            return 0, INITIAL
        return None

    def state(self, incident_id: int, known: int) -> IncidentState:
        """The incident's state once ``known`` of its events had arrived."""
        return self._states[incident_id][known - 1] if known else INITIAL
