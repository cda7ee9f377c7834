"""Opening the desk at start-up: the store (recovered if needed) and the reveal source.

Never raises for a store problem: a dashboard whose store cannot be opened
still shows the wall, with a desk that says recording is unavailable.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path

from desktop.models import clock as process_clock
from desktop.models.clock import Clock
from desktop.models.reveal import fetch_contact
from desktop.models.workstation import audit
from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.passwords import SecretHasher
from desktop.models.workstation.recovery import OpenReport, open_store
from desktop.models.workstation.store import StoreUnavailable, WorkstationStore

log = logging.getLogger(__name__)


def open_desk(
    store_path: Path,
    replica: str,
    *,
    clock: Clock = process_clock.now,
    policy: DeskPolicy | None = None,
    hasher: SecretHasher | None = None,
) -> tuple[Desk, OpenReport]:
    """The desk for this process, and the report of what opening the store involved."""
    now = clock()
    fetch = functools.partial(fetch_contact, replica)
    try:
        store, report = open_store(store_path, now)
    except (StoreUnavailable, OSError) as error:
        log.error("workstation store unavailable at start: %s", error)
        report = OpenReport(store_path, problem=str(error))
        return Desk(None, clock=clock, policy=policy, hasher=hasher, fetch_contact=fetch,
                    problem=str(error)), report
    if report.problem:
        _note_recovery(store, report, now)
    desk = Desk(store, clock=clock, policy=policy, hasher=hasher, fetch_contact=fetch,
                notice=report.message)
    return desk, report


def _note_recovery(store: WorkstationStore, report: OpenReport, now: dt.datetime) -> None:
    try:
        with store.write() as session:
            audit.record(session, now, "store_recovered", None, target=str(report.path.name),
                         detail=report.message)
    except StoreUnavailable as error:
        log.error("recovery not recorded: %s", error)
