"""Responders on the map: each dispatched team between its station and the incident.

A team is drawn from 派遣 (dispatched) to 到场 (arrived), moving along the
straight line from its station to the place at a constant pace: at a moment t
its position is the interpolation between the two, on the situation's local
projection (``coverage.projection_for``; the replica holds no road network, so
no rescue-route following). When the arrival is not known yet (live), the
position is estimated at a set speed (``DEFAULT_SPEED_KMH``, on foot with kit)
and marked as an estimate; it stops at the place. The dispatches are the
after-action report's (``after_action.dispatch_reader``): one reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models.after_action import Dispatch
from desktop.models.coverage import LocalProjection

DEFAULT_SPEED_KMH = 15.0


@dataclass(frozen=True)
class Responder:
    incident_id: int
    station: str
    lon: float
    lat: float
    from_lon: float
    from_lat: float
    to_lon: float
    to_lat: float
    share: float  # of the way from the station to the place
    estimated: bool  # True: the arrival is not known, the position is at the set speed


def responder_at(dispatch: Dispatch, at: dt.datetime, projection: LocalProjection,
                 speed_kmh: float = DEFAULT_SPEED_KMH) -> Responder | None:
    """Where the team of ``dispatch`` is at ``at``; None before 派遣, from 到场 on, or when
    the station or the place is not on the map."""
    station, place = dispatch.station, dispatch.place
    if station is None or place is None or at < dispatch.dispatched_at:
        return None
    if dispatch.arrived_at is not None:
        if at >= dispatch.arrived_at:
            return None
        span = (dispatch.arrived_at - dispatch.dispatched_at).total_seconds()
        share = (at - dispatch.dispatched_at).total_seconds() / span if span > 0 else 1.0
        estimated = False
    else:
        length = dispatch.straight_m or 0.0
        covered = speed_kmh / 3.6 * (at - dispatch.dispatched_at).total_seconds()
        share = min(1.0, covered / length) if length > 0 else 1.0
        estimated = True
    xs, ys = projection.forward([station.lon, place[0]], [station.lat, place[1]])
    x = float(xs[0] + (xs[1] - xs[0]) * share)
    y = float(ys[0] + (ys[1] - ys[0]) * share)
    lons, lats = projection.inverse([x], [y])
    return Responder(dispatch.incident_id, station.name, float(lons[0]), float(lats[0]),
                     station.lon, station.lat, place[0], place[1], share, estimated)


def responders_at(dispatches: Iterable[Dispatch], at: dt.datetime, projection: LocalProjection,
                  speed_kmh: float = DEFAULT_SPEED_KMH) -> tuple[Responder, ...]:
    """Every team on its way at ``at``."""
    found = (responder_at(d, at, projection, speed_kmh) for d in dispatches)
    return tuple(r for r in found if r is not None)
