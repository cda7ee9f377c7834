"""Fault injection on a PostgreSQL replica: the server stopped, then started again."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from test_faults import (
    add_incident,
    expect_recovered,
    expect_stale_then_recovery,
    fresh_beat,
    on_screen,
    start_board,
)

from desktop.replica_commands import init_replica

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))
from test_postgres_cluster import require_postgres, running_cluster

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


@pytest.fixture(scope="module")
def cluster():
    require_postgres()
    with running_cluster("faults") as running:
        running.psql("CREATE DATABASE replica")
        init_replica(running.url(), demo=True)
        yield running


def test_server_stopped_and_restarted(qtbot, cluster):
    url = cluster.url()
    fresh_beat(url)
    board, watch = start_board(qtbot, url)
    try:
        last, shown = board.feed.last_update, on_screen(board)
        fault_at = time.monotonic()
        cluster.stop()
        expect_stale_then_recovery(qtbot, board, watch, fault_at, shown, last)
        assert "unreadable" in watch.badge.text()
        qtbot.wait(1000)  # down for a while: still stale, still the last situation
        assert watch.stale_shown() and board.feed.last_update is last
        cluster.start()
        cleared_at = time.monotonic()
        seq = add_incident(url, "FAULT-PG-RESTART")
        took = expect_recovered(qtbot, board, watch, cleared_at, url, seq)
        assert took <= 5.0
        assert "FAULT-PG-RESTART" in {i.code for i in board.feed.last_update.situation.incidents}
    finally:
        board.close()
