"""The map panel in a real (offscreen) QtWebEngine page. Few tests, each a whole story.

tests/conftest.py registers the dutymap:// scheme before the QApplication
exists and delivers deferred deletes after each test.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

import pytest
import xstatic.pkg.leaflet as xleaflet
from PySide6.QtWebEngineCore import QWebEngineSettings

from desktop.models.situation import MapFeature, MapLayer, Readiness, Reason, Situation
from desktop.views.map import MapPanel, map_payload
from desktop.views.map.preview import sample_situation

pytestmark = pytest.mark.gui


def _js(qtbot: Any, panel: MapPanel, expression: str) -> Any:
    """The JSON value of a page expression (runJavaScript calls run in order)."""
    box: list[Any] = []
    panel.evaluate_json(expression, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def _wait_js(qtbot: Any, panel: MapPanel, expression: str, expected: Any) -> None:
    """Ask the page again and again (without blocking it) until the value is ``expected``."""
    box: dict[str, Any] = {}

    def ask() -> None:
        panel.evaluate_json(expression, lambda value: box.__setitem__("value", value))

    def arrived() -> bool:
        if "value" not in box:
            return False
        if box.pop("value") == expected:
            return True
        ask()
        return False

    ask()
    qtbot.waitUntil(arrived, timeout=5000)


def _state(qtbot: Any, panel: MapPanel) -> dict[str, Any]:
    state: dict[str, Any] = _js(qtbot, panel, "DutyMap.state()")
    return state


def _drawn(state: dict[str, Any], select: Callable[[str], bool], role: str) -> int:
    return sum(layer["drawn"].get(role, 0) for layer in state["layers"] if select(layer["key"]))


@pytest.fixture
def situation() -> Situation:
    return sample_situation()  # 60 grids, ~500 registry features, 11 stations, 5 incidents


PROBE = ("(() => {{ const i = new Image(); i.onerror = () => {{ window.probe = '{0}'; }};"
         " i.src = 'http://example.com/{0}.png'; document.body.appendChild(i);"
         " return true; }})()")


def _ready_panel(qtbot: Any, situation: Situation, *, wall: bool = False,
                 remote_allowed: bool = False) -> MapPanel:
    panel = MapPanel(wall=wall)
    if remote_allowed:  # lift Chromium's own wall, as an online tile source would need
        panel.page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
    qtbot.addWidget(panel)
    panel.resize(1920, 1080)
    panel.show()
    with qtbot.waitSignal(panel.ready, timeout=15000):
        panel.show_situation(situation)
    assert panel.is_ready
    return panel


def test_first_situation_is_drawn_offline_and_the_page_says_ready(qtbot, situation, caplog):
    # Chromium's own refusal of remote loads is lifted here, so that the
    # interceptor alone keeps the page offline: the page asks for nothing
    # remote, and what is injected is blocked, counted and logged.
    panel = _ready_panel(qtbot, situation, remote_allowed=True)
    state = _state(qtbot, panel)

    assert state["ready"] is True
    assert _drawn(state, lambda k: k == "grids", "shape") == len(situation.grids)
    # Grid code labels are made once the map is zoomed in far enough to show them (near
    # the view: this one holds the whole street).
    _js(qtbot, panel, "DutyMap.setView(32.067, 112.133, 15)")
    assert _drawn(_state(qtbot, panel), lambda k: k == "grids", "label") == len(situation.grids)
    assert _drawn(state, lambda k: k.startswith("station:"), "badge") == len(situation.stations)
    assert _drawn(state, lambda k: k.startswith("station:"), "circle") == len(situation.stations)
    assert _drawn(state, lambda k: k == "incidents", "badge") == len(situation.incidents)
    layers = {layer["key"]: layer for layer in state["layers"]}
    for registry in situation.layers:
        layer = layers["layer:" + registry.key]
        assert layer["features"] == len(registry.features)
        assert layer["visible"] is registry.visible_by_default
        assert registry.name_zh in state["control"]
        assert (registry.name_zh in state["legend"]) is registry.visible_by_default
    assert layers["layer:hydrant"]["drawn"]["shape"] == len(situation.layers[0].features)
    assert "就绪" in state["legend"] and "特别重大" in state["legend"]

    # Leaflet came through our scheme (nothing else can reach the page) ...
    assert _js(qtbot, panel, "L.version") == xleaflet.VERSION
    assert _js(qtbot, panel, "document.querySelectorAll('.dm-tag').length") == sum(
        i.exercise for i in situation.incidents)
    assert panel.blocked_requests == 0
    assert panel.load_ms is not None

    # ... and nothing else can: a remote request is blocked, counted and logged.
    with caplog.at_level(logging.WARNING, logger="desktop.views.map"):
        _js(qtbot, panel, PROBE.format("blocked"))
        _wait_js(qtbot, panel, "window.probe || null", "blocked")
        qtbot.waitUntil(lambda: panel.blocked_requests == 1, timeout=5000)
    assert panel.blocked_urls == ("http://example.com/blocked.png",)
    assert any("example.com" in r.getMessage() for r in caplog.records
               if r.name == "desktop.views.map")


def test_later_situations_push_only_changes_and_new_registry_layers_appear(qtbot, situation):
    panel = _ready_panel(qtbot, situation, wall=True)
    assert _state(qtbot, panel)["wall"] is True
    font = _js(qtbot, panel, "getComputedStyle(document.querySelector('.dm-legend')).fontSize")
    assert float(font.removesuffix("px")) >= 24  # wall text at 1920×1080

    # A layer row added to the registry, a station losing readiness, an incident closed.
    new_layer = MapLayer(
        key="self_built_houses", name_zh="自建房", name_en="Self-built houses",
        geometry_kind="polygon", style={"color": "#ff80ab"}, sensitive=False, symbol_code=None,
        visible_by_default=True,
        features=tuple(
            MapFeature(id=90000 + i, code=f"ZJF-{i}", name=f"自建房{i}", properties={},
                       geometry={"type": "Polygon", "coordinates": [[
                           [112.12 + i * 0.002, 32.05], [112.121 + i * 0.002, 32.05],
                           [112.121 + i * 0.002, 32.051], [112.12 + i * 0.002, 32.05]]]})
            for i in range(3)
        ),
    )
    station = situation.stations[0]
    assert station.readiness.level == "green"
    routes = next(layer for layer in situation.layers if layer.key == "rescue_route")
    restyled = dataclasses.replace(routes, style={**routes.style, "color": "#ffffff"})
    later = dataclasses.replace(
        situation,
        layers=(*(restyled if layer is routes else layer for layer in situation.layers),
                new_layer),
        stations=(dataclasses.replace(station, readiness=Readiness("red", (
            Reason("custodian", "钥匙保管人未在岗", "No key custodian on duty", "red"),))),
                  *situation.stations[1:]),
        incidents=situation.incidents[1:],
    )
    scripts: list[str] = []
    run = panel.page.runJavaScript
    with pytest.MonkeyPatch.context() as patch:

        def spy(script: str, *args: Any) -> None:
            scripts.append(script)
            run(script, *args)

        patch.setattr(panel.page, "runJavaScript", spy)
        panel.show_situation(later)  # prepared on a worker, then pushed
        qtbot.waitUntil(lambda: bool(scripts), timeout=5000)
    assert len(scripts) == 1 and scripts[0].startswith("DutyMap.apply(")
    whole = len(map_payload.to_json(map_payload.build_payload(later)))
    assert len(scripts[0]) < whole / 10  # the changes, not the situation again

    after = _state(qtbot, panel)
    assert "自建房" in after["legend"] and "自建房" in after["control"]
    layers = {layer["key"]: layer for layer in after["layers"]}
    assert layers["layer:self_built_houses"]["drawn"]["shape"] == 3
    assert layers["layer:rescue_route"]["visible"]  # redrawn in its new style, still shown
    assert layers["layer:rescue_route"]["drawn"]["shape"] == len(routes.features)
    assert _drawn(after, lambda k: k == "incidents", "badge") == len(situation.incidents) - 1
    assert _drawn(after, lambda k: k == "grids", "shape") == len(situation.grids)
    glyph = _js(qtbot, panel, "Array.from(document.querySelectorAll('.dm-station'))"
                              f".find(n => n.textContent.includes({station.name!r}))"
                              ".querySelector('.dm-glyph').textContent")
    assert glyph == "停"

    # With the panel's own settings Chromium refuses remote loads before any
    # request exists (the interceptor is the second wall, and sees nothing).
    _js(qtbot, panel, PROBE.format("refused"))
    _wait_js(qtbot, panel, "window.probe || null", "refused")
    assert panel.blocked_requests == 0
