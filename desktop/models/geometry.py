"""Small planar helpers on GeoJSON coordinates, for the start-up path.

shapely (with numpy) costs ~0.13 s to import; the dashboard's first draw only
needs a label point inside each area, so that is computed here in plain Python.
Tests compare it with shapely's ``representative_point``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

Ring = Sequence[Sequence[float]]


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon" and isinstance(coordinates, list):
        return [coordinates]
    if kind == "MultiPolygon" and isinstance(coordinates, list):
        return list(coordinates)
    return []


def _ring_area_and_centroid(ring: Ring) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def _crossings(polygon: list[Ring], y: float) -> list[float]:
    """x of every edge crossing the horizontal line at ``y`` (holes included)."""
    xs = []
    for ring in polygon:
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            if (y0 > y) != (y1 > y):
                xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return sorted(xs)


def label_point(geometry: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) surely inside the largest polygon: the middle of the widest span of
    the horizontal line through its centroid (a centroid alone can fall outside)."""
    best: tuple[float, list[Ring], float] | None = None
    try:
        for polygon in _polygons(geometry):
            if not polygon or len(polygon[0]) < 4:
                continue
            area, _cx, cy = _ring_area_and_centroid(polygon[0])
            if best is None or abs(area) > best[0]:
                best = (abs(area), polygon, cy)
        if best is None:
            return None
        _area, polygon, y = best
        xs = _crossings(polygon, y)
        if len(xs) < 2:
            ys = sorted({point[1] for point in polygon[0]})
            y = (ys[0] + ys[-1]) / 2
            xs = _crossings(polygon, y)
            if len(xs) < 2:
                return None
        spans = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
        x = max(spans)[1]
    except (TypeError, ValueError, IndexError, ZeroDivisionError):
        return None
    return round(y, 7), round(x, 7)
