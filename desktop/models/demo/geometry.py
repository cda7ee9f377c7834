"""A street's shape in local metres: irregular boundary, curved roads, a river, the blocks between.

Roads are gently curved lines in two loose families plus a meandering river,
so the blocks that ``polygonize`` cuts out of the boundary look like a real
town plan rather than a lattice.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import cast

import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class Road:
    name: str
    road_class: str  # arterial | secondary | lane
    line: BaseGeometry  # LineString or MultiLineString in metres, inside the street


@dataclass(frozen=True)
class StreetPlan:
    """Boundary, road network and river of one street; blocks tile the boundary."""

    boundary: Polygon
    roads: tuple[Road, ...]
    river_name: str | None
    river: BaseGeometry | None
    blocks: tuple[Polygon, ...]


@dataclass(frozen=True)
class PlanSpec:
    center: tuple[float, float]  # metres from the district origin
    radius_m: float
    stretch: tuple[float, float]
    rotation_deg: float
    road_spacing_m: float
    arterials: tuple[str, ...]
    secondary: tuple[str, ...]
    river_name: str | None
    neighbours: BaseGeometry | None = None  # streets already placed: this one yields to them


def _boundary(rnd: random.Random, radius: float, stretch: tuple[float, float]) -> Polygon:
    """Star-shaped, so always valid; a few harmonics make it irregular."""
    harmonics = [(2, 0.10), (3, 0.06), (5, 0.035)]
    phases = [rnd.uniform(0.0, 2 * math.pi) for _ in harmonics]
    points = []
    count = 72
    for i in range(count):
        theta = 2 * math.pi * i / count
        rho = 1.0 + rnd.uniform(-0.012, 0.012)
        for (frequency, amplitude), phase in zip(harmonics, phases, strict=True):
            rho += amplitude * math.sin(frequency * theta + phase)
        points.append(
            (
                radius * stretch[0] * rho * math.cos(theta),
                radius * stretch[1] * rho * math.sin(theta),
            )
        )
    return Polygon(points)


def _wavy_line(
    rnd: random.Random,
    angle: float,
    offset: float,
    half_length: float,
    amplitude: float,
    wavelength: tuple[float, float] = (1800.0, 3200.0),
) -> LineString:
    ux, uy = math.cos(angle), math.sin(angle)
    nx, ny = -uy, ux
    long_wave, short_wave = rnd.uniform(*wavelength), rnd.uniform(600.0, 1000.0)
    phase_long, phase_short = rnd.uniform(0, 2 * math.pi), rnd.uniform(0, 2 * math.pi)
    points = []
    steps = 28
    for i in range(steps + 1):
        s = -half_length + 2 * half_length * i / steps
        d = (
            offset
            + amplitude * math.sin(2 * math.pi * s / long_wave + phase_long)
            + 0.3 * amplitude * math.sin(2 * math.pi * s / short_wave + phase_short)
        )
        points.append((s * ux + d * nx, s * uy + d * ny))
    return LineString(points)


def _family(
    rnd: random.Random,
    base_angle: float,
    extent: float,
    half_length: float,
    spacing: float,
) -> list[LineString]:
    """Roughly parallel roads across one axis; the middle one is listed first (the arterial)."""
    count = max(1, round(2 * extent / spacing) - 1)
    band = 2 * extent / (count + 1)
    lines = []
    for k in range(count):
        offset = -extent + (k + 1) * band + rnd.uniform(-0.15, 0.15) * band
        angle = base_angle + rnd.uniform(-0.05, 0.05)
        lines.append(_wavy_line(rnd, angle, offset, half_length, rnd.uniform(20.0, 55.0)))
    middle = count // 2
    return [lines[middle], *lines[:middle], *lines[middle + 1 :]]


def plan_street(rnd: random.Random, spec: PlanSpec) -> StreetPlan:
    radius, (sx, sy) = spec.radius_m, spec.stretch
    boundary = _boundary(rnd, radius, spec.stretch)
    half_length = 1.4 * radius * max(sx, sy)
    east_west = _family(rnd, 0.0, radius * sy, half_length, spec.road_spacing_m)
    north_south = _family(rnd, math.pi / 2, radius * sx, half_length, spec.road_spacing_m)
    river = None
    if spec.river_name is not None:
        angle = rnd.choice([1.0, -1.0]) * rnd.uniform(0.55, 0.95)
        offset = rnd.uniform(-0.3, 0.3) * radius * min(sx, sy)
        river = _wavy_line(
            rnd, angle, offset, half_length, rnd.uniform(90.0, 140.0), (900.0, 1500.0)
        )

    def place(geom: BaseGeometry) -> BaseGeometry:
        turned = affinity.rotate(geom, spec.rotation_deg, origin=(0.0, 0.0))
        return affinity.translate(turned, *spec.center)

    boundary = cast(Polygon, place(boundary))
    if spec.neighbours is not None and not spec.neighbours.is_empty:
        # neighbours share their edge with this street instead of overlapping it
        parts = shapely.get_parts(shapely.difference(boundary, spec.neighbours))
        boundary = max((p for p in parts if isinstance(p, Polygon)), key=lambda p: p.area)
    reach = boundary.buffer(40.0)
    named = _name_roads(east_west, north_south, spec)
    cut_lines = [shapely.intersection(place(line), reach) for _, _, line in named]
    river_cut = shapely.intersection(place(river), reach) if river is not None else None
    noded = shapely.union_all(
        [boundary.boundary, *cut_lines, *([river_cut] if river_cut is not None else [])]
    )
    blocks = _absorb_slivers(
        [
            polygon
            for polygon in shapely.polygonize(list(shapely.get_parts(noded))).geoms
            if isinstance(polygon, Polygon) and boundary.contains(polygon.representative_point())
        ]
    )
    roads = tuple(
        Road(name, road_class, shapely.intersection(line, boundary))
        for (name, road_class, _), line in zip(named, cut_lines, strict=True)
    )
    river_inside = shapely.intersection(river_cut, boundary) if river_cut is not None else None
    return StreetPlan(boundary, roads, spec.river_name, river_inside, blocks)


def _absorb_slivers(blocks: list[Polygon], min_area: float = 2000.0) -> tuple[Polygon, ...]:
    """Merge the slivers a road grazing the boundary leaves into their longest-shared neighbour."""
    blocks = [b for b in blocks if b.area > 1e-6]
    while True:
        small = min(range(len(blocks)), key=lambda i: blocks[i].area, default=None)
        if small is None or blocks[small].area >= min_area:
            return tuple(blocks)
        sliver = blocks[small]
        shared = [
            (shapely.intersection(sliver.boundary, other.boundary).length, j)
            for j, other in enumerate(blocks)
            if j != small
        ]
        length, target = max(shared)
        merged = shapely.union_all([sliver, blocks[target]])
        if length <= 0 or not isinstance(merged, Polygon):
            return tuple(blocks)
        blocks[target] = merged
        del blocks[small]


def _name_roads(
    east_west: list[LineString],
    north_south: list[LineString],
    spec: PlanSpec,
) -> list[tuple[str, str, LineString]]:
    arterials = list(spec.arterials)
    secondary = list(spec.secondary)
    named: list[tuple[str, str, LineString]] = []
    for family in (east_west, north_south):
        for index, line in enumerate(family):
            if index == 0 and arterials:
                named.append((arterials.pop(0), "arterial", line))
            else:
                name = secondary.pop(0) if secondary else f"规划{len(named) + 1}路"
                named.append((name, "secondary", line))
    return named
