"""GCJ-02 / BD-09 conversion against published reference points, and round trips < 0.5 m."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.datum import (
    bd_to_wgs,
    gcj_to_bd,
    gcj_to_wgs,
    metres_between,
    parse_datum,
    to_replica,
    wgs_to_bd,
    wgs_to_gcj,
)

# (wgs lon, wgs lat, gcj lon, gcj lat): the eviltransform test suite (Shanghai, Shenzhen,
# Beijing), the same pairs its PHP and JS ports test.
WGS_GCJ = [
    (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
    (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
    (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
]
# geotool (Rust) test: one WGS-84 point with its GCJ-02 and BD-09 forms
GEOTOOL = ((121.0917077, 30.6107779), (121.09626935575027, 30.608604331756705),
           (121.10271732371203, 30.61484572185035))


def _one(f, lon, lat):
    x, y = f(np.array([lon]), np.array([lat]))
    return float(x[0]), float(y[0])


@pytest.mark.parametrize(("wlon", "wlat", "glon", "glat"), WGS_GCJ)
def test_gcj02_matches_published_points_both_ways(wlon, wlat, glon, glat):
    assert metres_between(*_one(wgs_to_gcj, wlon, wlat), glon, glat) < 0.01
    assert metres_between(*_one(gcj_to_wgs, glon, glat), wlon, wlat) < 0.5


def test_bd09_matches_published_points():
    wgs, gcj, bd = GEOTOOL
    assert metres_between(*_one(wgs_to_gcj, *wgs), *gcj) < 0.01
    assert metres_between(*_one(wgs_to_bd, *wgs), *bd) < 0.01
    assert metres_between(*_one(bd_to_wgs, *bd), *wgs) < 0.5
    # gcoord's tests: GCJ-02 (123, 45) in WGS-84 and in BD-09
    assert metres_between(*_one(gcj_to_wgs, 123.0, 45.0), 122.99395597, 44.99804071) < 0.5
    assert metres_between(*_one(gcj_to_bd, 123.0, 45.0), 123.00636499, 45.00636899) < 0.5


@settings(max_examples=300, deadline=None)
@given(st.floats(73.5, 134.5), st.floats(18.5, 53.0))
def test_round_trips_stay_below_half_a_metre(lon, lat):
    for forward, datum in ((wgs_to_gcj, "gcj02"), (wgs_to_bd, "bd09")):
        x, y = forward(np.array([lon]), np.array([lat]))
        back_x, back_y = to_replica(datum, x, y)
        assert metres_between(float(back_x[0]), float(back_y[0]), lon, lat) < 0.5


def test_offset_near_the_street_is_some_hundreds_of_metres():
    shift = metres_between(*_one(wgs_to_gcj, 112.15, 32.08), 112.15, 32.08)
    assert 300 < shift < 800


@pytest.mark.parametrize(("name", "datum"), [
    ("EPSG:4490", "cgcs2000"), ("urn:ogc:def:crs:EPSG::4326", "wgs84"),
    ("urn:ogc:def:crs:OGC:1.3:CRS84", "wgs84"), ("GCJ-02", "gcj02"), ("百度", "bd09"),
    ("CGCS2000", "cgcs2000"), ("EPSG:3857", None)])
def test_datum_names(name, datum):
    assert parse_datum(name) == datum
