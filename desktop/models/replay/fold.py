"""The fold: what the duty room knew about each incident after the events it has received.

An incident's state depends only on the set of its events received so far,
never on their arrival order: its status is the stage of the latest event by
what *happened* (occurred_at, then lifecycle order), so a 到场 typed in after
the 办结 does not reopen anything. That makes a snapshot plus the events
after it equal to a fold from scratch, which the property tests check.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models.replay.clean import Incident
from desktop.models.replay.records import Event
from desktop.models.situation import IncidentStatus

CLOSED = "closed"


@dataclass(frozen=True)
class IncidentState:
    status: str
    latest: tuple[dt.datetime, int, int, int] | None  # ``Event.happened`` of the status event
    last_event_at: dt.datetime | None  # newest recorded_at among known events
    stations: frozenset[int]  # stations whose team an event sent or placed on it
    events: int  # events known
    severity: int | None = None  # the severity the latest event stating one reports
    severity_at: tuple[dt.datetime, int, int, int] | None = None  # that event's ``happened``

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
    severity, severity_at = state.severity, state.severity_at
    if event.severity is not None and (severity_at is None or event.happened > severity_at):
        severity, severity_at = event.severity, event.happened
    return IncidentState(status, latest, last, stations, state.events + 1, severity,
                         severity_at)


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


def incident_status(incident: Incident, state: IncidentState) -> IncidentStatus:
    """An incident as the panels show it, in the state its known events give."""
    record = incident.record
    return IncidentStatus(
        id=record.id,
        code=record.code,
        title=record.title,
        class_code=record.class_code,
        type_code=record.type_code,
        severity=record.severity if state.severity is None else state.severity,
        status=state.status,
        place=record.place,
        lon=record.lon,
        lat=record.lat,
        grid_code=record.grid_code,
        exercise=record.exercise,
        occurred_at=incident.occurred_at,
        recorded_at=incident.recorded_at,
        last_event_at=state.last_event_at or incident.recorded_at,
    )


def teams_out(stations_per_open_incident: Iterable[frozenset[int]]) -> Counter[int]:
    """How many open incidents each station has a team on: the input to its readiness."""
    counts: Counter[int] = Counter()
    for stations in stations_per_open_incident:
        counts.update(stations)
    return counts
