"""Generated event logs of any size: for the benchmark and the replay tests.

Each incident runs the whole lifecycle (with numbered 续报) at realistic
intervals; a share of events is recorded late (so arrival order differs from
what happened), a share delivered twice, and a few are broken the ways real
logs break (no time, unknown stage, before the incident).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from desktop.models.replay.records import EventRecord, IncidentRecord

_CLASSES = ("natural_disaster", "accident", "public_health", "social_security")
_OPENING = (("received", 0.0, 0.0), ("verified", 1.0, 6.0), ("first_report", 1.0, 6.0),
            ("dispatched", 0.5, 4.0), ("arrived", 1.5, 6.0), ("handling", 0.5, 3.0))


@dataclass(frozen=True)
class LogShape:
    incidents: int = 100
    hours: float = 24.0
    follow_ups: tuple[int, int] = (1, 4)
    late_share: float = 0.2  # recorded 1-8 min after it happened
    duplicate_share: float = 0.02
    bad_share: float = 0.0
    stations: tuple[int, ...] = ()
    drill_id: int | None = None


def _minutes(at: dt.datetime, minutes: float) -> dt.datetime:
    return at + dt.timedelta(seconds=round(minutes * 60))


def synthetic_log(
    start: dt.datetime, shape: LogShape = LogShape(), seed: int = 1
) -> tuple[list[IncidentRecord], list[EventRecord]]:
    rnd = random.Random(seed)
    incidents: list[IncidentRecord] = []
    events: list[EventRecord] = []
    for number in range(1, shape.incidents + 1):
        received = _minutes(start, rnd.uniform(0, shape.hours * 60 - 90))
        occurred = _minutes(received, -rnd.uniform(1, 15))
        incidents.append(IncidentRecord(
            id=number, code=f"SYN-{number:06d}", title=f"合成事件 {number}",
            class_code=rnd.choice(_CLASSES), type_code=None, severity=rnd.choice((2, 3, 4, 4)),
            place=f"网格 {number % 97}", lon=None, lat=None, grid_code=f"G{number % 12:02d}",
            exercise=shape.drill_id is not None, drill_id=shape.drill_id,
            occurred_at=occurred, recorded_at=received,
        ))
        station = rnd.choice(shape.stations) if shape.stations else None
        minute = 0.0
        steps: list[tuple[str, int | None, float]] = []
        for stage, low, high in _OPENING:
            minute += rnd.uniform(low, high)
            steps.append((stage, None, minute))
        for report in range(1, rnd.randint(*shape.follow_ups) + 1):
            minute += rnd.uniform(3, 15)
            steps.append(("follow_up", report, minute))
        minute += rnd.uniform(3, 10)
        steps.append(("final_report", None, minute))
        minute += rnd.uniform(2, 20)
        steps.append(("closed", None, minute))
        for stage, report_no, at in steps:
            happened = _minutes(received, at)
            recorded = happened
            if stage != "received" and rnd.random() < shape.late_share:
                recorded = _minutes(happened, rnd.uniform(1, 8))
            event = EventRecord(
                id=len(events) + 1, incident_id=number, stage=stage, report_no=report_no,
                occurred_at=happened, recorded_at=recorded,
                station_id=station if stage in ("dispatched", "arrived", "handling") else None,
            )
            events.append(_broken(rnd, event, occurred) if rnd.random() < shape.bad_share
                          else event)
            if rnd.random() < shape.duplicate_share:
                events.append(EventRecord(
                    id=len(events) + 1, incident_id=number, stage=stage, report_no=report_no,
                    occurred_at=happened, recorded_at=_minutes(recorded, rnd.uniform(0, 30)),
                    station_id=event.station_id,
                ))
    return incidents, events


def _broken(rnd: random.Random, event: EventRecord, incident_occurred: dt.datetime) -> EventRecord:
    kind = rnd.randrange(4)
    if kind == 0:
        return EventRecord(event.id, event.incident_id, event.stage, event.report_no, None,
                           event.recorded_at, event.station_id)
    if kind == 1:
        return EventRecord(event.id, event.incident_id, event.stage, event.report_no,
                           event.occurred_at, None, event.station_id)
    if kind == 2:
        return EventRecord(event.id, event.incident_id, "teleported", event.report_no,
                           event.occurred_at, event.recorded_at, event.station_id)
    return EventRecord(event.id, event.incident_id, event.stage, event.report_no,
                       _minutes(incident_occurred, -30), event.recorded_at, event.station_id)
