"""Reading the facts a situation is computed from (see ``facts``), part by part.

Each reader takes a Session and a window of time and returns plain frozen data;
live reads a window around now, a replay its own window, through the same
readers. Bad rows are skipped and noted in the quality collector, never fatal.
Personal fields leave this module masked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, cast, func, null, or_, select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.drawable import DRAWN_KINDS, keep_drawable, position_problem
from desktop.models.facts import ItemHistory, RosterBase, StationBase, stations_at
from desktop.models.geometry import label_point
from desktop.models.quality import QualityCollector
from desktop.models.readiness import ReadinessRules
from desktop.models.roster import RosterRules, ShiftFacts, team_composition
from desktop.models.schema import (
    AdminUnit,
    DutyAssignment,
    DutyShift,
    EquipmentItem,
    EquipmentKind,
    EquipmentLoan,
    Feature,
    HazardWarning,
    Inspection,
    Layer,
    Person,
    ReplicaMeta,
    Station,
    Team,
)
from desktop.models.situation import (
    ActiveWarning,
    Area,
    MapFeature,
    MapLayer,
    OnDuty,
    Readiness,
    Shift,
    StationStatus,
    Street,
)
from desktop.models.stations import ITEM_COLUMNS, item_facts, station_facts, station_status

# Shifts are hours long: one that began this long before a window may still be running.
SHIFT_LEAD = dt.timedelta(days=1)
# The next shift after a window's end is looked for this far ahead.
SHIFT_AHEAD = dt.timedelta(days=3)

def replica_meta(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ReplicaMeta))}


def masked_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))
    return {pid: masking.mask_name(name) for pid, name in rows}


def home_unit(units: list[AdminUnit], meta: dict[str, str]) -> AdminUnit | None:
    code = meta.get("home_street_code")
    streets = [u for u in units if u.level == "street"]
    return next((u for u in streets if u.code == code), streets[0] if streets else None)


def home_street(home: AdminUnit | None, meta: dict[str, str],
                geometries: Mapping[int, dict[str, Any]], quality: QualityCollector) -> Street:
    """The home street; its geometry an empty collection when it cannot be drawn (noted)."""
    empty = {"type": "GeometryCollection", "geometries": []}
    if home is None:
        quality.note("admin_unit", "-", "replica holds no street")
        return Street(meta.get("home_street_code", ""), meta.get("home_street_name", ""),
                      meta.get("district_name", ""), empty)
    return Street(home.code, home.name, meta.get("district_name", ""),
                  geometries.get(home.id) or empty)


def drawable_geometries(units: Iterable[AdminUnit], quality: QualityCollector,
                        ) -> dict[int, dict[str, Any]]:
    """Unit id → its geometry, for the units whose geometry the map can draw (the others
    noted)."""
    parsed = [(u.code, quality.geometry("admin_unit", u.code, u.geometry), u.id) for u in units]
    kept = keep_drawable(quality, "admin_unit", ((code, geometry, (uid, geometry))
                                                 for code, geometry, uid in parsed
                                                 if geometry is not None))
    return dict(kept)


def area_of(
    unit: AdminUnit,
    geometry: dict[str, Any] | None,
    code_by_id: dict[int, str],
    people: dict[int, str],
) -> Area | None:
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
    """The registry's layers the page can draw, each with its drawable features; a layer of
    another kind, and a feature whose geometry cannot be drawn, are noted and left out."""
    layers = []
    for layer in session.scalars(select(Layer).order_by(Layer.sort_order, Layer.key)):
        if layer.geometry_kind in DRAWN_KINDS:
            layers.append(layer)
        else:
            quality.note("layer", layer.key, f"layer kind {layer.geometry_kind!r} cannot be "
                         "drawn: the layer and its features are not shown")
    drawn = {layer.key for layer in layers}
    sensitive = {layer.key for layer in layers if layer.sensitive}
    read: list[tuple[str, Any, tuple[Feature, dict[str, Any]]]] = []
    for row in session.scalars(select(Feature).where(Feature.layer_key.in_(drawn))
                               .order_by(Feature.id)):
        geometry = quality.geometry("feature", row.code, row.geometry)
        if geometry is not None:
            read.append((row.code, geometry, (row, geometry)))
    features: dict[str, list[MapFeature]] = defaultdict(list)
    for row, geometry in keep_drawable(quality, "feature", read):
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


_ROLE_ORDER = {"leader": 0, "officer": 1, "member": 2}


def _shifts_where(session: Session, *where: Any) -> tuple[Shift, ...]:
    """The shifts matching ``where``, each with its people (masked), sorted by start: two
    queries whatever the number of shifts (a district reads hundreds at each change)."""
    rows = session.execute(
        select(DutyShift.id, DutyShift.kind, DutyShift.starts_at, DutyShift.ends_at)
        .where(*where)
        .order_by(DutyShift.starts_at, DutyShift.id)
    ).all()
    people: dict[int, list[OnDuty]] = defaultdict(list)
    for shift_id, role, checked_in_at, person_id, name, phone, team_kind in session.execute(
        select(DutyAssignment.shift_id, DutyAssignment.role, DutyAssignment.checked_in_at,
               Person.id, Person.name, Person.phone, Team.kind)
        .join(DutyShift, DutyShift.id == DutyAssignment.shift_id)
        .join(Person, Person.id == DutyAssignment.person_id)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(*where)
        .order_by(DutyAssignment.role, Person.code)
    ):
        people[shift_id].append(OnDuty(
            person_id=person_id,
            name=masking.mask_name(name),
            phone=masking.mask_phone(phone) or None,
            role=role,
            team_kind=team_kind,
            checked_in=checked_in_at is not None,
            checked_in_at=checked_in_at,
        ))
    return tuple(
        Shift(shift_id, kind, starts, ends,
              tuple(sorted(people.get(shift_id, ()), key=lambda p: _ROLE_ORDER.get(p.role, 3))))
        for shift_id, kind, starts, ends in rows
    )


def shifts_between(
    session: Session, kind: str, start: dt.datetime, end: dt.datetime
) -> tuple[Shift, ...]:
    """Every shift of ``kind`` overlapping [start, end), people masked (the week view)."""
    return _shifts_where(session, DutyShift.kind == kind, DutyShift.ends_at > start,
                         DutyShift.starts_at < end)


@dataclass(frozen=True)
class AreaFacts:
    street: Street
    communities: tuple[Area, ...]
    grids: tuple[Area, ...]
    unit_names: dict[int, str]
    unit_codes: dict[int, str]


def read_areas(session: Session, quality: QualityCollector) -> AreaFacts:
    meta = replica_meta(session)
    units = list(session.scalars(select(AdminUnit)))
    people = masked_names(session, (u.grid_worker_id for u in units))
    code_by_id = {u.id: u.code for u in units}
    home = home_unit(units, meta)
    places = [u for u in units if u.level != "street"]
    geometries = drawable_geometries([*([home] if home else []), *places], quality)
    areas = [area_of(u, geometries.get(u.id), code_by_id, people) for u in places]
    return AreaFacts(
        street=home_street(home, meta, geometries, quality),
        communities=tuple(a for a in areas if a is not None and a.level == "community"),
        grids=tuple(a for a in areas if a is not None and a.level == "grid"),
        unit_names={u.id: u.name for u in units},
        unit_codes=code_by_id,
    )


def read_shifts(session: Session, start: dt.datetime,
                end: dt.datetime) -> tuple[tuple[Shift, ...], tuple[Shift, ...]]:
    """Duty and readiness shifts that may be running or next between ``start`` and ``end``,
    each sorted by start, people masked."""
    built = _shifts_where(session, DutyShift.ends_at > start - SHIFT_LEAD,
                          DutyShift.starts_at < end + SHIFT_AHEAD)
    return (tuple(s for s in built if s.kind == "duty"),
            tuple(s for s in built if s.kind == "readiness"))


def read_roster(session: Session, start: dt.datetime, end: dt.datetime,
                rules: RosterRules) -> RosterBase:
    horizon = end + dt.timedelta(hours=rules.lookahead_hours)
    # Skills as their JSON text, each distinct text decoded once: a district's roster is
    # thousands of assignments sharing a few dozen skill sets.
    rows = session.execute(
        select(DutyShift.id, DutyShift.kind, DutyShift.starts_at, DutyShift.ends_at,
               DutyAssignment.role, cast(Person.skills, Text))
        .outerjoin(DutyAssignment, DutyAssignment.shift_id == DutyShift.id)
        .outerjoin(Person, Person.id == DutyAssignment.person_id)
        .where(DutyShift.ends_at > start - SHIFT_LEAD, DutyShift.starts_at < horizon)
    ).all()
    decoded: dict[str | None, tuple[str, ...]] = {None: ()}
    facts: dict[int, dict[str, Any]] = {}
    for shift_id, kind, starts, ends, role, skills in rows:
        entry = facts.setdefault(shift_id, {"kind": kind, "start": starts, "end": ends,
                                            "roles": [], "skills": []})
        if role is not None:
            if skills not in decoded:
                decoded[skills] = tuple(json.loads(skills) or ())
            entry["roles"].append(role)
            entry["skills"].append(decoded[skills])
    shifts = tuple(ShiftFacts(i, f["kind"], f["start"], f["end"], tuple(f["roles"]),
                              tuple(f["skills"])) for i, f in facts.items())
    return RosterBase(rules, team_composition(session), shifts)


def read_warnings(session: Session, start: dt.datetime,
                  end: dt.datetime) -> tuple[ActiveWarning, ...]:
    """Warnings valid at some moment between ``start`` and ``end``."""
    rows = session.scalars(
        select(HazardWarning)
        .where(HazardWarning.valid_to > start, HazardWarning.valid_from <= end)
        .order_by(HazardWarning.valid_from, HazardWarning.id)
    )
    return tuple(ActiveWarning(w.id, w.kind, w.level, w.area, w.valid_from, w.valid_to)
                 for w in rows)


@dataclass(frozen=True)
class _Inspections:
    by_item: dict[int, list[dt.datetime]]  # an item's own rows
    walk_throughs: dict[int, list[dt.datetime]]  # a station's rows for no one item
    checks: dict[int, list[tuple[dt.datetime, bool]]]  # an item's own rows: fault found?


def _inspections(session: Session, until: dt.datetime, since: dt.datetime | None,
                 station_ids: Collection[int] | None = None) -> _Inspections:
    """Inspections up to ``until``. With ``since`` (live), the history before it is only
    its latest row per item or station, all that a moment after ``since`` can see of it,
    and no checks: the item's status as the replica holds it is its status then."""
    found = _Inspections(defaultdict(list), defaultdict(list), defaultdict(list))
    columns = (Inspection.station_id, Inspection.item_id, Inspection.inspected_at)
    some = () if station_ids is None else (Inspection.station_id.in_(station_ids),)
    rows: list[Any] = []
    if since is None:
        rows.extend(session.execute(select(*columns, Inspection.result)
                                    .where(Inspection.inspected_at <= until, *some)))
    else:
        rows.extend(session.execute(
            select(Inspection.station_id, Inspection.item_id, func.max(Inspection.inspected_at),
                   null()).where(Inspection.inspected_at < since, *some)
            .group_by(Inspection.station_id, Inspection.item_id)))
        rows.extend(session.execute(
            select(*columns, null()).where(Inspection.inspected_at >= since,
                                         Inspection.inspected_at <= until, *some)))
    for station_id, item_id, at, result in rows:
        moment = _aware(at)
        if item_id is None:
            found.walk_throughs[station_id].append(moment)
            continue
        found.by_item[item_id].append(moment)
        if result in ("ok", "fault"):
            found.checks[item_id].append((moment, result == "fault"))
    return found


