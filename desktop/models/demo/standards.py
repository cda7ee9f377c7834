"""Equipment categories, kinds and kit standards, from resources/standards/equipment.json."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.demo.context import Build
from desktop.models.demo.scenario import KindData
from desktop.models.schema import (
    EquipmentCategory,
    EquipmentKind,
    KitRequirement,
    KitStandard,
)


@dataclass(frozen=True)
class Standards:
    kind_ids: dict[str, int]
    kinds: dict[str, KindData]
    requirements: dict[str, dict[str, int]]  # standard key -> kind code -> quantity
    default_key: str


def add_standards(build: Build) -> Standards:
    rows = build.rows
    equipment = build.data.equipment
    kind_ids: dict[str, int] = {}
    kinds: dict[str, KindData] = {}
    for category in equipment["categories"]:
        category_id = rows.add(
            EquipmentCategory,
            code=category["code"],
            name_zh=category["name_zh"],
            name_en=category["name_en"],
        )
        for kind in category["kinds"]:
            kinds[kind["code"]] = kind
            kind_ids[kind["code"]] = rows.add(
                EquipmentKind,
                code=kind["code"],
                category_id=category_id,
                name_zh=kind["name_zh"],
                name_en=kind["name_en"],
                tracking=kind["tracking"],
                inspection_interval_days=kind.get("inspection_interval_days"),
                shelf_life_days=kind.get("shelf_life_days"),
                first_service_years=kind.get("first_service_years"),
                service_interval_years=kind.get("service_interval_years"),
                scrap_years=kind.get("scrap_years"),
                professional=category["professional"],
            )
    requirements: dict[str, dict[str, int]] = {}
    default_key = ""
    for standard in equipment["standards"]:
        rows.add(KitStandard, key=standard["key"], name=standard["name"])
        requirements[standard["key"]] = dict(standard["requirements"])
        if standard["default"]:
            default_key = standard["key"]
        for code, quantity in standard["requirements"].items():
            rows.add(
                KitRequirement,
                standard_key=standard["key"],
                kind_id=kind_ids[code],
                required_quantity=quantity,
            )
    return Standards(kind_ids, kinds, requirements, default_key)
