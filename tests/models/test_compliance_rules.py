"""The 六有 rules a district inspector checks: dual custody by party, the sand depot by its
own standard, team strength not the roster, kit out on a call counted as present."""

import dataclasses
import datetime as dt

from desktop.models.compliance import Standard, score
from desktop.models.compliance.evidence import (
    CustodianFact,
    DepotFact,
    Evidence,
    kit_readiness,
    scored_at,
)
from desktop.models.facts import ItemHistory, StationBase
from desktop.models.readiness import ItemFacts, KindFacts, StationFacts
from desktop.models.situation import Readiness, StationStatus

STANDARD = Standard.load()
DAY = dt.date(2026, 11, 23)
BOTH = (CustodianFact("property", True, True), CustodianFact("community", True, True))
STATION = Evidence(scope="station", name="站", as_of=DAY, address="地址", opening_hours="24h",
                   readiness=Readiness("green"), custodians=BOTH, kit_standard="4 类 8 种")
DEPOT = dataclasses.replace(STATION, kind="sand_depot", readiness=None, kit_standard=None,
                            depot=DepotFact(4, 700.0, 20.0))


def item(evidence, code):
    return next(i for i in score(evidence, STANDARD).items if i.code == code)


def test_two_keys_held_by_the_property_company_are_not_dual_custody():
    both_property = (CustodianFact("property", True, True), CustodianFact("property", True, True))
    found = item(dataclasses.replace(STATION, custodians=both_property), "team")
    assert (found.result, found.shortfall) == ("partly", "钥匙双保管不全：缺社区保管人")


def test_dual_custody_of_both_parties_each_reachable_is_met():
    found = item(STATION, "team")
    assert found.result == "met"
    assert "物业公司（可联系）、社区（可联系）" in found.evidence


def test_a_holder_off_the_days_readiness_list_is_not_reachable():
    off = (CustodianFact("property", True, True), CustodianFact("community", False, True))
    found = item(dataclasses.replace(STATION, custodians=off), "team")
    assert (found.result, found.shortfall) == ("partly", "社区保管人不在当日备勤名单")


def test_the_sand_depot_meets_its_own_standard_trucks_tonnes_minutes():
    found = item(DEPOT, "equipment")
    assert found.result == "met"
    assert found.evidence == ("沙场标准：运砂车 4 辆（≥ 4），储备 700 吨（≥ 700），"
                              "响应圈 20 分钟（≤ 20）")


def test_the_sand_depot_short_of_trucks_tonnes_or_minutes_says_which():
    found = item(dataclasses.replace(DEPOT, depot=DepotFact(3, 500.0, 25.0)), "equipment")
    assert found.result == "partly"
    assert found.shortfall == ("运砂车 3 辆，要求至少 4 辆；储备 500 吨，要求至少 700 吨；"
                               "响应圈 25 分钟，要求不超过 20 分钟")


def test_a_depot_without_figures_is_not_met_rather_than_equipped():
    found = item(dataclasses.replace(DEPOT, depot=None), "equipment")
    assert (found.result, found.shortfall) == ("not_met", "沙场运砂车、储备未登记")


def test_the_kit_standard_in_use_is_named():
    assert item(STATION, "equipment").evidence.startswith("标准：4 类 8 种；")
    assert score(STATION, STANDARD).kit_standard == "4 类 8 种"


def test_the_team_item_has_no_roster_rule():
    rules = {r["rule"] for i in STANDARD.items for r in i["rules"]}
    assert "roster" not in rules


# ------------------------------------------------------------ kit out on a call

KIND = KindFacts(1, "破拆工具组", "breaching kit", 1, None, None, None, None)
NOW = scored_at(DAY)


def _base(*items: ItemHistory) -> StationBase:
    status = StationStatus(1, "S1", "站", "service_station", 112.1, 32.0, 500, None, None,
                           Readiness("green"), 1, 1)
    return StationBase(status, StationFacts([KIND], [], []), items)


def _item(**changes) -> ItemHistory:
    facts = ItemFacts(1, 1, "in_service", None, None, None, None)
    return ItemHistory(dataclasses.replace(facts, **changes), None)


def test_kit_out_on_a_call_counts_as_present():
    out = _item(status="dispatched")
    readiness, on_call = kit_readiness(_base(out), NOW)
    assert (readiness.level, on_call) == ("green", 1)


def test_kit_out_and_back_score_the_same():
    out_at = NOW - dt.timedelta(hours=3)
    still_out = dataclasses.replace(_item(), loans=((out_at, None),))
    returned = dataclasses.replace(_item(), loans=((out_at, NOW - dt.timedelta(hours=1)),))
    assert kit_readiness(_base(still_out), NOW)[0] == kit_readiness(_base(returned), NOW)[0]


def test_expired_kit_on_a_call_is_not_present():
    expired = _item(status="dispatched", expires_on=DAY - dt.timedelta(days=1))
    readiness, _ = kit_readiness(_base(expired), NOW)
    assert readiness.level == "red"
    assert "破拆工具组 在位 0/1" in {r.zh for r in readiness.reasons}


def test_a_faulty_item_is_missing_not_present():
    readiness, _ = kit_readiness(_base(_item(status="faulty")), NOW)
    assert readiness.level == "red"


def test_sheets_are_scored_at_the_days_close_and_agree_with_each_other(demo_template,
                                                                      fixed_now):
    """The street's 有装备物资 counts the stations their own sheets find equipped, and a run
    at another minute of the same day gives the same sheets."""
    from desktop.models import clock
    from desktop.models.compliance.sheets import collect_sheets

    with clock.using(lambda: fixed_now):
        street = collect_sheets(str(demo_template), fixed_now, stations="street")
        stations = collect_sheets(str(demo_template), fixed_now, stations="all")
        later = collect_sheets(str(demo_template), fixed_now + dt.timedelta(hours=5),
                               stations="all")
    equipped = sum(1 for result, _map in stations.sheets
                   for i in result.items if i.code == "equipment" and i.result == "met")
    (street_result, _), = street.sheets
    equipment = next(i for i in street_result.items if i.code == "equipment")
    assert f"装备齐备 {equipped} 个" in equipment.evidence
    assert [r for r, _m in later.sheets] == [r for r, _m in stations.sheets]
    depot = next(r for r, _m in stations.sheets if r.name == "七里河沙场联合共建点")
    assert next(i for i in depot.items if i.code == "equipment").evidence.startswith("沙场标准")
    depot_map = next(m for r, m in stations.sheets if r.name == "七里河沙场联合共建点")
    assert depot_map is not None and depot_map.response_minutes == 20
