"""The map layer registry and the line and polygon layers of a street.

Roads are the network the street was cut along (arterials, secondary roads,
and the lanes between grids), so a map with no base tiles still shows them.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from desktop.models.demo.context import Build, Grid, Street
from desktop.models.demo.projection import geojson, point_geojson
from desktop.models.demo.routes import RoadGraph
from desktop.models.schema import Feature, Layer

_ROAD_LOOK = {"arterial": (40, 5), "secondary": (20, 3), "lane": (8, 1)}  # width m, weight


def add_layers(build: Build) -> int:
    for layer in build.data.layers:
        build.rows.add(Layer, **layer)
    return len(build.data.layers)


class FeatureWriter:
    """Queues feature rows for one street: codes per layer, grid of each point, update times."""

    def __init__(self, build: Build, street: Street) -> None:
        self.build, self.street = build, street
        self.rnd = street.rnd(build, "features")
        self._numbers: dict[str, int] = {}

    def _add(
        self, layer: str, name: str, geometry: str, grid: Grid | None, properties: dict[str, Any]
    ) -> None:
        self._numbers[layer] = self._numbers.get(layer, 0) + 1
        updated = self.build.now - dt.timedelta(minutes=self.rnd.randint(30, 60 * 24 * 60))
        self.build.rows.add(
            Feature,
            layer_key=layer,
            code=f"{self.street.code}-{layer}-{self._numbers[layer]:04d}",
            name=name,
            geometry=geometry,
            grid_id=grid.id if grid else None,
            properties=properties,
            updated_at=updated.replace(second=0, microsecond=0),
        )

    def point(self, layer: str, name: str, x: float, y: float, properties: dict[str, Any]) -> bool:
        """Queue a point feature with its grid; False (nothing queued) if it falls outside."""
        grid = self.street.grid_at(x, y)
        if grid is None:
            return False
        lon, lat = self.build.frame.point(x, y)
        self._add(layer, name, point_geojson(lon, lat), grid, properties)
        return True

    def shape(self, layer: str, name: str, geom: BaseGeometry, properties: dict[str, Any]) -> None:
        """Lines carry no grid; polygons belong to the grid holding their representative point."""
        grid = None
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            inside = geom.representative_point()
            grid = self.street.grid_at(inside.x, inside.y)
        self._add(layer, name, geojson(self.build.frame.to_lonlat(geom)), grid, properties)

    def count(self, layer: str) -> int:
        return self._numbers.get(layer, 0)


def road_lines(street: Street) -> list[tuple[str, str, BaseGeometry]]:
    """(name, class, line) for every road and lane of the street."""
    lines = [(road.name, road.road_class, road.line) for road in street.plan.roads]
    for community in street.communities:
        short = community.name.removesuffix("社区")
        for number, lane in enumerate(community.lanes, start=1):
            lines.append((f"{short}{number}巷", "lane", lane))
    return [(name, kind, line) for name, kind, line in lines if not line.is_empty]


def add_network(writer: FeatureWriter) -> None:
    street = writer.street
    for name, road_class, line in road_lines(street):
        width, weight = _ROAD_LOOK[road_class]
        writer.shape(
            "roads",
            name,
            line,
            {
                "road_class": road_class,
                "width_m": width,
                "weight": weight,
                "length_m": round(line.length),
            },
        )
    if street.plan.river is not None and not street.plan.river.is_empty:
        writer.shape(
            "rivers",
            street.plan.river_name or "河道",
            street.plan.river,
            {
                "kind": "河流",
                "width_m": 25,
                "length_m": round(street.plan.river.length),
                "flood_season": "5月-9月",
            },
        )


def add_key_areas(writer: FeatureWriter, schools: list[tuple[str, float, float]]) -> None:
    street, rnd = writer.street, writer.rnd
    boundary = street.plan.boundary
    for grid in rnd.sample(street.grids, min(3, len(street.grids))):
        writer.shape(
            "key_areas",
            f"{grid.compound}（老旧小区）",
            grid.metric,
            {"category": "老旧小区", "risk": "燃气管道老化", "households": grid.households},
        )
    river = street.plan.river
    if river is not None and not river.is_empty:
        corridor = river.buffer(60.0) & boundary
        writer.shape(
            "key_areas",
            f"{street.plan.river_name}沿岸防溺水重点区域",
            corridor,
            {"category": "河道沿线", "risk": "溺水、汛期漫堤"},
        )
    for label, size, category, risk in (
        ("建设工地", (160.0, 110.0), "建筑工地", "高处坠落、火灾"),
        ("物流园", (220.0, 140.0), "仓储物流", "火灾"),
    ):
        x, y, grid = street.random_point(rnd)
        box = Polygon(
            [
                (-size[0] / 2, -size[1] / 2),
                (size[0] / 2, -size[1] / 2),
                (size[0] / 2, size[1] / 2),
                (-size[0] / 2, size[1] / 2),
            ]
        )
        placed = affinity.translate(affinity.rotate(box, rnd.uniform(0, 180)), x, y) & boundary
        writer.shape(
            "key_areas", f"{grid.compound}{label}", placed, {"category": category, "risk": risk}
        )
    x, y, grid = street.random_point(rnd)
    blob = (
        shapely.MultiPoint(
            [
                (x + rnd.uniform(60, 160) * math.cos(a), y + rnd.uniform(60, 160) * math.sin(a))
                for a in (i * math.pi / 4 + rnd.uniform(-0.2, 0.2) for i in range(8))
            ]
        ).convex_hull
        & boundary
    )
    writer.shape(
        "key_areas",
        f"{grid.compound}自建房片区",
        blob,
        {"category": "自建房集中区", "risk": "消防通道狭窄、用电隐患"},
    )
    for name, sx, sy in schools[:1]:
        writer.shape(
            "key_areas",
            f"{name}周边安全区",
            Point(sx, sy).buffer(150.0, 8) & boundary,
            {"category": "校园周边", "risk": "上下学交通、人员密集"},
        )


def add_routes(
    writer: FeatureWriter,
    trips: list[tuple[str, tuple[float, float], str, tuple[float, float], str]],
) -> None:
    """Rescue routes along the road network: (from, point, to, point, purpose)."""
    graph = RoadGraph([line for _, _, line in road_lines(writer.street)])
    for origin, start, target, end, purpose in trips:
        path = graph.route(start, end)
        if path is None or path.length < 50:
            continue
        writer.shape(
            "rescue_routes",
            f"{origin}至{target}",
            path,
            {"from": origin, "to": target, "purpose": purpose, "length_m": round(path.length)},
        )
