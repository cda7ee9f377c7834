"""The workstation store file: schema, append-only tables, backups, corrupt-store recovery."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.models.handover import HandoverPackage
from desktop.models.workstation import backups
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.migrate import SCHEMA_VERSION
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.startup import open_desk
from desktop.models.workstation.store import StoreUnavailable

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
CHEAP = SecretHasher(HashProfile.cheap())


def _package():
    return HandoverPackage(compiled_at=NOW, street="七里河街道", outgoing=None, incoming=None,
                           open_incidents=(), stations_not_ready=(), staffing_gaps=(),
                           warnings=(), problems=())


def _signed_in_desk(store, clock=lambda: NOW):
    enrol(store, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer", secret="135790")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("王值班", "135790")
    return desk


def test_new_store_is_wal_versioned_and_seeded(tmp_path):
    _store, report = open_store(tmp_path / "ws.db", NOW)
    assert report.created and not report.problem and report.message == ""
    connection = sqlite3.connect(tmp_path / "ws.db")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("SELECT count(*) FROM role_permission").fetchone()[0] > 10
    connection.close()
    _again, report = open_store(tmp_path / "ws.db", NOW)
    assert not report.created


@pytest.mark.parametrize("table", ["audit", "duty_log", "handover", "handover_ack",
                                   "after_action_finding"])
def test_history_tables_refuse_update_and_delete(tmp_path, table):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    desk = _signed_in_desk(store)
    desk.add_log_entry("other", "巡查值班室")
    desk.save_findings("DR-1", "到场超时", "加强到门演练")
    written = desk.write_handover(_package(), "无遗留事项")
    enrol(store, CHEAP, NOW, login="李接班", name="李接班", role="duty_officer", secret="246802")
    desk.sign_in("李接班", "246802")
    desk.acknowledge_handover(written)
    for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(IntegrityError, match="append-only"), store.write() as session:
            session.execute(text(statement))
    # even from the sqlite3 shell, outside our code
    connection = sqlite3.connect(tmp_path / "ws.db")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        connection.execute(f"DELETE FROM {table}")
    connection.close()


def test_a_store_from_a_newer_application_is_refused(tmp_path):
    path = tmp_path / "ws.db"
    open_store(path, NOW)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreUnavailable, match="newer than this application"):
        open_store(path, NOW)


def test_one_backup_per_day_rotating_keeps_the_newest(tmp_path):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW, keep=3)
    folder = backups.backups_dir_for(path)
    assert [p.name for p in backups.backups(folder)] == ["workstation-20261123.db"]
    assert store.backup_if_due(NOW + dt.timedelta(hours=1)) is None  # same day: no new copy
    for days in range(1, 6):
        assert store.backup_if_due(NOW + days * DAY) is not None
    names = [p.name for p in backups.backups(folder)]
    assert names == ["workstation-20261128.db", "workstation-20261127.db",
                     "workstation-20261126.db"]
    for copy in backups.backups(folder):  # each copy is a complete, healthy store
        connection = sqlite3.connect(copy)
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        connection.close()


def test_backups_follow_the_beijing_day(tmp_path):
    late_evening_utc = dt.datetime(2026, 11, 23, 17, 30, tzinfo=dt.UTC)  # 01:30 on the 24th
    open_store(tmp_path / "ws.db", late_evening_utc)
    assert [p.name for p in backups.backups(tmp_path / "workstation-backups")] == [
        "workstation-20261124.db"]


def _corrupt(path):
    with open(path, "r+b") as handle:
        handle.write(b"this is not an SQLite file at all" * 4)


def test_corrupt_store_is_moved_aside_and_recovered_from_newest_good_backup(tmp_path):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW)
    desk = _signed_in_desk(store)
    desk.add_log_entry("call_received", "昨日来电：长安花园停水")
    store.backup_if_due(NOW + DAY)  # tomorrow's copy holds the entry
    folder = backups.backups_dir_for(path)
    bad_newest = backups.backup_path(folder, (NOW + 2 * DAY).date())
    bad_newest.write_bytes(b"garbage")  # the newest copy is damaged too: skipped
    store.dispose()
    _corrupt(path)

    desk, report = open_desk(path, "unused.db", clock=lambda: NOW + 3 * DAY, hasher=CHEAP)
    assert "damaged" in report.problem
    assert report.recovered_from == backups.backup_path(folder, (NOW + DAY).date())
    assert report.moved_aside is not None and report.moved_aside.exists()
    assert "restored from backup workstation-20261124.db" in report.message
    assert desk.state.recording and desk.state.notice == report.message
    desk.sign_in("王值班", "135790")
    texts = [e.text for e in desk.log_entries(NOW - DAY, NOW + 4 * DAY)]
    assert texts == ["昨日来电：长安花园停水"]
    connection = sqlite3.connect(path)
    actions = [r[0] for r in connection.execute("SELECT action FROM audit ORDER BY id")]
    connection.close()
    assert "store_recovered" in actions


def test_deleted_store_comes_back_from_backup_at_start(tmp_path):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW)
    _signed_in_desk(store)
    store.backup_if_due(NOW + DAY)
    store.dispose()
    for leftover in (path, tmp_path / "ws.db-wal", tmp_path / "ws.db-shm"):
        leftover.unlink(missing_ok=True)
    store, report = open_store(path, NOW + 2 * DAY)
    assert report.problem.startswith("workstation store missing")
    assert report.recovered_from is not None and not report.created
    assert [o.login for o in Desk(store).officers()] == ["王值班"]


def test_corrupt_store_without_backups_starts_empty_and_says_so(tmp_path):
    path = tmp_path / "ws.db"
    path.write_bytes(b"not sqlite" * 100)
    store, report = open_store(path, NOW)
    assert Desk(store).officers() == ()  # empty but usable
    assert report.recovered_from is None and "no good backup" in report.message
    assert report.moved_aside is not None and report.moved_aside.read_bytes().startswith(b"not")


def test_store_deleted_while_running_makes_recording_unavailable(tmp_path):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW)
    desk = _signed_in_desk(store)
    seen = []
    desk.subscribe(seen.append)
    os.remove(path)
    with pytest.raises(StoreUnavailable, match="missing"):
        desk.add_log_entry("other", "写不进去")
    assert not desk.state.recording and "missing" in desk.state.problem
    assert seen and not seen[-1].recording
    assert desk.check_store() is False
    assert not path.exists(), "the store must not be silently re-created empty"


def test_store_corrupted_while_running_is_noticed_by_the_health_check(tmp_path):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW)
    desk = _signed_in_desk(store)
    assert desk.check_store() is True
    _corrupt(path)
    assert desk.check_store() is False
    assert "damaged" in desk.state.problem or "not a database" in desk.state.problem
    with pytest.raises(StoreUnavailable):
        desk.add_log_entry("other", "写不进去")


def test_an_unopenable_store_gives_a_desk_that_records_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    desk, report = open_desk(blocker / "ws.db", "unused.db", hasher=CHEAP)
    assert report.problem and not desk.state.recording
    with pytest.raises(StoreUnavailable):
        desk.sign_in("王值班", "135790")


def test_two_processes_worth_of_writers_do_not_lock_each_other_out(tmp_path):
    """Two store objects on one file (two windows / processes) interleaving writes."""
    path = tmp_path / "ws.db"
    first, _ = open_store(path, NOW)
    second, _ = open_store(path, NOW)
    desk_a = _signed_in_desk(first)
    desk_b = Desk(second, clock=lambda: NOW, hasher=CHEAP)
    desk_b.sign_in("王值班", "135790")
    with first.read() as reading:  # a reader holding a snapshot does not block writers
        reading.execute(text("SELECT count(*) FROM duty_log")).scalar()
        for number in range(10):
            (desk_a if number % 2 else desk_b).add_log_entry("other", f"条目 {number}")
    assert len(desk_a.log_entries(NOW - DAY, NOW + DAY)) == 10


def test_a_version_2_store_gains_the_findings_table(tmp_path):
    """A store made before the findings (schema 2) is upgraded in place, its rows kept."""
    from desktop.models.workstation.migrate import STEPS

    path = tmp_path / "ws.db"
    path.touch()
    for step in STEPS[:2]:
        step(path)
    store, _ = open_store(path, NOW)
    desk = _signed_in_desk(store)
    saved = desk.save_findings("DR-1", "到场超时", "加强到门演练")
    assert desk.findings("DR-1") == saved
    desk.save_findings("DR-1", "到场超时 4 分钟", "加强到门演练")
    assert desk.findings("DR-1").problems == "到场超时 4 分钟"  # the newest row is current
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    connection.close()


def test_bookmarks_are_kept_per_drill_edited_deleted_and_survive_a_restart(tmp_path):
    """A schema-3 store gains the bookmarks in place; named moments with notes, who wrote
    them and when; an edit or a delete is a revision (the table stays append-only)."""
    from desktop.models.workstation.migrate import STEPS

    path = tmp_path / "ws.db"
    path.touch()
    for step in STEPS[:3]:
        step(path)
    store, _ = open_store(path, NOW)
    desk = _signed_in_desk(store)
    moment = NOW - dt.timedelta(days=5, minutes=31)
    first = desk.save_bookmark("DR-FIRE", moment, "到场  偏慢", "  站点距离 509 米  ")
    second = desk.save_bookmark("DR-FIRE", moment - dt.timedelta(minutes=9), "核实")
    desk.save_bookmark("DR-FLOOD", moment, "别的演练")
    assert (first.name, first.note, first.recorded_at) == ("到场 偏慢", "站点距离 509 米", NOW)
    assert first.officer_name == desk.officer.name and first.mark
    edited = desk.save_bookmark("DR-FIRE", moment, "到场偏慢 2 分钟", first.note, first.mark)
    desk.save_bookmark("DR-FIRE", second.at, second.name, mark=second.mark, deleted=True)

    reopened, _ = open_store(path, NOW)  # a restart: only the file is left
    again = Desk(reopened, clock=lambda: NOW, hasher=CHEAP)
    assert again.bookmarks("DR-FIRE") == (edited,)
    assert [b.name for b in again.bookmarks("DR-FLOOD")] == ["别的演练"]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert connection.execute("SELECT count(*) FROM replay_bookmark").fetchone()[0] == 5
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("UPDATE replay_bookmark SET name = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("DELETE FROM replay_bookmark")
    assert connection.execute(
        "SELECT count(*) FROM audit WHERE action = 'bookmark'").fetchone()[0] == 5
    connection.close()
    with pytest.raises(PermissionError):
        again.save_bookmark("DR-FIRE", moment, "未登录")
