"""The watched drop folder (``dutyroom sync --watch``): in order, all or nothing, fresh.

Most tests drive the model with a manual clock (settle times and heartbeats
pass when the test says so); the kill test runs the real command and kills it
in the middle of an import.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import clock, freshness
from desktop.models.drop_folder import DONE, REJECTED, REPORT_SUFFIX, DropFolder, SyncOptions
from desktop.models.import_handover import hand_over
from desktop.models.importing import ImportOptions
from desktop.models.live import ReplicaReader
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog, Heartbeat, Person
from desktop.models.simulator import ManualClock

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
HEAD = "人员编码,姓名,联系电话,角色,党员\r\n"


def people(*rows: tuple[str, str, str]) -> bytes:
    return (HEAD + "".join(f"{c},{n},{p},志愿者,否\r\n" for c, n, p in rows)).encode()


def drop(folder: Path, name: str, data: bytes, *, renamed: bool = True) -> Path:
    """Put a file in the folder: written beside and renamed in (the polite way), or written
    in place (complete only once it has settled)."""
    target = folder / name
    if renamed:
        partial = folder / f".{name}.part"
        partial.write_bytes(data)
        os.replace(partial, target)
    else:
        target.write_bytes(data)
    return target


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "incoming"
    path.mkdir()
    return path


@pytest.fixture
def writer(demo_replica: Path):
    engine = open_writer(demo_replica)
    yield engine
    engine.dispose()


def make(folder: Path, engine, clock: ManualClock | None = None, **options) -> DropFolder:
    return DropFolder(folder, engine, SyncOptions(**options), clock or ManualClock(NOW))


def phone_of(engine, code: str) -> str | None:
    with Session(engine) as session:
        return session.scalar(select(Person.phone).where(Person.code == code))


def position(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.max(ChangeLog.seq))) or 0


def test_files_dropped_while_it_runs_are_imported_in_the_order_they_came(folder, writer):
    watcher = make(folder, writer)
    drop(folder, "z-first.csv", people(("X001", "张三", "13800000001")))
    assert [o.unit.name for o in watcher.step()] == ["z-first.csv"]
    # Two more arrive between two looks, the later one with the earlier name.
    second = drop(folder, "m-second.csv", people(("X001", "张三", "13800000002")))
    third = drop(folder, "a-third.csv", people(("X001", "张三", "13800000003")))
    os.utime(second, ns=(second.stat().st_mtime_ns - 2_000_000_000,) * 2)
    os.utime(third, ns=(second.stat().st_mtime_ns + 1_000_000_000,) * 2)
    outcomes = watcher.step()
    assert [o.unit.name for o in outcomes] == ["m-second.csv", "a-third.csv"]
    assert all(o.accepted for o in outcomes)
    assert phone_of(writer, "X001") == "13800000003"
    assert sorted(p.name for p in (folder / DONE).iterdir()) == [
        "a-third.csv", "a-third.csv" + REPORT_SUFFIX, "m-second.csv",
        "m-second.csv" + REPORT_SUFFIX, "z-first.csv", "z-first.csv" + REPORT_SUFFIX]
    assert not [p for p in folder.iterdir() if p.is_file()]


def test_the_running_loop_imports_files_dropped_one_by_one_in_order(folder, writer):
    """``run`` as the service runs it: a file dropped every 0.7 s (names against the
    alphabet, two of them between two looks), each imported once, in the order dropped."""
    names = ["e.csv", "d.csv", "c.csv", "b.csv", "a.csv"]
    pending = list(enumerate(names))
    done: list[str] = []

    class Dropping(ManualClock):
        def sleep(self, seconds: float) -> None:
            super().sleep(seconds)
            while pending and self.elapsed >= 0.7 * (pending[0][0] + 1):
                number, name = pending.pop(0)
                drop(folder, name, people(("X080", "蒋七", f"138000000{number:02d}")))
                if number == 2:  # the next one too, before the loop looks again
                    number, name = pending.pop(0)
                    drop(folder, name, people(("X080", "蒋七", f"138000000{number:02d}")))
                    path = folder / name
                    os.utime(path, ns=(path.stat().st_mtime_ns + 1_000_000_000,) * 2)

    watcher = make(folder, writer, Dropping(NOW), scan_s=0.5)
    watcher.run(lambda: len(done) == len(names), duration_s=60,
                on_outcome=lambda outcome: done.append(outcome.unit.name))
    assert done == names
    assert phone_of(writer, "X080") == "13800000004"


def test_a_file_still_being_written_waits_and_holds_back_those_after_it(folder, writer):
    clock = ManualClock(NOW)
    watcher = make(folder, writer, clock, settle_s=5.0)
    slow = drop(folder, "slow.csv", people(("X010", "赵六", "13800000010")), renamed=False)
    os.utime(slow, ns=(slow.stat().st_mtime_ns - 1_000_000_000,) * 2)
    drop(folder, "quick.csv", people(("X010", "赵六", "13800000011")))
    drop(folder, ".hidden.csv", people(("X099", "某", "13800000099")), renamed=False)
    drop(folder, "upload.csv.part", people(("X099", "某", "13800000099")), renamed=False)
    assert watcher.step() == []  # slow.csv has not settled; quick.csv came after it
    slow.write_bytes(people(("X010", "赵六", "13800000012")))  # still being written
    clock.sleep(4.0)
    assert watcher.step() == []
    clock.sleep(5.0)
    assert [o.unit.name for o in watcher.step()] == ["slow.csv", "quick.csv"]
    assert phone_of(writer, "X010") == "13800000011"
    assert phone_of(writer, "X099") is None
    assert (folder / ".hidden.csv").exists() and (folder / "upload.csv.part").exists()


def test_a_file_left_from_before_the_start_is_taken_at_once_a_later_one_waits(folder, writer):
    """A killed sync's file is imported as soon as it starts again; a file that arrives
    later with an old mtime (copied with its times, or from a machine whose clock is
    behind) still waits its settle time."""
    left = drop(folder, "left.csv", people(("X070", "褚五", "13800000070")), renamed=False)
    old = int((NOW - dt.timedelta(minutes=5)).timestamp() * 1e9)
    os.utime(left, ns=(old, old))
    clock = ManualClock(NOW)
    watcher = make(folder, writer, clock, settle_s=5.0)
    assert [o.unit.name for o in watcher.step()] == ["left.csv"]
    later = drop(folder, "later.csv", people(("X071", "卫六", "13800000071")), renamed=False)
    os.utime(later, ns=(old, old))
    assert watcher.step() == []
    clock.sleep(5.0)
    assert [o.unit.name for o in watcher.step()] == ["later.csv"]


def test_a_bad_file_lands_in_rejected_with_its_report_and_writes_nothing(folder, writer):
    watcher = make(folder, writer)
    before = position(writer)
    drop(folder, "bad.csv", people(("X020", "钱七", "13800000020"), ("X021", "孙八", "不是电话")))
    [outcome] = watcher.step()
    assert not outcome.accepted
    assert (folder / REJECTED / "bad.csv").exists()
    report = (folder / REJECTED / ("bad.csv" + REPORT_SUFFIX)).read_text(encoding="utf-8-sig")
    assert "error,bad.csv,3,联系电话" in report
    assert oct((folder / REJECTED / ("bad.csv" + REPORT_SUFFIX)).stat().st_mode & 0o777) == \
        "0o640"
    assert position(writer) == before and phone_of(writer, "X020") is None
    assert not list((folder / DONE).iterdir())


def test_the_same_file_twice_changes_nothing_and_both_are_kept(folder, writer):
    watcher = make(folder, writer)
    data = people(("X030", "周九", "13800000030"), ("X031", "吴十", "13800000031"))
    drop(folder, "people.csv", data)
    [first] = watcher.step()
    assert first.accepted and first.result.counts["people"].inserted == 2
    after_first = position(writer)
    drop(folder, "people.csv", data)
    [second] = watcher.step()
    assert second.accepted and second.result.counts["people"].unchanged == 2
    assert position(writer) == after_first  # no change_log row: nothing changed
    assert {p.name for p in (folder / DONE).iterdir()} == {
        "people.csv", "people.csv" + REPORT_SUFFIX, "people.2.csv",
        "people.2.csv" + REPORT_SUFFIX}


def test_the_heartbeat_keeps_the_dashboard_fresh_on_a_quiet_folder(folder, writer, demo_replica):
    """Two minutes with nothing to import: the dashboard's freshness stays live throughout
    (the demo's own heartbeat is from the moment it was built, NOW)."""
    samples: list[freshness.FreshnessState] = []
    reader = ReplicaReader(str(demo_replica))

    class Watching(ManualClock):
        def sleep(self, seconds: float) -> None:
            super().sleep(seconds)
            samples.append(freshness.assess(
                now=self.now(), last_good_read=self.now(),
                newest_heartbeat=reader.refresh(self.now()).heartbeat, failed_polls=0,
                stale_after=dt.timedelta(seconds=30)))

    try:
        moving = Watching(NOW)
        make(folder, writer, moving, heartbeat_s=5.0).run(lambda: False, duration_s=120)
    finally:
        reader.close()
    assert moving.elapsed >= 120 and len(samples) >= 100
    assert all(state.live for state in samples), [s for s in samples if not s.live][:3]
    with Session(writer) as session:
        beat = session.get(Heartbeat, "sync")
        assert beat is not None and NOW + dt.timedelta(seconds=110) <= beat.at


def test_a_hand_over_batch_is_one_import_with_the_dialogs_options(folder, writer, tmp_path):
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    first = chosen / "甲.csv"
    first.write_bytes(people(("X040", "郑一", "13800000040")))
    second = chosen / "乙.csv"
    second.write_bytes(people(("X041", "王二", "错")))
    watcher = make(folder, writer)
    handed = hand_over([first, second], ImportOptions(skip_invalid=True), str(folder))
    [outcome] = watcher.step()
    assert outcome.unit.manifest == handed.manifest
    assert outcome.accepted  # --skip-invalid from the manifest: the valid row is written
    assert phone_of(writer, "X040") == "13800000040" and phone_of(writer, "X041") is None
    assert {p.name for p in outcome.moved} == {*(p.name for p in handed.files),
                                               handed.manifest.name}
    assert all(p.parent.name == DONE for p in outcome.moved)
    assert "联系电话" in outcome.report.read_text(encoding="utf-8-sig")


def test_a_batch_changed_after_the_hand_over_is_rejected(folder, writer, tmp_path):
    source = tmp_path / "甲.csv"
    source.write_bytes(people(("X050", "冯三", "13800000050")))
    watcher = make(folder, writer)
    handed = hand_over([source], ImportOptions(), str(folder))
    handed.files[0].write_bytes(people(("X050", "冯三", "13900000000")))
    [outcome] = watcher.step()
    assert not outcome.accepted and phone_of(writer, "X050") is None
    assert "changed after it was handed over" in outcome.report.read_text(encoding="utf-8-sig")


def test_a_replica_that_cannot_be_written_keeps_the_file_for_later(folder, demo_replica):
    import sqlite3

    from sqlalchemy import event

    engine = open_writer(demo_replica)

    @event.listens_for(engine, "connect")
    def _impatient(connection, _record):  # after the writer's own 5 s busy timeout
        connection.execute("PRAGMA busy_timeout = 50")

    clock = ManualClock(NOW)
    watcher = make(folder, engine, clock)
    drop(folder, "wait.csv", people(("X060", "陈四", "13800000060")))
    blocker = sqlite3.connect(demo_replica, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        assert watcher.step() == []
    finally:
        blocker.rollback()
        blocker.close()
    try:
        assert (folder / "wait.csv").exists() and not list((folder / REJECTED).iterdir())
        clock.sleep(10)
        [outcome] = watcher.step()
        assert outcome.accepted and phone_of(engine, "X060") == "13800000060"
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_killed_sync_leaves_nothing_half_written_and_imports_the_file_again(
        folder, demo_replica, writer):
    rows = [(f"K{i:06d}", "测试", f"139{i:08d}") for i in range(30_000)]
    before = position(writer)
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "sync", "--watch", str(folder), "--replica",
         str(demo_replica), "--interval", "0.1"], stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("watching")
        # The dashboard's reader sees the sync's heartbeat: live (the demo's own is old).
        reader = ReplicaReader(str(demo_replica))
        try:
            now = clock.now()
            state = freshness.assess(now=now, last_good_read=now,
                                     newest_heartbeat=reader.refresh(now).heartbeat,
                                     failed_polls=0, stale_after=dt.timedelta(seconds=30))
        finally:
            reader.close()
        assert state.live, state
        drop(folder, "big.csv", people(*rows))
        line = process.stdout.readline()
        assert line.strip() == "importing big.csv", line
        process.send_signal(signal.SIGKILL)  # in the middle of the import's transaction
        rest = process.stdout.read()
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)
        if process.stdout is not None:
            process.stdout.close()
    assert "done/" not in rest  # it was killed before the import committed
    assert position(writer) == before
    with Session(writer) as session:
        assert session.scalar(select(func.count()).select_from(Person)
                              .where(Person.code.like("K%"))) == 0
    assert (folder / "big.csv").exists()
    assert not list((folder / DONE).iterdir()) and not list((folder / REJECTED).iterdir())
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]
    # Started again (as systemd does), with the default settle time: it retries by itself.
    with subprocess.Popen([sys.executable, "-m", "desktop", "sync", "--watch", str(folder),
                           "--replica", str(demo_replica), "--interval", "0.1"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as again:
        try:
            assert again.stdout is not None
            lines = [again.stdout.readline() for _ in range(3)]
        finally:
            again.terminate()
            again.wait(60)
    assert lines[0].startswith("watching") and lines[1].strip() == "importing big.csv", lines
    assert lines[2].startswith("big.csv → done/"), lines
    assert (folder / DONE / "big.csv").exists() and not (folder / "big.csv").exists()
    with Session(writer) as session:
        assert session.scalar(select(func.count()).select_from(Person)
                              .where(Person.code.like("K%"))) == len(rows)
        beat = session.get(Heartbeat, "sync")
        assert beat is not None


def test_the_command_line_once_and_its_refusals(folder, demo_replica, run_cli):
    drop(folder, "good.csv", people(("X090", "沈八", "13800000090")))
    drop(folder, "bad.csv", people(("X091", "韩九", "坏")))
    done = run_cli("sync", "--watch", str(folder), "--replica", str(demo_replica), "--once",
                   "--settle", "0")
    assert done.returncode == 1, done.stderr  # one file was rejected
    assert "good.csv → done/" in done.stdout and "bad.csv → rejected/" in done.stdout
    for args, problem in ((["--watch", str(folder / "nowhere")], "no such folder"),
                          (["--watch", str(folder), "--heartbeat", "30"], "heartbeat interval")):
        refused = run_cli("sync", *args, "--replica", str(demo_replica), "--once")
        assert refused.returncode == 2 and problem in refused.stderr, refused.stderr
