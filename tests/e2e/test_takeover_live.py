"""The alarm takeover end to end: the real wall (``Dashboard``, the live feed polling a real
replica file at its default interval) and incidents committed by another process, as the
platform's sync would write them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from desktop.app import Dashboard
from desktop.settings import Settings

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

HOLD_S = 3
WITHIN_S = 2.0

# Writes incidents of the given severities in one transaction; prints the commit's time
# (time.time(), this machine's clock) and each incident's id.
WRITE = textwrap.dedent("""
    import datetime as dt, sqlite3, sys, time
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    connection = sqlite3.connect(sys.argv[1])
    lon, lat, grid = connection.execute(
        "SELECT lon, lat, grid_id FROM incident WHERE lon IS NOT NULL ORDER BY id").fetchone()
    ids = []
    for n, severity in enumerate(sys.argv[2:]):
        cursor = connection.execute(
            "INSERT INTO incident (code, title, class_code, severity, status, place, lon,"
            " lat, grid_id, exercise, occurred_at, recorded_at) VALUES (?, ?, 'accident', ?,"
            " 'received', '高新区化工园3号库', ?, ?, ?, 0, ?, ?)",
            (f"TAKE-{time.time_ns()}-{n}", f"化工仓库起火 {severity}", int(severity), lon, lat,
             grid, now, now))
        ids.append(cursor.lastrowid)
    connection.commit()
    print(time.time(), *ids)
""")


def write(replica, *severities):
    done = subprocess.run([sys.executable, "-c", WRITE, str(replica), *map(str, severities)],
                          check=True, capture_output=True, text=True, timeout=60)
    committed, *ids = done.stdout.split()
    return float(committed), [int(i) for i in ids]


@pytest.fixture
def wall(qtbot, live_demo_replica):
    board = Dashboard(Settings(replica=str(live_demo_replica), wall=True,
                               takeover_seconds=HOLD_S), 1080, 1920)
    qtbot.addWidget(board.window)
    with qtbot.waitSignal(board.tracker.ready, timeout=60_000):
        board.start()
    board.window.takeover.clear()  # what the demo had just received at start: not this test's
    yield board
    board.close()


def test_a_iii_incident_from_another_process_takes_over_within_2_s_then_standby(
        qtbot, wall, live_demo_replica):
    window, takeover = wall.window, wall.window.takeover
    shown: list[tuple[float, object]] = []
    takeover.changed.connect(lambda alert: shown.append((time.time(), alert)))
    committed, (incident_id,) = write(live_demo_replica, 3)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    at, alert = shown[0]
    assert alert is not None and alert.incident.id == incident_id
    assert at - committed <= WITHIN_S, f"takeover {at - committed:.2f} s after the commit"
    card = window.takeover_card
    assert card.isVisible() and card.what.text() == "化工仓库起火 3"
    assert not window.incidents.isVisible() and not window.kpis.isVisible()
    # Standby after the set time; the banner stays until acknowledged.
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=(HOLD_S + 5) * 1000)
    assert shown[1][1] is None
    assert HOLD_S - 0.1 <= shown[1][0] - at <= HOLD_S + 1.5
    assert card.isHidden() and window.incidents.isVisible() and window.kpis.isVisible()
    assert window.alerts.isVisible()


def test_two_alarms_committed_together_show_the_more_severe_first(
        qtbot, wall, live_demo_replica):
    takeover = wall.window.takeover
    shown: list[tuple[float, object]] = []
    takeover.changed.connect(lambda alert: shown.append((time.time(), alert)))
    _committed, (iii, ii) = write(live_demo_replica, 3, 2)
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=(2 * HOLD_S + 10) * 1000)
    order = [alert.incident.id if alert is not None else None for _at, alert in shown]
    assert order == [ii, iii, None]
    assert HOLD_S - 0.1 <= shown[1][0] - shown[0][0] <= HOLD_S + 1.5
    assert HOLD_S - 0.1 <= shown[2][0] - shown[1][0] <= HOLD_S + 1.5
