"""The live map in a real (offscreen) page: clicks, privacy, bad rows, follow, tiles.

Few tests, each a whole story (~1-2 s each). Clicks are real DOM mouse events at the
feature's pixel, so Leaflet's and our own hit-testing and the console bridge all run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.server
import json
import math
import re
import sqlite3
import struct
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.situation import MapFeature, MapLayer, Situation
from desktop.models.tiles import parse_tile_source
from desktop.views.map import MapPanel
from desktop.views.map.preview import sample_situation
from desktop.views.map.scheme import EMPTY_TILE

pytestmark = pytest.mark.gui

FULL_NAMES = ("张峰龙", "李秀英")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
BOW_TIE = {"type": "Polygon", "coordinates": [[[112.12, 32.05], [112.13, 32.06],
                                                [112.13, 32.05], [112.12, 32.06],
                                                [112.12, 32.05]]]}


def _js(qtbot: Any, panel: MapPanel, expression: str) -> Any:
    box: list[Any] = []
    panel.evaluate_json(expression, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def _ready(qtbot: Any, situation: Situation, **options: Any) -> MapPanel:
    panel = MapPanel(**options)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    with qtbot.waitSignal(panel.ready, timeout=15000):
        panel.show_situation(situation)
    return panel


def _click(qtbot: Any, panel: MapPanel, lat: float, lon: float) -> None:
    """A real mouse click (down, up, click) at the map's pixel for (lat, lon)."""
    _js(qtbot, panel, f"""(() => {{
        const map = window[Object.keys(window).find((k) => k.startsWith('map_'))];
        const at = map.latLngToContainerPoint([{lat}, {lon}]);
        const box = map.getContainer().getBoundingClientRect();
        const x = box.left + at.x, y = box.top + at.y;
        const target = document.elementFromPoint(x, y);
        ['mousedown', 'mouseup', 'click'].forEach((type) => target.dispatchEvent(
            new MouseEvent(type, {{clientX: x, clientY: y, bubbles: true, cancelable: true,
                                   view: window, button: 0}})));
        return target.className && String(target.className);
    }})()""")


def _people_layer() -> MapLayer:
    return MapLayer(
        key="key_people", name_zh="重点人群", name_en="Key people", geometry_kind="point",
        style={"color": "#ff80ab", "radius": 8, "tooltip_fields": [
            "contact_person", "phone", "id_number", "notes"]},  # notes: withheld
        sensitive=True, symbol_code=None, visible_by_default=True,
        features=(MapFeature(id=7001, code="420606199001011234", name="张峰龙", properties={
            "contact_person": "李秀英", "phone": "13812345678", "id_number": "42060619900101123X",
            "notes": "家属电话 15912345678"},
            geometry={"type": "Point", "coordinates": [112.1331, 32.0671]}),),
    )


def test_clicks_emit_layer_and_id_details_are_masked_and_reveal_is_only_asked(qtbot):
    base = sample_situation()
    situation = dataclasses.replace(base, layers=(*base.layers, _people_layer()))
    panel = _ready(qtbot, situation)

    # A point of the sensitive layer: signal, masked details, a reveal request (no reveal).
    with qtbot.waitSignal(panel.feature_clicked, timeout=5000) as clicked:
        _click(qtbot, panel, 32.0671, 112.1331)
    assert clicked.args == ["layer:key_people", "7001"]
    details = panel.details
    assert details.isVisible() and details.shown == ("layer:key_people", "7001")
    assert "张*龙" in details.text and "138****5678" in details.text
    assert "李*英" in details.text and "420606********123X" in details.text
    with qtbot.waitSignal(panel.reveal_requested, timeout=1000) as revealed:
        details._reveal.click()
    assert revealed.args == ["key_people", "7001"]

    # A station badge (a DOM marker) and a grid away from any point: their own layers.
    station = situation.stations[0]
    with qtbot.waitSignal(panel.feature_clicked, timeout=5000) as clicked:
        _click(qtbot, panel, station.lat, station.lon)
    assert clicked.args == [f"station:{station.kind}", str(station.id)]
    assert not details._reveal.isVisible()

    # The page holds no unmasked personal data anywhere: its data and its DOM.
    text = _js(qtbot, panel, "JSON.stringify(DutyMap.dump()) + "
                             "document.documentElement.outerHTML")
    assert "重点人群" in text and "张*龙" in text
    assert [n for n in FULL_NAMES if n in text] == []
    assert PHONE.findall(text) == [] and ID_NUMBER.findall(text) == []


