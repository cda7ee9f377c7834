"""Throwaway PostgreSQL clusters for the tests and benchmarks (Debian's postgresql-common).

Each cluster gets a unique name and a free loopback port, trusts local
connections (it lives for one test session on 127.0.0.1 only), and is
dropped when done, also when the test failed. Every server command has a
timeout: ``pg_basebackup`` in particular gets ``-c fast``, without which it
can wait minutes for a checkpoint (SETUP-NOTES). Server-side commands that
must not run as root run as the postgres user. Clusters left behind by a
killed run (their pid is gone) are dropped at the next start.

On a machine without the PostgreSQL binaries the tests skip, except in CI
(CI=true), where they fail: CI installs PostgreSQL (setup.sh).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

COMMAND_TIMEOUT_S = 60
PREFIX = "dutyroom_t"
# Speed over durability: these clusters hold nothing worth keeping.
TEST_OPTIONS = ("fsync=off", "full_page_writes=off", "shared_buffers=32MB",
                "max_connections=40", "wal_level=replica", "max_wal_senders=4",
                "hot_standby=on")
_TOOLS = ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", "pg_lsclusters", "psql",
          "runuser")


def server_version() -> str | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted((p.name for p in root.glob("*") if (p / "bin" / "initdb").exists()),
                      key=lambda v: int(v) if v.isdigit() else 0)
    return versions[-1] if versions else None


def missing_reason() -> str | None:
    missing = [tool for tool in _TOOLS if shutil.which(tool) is None]
    if missing:
        return f"PostgreSQL tools missing: {', '.join(missing)} (apt-get install postgresql)"
    if server_version() is None:
        return "no PostgreSQL server binaries under /usr/lib/postgresql"
    if os.geteuid() != 0:
        return "managing throwaway PostgreSQL clusters needs root"
    return None


def require_postgres() -> None:
    """Skip without PostgreSQL, except in CI where its absence is a failure."""
    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must test against a real PostgreSQL: {reason}")
    pytest.skip(reason)


def run(*command: str, timeout: float = COMMAND_TIMEOUT_S, as_postgres: bool = False,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    full = ["runuser", "-u", "postgres", "--", *command] if as_postgres else list(command)
    result = subprocess.run(full, capture_output=True, text=True, timeout=timeout,
                            stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(full)} failed ({result.returncode}):\n"
                           f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _drop_leftovers(version: str) -> None:
    listing = run("pg_lsclusters", "--no-header", check=False).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) < 2 or fields[0] != version:
            continue
        match = re.fullmatch(rf"{PREFIX}(\d+)_\w+", fields[1])
        if match and not Path(f"/proc/{match.group(1)}").exists():
            run("pg_dropcluster", version, fields[1], "--stop", check=False)


class PgCluster:
    def __init__(self, version: str, name: str, port: int) -> None:
        self.version, self.name, self.port = version, name, port

    @classmethod
    def create(cls, purpose: str, options: tuple[str, ...] = TEST_OPTIONS) -> PgCluster:
        version = server_version()
        assert version is not None
        _drop_leftovers(version)
        name = f"{PREFIX}{os.getpid()}_{purpose}"
        run("pg_dropcluster", version, name, "--stop", check=False)
        cluster = cls(version, name, free_port())
        pgoptions = [arg for option in options for arg in ("-o", option)]
        run("pg_createcluster", version, name, "--port", str(cluster.port), *pgoptions,
            "--", "--auth=trust")
        return cluster

    @property
    def data_dir(self) -> Path:
        return Path(f"/var/lib/postgresql/{self.version}/{self.name}")

    def start(self) -> None:
        run("pg_ctlcluster", self.version, self.name, "start")
        self.wait_ready()

    def stop(self) -> None:
        run("pg_ctlcluster", self.version, self.name, "stop", "-m", "fast")

    def drop(self) -> None:
        run("pg_dropcluster", self.version, self.name, "--stop", check=False)

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if run("pg_isready", "-h", "127.0.0.1", "-p", str(self.port), "-t", "2",
                   check=False, timeout=10).returncode == 0:
                return
            time.sleep(0.1)  # a server starting in another process: nothing to wait on but time
        raise RuntimeError(f"cluster {self.name} not ready after {timeout} s")

    def psql(self, sql: str, database: str = "postgres") -> str:
        return run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                   "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql).stdout.strip()

    def url(self, database: str = "replica", user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def make_standby(self, purpose: str) -> PgCluster:
        """A streaming hot standby of this cluster: pg_basebackup -R -X stream -c fast."""
        standby = PgCluster.create(purpose)
        try:
            shutil.rmtree(standby.data_dir)
            run("pg_basebackup", "-D", str(standby.data_dir), "-R", "-X", "stream", "-c", "fast",
                "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", as_postgres=True)
            standby.start()
        except BaseException:
            standby.drop()
            raise
        return standby


def grant_reader(cluster: PgCluster, database: str = "replica", role: str = "dashboard") -> None:
    """The dashboard's role: it may log in and SELECT, nothing else."""
    cluster.psql(f"DO $$ BEGIN CREATE ROLE {role} LOGIN; EXCEPTION WHEN duplicate_object "
                 f"THEN NULL; END $$", database)
    cluster.psql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", database)


@contextlib.contextmanager
def running_cluster(purpose: str) -> Iterator[PgCluster]:
    cluster = PgCluster.create(purpose)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.drop()
