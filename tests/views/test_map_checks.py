"""Bad geometry never reaches the page: each case is skipped and counted, the rest is drawn.

Pure payload tests (no Qt); test_map_live.py shows the page drawing such a situation.
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from desktop.models.situation import MapFeature, MapLayer, Situation
from desktop.views.map import map_checks
from desktop.views.map import map_payload as mp
from desktop.views.map.preview import sample_situation

POINT = {"type": "Point", "coordinates": [112.13, 32.06]}
BOW_TIE = {"type": "Polygon", "coordinates": [[[112.12, 32.05], [112.13, 32.06],
                                                [112.13, 32.05], [112.12, 32.06],
                                                [112.12, 32.05]]]}

BAD_CASES = {
    "null": (None, "geometry is null"),
    "self-intersecting": (BOW_TIE, "Self-intersection"),
    "longitude out of range": ({"type": "Point", "coordinates": [212.13, 32.06]}, "out of range"),
    "latitude out of range": ({"type": "LineString", "coordinates": [[112.1, 32.0],
                                                                      [112.2, 132.0]]},
                              "out of range"),
    "not finite": ({"type": "Point", "coordinates": [math.nan, 32.06]}, "not finite"),
    "not numbers": ({"type": "Point", "coordinates": ["112.1", "32.0"]}, "not numbers"),
    "unknown type": ({"type": "Circle", "coordinates": [112.13, 32.06]}, "unknown geometry type"),
    "short ring": ({"type": "Polygon", "coordinates": [[[112.1, 32.0], [112.2, 32.1],
                                                        [112.1, 32.0]]]}, "at least 4"),
    "empty": ({"type": "MultiPoint", "coordinates": []}, "empty"),
}


def _layer(key: str, kind: str, geometries: dict[str, object]) -> MapLayer:
    features = tuple(
        MapFeature(id=100 + i, code=name, name=name, geometry=geometry, properties={})  # type: ignore[arg-type]
        for i, (name, geometry) in enumerate(geometries.items()))
    return MapLayer(key=key, name_zh=key, name_en=key, geometry_kind=kind, style={},
                    sensitive=False, symbol_code=None, visible_by_default=True,
                    features=features)


@pytest.fixture(scope="module")
def situation() -> Situation:
    return sample_situation(communities=2, grids_per_community=4, features=40, stations=4)


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_bad_geometry_is_skipped_and_counted(situation, case):
    geometry, words = BAD_CASES[case]
    layer = _layer("odd", "polygon", {"good": BOW_TIE | {"coordinates": [[
        [112.12, 32.05], [112.13, 32.05], [112.13, 32.06], [112.12, 32.05]]]}, case: geometry})
    built = mp.build(dataclasses.replace(situation, layers=(*situation.layers, layer)))
    drawn = {layer["key"]: layer for layer in built.payload["layers"]}["layer:odd"]
    assert [f["id"] for f in drawn["features"]] == ["100"]
    (problem,) = built.skipped
    assert (problem.entity, problem.entity_id) == ("map:layer:odd", "101")
    assert words in problem.problem
    mp.to_json(built.payload)  # and what is sent is valid JSON (no NaN reaches the page)


def test_a_layer_of_a_kind_the_page_cannot_draw_is_skipped_feature_by_feature(situation):
    heatmap = _layer("heat", "heatmap", {"a": POINT, "b": POINT})
    built = mp.build(dataclasses.replace(situation, layers=(*situation.layers, heatmap)))
    assert "layer:heat" not in {layer["key"] for layer in built.payload["layers"]}
    assert [(p.entity, p.entity_id) for p in built.skipped] == [
        ("map:layer:heat", "100"), ("map:layer:heat", "101")]
    assert all("'heatmap' cannot be drawn" in p.problem for p in built.skipped)


def test_bad_grids_stations_and_incidents_are_skipped_and_the_view_still_fits(situation):
    grid = dataclasses.replace(situation.grids[0], geometry=BOW_TIE)
    lost_grid = dataclasses.replace(situation.grids[1], geometry={
        "type": "Polygon", "coordinates": [[[112.1, 32.0], [112.2, 95.0], [112.3, 32.0],
                                            [112.1, 32.0]]]})
    station = dataclasses.replace(situation.stations[0], lon=math.inf)
    incident = dataclasses.replace(situation.incidents[0], lat=-91.0)
    unplaced = dataclasses.replace(situation.incidents[1], lon=None, lat=None)  # normal
    bad = dataclasses.replace(
        situation, grids=(grid, lost_grid, *situation.grids[2:]),
        stations=(station, *situation.stations[1:]),
        incidents=(incident, unplaced, *situation.incidents[2:]))
    built = mp.build(bad)
    entities = sorted((p.entity, p.entity_id) for p in built.skipped)
    assert entities == sorted([
        ("map:grids", str(grid.id)), ("map:grids", str(lost_grid.id)),
        (f"map:station:{station.kind}", str(station.id)),
        ("map:incidents", str(incident.id))])
    layers = {layer["key"]: layer for layer in built.payload["layers"]}
    assert len(layers["grids"]["features"]) == len(situation.grids) - 2
    assert len(layers["incidents"]["features"]) == len(situation.incidents) - 2
    (south, west), (north, east) = built.payload["bounds"]
    assert -90 <= south < north <= 90 and west < east  # the bad vertex is not fitted


def test_structure_checks_accept_every_drawable_geometry():
    for geometry in (
        POINT,
        {"type": "MultiPoint", "coordinates": [[112.1, 32.0], [112.2, 32.1]]},
        {"type": "LineString", "coordinates": [[112.1, 32.0], [112.2, 32.1]]},
        {"type": "MultiLineString", "coordinates": [[[112.1, 32.0], [112.2, 32.1]]]},
        {"type": "MultiPolygon", "coordinates": [[[[112.1, 32.0], [112.2, 32.0],
                                                   [112.2, 32.1], [112.1, 32.0]]]]},
        {"type": "GeometryCollection", "geometries": [POINT]},
        {"type": "Point", "coordinates": [112.1, 32.0, 45.0]},  # an altitude is fine
    ):
        assert map_checks.geometry_problem(geometry) is None, geometry
    assert map_checks.invalid_polygons([BOW_TIE])[0].startswith("invalid polygon")
