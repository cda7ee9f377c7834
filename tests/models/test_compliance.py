"""六有 scoring on hand-made evidence: every item met, partly met and not met, in words."""

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.orm import Session

from desktop.models.compliance import Standard, score, station_evidence, street_evidence
from desktop.models.compliance.evidence import (
    CustodianFact,
    Evidence,
    PlanFact,
    TeamFact,
    TrainingFact,
)
from desktop.models.roster import RosterRules, skills_cover
from desktop.models.situation import Readiness, Reason

STANDARD = Standard.load()
TODAY = dt.date(2026, 11, 23)

STATION = Evidence(
    scope="station", name="长安花园驿站", as_of=TODAY, address="长安花园3栋", opening_hours="24h",
    readiness=Readiness("green"), rules_total=4, rules_posted=4,
    custodians=(CustodianFact("property", True, True), CustodianFact("community", True, True)),
    plans=(PlanFact("flood", "防汛处置方案", dt.date(2026, 5, 1), 12),),
    trainings=(TrainingFact("training", "无人机搜救培训", dt.date(2026, 3, 2), 6, 12),
               TrainingFact("drill", "防汛演练", dt.date(2026, 6, 1), 2, 30)),
)
STREET = Evidence(
    scope="street", name="七里河街道", as_of=TODAY, stations_total=8, stations_ready=8,
    rules_total=5, rules_posted=5,
    team=TeamFact(members=95, professional=35, cadres_militia=60, party_members=38, leaders=6,
                  staff=10, skills=skills_cover([["first_aid", "driving"]] * 2
                                                + [["drone", "leakage_detector", "rope_rescue"]],
                                                RosterRules.default()),
                  training_person_hours=95 * 12),
    plans=tuple(PlanFact(k, k, dt.date(2026, 3, 1), 12)
                for k in ("flood", "geological", "fire", "mass_event")),
    trainings=STATION.trainings,
)


def item(evidence, code):
    return next(i for i in score(evidence, STANDARD).items if i.code == code)


def test_the_default_standard_is_the_six_items_in_order():
    assert [i["name"] for i in STANDARD.items] == [
        "有场地设施", "有装备物资", "有工作制度", "有人员队伍", "有应急预案", "有培训演练"]


@pytest.mark.parametrize("evidence", [STATION, STREET], ids=["station", "street"])
def test_a_complete_case_meets_every_item_with_full_score(evidence):
    result = score(evidence, STANDARD)
    assert [i.result for i in result.items] == ["met"] * 6
    assert all(i.shortfall == "" for i in result.items)
    assert result.score == result.full_score == 100


@pytest.mark.parametrize(("changes", "code", "result", "shortfall"), [
    ({"opening_hours": "08:00-20:00"}, "site", "partly", "开放时间 08:00-20:00，要求 24h"),
    ({"address": None}, "site", "not_met", "站点地址未登记"),
    ({"readiness": Readiness("amber", (Reason("x", "2 件灭火器 检查逾期 3 天", "", "amber"),))},
     "equipment", "partly", "2 件灭火器 检查逾期 3 天"),
    ({"readiness": Readiness("red", (Reason("x", "急救箱 在位 0/2", "", "red"),))},
     "equipment", "not_met", "急救箱 在位 0/2"),
    ({"rules_posted": 2}, "rules", "partly", "2 项未上墙"),
    ({"rules_total": 2, "rules_posted": 2}, "rules", "partly", "制度 2 项，少于要求的 3 项"),
    ({"rules_total": 0, "rules_posted": 0}, "rules", "not_met", "工作制度未建立（要求至少 3 项）"),
    ({"custodians": (CustodianFact("community", True, True),)}, "team", "partly",
     "钥匙双保管不全：缺物业公司保管人"),
    ({"custodians": (CustodianFact("property", False, True), CustodianFact("community", True,
                                                                           True))},
     "team", "partly", "物业公司保管人不在当日备勤名单"),
    ({"custodians": (CustodianFact("property", True, True), CustodianFact("community", True,
                                                                          False))},
     "team", "partly", "社区保管人无登记电话"),
    ({"custodians": ()}, "team", "not_met", "未落实钥匙保管人"),
    ({"plans": (PlanFact("flood", "防汛", dt.date(2025, 5, 3), 12),
                PlanFact("fire", "火灾", dt.date(2026, 5, 3), 12),
                PlanFact("fire", "火灾", dt.date(2026, 6, 3), 12))},
     "plans", "partly", "预案 3 份，其中 1 份超过复审期 (2025-05)"),
    ({"plans": ()}, "plans", "not_met", "处置方案 0 份，要求至少 1 份"),
    ({"trainings": STATION.trainings[:1]}, "training", "partly", "演练 0 次，要求至少 1 次"),
    ({"trainings": ()}, "training", "not_met",
     "培训 0 次，要求至少 1 次；演练 0 次，要求至少 1 次"),
])
def test_station_shortfalls_in_words(changes, code, result, shortfall):
    found = item(dataclasses.replace(STATION, **changes), code)
    assert (found.result, found.shortfall) == (result, shortfall)


