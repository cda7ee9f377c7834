"""The garbage collector runs at quiet moments: never while situations keep arriving,
at the latest once a minute, and the automatic collector is back once the dashboard
closes."""

from __future__ import annotations

import gc

import pytest

from desktop.app import Dashboard
from desktop.memory import CollectionPolicy, QuietCollector
from desktop.settings import Settings

pytestmark = pytest.mark.gui


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_policy_waits_for_quiet_and_never_more_than_the_longest_gap():
    policy = CollectionPolicy(quiet_s=2, min_gap_s=10, max_gap_s=60, full_gap_s=600)
    assert policy.generation(now=700, last_full=100) == 2
    assert policy.generation(now=650, last_full=100) == 1
    assert not policy.due(now=105, last_collection=100, last_change=90)  # too soon
    assert policy.due(now=112, last_collection=100, last_change=110)  # quiet for 2 s
    assert not policy.due(now=112, last_collection=100, last_change=111)  # still busy
    assert policy.due(now=160, last_collection=100, last_change=160)  # busy a minute


@pytest.fixture
def automatic_collector_restored():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_collections_wait_while_changes_keep_coming(automatic_collector_restored):
    ticks = Ticks()
    collector = QuietCollector(
        CollectionPolicy(quiet_s=2, min_gap_s=10, max_gap_s=60, full_gap_s=70), ticks)
    collector.settle()
    assert not gc.isenabled()
    for _ in range(50):  # a change every second for 50 s: busy all along
        ticks.now += 1
        collector.changed()
        collector.tick()
    assert collector.collections == 0
    ticks.now += 11  # 61 s since the last collection: collected although busy
    collector.changed()
    collector.tick()
    assert (collector.collections, collector.full_collections) == (1, 0)  # young only
    ticks.now += 12  # quiet for 12 s and 12 s since: collected, all generations (73 s)
    collector.tick()
    assert (collector.collections, collector.full_collections) == (2, 1)
    collector.close()
    assert gc.isenabled()



def test_dashboard_hands_collection_to_the_quiet_collector(qtbot, live_demo_replica,
                                                            automatic_collector_restored):
    board = Dashboard(Settings(replica=str(live_demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    try:
        with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
            board.start()
        qtbot.waitUntil(lambda: not gc.isenabled(), timeout=5_000)
        assert gc.get_freeze_count() > 0
        board.memory.policy = CollectionPolicy(quiet_s=0, min_gap_s=0, max_gap_s=0)
        qtbot.waitUntil(lambda: board.memory.collections > 0, timeout=5_000)
    finally:
        board.close()
    assert gc.isenabled()
