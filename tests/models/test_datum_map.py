"""WGS-84/CGCS2000 → GCJ-02 for the map's tiles: published reference points and round trips.

The transform is the importers' (desktop.models.datum), reached through
desktop.models.tiles; these tests pin what the map relies on.
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop.models import tiles
from desktop.models.datum import metres_between

# (WGS-84 lon, lat) → GCJ-02 (lon, lat), as published with two widely used implementations
# (eviltransform's test table; coordtransform's README example).
REFERENCE = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),  # Shanghai
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),  # Shenzhen
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),  # Beijing
    ((116.404, 39.915), (116.41024449916938, 39.91640428150164)),
]


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE)
def test_published_reference_points(wgs, gcj):
    lon, lat = tiles.shift_positions([wgs[0]], [wgs[1]], "gcj02")
    assert lon[0] == pytest.approx(gcj[0], abs=1e-9)
    assert lat[0] == pytest.approx(gcj[1], abs=1e-9)


def test_the_shift_on_the_demo_street_is_hundreds_of_metres():
    lon, lat = tiles.shift_positions([112.1589], [32.0899], "gcj02")
    offset = metres_between(112.1589, 32.0899, float(lon[0]), float(lat[0]))
    assert 50 < offset < 700  # the 50-500 m class of error the map must not make


def test_round_trip_is_below_a_millimetre_across_china():
    rng = np.random.default_rng(3)
    lons = rng.uniform(75.0, 134.0, 5000)
    lats = rng.uniform(18.0, 53.0, 5000)
    gx, gy = tiles.shift_positions(lons, lats, "gcj02")
    back_x, back_y = tiles.unshift_positions(gx, gy, "gcj02")
    worst = max(metres_between(a, b, c, d) for a, b, c, d in
                zip(lons[:500], lats[:500], back_x[:500], back_y[:500], strict=True))
    assert worst < 0.001
    assert np.max(np.abs(back_x - lons)) < 1e-8 and np.max(np.abs(back_y - lats)) < 1e-8


@pytest.mark.parametrize("datum", ["cgcs2000", "wgs84"])
def test_stored_datums_are_not_moved(datum):
    lon, lat = tiles.shift_positions([112.1589], [32.0899], datum)
    assert (lon[0], lat[0]) == (112.1589, 32.0899)


def test_outside_china_gcj02_equals_wgs84():
    lon, lat = tiles.shift_positions([2.3522], [48.8566], "gcj02")  # Paris
    assert (lon[0], lat[0]) == (2.3522, 48.8566)


def test_unknown_datum_is_refused():
    with pytest.raises(ValueError, match="bd09"):
        tiles.shift_positions([112.0], [32.0], "bd09")
