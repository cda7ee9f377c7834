"""The workstation store's connection: short transactions, safe for two processes.

Two windows (or two processes) may share the file (ARCHITECTURE, "Two
windows"), so: WAL, a busy timeout, ``BEGIN IMMEDIATE`` for every write (no
deadlock when a reader later wants to write), and no pooled connections — each
transaction opens the file afresh with ``mode=rw``, which also means a store
deleted while the app runs is *noticed* (SQLite would otherwise keep writing
into the unlinked file, or silently create an empty one).

Any database failure becomes ``StoreUnavailable``; the desk turns that into
"recording unavailable" while the wall goes on showing the situation.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desktop.models.clock import beijing_day
from desktop.models.workstation import backups
from desktop.models.workstation.files import health_problem, sqlite_uri

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class StoreUnavailable(Exception):
    """The workstation store cannot be read or written; the message says why in words."""


class StoreChanged(StoreUnavailable):
    """The store on disk is no longer the one this process was using: ``restored`` (the
    same store at an older generation: a backup copied back) or ``replaced`` (another
    store). The desk adopts it (``WorkstationStore.adopt``), reloads, and says so."""

    def __init__(self, how: str, found: tuple[str, int]) -> None:
        self.how = how
        self.found = found
        super().__init__(
            "the workstation store was restored from an older copy while the dashboard ran"
            if how == "restored" else
            "the workstation store was replaced by another one while the dashboard ran")


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0] if str(original) else type(original).__name__


def make_engine(path: Path, mode: str = "rw") -> Engine:
    """Unpooled engine; ``mode='rwc'`` only when creating the store."""
    engine = create_engine(f"sqlite:///{sqlite_uri(path, mode)}&uri=true", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("store_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class WorkstationStore:
    """Opened by ``desktop.models.workstation.recovery.open_store`` (which checks and migrates)."""

    def __init__(self, path: Path, *, backup_folder: Path | None = None,
                 keep: int = backups.DEFAULT_KEEP) -> None:
        self.path = path
        self.backup_folder = backup_folder or backups.backups_dir_for(path)
        self.keep = keep
        self._engine = make_engine(path)
        self._writer = self._engine.execution_options(store_write=True)
        self._backed_up_on: dt.date | None = None
        self._seen: tuple[str, int] | None = None  # (identity, generation) last seen
        self._seen_lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction, committed on leaving the block."""
        with self._guard(), Session(self._writer, expire_on_commit=False) as session:
            identity, generation = self._same_store(session)
            session.execute(text("UPDATE store_meta SET generation = generation + 1 "
                                 "WHERE id = 1"))
            yield session
            session.commit()
            self._note((identity, generation + 1))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._guard(), Session(self._engine, expire_on_commit=False) as session:
            self._same_store(session)
            yield session

    def _same_store(self, session: Session) -> tuple[str, int]:
        """Raise StoreChanged unless this is the store (and generation) we have been using."""
        row = session.execute(text(
            "SELECT identity, generation FROM store_meta WHERE id = 1")).first()
        if row is None:
            raise StoreUnavailable("workstation store has no identity: it is not ours")
        found = (str(row[0]), int(row[1]))
        with self._seen_lock:
            seen = self._seen
            if seen is None or (found[0] == seen[0] and found[1] >= seen[1]):
                self._seen = found if seen is None or found[1] > seen[1] else seen
                return found
        raise StoreChanged("replaced" if found[0] != seen[0] else "restored", found)

    def _note(self, found: tuple[str, int]) -> None:
        with self._seen_lock:
            if self._seen is None or found[0] != self._seen[0] or found[1] > self._seen[1]:
                self._seen = found

    def adopt(self, change: StoreChanged) -> None:
        """Use the store now on disk from here on (after the desk has reloaded)."""
        with self._seen_lock:
            self._seen = change.found

    @contextmanager
    def _guard(self) -> Iterator[None]:
        if not self.path.exists():
            raise StoreUnavailable(f"workstation store missing: {self.path}")
        try:
            yield
        except IntegrityError:
            raise  # our own rule broken (append-only, unique login): not an outage
        except (DBAPIError, SQLAlchemyError) as error:
            raise StoreUnavailable(f"workstation store unusable ({_reason(error)})") from error

    def check(self) -> None:
        """A full health check (quick_check); StoreUnavailable when the file is gone or damaged,
        StoreChanged when another (or an older) store is in its place."""
        problem = health_problem(self.path)
        if problem:
            raise StoreUnavailable(problem)
        with self.read():
            pass

    def backup_if_due(self, now: dt.datetime) -> Path | None:
        """Today's rotating copy, made once per Beijing day; a failure is logged, not raised."""
        day = beijing_day(now)
        if self._backed_up_on == day:
            return None
        try:
            made = backups.make_backup(self.path, self.backup_folder, day, self.keep)
        except (OSError, sqlite3.Error) as error:
            log.warning("workstation store backup failed: %s", error)
            return None
        self._backed_up_on = day
        return made

    def dispose(self) -> None:
        self._engine.dispose()
