"""A private in-memory copy of the replica, for a dry run the dashboard may make.

The dashboard never writes the replica (ARCHITECTURE, "Who writes"), yet an
import's dry run is the real import rolled back: it writes and then undoes.
So the dashboard's dry run runs on a copy in memory, made through a read-only
connection (SQLite's backup API; on PostgreSQL the tables are copied into an
in-memory SQLite database of the same schema), and thrown away afterwards.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.pool import StaticPool

from desktop.models.replica import ReplicaError, open_reader, reading, sqlite_path, url_for
from desktop.models.schema import Base


def _memory_engine() -> Engine:
    engine = create_engine("sqlite://", poolclass=StaticPool,
                           connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    return engine


def scratch_copy(location: str | Path) -> Engine:
    """An engine on a throw-away copy of the replica at ``location``, schema checked."""
    url = url_for(location)
    path = sqlite_path(url)
    engine = _memory_engine()
    if path is not None:
        if not path.exists():
            raise ReplicaError(f"replica file not found: {path}")
        with reading(location):  # the schema check, and a clear error for a bad file
            pass
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            with engine.connect() as connection:
                target = connection.connection.dbapi_connection
                assert isinstance(target, sqlite3.Connection)
                source.backup(target)
        except sqlite3.Error as error:
            engine.dispose()
            raise ReplicaError(f"replica cannot be read ({error})") from error
        finally:
            source.close()
        return engine
    reader = open_reader(url, keep_connections=False)
    try:
        with reading(location):
            pass
        Base.metadata.create_all(engine)
        with reader.connect() as upstream, engine.begin() as copy:
            copy.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table in Base.metadata.sorted_tables:
                rows = [dict(row) for row in upstream.execute(select(table)).mappings()]
                if rows:
                    copy.execute(insert(table), rows)
    finally:
        reader.dispose()
    return engine
