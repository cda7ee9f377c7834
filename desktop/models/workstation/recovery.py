"""Opening the store at start: check it, recover it from a backup if needed, migrate it.

A damaged store is moved aside (kept as evidence, never deleted) and the
newest copy that passes ``quick_check`` takes its place; the report's message
tells the duty officer what happened and which day's records came back, in
words they can pass on.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.models.workstation import backups
from desktop.models.workstation.files import health_problem
from desktop.models.workstation.migrate import create_or_migrate
from desktop.models.workstation.store import WorkstationStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenReport:
    path: Path
    created: bool = False
    problem: str = ""  # what was wrong with the store found at start
    recovered_from: Path | None = None
    moved_aside: Path | None = None

    @property
    def message(self) -> str:
        """One line for the header / log; empty when nothing noteworthy happened."""
        if not self.problem:
            return ""
        if self.recovered_from is not None:
            return (f"{self.problem}; restored from backup {self.recovered_from.name} "
                    "(records made after that copy are lost)")
        return f"{self.problem}; no good backup: started an empty store"


def _move_aside(path: Path, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{path}{suffix}")
        if extra.exists():
            os.replace(extra, Path(f"{target}{suffix}"))
    return target


def open_store(
    path: Path,
    now: dt.datetime,
    *,
    backup_folder: Path | None = None,
    keep: int = backups.DEFAULT_KEEP,
) -> tuple[WorkstationStore, OpenReport]:
    """The store ready for use, and what had to be done to get it there."""
    folder = backup_folder or backups.backups_dir_for(path)
    report = OpenReport(path)
    if path.exists():
        problem = health_problem(path)
        if problem:
            moved = _move_aside(path, now)
            report = OpenReport(path, problem=problem, moved_aside=moved)
    elif backups.backups(folder):
        report = OpenReport(path, problem=f"workstation store missing: {path}")
    if report.problem:
        good = backups.newest_good(folder)
        if good is not None:
            backups.restore(good, path)
            report = OpenReport(path, problem=report.problem, recovered_from=good,
                                moved_aside=report.moved_aside)
        log.error("%s", report.message)
    created = create_or_migrate(path)
    report = OpenReport(path, created=created, problem=report.problem,
                        recovered_from=report.recovered_from, moved_aside=report.moved_aside)
    store = WorkstationStore(path, backup_folder=folder, keep=keep)
    store.backup_if_due(now)
    return store, report
