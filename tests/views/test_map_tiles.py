"""The base map in the payload, and features shifted into the tiles' datum (no Qt)."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest

from desktop.models import tiles
from desktop.models.datum import metres_between
from desktop.views.map import map_payload as mp
from desktop.views.map import map_tiles
from desktop.views.map.preview import sample_situation

TEXT = mp.TEXT["zh"]


def _mbtiles(path: Path) -> tiles.MBTiles:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
               " tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [
        ("format", "jpg"), ("minzoom", "12"), ("maxzoom", "17"),
        ("attribution", '<a href="https://x.example">本地测绘</a> &amp; 审图号：鄂S(2024)001号')])
    db.commit()
    db.close()
    return tiles.MBTiles(path)


def test_no_tiles_no_base_map():
    assert map_tiles.tile_spec(tiles.NO_TILES, None, TEXT) is None
    only_text = map_tiles.tile_spec(tiles.TileSource("none", "cgcs2000", "审图号：X"), None, TEXT)
    assert only_text == {"layers": [], "attribution": "审图号：X", "datum": None}


def test_mbtiles_base_map_is_served_by_our_scheme_with_its_attribution_as_text(tmp_path):
    source = tiles.parse_tile_source(f"mbtiles:{tmp_path}/s.mbtiles", "cgcs2000")
    spec = map_tiles.tile_spec(source, _mbtiles(tmp_path / "s.mbtiles"), TEXT)
    assert spec is not None
    assert spec["layers"] == [{"url": "dutymap://local/tiles/{z}/{x}/{y}.jpg", "min_zoom": 12,
                               "max_native_zoom": 17}]
    assert spec["attribution"] == "底图：本地测绘 & 审图号：鄂S(2024)001号（CGCS2000）"
    assert "<" not in spec["attribution"]


def test_url_base_map_keeps_its_templates_and_names_its_source():
    source = tiles.parse_tile_source(
        "url:https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=K",
        "cgcs2000", "天地图 审图号：GS(2024)0568号")
    spec = map_tiles.tile_spec(source, None, mp.TEXT["en"])
    assert spec is not None and spec["layers"][0]["url"] == source.templates[0]
    assert spec["attribution"] == "Base map: 天地图 审图号：GS(2024)0568号 (CGCS2000)"
    unnamed = tiles.parse_tile_source("url:https://tiles.example/{z}/{x}/{y}.png", "gcj02")
    assert "tiles.example" in map_tiles.tile_spec(unnamed, None, TEXT)["attribution"]


@pytest.mark.parametrize(("path", "address"), [
    ("/tiles/15/26592/13308.png", (15, 26592, 13308)),
    ("/tiles/0/0/0.jpeg", (0, 0, 0)),
    ("/tiles/15/26592/13308", None),
    ("/tiles/../x.png", None),
    ("/tiles/a/b/c.png", None),
])
def test_tile_paths(path, address):
    assert map_tiles.parse_tile_path(path) == address


def test_on_gcj02_tiles_every_position_is_shifted_and_the_situation_is_untouched():
    situation = sample_situation(communities=2, grids_per_community=4, features=30, stations=4)
    before = copy.deepcopy(situation.grids[0].geometry)
    plain = mp.build_payload(situation)
    shifted = mp.build_payload(situation, datum="gcj02")
    assert situation.grids[0].geometry == before
    offsets = []
    for a, b in zip(plain["layers"], shifted["layers"], strict=True):
        for fa, fb in zip(a["features"], b["features"], strict=True):
            if "lat" in fa:
                offsets.append(metres_between(fa["lon"], fa["lat"], fb["lon"], fb["lat"]))
                (lon,), (lat,) = tiles.shift_positions([fa["lon"]], [fa["lat"]], "gcj02")
                assert (fb["lon"], fb["lat"]) == (round(lon, 7), round(lat, 7))
            if "g" in fa and fa["g"]["type"] == "Point":
                offsets.append(metres_between(*fa["g"]["coordinates"], *fb["g"]["coordinates"]))
    assert offsets and all(50 < m < 700 for m in offsets)
    assert shifted["bounds"] != plain["bounds"]
    near = [f["near"] for layer in shifted["layers"] if layer["key"] == "incidents"
            for f in layer["features"] if "near" in f]
    stations = {(f["lat"], f["lon"]) for layer in shifted["layers"]
                if layer["key"].startswith("station:") for f in layer["features"]}
    assert near and all((n["lat"], n["lon"]) in stations for n in near)  # line ends on the badge


def test_cgcs2000_tiles_leave_the_payload_as_it_is():
    situation = sample_situation(communities=1, grids_per_community=2, features=10, stations=2)
    assert mp.build_payload(situation, datum="cgcs2000") == mp.build_payload(situation)
