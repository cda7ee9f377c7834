"""No full name, 11-digit phone or 18-character ID number in what the page is given.

Even when a sensitive layer arrives with unmasked values (a key the queries do not
mask yet) and its style lists them for the tooltip. test_map_live.py reads the
page itself for the same.
"""

from __future__ import annotations

import dataclasses
import re

from desktop.models.situation import MapFeature, MapLayer, Situation
from desktop.views.map import map_payload as mp
from desktop.views.map import map_privacy
from desktop.views.map.preview import sample_situation

FULL_NAMES = ("张峰龙", "李秀英", "欧阳小明")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def sensitive_situation() -> Situation:
    """A sample street plus a sensitive layer whose rows carry raw personal data."""
    people = MapLayer(
        key="key_people", name_zh="重点人群", name_en="Key people", geometry_kind="point",
        style={"color": "#ff80ab", "tooltip_fields": [
            "name", "contact_person", "phone", "guardian_phone", "id_number", "address",
            "notes", "health"]},
        sensitive=True, symbol_code=None, visible_by_default=True,
        features=(
            MapFeature(id=7001, code="420606199001011234", name="张峰龙", properties={
                "name": "张峰龙", "contact_person": "李秀英", "phone": "13812345678",
                "guardian_phone": "139-1234-5678", "id_number": "42060619900101123X",
                "address": "七里河社区锦绣雅居6栋",
                "notes": "家属电话 15912345678，身份证 420606199001011234",
                "health": "精神障碍"},
                geometry={"type": "Point", "coordinates": [112.13, 32.06]}),
            MapFeature(id=7002, code="P-2", name="欧阳小明", properties={"name": "欧阳小明"},
                       geometry={"type": "Point", "coordinates": [112.131, 32.061]}),
        ),
    )
    situation = sample_situation()
    return dataclasses.replace(situation, layers=(*situation.layers, people))


def leaks(text: str) -> list[str]:
    found = [name for name in FULL_NAMES if name in text]
    found += PHONE.findall(text) + ID_NUMBER.findall(text)
    return found


def test_the_payload_holds_no_unmasked_personal_data():
    payload = mp.build_payload(sensitive_situation())
    text = mp.to_json(payload)
    assert leaks(text) == []
    layer = next(layer for layer in payload["layers"] if layer["key"] == "layer:key_people")
    tip = layer["features"][0]["tip"]
    rows = dict(tip["rows"])
    assert tip["title"] == "张*龙"
    assert rows["contact_person"] == "李*英"
    assert rows["phone"] == "138****5678" and rows["guardian_phone"] == "139****5678"
    assert rows["id_number"] == "420606********123X"
    assert rows["address"] == "七里河社区锦绣雅居6栋"  # down to the building
    assert "health" not in rows and "notes" not in rows  # withheld: not on the allowlist
    assert layer["features"][1]["tip"]["title"] == "欧**明"


def test_masked_values_stay_as_the_models_masked_them():
    assert map_privacy.mask_name_once("张*") == "张*"
    assert map_privacy.shown_fields({"phone": "138****1234", "name": "张*三", "age": 70,
                                     "risk": "独居"}, ["phone", "name", "age", "risk"]) == [
        ("phone", "138****1234"), ("name", "张*三"), ("age", "70")]
    assert map_privacy.mask_numbers("电话13812345678") == "电话138****5678"
    assert map_privacy.mask_numbers("编号 2024001") == "编号 2024001"


def test_non_sensitive_layers_are_left_as_they_are():
    situation = sample_situation()
    payload = mp.build_payload(situation)
    hydrants = next(layer for layer in payload["layers"] if layer["key"] == "layer:hydrant")
    assert hydrants["features"][0]["tip"]["title"] == situation.layers[0].features[0].name
