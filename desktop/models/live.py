"""The dashboard's read side of the replica: poll the change feed, load the situation."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models.queries import situation_now
from desktop.models.readiness import ReadinessRules
from desktop.models.replica import (
    ReplicaError,
    check_schema,
    describe_error,
    newest_heartbeat,
    open_reader,
)
from desktop.models.schema import ChangeLog
from desktop.models.situation import Situation


class ReplicaReader:
    """Opens the replica read-only on first use and again after any failure."""

    def __init__(self, location: str, rules: ReadinessRules = ReadinessRules()) -> None:
        self.location = location
        self._rules = rules
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def _connected(self) -> Engine:
        if self._engine is None:
            engine = open_reader(self.location)
            try:
                check_schema(engine)
            except ReplicaError:
                engine.dispose()
                raise
            self._engine = engine
        return self._engine

    def _reset(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def poll(self) -> tuple[int, dt.datetime | None]:
        """(newest change_log seq, newest writer heartbeat); ReplicaError when unreadable."""
        with self._lock:
            try:
                with Session(self._connected()) as session:
                    seq = session.scalar(select(func.max(ChangeLog.seq))) or 0
                    return seq, newest_heartbeat(session)
            except (DBAPIError, SQLAlchemyError) as error:
                self._reset()
                raise ReplicaError(f"replica cannot be read ({describe_error(error)})") from error
            except ReplicaError:
                self._reset()
                raise

    def situation(self, now: dt.datetime) -> Situation:
        with self._lock:
            try:
                with Session(self._connected()) as session:
                    return situation_now(session, now, self._rules)
            except (DBAPIError, SQLAlchemyError) as error:
                self._reset()
                raise ReplicaError(f"replica cannot be read ({describe_error(error)})") from error

    def close(self) -> None:
        with self._lock:
            self._reset()
