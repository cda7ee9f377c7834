"""Opening the replica: read-only for the dashboard, read-write for the CLI writers.

Every failure to open or recognise a replica becomes a ``ReplicaError`` whose
message a duty officer can act on; callers never see a driver traceback (an
unknown or missing database driver included). URLs are shown with their
password masked (``display_url``).

A SQLite replica is read by another OS account that cannot write its folder
(README, "Accounts"). SQLite reads a WAL database read-only only while its
``-wal`` and ``-shm`` files exist (sqlite.org/wal.html, "Read-Only Databases");
it deletes both when the last connection closes, and the reader could not make
them again. So the writers keep them: when a writer's connection closes and
SQLite has removed them, empty ones are put back with the database's mode and
group (``keep_wal_files``). An empty WAL is a valid, empty WAL; a reader that
finds no writer attached reads it through heap memory and switches to the
shared index by itself when a writer comes back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desktop.models import clock
from desktop.models.errors import ReplicaError, SchemaMismatch
from desktop.models.file_modes import REPLICA_DIR, REPLICA_FILE, create_file
from desktop.models.schema import Heartbeat

__all__ = ["ALEMBIC_HEAD", "ReplicaError", "SchemaMismatch"]

ALEMBIC_HEAD = "0004"
PG_CONNECT_TIMEOUT_S = 3
PG_STATEMENT_TIMEOUT_MS = 15_000


WAL_FILES = ("-wal", "-shm")
_writers_forbidden = False


def forbid_writers() -> None:
    """From now on this process opens no writer on the replica (the dashboard calls this:
    the dashboard never writes the replica); ``open_writer`` raises instead."""
    global _writers_forbidden
    _writers_forbidden = True


def display_url(location: str | Path) -> str:
    """The location as it may be printed or logged: a URL's password masked."""
    text_location = str(location)
    if "://" not in text_location:
        return text_location
    try:
        return make_url(text_location).render_as_string(hide_password=True)
    except ArgumentError:
        return text_location.split("://", 1)[0] + "://…"


def has_password(location: str | Path) -> bool:
    text_location = str(location)
    if "://" not in text_location:
        return False
    try:
        return bool(make_url(text_location).password)
    except ArgumentError:
        return "@" in text_location.split("://", 1)[1].split("/", 1)[0]


def _engine(url: str, **options: Any) -> Engine:
    """``create_engine`` with its driver problems in one line (an unknown driver in a URL
    otherwise surfaces as a traceback from deep inside SQLAlchemy)."""
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError) as error:
        try:
            driver = make_url(url).drivername
        except ArgumentError:
            driver = "?"
        raise ReplicaError(
            f"replica {display_url(url)}: database driver {driver!r} is not available "
            "(use a SQLite file or postgresql+psycopg://)") from error
    except ArgumentError as error:
        raise ReplicaError(f"replica location {display_url(url)!r} is not a database URL "
                           f"({_reason(error)})") from error


def keep_wal_files(path: Path) -> None:
    """Put back empty ``-wal``/``-shm`` files that SQLite removed when a writer closed, so
    that a reader that cannot write the folder can still open the replica."""
    try:
        status = os.stat(path)
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return
    if len(header) < 20 or header[18] != 2:  # not (or no longer) a WAL database
        return
    for suffix in WAL_FILES:
        try:
            descriptor = os.open(f"{path}{suffix}", os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                                 status.st_mode & 0o666)
        except FileExistsError:
            continue  # a writer (or a crash) left it: SQLite's, not ours to touch
        except OSError:
            return
        try:
            os.fchmod(descriptor, status.st_mode & 0o666)
            with contextlib.suppress(OSError):  # same group as the database, when allowed
                os.fchown(descriptor, -1, status.st_gid)
        finally:
            os.close(descriptor)


def _wal_keeping_connection(path: Path) -> type[sqlite3.Connection]:
    class WalKeepingConnection(sqlite3.Connection):
        def close(self) -> None:
            super().close()
            keep_wal_files(path)

    return WalKeepingConnection


def url_for(location: str | Path) -> str:
    """Accept a database URL or a plain SQLite file path."""
    text_location = str(location)
    if "://" in text_location:
        return text_location
    return f"sqlite:///{Path(text_location).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise ReplicaError(f"replica location {display_url(url)!r} is not a database URL "
                           f"({_reason(error)})") from error
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    database = parsed.database
    if database.startswith("file:"):
        database = database[len("file:"):]
    return Path(database)


