"""Files we create are owner-only; a replica we create is readable by its readers' group."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.file_modes import make_dirs, write_file
from desktop.models.importing import write_export, write_report
from desktop.models.importing.issues import Issue
from desktop.models.replica import open_writer
from desktop.models.workstation.recovery import open_store
from desktop.replica_commands import init_replica

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """The widest usual umask (022): the modes must not come from it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_store_its_wal_and_its_backups_are_owner_only(tmp_path, loose_umask):
    path = tmp_path / "new" / "workstation.db"
    store, report = open_store(path, NOW)
    assert report.created
    (backup,) = (tmp_path / "new" / "workstation-backups").glob("*.db")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    with store.write() as session:  # the WAL exists while a connection is open
        session.execute(text("PRAGMA user_version"))
        assert mode(Path(f"{path}-wal")) == 0o600
    store.dispose()


def test_an_existing_store_left_readable_is_made_owner_only(tmp_path, loose_umask):
    path = tmp_path / "workstation.db"
    open_store(path, NOW)
    os.chmod(path, 0o644)
    open_store(path, NOW)
    assert mode(path) == 0o600


def test_a_replica_we_create_is_group_readable_only(tmp_path, loose_umask):
    path = tmp_path / "writer" / "replica.db"
    init_replica(str(path))
    assert mode(path) == 0o640 and mode(path.parent) == 0o750
    engine = open_writer(path)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE replica_meta SET value = value")
        assert mode(Path(f"{path}-wal")) == 0o640
    engine.dispose()
    assert not mode(path) & 0o007


def test_exports_reports_and_written_files_are_owner_only(tmp_path, loose_umask, demo_replica):
    engine = open_writer(demo_replica)
    with Session(engine) as session:
        for fmt in ("csv", "xlsx", "geojson"):
            target = tmp_path / "exports" / f"stations.{fmt}"
            write_export(session, "stations", fmt, target, masked=True)
            assert mode(target) == 0o600
    engine.dispose()
    assert mode(tmp_path / "exports") == 0o700
    report = tmp_path / "report.csv"
    report.write_text("old")
    os.chmod(report, 0o666)
    write_report(report, [Issue("a.csv", 1, "名称", "问题", "problem")])
    assert mode(report) == 0o600 and "问题" in report.read_text(encoding="utf-8-sig")
    assert mode(write_file(tmp_path / "x" / "y" / "z.bin", b"1")) == 0o600
    assert mode(tmp_path / "x") == 0o700 and mode(tmp_path / "x" / "y") == 0o700


def test_existing_folders_are_left_as_they_are(tmp_path, loose_umask):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    make_dirs(shared / "mine")
    assert mode(shared) == 0o755 and mode(shared / "mine") == 0o700


def test_log_files_and_their_rollovers_are_owner_only(tmp_path, loose_umask):
    from desktop.logs import PrivateRotatingFileHandler

    make_dirs(tmp_path / "log")
    handler = PrivateRotatingFileHandler(tmp_path / "log" / "dutyroom.log", maxBytes=200,
                                         backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test-file-modes")
    logger.addHandler(handler)
    try:
        for n in range(20):
            logger.warning("line %d %s", n, "x" * 30)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted((tmp_path / "log").iterdir())
    assert len(files) == 3 and all(mode(f) == 0o600 for f in files)


def test_the_command_line_creates_owner_only_logs_and_exports(tmp_path, demo_replica):
    """The real ``dutyroom`` process: the log folder it makes and its export."""
    env = dict(os.environ, DUTYROOM_LOG_DIR=str(tmp_path / "logs"))
    out = tmp_path / "out" / "people.csv"
    result = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.umask(0o022); from desktop.cli import main; "
         "sys.exit(main(sys.argv[1:]))", "replica", "export", "--kind", "people", "--format",
         "csv", "--out", str(out), str(demo_replica)],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600 and mode(out.parent) == 0o700
    assert mode(tmp_path / "logs") == 0o700
    assert mode(tmp_path / "logs" / "dutyroom.log") == 0o600
