"""The simulator's writes as the dashboard's reader sees them (Qt-free): change sets, and
writers that come and go."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from desktop.models.live import ReplicaReader
from desktop.models.replay.source import with_replica
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog
from desktop.models.simulator import ManualClock, Simulator, SimulatorOptions

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)

WRITE_AND_CLOSE = textwrap.dedent("""
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1])
    connection.execute("UPDATE incident SET casualties = 'x' || casualties WHERE id = 1")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()  # the last writer: folds the WAL in and deletes -wal and -shm
""")


def test_change_sets_name_what_the_simulator_touched(demo_replica):
    reader = ReplicaReader(str(demo_replica))
    first = reader.refresh(NOW)
    assert first.update is not None and first.update.changes.full
    assert first.update.changes.reason == "first read"
    simulator = Simulator(open_writer(demo_replica), SimulatorOptions(
        rate_per_min=30, time_scale=60, seed=2), ManualClock(NOW))
    touched: set[str] = set()
    for _ in range(10):
        simulator.run(lambda: False, duration_s=30)
        refresh = reader.refresh(NOW)
        if refresh.update is not None:
            changes = refresh.update.changes
            assert not changes.full, changes.reason
            assert refresh.update.situation.freshness.last_change_seq == changes.seq
            touched |= changes.entities
    assert {"incident", "incident_event"} <= touched
    assert reader.refresh(NOW).update is None  # nothing new: no reload
    simulator.engine.dispose()
    reader.close()


@pytest.mark.parametrize("other_reader", [False, True])
def test_reader_follows_writers_that_delete_and_recreate_the_wal(demo_replica, other_reader):
    """A writer closing last deletes -wal and -shm; the next one makes new files. A reader
    still mapping the old index would be stuck on the old data for good. SQLite shares one
    mapping of the index between all connections of a process to a file, so another reader
    of ours that kept its connection open would pin the old one for all; the other readers
    (``replica.reading``, as every short read does) must neither pin it nor miss a commit."""
    reader = ReplicaReader(str(demo_replica))

    def other_sees() -> int:
        return int(with_replica(str(demo_replica),
                                lambda s: s.scalar(select(func.max(ChangeLog.seq)))))

    seen = reader.refresh(NOW).seq
    if other_reader:
        assert other_sees() == seen
    recreated = 0
    for _ in range(6):
        before = os.stat(f"{demo_replica}-shm").st_ino if os.path.exists(
            f"{demo_replica}-shm") else None
        subprocess.run([sys.executable, "-c", WRITE_AND_CLOSE, str(demo_replica)], check=True,
                       timeout=60)
        subprocess.run([sys.executable, "-c", WRITE_AND_CLOSE.replace(
            'connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")', ""), str(demo_replica)],
            check=True, timeout=60)
        after = os.stat(f"{demo_replica}-shm").st_ino if os.path.exists(
            f"{demo_replica}-shm") else None
        recreated += before != after
        refresh = reader.refresh(NOW)
        assert refresh.seq == seen + 2, "the reader missed a writer's commits"
        assert refresh.update is not None
        # The same database under a new index: the change log still says what changed.
        assert not refresh.update.changes.full, refresh.update.changes.reason
        assert refresh.update.changes.touched == {"incident": frozenset({"1"})}
        seen = refresh.seq
        if other_reader:
            assert other_sees() == seen, "the other reader missed a writer's commits"
    assert recreated, "the writers never recreated the WAL index: nothing was tested"
    reader.close()
