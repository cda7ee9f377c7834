"""Coverage and distances in metres: ready stations' circles, the gaps they leave, the nearest one.

pyproj (a dev dependency) is the independent reference: its geodesic places the
test points and checks our distances, its PROJ transverse Mercator checks ours.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pyproj
import pytest

from desktop.models import coverage
from desktop.models.situation import Area, Readiness, Situation, StationStatus
from desktop.views.map.preview import sample_situation

GEOD = pyproj.Geod(ellps="GRS80")
AT = (112.1589, 32.0899)  # a station of the demo street


def _station(station_id: int, lon: float, lat: float, *, level: str = "green",
             kind: str = "service_station", radius: float = 500.0) -> StationStatus:
    return StationStatus(
        id=station_id, code=f"S{station_id}", name=f"站{station_id}", kind=kind, lon=lon, lat=lat,
        service_radius_m=radius, response_minutes=3.0, community=None,
        readiness=Readiness(level),  # type: ignore[arg-type]
        kinds_required=8, kinds_complete=8)


def _square(area_id: int, lon: float, lat: float, side_m: float) -> Area:
    """A square area of ``side_m`` centred at (lon, lat), corners placed geodesically."""
    half = side_m / 2 * math.sqrt(2)
    corners = [GEOD.fwd(lon, lat, azimuth, half)[:2] for azimuth in (45, 135, 225, 315)]
    ring = [[round(x, 9), round(y, 9)] for x, y in [*corners, corners[0]]]
    return Area(id=area_id, code=f"G{area_id}", name=f"网格{area_id}", level="grid",
                parent_code=None, households=200, worker="王*",
                geometry={"type": "Polygon", "coordinates": [ring]},
                label_at=(lat, lon))


def _situation(stations: list[StationStatus], grids: list[Area]) -> Situation:
    return dataclasses.replace(sample_situation(communities=1, grids_per_community=2,
                                                features=0, stations=0),
                               stations=tuple(stations), grids=tuple(grids), incidents=())


@pytest.mark.parametrize("azimuth", [0, 45, 90, 135, 180, 225, 270, 315])
def test_points_at_490_m_are_covered_and_at_510_m_are_not(azimuth):
    # East-west matters: a degree of longitude is 94 km here, of latitude 111 km, so a
    # calculation in degrees would get one of the two directions wrong.
    near = GEOD.fwd(*AT, azimuth, 490.0)[:2]
    far = GEOD.fwd(*AT, azimuth, 510.0)[:2]
    situation = _situation([_station(1, *AT)], [])
    assert coverage.uncovered(situation, [near, far]) == [False, True]

    # The same as areas: a 4 m square around each point is in a gap only at 510 m.
    squares = [_square(10, *near, 4.0), _square(11, *far, 4.0)]
    gaps = coverage.compute_coverage(_situation([_station(1, *AT)], squares)).gaps
    assert [g.area_id for g in gaps if g.share > 0.99] == [11]


def test_a_station_that_is_not_ready_covers_nothing_and_the_sand_depot_never_does():
    point = GEOD.fwd(*AT, 90, 100.0)[:2]
    for station in (_station(1, *AT, level="amber"), _station(1, *AT, level="red"),
                    _station(1, *AT, kind="sand_depot", radius=8000.0)):
        assert coverage.uncovered(_situation([station], []), [point]) == [True]
    assert coverage.uncovered(_situation([_station(1, *AT)], []), [point]) == [False]


def test_losing_readiness_opens_a_gap_where_there_was_none():
    grid = _square(20, *GEOD.fwd(*AT, 30, 150.0)[:2], 300.0)
    ready = _situation([_station(1, *AT)], [grid])
    before = coverage.compute_coverage(ready)
    assert before.gaps == () and before.covered_share == pytest.approx(1.0)
    lost = dataclasses.replace(ready, stations=(_station(1, *AT, level="red"),))
    after = coverage.compute_coverage(lost)
    assert [g.area_id for g in after.gaps] == [20]
    assert after.gaps[0].share == pytest.approx(1.0)
    assert after.gaps[0].area_m2 == pytest.approx(300.0 * 300.0, rel=0.01)


def test_a_grid_half_outside_the_circle_has_its_outside_part_as_the_gap():
    # A 400 m square whose centre is 500 m east: about half of it lies outside.
    grid = _square(21, *GEOD.fwd(*AT, 90, 500.0)[:2], 400.0)
    result = coverage.compute_coverage(_situation([_station(1, *AT)], [grid]))
    (gap,) = result.gaps
    assert 0.4 < gap.share < 0.6
    from shapely.geometry import Point, shape

    outline = shape(gap.geometry)
    assert not outline.contains(Point(*GEOD.fwd(*AT, 90, 480.0)[:2]))
    assert outline.contains(Point(*GEOD.fwd(*AT, 90, 650.0)[:2]))


def test_nearest_ready_station_and_its_distance_in_metres():
    situation = sample_situation()
    result = coverage.compute_coverage(situation)
    ready = [s for s in situation.stations if coverage.covers(s)]
    assert ready and len(ready) < len(situation.stations)
    for incident in situation.incidents:
        nearest = result.nearest[incident.id]
        assert incident.lon is not None and incident.lat is not None
        truth = {s.id: GEOD.inv(incident.lon, incident.lat, s.lon, s.lat)[2] for s in ready}
        assert nearest.station_id == min(truth, key=truth.__getitem__)
        assert nearest.distance_m == pytest.approx(truth[nearest.station_id], abs=0.01)


def test_no_ready_station_means_no_nearest_and_everything_is_a_gap():
    situation = sample_situation()
    none_ready = dataclasses.replace(situation, stations=tuple(
        dataclasses.replace(s, readiness=Readiness("red")) for s in situation.stations))
    result = coverage.compute_coverage(none_ready)
    assert result.nearest == {}
    assert len(result.gaps) == len(situation.grids)
    assert result.covered_share == pytest.approx(0.0)


def test_unusable_areas_are_skipped_not_fatal():
    bow_tie = Area(id=30, code="G30", name="坏网格", level="grid", parent_code=None,
                   households=None, worker=None, geometry={"type": "Polygon", "coordinates": [
                       [[112.15, 32.08], [112.16, 32.09], [112.16, 32.08], [112.15, 32.09],
                        [112.15, 32.08]]]})
    empty = dataclasses.replace(bow_tie, id=31, geometry={"type": "Polygon", "coordinates": []})
    good = _square(32, *AT, 100.0)
    result = coverage.compute_coverage(_situation([], [bow_tie, empty, good]))
    assert set(result.skipped_area_ids) == {30, 31}
    assert [g.area_id for g in result.gaps] == [32]


def test_the_projection_matches_proj_to_the_millimetre_across_a_district():
    projection = coverage.LocalProjection(112.15, 32.08)
    proj = pyproj.Proj("+proj=tmerc +lat_0=32.08 +lon_0=112.15 +k=1 +x_0=0 +y_0=0 "
                       "+ellps=GRS80 +units=m +no_defs")
    rng = np.random.default_rng(7)
    lons = 112.15 + rng.uniform(-0.4, 0.4, 2000)
    lats = 32.08 + rng.uniform(-0.3, 0.3, 2000)
    x, y = projection.forward(lons, lats)
    px, py = proj(lons, lats)
    assert np.max(np.abs(x - px)) < 1e-3 and np.max(np.abs(y - py)) < 1e-3
    back_lon, back_lat = projection.inverse(x, y)
    assert np.max(np.abs(back_lon - lons)) < 1e-9 and np.max(np.abs(back_lat - lats)) < 1e-9


def test_distances_match_the_geodesic_within_5_ppm_across_a_district():
    projection = coverage.LocalProjection(112.15, 32.08)
    for lon, lat in ((112.0, 32.0), (112.3, 32.25), (112.15, 32.08)):
        for azimuth in (0, 60, 90, 200):
            far = GEOD.fwd(lon, lat, azimuth, 500.0)[:2]
            assert projection.distance_m(lon, lat, *far) == pytest.approx(500.0, abs=0.003)
