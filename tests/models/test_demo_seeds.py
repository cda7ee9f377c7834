"""Geometry invariants hold for any seed, not just the one the main suite looks at."""

from __future__ import annotations

import math
import random

import pytest
import shapely

from desktop.models.demo.geometry import PlanSpec, plan_street
from desktop.models.demo.partition import GridRule, community_grids, group_blocks

RULE = GridRule(target=330, low=160, high=400)


def _check_tiling(parent: shapely.Geometry, children: list[shapely.Geometry]) -> None:
    assert parent.is_valid and all(child.is_valid for child in children)
    assert shapely.union_all(children).symmetric_difference(parent).area < 1.0  # m²
    assert sum(child.area for child in children) == pytest.approx(parent.area, rel=1e-9)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("radius", [1100.0, 1650.0])
def test_any_street_plan_tiles_into_communities_and_grids(seed: int, radius: float) -> None:
    rnd = random.Random(seed)
    spec = PlanSpec(
        (0.0, 0.0),
        radius,
        (rnd.uniform(0.85, 1.2), rnd.uniform(0.85, 1.2)),
        rnd.uniform(-20, 20),
        720.0,
        ("A路", "B路"),
        tuple(f"路{i}" for i in range(20)),
        "河",
    )
    plan = plan_street(rnd, spec)
    _check_tiling(plan.boundary, list(plan.blocks))
    groups = group_blocks(rnd, list(plan.blocks), 7)
    assert 2 <= len(groups) <= 7
    density = 16800 / (math.pi * 1650**2 * 1.04)
    shapes = []
    for group in groups:
        blocks = [plan.blocks[i] for i in group]
        community = community_grids(rnd, blocks, [b.area * density for b in blocks], RULE)
        assert community.geometry.geom_type == "Polygon"
        _check_tiling(community.geometry, [g.geometry for g in community.grids])
        assert all(RULE.low <= g.households <= RULE.high for g in community.grids)
        shapes.append(community.geometry)
    _check_tiling(plan.boundary, shapes)
