"""Composition root: settings, Qt application, replica reader, live feed and the window."""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.memory import QuietCollector
from desktop.settings import Settings

if TYPE_CHECKING:  # (Qt and the views load when the dashboard starts, not on import)
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog

    from desktop.models.replay.source import Replay
    from desktop.models.situation import Situation
    from desktop.models.timeline import Timeline
    from desktop.views.live_source import LiveSource
    from desktop.views.main_window import MainWindow
    from desktop.views.replay_controller import ReplayController
    from desktop.views.replay_watermark import ReplayWatermark
    from desktop.views.situation_source import SituationSource

log = logging.getLogger(__name__)

# How often the quiet collector asks whether a collection is due (see desktop/memory.py).
COLLECT_CHECK_MS = 1000


def process_age_ms() -> int:
    """Milliseconds since this process started (interpreter start-up included on Linux)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        return round((uptime - start_ticks / ticks) * 1000)
    except (OSError, ValueError, IndexError):
        return round((time.monotonic() - _IMPORTED_AT) * 1000)


_IMPORTED_AT = time.monotonic()
SCREENSHOT_SETTLE_MS = 800


def prepare_environment() -> None:
    """What QtWebEngine needs before the QApplication exists (see SETUP-NOTES)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox as root and the process exits silently.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--log-level=3")
    # Qt Quick's software renderer for the map view. With the default (OpenGL) every
    # repaint of any widget (the clock each second, the banner's flash) composited the
    # whole window through OpenGL, which on a wall without a GPU is Mesa's llvmpipe:
    # wall at rest with one alert flashing (Xvfb 1920x1080, 2026-12-04) 10 % of a core,
    # 6.7 % of it in llvmpipe; software: 2.8 % in all. The map draws the same (looked at).
    # QT_QUICK_BACKEND=rhi uses the GPU where there is one.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


class SituationRouter:
    """Sends the chosen situation source to the views: live, or a replay while one is open.

    The live source never pauses. While a replay is drawn its situations still reach
    the alert banner, so a new or raised incident rings and breaks through marked LIVE;
    the replayed panels do not change. Back to live (the banner's button, the replay
    bar's, or ``BACK_TO_LIVE_KEY``) draws the newest live situation and timeline and
    follows the incident the banner was showing.
    """

    def __init__(self, window: MainWindow, live: LiveSource,
                 replay: ReplayController | None = None,
                 watermark: ReplayWatermark | None = None) -> None:
        self.window = window
        self.live = live
        self.replay = replay
        self.watermark = watermark
        self.current: SituationSource = live
        for source in (live, replay):
            if source is not None:
                source.situation_ready.connect(partial(self._situation, source))
                source.timeline_ready.connect(partial(self._timeline, source))
                source.time_changed.connect(partial(self._time, source))
                source.active_changed.connect(self._choose)
        window.alerts.back_to_live_requested.connect(self.back_to_live)
        if watermark is not None:
            watermark.keep_above(window.alerts)

    @property
    def replaying(self) -> bool:
        return self.current.mode == "replay"

    def _situation(self, source: SituationSource, situation: Situation) -> None:
        if source is self.current:
            self.window.show_situation(situation, replay=source.mode == "replay")
        elif source.mode == "live":
            self.window.show_live_alerts(situation)

    def _timeline(self, source: SituationSource, timeline: Timeline) -> None:
        if source is self.current and self.window.timeline is not None:
            self.window.timeline.show_timeline(timeline, live=source.mode == "live")

    def _time(self, source: SituationSource, at: dt.datetime) -> None:
        if source is self.current and source.mode == "replay":
            self.window.header.show_replay_time(at)

    def _choose(self, _active: bool) -> None:
        replay = self.replay
        self.show(replay if replay is not None and replay.active else self.live)

    def show(self, source: SituationSource) -> None:
        """Put ``source`` on the panels, with what it delivered last."""
        if source is self.current:
            return
        self.current = source
        replaying = source.mode == "replay"
        if self.watermark is not None:
            self.watermark.set_replaying(replaying)
        self.window.set_replaying(replaying)
        if source.timeline is not None and self.window.timeline is not None:
            self.window.timeline.show_timeline(source.timeline, live=not replaying)
        if source.situation is not None:
            self.window.show_situation(source.situation, replay=replaying)
        if not replaying:
            pending = self.window.alerts.tracker.pending
            if pending:
                self.window.follow_incident(pending[0].incident.id)

    def back_to_live(self) -> None:
        if self.replay is not None:
            self.replay.back_to_live()  # its active_changed brings live back