def _sqlite_pragmas(engine: Engine, *, writer: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA foreign_keys = ON")
        if writer:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()


def open_writer(location: str | Path, *, create: bool = False) -> Engine:
    """Read-write engine for CLI writers (init, import, simulate)."""
    if _writers_forbidden:
        raise ReplicaError("this process only reads the replica: its writers are the "
                           "'dutyroom replica' commands under the writer account")
    url = url_for(location)
    path = sqlite_path(url)
    if path is not None:
        if not create and not path.exists():
            raise ReplicaError(f"replica file not found: {path}")
        if not path.exists():  # ours: readable by the dashboard account in the writer's group
            create_file(path, REPLICA_FILE, folder_mode=REPLICA_DIR)
        engine = _engine(url, connect_args={"factory": _wal_keeping_connection(path)})
        _sqlite_pragmas(engine, writer=True)
        return engine
    return _engine(url, pool_pre_ping=True)


def open_reader(location: str | Path, *, keep_connections: bool = True) -> Engine:
    """Read-only engine for the dashboard: any write through it fails.

    ``keep_connections=False``: a SQLite connection is closed after each use. SQLite
    shares one mapping of a file's WAL index between all its connections in a process;
    an idle connection kept open would pin an index a writer has since deleted and
    recreated, and every reader of ours, the live feed's too, would go blind to new
    commits (the live feed alone checks for that, see ``live.ReplicaReader``).
    """
    url = url_for(location)
    path = sqlite_path(url)
    if path is None:
        # PostgreSQL: the deployment gives the dashboard a SELECT-only role on a
        # hot standby; we also make every session read-only. A server that went
        # away must fail a poll in seconds, not hang it.
        engine = _engine(
            url, pool_pre_ping=True,
            execution_options={"postgresql_readonly": True},
            connect_args=_pg_reader_args(url),
        )
        return engine
    if not path.exists():
        raise ReplicaError(f"replica file not found: {path}")
    engine = _engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                           **({} if keep_connections else {"poolclass": NullPool}))
    _sqlite_pragmas(engine, writer=False)
    return engine


@contextmanager
def reading(location: str | Path) -> Iterator[Session]:
    """One short read-only session of the replica, its schema checked: the way every reader
    opens it (the live feed, which polls, keeps its own: ``live.ReplicaReader``)."""
    engine = open_reader(location, keep_connections=False)
    try:
        check_schema(engine)
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def _pg_reader_args(url: str) -> dict[str, Any]:
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    return {"connect_timeout": PG_CONNECT_TIMEOUT_S,
            "options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"}


def sync_sequences(engine: Engine) -> None:
    """PostgreSQL: move each serial column's sequence past the rows already there.

    Rows written with explicit ids (the demo generator, an upstream copy) leave
    the sequences behind, and the next insert without an id would collide.
    A writer calls this before it inserts; on SQLite it does nothing.
    """
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        serials = connection.execute(text(
            "SELECT c.table_name, c.column_name, pg_get_serial_sequence("
            "quote_ident(c.table_name), c.column_name) FROM information_schema.columns c "
            "WHERE c.table_schema = current_schema() AND c.column_default LIKE 'nextval(%'"
        )).all()
        for table, column, sequence in serials:
            if sequence is None:
                continue
            connection.execute(text(
                f'SELECT setval(:sequence, GREATEST(COALESCE(MAX("{column}"), 0), COALESCE('
                f'pg_sequence_last_value(CAST(:sequence AS regclass)), 0)) + 1, false) '
                f'FROM "{table}"'), {"sequence": sequence})


def check_schema(engine: Engine) -> None:
    """Raise ReplicaError unless this is a replica at the schema version this app knows."""
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if "alembic_version" not in tables or "change_log" not in tables:
                raise ReplicaError(
                    "not a duty-room replica (no schema version): "
                    "create one with 'dutyroom replica init'"
                )
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except ReplicaError:
        raise
    except (DBAPIError, SQLAlchemyError) as error:
        raise ReplicaError(f"replica cannot be read ({_reason(error)})") from error
    check_version(version)


def check_version(version: str | None) -> None:
    """Raise SchemaMismatch unless ``version`` is the schema this application reads."""
    if version != ALEMBIC_HEAD:
        raise SchemaMismatch(version, ALEMBIC_HEAD)


def schema_version(session: Session) -> str | None:
    version = session.scalar(text("SELECT version_num FROM alembic_version"))
    return None if version is None else str(version)


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0]


def describe_error(error: BaseException) -> str:
    """One line for a database error, without the SQL and the traceback."""
    if isinstance(error, ReplicaError):
        return str(error)
    return _reason(error)


def beat(session: Session, writer: str, now: dt.datetime | None = None) -> None:
    """Refresh this writer's heartbeat row (caller commits)."""
    moment = now or clock.now()
    row = session.get(Heartbeat, writer)
    if row is None:
        session.add(Heartbeat(writer=writer, at=moment))
    else:
        row.at = moment


def newest_heartbeat(session: Session) -> dt.datetime | None:
    rows = session.scalars(select(Heartbeat.at)).all()
    return max(rows) if rows else None


def subscription_lag(session: Session) -> dt.timedelta | None:
    """How late the newest heartbeat replicated from upstream arrived here (None: this
    replica subscribes to nothing). Both times come from different machines' clocks, so
    a skew between them shows in the figure; it is never shown below zero."""
    row = session.execute(
        select(Heartbeat.at, Heartbeat.received_at).where(Heartbeat.received_at.is_not(None))
        .order_by(Heartbeat.received_at.desc()).limit(1)).first()
    if row is None:
        return None
    written: dt.datetime = row.at
    received: dt.datetime | None = row.received_at
    if received is None:
        return None
    return max(received - written, dt.timedelta(0))