def _loans(session: Session, until: dt.datetime, since: dt.datetime | None,
           station_ids: Collection[int] | None = None,
           ) -> dict[int, list[tuple[dt.datetime, dt.datetime | None]]]:
    """Each item's loans begun by ``until`` (with ``since``: only those still out then or
    begun after), sorted."""
    query = (select(EquipmentLoan.item_id, EquipmentLoan.out_at, EquipmentLoan.back_at)
             .where(EquipmentLoan.out_at <= until)
             .order_by(EquipmentLoan.out_at, EquipmentLoan.id))
    if station_ids is not None:
        query = query.where(EquipmentLoan.item_id.in_(
            select(EquipmentItem.id).where(EquipmentItem.station_id.in_(station_ids))))
    if since is not None:
        query = query.where(or_(EquipmentLoan.back_at.is_(None), EquipmentLoan.back_at > since))
    found: dict[int, list[tuple[dt.datetime, dt.datetime | None]]] = defaultdict(list)
    for item_id, out_at, back_at in session.execute(query):
        found[item_id].append((out_at, back_at))
    return found


def read_stations(
    session: Session,
    unit_names: Mapping[int, str],
    now: dt.datetime,
    until: dt.datetime,
    quality: QualityCollector,
    *,
    since: dt.datetime | None = None,
    station_ids: Collection[int] | None = None,
) -> tuple[StationBase, ...]:
    """Every station (or only ``station_ids``) with its items through time up to ``until``;
    ``now`` is the reading's moment (an inspection dated after it is noted and ignored).
    ``since``: moments before it will not be asked (live), so older inspections are read as
    their latest only."""
    station_query = select(Station).order_by(Station.code)
    if station_ids is not None:
        station_query = station_query.where(Station.id.in_(station_ids))
    station_rows = list(session.scalars(station_query))
    facts = station_facts(session, now, quality, station_ids, with_items=False,
                          stations=station_rows)
    daily = {kind_id: interval == 1 for kind_id, interval in session.execute(
        select(EquipmentKind.id, EquipmentKind.inspection_interval_days))}
    seen_by = _inspections(session, until, since, station_ids)
    loans = _loans(session, until, since, station_ids)
    kinds = set(daily)
    items: dict[int, list[ItemHistory]] = defaultdict(list)
    item_query = select(*ITEM_COLUMNS, EquipmentItem.id, EquipmentItem.dispatched_at)
    if station_ids is not None:
        item_query = item_query.where(EquipmentItem.station_id.in_(station_ids))
    for item in session.execute(item_query.order_by(EquipmentItem.id)):
        values: tuple[Any, ...] = tuple(item)
        row, (item_id, dispatched_at) = values[:-2], values[-2:]
        station_id, kind_id = row[0], row[2]
        read = item_facts(row, kinds, now, quality)
        if read is None:
            continue
        seen = seen_by.by_item.get(item_id, []) + (
            seen_by.walk_throughs.get(station_id, []) if daily.get(kind_id) else [])
        items[station_id].append(ItemHistory(
            read, dispatched_at, tuple(loans.get(item_id, ())), tuple(sorted(seen)),
            tuple(sorted(seen_by.checks.get(item_id, ())))))
    result = []
    for station in station_rows:
        problem = position_problem(station.lon, station.lat)
        if problem:  # still listed and judged; only the map cannot place it
            quality.note("station", station.code, f"cannot be placed on the map: {problem}")
        base = facts[station.id]
        community = unit_names.get(station.community_id) if station.community_id else None
        status = station_status(station, base, Readiness("green"), community)
        result.append(StationBase(status, base, tuple(items.get(station.id, ()))))
    return tuple(result)


