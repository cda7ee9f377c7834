"""Geometry from import files: structure, datum conversion, validity, canonical text.

Coordinates are converted for a whole file at once (one numpy call), then
every geometry is checked with shapely. Stored text is compact GeoJSON with
only ``type`` and ``coordinates``, the form the demo writes, so an unchanged
row compares equal as text.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import shape

from desktop.models.datum import STORED, to_replica
from desktop.models.importing.issues import Bad

GEOMETRY = "geometry"
_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
          "MultiPolygon": 3}
KIND_OF = {"Point": "point", "MultiPoint": "point", "LineString": "line",
           "MultiLineString": "line", "Polygon": "polygon", "MultiPolygon": "polygon"}
CHINA = (73.0, 3.0, 136.0, 54.0)  # west, south, east, north: a generous box around China
MAX_VERTICES = 2_000_000


def _bad(zh: str, en: str) -> Bad:
    return Bad(zh, en, column=GEOMETRY)


def _check_positions(node: Any, depth: int, out: list[list[float]]) -> None:
    if depth == 0:
        if (not isinstance(node, list) or len(node) < 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool)
                           for v in node)):
            raise _bad("坐标应为 [经度, 纬度] 数值对",
                       "a position must be a [lon, lat] pair of numbers")
        if not all(math.isfinite(v) for v in node):
            raise _bad("坐标不是有限数值", "a coordinate is not a finite number")
        out.append(node)
        return
    if not isinstance(node, list) or not node:
        raise _bad("几何的坐标数组结构不对或为空", "the geometry's coordinate arrays are malformed "
                   "or empty")
    for child in node:
        _check_positions(child, depth - 1, out)
    if len(out) > MAX_VERTICES:
        raise _bad("几何顶点过多", "the geometry has too many vertices")


def parse_geometry(value: Any, allowed: frozenset[str]) -> tuple[dict[str, Any], list[list[float]]]:
    """A GeoJSON geometry (dict or text) and its positions (mutable, for conversion)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            value = _from_wkt(value)
    if not isinstance(value, dict):
        raise _bad("缺少几何或几何不是 GeoJSON 对象", "missing geometry, or not a GeoJSON object")
    kind = value.get("type")
    if kind not in _DEPTH:
        raise _bad(f"不支持的几何类型“{kind}”", f"unsupported geometry type {kind!r}")
    if kind not in allowed:
        wanted = "、".join(sorted(allowed))
        raise _bad(f"几何类型应为 {wanted}，实为 {kind}", f"geometry must be {wanted}, not {kind}")
    positions: list[list[float]] = []
    coordinates = value.get("coordinates")
    _check_positions(coordinates, _DEPTH[str(kind)], positions)
    # a copy of the nesting with fresh position lists, so conversion never edits the input
    copied = json.loads(json.dumps(coordinates))
    fresh: list[list[float]] = []
    _check_positions(copied, _DEPTH[str(kind)], fresh)
    return {"type": kind, "coordinates": copied}, fresh


def _from_wkt(text: str) -> Any:
    try:
        geometry = shapely.from_wkt(text.strip())
    except (GEOSException, ValueError, TypeError):
        raise _bad("几何既不是 GeoJSON 也不是 WKT 文本",
                   "the geometry is neither GeoJSON nor WKT") from None
    return json.loads(shapely.to_geojson(geometry))


def convert(datum: str, positions: list[list[float]]) -> None:
    """Convert positions in place to CGCS2000 (rounded to 1e-8° ≈ 1 mm when converted)."""
    if datum in STORED or not positions:
        return
    lon, lat = to_replica(datum, [p[0] for p in positions], [p[1] for p in positions])
    lon, lat = np.round(lon, 8), np.round(lat, 8)
    for position, x, y in zip(positions, lon.tolist(), lat.tolist(), strict=True):
        position[0], position[1] = x, y
        del position[2:]


def check_range(positions: list[list[float]], column: str = GEOMETRY) -> None:
    for lon, lat, *_ in positions:
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise Bad(f"坐标 ({lon:g}, {lat:g}) 不是经纬度（投影坐标？经纬度颠倒？）",
                      f"({lon:g}, {lat:g}) is not longitude/latitude (projected? swapped?)",
                      column=column)
        if not (CHINA[0] <= lon <= CHINA[2] and CHINA[1] <= lat <= CHINA[3]):
            raise Bad(f"坐标 ({lon:g}, {lat:g}) 不在中国境内（经纬度颠倒？）",
                      f"({lon:g}, {lat:g}) is outside China (longitude and latitude swapped?)",
                      column=column)


def check_valid(geometry: dict[str, Any]) -> None:
    if geometry["type"] in ("Point", "MultiPoint"):
        return
    polygons = {"Polygon": [geometry["coordinates"]],
                "MultiPolygon": geometry["coordinates"]}.get(geometry["type"], [])
    for polygon in polygons:
        for ring in polygon:
            if len(ring) < 4 or ring[0][:2] != ring[-1][:2]:
                raise _bad("多边形的环未闭合或少于 4 个点",
                           "a polygon ring is not closed or has fewer than 4 positions")
    try:
        shaped = shape(geometry)
    except (GEOSException, ValueError, TypeError, IndexError) as error:
        raise _bad(f"几何无效（{error}）", f"invalid geometry ({error})") from None
    if shaped.is_empty:
        raise _bad("几何为空", "the geometry is empty")
    if not shaped.is_valid:
        reason = shapely.is_valid_reason(shaped)
        raise _bad(f"几何无效：{reason}（自相交或环未闭合？）",
                   f"invalid geometry: {reason} (self-intersection or open ring?)")


def dumps(geometry: dict[str, Any]) -> str:
    return json.dumps({"type": geometry["type"], "coordinates": geometry["coordinates"]},
                      separators=(",", ":"), ensure_ascii=False)


def repair(geometry: dict[str, Any]) -> dict[str, Any] | None:
    """A valid polygonal version of an invalid (Multi)Polygon, if repairing keeps its area.

    Boundaries from public collections often touch themselves at a point (a
    "bow-tie" of zero area); ``make_valid`` splits such rings without moving
    any vertex. Anything that would change the area by more than 0.1 % is
    left to the operator.
    """
    if geometry["type"] not in ("Polygon", "MultiPolygon"):
        return None
    try:
        shaped = shape(geometry)
        fixed = shapely.make_valid(shaped)
    except (GEOSException, ValueError):
        return None
    parts = [part for part in getattr(fixed, "geoms", [fixed])
             if part.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    if merged.is_empty or not merged.is_valid or merged.geom_type not in (
            "Polygon", "MultiPolygon"):
        return None
    if abs(merged.area - shaped.area) > 0.001 * max(shaped.area, 1e-12):
        return None
    result: dict[str, Any] = json.loads(json.dumps(shapely.geometry.mapping(merged)))
    return {"type": result["type"], "coordinates": result["coordinates"]}