class Dashboard:
    """Everything one dashboard window needs, wired; shown by ``start()``."""

    def __init__(self, settings: Settings, screen_height: int,
                 screen_width: int | None = None,
                 screen_sizes: tuple[tuple[int, int], ...] = ()) -> None:
        """``screen_sizes``: (width, height) of each screen of a wall over several
        (settings.wall_screens), in its order."""
        from PySide6.QtCore import QTimer

        from desktop.views import theme
        from desktop.views.live_feed import LiveFeed
        from desktop.views.live_source import LiveSource
        from desktop.views.main_window import MainWindow
        from desktop.views.operator_actions import OperatorActions
        from desktop.views.ready import ReadyTracker

        self.settings = settings
        sizes = theme.Sizes.for_screen(settings.wall, screen_height, screen_width=screen_width,
                                       diagonal_in=settings.wall_diagonal_in,
                                       distance_m=settings.wall_distance_m)
        from desktop.views.main_window import ScreenPlan

        plans = tuple(
            ScreenPlan(parts, theme.Sizes.for_screen(True, height, screen_width=width,
                                                     diagonal_in=diagonal,
                                                     distance_m=settings.wall_distance_m))
            for (parts, diagonal), (width, height) in zip(
                settings.screen_plans if settings.wall else (), screen_sizes, strict=False))
        if plans:
            sizes = plans[0].sizes
        self.window = MainWindow(wall=settings.wall, language=settings.language, sizes=sizes,
                                 screens=plans,
                                 tiles=settings.tiles(),
                                 takeover_severity=settings.takeover_severity,
                                 takeover_seconds=settings.takeover_seconds,
                                 rotation=settings.rotation_views if settings.wall else (),
                                 rotation_seconds=settings.wall_rotation_seconds)
        self.tracker = ReadyTracker(self.window)
        self.feed = LiveFeed(settings, self.window)
        self.live = LiveSource(self.feed, parent=self.window)
        self.feed.freshness_changed.connect(self.window.show_freshness)
        if self.window.takeover is not None:  # who was dispatched: the live log says
            self.live.timeline_ready.connect(self.window.takeover.show_timeline)
        if self.window.focus is not None:  # the rotation's week of the roster
            from desktop.models.clock import BEIJING
            from desktop.models.roster import load_week

            location = settings.replica
            self.window.focus.set_week_loader(
                lambda first: load_week(location, first, BEIJING))
        # A wall window never replays.
        self.replay = None if settings.wall else self._replay_controls(sizes.body)
        self.router = SituationRouter(self.window, self.live, self.replay,
                                      None if settings.wall else self.watermark)
        self.desk = None
        self.actions = OperatorActions(self.window, settings, None)
        self.live.situation_ready.connect(self.actions.show_situation)
        # The duty desk (workstation store) opens once the wall is up: it is not needed to
        # show the situation, and opening it (database layer, health check, daily backup)
        # would otherwise delay the first picture. Deferred past the ready signal's other
        # listeners, so the moment "ready" is reported is the moment it was reached.
        self.tracker.ready.connect(lambda: QTimer.singleShot(0, self._after_ready))
        self.memory = QuietCollector()
        self.live.situation_ready.connect(lambda _situation: self.memory.changed())
        self._collect_timer = QTimer(self.window)
        self._collect_timer.setInterval(COLLECT_CHECK_MS)
        self._collect_timer.timeout.connect(self.memory.tick)

    def _after_ready(self) -> None:
        self.open_desk()
        self.memory.settle()
        self._collect_timer.start()

    def open_desk(self) -> None:
        from desktop.models.workstation.startup import open_desk
        from desktop.settings import workstation_store
        from desktop.views.desk_badge import DeskBadge, DeskBridge

        if self.desk is not None:
            return
        self.desk, self.desk_report = open_desk(workstation_store(), self.settings.replica)
        self.desk_bridge = DeskBridge(self.desk, self.window)
        self.desk_badge = DeskBadge(self.desk_bridge, self.settings.language)
        self.window.header.add_badge(self.desk_badge)
        if self.settings.wall:  # no buttons on the wall: a key opens the sign-in overlay
            self.desk_badge.button.setVisible(False)
        self.actions.desk = self.desk
        if self.replay is not None:  # its after-action export signs in and is recorded
            self.replay_bar.desk = self.desk
        self.actions.share_alerts()
        self.desk_badge.sign_in_requested.connect(self.actions.open_sign_in)
        if self.settings.wall:  # a key opens the wall's own PIN pad (no buttons there)
            from desktop.views import theme
            from desktop.views.wall_desk import WallDeskOverlay

            self.wall_desk = WallDeskOverlay(
                self.window, self.desk, self.actions.acknowledge_alerts,
                theme.Sizes.for_screen(True, self.window.height(),
                                       screen_width=self.window.width(),
                                       diagonal_in=self.settings.wall_diagonal_in,
                                       distance_m=self.settings.wall_distance_m).body)
        # Any key or click in the window keeps the officer signed in. Filtered on the
        # window's QWindow, not the whole application: an application-wide Python event
        # filter sees QtWebEngine's internal objects too and crashed here (segfault).
        handle = self.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self.desk_bridge)

    @property
    def last_dialog(self) -> QDialog | None:
        return self.actions.last_dialog

    def _replay_controls(self, font_px: int) -> ReplayController:
        """Operator window: the replay bar, the 演练回放 / REPLAY watermark, and the key that
        ends a replay (the router switches the panels)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QVBoxLayout

        from desktop.views.alert_banner import BACK_TO_LIVE_KEY
        from desktop.views.replay_bar import ReplayBar
        from desktop.views.replay_controller import ReplayController
        from desktop.views.replay_watermark import ReplayWatermark

        window = self.window
        replay = ReplayController(self.settings.replica, window)
        self.replay_bar = ReplayBar(replay, self.settings.language)
        layout = window.centralWidget().layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.replay_bar)
        self.watermark = ReplayWatermark(window, font_px)
        replay.opened.connect(self._replay_opened)
        replay.clock_changed.connect(self.watermark.show_clock)
        self.back_to_live_action = QAction(QCoreApplication.translate("App", "Back to live"),
                                           window)
        self.back_to_live_action.setShortcut(QKeySequence(BACK_TO_LIVE_KEY))
        self.back_to_live_action.triggered.connect(replay.back_to_live)
        window.addAction(self.back_to_live_action)
        if window.timeline is not None:  # a click on an event seeks the replay there
            window.timeline.seek_requested.connect(replay.seek)
        replay.responders_changed.connect(window.map.show_responders)  # teams on their way
        english = self.settings.language.startswith("en")
        window.incidents.opened.connect(  # the drill-down, in a replay
            lambda incident_id: replay.open_incident(incident_id, english, window))
        replay.load_drills()
        return replay

    def _replay_opened(self, opened: Replay) -> None:
        self.watermark.set_title(opened.title)

    def start(self, geometry: QRect | None = None,
              others: tuple[QRect, ...] = ()) -> None:
        """``others``: where the wall's other screens are (settings.wall_screens)."""
        # The first read (and the database layer's import) runs on a worker while
        # the window and Chromium start.
        self.feed.start()
        if self.settings.wall:
            if geometry is not None:
                self.window.setGeometry(geometry)
            self.window.showFullScreen()
            for screen, place in zip(self.window.screens, others, strict=False):
                screen.setGeometry(place)
                screen.show()
        else:
            self.window.resize(1600, 950)
            self.window.show()
        self.tracker.window_shown()
        self.window.map.preload()

    def close(self) -> None:
        from desktop.views.worker import wait_for_background_work

        self.actions.close()
        if self.desk is not None:
            self.desk_bridge.close()
        self.feed.stop()
        self.live.close()
        self._collect_timer.stop()
        wait_for_background_work()
        self.memory.close()
        self.feed.close()
        for screen in self.window.screens:  # the wall's other screens
            screen.close()
        self.window.close()


