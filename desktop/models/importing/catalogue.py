"""The equipment catalogue an empty replica gets before its first station or ledger import.

Equipment categories, kinds and kit standards are national/provincial
configuration shipped in ``resources/standards/equipment.json`` (the same file
the demo uses), not street data: a street's ledgers name kinds from it. A
replica that already has a catalogue is left exactly as it is.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.models.schema import EquipmentCategory, EquipmentKind, KitRequirement, KitStandard

_KIND_COLUMNS = ("inspection_interval_days", "shelf_life_days", "first_service_years",
                 "service_interval_years", "scrap_years")


def _standard_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (files("desktop.resources") / "standards" / "equipment.json").read_text(encoding="utf-8"))
    return data


def ensure_catalogue(session: Session) -> bool:
    """Install the default catalogue when the replica has none; True if it did."""
    if session.scalar(select(func.count()).select_from(EquipmentKind)):
        return False
    data = _standard_file()
    kind_ids: dict[str, int] = {}
    next_kind = 1
    for category_id, category in enumerate(data["categories"], start=1):
        session.execute(insert(EquipmentCategory), [{
            "id": category_id, "code": category["code"], "name_zh": category["name_zh"],
            "name_en": category["name_en"]}])
        rows = []
        for kind in category["kinds"]:
            kind_ids[kind["code"]] = next_kind
            rows.append({
                "id": next_kind, "code": kind["code"], "category_id": category_id,
                "name_zh": kind["name_zh"], "name_en": kind["name_en"],
                "tracking": kind["tracking"], "professional": category["professional"],
                **{column: kind.get(column) for column in _KIND_COLUMNS}})
            next_kind += 1
        session.execute(insert(EquipmentKind), rows)
    existing = set(session.scalars(select(KitStandard.key)))
    for standard in data["standards"]:
        if standard["key"] in existing:
            continue
        session.execute(insert(KitStandard), [{"key": standard["key"], "name": standard["name"]}])
        session.execute(insert(KitRequirement), [
            {"standard_key": standard["key"], "kind_id": kind_ids[code],
             "required_quantity": quantity}
            for code, quantity in standard["requirements"].items()])
    return True
