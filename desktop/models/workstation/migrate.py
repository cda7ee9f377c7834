"""Creating and upgrading the workstation store's schema, tracked in ``PRAGMA user_version``.

The store is tiny and local, so no Alembic: an ordered list of steps, each
run once in one transaction. Add a step; never edit a released one.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from desktop.models.file_modes import create_file
from desktop.models.workstation.files import sqlite_uri
from desktop.models.workstation.roles import DEFAULT_GRANTS
from desktop.models.workstation.schema import (
    BookmarkRow,
    FindingRow,
    RolePermission,
    StoreBase,
    append_only_triggers,
)
from desktop.models.workstation.store import StoreUnavailable, make_engine


def _v1(path: Path) -> None:
    engine = make_engine(path, "rwc")
    try:
        with engine.begin() as connection:
            StoreBase.metadata.create_all(connection)
            for statement in append_only_triggers():
                connection.exec_driver_sql(statement)
            rows = [{"role": role, "permission": permission}
                    for role, permissions in DEFAULT_GRANTS.items() for permission in permissions]
            connection.execute(insert(RolePermission), rows)
            connection.exec_driver_sql("PRAGMA user_version = 1")
    finally:
        engine.dispose()


def _v2(path: Path) -> None:
    """The OS account on every audit row; the store's identity and generation."""
    connection = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=5,
                                 isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        columns = {row[1] for row in connection.execute("PRAGMA table_info(audit)")}
        if "os_account" not in columns:
            connection.execute(
                "ALTER TABLE audit ADD COLUMN os_account VARCHAR(64) NOT NULL DEFAULT ''")
        connection.execute("CREATE TABLE IF NOT EXISTS store_meta (id INTEGER NOT NULL "
                           "PRIMARY KEY, identity VARCHAR(36) NOT NULL, generation INTEGER "
                           "NOT NULL)")
        connection.execute("INSERT OR IGNORE INTO store_meta (id, identity, generation) "
                           "VALUES (1, ?, 0)", (str(uuid.uuid4()),))
        connection.execute("PRAGMA user_version = 2")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def _v3(path: Path) -> None:
    """问题与整改 of after-action reports (append-only like the other desk records)."""
    engine = make_engine(path, "rw")
    try:
        with engine.begin() as connection:
            StoreBase.metadata.create_all(connection, tables=[FindingRow.__table__])  # type: ignore[list-item]
            for statement in append_only_triggers():
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql("PRAGMA user_version = 3")
    finally:
        engine.dispose()


def _v4(path: Path) -> None:
    """Replay bookmarks and notes per scope (append-only: edits and deletes are revisions)."""
    engine = make_engine(path, "rw")
    try:
        with engine.begin() as connection:
            StoreBase.metadata.create_all(connection, tables=[BookmarkRow.__table__])  # type: ignore[list-item]
            for statement in append_only_triggers():
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql("PRAGMA user_version = 4")
    finally:
        engine.dispose()


STEPS: tuple[Callable[[Path], None], ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(STEPS)


def stored_version(path: Path) -> int:
    connection = sqlite3.connect(sqlite_uri(path, "rwc"), uri=True, timeout=5)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def create_or_migrate(path: Path) -> bool:
    """Bring the store at ``path`` to SCHEMA_VERSION; True when it was created just now."""
    try:
        create_file(path)  # owner-only before SQLite opens it (its -wal and -shm follow)
        version = stored_version(path)
        if version > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"workstation store schema {version} is newer than this application "
                f"({SCHEMA_VERSION}): update the application")
        for step in STEPS[version:]:
            step(path)
        connection = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=5)
        try:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        finally:
            connection.close()
    except (sqlite3.Error, OSError) as error:
        raise StoreUnavailable(f"workstation store cannot be prepared ({error})") from error
    if mode != "wal":
        raise StoreUnavailable(f"workstation store refused WAL mode (journal_mode={mode})")
    return version == 0
