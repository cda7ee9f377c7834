"""Fault injection on a SQLite replica under the real dashboard (in-process).

Each fault is checked the same way: the window stays up; the stale badge
("DATA STALE", state stale/unreadable) shows within two poll intervals of the
first failed poll; the last good situation stays on screen meanwhile; after
the fault clears the dashboard is live again within 5 s by itself; and the
situation it then shows equals a fresh read of the replica at the same seq
(no change missed). Helpers here are shared with test_faults_postgres.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.app import Dashboard
from desktop.models.queries import situation_now
from desktop.models.replica import beat, open_reader, open_writer
from desktop.models.schema import ChangeLog, Incident
from desktop.models.situation import Freshness, Situation
from desktop.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.e2e]
log = logging.getLogger(__name__)

POLL_MS = 250  # the default poll interval
SLACK_S = 0.15  # event-loop jitter on a loaded 2-core machine
RECOVERY_S = 5.0


# ---------------------------------------------------------------- shared helpers


class Watch:
    """What the dashboard did and when (monotonic seconds)."""

    def __init__(self, board: Dashboard) -> None:
        self.board = board
        self.failures: list[float] = []
        self.states: list[tuple[float, str]] = []
        board.feed.poll_failed.connect(lambda _why: self.failures.append(time.monotonic()))
        board.feed.freshness_changed.connect(
            lambda state: self.states.append((time.monotonic(), state.state)))

    @property
    def badge(self):
        return self.board.window.header.freshness

    def stale_shown(self) -> bool:
        return self.badge.property("state") in ("stale", "unreadable") and \
            "STALE" in self.badge.text()

    def live(self) -> bool:
        return self.badge.property("state") == "live"

    def seq(self) -> int:
        update = self.board.feed.last_update
        return update.situation.freshness.last_change_seq if update else -1

    def stale_since(self, moment: float) -> float:
        return next(t for t, state in self.states if t >= moment and state != "live")


def start_board(qtbot, location: str, **settings) -> tuple[Dashboard, Watch]:
    board = Dashboard(Settings(replica=location, poll_interval_ms=POLL_MS, **settings), 1080)
    qtbot.addWidget(board.window)
    watch = Watch(board)
    with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
        board.start()
    qtbot.waitUntil(watch.live, timeout=10_000)
    return board, watch


def add_incident(location: str, code: str) -> int:
    """One writer transaction: a new incident and a heartbeat; returns the new max seq."""
    engine = open_writer(location)
    try:
        with Session(engine) as session:
            now = dt.datetime.now(dt.UTC)
            session.add(Incident(code=code, title=f"故障演示 {code}", class_code="accident",
                                 type_code="A20600", severity=4, status="received",
                                 place="测试地点", exercise=False, occurred_at=now,
                                 recorded_at=now))
            beat(session, "fault-test", now)
            session.commit()
            return int(session.scalar(select(func.max(ChangeLog.seq))) or 0)
    finally:
        engine.dispose()


def fresh_beat(location: str) -> None:
    engine = open_writer(location)
    try:
        with Session(engine) as session:
            beat(session, "fault-test")
            session.commit()
    finally:
        engine.dispose()


def comparable(situation: Situation) -> Situation:
    return dataclasses.replace(situation, freshness=Freshness(
        None, situation.freshness.last_change_seq, situation.at))


def assert_nothing_missed(board: Dashboard, location: str) -> None:
    update = board.feed.last_update
    assert update is not None
    engine = open_reader(location)
    try:
        with Session(engine) as session:
            fresh = situation_now(session, update.situation.at)
    finally:
        engine.dispose()
    assert update.situation.freshness.last_change_seq == fresh.freshness.last_change_seq
    assert comparable(update.situation) == comparable(fresh)


def on_screen(board: Dashboard) -> tuple[object, ...]:
    window = board.window
    model = window.incidents.model
    return (window.header.street.text(), model.rowCount(),
            tuple(model.incident(row).code for row in range(model.rowCount())),
            window.kpis.incidents.value.text())


def expect_stale_then_recovery(qtbot, board: Dashboard, watch: Watch, fault_at: float,
                               shown: tuple[object, ...], last_update: object) -> None:
    """Badge within two polls of the first failed poll; the last good situation kept."""
    qtbot.waitUntil(watch.stale_shown, timeout=5_000)
    detected = next(t for t in watch.failures if t >= fault_at)
    badge_after = watch.stale_since(fault_at) - detected
    log.info("fault: first failed poll %.0f ms after the fault, badge %.0f ms after that",
             (detected - fault_at) * 1000, badge_after * 1000)
    assert badge_after <= 2 * POLL_MS / 1000 + SLACK_S
    assert board.window.isVisible()
    assert board.feed.last_update is last_update, "a situation was published during the fault"
    assert on_screen(board) == shown


def expect_recovered(qtbot, board: Dashboard, watch: Watch, cleared_at: float,
                     location: str, seq: int) -> float:
    qtbot.waitUntil(lambda: watch.live() and watch.seq() == seq, timeout=int(RECOVERY_S * 1000))
    took = time.monotonic() - cleared_at
    log.info("fault cleared: live again, nothing missed, after %.0f ms", took * 1000)
    assert took <= RECOVERY_S
    assert_nothing_missed(board, location)
    return took


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def good_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live WAL replica (the backup API, not a file copy)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def replica(live_demo_replica: Path) -> Path:
    fresh_beat(str(live_demo_replica))
    return live_demo_replica


@pytest.fixture
def board(qtbot, replica):
    board, watch = start_board(qtbot, str(replica))
    yield board, watch
    board.close()


# ---------------------------------------------------------------- faults


def test_deleted_replica(qtbot, board, replica, tmp_path):
    board, watch = board
    backup = tmp_path / "backup.db"
    good_copy(replica, backup)
    last, shown = board.feed.last_update, on_screen(board)
    fault_at = time.monotonic()
    remove_sqlite(replica)
    expect_stale_then_recovery(qtbot, board, watch, fault_at, shown, last)
    assert "not found" in board.window.header.freshness.toolTip()

    seq = add_incident(str(backup), "FAULT-DELETED")
    cleared_at = time.monotonic()
    os.replace(backup, replica)
    expect_recovered(qtbot, board, watch, cleared_at, str(replica), seq)
    codes = [i.code for i in board.feed.last_update.situation.incidents]
    assert "FAULT-DELETED" in codes


def test_replaced_by_a_file_with_a_lower_seq(qtbot, board, replica, live_demo_template,
                                             tmp_path):
    board, watch = board
    for number in range(3):
        add_incident(str(replica), f"FAULT-OLD-{number}")
    qtbot.waitUntil(lambda: "FAULT-OLD-2" in {
        i.code for i in board.feed.last_update.situation.incidents}, timeout=5_000)
    high = watch.seq()
    older = tmp_path / "older.db"
    older.write_bytes(live_demo_template.read_bytes())
    fresh_beat(str(older))
    last, shown = board.feed.last_update, on_screen(board)
    fault_at = time.monotonic()
    remove_sqlite(replica)  # as `replica init --force` does: remove, then rename the new one in
    expect_stale_then_recovery(qtbot, board, watch, fault_at, shown, last)
    cleared_at = time.monotonic()
    os.replace(older, replica)
    with open_reader(str(replica)).connect() as connection:
        low = connection.scalar(select(func.max(ChangeLog.seq)))
    assert low < high
    expect_recovered(qtbot, board, watch, cleared_at, str(replica), low)
    changes = board.feed.last_update.changes
    assert changes.full
    assert not {"FAULT-OLD-0", "FAULT-OLD-2"} & {
        i.code for i in board.feed.last_update.situation.incidents}


def test_replaced_atomically_switches_within_two_polls(qtbot, board, replica, tmp_path):
    board, watch = board
    newer = tmp_path / "newer.db"
    good_copy(replica, newer)
    seq = add_incident(str(newer), "FAULT-SWAPPED")
    for suffix in ("-wal", "-shm"):  # the old file's WAL must not meet the new file
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    swapped_at = time.monotonic()
    os.replace(newer, replica)
    qtbot.waitUntil(lambda: watch.seq() == seq, timeout=5_000)
    log.info("atomic replacement shown after %.0f ms", (time.monotonic() - swapped_at) * 1000)
    assert time.monotonic() - swapped_at <= 2 * POLL_MS / 1000 + SLACK_S + 0.2
    changes = board.feed.last_update.changes
    assert changes.full and "replaced" in changes.reason
    assert not [state for t, state in watch.states if t >= swapped_at and state != "live"]
    assert_nothing_missed(board, str(replica))


LOCKER = textwrap.dedent("""
    import datetime as dt, sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    connection.execute(
        "INSERT INTO incident (code, title, class_code, severity, status, place, exercise,"
        " occurred_at, recorded_at) VALUES ('FAULT-LOCKED', '锁定期间写入', 'accident', 4,"
        " 'received', '测试地点', 0, ?, ?)", (now, now))
    connection.execute("INSERT OR REPLACE INTO heartbeat (writer, at) VALUES ('locker', ?)",
                       (now,))
    print("locked", flush=True)
    sys.stdin.readline()  # held until the test says so
    connection.execute("COMMIT")
