"""Decide which records replay and the metrics may use; note every other one, never raise.

An event is excluded (and noted in the quality collector) when a time is
missing or unreadable, its stage is not in the lifecycle, its incident is
unknown, or it happened before its incident did. The same event delivered
twice is kept once: the copy the duty room received first. An incident whose
location cannot be placed on the map (desktop.models.drawable) is kept, noted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from desktop.models.drawable import position_problem
from desktop.models.quality import QualityCollector
from desktop.models.replay.records import STAGE_RANK, Event, EventRecord, IncidentRecord

# Arrival order as a plain tuple key (the dataclass's own ordering is ~10× slower to sort).
ARRIVAL = attrgetter("recorded_at", "occurred_at", "rank", "report_no", "id")


@dataclass(frozen=True)
class Incident:
    """An incident replay can place in time (``recorded_at`` known)."""

    record: IncidentRecord
    occurred_at: dt.datetime
    recorded_at: dt.datetime

    @property
    def id(self) -> int:
        return self.record.id


def valid_incidents(
    records: Iterable[IncidentRecord], quality: QualityCollector
) -> dict[int, Incident]:
    result: dict[int, Incident] = {}
    for record in records:
        if record.recorded_at is None:
            quality.note("incident", record.code, "recorded_at missing or unreadable: "
                         "incident left out of replay")
            continue
        occurred = record.occurred_at
        if occurred is None:
            quality.note("incident", record.code,
                         "occurred_at missing or unreadable: recorded_at used")
            occurred = record.recorded_at
        if not (record.lon is None and record.lat is None):  # none yet: normal at intake
            problem = position_problem(record.lon, record.lat)
            if problem:  # still listed and followed; only the map cannot place it
                quality.note("incident", record.code, f"cannot be placed on the map: {problem}")
        result[record.id] = Incident(record, occurred, record.recorded_at)
    return result


def _problem(record: EventRecord, incidents: dict[int, Incident]) -> str | None:
    incident = incidents.get(record.incident_id)
    if incident is None:
        return f"event of unknown or excluded incident {record.incident_id}"
    missing = [name for name in ("occurred_at", "recorded_at") if getattr(record, name) is None]
    if missing:
        return f"{' and '.join(missing)} missing or unreadable"
    if record.stage not in STAGE_RANK:
        return f"unknown stage {record.stage!r}"
    assert record.occurred_at is not None
    if record.occurred_at < incident.occurred_at:
        return (f"{record.stage} at {record.occurred_at:%Y-%m-%d %H:%M:%S} UTC is before its "
                f"incident occurred ({incident.occurred_at:%Y-%m-%d %H:%M:%S} UTC)")
    return None


def _event(record: EventRecord) -> Event:
    assert record.occurred_at is not None and record.recorded_at is not None
    return Event(
        recorded_at=record.recorded_at,
        occurred_at=record.occurred_at,
        rank=STAGE_RANK[record.stage],
        report_no=record.report_no or 0,
        id=record.id,
        incident_id=record.incident_id,
        stage=record.stage,
        station_id=record.station_id,
        actor_id=record.actor_id,
        note=record.note,
        severity=record.severity if record.severity in (1, 2, 3, 4) else None,
    )


def valid_events(
    records: Iterable[EventRecord],
    incidents: dict[int, Incident],
    quality: QualityCollector,
    rejected: dict[int, int] | None = None,
) -> list[Event]:
    """Usable events in arrival order (duplicates still in); ``rejected``: event → incident."""
    result = []
    for record in records:
        problem = _problem(record, incidents)
        if problem is not None:
            quality.note("incident_event", record.id, f"{problem}: excluded")
            if rejected is not None:
                rejected[record.id] = record.incident_id
            continue
        result.append(_event(record))
    result.sort(key=ARRIVAL)
    return result


def deduplicate(
    events: list[Event], quality: QualityCollector, rejected: dict[int, int] | None = None
) -> list[Event]:
    """Keep the first arrival of each event (``events`` in arrival order)."""
    seen: dict[tuple[int, str, int, dt.datetime], int] = {}
    result = []
    for event in events:
        first = seen.get(event.identity)
        if first is not None:
            quality.note("incident_event", event.id, f"duplicate of event {first}: ignored")
            if rejected is not None:
                rejected[event.id] = event.incident_id
            continue
        seen[event.identity] = event.id
        result.append(event)
    return result


def clean_log(
    incidents: Iterable[IncidentRecord],
    events: Iterable[EventRecord],
    quality: QualityCollector,
    rejected: dict[int, int] | None = None,
) -> tuple[dict[int, Incident], list[Event]]:
    """Usable incidents, and usable events once each in arrival order.

    ``rejected`` (when given) receives event id → incident id of every event left out.
    """
    valid = valid_incidents(incidents, quality)
    events_ = valid_events(events, valid, quality, rejected)
    return valid, deduplicate(events_, quality, rejected)

