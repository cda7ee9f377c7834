"""Incidents with their lifecycle events in a time window: what the timeline panel draws.

Frozen, Qt-free, personal names masked. The same cleaning as replay applies
(bad events are noted in ``problems`` and left out), and an incident's status
at t follows the replay's rule: its latest event by what happened, among the
events received by t.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models.situation import Problem

if TYPE_CHECKING:  # the types the views import load no database layer at start-up
    from sqlalchemy.orm import Session

    from desktop.models.replay.clean import Incident
    from desktop.models.replay.records import Event

CLOSED = "closed"
# The tables ``timeline_window`` reads (incidents and events, their grids, station and person
# names; a test compares this with its SQL): a change to any of them is a reason to read the
# live timeline again.
READS = ("incident", "incident_event", "admin_unit", "station", "person")


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    stage: str
    report_no: int | None
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    station: str | None = None
    actor: str | None = None  # masked
    note: str | None = None


@dataclass(frozen=True)
class TimelineIncident:
    id: int
    code: str
    title: str
    class_code: str
    severity: int
    place: str
    grid_code: str | None
    exercise: bool
    drill_id: int | None
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    events: tuple[TimelineEvent, ...] = ()  # in the order things happened

    def known_at(self, at: dt.datetime) -> bool:
        return self.recorded_at <= at or any(e.recorded_at <= at for e in self.events)

    def status_at(self, at: dt.datetime) -> str | None:
        """The stage the duty room knew at ``at``; None while the incident is unknown."""
        for event in reversed(self.events):
            if event.recorded_at <= at:
                return event.stage
        return "received" if self.recorded_at <= at else None

    def first(self, stage: str) -> TimelineEvent | None:
        """The first time the incident reached ``stage`` (by occurred_at)."""
        return next((e for e in self.events if e.stage == stage), None)


@dataclass(frozen=True)
class Timeline:
    start: dt.datetime
    end: dt.datetime
    incidents: tuple[TimelineIncident, ...]  # by recorded_at, then id
    problems: tuple[Problem, ...] = field(default=())

    @property
    def event_count(self) -> int:
        return sum(len(i.events) for i in self.incidents)


@dataclass(frozen=True)
class TimelineFilter:
    """Empty sets match everything. Statuses: stage codes, or "open" / "closed"."""

    classes: frozenset[str] = frozenset()
    severities: frozenset[int] = frozenset()
    statuses: frozenset[str] = frozenset()
    grids: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return bool(self.classes or self.severities or self.statuses or self.grids)

    def matches(self, incident: TimelineIncident, at: dt.datetime) -> bool:
        if self.classes and incident.class_code not in self.classes:
            return False
        if self.severities and incident.severity not in self.severities:
            return False
        if self.grids and incident.grid_code not in self.grids:
            return False
        if self.statuses:
            status = incident.status_at(at)
            if status is None:
                return False
            wanted = {status, "closed" if status == CLOSED else "open"}
            if not wanted & self.statuses:
                return False
        return True


def build_timeline(
    incidents: Mapping[int, Incident],
    events: Iterable[Event],
    start: dt.datetime,
    end: dt.datetime,
    *,
    stations: Mapping[int, str] | None = None,
    people: Mapping[int, str] | None = None,
    problems: tuple[Problem, ...] = (),
) -> Timeline:
    """Incidents known by ``end`` with something happening in the window, or still open in it."""
    stations = stations or {}
    people = people or {}
    by_incident: dict[int, list[Event]] = {i: [] for i in incidents}
    for event in events:
        if event.incident_id in by_incident:
            by_incident[event.incident_id].append(event)
    result = []
    for incident_id, own in by_incident.items():
        own.sort(key=lambda e: e.happened)
        incident = incidents[incident_id]
        last = own[-1] if own else None
        if incident.recorded_at > end and not any(e.recorded_at <= end for e in own):
            continue
        if last is not None and last.stage == CLOSED and last.occurred_at < start:
            continue
        record = incident.record
        result.append(TimelineIncident(
            id=record.id, code=record.code, title=record.title, class_code=record.class_code,
            severity=record.severity, place=record.place, grid_code=record.grid_code,
            exercise=record.exercise, drill_id=record.drill_id,
            occurred_at=incident.occurred_at, recorded_at=incident.recorded_at,
            events=tuple(
                TimelineEvent(e.id, e.stage, e.report_no or None, e.occurred_at, e.recorded_at,
                              stations.get(e.station_id) if e.station_id else None,
                              people.get(e.actor_id) if e.actor_id else None, e.note)
                for e in own
            ),
        ))
    result.sort(key=lambda i: (i.recorded_at, i.id))
    return Timeline(start, end, tuple(result), problems)


def names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Station names, and masked person names, by id."""
    from sqlalchemy import select

    from desktop.models import masking
    from desktop.models.schema import Person, Station

    stations = {sid: name for sid, name in session.execute(select(Station.id, Station.name))}
    people = {pid: masking.mask_name(name)
              for pid, name in session.execute(select(Person.id, Person.name))}
    return stations, people


def timeline_window(session: Session, start: dt.datetime, end: dt.datetime) -> Timeline:
    """The timeline of ``start``…``end`` from the replica (the live panel's query)."""
    from desktop.models.quality import QualityCollector
    from desktop.models.replay.clean import clean_log
    from desktop.models.replay.loader import load_records

    quality = QualityCollector()
    incidents, events = clean_log(*load_records(session, start, end), quality)
    stations, people = names(session)
    return build_timeline(incidents, events, start, end, stations=stations, people=people,
                          problems=quality.problems)
