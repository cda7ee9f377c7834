"""The workstation store deleted or corrupted while the wall runs: the wall carries on, the
badge says recording is unavailable, and the next start recovers from the backup."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from desktop.app import Dashboard
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.startup import open_desk
from desktop.models.workstation.store import StoreUnavailable
from desktop.settings import Settings
from desktop.views.desk_badge import DeskBadge, DeskBridge

pytestmark = pytest.mark.gui
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture
def dashboard(qtbot, live_demo_replica):
    board = Dashboard(Settings(replica=str(live_demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    yield board
    board.close()


def _break(path, how):
    if how == "deleted":
        os.remove(path)
    else:
        with open(path, "r+b") as handle:
            handle.write(b"\0garbage, not a database\0" * 8)


@pytest.mark.parametrize("how", ["deleted", "corrupted"])
def test_wall_keeps_going_badge_says_unavailable_restart_recovers(
        qtbot, dashboard, live_demo_replica, tmp_path, how):
    store_path = tmp_path / "workstation.db"
    desk, report = open_desk(store_path, str(live_demo_replica), hasher=CHEAP)
    assert report.created
    enrol(desk.store, CHEAP, dt.datetime.now(dt.UTC), login="王建国", name="王建国",
          role="duty_officer", secret="135790")
    desk.sign_in("王建国", "135790")
    bridge = DeskBridge(desk, dashboard.window, health_every_ms=100)
    badge = DeskBadge(bridge)
    dashboard.window.header.layout().addWidget(badge)
    with qtbot.waitSignal(dashboard.tracker.ready, timeout=30_000):
        dashboard.start()
    street = dashboard.window.header.street.text()
    assert street == "七里河街道" and not badge.recording.isVisible()

    _break(store_path, how)
    broke_at = dt.datetime.now(dt.UTC)
    qtbot.waitUntil(lambda: badge.recording.isVisible(), timeout=5000)
    assert badge.recording.text() == "■ Recording unavailable"
    with pytest.raises(StoreUnavailable):
        desk.add_log_entry("other", "记不下来")
    # the wall carries on: polls still succeed and the situation is still shown
    qtbot.waitUntil(lambda: (dashboard.feed._last_good_read or broke_at) > broke_at,
                    timeout=5000)
    assert dashboard.window.header.street.text() == street
    assert dashboard.window.stations.model.rowCount() > 0
    assert dashboard.window.header.freshness.property("state") in ("live", "stale")
    bridge.close()
    desk.store.dispose()

    # restart: the store comes back from this morning's copy, and says so
    again, report = open_desk(store_path, str(live_demo_replica), hasher=CHEAP)
    assert report.recovered_from is not None and again.state.recording
    assert "restored from backup" in again.state.notice
    assert [o.login for o in again.officers()] == []  # enrolled after the copy: gone, and said
    restarted = DeskBridge(again)
    notice = DeskBadge(restarted)
    qtbot.addWidget(notice)
    assert notice.recording.text() == "▲ Store restored from a backup"
    restarted.close()