# The tables whose every row belongs to one station: a change to one of their rows
# changes only that station's facts.
PER_STATION = frozenset({"equipment_item", "equipment_loan", "inspection"})


def item_stations(session: Session,
                  station_ids: Collection[int] | None = None) -> dict[int, int]:
    """Each equipment item's station (of every station, or of ``station_ids``)."""
    query = select(EquipmentItem.id, EquipmentItem.station_id)
    if station_ids is not None:
        query = query.where(EquipmentItem.station_id.in_(station_ids))
    return {item: station for item, station in session.execute(query)}


def stations_of_rows(session: Session, rows: Mapping[str, Collection[str]],
                     held_by: Mapping[int, int]) -> set[int] | None:
    """The stations that rows of the PER_STATION tables (table -> ids, as the change log
    names them) belong to, before (``held_by``: item -> station at the last reading) and
    after the change; None when that cannot be told (a row gone, an id not a number)."""
    try:
        ids = {table: {int(i) for i in rows.get(table, ())} for table in PER_STATION}
    except ValueError:
        return None
    stations: set[int] = set()
    items = set(ids["equipment_item"])
    if ids["equipment_loan"]:
        loans = dict(session.execute(select(EquipmentLoan.id, EquipmentLoan.item_id)
                                     .where(EquipmentLoan.id.in_(ids["equipment_loan"]))).all())
        if len(loans) < len(ids["equipment_loan"]):
            return None
        items.update(loans.values())
    if ids["inspection"]:
        seen = session.execute(select(Inspection.station_id, Inspection.item_id)
                               .where(Inspection.id.in_(ids["inspection"]))).all()
        if len(seen) < len(ids["inspection"]):
            return None
        stations.update(station for station, _item in seen)
        items.update(item for _station, item in seen if item is not None)
    if items:
        now_at = dict(session.execute(select(EquipmentItem.id, EquipmentItem.station_id)
                                      .where(EquipmentItem.id.in_(items))).all())
        for item in items:
            if item not in now_at and item not in held_by:
                return None
            stations.update(s for s in (now_at.get(item), held_by.get(item)) if s is not None)
    return stations


def station_statuses(
    session: Session,
    unit_names: Mapping[int, str],
    reachable: set[int] | frozenset[int],
    now: dt.datetime,
    rules: ReadinessRules,
    quality: QualityCollector,
    station_ids: Collection[int] | None = None,
) -> tuple[StationStatus, ...]:
    """Every station's status at ``now`` (or only ``station_ids``), no team out."""
    bases = read_stations(session, unit_names, now, now, quality, since=now,
                          station_ids=station_ids)
    return stations_at(bases, now, reachable, {}, rules)


def next_boundary(moments: Iterable[tuple[dt.datetime, dt.datetime]],
                  now: dt.datetime) -> dt.datetime | None:
    """The first start or end after ``now`` among (start, end) pairs."""
    return min((m for pair in moments for m in pair if m > now), default=None)


def _aware(value: dt.datetime | str) -> dt.datetime:
    """Aggregates bypass the column type on SQLite: normalise to aware UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
