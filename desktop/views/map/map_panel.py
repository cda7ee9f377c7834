"""The map panel: a web view on the offline map page, fed with JSON.

Each situation becomes a payload (map_payload.build: layers, coverage gaps,
checks, datum shift) and, once the page shows one, a delta against it — both
on a worker (run_blocking): at district size they cost ~0.5 s of Python that
must not stall the wall. Situations that arrive while one is being prepared
are coalesced: only the newest is prepared next. ``ready`` fires once the
page says it has drawn the first situation (the app's READY contract).

Page → Python messages (clicks, features the page could not draw, paint
notices) come as console lines with a marker (see ``BRIDGE``). Why not
QWebChannel: it would need qwebchannel.js served into the offline page and an
asynchronous handshake before the first click can be delivered, for messages
that only ever go one way and are a few bytes long; Python → page already
goes through ordered ``runJavaScript`` calls.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Property, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.models.situation import Problem, Situation
from desktop.models.tiles import NO_TILES, MBTiles, TileConfigError, TileSource
from desktop.views.map import map_payload, map_tiles
from desktop.views.map.map_details import FeatureDetails
from desktop.views.map.map_page import PAGE_URL, SCHEME
from desktop.views.map.scheme import LocalOnlyInterceptor, map_profile, set_tile_file
from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from desktop.models.coverage import Coverage

log = logging.getLogger("desktop.views.map")

BACKGROUND = "#0b121b"  # same as dutymap.css, so loading shows no white flash
READY_POLL_MS = 100  # a fallback: the page says when it is ready (bridge message)
READY_SLOW_AFTER_S = 15.0
MAX_FEATURES_PER_CALL = 2000
BRIDGE = "\x01dutymap:"
FOLLOW_ZOOM = 17
OVERVIEW_AFTER_S = 30.0


@dataclass(frozen=True)
class Prepared:
    """A situation made ready for the page on a worker: whole (``base`` None) or as a delta."""

    built: map_payload.Built
    base: map_payload.JsonDict | None
    scripts: tuple[str, ...]  # JSON arguments as JavaScript string literals, in order
    version: int


def _literal(value: map_payload.JsonDict) -> str:
    """A payload or delta as a JavaScript string literal holding its JSON."""
    return json.dumps(map_payload.to_json(value), ensure_ascii=False)


def _scripts(base: map_payload.JsonDict | None, payload: map_payload.JsonDict,
             ) -> tuple[str, ...]:
    """What the page must be sent: the whole payload, or the delta from ``base`` in pieces."""
    if base is None:
        return (_literal(payload),)
    delta = map_payload.diff_payload(base, payload)
    return tuple(_literal(piece) for piece in
                 map_payload.split_delta(delta, MAX_FEATURES_PER_CALL))


class _MapWebPage(QWebEnginePage):
    """Stays on our scheme, hands bridge messages to the panel, logs the rest of the console."""

    _LEVELS: ClassVar[dict[QWebEnginePage.JavaScriptConsoleMessageLevel, int]] = {
        QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.DEBUG,
        QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
        QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
    }

    def __init__(self, profile: QWebEngineProfile, parent: QWidget, *, online: bool,
                 on_message: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(profile, parent)
        self._on_message = on_message
        # First wall against the network: Chromium refuses remote loads from a
        # LocalScheme page outright (LocalOnlyInterceptor is the second, and the
        # one that counts). Only an online tile source lifts it, and the
        # interceptor then lets through images from its host(s) alone.
        self.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, online)

    def acceptNavigationRequest(
        self, url: QUrl | str, type_: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        return QUrl(url).scheme() == SCHEME

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int,
        source: str,
    ) -> None:
        if message.startswith(BRIDGE):
            try:
                value = json.loads(message[len(BRIDGE):])
            except ValueError:
                value = None
            if isinstance(value, dict):
                self._on_message(value)
                return
        log.log(self._LEVELS.get(level, logging.INFO), "map page: %s (%s:%d)", message, source,
                line)


class MapPanel(QWidget):
    """The street map. ``show_situation`` as often as the situation changes."""

    ready = Signal()
    feature_clicked = Signal(str, str)  # layer key (grids, coverage, layer:<key>, …), feature id
    reveal_requested = Signal(str, str)  # registry layer key, feature id (a sensitive feature)
    followed = Signal(str)  # id of the incident the map moved to
    painted = Signal(str)  # a token given to DutyMap.notifyPainted (benchmarks)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        wall: bool = False,
        zoom: float = 1.0,
        language: str = "zh_CN",
        tiles: TileSource | None = None,
        follow_incidents: bool | None = None,
        overview_after_s: float = OVERVIEW_AFTER_S,
    ) -> None:
        """``zoom`` scales the whole page: 2.0 on a 3840×2160 wall keeps its 1080p look.

        ``tiles``: the base map (Settings.tiles(); default none). ``follow_incidents``:
        pan to each new incident (default: on in wall mode), back to the overview after
        ``overview_after_s`` in wall mode.
        """
        super().__init__(parent)
        self._wall = wall
        self._zoom = zoom
        self._lang = "en" if language.startswith("en") else "zh"
        self.responders: tuple[Any, ...] = ()  # the teams on their way, as last shown
        self._follow = wall if follow_incidents is None else follow_incidents
        self._overview_after_s = overview_after_s
        self._tiles = tiles or NO_TILES
        self._tile_problems: list[Problem] = []
        self._base_map = self._open_tiles(self._tiles)
        self._interceptor = LocalOnlyInterceptor(self, tile_hosts=self._tiles.hosts)
        self._view = QWebEngineView(self)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._page = _MapWebPage(map_profile(), self._view, online=self._tiles.online,
                                 on_message=self._on_page_message)
        self._page.setUrlRequestInterceptor(self._interceptor)
        self._page.setBackgroundColor(QColor(BACKGROUND))
        self._view.setPage(self._page)
        self._details = FeatureDetails(self)
        self._details.reveal_requested.connect(self._on_reveal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._details)

        # idle → loading → (loaded, while no payload yet) → drawing → ready; failed on error
        self._state = "idle"
        self._shown: map_payload.JsonDict | None = None  # what the page has (or is drawing)
        # A whole payload (and its JSON, when prepared) to draw once the page has loaded.
        self._whole: tuple[map_payload.JsonDict, str | None] | None = None
        self._latest: Situation | None = None
        self._version = 0  # of the newest situation
        self._prepared_version = 0  # of the newest one drawn or pushed
        self._preparing = False
        self._layer_cache = map_payload.LayerCache()  # used by the one preparing job
        self._built: map_payload.Built | None = None
        self._ready_emitted = False
        self._load_started = 0.0
        self.load_ms: float | None = None
        self.prepare_ms: float | None = None  # the last payload/delta, on the worker
        self._poll = QTimer(self)
        self._poll.setInterval(READY_POLL_MS)
        self._poll.timeout.connect(self._poll_ready)
        self._page.loadFinished.connect(self._on_load_finished)
        self._page.renderProcessTerminated.connect(self._on_renderer_gone)

    # ------------------------------------------------------------ public API

    def preload(self) -> None:
        """Start loading the page now, so Chromium starts while the first situation is read."""
        if self._state == "idle":
            self._load_page()

    def show_situation(self, situation: Situation) -> None:
        """Draw ``situation``: the whole of it the first time, then only what changed."""
        self._latest = situation
        self._version += 1
        if self._state in ("idle", "failed"):
            self._load_page()
        self._prepare_next()

    def show_built(self, built: map_payload.Built) -> None:
        """Draw a payload built elsewhere (map_payload.build, e.g. by a benchmark), on this
        thread: the whole of it the first time, then only what changed."""
        self._version += 1
        base = self._shown
        self._apply_prepared(Prepared(built, base, _scripts(base, built.payload), self._version))

    def _get_is_ready(self) -> bool:
        return self._state == "ready"

    is_ready = Property(bool, _get_is_ready, notify=ready)

    @property
    def wall(self) -> bool:
        return self._wall

    @property
    def tiles(self) -> TileSource:
        return self._tiles

    @property
    def blocked_requests(self) -> int:
        """How many requests to anything but the local scheme were blocked."""
        return self._interceptor.blocked_count

    @property
    def blocked_urls(self) -> tuple[str, ...]:
        return self._interceptor.blocked_urls

    @property
    def page(self) -> QWebEnginePage:
        return self._page

    @property
    def tile_problems(self) -> tuple[Problem, ...]:
        """Why the configured base map could not be opened, in words (entity ``map:tiles``):
        merge with the situation's problems for the header's data-quality count. Bad
        geometry is the models' to note (desktop.models.drawable), not the map's."""
        return tuple(self._tile_problems)

    @property
    def coverage(self) -> Coverage | None:
        """The coverage the map shows now (gaps, covered share, nearest stations)."""
        return self._built.coverage if self._built is not None else None

    @property
    def details(self) -> FeatureDetails:
        return self._details

    def show_responders(self, responders: tuple[Any, ...]) -> None:
        """Teams on their way (replay): a dot at each position, a line from its station to
        the place; 估算 when the position is estimated. Dropped when the page is not up."""
        self.responders = responders
        if self._state != "ready":
            return
        from desktop.views.map.responders import responders_payload

        self._call("DutyMap.responders", json.dumps(
            responders_payload(responders, self._tiles.datum, self._lang), ensure_ascii=False))

    def set_follow(self, enabled: bool, overview_after_s: float | None = None) -> None:
        self._follow = enabled
        if overview_after_s is not None:
            self._overview_after_s = overview_after_s

    def evaluate_json(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate a JavaScript expression in the page and pass its JSON value to ``callback``."""

        def parse(result: object) -> None:
            callback(json.loads(result) if isinstance(result, str) and result else None)

        self._page.runJavaScript(f"JSON.stringify({expression})", 0, parse)

    def page_state(self, callback: Callable[[Any], None]) -> None:
        """What the page has drawn: layers with counts, legend and layer-control rows."""
        self.evaluate_json("window.DutyMap ? DutyMap.state() : null", callback)

    def follow_incident(self, incident_id: str, *, back_after_s: float | None = None,
                        circle_m: float = 0.0) -> bool:
        """Move the map to an incident the page shows and point out its nearest ready station
        (with its circle of ``circle_m`` metres drawn, when given); back to the overview after
        ``back_after_s`` (default: the wall's overview time; 0: stay)."""
        feature = self._find("incidents", incident_id)
        if feature is None or self._shown is None:
            return False
        back = (back_after_s if back_after_s is not None
                else self._overview_after_s if self._wall else 0)
        near = feature.get("near")
        if near is not None and circle_m > 0:
            near = {**near, "circle_m": circle_m}
        spec = {"layer": "incidents", "id": incident_id, "lat": feature["lat"],
                "lon": feature["lon"], "near": near, "zoom": FOLLOW_ZOOM,
                "back_after_ms": round(back * 1000)}
        self._call("DutyMap.follow", map_payload.to_json(spec))
        self.followed.emit(incident_id)
        return True

    def show_overview(self) -> None:
        self._page.runJavaScript("window.DutyMap && DutyMap.overview()")

    # --------------------------------------------------------- preparation

    def _prepare_next(self) -> None:
        """Start preparing the newest situation on a worker, unless one is under way."""
        if self._preparing or self._latest is None or self._prepared_version == self._version:
            return
        situation, version, base = self._latest, self._version, self._shown
        lang, base_map, datum = self._lang, self._base_map, self._tiles.datum
        cache = self._layer_cache
        self._preparing = True

        def job() -> Prepared:
            started = time.perf_counter()
            built = map_payload.build(situation, lang=lang, base_map=base_map, datum=datum,
                                      cache=cache)
            scripts = _scripts(base, built.payload)
            log.debug("map payload prepared in %.0f ms", (time.perf_counter() - started) * 1000)
            return Prepared(built, base, scripts, version)

        run_blocking(self, job, self._on_prepared, self._on_prepare_failed)

    def _on_prepared(self, prepared: Prepared) -> None:
        self._preparing = False
        self._apply_prepared(prepared)

    def _apply_prepared(self, prepared: Prepared) -> None:
        if prepared.base is not self._shown:  # the page was reloaded meanwhile: again
            self._prepare_next()
            return
        self._built = prepared.built
        self._prepared_version = prepared.version
        payload = prepared.built.payload
        if prepared.base is None:
            if self._state == "loaded":
                self._draw(payload, prepared.scripts[0])
            else:
                self._whole = (payload, prepared.scripts[0])
                if self._state in ("idle", "failed"):
                    self._load_page()
        else:
            self._shown = payload
            for script in prepared.scripts:
                self._call_literal("DutyMap.apply", script)
            self._follow_new_incidents(prepared.base, payload)
        self._prepare_next()

    def _on_prepare_failed(self, error: BaseException) -> None:
        self._preparing = False
        self._prepared_version = self._version  # not this one again; the next may work
        log.error("the map could not prepare the situation; it keeps the last one",
                  exc_info=error)

    # ------------------------------------------------------------- page

    def _open_tiles(self, source: TileSource) -> map_payload.JsonDict | None:
        mbtiles = None
        if source.kind == "mbtiles" and source.path is not None:
            try:
                mbtiles = MBTiles(source.path)
            except TileConfigError as error:
                log.error("map tiles not shown: %s", error)
                self._tile_problems.append(Problem("map:tiles", str(source.path), str(error)))
                return None
            set_tile_file(mbtiles)
        if source.kind != "none":
            log.info("map base layer: %s", source.describe())
        return map_tiles.tile_spec(source, mbtiles, map_payload.TEXT[self._lang])

    def _load_page(self) -> None:
        self._state = "loading"
        self._load_started = time.perf_counter()
        url = QUrl(PAGE_URL)
        if self._wall:
            url.setQuery("wall=1")
        self._page.load(url)

    def _on_load_finished(self, ok: bool) -> None:
        if self._state != "loading":
            return
        if not ok:
            self._state = "failed"
            log.error("the map page failed to load (%s)", PAGE_URL)
            return
        whole = self._whole or ((self._shown, None) if self._shown is not None else None)
        self._view.setZoomFactor(self._zoom)
        if whole is None:  # preloaded: draw when the first payload is ready
            self._state = "loaded"
            return
        payload, script = whole
        self._draw(payload, script if script is not None else _literal(payload))

    def _draw(self, payload: map_payload.JsonDict, script: str) -> None:
        self._whole = None
        self._state = "drawing"
        self._shown = payload
        self._call_literal("DutyMap.load", script)
        self._poll.start()

    def _poll_ready(self) -> None:
        self._page.runJavaScript(
            "JSON.stringify(window.dutyMapReady === true)", 0, self._on_ready_polled
        )
        waited = time.perf_counter() - self._load_started
        if waited > READY_SLOW_AFTER_S and self._poll.interval() == READY_POLL_MS:
            log.error("the map page is not ready after %.0f s; still waiting", waited)
            self._poll.setInterval(1000)

    def _on_ready_polled(self, result: object) -> None:
        if result != "true" or self._state != "drawing":
            return
        self._poll.stop()
        self._poll.setInterval(READY_POLL_MS)
        self._state = "ready"
        self.load_ms = (time.perf_counter() - self._load_started) * 1000
        log.info("map ready in %.0f ms", self.load_ms)
        if not self._ready_emitted:
            self._ready_emitted = True
            self.ready.emit()

    def _call(self, function: str, argument_json: str) -> None:
        self._call_literal(function, json.dumps(argument_json, ensure_ascii=False))

    def _call_literal(self, function: str, literal: str) -> None:
        """``function(literal)``: the page parses the JSON inside the string literal itself
        (JSON.parse is faster than compiling the same data as an object literal)."""
        self._page.runJavaScript(f"{function}({literal})", 0,
                                 lambda result: self._check_result(function, result))

    def _check_result(self, function: str, result: object) -> None:
        try:
            outcome = json.loads(result) if isinstance(result, str) and result else None
        except ValueError:
            outcome = None
        if isinstance(outcome, dict) and outcome.get("ok"):
            return
        log.error("%s failed in the map page: %s", function, result or "no result")
        if function == "DutyMap.apply" and self._shown is not None and isValid(self):
            # The page no longer matches what we think it shows: draw it all again.
            self._call("DutyMap.reload", map_payload.to_json(self._shown))

    def _on_renderer_gone(self, status: QWebEnginePage.RenderProcessTerminationStatus,
                          code: int) -> None:
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            log.info("the map page's renderer ended normally (shutting down)")
            return
        log.error("the map page's renderer ended (%s, code %d); reloading", status, code)
        self._poll.stop()
        self._state = "idle"
        if self._whole is None and self._shown is not None:
            self._whole = (self._shown, None)
        self._shown = None
        self._load_page()

    # ------------------------------------------------- page → Python

    def _on_page_message(self, message: dict[str, Any]) -> None:
        event = message.get("event")
        if event == "click":
            self._on_click(str(message.get("layer")), str(message.get("id")))
        elif event == "painted":
            self.painted.emit(str(message.get("token")))
        elif event == "ready":
            self._on_ready_polled("true")

    def _on_click(self, layer_key: str, feature_id: str) -> None:
        self.feature_clicked.emit(layer_key, feature_id)
        if self._wall:
            return  # no one at the wall reads a details pane; the signal is for the app
        layer = self._layer(layer_key)
        feature = self._find(layer_key, feature_id)
        if layer is None or feature is None:
            return
        self._details.show_feature(
            layer_key, feature_id, layer["name"], feature.get("tip"),
            sensitive=bool(layer.get("sensitive")), can_reveal=True,
            colon="：" if self._lang == "zh" else ": ")

    def _on_reveal(self, layer_key: str, feature_id: str) -> None:
        self.reveal_requested.emit(layer_key.removeprefix("layer:"), feature_id)

    def _layer(self, key: str) -> map_payload.JsonDict | None:
        if self._shown is None:
            return None
        return next((layer for layer in self._shown["layers"] if layer["key"] == key), None)

    def _find(self, layer_key: str, feature_id: str) -> map_payload.JsonDict | None:
        layer = self._layer(layer_key)
        if layer is None:
            return None
        return next((f for f in layer["features"] if f["id"] == feature_id), None)

    # ------------------------------------------------------------ follow

    def _follow_new_incidents(self, before: map_payload.JsonDict,
                              after: map_payload.JsonDict) -> None:
        """A new incident (recorded just now) takes the map to it, if following is on."""
        if not self._follow:
            return
        old = {f["id"] for layer in before["layers"] if layer["key"] == "incidents"
               for f in layer["features"]}
        new = [f for layer in after["layers"] if layer["key"] == "incidents"
               for f in layer["features"] if f["id"] not in old and f.get("recent")]
        if new:
            self.follow_incident(new[0]["id"])  # incidents come newest first

