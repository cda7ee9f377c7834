import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, shape

from desktop.models.geometry import label_point

U_SHAPE = {"type": "Polygon", "coordinates": [[
    [0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]}


def test_label_point_of_a_u_shape_is_inside_although_its_centroid_is_not():
    polygon = shape(U_SHAPE)
    assert not polygon.contains(polygon.centroid)
    lat, lon = label_point(U_SHAPE)
    assert polygon.contains(Point(lon, lat))


def test_label_point_uses_the_largest_part_and_avoids_holes():
    multi = {"type": "MultiPolygon", "coordinates": [
        [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
        [[[0, 0], [6, 0], [6, 6], [0, 6], [0, 0]], [[1, 1], [5, 1], [5, 5], [1, 5], [1, 1]]],
    ]}
    lat, lon = label_point(multi)
    assert shape(multi).geoms[1].contains(Point(lon, lat))


@pytest.mark.parametrize("bad", [{}, {"type": "Point", "coordinates": [1, 2]},
                                 {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
                                 {"type": "Polygon", "coordinates": "x"}])
def test_label_point_of_unusable_geometry_is_none(bad):
    assert label_point(bad) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0.2, 1)), min_size=3, max_size=12))
def test_label_point_is_inside_random_star_shaped_polygons(spokes):
    import math
    n = len(spokes)
    ring = [[112.15 + r * 0.01 * math.cos(2 * math.pi * (i + a * 0.5) / n),
             32.08 + r * 0.01 * math.sin(2 * math.pi * (i + a * 0.5) / n)]
            for i, (a, r) in enumerate(spokes)]
    ring.append(ring[0])
    geometry = {"type": "Polygon", "coordinates": [ring]}
    polygon = shape(geometry)
    if not polygon.is_valid or polygon.area == 0:
        return
    lat, lon = label_point(geometry)
    assert polygon.buffer(1e-9).contains(Point(lon, lat))
