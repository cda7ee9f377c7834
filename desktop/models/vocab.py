"""Controlled vocabularies shared by the schema, the demo, importers and views.

Codes are stored in the replica; the Chinese and English labels are what
people read. Province-specific *rules* (deadlines, 六有 wording) are
configuration elsewhere; these lists are national standards.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    code: str
    zh: str
    en: str


# Incident lifecycle, one list everywhere (DOMAIN "Defaults").
LIFECYCLE: tuple[Term, ...] = (
    Term("received", "接报", "Received"),
    Term("verified", "核实", "Verified"),
    Term("first_report", "初报", "First report"),
    Term("dispatched", "派遣", "Dispatched"),
    Term("arrived", "到场", "On scene"),
    Term("handling", "处置", "Handling"),
    Term("follow_up", "续报", "Follow-up report"),
    Term("final_report", "终报", "Final report"),
    Term("closed", "办结", "Closed"),
)
STAGE = {t.code: t for t in LIFECYCLE}
OPEN_STAGES = tuple(t.code for t in LIFECYCLE if t.code != "closed")

# GB/T 35561-2017 top classes.
INCIDENT_CLASSES: tuple[Term, ...] = (
    Term("natural_disaster", "自然灾害", "Natural disaster"),
    Term("accident", "事故灾难", "Accident"),
    Term("public_health", "公共卫生事件", "Public health"),
    Term("social_security", "社会安全事件", "Social security"),
)
INCIDENT_CLASS = {t.code: t for t in INCIDENT_CLASSES}

# GB/T 35649-2017 symbol codes used by the demo and the map legend.
SYMBOL_CODES: dict[str, Term] = {
    "A10100": Term("A10100", "水旱灾害", "Flood and drought"),
    "A20600": Term("A20600", "火灾", "Fire"),
    "A20100": Term("A20100", "交通事故", "Traffic accident"),
    "A20400": Term("A20400", "燃气事故", "Gas accident"),
    "D20400": Term("D20400", "救援队", "Rescue team"),
    "D30100": Term("D30100", "物资储备库", "Supply depot"),
    "D60100": Term("D60100", "避难场所", "Shelter"),
}

# Severity 1..4.
SEVERITIES: tuple[Term, ...] = (
    Term("1", "特别重大 I", "Extremely serious I"),
    Term("2", "重大 II", "Serious II"),
    Term("3", "较大 III", "Major III"),
    Term("4", "一般 IV", "General IV"),
)

WARNING_LEVELS: tuple[Term, ...] = (
    Term("blue", "蓝色", "Blue"),
    Term("yellow", "黄色", "Yellow"),
    Term("orange", "橙色", "Orange"),
    Term("red", "红色", "Red"),
)
WARNING_KINDS: tuple[Term, ...] = (
    Term("rainstorm", "暴雨", "Rainstorm"),
    Term("flood", "洪水", "Flood"),
    Term("wind", "大风", "Gale"),
    Term("heat", "高温", "Heat"),
    Term("cold", "寒潮", "Cold wave"),
    Term("thunder", "雷电", "Thunderstorm"),
)

PERSON_ROLES: tuple[Term, ...] = (
    Term("professional_rescuer", "专业救援队员", "Professional rescuer"),
    Term("community_cadre", "社区干部", "Community cadre"),
    Term("militia", "基干民兵", "Militia"),
    Term("duty_leader", "带班领导", "Duty leader"),
    Term("duty_officer", "值班员", "Duty officer"),
    Term("grid_worker", "网格员", "Grid worker"),
    Term("volunteer", "志愿者", "Volunteer"),
)

STATION_KINDS: tuple[Term, ...] = (
    Term("service_station", "应急服务站", "Emergency service station"),
    Term("micro_fire_station", "微型消防站", "Micro fire station"),
    Term("sand_depot", "沙场联合共建点", "Sand depot"),
)
