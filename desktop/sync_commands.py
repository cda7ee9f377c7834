"""``dutyroom sync --watch DIR``: the writer account imports what arrives in a drop folder.

Runs until stopped (SIGTERM/SIGINT end it between two files; a kill mid-file leaves
nothing written and the file in place), or with ``--once`` imports what is complete
now and exits: 0 when every file was imported, 1 when one was rejected. The model is
``desktop/models/drop_folder.py``; the systemd user unit
``installer/linux/dutyroom-sync.service`` runs it under the writer account.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

log = logging.getLogger(__name__)


def add_parser(commands: Any) -> None:
    from desktop.import_commands import DATUMS, KINDS

    sync = commands.add_parser(
        "sync", help="import every file that arrives in a drop folder (writer account)",
        description="Watch a drop folder: each complete file (renamed into place, or unchanged "
        "for --settle seconds) is imported in one transaction, in the order the files arrived, "
        "and moved to done/ or rejected/ with its report beside it (NAME.report.csv). Hand-over "
        "batches of the import dialog (*.import.json) are imported as the dialog checked them. "
        "Keeps the writer heartbeat while it runs.")
    sync.add_argument("--watch", type=Path, required=True, metavar="DIR",
                      help="the drop folder (done/ and rejected/ are made inside it)")
    sync.add_argument("--replica", dest="replica", default=argparse.SUPPRESS,
                      help="replica to write (default: the configured replica)")
    sync.add_argument("--settle", type=float, default=5.0, metavar="S",
                      help="a file not renamed into place is complete once unchanged this "
                      "long (default 5)")
    sync.add_argument("--interval", type=float, default=1.0, metavar="S",
                      help="seconds between looks at the folder (default 1)")
    sync.add_argument("--heartbeat", type=float, default=5.0, metavar="S",
                      help="seconds between heartbeats (at most 10; default 5)")
    sync.add_argument("--once", action="store_true",
                      help="import what is complete now, then exit (1 if a file was rejected)")
    sync.add_argument("--duration", type=float, default=None, metavar="S",
                      help="stop after this many seconds (default: run until stopped)")
    sync.add_argument("--kind", choices=KINDS,
                      help="what loose files hold (default: from their columns)")
    sync.add_argument("--datum", choices=DATUMS, help="datum of loose files' coordinates")
    sync.add_argument("--platform-export", action="store_true",
                      help="loose files come from the provincial platform (CGCS2000 unless "
                      "declared)")
    sync.add_argument("--skip-invalid", action="store_true",
                      help="load a file's valid rows and report the rest")
    sync.add_argument("--overwrite-newer", action="store_true",
                      help="write rows changed in the replica after the file's export")


def add_replication_flags(migrate: argparse.ArgumentParser) -> None:
    """``dutyroom replica migrate --subscriber | --publisher`` (PostgreSQL logical
    replication: README, "Which path when")."""
    migrate.add_argument("--subscriber", action="store_true",
                         help="PostgreSQL: this replica subscribes to an upstream publication "
                         "(change-log triggers fire for applied rows; heartbeat arrival for "
                         "the lag)")
    migrate.add_argument("--publisher", action="store_true",
                         help="PostgreSQL (wal_level=logical): publish this replica's tables "
                         "as 'dutyroom' (all but change_log and its own identity)")


def run(args: argparse.Namespace, config: Any) -> int:
    from desktop.models.drop_folder import DropFolder, Outcome, SyncOptions, Unit
    from desktop.models.errors import ReplicaError
    from desktop.models.importing import ImportOptions
    from desktop.models.replica import check_schema, open_writer

    folder = args.watch.expanduser()
    if not folder.is_dir():
        print(f"dutyroom: no such folder: {folder}", file=sys.stderr)
        return 2
    try:
        options = SyncOptions(
            settle_s=args.settle, scan_s=args.interval, heartbeat_s=args.heartbeat,
            imports=ImportOptions(kind=args.kind, datum=args.datum,
                                  platform_export=args.platform_export,
                                  skip_invalid=args.skip_invalid,
                                  overwrite_newer=args.overwrite_newer))
    except ValueError as error:
        print(f"dutyroom: sync: {error}", file=sys.stderr)
        return 2
    engine = open_writer(getattr(args, "replica", None) or config.replica)
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    def started(unit: Unit) -> None:
        print(f"importing {unit.name}", flush=True)

    def finished(outcome: Outcome) -> None:
        counts = "; ".join(line for line in outcome.result.summary()[:-1])
        print(f"{outcome.unit.name} → {outcome.folder}/ ({len(outcome.result.errors)} errors"
              f"{', ' + counts if counts else ''}); report {outcome.report}", flush=True)

    watcher = None
    try:
        check_schema(engine)
        from desktop.models.replication import is_subscriber

        if is_subscriber(engine):
            print("dutyroom: sync: this replica subscribes to an upstream publication; rows "
                  "imported here would collide with upstream's (README, \"Which path when\")",
                  file=sys.stderr)
            return 2
        watcher = DropFolder(folder, engine, options)
        watcher.on_start = started
        if args.once:
            outcomes = watcher.step(finished)
            return 0 if all(o.accepted for o in outcomes) else 1
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        log.info("sync: watching %s (settle %.1f s, heartbeat every %.1f s)", folder,
                 options.settle_s, options.heartbeat_s)
        watcher.beat_if_due()  # "watching" means the heartbeat is on
        print(f"watching {folder}", flush=True)
        watcher.run(lambda: stopping, args.duration, finished)
        log.info("sync: stopped (%d imported, %d rejected)", watcher.imported, watcher.rejected)
    except OSError as error:
        raise ReplicaError(f"sync: the drop folder cannot be used ({error})") from error
    finally:
        if watcher is not None:
            watcher.close()
        engine.dispose()
    return 0