def test_bad_rows_are_left_out_by_the_models_and_the_page_sends_no_skips(
        qtbot, demo_replica, fixed_now):
    feature, key = sqlite3.connect(demo_replica).execute(
        "SELECT f.code, f.layer_key FROM feature f JOIN layer l ON l.key = f.layer_key "
        "WHERE NOT l.sensitive ORDER BY f.id LIMIT 1").fetchone()
    station, = sqlite3.connect(demo_replica).execute(
        "SELECT code FROM station ORDER BY id LIMIT 1").fetchone()
    with sqlite3.connect(demo_replica) as db:
        db.execute("UPDATE feature SET geometry = ? WHERE code = ?", (json.dumps(BOW_TIE),
                                                                       feature))
        db.execute("UPDATE station SET lon = 212.0 WHERE code = ?", (station,))
    db.close()
    engine = open_reader(demo_replica)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
    engine.dispose()
    # Noted once, by the models, under the rows' own entities and codes.
    assert sorted((p.entity, p.entity_id) for p in situation.problems) == [
        ("feature", feature), ("station", station)]

    panel = _ready(qtbot, situation)
    events: list[Any] = []
    heard = panel.page._on_message  # type: ignore[attr-defined]
    panel.page._on_message = lambda message: (events.append(message.get("event")),  # type: ignore[attr-defined]
                                              heard(message))
    state = _js(qtbot, panel, "DutyMap.state()")
    layers = {layer["key"]: layer for layer in state["layers"]}
    registry = next(layer for layer in situation.layers if layer.key == key)
    assert layers["layer:" + key]["features"] == len(registry.features)  # all it was given
    bad = next(s for s in situation.stations if s.code == station)
    assert layers["station:" + bad.kind]["features"] == sum(
        1 for s in situation.stations if s.kind == bad.kind) - 1  # not placed, not drawn
    assert state["render_errors"] == 0
    assert not hasattr(panel, "skipped") and not hasattr(panel, "skipped_changed")

    # Should the page still meet something it cannot draw, it leaves it out silently:
    # what comes back is the paint notice asked for, no 'skipped' report.
    _js(qtbot, panel, "DutyMap.apply({features: [{layer: 'layer:" + key + "', remove: [], "
                      "put: [{id: '9', g: {type: 'Polygon', coordinates: null}}]}]})")
    with qtbot.waitSignal(panel.painted, timeout=5000):
        _js(qtbot, panel, "DutyMap.notifyPainted('after-bad')")
    assert events == ["painted"]
    state = _js(qtbot, panel, "DutyMap.state()")
    assert state["render_errors"] == 1 and state["ready"] is True


def test_a_new_incident_is_followed_and_the_wall_returns_to_the_overview(qtbot):
    situation = sample_situation()
    panel = _ready(qtbot, situation, wall=True, overview_after_s=2.0)
    overview = _js(qtbot, panel, "DutyMap.state()")
    first = situation.incidents[0]
    new = dataclasses.replace(first, id=99, code="EV-099", title="新接报：楼道起火",
                              lon=first.lon + 0.002, lat=first.lat + 0.001,  # type: ignore[operator]
                              recorded_at=situation.at - dt.timedelta(minutes=1))
    with qtbot.waitSignal(panel.followed, timeout=10000) as followed:
        panel.show_situation(dataclasses.replace(situation,
                                                 incidents=(new, *situation.incidents)))
    assert followed.args == ["99"]
    # The pan and zoom land a moment after the follow starts (slower under load):
    # wait for them rather than reading the state at once.
    qtbot.waitUntil(lambda: _js(qtbot, panel, "DutyMap.state().following") is True
                    and _js(qtbot, panel, "DutyMap.state().zoom") > overview["zoom"],
                    timeout=5000)
    state = _js(qtbot, panel, "DutyMap.state()")
    assert state["zoom"] > overview["zoom"]
    assert state["highlighted"] == 2  # the incident and its nearest ready station
    label = _js(qtbot, panel, "document.querySelector('.dm-follow-label').textContent")
    nearest = panel.coverage.nearest[99]  # type: ignore[union-attr]
    assert label == f"最近就绪站点：{nearest.name} {round(nearest.distance_m):,} 米"
    qtbot.waitUntil(lambda: _js(qtbot, panel, "DutyMap.state().following") is False
                    and _js(qtbot, panel, "DutyMap.state().zoom") == overview["zoom"],
                    timeout=8000)
    back = _js(qtbot, panel, "DutyMap.state()")
    assert back["zoom"] == overview["zoom"] and back["highlighted"] == 0


