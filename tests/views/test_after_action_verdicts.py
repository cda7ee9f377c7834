"""The exact words of each after-action verdict on the page (Chinese, as printed)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.after_action import StationRef, arrival_rules, dispatches_of
from desktop.models.coverage import LocalProjection
from desktop.models.timeline import TimelineEvent, TimelineIncident
from desktop.views.after_action_pdf import AfterActionPdf

pytestmark = pytest.mark.gui

T0 = dt.datetime(2026, 11, 18, 6, 40, tzinfo=dt.UTC)
LON, LAT = 112.15, 32.08
PROJECTION = LocalProjection(LON, LAT)
STATION = StationRef(1, "S01", "长安花园驿站", "service_station", LON, LAT, 500.0, None)
DEPOT = StationRef(8, "S08", "七里河沙场联合共建点", "sand_depot", LON, LAT, 8000.0, 20.0)
FIRE = StationRef(7, "S07", "微型消防站", "micro_fire_station", LON, LAT, 500.0, 3.0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def north_of_station(metres: float) -> tuple[float, float]:
    lon, lat = PROJECTION.inverse([0.0], [metres])
    return float(lon[0]), float(lat[0])


def incident(arrive_after: float, severity: int = 4) -> TimelineIncident:
    events = (TimelineEvent(1, "received", None, at(0), at(0)),
              TimelineEvent(2, "first_report", None, at(20), at(20)),
              TimelineEvent(3, "dispatched", None, at(5), at(5), station="站"),
              TimelineEvent(4, "arrived", None, at(5 + arrive_after), at(5 + arrive_after)))
    return TimelineIncident(1, "DR-01", "（演练）", "accident", severity, "某地", None, True, 1,
                            at(0), at(0), tuple(sorted(events, key=lambda e: e.occurred_at)))


def dispatch(station: StationRef, arrive_after: float, metres: float = 100.0):
    (sent,) = dispatches_of(incident(arrive_after), {3: station.id, 4: station.id},
                            {station.id: station}, north_of_station(metres),
                            PROJECTION.distance_m, 3.0, arrival_rules())
    return sent




@pytest.fixture
def page(qapp, chinese, demo_template):
    from desktop.models.after_action import after_action
    from desktop.models.replay.source import replay_drill, with_replica

    replay = with_replica(str(demo_template), lambda s: replay_drill(s, 1))
    return AfterActionPdf(after_action(replay), "zh_CN")


@pytest.mark.parametrize(("station", "after", "metres", "circle", "verdict"), [
    (STATION, 2 + 50 / 60, 490, "490 米，在 500 米服务圈内",
     "2分50秒 到场，目标 ≤ 3 分钟（志愿者到门）：✓ 达标"),
    (STATION, 3 + 2 / 60, 510, "510 米，在 500 米服务圈外",
     "3分02秒 到场，目标 ≤ 3 分钟（志愿者到门）：✗ 超时（+0分02秒）"),
    (DEPOT, 3 + 2 / 60, 933, "933 米，在 20 分钟响应圈内（8.0 公里）",
     "3分02秒 到场，目标 ≤ 20 分钟（沙场响应圈）：✓ 达标"),
    (DEPOT, 21, 8100, "8100 米，在 20 分钟响应圈外（8.0 公里）",
     "21分00秒 到场，目标 ≤ 20 分钟（沙场响应圈）：✗ 超时（+1分00秒）"),
])
def test_verdict_texts(page, station, after, metres, circle, verdict):
    sent = dispatch(station, after, metres)
    assert page.circle_words(sent) == circle
    assert page.arrival_verdict(sent) == verdict
    assert page.road_words(sent) == "沿路距离：未计算（副本无路网）"
