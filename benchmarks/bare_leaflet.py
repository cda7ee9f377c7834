"""Baseline: a bare QWebEngineView showing an empty Leaflet map from local files.

The least any Qt WebEngine map window costs on this machine. Run it as a fresh
process, so that its imports count as the dashboard's do:

    python benchmarks/bare_leaflet.py [--ready-file PATH] [--quit]

Like ``dutyroom``, it prints ``READY <ms since process start>`` once Leaflet's map
exists and the page has set ``window.ready``, writes that figure to
``--ready-file``, and runs until terminated (``--quit``: exit at once instead).
"""

from __future__ import annotations

import time

IMPORTED_AT = time.monotonic()

import argparse  # noqa: E402  (the clock above starts before every import)
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
<style>html, body, #map {{ height: 100%; margin: 0; }}</style>
</head><body><div id="map"></div>
<script>
var map = L.map("map", {{preferCanvas: true}}).setView([36.06, 103.83], 14);
window.ready = true;
</script></body></html>
"""
POLL_MS = 20  # how often the ready flag is asked for, as a dashboard would


def process_age_ms() -> int:
    """Milliseconds since this process started, measured as desktop.app measures it."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return round((uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return round((time.monotonic() - IMPORTED_AT) * 1000)


def write_page(folder: Path) -> Path:
    import xstatic.pkg.leaflet as leaflet

    assets = Path(leaflet.BASE_DIR)
    page = folder / "bare_leaflet.html"
    page.write_text(
        PAGE.format(css=(assets / "leaflet.css").as_uri(), js=(assets / "leaflet.js").as_uri()),
        encoding="utf-8",
    )
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready-file", type=Path, help="write the ready figure (ms) here")
    parser.add_argument("--quit", action="store_true", help="exit once ready")
    args = parser.parse_args()

    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--log-level=3")
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView  # before the QApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    folder = tempfile.TemporaryDirectory(prefix="bare-leaflet-")
    view = QWebEngineView()
    view.resize(1920, 1080)
    view.load(QUrl.fromLocalFile(str(write_page(Path(folder.name)))))
    view.show()

    def on_flag(value: object) -> None:
        if value is not True or not poll.isActive():
            return
        poll.stop()
        elapsed = process_age_ms()
        print(f"READY {elapsed}", flush=True)
        if args.ready_file is not None:
            partial = args.ready_file.with_name(args.ready_file.name + ".part")
            partial.write_text(f"{elapsed}\n")
            partial.replace(args.ready_file)
        if args.quit:
            app.quit()

    poll = QTimer(interval=POLL_MS)
    poll.timeout.connect(lambda: view.page().runJavaScript("window.ready === true", 0, on_flag))
    poll.start()

    # Python runs signal handlers only between bytecodes: tick so SIGTERM gets through.
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    tick = QTimer(interval=200)
    tick.timeout.connect(lambda: None)
    tick.start()

    status = app.exec()
    # Delete the page before the profile goes, or Chromium may crash at exit (SETUP-NOTES).
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    folder.cleanup()
    return status


if __name__ == "__main__":
    sys.exit(main())
