"""Read what a replay needs from the replica, once, defensively.

Event and incident times are read as raw column values and parsed here, so
an unreadable time becomes a noted, excluded record instead of an exception
from the column type. Everything else reuses the live queries' helpers, so
the replayed street, stations and shifts look exactly like the live ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.models import clock
from desktop.models.quality import QualityCollector
from desktop.models.queries import (
    area_of,
    home_street,
    map_layers,
    masked_names,
    replica_meta,
    shift_of,
)
from desktop.models.readiness import ReadinessRules
from desktop.models.replay.records import EventRecord, IncidentRecord
from desktop.models.replay.world import ItemHistory, RosterBase, StationBase, World
from desktop.models.roster import RosterRules, ShiftFacts, team_composition
from desktop.models.schema import (
    AdminUnit,
    Drill,
    DutyAssignment,
    DutyShift,
    EquipmentItem,
    EquipmentKind,
    HazardWarning,
    Incident,
    IncidentEvent,
    Inspection,
    Person,
    Station,
)
from desktop.models.situation import ActiveWarning, Readiness
from desktop.models.stations import ITEM_COLUMNS, item_facts, station_facts, station_status


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
    session: Session, start: dt.datetime, end: dt.datetime
) -> tuple[list[IncidentRecord], list[EventRecord]]:
    """Incidents that may matter between ``start`` and ``end`` and all their events."""
    grid_codes = {uid: code for uid, code in session.execute(select(AdminUnit.id, AdminUnit.code))}
    rows = session.execute(
        select(Incident.id, Incident.code, Incident.title, Incident.class_code,
               Incident.type_code, Incident.severity, Incident.place, Incident.lon,
               Incident.lat, Incident.grid_id, Incident.exercise, Incident.drill_id,
               _raw(Incident.occurred_at), _raw(Incident.recorded_at))
        .where(Incident.recorded_at <= end)
        .where(or_(Incident.closed_at.is_(None),  # a 办结 typed in late keeps it open longer
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
                        station_id=r[6], actor_id=r[7], note=r[8])
            for r in session.execute(
                select(IncidentEvent.id, IncidentEvent.incident_id, IncidentEvent.stage,
                       IncidentEvent.report_no, _raw(IncidentEvent.occurred_at),
                       _raw(IncidentEvent.recorded_at), IncidentEvent.station_id,
                       IncidentEvent.actor_id, IncidentEvent.note)
                .where(IncidentEvent.incident_id.in_(wanted[chunk:chunk + 500]))
                .order_by(IncidentEvent.id)
            )
        )
    return incidents, events


def _item_history(item: EquipmentItem, kinds: set[int], now: dt.datetime,
                  inspections: tuple[dt.datetime, ...]) -> ItemHistory | None:
    """The item read as the live station query reads it (its problems are noted there)."""
    facts = item_facts(tuple(getattr(item, column.key) for column in ITEM_COLUMNS), kinds, now)
    return None if facts is None else ItemHistory(facts, item.dispatched_at, inspections)


def _stations(session: Session, units: list[AdminUnit], now: dt.datetime, until: dt.datetime,
              quality: QualityCollector) -> tuple[StationBase, ...]:
    facts = station_facts(session, now, quality)
    names = {u.id: u.name for u in units}
    daily = {kind_id: interval == 1 for kind_id, interval in session.execute(
        select(EquipmentKind.id, EquipmentKind.inspection_interval_days))}
    by_item: dict[int, list[dt.datetime]] = {}
    walk_throughs: dict[int, list[dt.datetime]] = {}
    for station_id, item_id, at in session.execute(
        select(Inspection.station_id, Inspection.item_id, Inspection.inspected_at)
        .where(Inspection.inspected_at <= until)
    ):
        target = by_item.setdefault(item_id, []) if item_id is not None else (
            walk_throughs.setdefault(station_id, []))
        target.append(at)
    items: dict[int, list[ItemHistory]] = {}
    for item in session.scalars(select(EquipmentItem).order_by(EquipmentItem.id)):
        seen = by_item.get(item.id, []) + (
            walk_throughs.get(item.station_id, []) if daily.get(item.kind_id) else [])
        history = _item_history(item, set(daily), now, tuple(sorted(seen)))
        if history is not None:
            items.setdefault(item.station_id, []).append(history)
    result = []
    for station in session.scalars(select(Station).order_by(Station.code)):
        base = facts[station.id]
        community = names.get(station.community_id) if station.community_id else None
        status = station_status(station, base, Readiness("green"), community)
        result.append(StationBase(status, base, tuple(items.get(station.id, ()))))
    return tuple(result)


def _roster(session: Session, start: dt.datetime, end: dt.datetime,
            rules: RosterRules) -> RosterBase:
    horizon = end + dt.timedelta(hours=rules.lookahead_hours)
    rows = session.execute(
        select(DutyShift.id, DutyShift.kind, DutyShift.starts_at, DutyShift.ends_at,
               DutyAssignment.role, Person.skills)
        .outerjoin(DutyAssignment, DutyAssignment.shift_id == DutyShift.id)
        .outerjoin(Person, Person.id == DutyAssignment.person_id)
        .where(DutyShift.ends_at > start - dt.timedelta(days=1), DutyShift.starts_at < horizon)
    ).all()
    facts: dict[int, dict[str, Any]] = {}
    for shift_id, kind, starts, ends, role, skills in rows:
        entry = facts.setdefault(shift_id, {"kind": kind, "start": starts, "end": ends,
                                            "roles": [], "skills": []})
        if role is not None:
            entry["roles"].append(role)
            entry["skills"].append(tuple(skills or ()))
    shifts = tuple(ShiftFacts(i, f["kind"], f["start"], f["end"], tuple(f["roles"]),
                              tuple(f["skills"])) for i, f in facts.items())
    return RosterBase(rules, team_composition(session), shifts)


def load_world(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    *,
    rules: ReadinessRules = ReadinessRules(),
    roster_rules: RosterRules | None = None,
    now: dt.datetime | None = None,
) -> World:
    """The street, stations, shifts and warnings for a replay of ``start``…``end``."""
    quality = QualityCollector()
    now = max(now or clock.now(), end)
    meta = replica_meta(session)
    units = list(session.scalars(select(AdminUnit)))
    people = masked_names(session, (u.grid_worker_id for u in units))
    code_by_id = {u.id: u.code for u in units}
    areas = [area_of(u, code_by_id, people, quality) for u in units if u.level != "street"]
    roster_rules = roster_rules or RosterRules.default()
    shifts = session.scalars(
        select(DutyShift)
        .where(DutyShift.ends_at > start - dt.timedelta(days=1),
               DutyShift.starts_at < end + dt.timedelta(days=3))
        .order_by(DutyShift.starts_at, DutyShift.id)
    ).all()
    built = [s for s in (shift_of(session, row) for row in shifts) if s is not None]
    warnings = session.scalars(
        select(HazardWarning)
        .where(HazardWarning.valid_to > start, HazardWarning.valid_from <= end)
        .order_by(HazardWarning.valid_from)
    )
    return World(
        street=home_street(units, meta, quality),
        communities=tuple(a for a in areas if a is not None and a.level == "community"),
        grids=tuple(a for a in areas if a is not None and a.level == "grid"),
        layers=map_layers(session, quality),
        stations=_stations(session, units, now, end, quality),
        duty_shifts=tuple(s for s in built if s.kind == "duty"),
        readiness_shifts=tuple(s for s in built if s.kind == "readiness"),
        warnings=tuple(ActiveWarning(w.id, w.kind, w.level, w.area, w.valid_from, w.valid_to)
                       for w in warnings),
        roster=_roster(session, start, end, roster_rules),
        rules=rules,
        problems=quality.problems,
    )
