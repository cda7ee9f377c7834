"""What the simulator knows about the replica it writes into, read once at start.

The simulator writes into any replica (the demo street or an imported one),
so it learns places, stations, people and kit from the replica's own rows;
only the wording of incidents (titles, notes) comes from the demo's data files.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.demo.scenario import DemoData, load
from desktop.models.queries import replica_meta
from desktop.models.schema import (
    AdminUnit,
    EquipmentItem,
    EquipmentKind,
    Feature,
    Person,
    Station,
)


@dataclass(frozen=True)
class GridPlace:
    id: int
    name: str
    community: str
    worker_id: int | None
    area: BaseGeometry

    def random_point(self, rnd: random.Random) -> tuple[float, float]:
        """(lon, lat) inside the grid, by rejection from its bounds."""
        west, south, east, north = self.area.bounds
        for _ in range(200):
            lon, lat = rnd.uniform(west, east), rnd.uniform(south, north)
            if self.area.contains(Point(lon, lat)):
                return round(lon, 7), round(lat, 7)
        point = self.area.representative_point()
        return round(point.x, 7), round(point.y, 7)


@dataclass(frozen=True)
class NamedPlace:
    """A road, river or shop from the map layers, with a point on it."""

    name: str
    points: tuple[tuple[float, float], ...]
    grid_id: int | None


@dataclass(frozen=True)
class StationPlace:
    id: int
    name: str
    kind: str
    lon: float
    lat: float


@dataclass
class Item:
    id: int
    station_id: int
    kind_code: str
    status: str
    daily: bool  # inspected on every daily walk-through


@dataclass
class World:
    street_code: str
    data: DemoData
    grids: list[GridPlace]
    stations: list[StationPlace]
    roads: list[NamedPlace]
    rivers: list[NamedPlace]
    shops: list[NamedPlace]
    people: dict[str, list[int]]  # role -> person ids
    items: list[Item] = field(default_factory=list)

    def grid(self, grid_id: int | None) -> GridPlace | None:
        return next((g for g in self.grids if g.id == grid_id), None)

    def grid_at(self, lon: float, lat: float) -> GridPlace | None:
        point = Point(lon, lat)
        return next((g for g in self.grids if g.area.contains(point)), None)

    def nearest_station(self, lon: float, lat: float, *, depot: bool = False) -> StationPlace:
        wanted = [s for s in self.stations if (s.kind == "sand_depot") == depot]
        candidates = wanted or self.stations
        scale = math.cos(math.radians(lat))
        return min(candidates, key=lambda s: math.hypot((s.lon - lon) * scale, s.lat - lat))

    def role(self, name: str) -> list[int]:
        return self.people.get(name, [])


def _geometry(text: str) -> BaseGeometry | None:
    try:
        geometry = shape(json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None if geometry.is_empty else geometry


def _points(geometry: BaseGeometry) -> tuple[tuple[float, float], ...]:
    coords: list[Any] = []
    if geometry.geom_type == "Point":
        coords = [geometry.coords[0]]
    elif geometry.geom_type == "LineString":
        coords = list(geometry.coords)
    elif geometry.geom_type == "MultiLineString":
        coords = [c for line in geometry.geoms for c in line.coords]
    return tuple((round(float(c[0]), 7), round(float(c[1]), 7)) for c in coords)


def load_world(session: Session) -> World:
    """Read the places, stations, people and kit the simulator needs."""
    units = list(session.scalars(select(AdminUnit)))
    names = {u.id: u.name for u in units}
    grids = []
    for unit in units:
        if unit.level != "grid":
            continue
        area = _geometry(unit.geometry)
        if area is None or area.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        grids.append(GridPlace(unit.id, unit.name, names.get(unit.parent_id or -1, ""),
                               unit.grid_worker_id, area))
    places: dict[str, list[NamedPlace]] = {"roads": [], "rivers": [], "business_premises": []}
    for feature in session.scalars(
        select(Feature).where(Feature.layer_key.in_(tuple(places))).order_by(Feature.id)
    ):
        geometry = _geometry(feature.geometry)
        points = _points(geometry) if geometry is not None else ()
        if points:
            places[feature.layer_key].append(NamedPlace(feature.name, points, feature.grid_id))
    people: dict[str, list[int]] = {}
    for person_id, role in session.execute(
        select(Person.id, Person.role).where(Person.active.is_(True)).order_by(Person.id)
    ):
        people.setdefault(role, []).append(person_id)
    stations = [
        StationPlace(s.id, s.name, s.kind, s.lon, s.lat)
        for s in session.scalars(select(Station).order_by(Station.id))
    ]
    items = [
        Item(item_id, station_id, code, status, interval == 1)
        for item_id, station_id, code, status, interval in session.execute(
            select(EquipmentItem.id, EquipmentItem.station_id, EquipmentKind.code,
                   EquipmentItem.status, EquipmentKind.inspection_interval_days)
            .join(EquipmentKind, EquipmentKind.id == EquipmentItem.kind_id)
            .order_by(EquipmentItem.id)
        )
    ]
    street_code = replica_meta(session).get("home_street_code") or next(
        (u.code for u in units if u.level == "street"), "SIM")
    return World(
        street_code=street_code,
        data=load(),
        grids=grids,
        stations=stations,
        roads=places["roads"],
        rivers=places["rivers"],
        shops=places["business_premises"],
        people=people,
        items=items,
    )
