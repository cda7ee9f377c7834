"""Scoring a station or the street against a 六有 standard (data), with the shortfall in words.

Each rule in the standard names one check below; a check reads the Evidence
and its parameters and says met / partly / not met, with the evidence it saw
and what is missing. An item takes its worst check's result (an inspector
does not average away a missing team); its score is weight × 1, ½ or 0.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal

from desktop.models.compliance.evidence import Evidence

Result = Literal["met", "partly", "not_met"]
_VALUE: dict[Result, float] = {"met": 1.0, "partly": 0.5, "not_met": 0.0}
PLAN_KINDS = {"flood": "防汛", "geological": "地质灾害", "fire": "火灾", "mass_event": "群体性事件"}


@dataclass(frozen=True)
class Check:
    result: Result
    evidence: str
    shortfall: str = ""


@dataclass(frozen=True)
class ItemResult:
    code: str
    name: str
    weight: float
    result: Result
    evidence: str
    shortfall: str

    @property
    def score(self) -> float:
        return self.weight * _VALUE[self.result]


@dataclass(frozen=True)
class Compliance:
    standard: str
    scope: str
    name: str
    as_of: dt.date
    items: tuple[ItemResult, ...]

    @property
    def score(self) -> float:
        return sum(item.score for item in self.items)

    @property
    def full_score(self) -> float:
        return sum(item.weight for item in self.items)


Params = Mapping[str, Any]


def _site(e: Evidence, p: Params) -> Check:
    if e.scope == "street":
        return Check("met" if e.stations_total else "not_met",
                     f"应急服务站 {e.stations_total} 个",
                     "" if e.stations_total else "无应急服务站")
    if not e.address:
        return Check("not_met", "无站点地址", "站点地址未登记")
    hours = e.opening_hours or "未登记"
    if hours != p.get("hours", "24h"):
        return Check("partly", f"地址：{e.address}；开放时间：{hours}",
                     f"开放时间 {hours}，要求 {p.get('hours', '24h')}")
    return Check("met", f"地址：{e.address}；24小时开放")


def _equipment(e: Evidence, p: Params) -> Check:
    if e.scope == "street":
        not_ready = e.stations_total - e.stations_ready
        if e.stations_total == 0:
            return Check("not_met", "无站点装备", "无应急服务站")
        if not_ready == 0:
            return Check("met", f"站点 {e.stations_total} 个，装备全部就绪")
        result: Result = "not_met" if e.stations_ready == 0 else "partly"
        return Check(result, f"站点 {e.stations_total} 个，就绪 {e.stations_ready} 个",
                     f"{not_ready} 个站点装备未完全就绪")
    readiness = e.readiness
    if readiness is None:
        return Check("not_met", "无装备记录", "装备未登记")
    reasons = "；".join(r.zh for r in readiness.reasons)
    if readiness.level == "green":
        return Check("met", "装备齐全，检查按期")
    return Check("partly" if readiness.level == "amber" else "not_met",
                 "装备部分就绪" if readiness.level == "amber" else "装备未就绪", reasons)


def _work_rules(e: Evidence, p: Params) -> Check:
    need = int(p.get("street_min" if e.scope == "street" else "station_min", 1))
    evidence = f"制度 {e.rules_total} 项，上墙 {e.rules_posted} 项"
    if e.rules_total == 0:
        return Check("not_met", "无工作制度", f"工作制度未建立（要求至少 {need} 项）")
    gaps = []
    if e.rules_total < need:
        gaps.append(f"制度 {e.rules_total} 项，少于要求的 {need} 项")
    if e.rules_posted < e.rules_total:
        gaps.append(f"{e.rules_total - e.rules_posted} 项未上墙")
    return Check("partly" if gaps else "met", evidence, "；".join(gaps))


def _team(e: Evidence, p: Params) -> Check:
    if e.scope == "street":
        need = int(p.get("street_min", 30))
        evidence = f"应急队伍 {e.team_members} 人"
        if e.team_members >= need:
            return Check("met", evidence)
        return Check("partly" if e.team_members else "not_met", evidence,
                     f"队伍 {e.team_members} 人，少于要求的 {need} 人")
    need = int(p.get("station_custodians", 2))
    evidence = f"钥匙保管人 {e.custodians} 人，当前可联系 {e.custodians_reachable} 人"
    if e.custodians >= need and e.custodians_reachable:
        return Check("met", evidence)
    if e.custodians == 0:
        return Check("not_met", evidence, "未落实钥匙保管人")
    gaps = []
    if e.custodians < need:
        gaps.append(f"钥匙双保管不全（{e.custodians}/{need}）")
    if not e.custodians_reachable:
        gaps.append("钥匙保管人当前均不可联系")
    return Check("partly", evidence, "；".join(gaps))


def _roster(e: Evidence, p: Params) -> Check:
    if e.scope == "station":
        return Check("met", "排班由街道统一安排")
    if not e.roster_gaps:
        return Check("met", "未来72小时排班完整")
    return Check("partly", f"排班缺口 {len(e.roster_gaps)} 处", "；".join(e.roster_gaps))


def _review_due(plan_day: dt.date, months: int) -> dt.date:
    index = plan_day.year * 12 + plan_day.month - 1 + months
    return plan_day.replace(year=index // 12, month=index % 12 + 1, day=min(plan_day.day, 28))


def _plans(e: Evidence, p: Params) -> Check:
    overdue = [plan for plan in e.plans
               if _review_due(plan.approved_on, plan.review_months) < e.as_of]
    evidence = f"预案 {len(e.plans)} 份"
    gaps = []
    if e.scope == "street":
        have = {plan.kind for plan in e.plans}
        missing = [PLAN_KINDS.get(k, k) for k in p.get("street_kinds", []) if k not in have]
        if missing:
            gaps.append("缺少" + "、".join(missing) + "预案")
    elif len(e.plans) < int(p.get("station_min", 1)):
        gaps.append(f"处置方案 {len(e.plans)} 份，要求至少 {p.get('station_min', 1)} 份")
    if overdue:
        months = "、".join(f"{plan.approved_on:%Y-%m}" for plan in overdue)
        gaps.append(f"预案 {len(e.plans)} 份，其中 {len(overdue)} 份超过复审期 ({months})")
    if not e.plans:
        return Check("not_met", "无应急预案", "；".join(gaps) or "无应急预案")
    return Check("partly" if gaps else "met", evidence, "；".join(gaps))


def _training(e: Evidence, p: Params) -> Check:
    trainings = [t for t in e.trainings if t.kind == "training"]
    drills = [t for t in e.trainings if t.kind == "drill"]
    hours = sum(t.hours for t in trainings)
    evidence = f"培训 {len(trainings)} 次（{hours:g} 学时），演练 {len(drills)} 次"
    need_training = int(p.get("min_trainings", 1))
    need_drills = int(p.get("min_drills", 1))
    gaps = []
    if len(trainings) < need_training:
        gaps.append(f"培训 {len(trainings)} 次，要求至少 {need_training} 次")
    if len(drills) < need_drills:
        gaps.append(f"演练 {len(drills)} 次，要求至少 {need_drills} 次")
    if not trainings and not drills:
        return Check("not_met", "期内无培训和演练", "；".join(gaps))
    return Check("partly" if gaps else "met", evidence, "；".join(gaps))


CHECKS: dict[str, Callable[[Evidence, Params], Check]] = {
    "site": _site, "equipment": _equipment, "work_rules": _work_rules, "team": _team,
    "roster": _roster, "plans": _plans, "training": _training,
}


@dataclass(frozen=True)
class Standard:
    key: str
    name: str
    period_months: int
    items: tuple[dict[str, Any], ...]

    @staticmethod
    def load(name: str = "liuyou.json") -> Standard:
        data = json.loads((files("desktop.resources") / "standards" / name).read_text("utf-8"))
        for item in data["items"]:
            for rule in item["rules"]:
                if rule["rule"] not in CHECKS:
                    raise ValueError(f"{name}: unknown rule {rule['rule']!r} in {item['code']}")
        return Standard(data["key"], data["name"], int(data["period_months"]),
                        tuple(data["items"]))


def score(evidence: Evidence, standard: Standard) -> Compliance:
    items = []
    for item in standard.items:
        checks = [CHECKS[rule["rule"]](evidence, rule) for rule in item["rules"]]
        result: Result = min((check.result for check in checks), key=_VALUE.__getitem__)
        items.append(ItemResult(
            code=item["code"], name=item["name"], weight=float(item["weight"]), result=result,
            evidence="；".join(c.evidence for c in checks if c.evidence),
            shortfall="；".join(c.shortfall for c in checks if c.shortfall),
        ))
    return Compliance(standard.name, evidence.scope, evidence.name, evidence.as_of, tuple(items))