@pytest.mark.parametrize(("changes", "code", "result", "shortfall"), [
    ({"stations_total": 0, "stations_ready": 0}, "site", "not_met", "无应急服务站"),
    ({"stations_ready": 6}, "equipment", "partly", "2 个站点装备未完全齐备"),
    ({"stations_ready": 0}, "equipment", "not_met", "8 个站点装备未完全齐备"),
    ({"team": dataclasses.replace(STREET.team, members=20)}, "team", "partly",
     "队伍 20 人，少于要求的 30 人"),
    ({"team": None}, "team", "not_met", "队伍 0 人，少于要求的 30 人"),
    ({"team": dataclasses.replace(STREET.team, leaders=0)}, "team", "partly",
     "带班领导 0 人，要求至少 1 人"),
    ({"team": dataclasses.replace(STREET.team, training_person_hours=95 * 4)}, "team", "partly",
     "人均培训 4.0 学时，要求至少 8 学时"),
    ({"team": dataclasses.replace(STREET.team, skills=skills_cover([["first_aid"]],
                                                                    RosterRules.default()))},
     "team", "partly", "技能不足：急救 1/2、无人机搜救 0/1、漏电检测 0/1、绳索救援 0/1、驾驶 0/2"),
    ({"plans": STREET.plans[:2]}, "plans", "partly", "缺少火灾、群体性事件预案"),
    ({"plans": ()}, "plans", "not_met", "缺少防汛、地质灾害、火灾、群体性事件预案"),
])
def test_street_shortfalls_in_words(changes, code, result, shortfall):
    found = item(dataclasses.replace(STREET, **changes), code)
    assert (found.result, found.shortfall) == (result, shortfall)


def test_partly_met_counts_half_the_weight():
    result = score(dataclasses.replace(STATION, rules_posted=2), STANDARD)
    assert result.score == 100 - 15 / 2


def test_another_provinces_wording_is_a_data_change(tmp_path):
    jiangxi = Standard("jx", "江西街道六有", 12, (
        {"code": "org", "name": "有机构", "weight": 50, "rules": [{"rule": "team"}]},
        {"code": "plans", "name": "有预案", "weight": 50, "rules": [{"rule": "plans"}]}))
    result = score(STREET, jiangxi)
    assert [(i.name, i.result) for i in result.items] == [("有机构", "met"), ("有预案", "met")]


def test_demo_street_and_station_are_scored_from_the_replica(demo_template, fixed_now):
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader

    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
        street = score(street_evidence(session, situation, 12), STANDARD)
        pilot = next(s for s in situation.stations if s.name == "长安花园驿站")
        station = score(station_evidence(session, situation, pilot.id, 12), STANDARD)
    engine.dispose()
    assert street.name == "七里河街道" and station.name == "长安花园驿站"
    plans = next(i for i in street.items if i.code == "plans")
    assert plans.result == "partly" and "超过复审期" in plans.shortfall
    team = next(i for i in street.items if i.code == "team")
    assert any(g.code == "no_leader" for g in situation.roster.gaps)  # a leaderless shift …
    assert team.result == "met", team.shortfall  # … ahead is the roster's, not the team's
    assert "应急队伍 95 人：专业救援 35，社区干部和基干民兵 60；党员 38 人（40%）" in (
        team.evidence)
    assert next(i for i in station.items if i.code == "equipment").result == "met"
    assert 0 < street.score < street.full_score
