"""Tile sources as configuration: the setting's forms, its errors, and reading MBTiles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop import settings
from desktop.models import tiles

PNG = b"\x89PNG\r\n\x1a\n" + b"tile"  # content is not decoded here


def make_mbtiles(path: Path, *, tile_format: str = "png", rows: dict | None = None,
                 metadata: dict | None = None) -> Path:
    """A tiny MBTiles file: tiles keyed by XYZ (z, x, y), stored in TMS rows as the spec says."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
               " tile_data BLOB)")
    meta = {"name": "七里河街道", "format": tile_format, "minzoom": "14", "maxzoom": "16",
            "attribution": '<a href="http://gis.example">襄阳市自然资源和规划局</a> '
                           '审图号：鄂S(2024)001号'}
    meta.update(metadata or {})
    db.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    for (z, x, y), data in (rows or {(15, 26592, 13308): PNG}).items():
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (2**z - 1) - y, data))
    db.commit()
    db.close()
    return path


def test_none_is_the_default_and_needs_no_datum():
    source = tiles.parse_tile_source("none")
    assert source == tiles.NO_TILES and not source.online and not source.shifts_features
    assert settings.Settings().tiles() == tiles.NO_TILES


def test_mbtiles_source_declares_its_datum(tmp_path):
    source = tiles.parse_tile_source(f"mbtiles:{tmp_path}/street.mbtiles", "CGCS2000", "x")
    assert (source.kind, source.datum, source.path, source.attribution) == (
        "mbtiles", "cgcs2000", tmp_path / "street.mbtiles", "x")
    assert not source.online and not source.hosts


def test_url_source_names_exactly_its_hosts_and_hides_the_key():
    template = ("https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec"
                "&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=SECRETKEY")
    labels = template.replace("vec_w", "cva_w").replace("LAYER=vec", "LAYER=cva")
    source = tiles.parse_tile_source(f"url:{template}|{labels}", "cgcs2000")
    assert source.online and len(source.templates) == 2
    assert source.hosts == {("https", "t0.tianditu.gov.cn", 443)}
    assert "SECRETKEY" not in source.describe() and "tk=***" in source.describe()
    gcj = tiles.parse_tile_source("url:http://10.1.2.3:8080/t/{z}/{x}/{y}.png", "gcj-02")
    assert gcj.datum == "gcj02" and gcj.shifts_features
    assert gcj.hosts == {("http", "10.1.2.3", 8080)}


@pytest.mark.parametrize(("source", "datum", "words"), [
    ("mbtiles:/x.mbtiles", "", "tile_datum must be declared"),
    ("url:https://a.example/{z}/{x}/{y}.png", "", "never guessed"),
    ("url:https://a.example/{z}/{x}/{y}.png", "bd09", "not one we know"),
    ("url:https://{s}.tile.example/{z}/{x}/{y}.png", "wgs84", "exactly that host"),
    ("url:https://a.example/{z}/{x}.png", "wgs84", r"\{z\}, \{x\} and \{y\}"),
    ("url:https://a.example/{z}/{x}/{y}/{r}.png", "wgs84", "unknown placeholder"),
    ("url:ftp://a.example/{z}/{x}/{y}.png", "wgs84", "https://"),
    ("url:https://a.example/{z}/{x}/{y}.png?tk=ABC DEF", "wgs84", "spaces"),
    ("tiles.example", "wgs84", "none, mbtiles:PATH, url:TEMPLATE"),
    ("mbtiles:", "wgs84", "none, mbtiles:PATH, url:TEMPLATE"),
])
def test_bad_tile_settings_are_named_with_the_fix(source, datum, words):
    with pytest.raises(tiles.TileConfigError, match=words):
        tiles.parse_tile_source(source, datum)


def test_settings_validate_the_tile_settings_with_clear_errors(tmp_path):
    path = tmp_path / "none.json"
    loaded = settings.load({"tile_source": "mbtiles:/srv/street.mbtiles", "tile_datum": "cgcs2000",
                            "tile_attribution": "审图号：鄂S(2024)001号"}, environ={}, path=path)
    assert loaded.tiles().path == Path("/srv/street.mbtiles")
    env = {"DUTYROOM_TILE_SOURCE": "url:https://t0.tianditu.gov.cn/{z}/{x}/{y}?tk=K",
           "DUTYROOM_TILE_DATUM": "cgcs2000"}
    assert settings.load(environ=env, path=path).tiles().online
    with pytest.raises(settings.SettingsError, match="tile_datum must be declared"):
        settings.load({"tile_source": "mbtiles:/srv/street.mbtiles"}, environ={}, path=path)


def test_mbtiles_tiles_are_read_by_xyz_address(tmp_path):
    mbtiles = tiles.MBTiles(make_mbtiles(tmp_path / "t.mbtiles", rows={
        (15, 26592, 13308): PNG, (0, 0, 0): b"world"}))
    assert mbtiles.tile(15, 26592, 13308) == PNG  # stored in TMS row 2^15-1-13308
    assert mbtiles.tile(0, 0, 0) == b"world"
    assert mbtiles.tile(15, 26592, 13309) is None
    assert mbtiles.tile(3, 9, 0) is None and mbtiles.tile(-1, 0, 0) is None
    assert mbtiles.zoom_range == (14, 16)
    assert mbtiles.mime == "image/png" and mbtiles.extension == "png"
    assert "审图号" in mbtiles.attribution
    mbtiles.close()


def test_mbtiles_without_zoom_metadata_uses_the_zooms_it_holds(tmp_path):
    path = make_mbtiles(tmp_path / "t.mbtiles", tile_format="jpg",
                        rows={(13, 1, 1): b"a", (17, 2, 2): b"b"},
                        metadata={"minzoom": "x", "maxzoom": "y"})
    mbtiles = tiles.MBTiles(path)
    assert mbtiles.zoom_range == (13, 17) and mbtiles.mime == "image/jpeg"
    mbtiles.close()


def test_unusable_mbtiles_files_are_refused_with_the_reason(tmp_path):
    with pytest.raises(tiles.TileConfigError, match="no file"):
        tiles.MBTiles(tmp_path / "missing.mbtiles")
    with pytest.raises(tiles.TileConfigError, match="only raster tiles"):
        tiles.MBTiles(make_mbtiles(tmp_path / "vector.mbtiles", tile_format="pbf"))
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(tiles.TileConfigError, match="not an MBTiles file"):
        tiles.MBTiles(junk)
