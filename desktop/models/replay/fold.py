"""The fold: what the duty room knew about each incident after the events it has received.

An incident's state depends only on the set of its events received so far,
never on their arrival order: its status is the stage of the latest event by
what *happened* (occurred_at, then lifecycle order), so a 到场 typed in after
the 办结 does not reopen anything. That makes a snapshot plus the events
after it equal to a fold from scratch, which the property tests check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models.replay.clean import Incident
from desktop.models.replay.records import Event

CLOSED = "closed"


@dataclass(frozen=True)
class IncidentState:
    status: str
    latest: tuple[dt.datetime, int, int, int] | None  # ``Event.happened`` of the status event
    last_event_at: dt.datetime | None  # newest recorded_at among known events
    stations: frozenset[int]  # stations whose team an event sent or placed on it
    events: int  # events known

    @property
    def open(self) -> bool:
        return self.status != CLOSED


INITIAL = IncidentState("received", None, None, frozenset(), 0)


def advance(state: IncidentState, event: Event) -> IncidentState:
    """The state after one more event (pure: the index stores every prefix)."""
    status, latest = state.status, state.latest
    if latest is None or event.happened > latest:
        status, latest = event.stage, event.happened
    last = state.last_event_at
    if last is None or event.recorded_at > last:
        last = event.recorded_at
    stations = state.stations
    if event.station_id is not None and event.station_id not in stations:
        stations = stations | {event.station_id}
    return IncidentState(status, latest, last, stations, state.events + 1)


class Fold:
    """Apply arrivals one at a time from nothing: the reference replay (and the baseline)."""

    def __init__(self, incidents: dict[int, Incident]) -> None:
        self._incidents = incidents
        self.states: dict[int, IncidentState] = {}
        self._seen: set[tuple[int, str, int, dt.datetime]] = set()

    def appear(self, incident_id: int) -> IncidentState:
        """The incident row has arrived: the duty room knows the incident exists."""
        return self.states.setdefault(incident_id, INITIAL)

    def apply(self, event: Event) -> IncidentState:
        """One arrival; a repeat of an event already applied changes nothing."""
        state = self.states.get(event.incident_id, INITIAL)
        if event.identity not in self._seen:
            self._seen.add(event.identity)
            state = advance(state, event)
        self.states[event.incident_id] = state
        return state

    def run(self, events: list[Event], until: dt.datetime) -> Fold:
        """Everything known at ``until``: incident rows and events recorded by then."""
        for incident in self._incidents.values():
            if incident.recorded_at <= until:
                self.appear(incident.id)
        for event in events:
            if event.recorded_at > until:
                break
            self.apply(event)
        return self

    def open_states(self) -> dict[int, IncidentState]:
        return {i: s for i, s in self.states.items() if s.open}
