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
    period_start: dt.date | None = None
    kit_standard: str | None = None  # the kit standard in use, e.g. "4 类 8 种"
    remarks: tuple[str, ...] = ()

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


PARTY_WORD = {"property": "物业公司", "community": "社区"}


def _equipment(e: Evidence, p: Params) -> Check:
    if e.scope == "street":
        not_ready = e.stations_total - e.stations_ready
        named = f"（装备标准：{e.kit_standard}）" if e.kit_standard else ""
        if e.stations_total == 0:
            return Check("not_met", "无站点装备", "无应急服务站")
        if not_ready == 0:
            return Check("met", f"站点 {e.stations_total} 个，装备全部齐备{named}")
        result: Result = "not_met" if e.stations_ready == 0 else "partly"
        return Check(result, f"站点 {e.stations_total} 个，装备齐备 {e.stations_ready} 个{named}",
                     f"{not_ready} 个站点装备未完全齐备")
    if e.kind == "sand_depot":
        return _depot(e, p.get("sand_depot", {}))
    readiness = e.readiness
    if readiness is None:
        return Check("not_met", "无装备记录", "装备未登记")
    named = f"标准：{e.kit_standard}；" if e.kit_standard else ""
    on_call = ""  # kit on a call is present: said in the remarks, the table does not change
    reasons = "；".join(r.zh for r in readiness.reasons)
    if readiness.level == "green":
        return Check("met", f"{named}装备齐全，检查按期{on_call}")
    return Check("partly" if readiness.level == "amber" else "not_met",
                 f"{named}" + ("装备部分齐备" if readiness.level == "amber" else "装备不齐")
                 + on_call, reasons)


def _depot(e: Evidence, p: Params) -> Check:
    """The sand depot by its own standard: trucks, reserve and its response circle in minutes."""
    depot = e.depot
    trucks_need = int(p.get("min_trucks", 4))
    tonnes_need = float(p.get("min_reserve_tonnes", 700))
    minutes_max = float(p.get("max_response_minutes", 20))
    if depot is None:
        return Check("not_met", "沙场标准：运砂车、储备、响应圈", "沙场运砂车、储备未登记")
    trucks = "未登记" if depot.trucks is None else f"{depot.trucks} 辆"
    tonnes = "未登记" if depot.reserve_tonnes is None else f"{depot.reserve_tonnes:g} 吨"
    minutes = ("未登记" if depot.response_minutes is None
               else f"{depot.response_minutes:g} 分钟")
    evidence = (f"沙场标准：运砂车 {trucks}（≥ {trucks_need}），储备 {tonnes}"
                f"（≥ {tonnes_need:g}），响应圈 {minutes}（≤ {minutes_max:g}）")
    gaps = []
    if depot.trucks is None or depot.trucks < trucks_need:
        gaps.append(f"运砂车 {trucks}，要求至少 {trucks_need} 辆")
    if depot.reserve_tonnes is None or depot.reserve_tonnes < tonnes_need:
        gaps.append(f"储备 {tonnes}，要求至少 {tonnes_need:g} 吨")
    if depot.response_minutes is None or depot.response_minutes > minutes_max:
        gaps.append(f"响应圈 {minutes}，要求不超过 {minutes_max:g} 分钟")
    if not gaps:
        return Check("met", evidence)
    nothing = depot.trucks in (None, 0) and not depot.reserve_tonnes
    return Check("not_met" if nothing else "partly", evidence, "；".join(gaps))


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
        return _team_strength(e, p)
    return _custody(e, p)


def _team_strength(e: Evidence, p: Params) -> Check:
    """The team against the standard: numbers, leaders, skills, training hours (no roster)."""
    team = e.team
    need = int(p.get("street_min", 30))
    if team is None or team.members == 0:
        return Check("not_met", "应急队伍 0 人", f"队伍 0 人，少于要求的 {need} 人")
    evidence = (f"应急队伍 {team.members} 人：专业救援 {team.professional}，社区干部和基干民兵 "
                f"{team.cadres_militia}；党员 {team.party_members} 人（{team.party_share:.0%}）；"
                f"带班领导 {team.leaders}，值班员 {team.staff}；"
                f"人均培训 {team.hours_per_member:.1f} 学时")
    gaps = []
    if team.members < need:
        gaps.append(f"队伍 {team.members} 人，少于要求的 {need} 人")
    leaders, staff = int(p.get("min_leaders", 1)), int(p.get("min_staff", 2))
    if team.leaders < leaders:
        gaps.append(f"带班领导 {team.leaders} 人，要求至少 {leaders} 人")
    if team.staff < staff:
        gaps.append(f"值班员 {team.staff} 人，要求至少 {staff} 人")
    short = [f"{c.skill.zh} {c.have}/{c.skill.need}" for c in team.skills if c.short]
    if short:
        gaps.append("技能不足：" + "、".join(short))
    hours = float(p.get("min_hours_per_member", 0))
    if team.hours_per_member < hours:
        gaps.append(f"人均培训 {team.hours_per_member:.1f} 学时，要求至少 {hours:g} 学时")
    return Check("partly" if gaps else "met", evidence, "；".join(gaps))


def _custody(e: Evidence, p: Params) -> Check:
    """Key dual custody: a holder of each party, each on the as-of day's readiness list with
    a phone on record."""
    parties = [str(x) for x in p.get("custody_parties", ["property", "community"])]
    held = [c for c in e.custodians if c.party in parties]
    words = "、".join(f"{PARTY_WORD.get(c.party, c.party)}"
                     f"{'（可联系）' if c.reachable else '（不可联系）'}" for c in held)
    evidence = (f"钥匙保管人 {len(e.custodians)} 人" + (f"：{words}" if words else "")
                + "（按当日备勤名单及登记电话）")
    if not held:
        return Check("not_met", evidence, "未落实钥匙保管人")
    gaps = []
    for party in parties:
        mine = [c for c in held if c.party == party]
        word = PARTY_WORD.get(party, party)
        if not mine:
            gaps.append(f"钥匙双保管不全：缺{word}保管人")
        elif not any(c.reachable for c in mine):
            why = ("无登记电话" if all(c.on_list for c in mine)
                   else "不在当日备勤名单" if all(c.has_phone for c in mine)
                   else "不在当日备勤名单或无登记电话")
            gaps.append(f"{word}保管人{why}")
    return Check("partly" if gaps else "met", evidence, "；".join(gaps))


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
    attended = sum(t.attendance for t in trainings)
    drilled = sum(t.attendance for t in drills)
    evidence = (f"培训 {len(trainings)} 次（{hours:g} 学时，参训 {attended} 人次），"
                f"演练 {len(drills)} 次（参演 {drilled} 人次）")
    if e.team is not None and e.team.members:
        evidence += f"；人均培训 {e.team.hours_per_member:.1f} 学时"
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
    "plans": _plans, "training": _training,
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
    return Compliance(standard.name, evidence.scope, evidence.name, evidence.as_of, tuple(items),
                      evidence.period_start, evidence.kit_standard, evidence.remarks)
