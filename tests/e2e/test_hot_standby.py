"""The scale-out path for real: a primary and a streaming hot standby on this machine.

The CLI writes on the primary (``replica init --demo``, then ``simulate``); the
dashboard's watcher reads the standby with a SELECT-only role and sees what
PostgreSQL's own streaming replication brought over; its connection cannot
write there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from desktop.models.replica import open_reader
from desktop.models.schema import Team
from desktop.settings import Settings
from desktop.views.live_feed import LiveFeed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))
from test_postgres_cluster import grant_reader, require_postgres, running_cluster

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


@pytest.fixture(scope="module")
def pair(run_cli_module):
    require_postgres()
    with running_cluster("primary") as primary:
        primary.psql("CREATE DATABASE replica")
        made = run_cli_module("replica", "init", "--demo", primary.url())
        assert made.returncode == 0, made.stderr
        grant_reader(primary)  # replicated to the standby like everything else
        standby = primary.make_standby("standby")
        try:
            yield primary, standby
        finally:
            standby.drop()


@pytest.fixture(scope="module")
def run_cli_module():
    import subprocess

    def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                              text=True, timeout=timeout)

    return run


def test_standby_is_in_recovery_and_refuses_the_dashboards_writes(pair):
    _primary, standby = pair
    assert standby.psql("SELECT pg_is_in_recovery()", "replica") == "t"
    reader = open_reader(standby.url(user="dashboard"))
    try:
        with reader.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM station")) > 0
        with pytest.raises(DBAPIError, match=r"read-only transaction|recovery"), \
                reader.begin() as connection:
            connection.execute(insert(Team).values(code="x", name="x", kind="duty"))
    finally:
        reader.dispose()


def test_watcher_on_the_standby_sees_the_simulators_writes_on_the_primary(qtbot, pair,
                                                                           run_cli_module):
    primary, standby = pair
    feed = LiveFeed(Settings(replica=standby.url(user="dashboard"), poll_interval_ms=100))
    updates = []
    feed.update_ready.connect(updates.append)
    try:
        feed.start()
        qtbot.waitUntil(lambda: bool(updates), timeout=15_000)
        first = updates[-1].situation
        before = {i.code for i in first.incidents}
        wrote = run_cli_module("simulate", primary.url(), "--rate", "600", "--time-scale", "600",
                               "--seed", "3", "--duration", "3", "--interval", "0.5")
        assert wrote.returncode == 0, wrote.stderr
        expected = primary.psql("SELECT max(seq) FROM change_log", "replica")
        qtbot.waitUntil(lambda: str(updates[-1].situation.freshness.last_change_seq) == expected,
                        timeout=10_000)
        latest = updates[-1]
        new = {i.code for i in latest.situation.incidents} - before
        assert any("-S" in code for code in new), new
        assert any(u.changes.touches("incident") and not u.changes.full for u in updates[1:])
        qtbot.waitUntil(lambda: feed.state is not None and feed.state.live, timeout=5_000)
    finally:
        feed.stop()
        from desktop.views.worker import wait_for_background_work

        wait_for_background_work()
        feed.close()
