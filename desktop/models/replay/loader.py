"""Read what a replay needs from the replica, once, defensively.

Event and incident times are read as raw column values and parsed here, so
an unreadable time becomes a noted, excluded record instead of an exception
from the column type. Everything else reuses the live queries' helpers, so
the replayed street, stations and shifts look exactly like the live ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.models import clock
from desktop.models.fact_reading import (
    map_layers,
    read_areas,
    read_roster,
    read_shifts,
    read_stations,
    read_warnings,
)
from desktop.models.facts import Facts
from desktop.models.quality import QualityCollector
from desktop.models.readiness import ReadinessRules
from desktop.models.replay.clean import clean_log
from desktop.models.replay.fold import Fold, incident_status, teams_out
from desktop.models.replay.records import EventRecord, IncidentRecord
from desktop.models.roster import RosterRules
from desktop.models.schema import AdminUnit, Drill, Incident, IncidentEvent
from desktop.models.situation import IncidentStatus
from desktop.models.vocab import OPEN_STAGES


@dataclass(frozen=True)
class DrillInfo:
    id: int
    code: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    scenario: str
    targets: dict[str, Any] = field(default_factory=dict)


# Incidents closed this long before a window may still have been open as far as the duty
# room knew (their 办结 recorded late); they are read too.
CLOSED_MARGIN = dt.timedelta(days=1)


def parse_time(value: object) -> dt.datetime | None:
    """A raw time column value as aware UTC; None when missing or unreadable."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and value.strip():
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _raw(column: Any) -> Any:
    return type_coerce(column, String)


def list_drills(session: Session) -> tuple[DrillInfo, ...]:
    rows = session.scalars(select(Drill).order_by(Drill.starts_at.desc()))
    return tuple(DrillInfo(d.id, d.code, d.title, d.starts_at, d.ends_at, d.scenario or "",
                           dict(d.targets or {})) for d in rows)


def load_records(
    session: Session, start: dt.datetime, end: dt.datetime, *, open_only: bool = False,
    grid_codes: Mapping[int, str] | None = None,
) -> tuple[list[IncidentRecord], list[EventRecord]]:
    """Incidents that may matter between ``start`` and ``end`` and all their events
    (``open_only``: only those the replica holds open; ``grid_codes``: unit id → code, when
    the caller has read them)."""
    if grid_codes is None:
        units = session.execute(select(AdminUnit.id, AdminUnit.code))
        grid_codes = {uid: code for uid, code in units}
    rows = session.execute(
        select(Incident.id, Incident.code, Incident.title, Incident.class_code,
               Incident.type_code, Incident.severity, Incident.place, Incident.lon,
               Incident.lat, Incident.grid_id, Incident.exercise, Incident.drill_id,
               _raw(Incident.occurred_at), _raw(Incident.recorded_at))
        .where(Incident.recorded_at <= end)
        .where(Incident.status.in_(OPEN_STAGES) if open_only else or_(
            Incident.closed_at.is_(None),  # a 办结 typed in late keeps it open longer
            Incident.closed_at >= start - CLOSED_MARGIN))
        .order_by(Incident.id)
    ).all()
    incidents = [
        IncidentRecord(
            id=r[0], code=r[1], title=r[2], class_code=r[3], type_code=r[4], severity=r[5],
            place=r[6], lon=r[7], lat=r[8], grid_code=grid_codes.get(r[9]) if r[9] else None,
            exercise=bool(r[10]), drill_id=r[11], occurred_at=parse_time(r[12]),
            recorded_at=parse_time(r[13]),
        )
        for r in rows
    ]
    wanted = [i.id for i in incidents]
    events: list[EventRecord] = []
    for chunk in range(0, len(wanted), 500):
        events.extend(
            EventRecord(id=r[0], incident_id=r[1], stage=r[2], report_no=r[3],
                        occurred_at=parse_time(r[4]), recorded_at=parse_time(r[5]),
                        station_id=r[6], actor_id=r[7], note=r[8], severity=r[9])
            for r in session.execute(
                select(IncidentEvent.id, IncidentEvent.incident_id, IncidentEvent.stage,
                       IncidentEvent.report_no, _raw(IncidentEvent.occurred_at),
                       _raw(IncidentEvent.recorded_at), IncidentEvent.station_id,
                       IncidentEvent.actor_id, IncidentEvent.note, IncidentEvent.severity)
                .where(IncidentEvent.incident_id.in_(wanted[chunk:chunk + 500]))
                .order_by(IncidentEvent.id)
            )
        )
    return incidents, events


def read_open_incidents(
    session: Session, now: dt.datetime, quality: QualityCollector,
    grid_codes: Mapping[int, str] | None = None,
) -> tuple[tuple[IncidentStatus, ...], Counter[int]]:
    """The open incidents as the duty room knows them at ``now`` (newest first), and the
    teams they have out: the same fold of their events a replay makes (live reads only the
    incidents the replica holds open)."""
    records, events = load_records(session, now, now, open_only=True, grid_codes=grid_codes)
    incidents, known = clean_log(records, events, quality)
    fold = Fold(incidents).run(known, now)
    states = fold.open_states()
    newest = sorted(states, key=lambda i: (incidents[i].recorded_at, i), reverse=True)
    return (tuple(incident_status(incidents[i], states[i]) for i in newest),
            teams_out(states[i].stations for i in newest))


def load_facts(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    *,
    rules: ReadinessRules = ReadinessRules(),
    roster_rules: RosterRules | None = None,
    now: dt.datetime | None = None,
) -> Facts:
    """The facts for a replay of ``start``…``end``, read once (``now``: the reading's time)."""
    quality = QualityCollector()
    now = max(now or clock.now(), end)
    areas = read_areas(session, quality)
    duty, readiness = read_shifts(session, start, end)
    return Facts(
        street=areas.street,
        communities=areas.communities,
        grids=areas.grids,
        layers=map_layers(session, quality),
        stations=read_stations(session, areas.unit_names, now, end, quality),
        duty_shifts=duty,
        readiness_shifts=readiness,
        warnings=read_warnings(session, start, end),
        roster=read_roster(session, start, end, roster_rules or RosterRules.default()),
        rules=rules,
        problems=quality.problems,
    )
