"""build_demo: a complete, deterministic replica content for 七里河街道 and its neighbours.

Street 1 is the real street as DOMAIN.md describes it; with ``scale`` > 1 the
other streets are synthetic neighbours spiralling out around it on a honeycomb,
each yielding to the streets placed before it so they share edges, built by
the same rules. Street 1 comes out the same at any scale. Everything is
placed relative to ``now`` so the screen always has something current to say.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.demo import features, places, residents
from desktop.models.demo.admin import lay_out
from desktop.models.demo.context import Build, Street
from desktop.models.demo.drills import add_drills
from desktop.models.demo.evidence import add_evidence, add_warnings
from desktop.models.demo.geometry import PlanSpec, plan_street
from desktop.models.demo.identity import IdentityMaker
from desktop.models.demo.incidents import add_incidents
from desktop.models.demo.kit import stock_stations
from desktop.models.demo.people import build_staff
from desktop.models.demo.projection import LocalFrame
from desktop.models.demo.rows import Rows, rng
from desktop.models.demo.scenario import load
from desktop.models.demo.shifts import plan_shifts, write_shifts
from desktop.models.demo.standards import Standards, add_standards
from desktop.models.demo.stations import add_custodians, place_stations, synthetic_specs
from desktop.models.schema import (
    AdminUnit,
    Drill,
    DutyShift,
    EquipmentItem,
    Feature,
    HazardWarning,
    Incident,
    Inspection,
    Person,
    Plan,
    ReplicaMeta,
    Station,
    Training,
    WorkRule,
)


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo wrote (all streets together)."""

    streets: int
    communities: int
    grids: int
    households: int
    people: int
    team_members: int
    stations: int
    equipment_items: int
    inspections: int
    layers: int
    features: int
    shifts: int
    incidents: int
    open_incidents: int
    drills: int
    warnings: int
    plans: int
    work_rules: int
    trainings: int


def _honeycomb(count: int) -> list[tuple[int, int]]:
    """Axial hex coordinates spiralling out from the centre."""
    cells = [(0, 0)]
    directions = [(1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)]
    ring = 1
    while len(cells) < count:
        q, r = -ring, ring
        for dq, dr in directions:
            for _ in range(ring):
                cells.append((q, r))
                q, r = q + dq, r + dr
        ring += 1
    return cells[:count]


def _street_names(build: Build, count: int) -> list[str]:
    names = build.data.names
    home = build.data.scenario["home_street"]["name"]
    pool = [a + b + "街道" for a in names["street_first"] for b in names["street_second"]]
    return rng(build.seed, "street-names").sample([n for n in pool if n != home], count)


def _make_street(
    build: Build, index: int, name: str, density: float | None, placed: list[BaseGeometry]
) -> tuple[Street, list[str], int]:
    """Plan one street, sharing edges with the streets ``placed`` before it; returns it with
    its community names and households."""
    scenario, names = build.data.scenario, build.data.names
    home, synthetic = scenario["home_street"], scenario["synthetic"]
    admin_code = scenario["district"]["admin_code"]
    q, r = _honeycomb(index + 1)[index]
    spacing = float(synthetic["spacing_m"])
    center = (spacing * (q + r / 2), spacing * r * math.sqrt(3) / 2)
    rnd = rng(build.seed, "street", index)
    roads = rnd.sample(names["secondary_roads"], len(names["secondary_roads"]))
    spacing_m = float(scenario["geometry"]["road_spacing_m"])
    if index == 0:
        spec = PlanSpec(
            center,
            float(home["radius_m"]),
            (home["stretch"][0], home["stretch"][1]),
            float(home["rotation_deg"]),
            spacing_m,
            tuple(home["arterials"]),
            tuple(roads),
            home["river"],
        )
        code = admin_code + home["street_code"]
    else:
        rivers = [river for river in names["rivers"] if river != home["river"]]
        stretch = (rnd.uniform(*synthetic["stretch"]), rnd.uniform(*synthetic["stretch"]))
        spec = PlanSpec(
            center,
            rnd.uniform(*synthetic["radius_m"]),
            stretch,
            rnd.uniform(-20, 20),
            spacing_m,
            tuple(rnd.sample(names["arterial_roads"], 2)),
            tuple(roads),
            rnd.choice(rivers),
            shapely.union_all([p for p in placed if p.distance(Point(center)) < 2 * spacing]),
        )
        code = f"{admin_code}{int(home['street_code']) + index:03d}"
    plan = plan_street(rnd, spec)
    if index == 0:
        street = Street(
            0,
            code,
            name,
            plan,
            code,
            home["history_incidents"],
            home["open_incidents"],
            pilot_compound=home["pilot_compound"],
        )
        return street, list(home["communities"]), int(home["households"])
    households = round(
        plan.boundary.area * (density or 0.0) * rnd.uniform(*synthetic["density_factor"])
    )
    words = rnd.sample(names["community_words"], rnd.randint(*synthetic["communities"]))
    street = Street(
        index,
        code,
        name,
        plan,
        code,
        rnd.randint(*synthetic["history_incidents"]),
        rnd.randint(*synthetic["open_incidents"]),
    )
    return street, [word + "社区" for word in words], households


