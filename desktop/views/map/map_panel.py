"""The map panel: a web view on the offline map page, fed with JSON.

The first situation loads the page and is drawn in one call; every later one
is diffed against what the page already shows (map_payload.diff_payload) and
only the changes are pushed. ``ready`` fires once the page says it has drawn
the first situation (the app's READY contract waits for it).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Property, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.models.situation import Situation
from desktop.views.map import map_payload
from desktop.views.map.map_page import PAGE_URL, SCHEME
from desktop.views.map.scheme import LocalOnlyInterceptor, map_profile

log = logging.getLogger("desktop.views.map")

BACKGROUND = "#0b121b"  # same as dutymap.css, so loading shows no white flash
READY_POLL_MS = 20
READY_SLOW_AFTER_S = 15.0
MAX_FEATURES_PER_CALL = 2000


class _MapWebPage(QWebEnginePage):
    """Stays on our scheme and sends the page's console to Python logging."""

    _LEVELS: ClassVar[dict[QWebEnginePage.JavaScriptConsoleMessageLevel, int]] = {
        QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.DEBUG,
        QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
        QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
    }

    def __init__(self, profile: QWebEngineProfile, parent: QWidget) -> None:
        super().__init__(profile, parent)
        # First wall against the network: Chromium refuses remote loads from a
        # LocalScheme page outright (LocalOnlyInterceptor is the second, and the
        # one that counts). An online tile source would have to lift this one.
        self.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)

    def acceptNavigationRequest(
        self, url: QUrl | str, type_: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        return QUrl(url).scheme() == SCHEME

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int,
        source: str,
    ) -> None:
        log.log(self._LEVELS.get(level, logging.INFO), "map page: %s (%s:%d)", message, source,
                line)


class MapPanel(QWidget):
    """The street map. ``show_situation`` as often as the situation changes."""

    ready = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        wall: bool = False,
        zoom: float = 1.0,
        language: str = "zh_CN",
    ) -> None:
        """``zoom`` scales the whole page: 2.0 on a 3840×2160 wall keeps its 1080p look."""
        super().__init__(parent)
        self._wall = wall
        self._zoom = zoom
        self._lang = "en" if language.startswith("en") else "zh"
        self._interceptor = LocalOnlyInterceptor(self)
        self._view = QWebEngineView(self)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._page = _MapWebPage(map_profile(), self._view)
        self._page.setUrlRequestInterceptor(self._interceptor)
        self._page.setBackgroundColor(QColor(BACKGROUND))
        self._view.setPage(self._page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        # idle → loading → (loaded, while no situation yet) → drawing → ready; failed on error
        self._state = "idle"
        self._shown: map_payload.JsonDict | None = None  # what the page has drawn
        self._pending: map_payload.JsonDict | None = None  # newest, not yet pushed
        self._ready_emitted = False
        self._load_started = 0.0
        self.load_ms: float | None = None
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
        self._pending = map_payload.build_payload(situation, lang=self._lang)
        if self._state in ("idle", "failed"):
            self._load_page()
        elif self._state == "loaded":
            self._draw(self._pending)
        elif self._state == "ready":
            self._push_pending()

    def _get_is_ready(self) -> bool:
        return self._state == "ready"

    is_ready = Property(bool, _get_is_ready, notify=ready)

    @property
    def wall(self) -> bool:
        return self._wall

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

    def evaluate_json(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate a JavaScript expression in the page and pass its JSON value to ``callback``."""

        def parse(result: object) -> None:
            callback(json.loads(result) if isinstance(result, str) and result else None)

        self._page.runJavaScript(f"JSON.stringify({expression})", 0, parse)

    def page_state(self, callback: Callable[[Any], None]) -> None:
        """What the page has drawn: layers with counts, legend and layer-control rows."""
        self.evaluate_json("window.DutyMap ? DutyMap.state() : null", callback)

    # ------------------------------------------------------------- internals

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
        payload = self._pending
        if payload is None:  # loaded again after a renderer crash
            payload = self._shown
        self._view.setZoomFactor(self._zoom)
        if payload is None:  # preloaded: draw when the first situation comes
            self._state = "loaded"
            return
        self._draw(payload)

    def _draw(self, payload: map_payload.JsonDict) -> None:
        self._pending = None
        self._state = "drawing"
        self._shown = payload
        self._call("DutyMap.load", payload)
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
        if self._pending is not None:
            self._push_pending()

    def _push_pending(self) -> None:
        new, self._pending = self._pending, None
        if new is None or self._shown is None:
            return
        delta = map_payload.diff_payload(self._shown, new)
        self._shown = new
        for piece in map_payload.split_delta(delta, MAX_FEATURES_PER_CALL):
            self._call("DutyMap.apply", piece)

    def _call(self, function: str, argument: map_payload.JsonDict) -> None:
        text = map_payload.to_json(argument)
        script = f"{function}({json.dumps(text, ensure_ascii=False)})"
        self._page.runJavaScript(script, 0, lambda result: self._check_result(function, result))

    def _check_result(self, function: str, result: object) -> None:
        try:
            outcome = json.loads(result) if isinstance(result, str) and result else None
        except ValueError:
            outcome = None
        if isinstance(outcome, dict) and outcome.get("ok"):
            return
        log.error("%s failed in the map page: %s", function, result or "no result")
        if function == "DutyMap.apply" and self._shown is not None:
            # The page no longer matches what we think it shows: draw it all again.
            self._call("DutyMap.reload", self._shown)

    def _on_renderer_gone(self, status: QWebEnginePage.RenderProcessTerminationStatus,
                          code: int) -> None:
        log.error("the map page's renderer ended (%s, code %d); reloading", status, code)
        self._poll.stop()
        self._state = "idle"
        if self._pending is None and self._shown is not None:
            self._pending = self._shown
        self._load_page()
