"""Daily rotating copies of the workstation store, and finding the newest good one.

Copies are made with SQLite's online backup API (consistent while other
connections write), checked with ``quick_check`` before they are kept, and
named by the Beijing calendar day so "keep N" means N days.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from desktop.models.file_modes import create_file, make_dirs
from desktop.models.workstation.files import health_problem, sqlite_uri

log = logging.getLogger(__name__)

DEFAULT_KEEP = 14
_PREFIX = "workstation-"


def backups_dir_for(store: Path) -> Path:
    return store.parent / "workstation-backups"


def backup_path(folder: Path, day: dt.date) -> Path:
    return folder / f"{_PREFIX}{day:%Y%m%d}.db"


def backups(folder: Path) -> list[Path]:
    """Existing copies, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}[0-9]*.db"), reverse=True)


def make_backup(store: Path, folder: Path, day: dt.date, keep: int = DEFAULT_KEEP) -> Path | None:
    """Today's copy if there is none yet (None when it already exists); prune to ``keep``."""
    target = backup_path(folder, day)
    if target.exists():
        return None
    make_dirs(folder)
    partial = create_file(target.with_suffix(".partial"))
    source = sqlite3.connect(sqlite_uri(store, "ro"), uri=True, timeout=5)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
    finally:
        source.close()
    problem = health_problem(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"backup not kept: {problem}")
    os.replace(partial, target)
    prune(folder, keep)
    return target


def prune(folder: Path, keep: int) -> list[Path]:
    removed = backups(folder)[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def newest_good(folder: Path) -> Path | None:
    for candidate in backups(folder):
        problem = health_problem(candidate)
        if not problem:
            return candidate
        log.warning("backup %s skipped: %s", candidate, problem)
    return None


def restore(backup: Path, store: Path) -> None:
    """Put a copy of ``backup`` where the store lives (atomically), without stale WAL files."""
    for stale in (Path(f"{store}-wal"), Path(f"{store}-shm")):
        stale.unlink(missing_ok=True)
    partial = create_file(store.with_name(store.name + ".restoring"))
    shutil.copyfile(backup, partial)
    os.replace(partial, store)
