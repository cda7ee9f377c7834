"""The watched drop folder behind ``dutyroom sync --watch DIR`` (no Qt).

Files that appear in the folder are imported one at a time, in the order they
arrived, each in one transaction by the one importer (``importing``): all or
nothing, a per-row report, the export stamp checked. Then the file goes to
``done/`` (written) or ``rejected/`` (nothing written), its report beside it
as ``<name>.report.csv``. A hand-over batch from the import dialog (its
manifest ``*.import.json``, written last, lists the copies; ``import_handover``)
is one import of all its files with the options the dialog chose.

What counts as complete: names starting with ``.`` or ending in ``.part``,
``.tmp`` … are still being written and are left alone; any other file is taken
once it was renamed into place (the kernel says so: ``folder_events``) or has
not changed for ``settle_s`` (a file there at start-up: its last change was
``settle_s`` ago). Files are taken
strictly in order: one still settling holds back those that came after it.

Nothing is half-done after a kill: the import's transaction is rolled back
by the database, and a file leaves the folder only after its import has
committed, so a killed sync imports it again when it starts. A file imported
twice changes nothing (the importer upserts by codes); its second report says so.
A replica that cannot be written (locked, unreachable) is no fault of the file:
it stays and is tried again. While it runs, the sync keeps its heartbeat
(writer ``sync``); an import writes its own (``import``) when it commits, but
on SQLite no heartbeat can commit while an import holds the write lock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models import importing
from desktop.models.file_modes import make_dirs
from desktop.models.folder_events import RenamedIn
from desktop.models.import_handover import (
    HANDED_FILE,
    MANIFEST_SUFFIX,
    HandoverError,
    batch_of,
    options_from_arguments,
)
from desktop.models.importing import ImportOptions, ImportResult, Issue, Source
from desktop.models.replica import beat, describe_error
from desktop.models.simulator.engine import Clock, RealClock

log = logging.getLogger(__name__)

DONE, REJECTED = "done", "rejected"
REPORT_SUFFIX = ".report.csv"
IN_PROGRESS_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".filepart", "~")
OUTCOME_DIR = 0o2750  # the dashboard account (the writer's group) reads outcomes and reports
WRITER = "sync"
MAX_BEAT_INTERVAL_S = 10.0
RETRY_AFTER_S = 5.0


@dataclass(frozen=True)
class SyncOptions:
    settle_s: float = 5.0  # a file unchanged this long is complete
    scan_s: float = 1.0  # how often the folder is looked at
    heartbeat_s: float = 5.0  # at most MAX_BEAT_INTERVAL_S
    imports: ImportOptions = field(default_factory=ImportOptions)  # for loose files

    def __post_init__(self) -> None:
        if not 0 < self.heartbeat_s <= MAX_BEAT_INTERVAL_S:
            raise ValueError(f"the heartbeat interval must be within (0, {MAX_BEAT_INTERVAL_S}] s")
        if self.settle_s < 0 or self.scan_s <= 0:
            raise ValueError("settle and scan times must be positive")


@dataclass(frozen=True)
class Unit:
    """One import: a file of its own, or a hand-over batch (its manifest and its files)."""

    name: str
    files: tuple[Path, ...]
    manifest: Path | None = None


@dataclass(frozen=True)
class Outcome:
    unit: Unit
    accepted: bool  # written (done/) or not (rejected/)
    report: Path
    moved: tuple[Path, ...]
    result: ImportResult

    @property
    def folder(self) -> str:
        return DONE if self.accepted else REJECTED


@dataclass
class _Seen:
    order: int
    signature: tuple[int, int, int]  # size, mtime_ns, inode
    since: float  # monotonic moment the signature was first seen
    mtime_ns: int
    renamed: bool = False  # renamed into place with this signature


def _signature(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_size, status.st_mtime_ns, status.st_ino


def in_progress(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(IN_PROGRESS_SUFFIXES)


class DropFolder:
    """Import what arrives in ``folder`` into the replica behind ``engine`` (a writer)."""

    def __init__(self, folder: Path, engine: Engine, options: SyncOptions | None = None,
                 clock: Clock | None = None) -> None:
        self.folder = Path(folder)
        self.engine = engine
        self.options = options or SyncOptions()
        self.clock = clock or RealClock()
        self._seen: dict[str, _Seen] = {}
        self._arrivals = 0
        self._next_beat = 0.0
        self._retry_at = 0.0
        self.imported = 0
        self.rejected = 0
        self._renames = RenamedIn(self.folder)
        self.on_start: Callable[[Unit], None] | None = None  # told before each import
        for name in (DONE, REJECTED):
            make_dirs(self.folder / name, OUTCOME_DIR)
        # There before the sync started (a killed sync's files): their mtime is all we know.
        self._at_start = {name: _signature(status) for name, status in self._look()}

    # -- what is there -------------------------------------------------------------------

    def _look(self) -> list[tuple[str, os.stat_result]]:
        found = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if in_progress(entry.name) or entry.name.endswith(REPORT_SUFFIX):
                    continue
                try:
                    status = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                if stat.S_ISREG(status.st_mode):  # never a link: it could point anywhere
                    found.append((entry.name, status))
        return found

    def pending(self) -> tuple[list[Unit], int]:
        """The complete units at the head of the queue, in arrival order, and how many
        more wait behind the first one that is still being written."""
        at = self.clock.monotonic()
        renamed = self._renames.names()
        looked = self._look()
        names = {name for name, _status in looked}
        self._seen = {name: seen for name, seen in self._seen.items() if name in names}
        for name, status in sorted(looked, key=lambda item: (item[1].st_mtime_ns, item[0])):
            seen = self._seen.get(name)
            if seen is None:
                self._arrivals += 1
                seen = self._seen[name] = _Seen(self._arrivals, _signature(status), at,
                                                status.st_mtime_ns)
            elif seen.signature != _signature(status):
                seen.signature, seen.since, seen.mtime_ns = _signature(status), at, \
                    status.st_mtime_ns
                seen.renamed = False  # written again after it came
            if name in renamed:
                seen.renamed = True
        statuses = dict(looked)
        queue = sorted((name for name in names if batch_of(name) is None
                        or name.endswith(MANIFEST_SUFFIX)),
                       key=lambda name: (self._seen[name].order, self._seen[name].mtime_ns, name))
        ready: list[Unit] = []
        for position, name in enumerate(queue):
            if not self._complete(name, statuses[name], at):
                return ready, len(queue) - position
            if name.endswith(MANIFEST_SUFFIX):
                batch = name[:-len(MANIFEST_SUFFIX)]
                members = tuple(sorted((self.folder / n for n in names if batch_of(n) == batch),
                                       key=_member_number))
                ready.append(Unit(name, members, self.folder / name))
            else:
                ready.append(Unit(name, (self.folder / name,)))
        return ready, 0

    def _complete(self, name: str, status: os.stat_result, at: float) -> bool:
        seen = self._seen[name]
        if seen.renamed or at - seen.since >= self.options.settle_s:
            return True
        # Left from before the start (a killed sync's file): unchanged since its mtime. Only
        # then is the mtime trusted: another machine's clock wrote it on a shared folder.
        age = self.clock.now().timestamp() - status.st_mtime_ns / 1e9
        return self._at_start.get(name) == _signature(status) and age >= self.options.settle_s

    # -- the loop --------------------------------------------------------------------------

    def close(self) -> None:
        self._renames.close()

    def beat_if_due(self) -> None:
        at = self.clock.monotonic()
        if at < self._next_beat:
            return
        try:
            with Session(self.engine) as session:
                beat(session, WRITER, self.clock.now())
                session.commit()
            self._next_beat = at + self.options.heartbeat_s
        except (DBAPIError, SQLAlchemyError) as error:
            log.warning("sync: heartbeat not written (%s)", describe_error(error))
            self._next_beat = at + 1.0

    def step(self, on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
        """Beat when due and import every complete unit at the head of the queue."""
        self.beat_if_due()
        if self.clock.monotonic() < self._retry_at:
            return []
        outcomes = []
        units, _waiting = self.pending()
        for unit in units:
            self.beat_if_due()
            outcome = self.process(unit)
            if outcome is None:  # the replica, not the file: try again later, in order
                self._retry_at = self.clock.monotonic() + RETRY_AFTER_S
                break
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        return outcomes

    def run(self, should_stop: Callable[[], bool], duration_s: float | None = None,
            on_outcome: Callable[[Outcome], None] | None = None) -> None:
        end = None if duration_s is None else self.clock.monotonic() + duration_s
        while not should_stop() and (end is None or self.clock.monotonic() < end):
            self.step(on_outcome)
            if should_stop():
                break
            self.clock.sleep(min(self.options.scan_s, max(
                self._next_beat - self.clock.monotonic(), 0.05)))

    # -- one import ------------------------------------------------------------------------

    def process(self, unit: Unit) -> Outcome | None:
        """Import ``unit`` and move it to done/ or rejected/ with its report; None when the
        replica could not be written (the unit stays for the next try)."""
        if self.on_start is not None:
            self.on_start(unit)
        log.info("sync: importing %s", unit.name)
        try:
            options, sources = self._read(unit)
        except (HandoverError, importing.Bad, OSError) as problem:
            result = _refusal(unit.name, problem)
        else:
            result = importing.import_sources(self.engine, sources, options)
            if not result.committed and not result.files:
                log.warning("sync: %s not imported, the replica refused the write (%s); "
                            "trying again", unit.name, "; ".join(i.en for i in result.issues))
                return None
        accepted = result.committed
        destination = self.folder / (DONE if accepted else REJECTED)
        moved_names = _free_names(destination, [p.name for p in unit.files]
                                  + ([unit.manifest.name] if unit.manifest else []))
        report_name = (moved_names[-1] if unit.manifest else moved_names[0]) + REPORT_SUFFIX
        report = destination / report_name
        _write_atomically(report, importing.report_csv(result.report_items()).encode("utf-8-sig"))
        moved = []
        paths = [*unit.files, *([unit.manifest] if unit.manifest else [])]  # the manifest last
        for source, name in zip(paths, moved_names, strict=True):
            target = destination / name
            try:
                os.replace(source, target)
            except FileNotFoundError:
                continue
            moved.append(target)
        self._seen.pop(unit.name, None)
        if accepted:
            self.imported += 1
        else:
            self.rejected += 1
        log.info("sync: %s → %s/ (%d errors, %d warnings)", unit.name, destination.name,
                 len(result.errors), len(result.warnings))
        return Outcome(unit, accepted, report, tuple(moved), result)

    def _read(self, unit: Unit) -> tuple[ImportOptions, list[Source]]:
        if unit.manifest is None:
            return self.options.imports, [_source(unit.files[0])]
        try:
            document = json.loads(_read_bytes(unit.manifest).decode("utf-8"))
        except ValueError as error:
            raise HandoverError(f"the manifest cannot be read ({error})") from error
        if not isinstance(document, dict) or not isinstance(document.get("files"), list):
            raise HandoverError("the manifest is not a hand-over batch")
        options = options_from_arguments([str(a) for a in document.get("import_arguments", [])])
        listed = document.get("files", [])
        present = {p.name: p for p in unit.files}
        sources = []
        for entry in listed:
            name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
            if name not in present:
                raise HandoverError(f"the batch's file {name!r} is missing from the drop folder")
            source = _source(present[name])
            if hashlib.sha256(source.data).hexdigest() != entry.get("sha256"):
                raise HandoverError(f"the batch's file {name!r} changed after it was handed over")
            sources.append(source)
        if not sources:
            raise HandoverError("the batch lists no files")
        return options, sources


def _member_number(path: Path) -> int:
    parts = path.name.split("-")
    return int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0


def _read_bytes(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def _source(path: Path) -> Source:
    return Source(path.name, _read_bytes(path))


def _refusal(name: str, problem: BaseException) -> ImportResult:
    if isinstance(problem, importing.Bad):
        zh, en = problem.zh, problem.en
    elif isinstance(problem, OSError):
        reason = problem.strerror or str(problem)
        zh, en = f"文件无法读取：{reason}", f"the file cannot be read: {reason}"
    else:
        zh, en = f"移交批次无效：{problem}", f"the hand-over batch is not valid: {problem}"
    issue = Issue(name, None, None, zh, en)
    return ImportResult((issue,), {}, (), False, False, False)


def _free_names(folder: Path, names: Iterable[str]) -> list[str]:
    """``names`` as they can go into ``folder`` without replacing what is there (a file
    dropped twice keeps both: ``people.csv``, ``people.2.csv``)."""
    taken: set[str] = set()
    chosen = []
    for name in names:
        candidate, number = name, 1
        stem, suffix = _split(name)
        while candidate in taken or (folder / candidate).exists() or \
                (folder / (candidate + REPORT_SUFFIX)).exists():
            number += 1
            candidate = f"{stem}.{number}{suffix}"
        taken.add(candidate)
        chosen.append(candidate)
    return chosen


def _split(name: str) -> tuple[str, str]:
    if name.endswith(MANIFEST_SUFFIX):
        return name[:-len(MANIFEST_SUFFIX)], MANIFEST_SUFFIX
    path = Path(name)
    return (path.stem, path.suffix) if path.suffix else (name, "")


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside, then rename: a kill leaves the old report or the new, never half."""
    partial = path.with_name(f".{path.name}.part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, HANDED_FILE)
    try:
        os.fchmod(descriptor, HANDED_FILE)
        with os.fdopen(descriptor, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        os.close(descriptor)
    os.replace(partial, path)
