"""A schema version changed under the running dashboard: the header says so, within two polls."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.settings import Settings
from desktop.views.header import Header
from desktop.views.live_feed import LiveFeed

pytestmark = pytest.mark.gui
POLL_MS = 100


def test_a_schema_change_is_named_in_the_header_within_two_polls(qtbot, chinese,
                                                                  live_demo_replica):
    from sqlalchemy.orm import Session

    from desktop.models import clock
    from desktop.models.replica import beat, open_writer

    writer = open_writer(live_demo_replica)  # a writer's fresh heartbeat: live at first
    with Session(writer) as session:
        beat(session, "test", clock.now())
        session.commit()
    writer.dispose()
    feed = LiveFeed(Settings(replica=str(live_demo_replica), poll_interval_ms=POLL_MS))
    header = Header("zh_CN")
    qtbot.addWidget(header)
    feed.freshness_changed.connect(header.show_freshness)
    with qtbot.waitSignal(feed.situation_ready, timeout=20_000):
        feed.start()
    assert feed.state is not None and feed.state.live
    with sqlite3.connect(live_demo_replica) as writer:  # what a newer 'replica migrate' does
        writer.execute("UPDATE alembic_version SET version_num = '9999'")
    # two polls of 100 ms, and the time each takes on a busy 2-core machine
    qtbot.waitUntil(lambda: "9999" in header.freshness.text(), timeout=3 * POLL_MS + 2000)
    text = header.freshness.text()
    assert "数据未更新" in text and "比本程序新" in text and "请更新程序" in text
    feed.stop()
    feed.close()