def _png(width: int) -> bytes:
    """An opaque PNG ``width`` pixels square (the scheme's own blank tile is 1×1)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x40\x60\x80\xff" * width for _ in range(width))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, width, 8, 6,
                                                                 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    n = 2**z
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return int((lon + 180) / 360 * n), int(y)


def _tiny_mbtiles(path: Path, situation: Situation) -> Path:
    """Tiles (2×2 pixels) over the street's bounds at zooms 12-16, in TMS rows."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
               " tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [
        ("format", "png"), ("minzoom", "12"), ("maxzoom", "16"),
        ("attribution", "测试底图 审图号：鄂S(2024)001号")])
    lons = [s.lon for s in situation.stations]
    lats = [s.lat for s in situation.stations]
    tile = _png(2)
    for z in range(12, 17):
        x0, y0 = _tile_of(min(lons) - 0.02, max(lats) + 0.02, z)
        x1, y1 = _tile_of(max(lons) + 0.02, min(lats) - 0.02, z)
        db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", [
            (z, x, (2**z - 1) - y, tile) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)])
    db.commit()
    db.close()
    return path


def test_offline_mbtiles_are_served_by_our_scheme_with_their_attribution(qtbot, tmp_path):
    situation = sample_situation()
    path = _tiny_mbtiles(tmp_path / "street.mbtiles", situation)
    source = parse_tile_source(f"mbtiles:{path}", "cgcs2000")
    panel = _ready(qtbot, situation, tiles=source)
    # Tiles of the file are 2 pixels wide; the scheme's blank for a missing one is 1.
    qtbot.waitUntil(lambda: _js(qtbot, panel, "Array.from(document.querySelectorAll("
                                              "'.dm-tiles img')).filter((i) => i.complete"
                                              " && i.naturalWidth === 2).length > 0"),
                    timeout=5000)
    state = _js(qtbot, panel, "DutyMap.state()")
    assert state["tiles"] == 1
    assert state["attribution"] == "底图：测试底图 审图号：鄂S(2024)001号（CGCS2000）"
    sources = _js(qtbot, panel, "Array.from(document.querySelectorAll('.dm-tiles img'))"
                                ".map((i) => i.src)")
    assert sources and all(s.startswith("dutymap://local/tiles/") for s in sources)
    assert panel.blocked_requests == 0


class _TileServer(http.server.ThreadingHTTPServer):
    """A loopback tile server: counts what it is asked for, answers with a tiny PNG."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the stdlib's name
                server.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(EMPTY_TILE)))
                self.end_headers()
                self.wfile.write(EMPTY_TILE)

            def log_message(self, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


def test_an_online_tile_source_reaches_exactly_its_host_and_nothing_else(qtbot):
    server = _TileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        source = parse_tile_source(f"url:http://127.0.0.1:{port}/vec/{{z}}/{{x}}/{{y}}.png?tk=KEY",
                                   "cgcs2000", "天地图 审图号：GS(2024)0568号")
        panel = _ready(qtbot, sample_situation(), tiles=source)
        qtbot.waitUntil(lambda: len(server.paths) > 0, timeout=5000)
        assert all(p.startswith("/vec/") and p.endswith(".png?tk=KEY") for p in server.paths)
        assert "GS(2024)0568号" in _js(qtbot, panel, "DutyMap.state().attribution")

        # The same host, but not an image (a script's fetch), and another host: blocked.
        before = len(server.paths)
        _js(qtbot, panel, f"(() => {{ fetch('http://127.0.0.1:{port}/data.json').catch(() => 0);"
                          " const i = new Image(); i.src = 'http://127.0.0.2:9/x.png';"
                          " document.body.appendChild(i); return true; })()")
        qtbot.waitUntil(lambda: panel.blocked_requests == 2, timeout=5000)
        assert set(panel.blocked_urls) == {f"http://127.0.0.1:{port}/data.json",
                                           "http://127.0.0.2:9/x.png"}
        assert not any("data.json" in p for p in server.paths[before:])
    finally:
        server.shutdown()
        server.server_close()


def test_a_new_incident_pulses_a_few_times_never_endlessly(qtbot):
    """A wall without a GPU composites every animated frame in software: an endless pulse
    kept a core busy for as long as an incident was new. The pulse runs a few cycles and
    a still ring stays."""
    base = sample_situation()
    fresh = dataclasses.replace(base.incidents[0], recorded_at=base.at - dt.timedelta(minutes=1))
    panel = _ready(qtbot, dataclasses.replace(base, incidents=(fresh, *base.incidents[1:])))
    found = _js(qtbot, panel, """JSON.stringify(document.getAnimations().map((a) => ({
        iterations: a.effect.getComputedTiming().iterations,
        state: a.playState})))""")
    animations = json.loads(found)
    assert any(a["state"] == "running" for a in animations), "the new incident should pulse"
    assert all(a["iterations"] is not None and a["iterations"] <= 10 for a in animations), (
        animations)
    ring = _js(qtbot, panel, """getComputedStyle(document.querySelector(
        '.dm-incident .dm-pulse')).boxShadow""")
    assert "255, 255, 255" in ring
