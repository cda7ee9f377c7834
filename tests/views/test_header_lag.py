"""A subscriber's lag behind upstream, beside the freshness badge (issue 24)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop.settings import Settings
from desktop.views.header import Header
from desktop.views.live_feed import LiveFeed

pytestmark = pytest.mark.gui


def test_the_header_shows_the_subscriptions_lag_beside_live(qtbot, chinese, live_demo_replica):
    """Heartbeats that came through a subscription carry their arrival (replica.py,
    subscription_lag): the badge stays 实时 and says how far behind upstream it is."""
    from sqlalchemy.orm import Session

    from desktop.models import clock
    from desktop.models.replica import beat, open_writer
    from desktop.models.schema import Heartbeat

    now = clock.now()
    writer = open_writer(live_demo_replica)
    with Session(writer) as session:  # what the subscriber's apply worker leaves
        beat(session, "upstream", now - dt.timedelta(seconds=3))
        session.flush()
        session.get(Heartbeat, "upstream").received_at = now
        session.commit()
    writer.dispose()
    feed = LiveFeed(Settings(replica=str(live_demo_replica), poll_interval_ms=100))
    header = Header("zh_CN")
    qtbot.addWidget(header)
    feed.freshness_changed.connect(header.show_freshness)
    with qtbot.waitSignal(feed.situation_ready, timeout=20_000):
        feed.start()
    qtbot.waitUntil(lambda: "上游延迟" in header.freshness.text(), timeout=5_000)
    assert feed.state is not None and feed.state.live
    assert feed.state.lag == dt.timedelta(seconds=3)
    assert header.freshness.text().endswith("上游延迟 3.0 秒")
    shots = Path(os.environ.get("DUTYROOM_SHOTS", "/tmp/issue-24-shots"))
    shots.mkdir(parents=True, exist_ok=True)
    header.resize(1600, 90)
    header.grab().save(str(shots / "header-lag.png"))
    feed.stop()
    feed.close()
