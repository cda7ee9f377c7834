"""Read queries: a Session in, a frozen Situation out.

Bad rows are skipped and noted in the quality collector, never fatal.
Personal fields leave this module masked.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.geometry import label_point
from desktop.models.quality import QualityCollector
from desktop.models.readiness import ReadinessRules
from desktop.models.replica import newest_heartbeat
from desktop.models.roster import RosterRules, roster_overview
from desktop.models.schema import (
    AdminUnit,
    ChangeLog,
    DutyAssignment,
    DutyShift,
    Feature,
    HazardWarning,
    Incident,
    IncidentEvent,
    Layer,
    Person,
    ReplicaMeta,
    Team,
)
from desktop.models.situation import (
    ActiveWarning,
    Area,
    Freshness,
    IncidentStatus,
    MapFeature,
    MapLayer,
    OnDuty,
    Problem,
    Shift,
    Situation,
    Street,
)
from desktop.models.stations import station_statuses
from desktop.models.vocab import OPEN_STAGES


def replica_meta(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ReplicaMeta))}


@dataclass(frozen=True)
class Part:
    """One part of the situation: the tables it reads, whether it depends on the clock, and
    the parts whose results it uses (re-read when those results change)."""

    reads: frozenset[str]
    clock: bool = False
    needs: tuple[str, ...] = ()


_PEOPLE = ("person", "team")
_SHIFTS = ("duty_shift", "duty_assignment", *_PEOPLE)
# In the order they are read: a part comes after those it needs.
PARTS: dict[str, Part] = {
    "areas": Part(frozenset({"admin_unit", "person", "replica_meta"})),
    "layers": Part(frozenset({"layer", "feature"})),
    "shifts": Part(frozenset(_SHIFTS), clock=True),
    "roster": Part(frozenset(_SHIFTS), clock=True),
    "stations": Part(frozenset({
        "station", "key_custodian", "kit_standard", "equipment_category", "equipment_kind",
        "kit_requirement", "equipment_item", "inspection", "person",
    }), clock=True, needs=("areas", "shifts")),
    "incidents": Part(frozenset({"incident", "incident_event"}), needs=("areas",)),
    "warnings": Part(frozenset({"warning"}), clock=True),
}


@dataclass(frozen=True)
class _Loaded:
    fields: dict[str, Any]  # Situation field -> value
    problems: tuple[Problem, ...]
    context: dict[str, Any]  # what parts that need this one use
    changes_at: dt.datetime | None = None  # when the clock alone changes this part next


class SituationLoader:
    """Reads situations part by part; a later read re-reads only the parts a change touched.

    Parts not re-read, and parts re-read to the same values, keep their objects, so a view
    can tell by identity (``Situation.unchanged``) that what it draws did not change.
    """

    def __init__(self, rules: ReadinessRules = ReadinessRules(),
                 roster_rules: RosterRules | None = None) -> None:
        self._rules = rules
        self._roster_rules = roster_rules or RosterRules.default()
        self._parts: dict[str, _Loaded] = {}
        self._problems: tuple[Problem, ...] = ()

    def next_change(self) -> dt.datetime | None:
        """When the situation changes by the clock alone next (a shift begins or ends, a
        warning starts or expires): read the time-dependent parts again then."""
        moments = [loaded.changes_at for loaded in self._parts.values()
                   if loaded.changes_at is not None]
        return min(moments, default=None)

    def load(self, session: Session, now: dt.datetime, touched: Collection[str] | None = None,
             *, clock: bool = True) -> Situation:
        """The situation at ``now``. ``touched``: the tables changed since the last read
        (None: unknown, read everything); ``clock``: re-read the time-dependent parts too."""
        moved: set[str] = set()  # parts read again whose results other parts use changed
        for name, part in PARTS.items():
            if (touched is None or name not in self._parts or (clock and part.clock)
                    or not part.reads.isdisjoint(touched) or moved.intersection(part.needs)):
                before = self._parts.get(name)
                self.read_part(session, name, now)
                if before is None or before.context != self._parts[name].context:
                    moved.add(name)
        fields: dict[str, Any] = {}
        problems: list[Problem] = []
        for name in PARTS:
            fields.update(self._parts[name].fields)
            problems.extend(self._parts[name].problems)
        if tuple(problems) != self._problems:
            self._problems = tuple(problems)
        return Situation(
            at=now,
            freshness=Freshness(
                newest_heartbeat=newest_heartbeat(session),
                last_change_seq=session.scalar(select(func.max(ChangeLog.seq))) or 0,
                read_at=now,
            ),
            problems=self._problems,  # the same object while the same: see Situation.unchanged
            **fields,
        )

    def read_part(self, session: Session, name: str, now: dt.datetime) -> None:
        """Read one part again (the parts it needs must have been read)."""
        quality = QualityCollector()
        needed = {key: value for need in PARTS[name].needs
                  for key, value in self._parts[need].context.items()}
        read = _READERS[name](self, session, now, quality, needed)
        before = self._parts.get(name)
        if before is not None:  # what reads the same keeps its old object: views skip it
            read.fields.update({key: value for key, value in before.fields.items()
                                if read.fields.get(key) == value})
        self._parts[name] = read

    # ---------------------------------------------------------------- the parts

    def _areas(self, session: Session, _now: dt.datetime, quality: QualityCollector,
               _needed: dict[str, Any]) -> _Loaded:
        meta = replica_meta(session)
        units = list(session.scalars(select(AdminUnit)))
        people = masked_names(session, (u.grid_worker_id for u in units))
        code_by_id = {u.id: u.code for u in units}
        areas = [area_of(u, code_by_id, people, quality) for u in units if u.level != "street"]
        return _Loaded(
            {"street": home_street(units, meta, quality),
             "communities": tuple(a for a in areas if a is not None and a.level == "community"),
             "grids": tuple(a for a in areas if a is not None and a.level == "grid")},
            quality.problems,
            {"unit_names": {u.id: u.name for u in units}, "unit_codes": code_by_id},
        )

    def _layers(self, session: Session, _now: dt.datetime, quality: QualityCollector,
                _needed: dict[str, Any]) -> _Loaded:
        return _Loaded({"layers": map_layers(session, quality)}, quality.problems, {})

    def _shifts(self, session: Session, now: dt.datetime, quality: QualityCollector,
                _needed: dict[str, Any]) -> _Loaded:
        duty_now = _shift_at(session, "duty", now)
        duty_next = _next_shift(session, "duty", duty_now.ends_at if duty_now else now)
        readiness_today = _shift_at(session, "readiness", now)
        reachable = {p.person_id for s in (duty_now, readiness_today) if s for p in s.people}
        changes_at = _next_boundary(session, DutyShift.starts_at, DutyShift.ends_at, now)
        return _Loaded(
            {"duty_now": duty_now, "duty_next": duty_next, "readiness_today": readiness_today},
            quality.problems, {"reachable": reachable}, changes_at)

    def _roster(self, session: Session, now: dt.datetime, quality: QualityCollector,
                _needed: dict[str, Any]) -> _Loaded:
        return _Loaded({"roster": roster_overview(session, now, quality, self._roster_rules)},
                       quality.problems, {})

    def _stations(self, session: Session, now: dt.datetime, quality: QualityCollector,
                  needed: dict[str, Any]) -> _Loaded:
        stations = station_statuses(session, needed["unit_names"], needed["reachable"], now,
                                    self._rules, quality)
        return _Loaded({"stations": stations}, quality.problems, {})

    def _incidents(self, session: Session, _now: dt.datetime, quality: QualityCollector,
                   needed: dict[str, Any]) -> _Loaded:
        return _Loaded({"incidents": _open_incidents(session, needed["unit_codes"])},
                       quality.problems, {})

    def _warnings(self, session: Session, now: dt.datetime, quality: QualityCollector,
                  _needed: dict[str, Any]) -> _Loaded:
        changes_at = _next_boundary(session, HazardWarning.valid_from, HazardWarning.valid_to,
                                    now)
        return _Loaded({"warnings": _warnings(session, now)}, quality.problems, {}, changes_at)


_READERS: dict[str, Callable[[SituationLoader, Session, dt.datetime, QualityCollector,
                              dict[str, Any]], _Loaded]] = {
    "areas": SituationLoader._areas,
    "layers": SituationLoader._layers,
    "shifts": SituationLoader._shifts,
    "roster": SituationLoader._roster,
    "stations": SituationLoader._stations,
    "incidents": SituationLoader._incidents,
    "warnings": SituationLoader._warnings,
}


def situation_now(
    session: Session,
    now: dt.datetime,
    rules: ReadinessRules = ReadinessRules(),
    roster_rules: RosterRules | None = None,
) -> Situation:
    """The whole situation at ``now`` as the replica holds it."""
    return SituationLoader(rules, roster_rules).load(session, now)


def masked_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))
    return {pid: masking.mask_name(name) for pid, name in rows}


def home_street(units: list[AdminUnit], meta: dict[str, str], quality: QualityCollector) -> Street:
    code = meta.get("home_street_code")
    streets = [u for u in units if u.level == "street"]
    home = next((u for u in streets if u.code == code), streets[0] if streets else None)
    if home is None:
        quality.note("admin_unit", "-", "replica holds no street")
        return Street(code or "", meta.get("home_street_name", ""), meta.get("district_name", ""),
                      {"type": "GeometryCollection", "geometries": []})
    geometry = quality.geometry("admin_unit", home.code, home.geometry) or {
        "type": "GeometryCollection", "geometries": []}
    return Street(home.code, home.name, meta.get("district_name", ""), geometry)


def area_of(
    unit: AdminUnit,
    code_by_id: dict[int, str],
    people: dict[int, str],
    quality: QualityCollector,
) -> Area | None:
    geometry = quality.geometry("admin_unit", unit.code, unit.geometry)
    if geometry is None:
        return None
    return Area(
        id=unit.id,
        code=unit.code,
        name=unit.name,
        level=unit.level,
        parent_code=code_by_id.get(unit.parent_id) if unit.parent_id else None,
        households=unit.households,
        worker=people.get(unit.grid_worker_id) if unit.grid_worker_id else None,
        geometry=geometry,
        label_at=label_point(geometry),
    )


def map_layers(session: Session, quality: QualityCollector) -> tuple[MapLayer, ...]:
    features: dict[str, list[MapFeature]] = defaultdict(list)
    layers = list(session.scalars(select(Layer).order_by(Layer.sort_order, Layer.key)))
    sensitive = {layer.key for layer in layers if layer.sensitive}
    for row in session.scalars(select(Feature).order_by(Feature.id)):
        geometry = quality.geometry("feature", row.code, row.geometry)
        if geometry is None:
            continue
        properties = dict(row.properties or {})
        name = row.name
        if row.layer_key in sensitive:
            properties = masking.mask_properties(properties)
            name = masking.mask_name(name)
        features[row.layer_key].append(MapFeature(row.id, row.code, name, geometry, properties))
    return tuple(
        MapLayer(
            key=layer.key,
            name_zh=layer.name_zh,
            name_en=layer.name_en,
            geometry_kind=layer.geometry_kind,
            style=dict(layer.style or {}),
            sensitive=layer.sensitive,
            symbol_code=layer.symbol_code,
            visible_by_default=layer.visible_by_default,
            features=tuple(features.get(layer.key, ())),
        )
        for layer in layers
    )


def shift_of(session: Session, shift: DutyShift | None) -> Shift | None:
    if shift is None:
        return None
    rows = session.execute(
        select(DutyAssignment, Person, Team.kind)
        .join(Person, Person.id == DutyAssignment.person_id)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(DutyAssignment.shift_id == shift.id)
        .order_by(DutyAssignment.role, Person.code)
    )
    order = {"leader": 0, "officer": 1, "member": 2}
    people = sorted(
        (
            OnDuty(
                person_id=person.id,
                name=masking.mask_name(person.name),
                phone=masking.mask_phone(person.phone) or None,
                role=assignment.role,
                team_kind=team_kind,
                checked_in=assignment.checked_in_at is not None,
            )
            for assignment, person, team_kind in rows
        ),
        key=lambda p: order.get(p.role, 3),
    )
    return Shift(shift.id, shift.kind, shift.starts_at, shift.ends_at, tuple(people))


def shifts_between(
    session: Session, kind: str, start: dt.datetime, end: dt.datetime
) -> tuple[Shift, ...]:
    """Every shift of ``kind`` overlapping [start, end), people masked (the week view)."""
    rows = session.scalars(
        select(DutyShift)
        .where(DutyShift.kind == kind, DutyShift.ends_at > start, DutyShift.starts_at < end)
        .order_by(DutyShift.starts_at)
    )
    return tuple(s for s in (shift_of(session, row) for row in rows) if s is not None)


def _shift_at(session: Session, kind: str, at: dt.datetime) -> Shift | None:
    row = session.scalars(
        select(DutyShift)
        .where(DutyShift.kind == kind, DutyShift.starts_at <= at, DutyShift.ends_at > at)
        .order_by(DutyShift.starts_at.desc())
        .limit(1)
    ).first()
    return shift_of(session, row)


def _next_shift(session: Session, kind: str, after: dt.datetime) -> Shift | None:
    row = session.scalars(
        select(DutyShift)
        .where(DutyShift.kind == kind, DutyShift.starts_at >= after)
        .order_by(DutyShift.starts_at)
        .limit(1)
    ).first()
    return shift_of(session, row)


def _open_incidents(session: Session, grid_codes: dict[int, str]) -> tuple[IncidentStatus, ...]:
    last_event = (
        select(IncidentEvent.incident_id, func.max(IncidentEvent.recorded_at).label("last"))
        .group_by(IncidentEvent.incident_id)
        .subquery()
    )
    rows = session.execute(
        select(Incident, last_event.c.last)
        .outerjoin(last_event, last_event.c.incident_id == Incident.id)
        .where(Incident.status.in_(OPEN_STAGES))
        .order_by(Incident.recorded_at.desc())
    )
    result = []
    for incident, last in rows:
        last_at = _aware(last) if last is not None else incident.recorded_at
        result.append(IncidentStatus(
            id=incident.id,
            code=incident.code,
            title=incident.title,
            class_code=incident.class_code,
            type_code=incident.type_code,
            severity=incident.severity,
            status=incident.status,
            place=incident.place,
            lon=incident.lon,
            lat=incident.lat,
            grid_code=grid_codes.get(incident.grid_id) if incident.grid_id else None,
            exercise=incident.exercise,
            occurred_at=incident.occurred_at,
            recorded_at=incident.recorded_at,
            last_event_at=last_at,
        ))
    return tuple(result)


def _next_boundary(session: Session, starts: Any, ends: Any, now: dt.datetime,
                   ) -> dt.datetime | None:
    """The first start or end after ``now`` of the rows with these two columns."""
    found = [session.scalar(select(func.min(column)).where(column > now))
             for column in (starts, ends)]
    return min((_aware(value) for value in found if value is not None), default=None)


def _aware(value: dt.datetime | str) -> dt.datetime:
    """Aggregates bypass the column type on SQLite: normalise to aware UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _warnings(session: Session, now: dt.datetime) -> tuple[ActiveWarning, ...]:
    rows = session.scalars(
        select(HazardWarning)
        .where(HazardWarning.valid_from <= now, HazardWarning.valid_to > now)
        .order_by(HazardWarning.valid_from)
    )
    return tuple(
        ActiveWarning(w.id, w.kind, w.level, w.area, w.valid_from, w.valid_to) for w in rows
    )