""")


def _lock(path: Path) -> subprocess.Popen[str]:
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    return locker


def _release(locker: subprocess.Popen[str]) -> None:
    assert locker.stdin is not None
    locker.stdin.write("\n")
    locker.stdin.close()
    assert locker.wait(10) == 0
    assert locker.stdout is not None
    locker.stdout.close()


def _max_seq(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        value = int(connection.execute("SELECT max(seq) FROM change_log").fetchone()[0])
    connection.close()
    return value


def test_exclusive_lock_on_a_rollback_journal_replica(qtbot, live_demo_replica):
    """Upstream tools may keep the replica in rollback-journal mode: there an exclusive
    lock stops every reader, so the dashboard must say so and come back by itself."""
    fresh_beat(str(live_demo_replica))  # (our writers switch the file to WAL on connect)
    with sqlite3.connect(live_demo_replica) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    connection.close()
    board, watch = start_board(qtbot, str(live_demo_replica))
    try:
        last, shown = board.feed.last_update, on_screen(board)
        fault_at = time.monotonic()
        locker = _lock(live_demo_replica)
        try:
            expect_stale_then_recovery(qtbot, board, watch, fault_at, shown, last)
            qtbot.wait(1500)  # held for seconds
            assert watch.stale_shown() and board.feed.last_update is last
        finally:
            cleared_at = time.monotonic()
            _release(locker)
        expect_recovered(qtbot, board, watch, cleared_at, str(live_demo_replica),
                         _max_seq(live_demo_replica))
        assert "FAULT-LOCKED" in {i.code for i in board.feed.last_update.situation.incidents}
    finally:
        board.close()


def test_exclusive_lock_on_the_wal_replica_does_not_stop_reading(qtbot, board, replica):
    """Our writers keep the replica in WAL mode, where readers never wait for a writer:
    a lock held for seconds is no fault for the dashboard (nothing is stale), and the
    change written under it shows once it commits."""
    board, watch = board
    locked_at = time.monotonic()
    locker = _lock(replica)
    try:
        qtbot.wait(2000)
        assert watch.live() and not watch.failures
    finally:
        released_at = time.monotonic()
        _release(locker)
    expect_recovered(qtbot, board, watch, released_at, str(replica), _max_seq(replica))
    assert not [s for t, s in watch.states if t >= locked_at and s != "live"]


def test_corrupted_replica(qtbot, board, replica, tmp_path):
    board, watch = board
    backup = tmp_path / "backup.db"
    good_copy(replica, backup)
    last, shown = board.feed.last_update, on_screen(board)
    fault_at = time.monotonic()
    size = replica.stat().st_size
    with replica.open("r+b") as handle:  # a disk or copy error over the header and a page
        handle.write(os.urandom(4096))
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
    expect_stale_then_recovery(qtbot, board, watch, fault_at, shown, last)
    assert "damaged" in board.window.header.freshness.toolTip() or \
        "cannot be read" in board.window.header.freshness.toolTip()

    seq = add_incident(str(backup), "FAULT-RESTORED")
    cleared_at = time.monotonic()
    for suffix in ("-wal", "-shm"):
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    os.replace(backup, replica)
    expect_recovered(qtbot, board, watch, cleared_at, str(replica), seq)


def test_stalled_writer(qtbot, replica):
    """The simulator stops (SIGSTOP): its heartbeat ages past the threshold, the badge turns
    stale; it resumes: live again, and what it wrote meanwhile is all there."""
    stale_after_s = 5
    writer = subprocess.Popen(
        [sys.executable, "-m", "desktop", "simulate", str(replica), "--rate", "60",
         "--time-scale", "60", "--seed", "4", "--interval", "0.5"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    board = None
    try:
        initial = _max_seq(replica)
        board, watch = start_board(qtbot, str(replica), stale_after_s=stale_after_s)
        # The simulator is up and writing, and the dashboard has seen it.
        qtbot.waitUntil(lambda: watch.seq() > initial and watch.live(), timeout=20_000)
        last_seq_before = watch.seq()
        writer.send_signal(signal.SIGSTOP)
        stalled_at = time.monotonic()
        qtbot.waitUntil(lambda: watch.badge.property("state") == "stale",
                        timeout=(stale_after_s + 5) * 1000)
        assert "DATA STALE since" in watch.badge.text()
        state = board.feed.state
        assert state is not None and state.since is not None
        # Detection is the moment the newest heartbeat passed the threshold.
        due = state.since + dt.timedelta(seconds=stale_after_s)
        late = dt.datetime.now(dt.UTC) - due
        log.info("stalled writer: badge %.0f ms after the heartbeat passed the threshold",
                 late.total_seconds() * 1000)
        assert late <= dt.timedelta(seconds=2 * POLL_MS / 1000 + SLACK_S)
        assert watch.seq() >= last_seq_before and board.window.isVisible()
        assert time.monotonic() - stalled_at < stale_after_s + 5
        resumed_at = time.monotonic()
        writer.send_signal(signal.SIGCONT)
        qtbot.waitUntil(watch.live, timeout=int(RECOVERY_S * 1000))
        log.info("stalled writer resumed: live again after %.0f ms",
                 (time.monotonic() - resumed_at) * 1000)
        assert time.monotonic() - resumed_at <= RECOVERY_S
        writer.send_signal(signal.SIGTERM)
        assert writer.wait(10) == 0
        final = _max_seq(replica)
        qtbot.waitUntil(lambda: watch.seq() == final, timeout=int(RECOVERY_S * 1000))
        assert final > last_seq_before, "the simulator wrote nothing"
        assert_nothing_missed(board, str(replica))
    finally:
        if writer.poll() is None:
            writer.send_signal(signal.SIGCONT)
            writer.kill()
        writer.communicate()
        if board is not None:
            board.close()
