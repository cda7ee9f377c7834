"""Words staff write for coded values, mapped to the replica's codes.

Each table accepts the code itself, the Chinese and English labels from
``desktop.models.vocab`` and the common variants seen in real ledgers
(值班领导 for 带班领导, 在用 for in service, Ⅳ级 for severity 4 …). Lookups
ignore case, spaces, brackets and a trailing 级.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.models.vocab import (
    INCIDENT_CLASSES,
    LIFECYCLE,
    PERSON_ROLES,
    SEVERITIES,
    STATION_KINDS,
    Term,
)


def fold(text: str) -> str:
    """Normal form for comparing words: NFKC, lower case, no spaces/brackets/punctuation."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s_\-()（）\[\]【】:：*＊.。/、]+", "", text)


def _table(terms: Iterable[Term], extra: dict[str, str] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for term in terms:
        for word in (term.code, term.zh, term.en):
            table[fold(word)] = term.code
    for word, code in (extra or {}).items():
        table[fold(word)] = code
    return table


ROLE = _table(PERSON_ROLES, {
    "专业救援": "professional_rescuer", "救援队员": "professional_rescuer",
    "应急队员": "professional_rescuer", "社区干部": "community_cadre", "干部": "community_cadre",
    "民兵": "militia", "值班领导": "duty_leader", "带班": "duty_leader",
    "值班人员": "duty_officer", "网格长": "grid_worker", "志愿者": "volunteer",
    "党员志愿者": "volunteer",
})
STATION_KIND = _table(STATION_KINDS, {
    "服务站": "service_station", "驿站": "service_station", "红色驿站": "service_station",
    "微站": "micro_fire_station", "沙场": "sand_depot",
})
INCIDENT_CLASS = _table(INCIDENT_CLASSES, {
    "自然灾害类": "natural_disaster", "事故灾难类": "accident", "公共卫生": "public_health",
    "公共卫生事件类": "public_health", "社会安全": "social_security",
})
STAGE = _table(LIFECYCLE, {"接警": "received", "办结归档": "closed", "结案": "closed"})
EQUIPMENT_STATUS = {fold(k): v for k, v in {
    "in_service": "in_service", "在用": "in_service", "在位": "in_service",
    "正常": "in_service", "in service": "in_service",
    "dispatched": "dispatched", "调出": "dispatched", "已派出": "dispatched", "出库": "dispatched",
    "faulty": "faulty", "故障": "faulty", "损坏": "faulty", "待修": "faulty",
    "scrapped": "scrapped", "报废": "scrapped", "已报废": "scrapped",
}.items()}
EQUIPMENT_STATUS_LABEL = {"in_service": "在用", "dispatched": "调出", "faulty": "故障",
                          "scrapped": "报废"}
SHIFT_KIND = {fold(k): v for k, v in {
    "duty": "duty", "值班": "duty", "值班室": "duty", "readiness": "readiness",
    "备勤": "readiness", "24小时备勤": "readiness", "战备": "readiness",
}.items()}
SHIFT_KIND_LABEL = {"duty": "值班", "readiness": "备勤"}
ASSIGNMENT_ROLE = {fold(k): v for k, v in {
    "leader": "leader", "带班领导": "leader", "值班领导": "leader", "带班": "leader",
    "officer": "officer", "值班员": "officer", "值班人员": "officer",
    "member": "member", "队员": "member", "成员": "member", "备勤队员": "member",
}.items()}
ASSIGNMENT_ROLE_LABEL = {"leader": "带班领导", "officer": "值班员", "member": "队员"}
HOLDER = {fold(k): v for k, v in {"property": "property", "物业": "property",
                                   "community": "community", "社区": "community"}.items()}
TEAM_KIND = {fold(k): v for k, v in {
    "professional": "professional", "专业救援队": "professional", "专业": "professional",
    "cadre_militia": "cadre_militia", "社区干部与基干民兵": "cadre_militia",
    "民兵": "cadre_militia", "volunteer": "volunteer", "志愿者": "volunteer",
    "志愿服务队": "volunteer", "duty": "duty", "值班": "duty", "值班室": "duty",
}.items()}
TEAM_KIND_LABEL = {"professional": "专业救援队", "cadre_militia": "社区干部与基干民兵",
                   "volunteer": "志愿者", "duty": "值班室"}
LEVEL = {fold(k): v for k, v in {
    "street": "street", "街道": "street", "community": "community", "社区": "community",
    "grid": "grid", "网格": "grid",
}.items()}
LEVEL_LABEL = {"street": "街道", "community": "社区", "grid": "网格"}

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SEVERITY_WORDS = {"特别重大": 1, "重大": 2, "较大": 3, "一般": 4,
                   "extremelyserious": 1, "serious": 2, "major": 3, "general": 4}


def severity(text: str) -> int | None:
    """1-4 from '1', 'IV', 'Ⅳ级', '一般', '一般（IV级）', '较大 III' …; None if not one."""
    word = fold(text).removesuffix("级")
    if word in {"1", "2", "3", "4"}:
        return int(word)
    found = {code for name, code in _SEVERITY_WORDS.items() if word.startswith(name)}
    roman = re.sub(r"[^ivx]", "", word.replace("级", ""))
    tail = word
    for name in sorted(_SEVERITY_WORDS, key=len, reverse=True):
        if word.startswith(name):
            tail = word[len(name):].removesuffix("级")
            break
    else:
        tail = ""
    if tail:
        roman = re.sub(r"[^ivx1-4]", "", tail)
        found.add(int(roman) if roman.isdigit() else _ROMAN.get(roman, 0))
    elif not found and roman and roman == word:
        found.add(_ROMAN.get(roman, 0))
    return found.pop() if len(found) == 1 and 0 not in found else None


SEVERITY_LABEL = {int(term.code): term.zh for term in SEVERITIES}
ROLE_LABEL = {term.code: term.zh for term in PERSON_ROLES}
STATION_KIND_LABEL = {term.code: term.zh for term in STATION_KINDS}
CLASS_LABEL = {term.code: term.zh for term in INCIDENT_CLASSES}
STAGE_LABEL = {term.code: term.zh for term in LIFECYCLE}
