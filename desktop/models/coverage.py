"""Which parts of the street no ready station reaches, and the nearest ready station, in metres.

A station covers its service circle (500 m: the rapid-rescue circle) only while
its readiness is green, so a station losing readiness opens a gap. Response
areas of other kinds (the sand depot's 20-minute circle) are not rescue cover
and do not count.

Everything is measured on a local Gauss-Krüger (transverse Mercator)
projection of the CGCS2000 ellipsoid with its central meridian through the
situation — the projection Chinese surveying itself uses, in a zone of our
own. Its scale error grows with the square of the distance from that
meridian: under 5 ppm within 20 km, i.e. below 3 mm on a 500 m circle
anywhere in a district. Circles are polygons of 128 vertices, at most 0.15 m
inside the true circle. No Qt here.

Why not pyproj at run time: pyproj ≥ 3.7 keeps its PROJ context in
thread-local storage that breaks on threads Python did not create, and the map
computes this on a Qt worker thread — it crashed the test run there
(pyproj issues 1509/1541; the fix is not released for Python 3.11). So the
projection is Krüger's series to sixth order in n (Karney 2011, "Transverse
Mercator with an accuracy of a few nanometers"), forty lines of numpy; the
tests check it against pyproj (on the main thread) to the millimetre, and
distances against pyproj's geodesic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import shapely
from shapely.geometry import mapping, shape

from desktop.models.drawable import placeable
from desktop.models.situation import Area, IncidentStatus, StationStatus, Street

Array = npt.NDArray[np.float64]

RESPONSE_AREA_KINDS = frozenset({"sand_depot"})  # circles that are not rescue cover
CIRCLE_QUAD_SEGMENTS = 32
MIN_GAP_M2 = 200.0  # smaller uncovered slivers are not worth shading
SIMPLIFY_M = 1.0
DECIMALS = 7


# CGCS2000 ellipsoid (GRS80 shape; WGS-84 differs by 0.1 mm in the semi-minor axis).
SEMI_MAJOR_M = 6378137.0
FLATTENING = 1 / 298.257222101


def _kruger_coefficients(f: float) -> tuple[float, Array, Array]:
    """Rectifying radius A and the α (forward) and β (inverse) series of Krüger, order 6."""
    n = f / (2 - f)
    n2, n3, n4, n5, n6 = n**2, n**3, n**4, n**5, n**6
    radius = SEMI_MAJOR_M / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
    alpha = np.array([
        n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
        13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
        61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
        49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
        34729 * n5 / 80640 - 3418889 * n6 / 1995840,
        212378941 * n6 / 319334400,
    ])
    beta = np.array([
        n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800,
        n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720,
        17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
        4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600,
        4583 * n5 / 161280 - 108847 * n6 / 3991680,
        20648693 * n6 / 638668800,
    ])
    return radius, alpha, beta


_RADIUS, _ALPHA, _BETA = _kruger_coefficients(FLATTENING)
_E = math.sqrt(FLATTENING * (2 - FLATTENING))
_ORDERS = np.arange(1, 7, dtype=np.float64)[:, None]  # j = 1..6, against positions


def _conformal_tan(phi: Array) -> Array:
    """tan of the conformal latitude."""
    sin_phi = np.sin(phi)
    return np.asarray(np.sinh(np.arctanh(sin_phi) - _E * np.arctanh(_E * sin_phi)))


def _geodetic_tan(tau_c: Array) -> Array:
    """Invert _conformal_tan by Newton's method (Karney 2011, eq. 19-21): 3 rounds suffice."""
    tau = tau_c.copy()
    one_minus_e2 = 1 - _E * _E
    for _ in range(5):
        sigma = np.sinh(_E * np.arctanh(_E * tau / np.sqrt(1 + tau * tau)))
        tau_i = tau * np.sqrt(1 + sigma * sigma) - sigma * np.sqrt(1 + tau * tau)
        step = ((tau_c - tau_i) / np.sqrt(1 + tau_i * tau_i)
                * (1 + one_minus_e2 * tau * tau) / (one_minus_e2 * np.sqrt(1 + tau * tau)))
        tau = tau + step
        if float(np.max(np.abs(step), initial=0.0)) < 1e-14:
            break
    return tau


