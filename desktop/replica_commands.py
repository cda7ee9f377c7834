"""The replica writers behind ``dutyroom replica …``, ``demo`` and ``simulate`` (no Qt)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop import settings as settings_module
from desktop.models import clock, migrate
from desktop.models.queries import replica_meta
from desktop.models.replica import (
    WAL_FILES,
    ReplicaError,
    beat,
    check_schema,
    describe_error,
    display_url,
    keep_wal_files,
    open_writer,
    reading,
    sqlite_path,
    url_for,
)
from desktop.models.schema import AdminUnit, Incident, Person, Station
from desktop.process import dutyroom_argv
from desktop.settings import Settings

log = logging.getLogger(__name__)

DEMO_MAX_AGE = dt.timedelta(days=7)


def run(args: argparse.Namespace, config: Settings) -> int:
    if args.replica_command in ("import", "export"):
        from desktop import import_commands

        return import_commands.run(args, config)
    target = args.path or config.replica
    if args.replica_command == "init":
        path = init_replica(target, demo=args.demo, scale=args.scale, seed=args.seed,
                            force=args.force)
        print(f"replica created: {display_url(path)}")
        return 0
    if args.replica_command == "migrate":
        engine = open_writer(target)
        try:
            check_schema(engine)
            print("replica schema is current")
        except ReplicaError as error:
            if "newer" in str(error):
                raise
            _guard(lambda: migrate.upgrade(engine))
            print("replica migrated")
        try:
            _replication_roles(engine, args)
        finally:
            engine.dispose()
        return 0
    if args.replica_command == "check":
        print(summary(target))
        return 0
    raise ReplicaError(f"unknown replica action {args.replica_command!r}")


def _replication_roles(engine: Engine, args: argparse.Namespace) -> None:
    """``--subscriber`` / ``--publisher`` (logical replication, ``models.replication``); a
    replica set up as a subscriber before gets its triggers set up again after a migration."""
    from desktop.models import replication

    if getattr(args, "subscriber", False) or replication.is_subscriber(engine):
        _guard(lambda: replication.set_up_subscriber(engine))
        print("subscriber: change-log triggers fire for rows applied by a subscription too")
    if getattr(args, "publisher", False):
        published: list[str] = []
        _guard(lambda: published.extend(replication.set_up_publisher(engine)))
        print(f"publication dutyroom: {len(published)} tables ({', '.join(published)})")


def _guard(action: Callable[[], object]) -> None:
    try:
        action()
    except (DBAPIError, SQLAlchemyError) as error:
        raise ReplicaError(f"replica cannot be written ({describe_error(error)})") from error


def init_replica(
    location: str,
    *,
    demo: bool = False,
    scale: int = 1,
    seed: int = 7,
    force: bool = False,
    now: dt.datetime | None = None,
) -> str:
    """Create a migrated replica, optionally with the demo street; atomic for SQLite files."""
    if scale < 1:
        raise ReplicaError("--scale must be at least 1")
    url = url_for(location)
    path = sqlite_path(url)
    if path is None:
        engine = open_writer(url)
        _guard(lambda: _fill(engine, demo=demo, scale=scale, seed=seed, now=now))
        engine.dispose()
        return url
    if path.exists() and not force:
        raise ReplicaError(f"{path} exists: pass --force to replace it")
    partial = path.with_name(path.name + ".building")
    _remove_sqlite(partial)
    engine = open_writer(partial, create=True)
    try:
        _guard(lambda: _fill(engine, demo=demo, scale=scale, seed=seed, now=now))
    except BaseException:
        engine.dispose()
        _remove_sqlite(partial)
        raise
    with engine.connect() as connection:  # fold the WAL into the file before the rename
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    _remove_sqlite(path)
    os.replace(partial, path)
    for suffix in WAL_FILES:  # the build's own, put back when its writer closed
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    keep_wal_files(path)  # a reader in another account needs them (replica.py)
    return str(path)


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _fill(engine: Engine, *, demo: bool, scale: int, seed: int, now: dt.datetime | None) -> None:
    migrate.upgrade(engine)
    if not demo:
        return
    from desktop.models.demo import build_demo

    moment = now or clock.now()
    started = time.perf_counter()
    with Session(engine) as session:
        build_demo(session, now=moment, seed=seed, scale=scale)
        beat(session, "demo-generator", moment)
        session.commit()
    # The demo gives its own ids: on PostgreSQL the sequences must catch up with them.
    from desktop.models.replica import sync_sequences

    sync_sequences(engine)
    log.info("demo replica built in %.1f s (scale %d)", time.perf_counter() - started, scale)


def summary(location: str) -> str:
    try:
        with reading(location) as session:
            meta = replica_meta(session)

            def count(model: type) -> int:
                return session.scalar(select(func.count()).select_from(model)) or 0

            grids = session.scalar(
                select(func.count()).select_from(AdminUnit).where(AdminUnit.level == "grid"))
            street = f"{meta.get('home_street_name', '?')} ({meta.get('home_street_code', '?')})"
            return (
                f"replica {display_url(url_for(location))}\n  street: {street}"
                f"\n  grids {grids}, stations {count(Station)}, people {count(Person)}, "
                f"incidents {count(Incident)}"
            )
    except (DBAPIError, SQLAlchemyError) as error:
        raise ReplicaError(f"replica cannot be read ({describe_error(error)})") from error


def ensure_demo(*, rebuild: bool = False) -> str:
    """The demo replica in the data folder, built when missing, stale or asked for."""
    location = settings_module.demo_replica()
    path = Path(location)
    if path.exists() and not rebuild:
        try:
            with reading(location) as session:
                built = replica_meta(session).get("generated_at")
            if built and clock.now() - dt.datetime.fromisoformat(built) < DEMO_MAX_AGE:
                return location
            log.info("demo replica older than %s: building it anew", DEMO_MAX_AGE)
        except (ReplicaError, ValueError) as error:
            log.warning("demo replica unusable (%s): building it anew", error)
    print("building the demo replica (七里河街道)…", flush=True)
    built = init_replica(location, demo=True, force=True)
    enrol_demo_officers(built)
    return built


DEMO_PIN = "246810"


def enrol_demo_officers(replica: str) -> None:
    """Let a demo user sign in: the duty staff (login = full name), 管理员 and 演练组织者,
    all with DEMO_PIN — only into an empty workstation store, never over real officers."""
    from desktop.models.workstation.officers import enrol_demo_desk
    from desktop.models.workstation.passwords import SecretHasher
    from desktop.models.workstation.recovery import open_store

    now = clock.now()
    store, _report = open_store(settings_module.workstation_store(), now)
    enrolled = enrol_demo_desk(store, SecretHasher(), now, replica, DEMO_PIN)
    if enrolled:
        print(f"demo sign-in: 管理员 or 演练组织者 or a duty officer's full name, "
              f"PIN {DEMO_PIN}", flush=True)


@contextlib.contextmanager
def heartbeat_process(location: str) -> Iterator[None]:
    """Run ``dutyroom simulate`` beside the dashboard so the demo replica lives: its default
    pace (a new happening a minute, ten simulated minutes a minute) shows a new incident
    every few minutes and a stage change about every half minute."""
    process = subprocess.Popen(dutyroom_argv("simulate", location))
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()


def simulate(args: argparse.Namespace, config: Settings) -> int:
    """Writer loop: the simulator's live feed (and heartbeat) until stopped or ``--duration``."""
    import random

    from desktop.models.simulator import Simulator, SimulatorOptions

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    scale = args.time_scale if args.time_scale is not None else (1.0 if args.drill else 10.0)
    try:
        options = SimulatorOptions(rate_per_min=args.rate, time_scale=scale, drill=args.drill,
                                   seed=seed, interval_s=args.interval)
    except ValueError as error:
        raise ReplicaError(f"simulate: {error}") from error
    engine = open_writer(args.path or config.replica)
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    try:
        check_schema(engine)
        simulator = Simulator(engine, options)
        _guard(simulator.start)
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        log.info("simulate: seed %d, %.2f happenings/min, time scale %.1f×, heartbeat every %.1f s",
                 seed, options.rate_per_min, options.time_scale, options.interval_s)
        simulator.run(lambda: stopping, args.duration)
        log.info("simulate: stopped after %d batches (%d refused)", simulator.batches,
                 simulator.failed_batches)
    finally:
        engine.dispose()
    return 0
