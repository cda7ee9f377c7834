"""Sync from upstream for real: PostgreSQL logical replication between two throwaway clusters.

The upstream (``wal_level=logical``) is a demo replica that publishes
(``dutyroom replica migrate --publisher``); the street's replica is migrated as
a subscriber (``--subscriber``) and subscribes. A write on the upstream must
reach a dashboard reading the street's replica within two polls (the
change-log triggers fire for applied rows), the upstream's heartbeats keep it
fresh with the subscription's lag beside them, and a hot standby of the
street's replica (a district reading it) still works.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.models import clock
from desktop.models.live import ReplicaReader
from desktop.models.replica import open_reader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))
from test_postgres_cluster import (
    TEST_OPTIONS,
    PgCluster,
    grant_reader,
    require_postgres,
)

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.slow]

POLL_S = 0.25  # the dashboard's default poll_interval_ms
# Each table's first copy takes a slot and a WAL sender of the upstream for a moment.
PUBLISHER_OPTIONS = (*(o for o in TEST_OPTIONS
                       if not o.startswith(("wal_level", "max_wal_senders"))),
                     "wal_level=logical", "max_replication_slots=10", "max_wal_senders=10")


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def wait_for(condition, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)  # another server's background workers: nothing to wait on but time


@pytest.fixture(scope="module")
def street():
    """(upstream, street, standby of the street), subscribed and copied."""
    require_postgres()
    clusters: list[PgCluster] = []
    try:
        upstream = PgCluster.create("upstream", PUBLISHER_OPTIONS)
        clusters.append(upstream)
        mine = PgCluster.create("street")
        clusters.append(mine)
        for cluster in (upstream, mine):
            cluster.start()
            cluster.psql("CREATE DATABASE replica")
        cli("replica", "init", "--demo", upstream.url())
        published = cli("replica", "migrate", "--publisher", upstream.url()).stdout
        assert "publication dutyroom" in published and "change_log" not in published
        assert "subscriber" in cli("replica", "migrate", "--subscriber", mine.url()).stdout
        mine.psql(f"CREATE SUBSCRIPTION street CONNECTION 'host=127.0.0.1 port={upstream.port} "
                  "dbname=replica user=postgres' PUBLICATION dutyroom", "replica")
        wait_for(lambda: mine.psql("SELECT count(*) FROM pg_subscription_rel "
                                   "WHERE srsubstate <> 'r'", "replica") == "0",
                 what="the subscription's first copy")
        grant_reader(mine)  # the dashboard's SELECT-only role, replicated to the standby
        standby = mine.make_standby("streetstandby")
        clusters.append(standby)
        yield upstream, mine, standby
    finally:
        for cluster in reversed(clusters):
            cluster.drop()


def test_the_copy_keeps_each_replicas_own_change_log_and_identity(street):
    upstream, mine, _standby = street
    count = "SELECT count(*) FROM station"
    assert mine.psql(count, "replica") == upstream.psql(count, "replica") != "0"
    identity = "SELECT value FROM replica_meta WHERE key = 'replica_id'"
    assert mine.psql(identity, "replica") != upstream.psql(identity, "replica")
    street_name = "SELECT value FROM replica_meta WHERE key = 'home_street_name'"
    assert mine.psql(street_name, "replica") == "七里河街道"
    # The rows the first copy brought were logged by the street's own triggers.
    assert int(mine.psql("SELECT count(*) FROM change_log WHERE entity = 'station'",
                         "replica")) >= int(mine.psql(count, "replica"))


def test_a_write_upstream_shows_on_the_streets_dashboard_within_two_polls(street):
    upstream, mine, standby = street
    code = upstream.psql("SELECT code FROM station ORDER BY code LIMIT 1", "replica")
    for reading, name in ((mine, "改名一"), (standby, "改名二")):
        reader = ReplicaReader(reading.url(user="dashboard"))
        try:
            first = reader.refresh(clock.now())
            assert first.update is not None
            upstream.psql(f"UPDATE station SET name = '{name}' WHERE code = '{code}'", "replica")
            polls, shown = 0, None
            while shown is None and polls < 8:
                time.sleep(POLL_S)
                polls += 1
                refresh = reader.refresh(clock.now())
                if refresh.update is not None and refresh.update.changes.touches("station"):
                    shown = {s.code: s.name for s in refresh.update.situation.stations}[code]
            assert shown == name, f"{reading.name}: not shown after {polls} polls"
            assert polls <= 2, f"{reading.name}: shown only after {polls} polls"
            assert not refresh.update.changes.full  # a change set, not a reload
        finally:
            reader.close()


def test_upstreams_heartbeat_keeps_the_street_fresh_with_the_lag_beside_it(street):
    from desktop.models import freshness

    upstream, mine, standby = street
    cli("simulate", upstream.url(), "--rate", "0", "--duration", "2", "--interval", "0.5")
    beat = "SELECT at FROM heartbeat WHERE writer = 'simulate'"
    wait_for(lambda: mine.psql(beat, "replica") == upstream.psql(beat, "replica"),
             what="the heartbeat to replicate")
    for reading in (mine, standby):
        wait_for(lambda r=reading: r.psql(beat, "replica") == upstream.psql(beat, "replica"),
                 what=f"the heartbeat on {reading.name}")
        reader = ReplicaReader(reading.url(user="dashboard"))
        try:
            now = clock.now()
            refresh = reader.refresh(now)
        finally:
            reader.close()
        state = freshness.assess(now=now, last_good_read=now,
                                 newest_heartbeat=refresh.heartbeat, failed_polls=0,
                                 stale_after=freshness_threshold(), lag=refresh.lag)
        assert state.live, (reading.name, refresh.heartbeat)
        assert state.lag is not None and 0 <= state.lag.total_seconds() < 5, state.lag
    # The upstream's own heartbeats carry no arrival: it subscribes to nothing.
    assert upstream.psql("SELECT count(*) FROM heartbeat WHERE received_at IS NOT NULL",
                         "replica") == "0"


def freshness_threshold():
    import datetime as dt

    return dt.timedelta(seconds=30)


def test_the_streets_standby_refuses_writes_and_the_migration_keeps_the_subscriber_role(street):
    _upstream, mine, standby = street
    assert standby.psql("SELECT pg_is_in_recovery()", "replica") == "t"
    reader = open_reader(standby.url(user="dashboard"))
    try:
        with pytest.raises(Exception, match=r"read-only|recovery|permission"), \
                reader.begin() as connection:
            connection.execute(text("UPDATE station SET name = 'x'"))
    finally:
        reader.dispose()
    again = cli("replica", "migrate", mine.url()).stdout  # no flag: it remembers
    assert "subscriber" in again
    assert mine.psql("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg\\_%\\_changelog' "
                     "AND tgenabled <> 'A'", "replica") == "0"


def test_file_drops_into_a_subscriber_are_refused(street, tmp_path):
    _upstream, mine, _standby = street
    refused = subprocess.run([sys.executable, "-m", "desktop", "sync", "--watch", str(tmp_path),
                              "--replica", mine.url(), "--once"], capture_output=True,
                             text=True, timeout=120)
    assert refused.returncode == 2
    assert "subscribes to an upstream publication" in refused.stderr
