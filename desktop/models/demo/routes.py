"""Shortest paths on a street's road network, for rescue routes that follow real roads."""

from __future__ import annotations

import heapq
import math

import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

_Key = tuple[float, float]


def _overshoot(line: BaseGeometry, metres: float = 1.0) -> list[LineString]:
    """Lanes end on a road only up to rounding; a metre's overshoot makes the junction a node."""
    out = []
    for part in shapely.get_parts(line):
        coords = [(float(x), float(y)) for x, y in shapely.get_coordinates(part)]
        if len(coords) < 2:
            continue
        for end, inner in ((0, 1), (-1, -2)):
            (x0, y0), (x1, y1) = coords[end], coords[inner]
            length = math.hypot(x0 - x1, y0 - y1) or 1.0
            coords[end] = (x0 + (x0 - x1) / length * metres, y0 + (y0 - y1) / length * metres)
        out.append(LineString(coords))
    return out


class RoadGraph:
    def __init__(self, lines: list[BaseGeometry]) -> None:
        noded = shapely.union_all([part for line in lines for part in _overshoot(line)])
        self._index: dict[_Key, int] = {}
        self._points: list[_Key] = []
        self._edges: list[list[tuple[int, float, list[_Key]]]] = []
        for part in shapely.get_parts(noded):
            coords = [(float(x), float(y)) for x, y in shapely.get_coordinates(part)]
            if len(coords) < 2:
                continue
            a, b = self._node(coords[0]), self._node(coords[-1])
            length = float(shapely.length(part))
            self._edges[a].append((b, length, coords))
            self._edges[b].append((a, length, coords[::-1]))

    def _node(self, point: _Key) -> int:
        key = (round(point[0], 3), round(point[1], 3))
        if key not in self._index:
            self._index[key] = len(self._points)
            self._points.append(key)
            self._edges.append([])
        return self._index[key]

    def nearest(self, x: float, y: float) -> int:
        """The nearest junction or bend: never the loose end of a lane's overshoot."""
        nodes = [i for i, edges in enumerate(self._edges) if len(edges) >= 2]
        return min(nodes, key=lambda i: math.hypot(self._points[i][0] - x, self._points[i][1] - y))

    def route(self, start: tuple[float, float], end: tuple[float, float]) -> LineString | None:
        """The shortest road path between the nodes nearest to two points."""
        source, target = self.nearest(*start), self.nearest(*end)
        best = {source: 0.0}
        previous: dict[int, tuple[int, list[_Key]]] = {}
        queue = [(0.0, source)]
        while queue:
            distance, node = heapq.heappop(queue)
            if node == target:
                break
            if distance > best.get(node, math.inf):
                continue
            for neighbour, length, coords in self._edges[node]:
                candidate = distance + length
                if candidate < best.get(neighbour, math.inf):
                    best[neighbour] = candidate
                    previous[neighbour] = (node, coords)
                    heapq.heappush(queue, (candidate, neighbour))
        if target not in previous:
            return None
        pieces: list[list[_Key]] = []
        node = target
        while node != source:
            node, coords = previous[node]
            pieces.append(coords)
        path: list[_Key] = []
        for coords in reversed(pieces):
            path.extend(coords if not path else coords[1:])
        return LineString(path)
