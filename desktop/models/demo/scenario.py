"""The demo's data files, loaded once: standards, scenario, names, layers, incident scripts.

Everything a user could want to change (figures, names, handover times)
lives in JSON under ``resources/``; the generator only knows how to use it.
The TypedDicts describe those files for the type checker.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, TypedDict
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# ---------------------------------------------------------------- equipment standards


class KindData(TypedDict, total=False):
    code: str
    name_zh: str
    name_en: str
    tracking: str
    inspection_interval_days: int | None
    shelf_life_days: int | None
    first_service_years: float | None
    service_interval_years: float | None
    scrap_years: float | None


class CategoryData(TypedDict):
    code: str
    name_zh: str
    name_en: str
    professional: bool
    kinds: list[KindData]


class StandardData(TypedDict):
    key: str
    name: str
    default: bool
    requirements: dict[str, int]


class EquipmentData(TypedDict):
    categories: list[CategoryData]
    standards: list[StandardData]


# ---------------------------------------------------------------- scenario


class StationData(TypedDict, total=False):
    name: str
    kind: str
    community: int
    standard: str | None
    pilot: bool
    opening_hours: str
    edge: bool
    properties: dict[str, Any]


class HomeStreetData(TypedDict):
    name: str
    street_code: str
    center: list[float]
    radius_m: float
    stretch: list[float]
    rotation_deg: float
    households: int
    river: str
    arterials: list[str]
    communities: list[str]
    pilot_compound: str
    stations: list[StationData]
    open_incidents: int
    history_incidents: int


class ScenarioData(TypedDict):
    district: dict[str, str]
    timezone: str
    utc_offset_hours: int
    home_street: HomeStreetData
    synthetic: dict[str, Any]
    geometry: dict[str, Any]
    stations: dict[str, Any]
    team: dict[str, Any]
    shifts: dict[str, Any]
    inspection: dict[str, Any]
    warnings: dict[str, Any]
    evidence: dict[str, Any]


class LayerData(TypedDict):
    key: str
    name_zh: str
    name_en: str
    geometry_kind: str
    style: dict[str, Any]
    sensitive: bool
    symbol_code: str | None
    sort_order: int
    visible_by_default: bool


class IncidentTypeData(TypedDict, total=False):
    key: str
    cls: str
    type_code: str | None
    weight: int
    titles: list[str]
    title: str
    place: str
    follow_ups: list[int]
    handling_min: list[int]
    measure: str
    equipment: str
    casualties: str


@dataclass(frozen=True)
class DemoData:
    """All demo inputs, parsed."""

    equipment: EquipmentData
    scenario: ScenarioData
    names: dict[str, Any]
    layers: list[LayerData]
    incidents: dict[str, Any]
    tz: dt.tzinfo

    def incident_types(self) -> list[IncidentTypeData]:
        return [_incident_type(raw) for raw in self.incidents["types"]]

    def severe_type(self) -> IncidentTypeData:
        return _incident_type(self.incidents["severe"])

    def kind(self, code: str) -> KindData:
        for category in self.equipment["categories"]:
            for kind in category["kinds"]:
                if kind["code"] == code:
                    return kind
        raise KeyError(code)


def _incident_type(raw: dict[str, Any]) -> IncidentTypeData:
    data: IncidentTypeData = {key: value for key, value in raw.items() if key != "class"}  # type: ignore[assignment]
    data["cls"] = raw["class"]
    return data


def _read(*parts: str) -> Any:
    node = files("desktop.resources")
    for part in parts:
        node = node / part
    return json.loads(node.read_text(encoding="utf-8"))


def _zone(scenario: ScenarioData) -> dt.tzinfo:
    """The duty room's zone; a fixed offset where the OS has no tz database (frozen builds)."""
    try:
        return ZoneInfo(scenario["timezone"])
    except ZoneInfoNotFoundError:
        return dt.timezone(dt.timedelta(hours=scenario["utc_offset_hours"]))


def _check(data: DemoData) -> None:
    """Fail early, in words, on data files that cannot produce a sane street."""
    team = data.scenario["team"]
    members = team["professional_rescuers"] + team["community_cadres"] + team["militia"]
    if team["party_members"] > members:
        raise ValueError("scenario.json: more party members than team members")
    codes = [k["code"] for c in data.equipment["categories"] for k in c["kinds"]]
    if len(set(codes)) != len(codes):
        raise ValueError("equipment.json: duplicate kind codes")
    for standard in data.equipment["standards"]:
        unknown = [code for code in standard["requirements"] if code not in codes]
        if unknown:
            raise ValueError(
                f"equipment.json: standard {standard['key']} names unknown kinds {unknown}"
            )
    if sum(1 for s in data.equipment["standards"] if s["default"]) != 1:
        raise ValueError("equipment.json: exactly one standard must be the default")


@cache
def load() -> DemoData:
    scenario: ScenarioData = _read("demo", "scenario.json")
    data = DemoData(
        equipment=_read("standards", "equipment.json"),
        scenario=scenario,
        names=_read("demo", "names.json"),
        layers=_read("demo", "layers.json")["layers"],
        incidents=_read("demo", "incidents.json"),
        tz=_zone(scenario),
    )
    _check(data)
    return data