def _build_street(
    build: Build, street: Street, communities: list[str], households: int, standards: Standards
) -> None:
    build_staff(build, street)
    lay_out(build, street, communities, households)
    home = build.data.scenario["home_street"]
    specs = list(home["stations"]) if street.index == 0 else synthetic_specs(build, street)
    place_stations(build, street, specs, standards.default_key)
    add_custodians(build, street)
    stock_stations(build, street, standards)
    _map_layers(build, street, households)
    plans = plan_shifts(build, street)
    notes = add_incidents(build, street, plans)
    add_drills(build, street, plans)
    write_shifts(build, street, plans, notes)
    add_evidence(build, street)


def _map_layers(build: Build, street: Street, households: int) -> None:
    geometry = build.data.scenario["geometry"]
    writer = features.FeatureWriter(build, street)
    features.add_network(writer)
    landmarks = places.Landmarks()
    places.add_hydrants(writer, float(geometry["hydrant_spacing_m"]))
    places.add_flood_points(writer, landmarks)
    places.add_premises(writer, landmarks, households // int(geometry["households_per_business"]))
    features.add_key_areas(writer, landmarks.schools)
    residents.add_residents(writer, households)
    by_kind = {s.kind: s for s in reversed(street.stations)}
    depot, fire = by_kind.get("sand_depot"), by_kind.get("micro_fire_station")
    first = next((s for s in street.stations if s.pilot), street.stations[0])
    trips = []
    if depot is not None:
        trips += [
            (depot.name, (depot.x, depot.y), n, (x, y), "防汛抢险")
            for n, x, y in landmarks.flood_points[:2]
        ]
    if fire is not None:
        trips += [
            (fire.name, (fire.x, fire.y), n, (x, y), "消防救援")
            for n, x, y in landmarks.schools[:1] + landmarks.care_homes[:1]
        ]
    if landmarks.shelters:
        n, x, y = min(landmarks.shelters, key=lambda s: math.hypot(s[1] - first.x, s[2] - first.y))
        trips.append((first.name, (first.x, first.y), n, (x, y), "疏散转移"))
    features.add_routes(writer, trips)


def build_demo(session: Session, *, now: dt.datetime, seed: int = 7, scale: int = 1) -> DemoSummary:
    """Fill an empty, migrated replica with the demo; the caller commits."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("build_demo needs a timezone-aware 'now'")
    if scale < 1:
        raise ValueError(f"scale must be at least 1, not {scale}")
    if session.scalar(select(func.count()).select_from(AdminUnit)):
        raise ValueError("the replica already has content: build the demo into an empty one")
    data = load()
    home = data.scenario["home_street"]
    moment = now.astimezone(dt.UTC)
    build = Build(
        data,
        Rows(),
        seed,
        moment,
        LocalFrame(home["center"][0], home["center"][1]),
        IdentityMaker(data.names, rng(seed, "identities")),
    )
    standards = add_standards(build)
    layer_count = features.add_layers(build)
    add_warnings(build)
    meta = {
        "home_street_code": data.scenario["district"]["admin_code"] + home["street_code"],
        "home_street_name": home["name"],
        "district_name": data.scenario["district"]["name"],
        "generator": "demo",
        "seed": str(seed),
        "scale": str(scale),
        "generated_at": moment.isoformat(),
        "timezone": data.scenario["timezone"],
    }
    for key, value in meta.items():
        build.rows.add(ReplicaMeta, key=key, value=value)
    build.rows.flush(session)
    names = [home["name"], *_street_names(build, scale - 1)]
    density = None
    placed: list[BaseGeometry] = []
    team_members = households_total = communities = grids = open_incidents = 0
    for index in range(scale):
        street, community_names, households = _make_street(
            build, index, names[index], density, placed
        )
        placed.append(street.plan.boundary)
        _build_street(build, street, community_names, households, standards)
        if index == 0:
            density = households / street.plan.boundary.area
        build.rows.flush(session)
        team_members += len(street.staff.team_members)
        households_total += sum(grid.households for grid in street.grids)
        communities += len(street.communities)
        grids += len(street.grids)
        open_incidents += street.open_incidents
    rows = build.rows
    return DemoSummary(
        streets=scale,
        communities=communities,
        grids=grids,
        households=households_total,
        people=rows.count(Person),
        team_members=team_members,
        stations=rows.count(Station),
        equipment_items=rows.count(EquipmentItem),
        inspections=rows.count(Inspection),
        layers=layer_count,
        features=rows.count(Feature),
        shifts=rows.count(DutyShift),
        incidents=rows.count(Incident),
        open_incidents=open_incidents,
        drills=rows.count(Drill),
        warnings=rows.count(HazardWarning),
        plans=rows.count(Plan),
        work_rules=rows.count(WorkRule),
        trainings=rows.count(Training),
    )
