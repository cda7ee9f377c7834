"""Geometry is checked once, where the facts are read: a row the map cannot draw is left out
of the situation (or left unplaced) and noted once, in words, with its entity and code.

Each case is written with sqlite3 into a copy of the demo replica and read back through
the same readers live and replay use (situation_now, load_facts).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.models import clock, drawable
from desktop.models.queries import situation_now
from desktop.models.replay.source import replay_window
from desktop.models.replica import open_reader
from desktop.models.situation import Problem, Situation

POINT = {"type": "Point", "coordinates": [112.13, 32.06]}
BOW_TIE = {"type": "Polygon", "coordinates": [[[112.12, 32.05], [112.13, 32.06],
                                                [112.13, 32.05], [112.12, 32.06],
                                                [112.12, 32.05]]]}

# What is written into the geometry column (text), and words its problem must contain.
BAD_GEOMETRY: dict[str, tuple[str, str]] = {
    "missing": ("", "geometry missing"),
    "not JSON": ("{type: Point", "not valid JSON"),
    "null": ("null", "not a GeoJSON geometry"),
    "self-intersecting": (json.dumps(BOW_TIE), "Self-intersection"),
    "longitude out of range": (json.dumps({"type": "Point", "coordinates": [212.13, 32.06]}),
                               "out of range"),
    "latitude out of range": (json.dumps({"type": "LineString", "coordinates": [
        [112.1, 32.0], [112.2, 132.0]]}), "out of range"),
    "not finite": (json.dumps({"type": "Point", "coordinates": [math.nan, 32.06]}),
                   "not finite"),
    "not numbers": (json.dumps({"type": "Point", "coordinates": ["112.1", "32.0"]}),
                    "not numbers"),
    "unknown type": (json.dumps({"type": "Circle", "coordinates": [112.13, 32.06]}),
                     "unknown geometry type"),
    "short ring": (json.dumps({"type": "Polygon", "coordinates": [[
        [112.1, 32.0], [112.2, 32.1], [112.1, 32.0]]]}), "at least 4"),
    "empty": (json.dumps({"type": "MultiPoint", "coordinates": []}), "empty"),
}


def _write(path: Path, sql: str, *args: Any) -> None:
    with sqlite3.connect(path) as db:
        db.execute(sql, args)
    db.close()


def _one(path: Path, sql: str, *args: Any) -> Any:
    with sqlite3.connect(path) as db:
        row = db.execute(sql, args).fetchone()
    db.close()
    return row


def _situation(path: Path, now: dt.datetime) -> Situation:
    engine = open_reader(path)
    try:
        with Session(engine) as session:
            return situation_now(session, now)
    finally:
        engine.dispose()


def _noted(situation: Situation, entity: str, code: str) -> Problem:
    """The one problem noted for that row; and nothing else is noted (the demo is clean)."""
    assert [(p.entity, p.entity_id) for p in situation.problems] == [(entity, code)]
    return situation.problems[0]


def test_the_demo_itself_is_drawable(demo_replica, fixed_now):
    assert _situation(demo_replica, fixed_now).problems == ()


@pytest.mark.parametrize("case", sorted(BAD_GEOMETRY))
def test_a_registry_feature_that_cannot_be_drawn_is_left_out_and_noted(
        demo_replica, fixed_now, case):
    text, words = BAD_GEOMETRY[case]
    code, key = _one(demo_replica, "SELECT f.code, f.layer_key FROM feature f JOIN layer l "
                     "ON l.key = f.layer_key WHERE NOT l.sensitive ORDER BY f.id LIMIT 1")
    _write(demo_replica, "UPDATE feature SET geometry = ? WHERE code = ?", text, code)
    situation = _situation(demo_replica, fixed_now)
    layer = next(layer for layer in situation.layers if layer.key == key)
    assert layer.features and code not in {f.code for f in layer.features}
    assert words in _noted(situation, "feature", code).problem


@pytest.mark.parametrize("case", ["self-intersecting", "not JSON", "latitude out of range"])
def test_a_grid_that_cannot_be_drawn_is_left_out_and_noted(demo_replica, fixed_now, case):
    text, words = BAD_GEOMETRY[case]
    code, = _one(demo_replica, "SELECT code FROM admin_unit WHERE level = 'grid' "
                 "ORDER BY id LIMIT 1")
    before = len(_situation(demo_replica, fixed_now).grids)
    _write(demo_replica, "UPDATE admin_unit SET geometry = ? WHERE code = ?", text, code)
    situation = _situation(demo_replica, fixed_now)
    assert len(situation.grids) == before - 1
    assert code not in {g.code for g in situation.grids}
    assert words in _noted(situation, "admin_unit", code).problem


def test_a_community_and_the_street_that_cannot_be_drawn_are_noted(demo_replica, fixed_now):
    community, = _one(demo_replica, "SELECT code FROM admin_unit WHERE level = 'community' "
                      "ORDER BY id LIMIT 1")
    street, = _one(demo_replica, "SELECT value FROM replica_meta WHERE key = "
                   "'home_street_code'")
    _write(demo_replica, "UPDATE admin_unit SET geometry = ? WHERE code = ?",
           json.dumps(BOW_TIE), community)
    _write(demo_replica, "UPDATE admin_unit SET geometry = ? WHERE code = ?",
           json.dumps({"type": "Polygon", "coordinates": [[[112.1, 32.0], [112.2, 95.0],
                                                           [112.3, 32.0], [112.1, 32.0]]]}),
           street)
    situation = _situation(demo_replica, fixed_now)
    assert community not in {c.code for c in situation.communities}
    assert situation.street.code == street  # the street stays, without its outline
    assert situation.street.geometry == {"type": "GeometryCollection", "geometries": []}
    assert sorted((p.entity, p.entity_id) for p in situation.problems) == sorted(
        [("admin_unit", community), ("admin_unit", street)])
    words = {p.entity_id: p.problem for p in situation.problems}
    assert "Self-intersection" in words[community] and "out of range" in words[street]


def test_a_layer_of_a_kind_the_page_cannot_draw_is_left_out_and_noted_once(
        demo_replica, fixed_now):
    key, count = _one(demo_replica, "SELECT layer_key, count(*) FROM feature "
                      "GROUP BY layer_key ORDER BY layer_key LIMIT 1")
    assert count > 1
    _write(demo_replica, "UPDATE layer SET geometry_kind = 'heatmap' WHERE key = ?", key)
    situation = _situation(demo_replica, fixed_now)
    assert key not in {layer.key for layer in situation.layers}
    problem = _noted(situation, "layer", key)  # once for the layer, not once per feature
    assert "'heatmap' cannot be drawn" in problem.problem


@pytest.mark.parametrize("lon, lat, words", [
    (math.inf, 32.06, "not finite"), (212.0, 32.06, "out of range"),
    ("east", 32.06, "not numbers")])
def test_a_station_that_cannot_be_placed_stays_listed_and_is_noted(
        demo_replica, fixed_now, lon, lat, words):
    code, = _one(demo_replica, "SELECT code FROM station ORDER BY id LIMIT 1")
    _write(demo_replica, "UPDATE station SET lon = ?, lat = ? WHERE code = ?", lon, lat, code)
    situation = _situation(demo_replica, fixed_now)
    station = next(s for s in situation.stations if s.code == code)  # still in the tables
    assert not drawable.placeable(station.lon, station.lat)
    problem = _noted(situation, "station", code)
    assert "cannot be placed on the map" in problem.problem and words in problem.problem


def test_an_incident_that_cannot_be_placed_stays_listed_and_is_noted(demo_replica, fixed_now):
    first, second = [row[0] for row in sqlite3.connect(demo_replica).execute(
        "SELECT code FROM incident WHERE status != 'closed' ORDER BY id LIMIT 2")]
    _write(demo_replica, "UPDATE incident SET lat = -91.0 WHERE code = ?", first)
    _write(demo_replica, "UPDATE incident SET lon = NULL, lat = NULL WHERE code = ?",
           second)  # no location yet: normal at intake, not a problem
    situation = _situation(demo_replica, fixed_now)
    incidents = {i.code: i for i in situation.incidents}
    assert first in incidents and second in incidents  # both still in the incident list
    assert "out of range" in _noted(situation, "incident", first).problem


def test_a_replay_leaves_out_and_notes_each_bad_row_once_too(demo_replica, fixed_now):
    feature, = _one(demo_replica, "SELECT code FROM feature ORDER BY id LIMIT 1")
    incident, = _one(demo_replica, "SELECT code FROM incident WHERE status != 'closed' "
                     "ORDER BY id LIMIT 1")
    _write(demo_replica, "UPDATE feature SET geometry = ? WHERE code = ?",
           json.dumps(BOW_TIE), feature)
    _write(demo_replica, "UPDATE incident SET lon = 500.0 WHERE code = ?", incident)
    engine = open_reader(demo_replica)
    try:
        with clock.using(lambda: fixed_now), Session(engine) as session:
            replay = replay_window(session, fixed_now - dt.timedelta(days=2), fixed_now)
    finally:
        engine.dispose()
    situation = replay.engine.situation_at(fixed_now)
    assert feature not in {f.code for layer in situation.layers for f in layer.features}
    assert incident in {i.code for i in situation.incidents}
    assert sorted((p.entity, p.entity_id) for p in replay.engine.problems) == sorted(
        [("feature", feature), ("incident", incident)])


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
        assert drawable.geometry_problem(geometry) is None, geometry
    assert drawable.invalid_polygons([BOW_TIE])[0].startswith("invalid polygon")
    assert drawable.placeable(112.1, 32.0)
    assert not any(drawable.placeable(lon, lat) for lon, lat in (
        (None, 32.0), (True, 32.0), (math.nan, 32.0), (112.1, 90.5), ("112", "32")))
