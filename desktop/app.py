"""Composition root: settings, Qt application, replica reader, live feed and the window."""

from __future__ import annotations

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


class Dashboard:
    """Everything one dashboard window needs, wired; shown by ``start()``."""

    def __init__(self, settings: Settings, screen_height: int) -> None:
        from desktop.views import theme
        from desktop.views.live_feed import LiveFeed
        from desktop.views.main_window import MainWindow
        from desktop.views.ready import ReadyTracker

        self.settings = settings
        sizes = theme.Sizes.for_screen(settings.wall, screen_height)
        self.window = MainWindow(wall=settings.wall, language=settings.language, sizes=sizes)
        self.tracker = ReadyTracker(self.window)
        self.feed = LiveFeed(settings, self.window)
        self.last_dialog: object | None = None
        self.feed.situation_ready.connect(self.window.show_situation)
        self.feed.freshness_changed.connect(self.window.show_freshness)
        self.window.stations.station_activated.connect(self.open_station)
        self.window.roster.week_requested.connect(self.open_week)

    def open_week(self) -> None:
        from PySide6.QtCore import Qt

        from desktop.models.roster import load_week
        from desktop.views.header import BEIJING
        from desktop.views.roster_week import RosterWeekDialog

        location = self.settings.replica
        dialog = RosterWeekDialog(lambda first: load_week(location, first, BEIJING),
                                  parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog

    def open_station(self, station: object) -> None:
        """The operator's drill-down into one station, read off the GUI thread."""
        from PySide6.QtCore import Qt

        from desktop.views.station_detail import StationDetailDialog

        location = self.settings.replica
        english = self.settings.language.startswith("en")

        def load(station_id: int) -> object:
            from desktop.models.stations import load_station_detail

            return load_station_detail(location, station_id, english=english)

        dialog = StationDetailDialog(station, load, self.settings.language,  # type: ignore[arg-type]
                                     self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog

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

        self.feed.stop()
        wait_for_background_work()
        self.feed.close()
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
