"""Street → communities → grids as admin_unit rows, from a street plan.

Codes follow GB/T 2260 + street (3) + community (3) + grid sequence (3).
Households are spread by area with a density that varies by community.
"""

from __future__ import annotations

import random

import shapely

from desktop.models.demo.context import Build, Community, Grid, Street
from desktop.models.demo.partition import GridRule, community_grids, group_blocks
from desktop.models.demo.people import add_grid_worker
from desktop.models.demo.projection import geojson
from desktop.models.schema import AdminUnit


def _compound_names(
    build: Build, rnd: random.Random, count: int, reserved: str | None
) -> list[str]:
    names = build.data.names
    pool = [a + b for a in names["compound_first"] for b in names["compound_last"]]
    pool = [name for name in pool if name != reserved]
    return rnd.sample(pool, count)


def lay_out(build: Build, street: Street, community_names: list[str], households: int) -> None:
    """Group blocks into communities, cut them into grids, and queue the admin_unit rows."""
    rnd = street.rnd(build, "admin")
    plan = street.plan
    geometry = build.data.scenario["geometry"]
    low, high = geometry["grid_households"]
    rule = GridRule(geometry["grid_target_households"], low, high)
    blocks = list(plan.blocks)
    density = households / plan.boundary.area
    major = [road.line for road in plan.roads if road.road_class == "arterial"]
    if plan.river is not None:
        major.append(plan.river)
    barrier = shapely.union_all(major).buffer(1.0) if major else None
    groups = group_blocks(rnd, blocks, len(community_names), barrier)
    groups.sort(key=lambda g: -shapely.union_all([blocks[i] for i in g]).centroid.y)
    shapes = []
    for group in groups:
        factor = rnd.uniform(0.8, 1.2)
        shapes.append(
            community_grids(
                rnd,
                [blocks[i] for i in group],
                [blocks[i].area * density * factor for i in group],
                rule,
                barrier,
            )
        )
    pilot_compound = street.pilot_compound
    compounds = _compound_names(build, rnd, sum(len(s.grids) for s in shapes), pilot_compound)
    frame = build.frame
    street_households = sum(grid.households for shape in shapes for grid in shape.grids)
    street.id = build.rows.add(
        AdminUnit,
        code=street.code,
        name=street.name,
        level="street",
        parent_id=None,
        geometry=geojson(frame.to_lonlat(plan.boundary)),
        households=street_households,
        grid_worker_id=None,
    )
    for number, (shape, name) in enumerate(zip(shapes, community_names, strict=False), start=1):
        code = f"{street.code}{number:03d}"
        community = Community(
            id=build.rows.add(
                AdminUnit,
                code=code,
                name=name,
                level="community",
                parent_id=street.id,
                geometry=geojson(frame.to_lonlat(shape.geometry)),
                households=sum(grid.households for grid in shape.grids),
                grid_worker_id=None,
            ),
            code=code,
            name=name,
            metric=shape.geometry,
            lanes=list(shape.lanes),
        )
        street.communities.append(community)
        for sequence, grid_shape in enumerate(shape.grids, start=1):
            worker = add_grid_worker(build, street, rnd)
            grid_code = f"{code}{sequence:03d}"
            grid_name = f"{name}第{sequence}网格"
            grid_id = build.rows.add(
                AdminUnit,
                code=grid_code,
                name=grid_name,
                level="grid",
                parent_id=community.id,
                geometry=geojson(frame.to_lonlat(grid_shape.geometry)),
                households=grid_shape.households,
                grid_worker_id=worker,
            )
            community.grids.append(len(street.grids))
            street.grids.append(
                Grid(
                    id=grid_id,
                    code=grid_code,
                    name=grid_name,
                    community=len(street.communities) - 1,
                    metric=grid_shape.geometry,
                    households=grid_shape.households,
                    compound=compounds[len(street.grids)],
                    worker_id=worker,
                )
            )
    if pilot_compound is not None:
        first = street.communities[0]
        centre = first.metric.centroid
        nearest = min(first.grids, key=lambda g: street.grids[g].metric.centroid.distance(centre))
        street.grids[nearest].compound = pilot_compound