def wall_places(settings: Settings, screens: list[QRect], first: QRect) -> list[QRect]:
    """Where each screen of a wall over several goes: the screens from ``settings.screen``
    on; with fewer than listed (one wide virtual screen, a spliced wall seen as one), the
    first screen split side by side in equal parts."""
    count = len(settings.screen_plans) if settings.wall else 0
    if count < 2:
        return []
    start = settings.screen if 0 <= settings.screen < len(screens) else 0
    if len(screens) - start >= count:
        return screens[start:start + count]
    from PySide6.QtCore import QRect

    width = first.width() // count
    return [QRect(first.x() + i * width, first.y(), width, first.height())
            for i in range(count)]


def run(
    settings: Settings, *, ready_file: Path | None = None, screenshot: Path | None = None
) -> int:
    prepare_environment()
    from desktop.models.replica import forbid_writers

    forbid_writers()  # the dashboard never writes the replica: a writer here fails loudly
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.views.error_hook import ErrorHook
    from desktop.views.i18n import check_cjk_font, install_translators
    from desktop.views.map import register_url_schemes

    register_url_schemes()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("dutyroom")
    from PySide6.QtGui import QIcon

    import desktop.resources as resources

    app.setWindowIcon(QIcon(str(resources.path("icons", "dutyroom.svg"))))
    hook = ErrorHook()
    hook.install()
    install_translators(app, settings.language)
    font_problem = check_cjk_font()

    screens = app.screens()
    screen = screens[settings.screen] if 0 <= settings.screen < len(screens) else screens[0]
    places = wall_places(settings, [s.geometry() for s in screens], screen.geometry())
    dashboard = Dashboard(settings, screen.geometry().height(), screen.geometry().width(),
                          tuple((p.width(), p.height()) for p in places))
    window = dashboard.window

    def on_error(_text: str) -> None:
        notice = QCoreApplication.translate("App", "⚠ %n internal error(s), see log", "",
                                            hook.count)
        window.header.show_notice(notice)

    hook.error.connect(on_error)
    if font_problem:
        window.header.show_notice(font_problem)

    def on_ready() -> None:
        elapsed = process_age_ms()
        log.info("READY %d", elapsed)
        print(f"READY {elapsed}", flush=True)
        def finish() -> None:
            if screenshot is not None:
                window.grab().save(str(screenshot))
            if ready_file is not None:
                ready_file.write_text(f"{elapsed}\n")

        if screenshot is None:
            finish()
        else:
            # Chromium hands its first frame to the widget a moment after the page
            # says it has drawn; a screenshot waits for it (the ready figure does not).
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, finish)

    dashboard.tracker.ready.connect(on_ready)
    dashboard.start(places[0] if places else screen.geometry(), tuple(places[1:]))

    # Let Python see SIGTERM/SIGINT while Qt's loop runs, and quit cleanly.
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)

    code = app.exec()
    dashboard.close()
    hook.uninstall()
    return int(code)
