"""Composition root: settings, Qt application, replica reader, live feed and the window."""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import time
from pathlib import Path

from desktop.settings import Settings

log = logging.getLogger(__name__)


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


def settle_memory() -> None:
    """Once the dashboard is up: collect, then move everything alive to the collector's
    permanent generation. The start-up objects (Qt wrappers, SQLAlchemy, the first
    situation: ~170k) are never garbage, yet every full collection walked them all:
    55 ms with the GIL held, a visible stall whichever thread triggered it."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    log.info("memory settled in %.0f ms: %d objects frozen", (time.perf_counter() - started)
             * 1000, gc.get_freeze_count())


class Dashboard:
    """Everything one dashboard window needs, wired; shown by ``start()``."""

    def __init__(self, settings: Settings, screen_height: int) -> None:
        from PySide6.QtCore import QTimer

        from desktop.views import theme
        from desktop.views.live_feed import LiveFeed
        from desktop.views.main_window import MainWindow
        from desktop.views.operator_actions import OperatorActions
        from desktop.views.ready import ReadyTracker

        self.settings = settings
        sizes = theme.Sizes.for_screen(settings.wall, screen_height)
        self.window = MainWindow(wall=settings.wall, language=settings.language, sizes=sizes,
                                 tiles=settings.tiles())
        self.tracker = ReadyTracker(self.window)
        self.feed = LiveFeed(settings, self.window)
        self.live_situation: object | None = None
        self.feed.situation_ready.connect(self._on_live)
        self.feed.freshness_changed.connect(self.window.show_freshness)
        self.replay = None if settings.wall else self._wire_replay(sizes.body)
        self.desk = None
        self.actions = OperatorActions(self.window, settings, None)
        self.feed.situation_ready.connect(self.actions.show_situation)
        # The duty desk (workstation store) opens once the wall is up: it is not needed to
        # show the situation, and opening it (database layer, health check, daily backup)
        # would otherwise delay the first picture. Deferred past the ready signal's other
        # listeners, so the moment "ready" is reported is the moment it was reached.
        self.tracker.ready.connect(lambda: QTimer.singleShot(0, self._after_ready))

    def _after_ready(self) -> None:
        self.open_desk()
        settle_memory()

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
        self.actions.desk = self.desk
        self.actions.share_alerts()
        self.desk_badge.sign_in_requested.connect(self.actions.open_sign_in)
        # Any key or click in the window keeps the officer signed in. Filtered on the
        # window's QWindow, not the whole application: an application-wide Python event
        # filter sees QtWebEngine's internal objects too and crashed here (segfault).
        handle = self.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self.desk_bridge)

    @property
    def last_dialog(self) -> object | None:
        return self.actions.last_dialog

    def _on_live(self, situation: object) -> None:
        self.live_situation = situation
        if self.replay is None or not self.replay.active:
            self.window.show_situation(situation)  # type: ignore[arg-type]

    def _wire_replay(self, font_px: int) -> object:
        """Operator window: the timeline follows live data; the replay bar swaps every
        panel to a past situation, under the 演练回放 / REPLAY watermark."""
        from desktop.views.qt_timeline_feed import TimelineFeed
        from desktop.views.replay_bar import ReplayBar
        from desktop.views.replay_controller import ReplayController
        from desktop.views.replay_watermark import ReplayWatermark

        window = self.window
        replay = ReplayController(self.settings.replica, window)
        self.replay_bar = ReplayBar(replay, self.settings.language)
        window.centralWidget().layout().insertWidget(1, self.replay_bar)  # type: ignore[union-attr]
        self.watermark = ReplayWatermark(window, font_px)
        self.timeline_feed = TimelineFeed(self.settings.replica, parent=window)
        assert window.timeline is not None

        def on_mode(replaying: bool) -> None:
            self.watermark.set_replaying(replaying)
            window.header.show_replay(replaying)
            self.timeline_feed.enabled = not replaying
            if not replaying and self.live_situation is not None:
                window.show_situation(self.live_situation)  # type: ignore[arg-type]
                self.timeline_feed.load(self.live_situation.at)  # type: ignore[attr-defined]

        self.feed.update_ready.connect(self.timeline_feed.follow)
        self.timeline_feed.timeline_ready.connect(window.timeline.show_timeline)
        replay.situation_ready.connect(window.show_replay)
        replay.timeline_ready.connect(window.timeline.show_timeline)
        replay.mode_changed.connect(on_mode)
        replay.opened.connect(lambda opened: self.watermark.set_title(opened.title))
        replay.clock_changed.connect(self.watermark.show_clock)
        replay.load_drills()
        return replay

    def start(self, geometry: object | None = None) -> None:
        # The first read (and the database layer's import) runs on a worker while
        # the window and Chromium start.
        self.feed.start()
        if self.settings.wall:
            if geometry is not None:
                self.window.setGeometry(geometry)  # type: ignore[call-overload]
            self.window.showFullScreen()
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
        wait_for_background_work()
        self.feed.close()
        if self.replay is not None:
            self.timeline_feed.close()
        self.window.close()


def run(
    settings: Settings, *, ready_file: Path | None = None, screenshot: Path | None = None
) -> int:
    prepare_environment()
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
    dashboard = Dashboard(settings, screen.geometry().height())
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
    dashboard.start(screen.geometry())

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
