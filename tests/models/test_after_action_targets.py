"""After-action targets by who was sent: volunteers at the door in 3 minutes, a service
station's 500 m circle (a place 490 m away is inside, 510 m outside), the sand depot's own
20 minutes; first report by the severity's deadline. Distances on the situation's projection."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.after_action import (
    ARRIVE,
    StationRef,
    arrival_rules,
    default_targets,
    dispatches_of,
    measure_incident,
    report_target,
)
from desktop.models.coverage import LocalProjection
from desktop.models.timeline import TimelineEvent, TimelineIncident

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


@pytest.mark.parametrize(("metres", "inside"), [(490, True), (510, False)])
def test_a_place_490_m_away_is_inside_the_500_m_circle_and_510_m_outside(metres, inside):
    sent = dispatch(STATION, 2.5, metres)
    assert sent.straight_m == pytest.approx(metres, abs=0.01)
    assert sent.inside is inside
    assert sent.road_m is None  # the replica holds no road network


def test_volunteers_at_the_door_are_held_to_3_minutes():
    assert (dispatch(STATION, 2.9).target_minutes, dispatch(STATION, 2.9).verdict) == (3, "met")
    late = dispatch(STATION, 3 + 2 / 60)
    assert (late.target_minutes, late.target_zh, late.verdict) == (3, "志愿者到门", "missed")


def test_the_sand_depot_is_held_to_its_own_20_minutes_not_3():
    sent = dispatch(DEPOT, 3 + 2 / 60, metres=933)
    assert (sent.target_minutes, sent.target_zh, sent.verdict) == (20, "沙场响应圈", "met")
    assert sent.inside is True  # 933 m inside its 8 km circle
    assert dispatch(DEPOT, 20.5).verdict == "missed"


def test_a_micro_fire_station_uses_its_own_response_minutes():
    assert dispatch(FIRE, 2.5).target_minutes == 3.0


def test_the_arrival_measure_takes_the_dispatched_stations_target():
    sent = (dispatch(DEPOT, 3 + 2 / 60),)
    metrics = measure_incident(incident(3 + 2 / 60), default_targets(), sent,
                               report_target(4))
    arrive = next(m for m in metrics.measures if m.target.key == ARRIVE)
    assert (arrive.target.minutes, arrive.verdict) == (20, "met")


@pytest.mark.parametrize(("severity", "minutes"), [(1, 30), (2, 30), (3, 60), (4, 360)])
def test_the_first_report_deadline_is_the_severitys(severity, minutes):
    target = report_target(severity)
    assert target is not None and (target.end_stage, target.minutes) == ("first_report",
                                                                           minutes)
    metrics = measure_incident(incident(2, severity), default_targets(), (), target)
    report = metrics.measures[-1]
    assert report.minutes == 20 and report.verdict == ("met" if minutes >= 20 else "missed")
