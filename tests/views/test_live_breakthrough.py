"""Live never pauses: while the operator replays a drill, a live incident breaks through.

The real operator window (``Dashboard``) on a real replica file; the live
incident is written by another process, as the platform's sync would.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.app import Dashboard
from desktop.models import clock
from desktop.models.clock import beijing
from desktop.settings import Settings
from desktop.views import theme
from desktop.views.alert_banner import BACK_TO_LIVE_KEY

pytestmark = pytest.mark.gui

# Another process writes the replica: a new III (较大) incident, or an open IV incident
# raised to III. Prints the incident's id and title.
WRITE_INCIDENT = textwrap.dedent("""
    import datetime as dt, sqlite3, sys
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    connection = sqlite3.connect(sys.argv[1])
    if sys.argv[2] == "raised":
        found, title = connection.execute(
            "SELECT id, title FROM incident WHERE closed_at IS NULL AND severity = 4"
            " AND exercise = 0 ORDER BY id").fetchone()
        connection.execute("UPDATE incident SET severity = 3 WHERE id = ?", (found,))
        connection.commit()
        print(found, title)
        sys.exit()
    lon, lat, grid = connection.execute(  # where the street's first located incident was
        "SELECT lon, lat, grid_id FROM incident WHERE lon IS NOT NULL ORDER BY id").fetchone()
    cursor = connection.execute(
        "INSERT INTO incident (code, title, class_code, severity, status, place, lon, lat,"
        " grid_id, exercise, occurred_at, recorded_at) VALUES ('LIVE-III', '化工仓库起火',"
        " 'accident', 3, 'received', '高新区化工园3号库', ?, ?, ?, 0, ?, ?)",
        (lon, lat, grid, now, now))
    connection.commit()
    print(cursor.lastrowid, "化工仓库起火")
    connection.close()
