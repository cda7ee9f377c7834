import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.models import migrate
from desktop.models.replica import ReplicaError, check_schema, open_reader, open_writer
from desktop.models.schema import TRACKED_TABLES, ChangeLog, Team


@pytest.fixture
def empty_replica(tmp_path):
    path = tmp_path / "r.db"
    engine = open_writer(path, create=True)
    migrate.upgrade(engine)
    engine.dispose()
    return path


def test_dashboard_connection_cannot_write(empty_replica):
    reader = open_reader(empty_replica)
    check_schema(reader)
    with pytest.raises(OperationalError, match="readonly"), reader.begin() as connection:
        connection.execute(insert(Team).values(code="x", name="x", kind="duty"))
    reader.dispose()


def test_triggers_log_insert_update_delete_even_from_raw_sql(empty_replica):
    connection = sqlite3.connect(empty_replica)
    connection.execute("INSERT INTO team (code, name, kind) VALUES ('t1', 'A', 'duty')")
    connection.execute("UPDATE team SET name = 'B' WHERE code = 't1'")
    connection.execute("DELETE FROM team WHERE code = 't1'")
    connection.commit()
    connection.close()
    engine = open_writer(empty_replica)
    with Session(engine) as session:
        rows = session.execute(
            select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.op)
            .where(ChangeLog.entity == "team").order_by(ChangeLog.seq)
        ).all()
        at = session.scalars(select(ChangeLog.at)).first()
    engine.dispose()
    assert rows == [("team", "1", "I"), ("team", "1", "U"), ("team", "1", "D")]
    assert at is not None and at.tzinfo is not None


def test_every_tracked_table_has_triggers(empty_replica):
    connection = sqlite3.connect(empty_replica)
    names = {
        row[0]
        for row in connection.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")
    }
    connection.close()
    assert names == set(TRACKED_TABLES)


def test_naive_datetimes_are_refused(empty_replica):
    import datetime as dt

    from desktop.models.schema import Heartbeat

    engine = open_writer(empty_replica)
    with Session(engine) as session, pytest.raises(Exception, match="timezone-aware"):
        session.add(Heartbeat(writer="w", at=dt.datetime(2026, 1, 1)))
        session.flush()
    engine.dispose()


def test_missing_corrupt_and_foreign_files_give_clear_errors(tmp_path):
    with pytest.raises(ReplicaError, match="not found"):
        open_reader(tmp_path / "nope.db")
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ReplicaError, match="cannot be read"):
        check_schema(open_reader(corrupt))
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(ReplicaError, match="not a duty-room replica"):
        check_schema(open_reader(foreign))


def test_older_and_newer_schema_versions_are_named(empty_replica):
    from desktop.models.replica import ALEMBIC_HEAD

    engine = open_writer(empty_replica)
    newer = f"{int(ALEMBIC_HEAD) + 1:04d}"
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{newer}'"))
    with pytest.raises(ReplicaError, match="newer than this application"):
        check_schema(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    with pytest.raises(ReplicaError, match="older than this application"):
        check_schema(engine)
    engine.dispose()


@pytest.mark.parametrize("content", [None, b"garbage" * 1000])
def test_cli_check_on_bad_replica_exits_nonzero_without_traceback(tmp_path, content, run_cli):
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    result = run_cli("replica", "check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "dutyroom:" in result.stderr


def test_cli_init_refuses_to_overwrite_without_force(tmp_path, run_cli):
    path = tmp_path / "r.db"
    assert run_cli("replica", "init", str(path)).returncode == 0
    again = run_cli("replica", "init", str(path))
    assert again.returncode == 1
    assert "--force" in again.stderr
    assert run_cli("replica", "init", "--force", str(path)).returncode == 0
    check = run_cli("replica", "check", str(path))
    assert check.returncode == 0
    assert "grids 0, stations 0" in check.stdout


def test_update_is_logged_with_the_primary_key_of_key_tables(empty_replica):
    engine = open_writer(empty_replica)
    from desktop.models.schema import ReplicaMeta

    with Session(engine) as session:
        session.add(ReplicaMeta(key="home_street_name", value="七里河街道"))
        session.commit()
        session.execute(update(ReplicaMeta).where(ReplicaMeta.key == "home_street_name")
                        .values(value="x"))
        session.commit()
        rows = session.execute(select(ChangeLog.entity_id, ChangeLog.op)
                               .where(ChangeLog.entity_id != "replica_id")).all()
    engine.dispose()
    assert rows == [("home_street_name", "I"), ("home_street_name", "U")]


@pytest.mark.slow
def test_python_dash_m_desktop_help_works():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for flag in ("--replica", "--wall", "--lang", "--poll-interval-ms", "--ready-file"):
        assert flag in result.stdout


def test_migrations_have_a_single_head_that_the_code_expects():
    """One revision per schema change, on main's head: two heads mean two changes collided."""
    from importlib.resources import files

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.models.replica import ALEMBIC_HEAD

    config = Config()
    config.set_main_option("script_location", str(files("desktop.models") / "migrations"))
    assert ScriptDirectory.from_config(config).get_heads() == [ALEMBIC_HEAD]


def test_every_short_read_checks_the_schema_first(empty_replica, tmp_path):
    """``reading`` is how readers open the replica: a wrong one is refused in words."""
    from desktop.models.replica import reading

    engine = open_writer(empty_replica)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    engine.dispose()
    with pytest.raises(ReplicaError, match="older than this application"), \
            reading(empty_replica):
        pass
    with pytest.raises(ReplicaError), reading(tmp_path / "missing.db"):
        pass


def test_each_replica_gets_its_own_identity_also_when_migrated_from_v1(tmp_path):
    from desktop.models.queries import replica_meta

    identities = []
    for name in ("a.db", "b.db"):
        engine = open_writer(tmp_path / name, create=True)
        migrate.upgrade(engine, "0001")
        with Session(engine) as session:
            assert "replica_id" not in replica_meta(session)
        migrate.upgrade(engine)
        migrate.upgrade(engine)  # idempotent
        check_schema(engine)
        with Session(engine) as session:
            identities.append(replica_meta(session)["replica_id"])
        engine.dispose()
    assert len(set(identities)) == 2 and all(len(i) == 36 for i in identities)