class LocalProjection:
    """Gauss-Krüger on CGCS2000 through (lon0, lat0): x east, y north, in metres, k0 = 1."""

    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0 = lon0
        self.lat0 = lat0
        xi0, _eta0 = self._xi_eta(np.array([lat0]), np.array([0.0]))
        self._y0 = float(_RADIUS * xi0[0])

    @classmethod
    def around(cls, lons: Iterable[float], lats: Iterable[float]) -> LocalProjection:
        """Centred on the middle of the given positions' extent (the street, the district)."""
        xs = [v for v in lons if math.isfinite(v)]
        ys = [v for v in lats if math.isfinite(v)]
        if not xs or not ys:
            return cls(112.15, 32.08)  # anywhere works; this is the demo street
        return cls((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)

    @staticmethod
    def _xi_eta(lat_deg: Array, dlon_deg: Array) -> tuple[Array, Array]:
        tau = _conformal_tan(np.radians(lat_deg))
        lam = np.radians(dlon_deg)
        xi_c = np.arctan2(tau, np.cos(lam))
        eta_c = np.arcsinh(np.sin(lam) / np.hypot(tau, np.cos(lam)))
        two_j_xi = 2 * _ORDERS * xi_c[None, :]
        two_j_eta = 2 * _ORDERS * eta_c[None, :]
        xi = xi_c + np.sum(_ALPHA[:, None] * np.sin(two_j_xi) * np.cosh(two_j_eta), axis=0)
        eta = eta_c + np.sum(_ALPHA[:, None] * np.cos(two_j_xi) * np.sinh(two_j_eta), axis=0)
        return xi, eta

    def forward(self, lons: Any, lats: Any) -> tuple[Array, Array]:
        lon = np.atleast_1d(np.asarray(lons, dtype=np.float64))
        lat = np.atleast_1d(np.asarray(lats, dtype=np.float64))
        xi, eta = self._xi_eta(lat, lon - self.lon0)
        return _RADIUS * eta, _RADIUS * xi - self._y0

    def inverse(self, xs: Any, ys: Any) -> tuple[Array, Array]:
        x = np.atleast_1d(np.asarray(xs, dtype=np.float64))
        y = np.atleast_1d(np.asarray(ys, dtype=np.float64))
        xi = (y + self._y0) / _RADIUS
        eta = x / _RADIUS
        two_j_xi = 2 * _ORDERS * xi[None, :]
        two_j_eta = 2 * _ORDERS * eta[None, :]
        xi_c = xi - np.sum(_BETA[:, None] * np.sin(two_j_xi) * np.cosh(two_j_eta), axis=0)
        eta_c = eta - np.sum(_BETA[:, None] * np.cos(two_j_xi) * np.sinh(two_j_eta), axis=0)
        tau_c = np.sin(xi_c) / np.hypot(np.sinh(eta_c), np.cos(xi_c))
        lam = np.arctan2(np.sinh(eta_c), np.cos(xi_c))
        lat = np.degrees(np.arctan(_geodetic_tan(tau_c)))
        return self.lon0 + np.degrees(lam), lat

    def to_metres(self, geometry: Any) -> Any:
        """A shapely geometry (or array of them) in lon/lat, projected."""
        return shapely.transform(geometry, self._forward_coords)

    def to_degrees(self, geometry: Any) -> Any:
        return shapely.transform(geometry, self._inverse_coords)

    def _forward_coords(self, coords: Array) -> Array:
        x, y = self.forward(coords[:, 0], coords[:, 1])
        return np.column_stack((x, y))

    def _inverse_coords(self, coords: Array) -> Array:
        lon, lat = self.inverse(coords[:, 0], coords[:, 1])
        return np.column_stack((lon, lat))

    def distance_m(self, lon1: float, lat1: float, lon2: float, lat2: float) -> float:
        x, y = self.forward([lon1, lon2], [lat1, lat2])
        return float(math.hypot(x[1] - x[0], y[1] - y[0]))


@dataclass(frozen=True)
class Gap:
    """The part of an area (a grid) that no ready station's circle reaches."""

    area_id: int
    code: str
    name: str
    geometry: dict[str, Any]  # GeoJSON, lon/lat in the stored datum
    uncovered_m2: float
    area_m2: float

    @property
    def share(self) -> float:
        return self.uncovered_m2 / self.area_m2 if self.area_m2 > 0 else 1.0


@dataclass(frozen=True)
class NearestStation:
    station_id: int
    code: str
    name: str
    kind: str
    lon: float
    lat: float
    distance_m: float


@dataclass(frozen=True)
class Coverage:
    gaps: tuple[Gap, ...]
    areas_checked: int
    area_m2: float
    uncovered_m2: float
    covering_station_ids: tuple[int, ...]
    nearest: dict[int, NearestStation]  # incident id -> nearest ready station
    skipped_area_ids: tuple[int, ...] = ()  # unusable geometry: not judged

    @property
    def covered_share(self) -> float:
        return 1.0 - self.uncovered_m2 / self.area_m2 if self.area_m2 > 0 else 0.0


class Places(Protocol):
    """What the coverage is computed from (a ``Situation`` is one)."""

    @property
    def street(self) -> Street: ...
    @property
    def communities(self) -> tuple[Area, ...]: ...
    @property
    def grids(self) -> tuple[Area, ...]: ...
    @property
    def stations(self) -> tuple[StationStatus, ...]: ...
    @property
    def incidents(self) -> tuple[IncidentStatus, ...]: ...


def placed(lon: float | None, lat: float | None) -> bool:
    """Whether the point is on the map (the one rule: desktop.models.drawable)."""
    return placeable(lon, lat)


def covers(station: StationStatus) -> bool:
    """Whether the station's circle counts as rescue cover now: ready, placed, a rescue kind."""
    return (station.readiness.level == "green" and station.kind not in RESPONSE_AREA_KINDS
            and placed(station.lon, station.lat) and station.service_radius_m > 0)


def projection_for(situation: Places) -> LocalProjection:
    lons: list[float] = [s.lon for s in situation.stations]
    lats: list[float] = [s.lat for s in situation.stations]
    for area in (*situation.grids, *situation.communities):
        if area.label_at is not None:
            lats.append(area.label_at[0])
            lons.append(area.label_at[1])
    if not lons:
        for lon, lat in _positions(situation.street.geometry.get("coordinates")):
            lons.append(lon)
            lats.append(lat)
    keep = [(x, y) for x, y in zip(lons, lats, strict=True) if placed(x, y)]
    return LocalProjection.around((p[0] for p in keep), (p[1] for p in keep))


@dataclass(frozen=True)
class AreaCover:
    """How the ready stations' circles cover the areas: the costly half of the coverage, which
    depends on the street, its areas and its stations only (not on the incidents)."""

    projection: LocalProjection
    stations: tuple[StationStatus, ...]  # those whose circle counts (``covers``)
    gaps: tuple[Gap, ...]
    areas_checked: int
    area_m2: float
    uncovered_m2: float
    skipped_area_ids: tuple[int, ...]


def area_cover(situation: Places) -> AreaCover:
    """Gaps in the grids (else the communities, else the street)."""
    projection = projection_for(situation)
    stations = tuple(s for s in situation.stations if covers(s))
    areas: Sequence[Area] = situation.grids or situation.communities
    if not areas and situation.street.geometry.get("coordinates"):
        street = situation.street
        areas = (Area(0, street.code, street.name, "street", None, None, None, street.geometry),)
    gaps, checked, total, uncovered, skipped = _gaps(areas, list(stations), projection)
    return AreaCover(projection, stations, tuple(gaps), checked, total, uncovered,
                     tuple(skipped))


def compute_coverage(situation: Places, cover: AreaCover | None = None) -> Coverage:
    """Gaps in the grids (else the communities, else the street) and each incident's nearest
    ready station; ``cover``: the situation's ``area_cover`` when already known."""
    cover = cover or area_cover(situation)
    stations = list(cover.stations)
    nearest = _nearest_all(stations, situation.incidents, cover.projection)
    return Coverage(cover.gaps, cover.areas_checked, cover.area_m2, cover.uncovered_m2,
                    tuple(s.id for s in stations), nearest, cover.skipped_area_ids)


def circles(stations: Iterable[StationStatus]) -> tuple[tuple[Any, ...], ...]:
    """What the area cover depends on in the stations: where each is, its radius, whether it
    covers now (not a reason's wording or a kit count)."""
    return tuple((s.id, s.lon, s.lat, s.service_radius_m, covers(s)) for s in stations)


class CoverCache:
    """The costly half of the coverage (``area_cover``) kept for the street, areas and
    station circles it was computed for: live computes it again only when a station moves or
    starts or stops covering, a replay keeps the few states its stations pass through."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._entries: list[tuple[tuple[object, ...], tuple[tuple[Any, ...], ...], AreaCover]] = []

    def coverage(self, places: Places) -> Coverage:
        where = (places.street, places.communities, places.grids)  # compared by identity
        key = circles(places.stations)
        for index, (seen, seen_key, cover) in enumerate(self._entries):
            if all(a is b for a, b in zip(seen, where, strict=True)) and seen_key == key:
                if index:
                    self._entries.insert(0, self._entries.pop(index))
                return compute_coverage(places, cover)
        cover = area_cover(places)
        self._entries.insert(0, (where, key, cover))
        del self._entries[self._size:]
        return compute_coverage(places, cover)


def _nearest_all(stations: Sequence[StationStatus], incidents: Sequence[IncidentStatus],
                 projection: LocalProjection) -> dict[int, NearestStation]:
    """The covering station closest to each placed incident (one projection, one matrix)."""
    placed_incidents = [i for i in incidents if placed(i.lon, i.lat)]
    if not stations or not placed_incidents:
        return {}
    xs, ys = projection.forward([s.lon for s in stations], [s.lat for s in stations])
    ix, iy = projection.forward([i.lon for i in placed_incidents],
                                [i.lat for i in placed_incidents])
    distances = np.hypot(ix[:, None] - xs[None, :], iy[:, None] - ys[None, :])
    best = np.argmin(distances, axis=1)
    result = {}
    for row, (incident, column) in enumerate(zip(placed_incidents, best, strict=True)):
        station = stations[int(column)]
        result[incident.id] = NearestStation(station.id, station.code, station.name,
                                             station.kind, station.lon, station.lat,
                                             float(distances[row, column]))
    return result


def uncovered(
    situation: Places, points: Sequence[tuple[float, float]],
) -> list[bool]:
    """For each (lon, lat): True when it lies outside every ready station's circle."""
    projection = projection_for(situation)
    stations = [s for s in situation.stations if covers(s)]
    if not points:
        return []
    px, py = projection.forward([p[0] for p in points], [p[1] for p in points])
    if not stations:
        return [True] * len(points)
    sx, sy = projection.forward([s.lon for s in stations], [s.lat for s in stations])
    radii = np.array([s.service_radius_m for s in stations])
    inside = np.hypot(px[:, None] - sx[None, :], py[:, None] - sy[None, :]) <= radii[None, :]
    return [not bool(row.any()) for row in inside]


def _gaps(
    areas: Sequence[Area], stations: Sequence[StationStatus], projection: LocalProjection,
) -> tuple[list[Gap], int, float, float, list[int]]:
    usable: list[Area] = []
    shapes: list[Any] = []
    skipped: list[int] = []
    for area in areas:
        try:
            geometry = shape(area.geometry)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError,
                shapely.errors.ShapelyError):
            skipped.append(area.id)
            continue
        if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
            skipped.append(area.id)
            continue
        usable.append(area)
        shapes.append(geometry)
    if not usable:
        return [], 0, 0.0, 0.0, skipped
    projected = projection.to_metres(np.array(shapes, dtype=object))
    valid = shapely.is_valid(projected)
    skipped.extend(a.id for a, ok in zip(usable, valid, strict=True) if not ok)
    usable = [a for a, ok in zip(usable, valid, strict=True) if ok]
    projected = projected[valid]
    areas_m2 = shapely.area(projected)
    hits: list[list[int]] = [[] for _ in usable]
    circles = np.array([], dtype=object)
    if stations:
        sx, sy = projection.forward([s.lon for s in stations], [s.lat for s in stations])
        circles = shapely.buffer(shapely.points(sx, sy),
                                 np.array([s.service_radius_m for s in stations]),
                                 quad_segs=CIRCLE_QUAD_SEGMENTS)
        tree = shapely.STRtree(circles)
        area_index, circle_index = tree.query(projected, predicate="intersects")
        for a, c in zip(area_index.tolist(), circle_index.tolist(), strict=True):
            hits[a].append(c)
    gaps: list[Gap] = []
    uncovered_total = 0.0
    for index, area in enumerate(usable):
        area_m2 = float(areas_m2[index])
        if not hits[index]:
            uncovered_total += area_m2
            gaps.append(Gap(area.id, area.code, area.name, area.geometry, area_m2, area_m2))
            continue
        rest = shapely.difference(projected[index], shapely.union_all(circles[hits[index]]))
        rest_m2 = float(shapely.area(rest))
        uncovered_total += rest_m2
        if rest_m2 < MIN_GAP_M2:
            continue
        simple = shapely.simplify(rest, SIMPLIFY_M, preserve_topology=True)
        gaps.append(Gap(area.id, area.code, area.name,
                        _rounded(mapping(projection.to_degrees(simple))), rest_m2, area_m2))
    return gaps, len(usable), float(np.sum(areas_m2)), uncovered_total, skipped


def _rounded(geojson: Any) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, tuple | list):
            if value and isinstance(value[0], float | int):
                return [round(float(v), DECIMALS) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geojson["type"], "coordinates": walk(geojson["coordinates"])}


def _positions(coords: Any) -> Iterable[tuple[float, float]]:
    if isinstance(coords, list | tuple) and coords:
        if isinstance(coords[0], int | float):
            yield float(coords[0]), float(coords[1])
        else:
            for part in coords:
                yield from _positions(part)
