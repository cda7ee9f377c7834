"""The live timeline's read: the tables it declares, and the live reader's connection it uses."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from sqlalchemy import event

from desktop.models.errors import ReplicaError
from desktop.models.live import ReplicaReader
from desktop.models.replica import open_reader
from desktop.models.schema import TRACKED_TABLES
from desktop.models.timeline import READS, timeline_window


def test_the_timeline_declares_every_table_it_reads(demo_replica, fixed_now):
    """A table missing from READS would leave the live timeline stale after a change to it."""
    from sqlalchemy.orm import Session

    engine = open_reader(str(demo_replica))
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _k, statement, *_rest: seen.append(statement))
    with Session(engine) as session:
        timeline_window(session, fixed_now - dt.timedelta(hours=24), fixed_now)
    engine.dispose()
    tables = {m for s in seen for m in re.findall(r"(?:FROM|JOIN)\s+(\w+)", s)}
    assert tables == set(READS)
    assert set(READS) <= set(TRACKED_TABLES)


def test_a_read_between_polls_uses_the_reader_and_its_checks(demo_replica, fixed_now,
                                                            tmp_path):
    reader = ReplicaReader(str(demo_replica))
    first = reader.refresh(fixed_now)
    assert first.update is not None and first.update.changes.full
    start = fixed_now - dt.timedelta(hours=6)
    timeline = reader.read(lambda session: timeline_window(session, start, fixed_now))
    assert timeline.incidents and timeline.end == fixed_now
    assert reader.refresh(fixed_now).update is None  # a read is not a change
    # The file replaced under the reader: the read fails like a poll, and the next poll
    # reads everything anew.
    shutil.copyfile(demo_replica, tmp_path / "copy.db")
    demo_replica.unlink()
    with pytest.raises(ReplicaError, match="not found"):
        reader.read(lambda session: timeline_window(session, start, fixed_now))
    shutil.copyfile(tmp_path / "copy.db", demo_replica)
    again = reader.refresh(fixed_now)
    assert again.update is not None and again.update.changes.full
    reader.close()
