"""The same schema, triggers, migrations, reader and simulator on a real PostgreSQL server.

One throwaway cluster for the module (see test_postgres_cluster.py); each
test gets its own database in it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from test_postgres_cluster import PgCluster, grant_reader, require_postgres, running_cluster

from desktop.models import migrate
from desktop.models.live import ReplicaReader
from desktop.models.queries import situation_now
from desktop.models.replica import check_schema, open_reader, open_writer
from desktop.models.schema import TRACKED_TABLES, ChangeLog, Incident, Team
from desktop.models.simulator import ManualClock, Simulator, SimulatorOptions
from desktop.models.situation import Freshness, Situation
from desktop.replica_commands import init_replica

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
_names = itertools.count(1)


@pytest.fixture(scope="module")
def cluster():
    require_postgres()
    with running_cluster("models") as running:
        yield running


@pytest.fixture
def database(cluster: PgCluster) -> str:
    name = f"r{next(_names)}"
    cluster.psql(f"CREATE DATABASE {name}")
    return name


@pytest.fixture
def empty_pg(cluster: PgCluster, database: str) -> str:
    url = cluster.url(database)
    engine = open_writer(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url


def _comparable(situation: Situation) -> Situation:
    """Everything but the moment of reading and the heartbeat (they differ per read)."""
    return dataclasses.replace(situation, freshness=Freshness(None, 0, situation.at))


def test_migration_creates_schema_and_a_trigger_per_tracked_table(cluster, empty_pg, database):
    engine = open_reader(empty_pg)
    check_schema(engine)
    engine.dispose()
    triggers = cluster.psql(
        "SELECT DISTINCT event_object_table FROM information_schema.triggers "
        "ORDER BY 1", database).split()
    assert set(triggers) == set(TRACKED_TABLES)


def test_triggers_log_insert_update_delete_from_raw_sql(cluster, empty_pg, database):
    cluster.psql("INSERT INTO team (id, code, name, kind) VALUES (7, 't1', 'A', 'duty');"
                 "UPDATE team SET name = 'B' WHERE code = 't1';"
                 "DELETE FROM team WHERE code = 't1';"
                 "INSERT INTO layer (key, name_zh, name_en, geometry_kind, style, sensitive,"
                 " sort_order, visible_by_default) VALUES ('x', '甲', 'x', 'point', '{}',"
                 " false, 1, true)", database)
    engine = open_writer(empty_pg)
    with Session(engine) as session:
        rows = session.execute(
            select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.op).order_by(ChangeLog.seq)
        ).all()
        at = session.scalars(select(ChangeLog.at)).first()
    engine.dispose()
    assert rows[0] == ("replica_meta", "replica_id", "I")  # migration 0002: the identity
    assert rows[1:] == [("team", "7", "I"), ("team", "7", "U"), ("team", "7", "D"),
                        ("layer", "x", "I")]
    assert at is not None and at.tzinfo is not None
    assert abs(at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_dashboard_connection_refuses_writes(cluster, empty_pg, database):
    grant_reader(cluster, database)
    for url in (empty_pg, cluster.url(database, user="dashboard")):
        reader = open_reader(url)
        with pytest.raises(DBAPIError, match=r"read-only|permission denied"), \
                reader.begin() as connection:
            connection.execute(insert(Team).values(code="x", name="x", kind="duty"))
        reader.dispose()


def test_cli_init_demo_on_postgres_matches_sqlite(cluster, database, tmp_path, run_cli):
    url = cluster.url(database)
    result = run_cli("replica", "init", "--demo", url)
    assert result.returncode == 0, result.stderr
    check = run_cli("replica", "check", url)
    assert check.returncode == 0, check.stderr
    assert "七里河街道" in check.stdout
    writer = open_writer(url)  # the demo's own ids did not leave the sequences behind
    with writer.begin() as connection:
        connection.execute(insert(Team).values(code="after-init", name="x", kind="duty"))
    writer.dispose()
    # The same demo at the same moment on both engines reads as the same situation.
    scratch = f"{database}b"
    cluster.psql(f"CREATE DATABASE {scratch}")
    init_replica(cluster.url(scratch), demo=True, now=NOW)
    init_replica(str(tmp_path / "same.db"), demo=True, now=NOW)
    situations = []
    for location in (cluster.url(scratch), str(tmp_path / "same.db")):
        engine = open_reader(location)
        with Session(engine) as session:
            situations.append(situation_now(session, NOW + dt.timedelta(minutes=5)))
        engine.dispose()
    pg, lite = situations
    assert pg.freshness.last_change_seq == lite.freshness.last_change_seq > 0
    assert _comparable(pg) == _comparable(lite)


def test_simulator_writes_on_postgres_after_explicit_id_rows(cluster, database):
    url = cluster.url(database)
    init_replica(url, demo=True, now=NOW)  # ids given by the generator: sequences lag behind
    engine = open_writer(url)
    clock = ManualClock(NOW)
    simulator = Simulator(engine, SimulatorOptions(rate_per_min=30, time_scale=60, seed=5),
                          clock)
    simulator.run(lambda: False, duration_s=120)
    assert simulator.failed_batches == 0
    with Session(engine) as session:
        new = session.scalars(select(Incident.code).where(Incident.code.like("%-S%"))).all()
    engine.dispose()
    assert new, "the simulator wrote no incident"


def test_reader_sees_a_gap_and_the_late_commit_that_fills_it(cluster, empty_pg):
    reader = ReplicaReader(empty_pg)
    first = reader.refresh(NOW)
    assert first.update is not None and first.update.changes.full
    writer = open_writer(empty_pg)
    slow = writer.connect()
    slow_tx = slow.begin()
    slow.execute(insert(Team).values(code="slow", name="slow", kind="duty"))  # takes seq n+1
    with writer.begin() as fast:
        fast.execute(insert(Team).values(code="fast", name="fast", kind="duty"))  # commits n+2
    gap = reader.refresh(NOW)
    assert gap.update is not None
    assert gap.update.changes.full and "gap" in gap.update.changes.reason
    assert reader.refresh(NOW).update is None  # nothing new yet
    slow_tx.commit()
    slow.close()
    late = reader.refresh(NOW)
    assert late.update is not None, "the late commit below the newest seq was missed"
    assert late.update.changes.touches("team") and not late.update.changes.full
    with writer.begin() as connection:
        connection.execute(text("UPDATE team SET name = 'c' WHERE code = 'fast'"))
    plain = reader.refresh(NOW)
    assert plain.update is not None and not plain.update.changes.full
    assert plain.update.changes.touched == {"team": frozenset({str(_team_id(writer, "fast"))})}
    reader.close()
    writer.dispose()


def _team_id(engine, code: str) -> int:
    with Session(engine) as session:
        return session.scalars(select(Team.id).where(Team.code == code)).one()


def test_a_stale_export_is_refused_on_postgres_too(cluster, empty_pg, database):
    from desktop.models.importing import ImportOptions, Source, export_bytes, import_sources

    people = ("人员编码,姓名,手机,身份证号,角色\r\n"
              "T-1,张三,13812341234,420606198503279150,网格员\r\n"
              "T-2,李四,13812341235,420606198503279169,志愿者\r\n").encode()
    engine = open_writer(empty_pg)
    assert import_sources(engine, [Source("p.csv", people)], ImportOptions()).committed
    with Session(engine) as session:
        exported = export_bytes(session, "people", "csv", masked=False)[0]
    cluster.psql("UPDATE person SET phone = '13900000000' WHERE code = 'T-2'", database)
    refused = import_sources(engine, [Source("p.csv", exported)], ImportOptions())
    assert refused.exit_code == 1 and refused.counts["people"].refused == 1
    assert [(c.key, c.fields[0].new, c.fields[0].old) for c in refused.changes
            if c.op == "refused"] == [("T-2", "13812341235", "13900000000")]
    forced = import_sources(engine, [Source("p.csv", exported)],
                            ImportOptions(overwrite_newer=True))
    assert forced.committed and forced.counts["people"].forced == 1
    engine.dispose()


def test_a_schema_change_under_a_running_reader_is_noticed_at_the_next_poll(cluster, empty_pg):
    """A migration on the primary under a running dashboard: the next poll says so in words
    (it used to stay live until a restart)."""
    from desktop.models.errors import SchemaMismatch

    reader = ReplicaReader(empty_pg)
    assert reader.refresh(NOW).update is not None
    writer = open_writer(empty_pg)
    with writer.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaMismatch) as raised:
        reader.refresh(NOW)
    assert raised.value.code == "schema_newer" and raised.value.found == "9999"
    assert "update the application" in str(raised.value)
    reader.close()
    writer.dispose()