""")




def _open_first_drill(qtbot, board):
    replay = board.replay
    with qtbot.waitSignal(replay.drills_ready, timeout=10_000) as drills:
        replay.load_drills()
    with qtbot.waitSignals([replay.active_changed, replay.situation_ready], timeout=20_000):
        replay.open_drill(drills.args[0][0].id)
    # A replay opens at its drill's start, before its incidents: go to its middle event,
    # so that the replayed panels show rows whose stillness the test can check.
    marks = replay.clock.marks
    with qtbot.waitSignal(replay.situation_ready, timeout=20_000):
        replay.seek(marks[len(marks) // 2])
    return replay


def _replayed_panels(window):
    incidents = window.incidents.model
    stations = window.stations.model
    return (
        [incidents.incident(r) for r in range(incidents.rowCount())],
        [stations.station(r) for r in range(stations.rowCount())],
        [tile.value.text() for tile in (window.kpis.on_duty, window.kpis.incidents,
                                        window.kpis.ready)],
        window.timeline.timeline,
        window.timeline.cutoff,
    )


@pytest.mark.parametrize("change", ["new", "raised"])
def test_a_live_incident_breaks_through_a_replay_and_the_key_returns_to_it(
        qtbot, chinese, live_demo_replica, monkeypatch, change):
    board = Dashboard(Settings(replica=str(live_demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    window, banner = board.window, board.window.alerts
    try:
        with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
            board.start()
        replay = _open_first_drill(qtbot, board)
        assert board.watermark.isVisible() and board.router.replaying
        replayed = replay.situation
        before = _replayed_panels(window)
        assert before[0] and before[1]
        redrawn: list[str] = []
        for name in ("incidents", "stations"):
            getattr(window, name).drawn.connect(lambda n=name: redrawn.append(n))
        banner.acknowledge_all()  # whatever the demo alerted at start: this test's alert alone
        rung: list[int] = []
        monkeypatch.setattr(banner.sound, "play", rung.append)
        polls: list[bool] = []  # each poll that ended after the write: banner shown yet?
        on_polled = board.feed._on_polled

        def counted(result):
            on_polled(result)
            polls.append(banner.isVisible() and bool(title) and title in banner.text.text())

        title = ""
        monkeypatch.setattr(board.feed, "_on_polled", counted)

        written = subprocess.run(
            [sys.executable, "-c", WRITE_INCIDENT, str(live_demo_replica), change],
            check=True, capture_output=True, text=True, timeout=60)
        found, title = written.stdout.split(maxsplit=1)
        incident_id, title = int(found), title.strip()
        polls.clear()  # polls before the commit do not count
        qtbot.waitUntil(lambda: any(polls), timeout=10_000)
        assert polls.index(True) < 2, f"shown after {polls.index(True) + 1} polls"

        # The banner: on top of the watermark, marked 实时 / LIVE in the live colour.
        assert banner.isVisible() and banner.breakthrough
        assert "较大" in banner.text.text()
        assert ("级别上调" if change == "raised" else "新接报") in banner.text.text()
        assert banner.live_mark.isVisible() and banner.live_mark.text() == "实时 / LIVE"
        assert theme.LIVE_COLOUR in banner.live_mark.styleSheet()
        # Painted red and dark in turn inside a frame of the live colour; never amber.
        shown = {banner.grab().toImage().pixelColor(8, banner.height() // 2).name()}
        qtbot.waitUntil(lambda: shown.add(banner.grab().toImage().pixelColor(
            8, banner.height() // 2).name()) or len(shown) == 2, timeout=3000)
        assert shown == {theme.STATUS_COLOUR["red"], theme.PANEL}
        assert banner.grab().toImage().pixelColor(1, banner.height() // 2).name() == \
            theme.LIVE_COLOUR
        assert banner.parent() is window
        siblings = window.children()
        assert siblings.index(banner) > siblings.index(board.watermark)
        assert banner.geometry().intersects(board.watermark.geometry())
        assert rung == [1]  # the sound rings as it would live
        # The replayed panels did not change.
        assert replay.active and replay.situation is replayed
        assert window._last is replayed and redrawn == []
        assert _replayed_panels(window) == before
        if change == "new":
            assert incident_id not in {i.id for i in before[0]}

        # The key returns to live, with that incident selected and followed.
        assert board.back_to_live_action.shortcut() == QKeySequence(BACK_TO_LIVE_KEY)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        with qtbot.waitSignal(window.map.followed, timeout=20_000) as followed:
            qtbot.keyClick(window, Qt.Key.Key_F6)
            assert not replay.active and not board.watermark.isVisible()
            assert not board.router.replaying and not banner.breakthrough
        assert followed.args == [str(incident_id)]
        listed = [window.incidents.model.incident(r).id
                  for r in range(window.incidents.model.rowCount())]
        assert incident_id in listed
        assert window.incidents.selected_incident() == incident_id
        assert banner.parent() is window.centralWidget() and banner.isVisible()
        assert window._last is board.live.situation
    finally:
        board.close()


def test_the_header_shows_the_replayed_and_the_live_time_during_a_replay(
        qtbot, demo_replica, fixed_now):
    with clock.using(lambda: fixed_now):
        board = Dashboard(Settings(replica=str(demo_replica)), 1080)
        qtbot.addWidget(board.window)
        header = board.window.header
        try:
            assert header.clock.text() == "10:00:00" and header.live_clock.isHidden()
            replay = _open_first_drill(qtbot, board)
            middle = replay.clock.start + (replay.clock.end - replay.clock.start) / 2
            with qtbot.waitSignal(replay.time_changed, timeout=5_000):
                replay.seek(middle)
            at = replay.clock.position
            assert at != fixed_now
            assert header.clock.text() == f"▶ {beijing(at):%m-%d %H:%M:%S}"
            assert theme.STATUS_COLOUR["amber"] in header.clock.styleSheet()
            assert header.live_clock.isVisibleTo(header)
            assert header.live_clock.text() == "Live 10:00:00"
            assert header.live_clock.objectName() == "dim"  # small, beside the big clock
            layout = header.layout()
            assert layout.indexOf(header.live_clock) == layout.indexOf(header.clock) + 1
            replay.back_to_live()
            assert header.clock.text() == "10:00:00" and header.live_clock.isHidden()
            assert header.clock.styleSheet() == ""
        finally:
            board.close()


def test_a_wall_window_never_replays(qtbot, demo_replica):
    board = Dashboard(Settings(replica=str(demo_replica), wall=True), 1080)
    qtbot.addWidget(board.window)
    try:
        assert board.replay is None and board.router.replay is None
        assert board.router.current is board.live and not board.router.replaying
        assert not hasattr(board, "back_to_live_action")
        assert board.window.timeline is None
    finally:
        board.close()
