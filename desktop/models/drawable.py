"""What the map page can draw, decided once, where the facts are read.

A null, malformed, out-of-range or self-intersecting geometry, or a layer of a
kind the page does not know, would break the drawing (or draw nonsense) for
everyone: the fact readers (fact_reading, replay.clean) leave such a row out of
the situation, or leave it unplaced, and note it once in the quality collector
with its entity and code. The map payload then only translates. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from desktop.models.quality import QualityCollector

T = TypeVar("T")

# GeoJSON geometry types and how deep their coordinates nest (0 = one position).
_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
          "MultiPolygon": 3}
POLYGONAL = frozenset({"Polygon", "MultiPolygon"})
DRAWN_KINDS = frozenset({"point", "line", "polygon"})


def position_problem(lon: Any, lat: Any) -> str | None:
    """Why (lon, lat) cannot be drawn, or None."""
    try:
        if -180 <= lon <= 180 and -90 <= lat <= 90:  # False for NaN and infinities too
            if type(lon) is bool or type(lat) is bool:
                return "coordinates are not numbers"
            return None
    except TypeError:
        return "coordinates are not numbers"
    if lon is None or lat is None:
        return "coordinates are not numbers"
    return f"coordinates out of range or not finite ({lon}, {lat})"


def geometry_problem(geometry: Any) -> str | None:
    """Why a GeoJSON geometry cannot be drawn (structure and ranges only), or None."""
    if geometry is None:
        return "geometry is null"
    if not isinstance(geometry, dict):
        return "geometry is not a GeoJSON object"
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list) or not parts:
            return "empty geometry collection"
        for part in parts:
            problem = geometry_problem(part)
            if problem:
                return problem
        return None
    depth = _DEPTH.get(kind) if isinstance(kind, str) else None
    if depth is None:
        return f"unknown geometry type {kind!r}"
    coords = geometry.get("coordinates")
    if depth == 0:
        if not isinstance(coords, list | tuple) or len(coords) < 2:
            return "malformed coordinates"
        return position_problem(coords[0], coords[1])
    shortest = 4 if kind in POLYGONAL else 2 if kind in ("LineString", "MultiLineString") else 1
    return _lists_problem(coords, depth, shortest)


def _lists_problem(coords: Any, depth: int, shortest: int) -> str | None:
    """Nested lists ``depth`` deep down to lists of positions, each at least ``shortest`` long."""
    if not isinstance(coords, list | tuple) or not coords:
        return "empty or malformed coordinates"
    if depth > 1:
        for part in coords:
            problem = _lists_problem(part, depth - 1, shortest)
            if problem:
                return problem
        return None
    if len(coords) < shortest:
        return ("a polygon ring needs at least 4 positions" if shortest == 4
                else "a line needs at least 2 positions")
    try:
        for position in coords:
            lon, lat = position[0], position[1]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                return f"coordinates out of range or not finite ({lon}, {lat})"
    except (TypeError, IndexError, KeyError):
        return "malformed coordinates"
    return None


def invalid_polygons(geometries: list[dict[str, Any]]) -> list[str | None]:
    """For each polygonal geometry: why it is not a valid polygon (self-intersection …), or None.

    Built in one batch (a ragged array of multipolygons): per-feature shapely
    objects cost ~0.1 s for a district's polygons, the batch a fraction of it.
    """
    if not geometries:
        return []
    import shapely  # only when there are polygons to check (~0.1 s import)

    simple = [g.get("type") in POLYGONAL for g in geometries]
    reasons: list[str | None] = [None] * len(geometries)
    batch = [g for g, ok in zip(geometries, simple, strict=True) if ok]
    try:
        shapes = _multipolygons(batch)
    except (ValueError, TypeError, IndexError, shapely.errors.ShapelyError):
        shapes = None
    indexes = [i for i, ok in enumerate(simple) if ok]
    if shapes is None:  # something odd in the batch: one by one, to name the culprit
        indexes = list(range(len(geometries)))
        shapes = [_one_shape(g) for g in geometries]
    else:
        indexes += [i for i, ok in enumerate(simple) if not ok]
        shapes = [*shapes, *(_one_shape(g) for g, ok in zip(geometries, simple, strict=True)
                             if not ok)]
    for index, item in zip(indexes, shapes, strict=True):
        if item is None:
            reasons[index] = "polygon cannot be built"
        elif not shapely.is_valid(item):
            reasons[index] = f"invalid polygon ({shapely.is_valid_reason(item)})"
    return reasons


def _multipolygons(geometries: list[dict[str, Any]]) -> list[Any]:
    import numpy as np
    import shapely

    xy: list[tuple[float, float]] = []
    rings = [0]
    polygons = [0]
    parts = [0]
    for geometry in geometries:
        coords = geometry["coordinates"]
        for polygon in [coords] if geometry["type"] == "Polygon" else coords:
            for ring in polygon:
                xy.extend((p[0], p[1]) for p in ring)
                if ring[0][0] != ring[-1][0] or ring[0][1] != ring[-1][1]:
                    xy.append((ring[0][0], ring[0][1]))  # GEOS needs closed rings; Leaflet not
                rings.append(len(xy))
            polygons.append(len(rings) - 1)
        parts.append(len(polygons) - 1)
    built = shapely.from_ragged_array(
        shapely.GeometryType.MULTIPOLYGON, np.asarray(xy, dtype=np.float64),
        (np.asarray(rings), np.asarray(polygons), np.asarray(parts)))
    return list(built)


def _one_shape(geometry: dict[str, Any]) -> Any:
    import shapely
    from shapely.geometry import shape

    try:
        return shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError,
            shapely.errors.ShapelyError):
        return None


def placeable(lon: Any, lat: Any) -> bool:
    """Whether a point at (lon, lat) can be put on the map."""
    return position_problem(lon, lat) is None


def keep_drawable(quality: QualityCollector, entity: str,
                  items: Iterable[tuple[str, Any, T]]) -> list[T]:
    """The items whose geometry can be drawn; (code, geometry, item) triples in, items out.

    Each one left out is noted under ``entity`` and its code. Structural problems
    first, then polygon validity for the polygonal survivors, in one batch.
    """
    survivors: list[tuple[str, Any, T]] = []
    for code, geometry, item in items:
        problem = geometry_problem(geometry)
        if problem:
            quality.note(entity, code, f"geometry cannot be drawn: {problem}")
        else:
            survivors.append((code, geometry, item))
    polygonal = [i for i, (_, g, _) in enumerate(survivors) if _has_polygon(g)]
    reasons = invalid_polygons([survivors[i][1] for i in polygonal])
    bad = set()
    for index, reason in zip(polygonal, reasons, strict=True):
        if reason:
            bad.add(index)
            quality.note(entity, survivors[index][0], f"geometry cannot be drawn: {reason}")
    return [item for i, (_, _, item) in enumerate(survivors) if i not in bad]


def _has_polygon(geometry: dict[str, Any]) -> bool:
    if geometry.get("type") == "GeometryCollection":
        return any(_has_polygon(part) for part in geometry.get("geometries", ()))
    return geometry.get("type") in POLYGONAL
