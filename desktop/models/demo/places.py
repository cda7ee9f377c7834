"""Point layers about places: flood-control points, hydrants, shelters, key and business premises.

Hydrants stand along the roads at a regular spacing; flood-control points
follow the river and the low junctions; the rest sit in the grids.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import shapely

from desktop.models.demo.context import Street
from desktop.models.demo.features import FeatureWriter, road_lines

_Spot = tuple[str, float, float]


@dataclass
class Landmarks:
    flood_points: list[_Spot] = field(default_factory=list)
    shelters: list[_Spot] = field(default_factory=list)
    schools: list[_Spot] = field(default_factory=list)
    care_homes: list[_Spot] = field(default_factory=list)


def _short(street: Street, grid_community: int) -> str:
    return street.communities[grid_community].name.removesuffix("社区")


def add_hydrants(writer: FeatureWriter, spacing_m: float) -> None:
    rnd, today = writer.rnd, writer.build.today
    for _, road_class, line in road_lines(writer.street):
        steps = int(line.length // spacing_m)
        for step in range(steps):
            along = (step + rnd.uniform(0.3, 0.7)) * spacing_m
            anchor = shapely.line_interpolate_point(line, along)
            ahead = shapely.line_interpolate_point(line, min(line.length, along + 1.0))
            dx, dy = ahead.x - anchor.x, ahead.y - anchor.y
            norm = math.hypot(dx, dy) or 1.0
            side = (rnd.choice((-1, 1)) * rnd.uniform(6.0, 10.0)) / norm
            x, y = anchor.x - dy * side, anchor.y + dx * side
            writer.point(
                "fire_hydrants",
                f"消防栓{writer.count('fire_hydrants') + 1:03d}",
                x,
                y,
                {
                    "type": "地上式" if road_class != "lane" else "地下式",
                    "diameter_mm": 150 if road_class == "arterial" else 100,
                    "pressure_mpa": round(rnd.uniform(0.22, 0.45), 2),
                    "status": "正常" if rnd.random() > 0.05 else "待维修",
                    "last_checked": (today - dt.timedelta(days=rnd.randint(3, 150))).isoformat(),
                },
            )


def add_flood_points(writer: FeatureWriter, landmarks: Landmarks) -> None:
    street, rnd = writer.street, writer.rnd
    river = street.plan.river
    if river is not None and not river.is_empty:
        count = max(2, int(river.length // 450))
        for index in range(count):
            anchor = shapely.line_interpolate_point(river, (index + 0.5) / count, normalized=True)
            x, y = anchor.x + rnd.uniform(-25, 25), anchor.y + rnd.uniform(-25, 25)
            grid = street.grid_at(x, y)
            name = f"{street.plan.river_name}{grid.compound if grid else ''}段"
            if grid is None or any(name == known for known, _, _ in landmarks.flood_points):
                continue
            if writer.point(
                "flood_points",
                name,
                x,
                y,
                {
                    "kind": "河道险段",
                    "risk": rnd.choice(("高", "中")),
                    "pumps": 0,
                    "sandbags": rnd.choice((200, 300, 500)),
                    "responsible_unit": _short(street, grid.community) + "社区",
                },
            ):
                landmarks.flood_points.append((name, x, y))
    for kind, label, pumps in (
        ("地下车库", "地下车库", 2),
        ("低洼易涝点", "低洼处", 1),
        ("下穿通道", "下穿通道", 3),
        ("地下车库", "地下车库", 2),
        ("低洼易涝点", "低洼处", 1),
        ("低洼易涝点", "老街低洼处", 1),
    ):
        x, y, grid = street.random_point(rnd)
        name = f"{grid.compound}{label}"
        if any(name == known for known, _, _ in landmarks.flood_points):
            continue
        if writer.point(
            "flood_points",
            name,
            x,
            y,
            {
                "kind": kind,
                "risk": rnd.choice(("高", "中", "低")),
                "pumps": pumps,
                "sandbags": rnd.choice((100, 200)),
                "responsible_unit": _short(street, grid.community) + "社区",
            },
        ):
            landmarks.flood_points.append((name, x, y))


def add_premises(writer: FeatureWriter, landmarks: Landmarks, businesses: int) -> None:
    street, rnd, names = writer.street, writer.rnd, writer.build.data.names
    schools = list(names["schools"])
    plan = [
        ("school", 3),
        ("hospital", 1),
        ("market", 2),
        ("nursing_home", 2),
        ("gas_station", 2),
        ("lpg_station", 1),
        ("mall", 1),
        ("factory", 2),
    ]
    kinds = dict(names["key_place_kinds"])
    for code, count in plan:
        for _ in range(count):
            x, y, grid = street.random_point(rnd, margin=20.0)
            short = _short(street, grid.community)
            name = {
                "school": f"{short}{schools.pop(0) if schools else '学校'}",
                "hospital": f"{short}社区卫生服务中心",
                "nursing_home": f"{short}颐养院",
            }.get(code, f"{grid.compound}{kinds[code]}")
            people = {
                "school": rnd.randint(600, 1800),
                "hospital": rnd.randint(80, 200),
                "nursing_home": rnd.randint(40, 160),
            }.get(code, rnd.randint(20, 400))
            writer.point(
                "key_premises", name, x, y, {"type": code, "type_zh": kinds[code], "people": people}
            )
            if code == "school":
                landmarks.schools.append((name, x, y))
            if code == "nursing_home":
                landmarks.care_homes.append((name, x, y))
    for label, kind, capacity in (
        ("公园", "公园", (3000, 8000)),
        ("文化广场", "广场", (1500, 4000)),
        ("学校操场", "学校操场", (1000, 2500)),
        ("体育公园", "公园", (2000, 6000)),
        ("社区广场", "广场", (600, 1500)),
    ):
        x, y, grid = street.random_point(rnd, margin=20.0)
        name = f"{_short(street, grid.community)}{label}避难场所"
        persons = rnd.randint(*capacity)
        writer.point(
            "shelters",
            name,
            x,
            y,
            {
                "type": kind,
                "capacity_persons": persons,
                "area_m2": persons * 2,
                "level": "紧急避难场所",
            },
        )
        landmarks.shelters.append((name, x, y))
    for _ in range(businesses):
        x, y, grid = street.random_point(rnd)
        category, noun = rnd.choice(names["shop_kinds"])
        writer.point(
            "business_premises",
            f"{rnd.choice(names['surnames'])[0]}记{noun}",
            x,
            y,
            {
                "category": category,
                "area_m2": rnd.randint(20, 400),
                "fire_check": "合格" if rnd.random() > 0.1 else "限期整改",
                "address": f"{grid.compound}临街{rnd.randint(1, 40)}号",
            },
        )
