"""Responders on the map: a dispatched team between its station and the incident."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.after_action import Dispatch, StationRef
from desktop.models.coverage import LocalProjection
from desktop.models.responders import DEFAULT_SPEED_KMH, responder_at, responders_at

SENT = dt.datetime(2026, 11, 18, 6, 46, 48, tzinfo=dt.UTC)
STATION = StationRef(3, "ST-3", "米庄应急服务站", "service", 112.1200, 32.0100, 500.0, None)
PLACE = (112.1262, 32.0141)
PROJECTION = LocalProjection(112.12, 32.01)


def _dispatch(arrived: dt.datetime | None) -> Dispatch:
    straight = PROJECTION.distance_m(STATION.lon, STATION.lat, *PLACE)
    return Dispatch(41, STATION, SENT, SENT, arrived, arrived, 3.0, "", "", straight,
                    place=PLACE)


@pytest.mark.parametrize("share", [0.0, 0.1, 0.37, 0.5, 0.93])
def test_the_position_at_a_replayed_moment_is_the_interpolation_between_dispatch_and_arrival(
        share):
    arrived = SENT + dt.timedelta(minutes=4, seconds=10)
    at = SENT + (arrived - SENT) * share
    dispatch = _dispatch(arrived)
    team = responder_at(dispatch, at, PROJECTION)
    assert team is not None and not team.estimated and team.station == "米庄应急服务站"
    assert team.share == pytest.approx(share)
    total = dispatch.straight_m
    from_station = PROJECTION.distance_m(STATION.lon, STATION.lat, team.lon, team.lat)
    to_place = PROJECTION.distance_m(team.lon, team.lat, *PLACE)
    assert from_station == pytest.approx(share * total, abs=0.01)  # on the straight line,
    assert to_place == pytest.approx((1 - share) * total, abs=0.01)  # at its share of it
    xs, ys = PROJECTION.forward([STATION.lon, PLACE[0]], [STATION.lat, PLACE[1]])
    x, y = PROJECTION.forward([team.lon], [team.lat])
    assert float(x[0]) == pytest.approx(xs[0] + share * (xs[1] - xs[0]), abs=1e-6)
    assert float(y[0]) == pytest.approx(ys[0] + share * (ys[1] - ys[0]), abs=1e-6)


def test_no_team_before_dispatch_nor_from_arrival_on():
    arrived = SENT + dt.timedelta(minutes=4)
    dispatch = _dispatch(arrived)
    assert responder_at(dispatch, SENT - dt.timedelta(seconds=1), PROJECTION) is None
    assert responder_at(dispatch, arrived, PROJECTION) is None
    assert responders_at([dispatch, _dispatch(None)], arrived, PROJECTION)[0].estimated


def test_live_before_arrival_the_position_is_estimated_at_the_set_speed():
    dispatch = _dispatch(None)
    minute = responder_at(dispatch, SENT + dt.timedelta(minutes=1), PROJECTION)
    assert minute is not None and minute.estimated
    covered = PROJECTION.distance_m(STATION.lon, STATION.lat, minute.lon, minute.lat)
    assert DEFAULT_SPEED_KMH == 15.0
    assert covered == pytest.approx(15_000 / 60, abs=0.01)  # 15 km/h: 250 m a minute
    slow = responder_at(dispatch, SENT + dt.timedelta(minutes=1), PROJECTION, speed_kmh=6)
    assert slow is not None and slow.share == pytest.approx(100 / dispatch.straight_m)
    later = responder_at(dispatch, SENT + dt.timedelta(hours=1), PROJECTION)
    assert later is not None and later.share == 1.0  # waits at the place, still an estimate
    assert (later.lon, later.lat) == pytest.approx(PLACE)
