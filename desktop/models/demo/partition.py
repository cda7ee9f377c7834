"""Blocks grouped into contiguous communities, communities cut into grids along lanes.

Communities are unions of whole blocks grown outward from spread-out seeds,
so they follow the roads. Grids are blocks (small ones merged with a
neighbour) cut by short, slightly bent lanes until each holds a realistic
number of households; the cuts use ``shapely.ops.split``, so the pieces share
their edges exactly and tile the community with no gap or overlap.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import shapely
from shapely import STRtree
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

_MIN_SHARED_EDGE_M = 5.0


@dataclass(frozen=True)
class GridShape:
    geometry: BaseGeometry
    households: int


@dataclass(frozen=True)
class CommunityShape:
    geometry: BaseGeometry
    grids: tuple[GridShape, ...]
    lanes: tuple[BaseGeometry, ...]  # the cuts between its grids, drawn as lanes


@dataclass(frozen=True)
class GridRule:
    target: int  # households a grid is cut towards
    low: int
    high: int


def adjacency(polygons: list[BaseGeometry]) -> list[list[int]]:
    """Neighbours that share an edge (not just a corner)."""
    tree = STRtree(polygons)
    neighbours: list[list[int]] = [[] for _ in polygons]
    for i, polygon in enumerate(polygons):
        for j in sorted(int(k) for k in tree.query(polygon, predicate="intersects")):
            if j <= i:
                continue
            shared = shapely.intersection(polygon.boundary, polygons[j].boundary).length
            if shared >= _MIN_SHARED_EDGE_M:
                neighbours[i].append(j)
                neighbours[j].append(i)
    return neighbours


def group_blocks(
    rnd: random.Random, blocks: list[Polygon], wanted: int, barrier: BaseGeometry | None = None
) -> list[list[int]]:
    """Grow ``wanted`` contiguous groups of blocks of similar area from far-apart seeds,
    crossing arterials and the river only when no group can grow otherwise."""
    areas = [block.area for block in blocks]
    centres = [block.centroid for block in blocks]
    median = sorted(areas)[len(areas) // 2]
    candidates = [i for i, area in enumerate(areas) if area >= 0.5 * median]
    count = max(1, min(wanted, len(candidates) // 2 if len(candidates) >= 4 else 1))
    seeds = [rnd.choice(candidates)]
    while len(seeds) < count:
        seeds.append(
            max(
                (i for i in candidates if i not in seeds),
                key=lambda i: min(centres[i].distance(centres[s]) for s in seeds),
            )
        )
    neighbours = adjacency(list(blocks))
    crossing = {
        (i, j): _crosses(blocks[i], blocks[j], barrier)
        for i in range(len(blocks))
        for j in neighbours[i]
    }
    owner = {seed: group for group, seed in enumerate(seeds)}
    group_area = [areas[seed] for seed in seeds]
    while len(owner) < len(blocks):
        frontiers = []
        for group, seed in enumerate(seeds):
            frontier: dict[int, bool] = {}  # block -> reachable only across a barrier
            for i, g in owner.items():
                if g == group:
                    for j in neighbours[i]:
                        if j not in owner:
                            frontier[j] = frontier.get(j, True) and crossing[(i, j)]
            if frontier:
                easy = sorted(j for j, hard in frontier.items() if not hard)
                frontiers.append(
                    (not easy, group_area[group], group, seed, easy or sorted(frontier))
                )
        if not frontiers:
            raise ValueError("street blocks are not connected")
        _, _, group, seed, frontier_blocks = min(frontiers)
        taken = min(frontier_blocks, key=lambda j: (centres[j].distance(centres[seed]), j))
        owner[taken] = group
        group_area[group] += areas[taken]
    groups: list[list[int]] = [[] for _ in seeds]
    for block in sorted(owner):
        groups[owner[block]].append(block)
    return groups


def _crosses(a: BaseGeometry, b: BaseGeometry, barrier: BaseGeometry | None) -> bool:
    """Whether the edge two cells share runs along a barrier (arterial road, river)."""
    if barrier is None:
        return False
    shared = shapely.intersection(a.boundary, b.boundary)
    return bool(shapely.difference(shared, barrier).length < 0.5 * shared.length)


def _merge_small(
    cells: list[tuple[BaseGeometry, float]], low: int, barrier: BaseGeometry | None
) -> list[tuple[BaseGeometry, float]]:
    """Join cells with too few households to their smallest edge neighbour in the community,
    across a minor road rather than an arterial or the river where there is the choice."""
    while True:
        small = sorted((hh, i) for i, (_, hh) in enumerate(cells) if hh < low)
        if not small:
            return cells
        merged = False
        neighbours = adjacency([geom for geom, _ in cells])
        for _, i in small:
            if neighbours[i]:
                j = min(
                    neighbours[i],
                    key=lambda k: (_crosses(cells[i][0], cells[k][0], barrier), cells[k][1], k),
                )
                union = shapely.union_all([cells[i][0], cells[j][0]])
                joined = (union, cells[i][1] + cells[j][1])
                cells = [cell for k, cell in enumerate(cells) if k not in (i, j)] + [joined]
                merged = True
                break
        if not merged:
            return cells


def _long_axis(polygon: BaseGeometry) -> tuple[float, float]:
    box = shapely.oriented_envelope(polygon)
    (x0, y0), (x1, y1), (x2, y2) = list(box.exterior.coords)[:3]
    first, second = (x1 - x0, y1 - y0), (x2 - x1, y2 - y1)
    dx, dy = first if math.hypot(*first) >= math.hypot(*second) else second
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _cut(
    rnd: random.Random,
    polygon: BaseGeometry,
    fraction: float,
    bend: bool = True,
) -> tuple[BaseGeometry, BaseGeometry, BaseGeometry] | None:
    """Split off ``fraction`` of the area with a lane across the long axis: (piece, rest, lane)."""
    ux, uy = _long_axis(polygon)
    tilt = rnd.uniform(-0.17, 0.17) if bend else 0.0
    vx, vy = -uy * math.cos(tilt) + ux * math.sin(tilt), ux * math.cos(tilt) + uy * math.sin(tilt)
    centre = polygon.centroid
    coords = shapely.get_coordinates(polygon)
    along = [(x - centre.x) * ux + (y - centre.y) * uy for x, y in coords]
    t_min, t_max = min(along), max(along)
    reach = 4.0 * (t_max - t_min) + 4.0 * math.sqrt(polygon.area)
    kink_side = rnd.uniform(-0.25, 0.25) * reach / 4.0 if bend else 0.0
    kink_along = rnd.uniform(-0.05, 0.05) * (t_max - t_min) if bend else 0.0

    def lane(t: float) -> LineString:
        bx, by = centre.x + t * ux, centre.y + t * uy
        return LineString(
            [
                (bx - reach * vx, by - reach * vy),
                (bx + kink_side * vx + kink_along * ux, by + kink_side * vy + kink_along * uy),
                (bx + reach * vx, by + reach * vy),
            ]
        )

    def back_side(line: LineString) -> Polygon:
        (ax, ay), kink, (bx, by) = line.coords
        far = 4.0 * reach
        return Polygon(
            [
                (ax, ay),
                kink,
                (bx, by),
                (bx - far * ux, by - far * uy),
                (ax - far * ux, ay - far * uy),
            ]
        )

    goal = fraction * polygon.area
    low, high = t_min, t_max
    for _ in range(40):
        middle = (low + high) / 2
        if shapely.intersection(polygon, back_side(lane(middle))).area < goal:
            low = middle
        else:
            high = middle
    line = lane((low + high) / 2)
    pieces = list(split(polygon, line).geoms)
    if len(pieces) != 2:
        return None
    half = back_side(line)
    first, second = pieces
    piece, rest = (
        (first, second) if half.contains(first.representative_point()) else (second, first)
    )
    return piece, rest, shapely.intersection(line, polygon)


def cut_into_grids(
    rnd: random.Random,
    polygon: BaseGeometry,
    households: float,
    rule: GridRule,
) -> tuple[list[tuple[BaseGeometry, float]], list[BaseGeometry]]:
    """Cut one cell into ceil(households / target) pieces of about equal area."""
    count = 1 if households <= rule.high else math.ceil(households / rule.target)
    pieces: list[tuple[BaseGeometry, float]] = []
    lanes: list[BaseGeometry] = []
    rest, rest_households = polygon, households
    for remaining in range(count, 1, -1):
        result = _cut(rnd, rest, 1.0 / remaining) or _cut(rnd, rest, 1.0 / remaining, bend=False)
        if result is None:
            break
        piece, rest, lane = result
        share = rest_households * piece.area / (piece.area + rest.area)
        pieces.append((piece, share))
        rest_households -= share
        lanes.append(lane)
    pieces.append((rest, rest_households))
    return pieces, lanes


def community_grids(
    rnd: random.Random,
    blocks: list[BaseGeometry],
    households: list[float],
    rule: GridRule,
    barrier: BaseGeometry | None = None,
) -> CommunityShape:
    """Grids for one community; ``barrier`` (arterials, river, buffered) is crossed last."""
    cells = _merge_small(list(zip(blocks, households, strict=True)), rule.low, barrier)
    grids: list[GridShape] = []
    lanes: list[BaseGeometry] = []
    for geom, cell_households in cells:
        pieces, cuts = cut_into_grids(rnd, geom, cell_households, rule)
        lanes.extend(cuts)
        for piece, share in pieces:
            wobble = share * rnd.uniform(0.94, 1.06)
            grids.append(GridShape(piece, round(min(rule.high, max(rule.low, wobble)))))
    grids.sort(key=lambda g: (-round(g.geometry.centroid.y / 300.0), g.geometry.centroid.x))
    return CommunityShape(shapely.union_all(blocks), tuple(grids), tuple(lanes))
