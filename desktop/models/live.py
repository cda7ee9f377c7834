"""The dashboard's read side of the replica: watch the change feed, load the situation.

One refresh = one short read transaction: ``max(seq)`` of ``change_log``, the
newest heartbeat, the change rows since the last seq seen, and (when anything
changed) the situation, all from the same snapshot. Nothing is remembered as
seen until the situation that includes it has been loaded, so a failed load
is retried on the next poll and no change is missed.

The sequence is what makes faults visible:
- it went *backwards*: the replica was replaced or restored; reconnect and
  reload everything;
- it *skipped* numbers: a transaction still in flight (PostgreSQL hands out
  sequence numbers before commit), one rolled back, or rows lost; reload
  everything, and watch the missing numbers for a while in case they arrive;
- the SQLite file at the path is no longer the one we opened (deleted,
  replaced), or no longer starts like a SQLite database (corrupt): fail the
  poll, drop the connection, and open the file anew next time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models.queries import SituationLoader
from desktop.models.readiness import ReadinessRules
from desktop.models.replica import (
    ReplicaError,
    check_schema,
    check_version,
    describe_error,
    newest_heartbeat,
    open_reader,
    schema_version,
    sqlite_path,
    subscription_lag,
    url_for,
)
from desktop.models.schema import ChangeLog
from desktop.models.situation import Situation

MAX_LISTED = 5_000  # more changes than this at once: reload everything without listing them
HOLE_PATIENCE_S = 30.0  # how long a skipped seq is watched for a late commit
MAX_HOLES = 1_000
READ_BUSY_TIMEOUT_MS = 200  # a locked SQLite replica fails the poll quickly, it does not hang it
SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")


@dataclass(frozen=True)
class ChangeSet:
    """What changed between two situations: entity -> ids, or everything (``full``)."""

    after_seq: int | None  # the last seq seen before (None: first read)
    seq: int
    touched: Mapping[str, frozenset[str]] = field(default_factory=dict)
    full: bool = False
    reason: str = ""  # why full: first read, reconnected, replaced, gap, many; or "clock"
    clock: bool = False  # the time-dependent parts were read again too (see queries.PARTS)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(self.touched)

    def touches(self, *entities: str) -> bool:
        return self.full or any(entity in self.touched for entity in entities)

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.touched.values())


@dataclass(frozen=True)
class LiveUpdate:
    """A new situation and the change set that led to it."""

    situation: Situation
    changes: ChangeSet


@dataclass(frozen=True)
class Refresh:
    seq: int
    heartbeat: dt.datetime | None
    update: LiveUpdate | None  # None: nothing changed since the last refresh
    clock_due: dt.datetime | None = None  # refresh with ``reload`` then (a shift changes, …)
    lag: dt.timedelta | None = None  # a subscriber: how late upstream's newest heartbeat came


def _touched(rows: Iterable[tuple[int, str, str]]) -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for _seq, entity, entity_id in rows:
        grouped.setdefault(entity, set()).add(entity_id)
    return {entity: frozenset(ids) for entity, ids in grouped.items()}


class ReplicaReader:
    """Opens the replica read-only on first use and again after any failure or replacement."""

    def __init__(self, location: str, rules: ReadinessRules = ReadinessRules()) -> None:
        self.location = location
        self._loader = SituationLoader(rules)
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._path = sqlite_path(url_for(location))
        self._identity: tuple[int, int] | None = None
        self._index: int | None = None  # inode of the WAL index (-shm) our connection maps
        self._reconnected = True
        self._resume = False
        self._why = "first read"  # reason given with the next full refresh
        self._seen: int | None = None
        self._holes: dict[int, float] = {}

    # ------------------------------------------------------------ connection

    def _connected(self) -> Engine:
        if self._engine is None:
            engine = open_reader(self.location)
            if self._path is not None:
                event.listen(engine, "connect", _short_busy_timeout)
            try:
                check_schema(engine)
            except ReplicaError:
                engine.dispose()
                raise
            self._engine = engine
            self._identity = self._file_identity()
            self._index = self._wal_index()
            self._reconnected = not self._resume
            self._resume = False
        return self._engine

    def _reset(self, why: str = "reconnected", *, resume: bool = False) -> None:
        """Drop the connection; the next refresh reads everything, unless ``resume``: the
        replica is known to be the same database, so the change log since the last seq
        seen still says what changed."""
        self._why = why
        self._resume = resume
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._identity = None
        self._index = None

    def _file_identity(self) -> tuple[int, int] | None:
        if self._path is None:
            return None
        try:
            status = os.stat(self._path)
        except FileNotFoundError:
            raise ReplicaError(f"replica file not found: {self._path}") from None
        except OSError as error:
            raise ReplicaError(f"replica file cannot be read ({error})") from error
        return status.st_dev, status.st_ino

    def _wal_index(self) -> int | None:
        try:
            return os.stat(f"{self._path}-shm").st_ino
        except OSError:
            return None

    def _check_file(self) -> None:
        """SQLite: the path must still be the file we opened, and still look like SQLite."""
        if self._path is None:
            return
        identity = self._file_identity()
        if self._engine is not None and identity != self._identity:
            # Replaced under us: an open connection would go on reading the old file.
            self._reset("replica file replaced")
        elif self._engine is not None and self._wal_index() != self._index:
            # A writer closing last folds the WAL into the file and deletes -wal and -shm
            # (our idle reader holds no lock that stops it); the next writer makes new ones.
            # A connection still mapping the old index would never see a commit again.
            self._reset("the replica's WAL was recreated by a writer", resume=True)
        try:
            with Path(self._path).open("rb") as handle:
                header = handle.read(len(SQLITE_MAGIC))
        except OSError as error:
            raise ReplicaError(f"replica file cannot be read ({error})") from error
        if header != SQLITE_MAGIC:
            raise ReplicaError(f"replica file is damaged: {self._path} is not a SQLite database")

    # ------------------------------------------------------------ reading

    @property
    def loader(self) -> SituationLoader:
        return self._loader

    def refresh(self, now: dt.datetime, *, reload: bool = False) -> Refresh:
        """One poll; loads the situation when anything changed (or ``reload``)."""
        with self._lock:
            try:
                for _attempt in range(2):
                    self._check_file()
                    with Session(self._connected()) as session:
                        # A migration under a running dashboard (PostgreSQL: on the primary,
                        # streamed here) is noticed at the next poll, not at a restart.
                        check_version(schema_version(session))
                        seq = session.scalar(select(func.max(ChangeLog.seq))) or 0
                        if self._seen is None or seq >= self._seen or self._reconnected:
                            return self._refresh(session, seq, now, reload)
                    # Went backwards: restored or replaced in place; read it on a new connection.
                    self._reset("sequence went back: replica replaced")
                raise ReplicaError("replica changed while it was being read")
            except (DBAPIError, SQLAlchemyError) as error:
                self._reset(f"reconnected after: {describe_error(error)}")
                raise ReplicaError(f"replica cannot be read ({describe_error(error)})") from error
            except ReplicaError as error:
                self._reset(f"reconnected after: {error}")
                raise

    def read(self, work: Callable[[Session], T]) -> T:
        """Another read on this reader's connection, between two polls (the live timeline):
        the same file checks and reconnects, and no second connection to the replica."""
        with self._lock:
            try:
                self._check_file()
                with Session(self._connected()) as session:
                    return work(session)
            except (DBAPIError, SQLAlchemyError) as error:
                self._reset(f"reconnected after: {describe_error(error)}")
                raise ReplicaError(f"replica cannot be read ({describe_error(error)})") from error
            except ReplicaError as error:
                self._reset(f"reconnected after: {error}")
                raise

    def _refresh(self, session: Session, seq: int, now: dt.datetime, reload: bool) -> Refresh:
        heartbeat, lag = newest_heartbeat(session), subscription_lag(session)
        changes = self._changes(session, seq)
        if changes is None and reload:
            changes = ChangeSet(self._seen, seq, reason="clock", clock=True)
        if changes is None:
            return Refresh(seq, heartbeat, None, self._loader.next_change(), lag)
        if reload and not changes.clock:
            changes = dataclasses.replace(changes, clock=True)
        touched = None if changes.full else changes.touched
        situation = self._loader.load(session, now, touched, clock=changes.clock)
        self._seen, self._reconnected = seq, False
        return Refresh(seq, heartbeat, LiveUpdate(situation, changes), self._loader.next_change(),
                       lag)

    def _changes(self, session: Session, seq: int) -> ChangeSet | None:
        seen = self._seen
        if seen is None or self._reconnected:
            self._holes.clear()
            return ChangeSet(seen, seq, full=True, reason=self._why, clock=True)
        arrived = self._late_arrivals(session)
        if seq == seen:
            return ChangeSet(seen, seq, _touched(arrived), reason="late") if arrived else None
        if seq - seen > MAX_LISTED:
            return ChangeSet(seen, seq, full=True, reason=f"{seq - seen} changes at once",
                             clock=True)
        listed = [(int(s), str(e), str(i)) for s, e, i in session.execute(
            select(ChangeLog.seq, ChangeLog.entity, ChangeLog.entity_id)
            .where(ChangeLog.seq > seen).order_by(ChangeLog.seq))]
        missing = set(range(seen + 1, seq + 1)) - {row[0] for row in listed}
        touched = _touched([*listed, *arrived])
        if missing:
            moment = time.monotonic()
            for hole in sorted(missing)[-MAX_HOLES:]:
                self._holes[hole] = moment
            return ChangeSet(seen, seq, touched, full=True, clock=True,
                             reason=f"gap in change sequence ({len(missing)} missing)")
        return ChangeSet(seen, seq, touched)

    def _late_arrivals(self, session: Session) -> list[tuple[int, str, str]]:
        """Rows for seqs skipped earlier that have committed since."""
        if not self._holes:
            return []
        cutoff = time.monotonic() - HOLE_PATIENCE_S
        self._holes = {s: t for s, t in self._holes.items() if t >= cutoff}
        if not self._holes:
            return []
        rows = [(int(s), str(e), str(i)) for s, e, i in session.execute(
            select(ChangeLog.seq, ChangeLog.entity, ChangeLog.entity_id)
            .where(ChangeLog.seq.in_(sorted(self._holes))))]
        for row in rows:
            self._holes.pop(row[0], None)
        return rows

    def close(self) -> None:
        with self._lock:
            self._reset()


def _short_busy_timeout(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {READ_BUSY_TIMEOUT_MS}")
    cursor.close()
