"""A busy wall for tests and screenshots: the demo street with N open incidents, 4 of
them III (较大) or above, placed at the grids' label points (inside the street)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.models.situation import IncidentStatus, Situation

TITLES = ("丽景路低洼路段积水严重车辆涉水", "居民楼三层厨房起火冒烟", "老旧小区燃气管道泄漏",
          "自建房外墙瓷砖脱落砸中车辆", "河道护栏断裂行人有落水风险", "地下车库进水需要排涝",
          "电动自行车充电处起火", "老人独居家中摔倒无法起身", "大风吹倒广告牌压住电线",
          "工地围挡倒塌占用人行道", "商铺卷帘门被撞变形", "小区电梯困人两名",
          "排水井盖缺失存在安全隐患", "树木倒伏阻断道路通行", "学校门口交通事故一人受伤",
          "加工作坊违规存放易燃物", "菜市场人员聚集发生纠纷", "路灯线路漏电", "暴雨导致围墙开裂",
          "公交站台玻璃破碎")
PLACES = ("丽景路183号附近", "长安花园3栋", "团山社区老旧小区", "米庄路自建房片区",
          "七里河桥东侧", "红光雅居地下车库", "新华社区12栋", "东津社区7栋",
          "高新区长虹北路", "七里河大道工地")
SEVERITIES = (2, 3, 3, 3)  # the four of III or above; the rest are IV (一般)
STAGES = ("received", "verified", "first_report", "dispatched", "arrived", "handling")


def with_incidents(situation: Situation, count: int, *, severe: int = 4) -> Situation:
    """``situation`` with ``count`` open incidents instead of its own."""
    at = situation.at
    places = [g.label_at for g in situation.grids if g.label_at is not None]
    incidents = []
    for i in range(count):
        lat, lon = places[(i * 7) % len(places)]
        severity = SEVERITIES[i] if i < min(severe, len(SEVERITIES)) else 4
        recorded = at - dt.timedelta(minutes=3 + 11 * i)
        incidents.append(IncidentStatus(
            id=900_000 + i, code=f"WALL-{i:03d}", title=TITLES[i % len(TITLES)],
            class_code="accident", type_code=None, severity=severity,
            status=STAGES[i % len(STAGES)], place=PLACES[i % len(PLACES)], lon=lon, lat=lat,
            grid_code=None, exercise=False, occurred_at=recorded, recorded_at=recorded,
            last_event_at=recorded))
    return dataclasses.replace(situation, incidents=tuple(incidents))


def demo_situation(replica: str, at: dt.datetime) -> Situation:
    from desktop.models.queries import situation_now
    from desktop.models.replica import reading

    with reading(replica) as session:
        return situation_now(session, at)
