"""The replica's edges: drivers, passwords and URLs, the WAL files a reader needs, schema."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import text

from desktop import cli
from desktop.models.errors import ReplicaError, SchemaMismatch
from desktop.models.live import ReplicaReader
from desktop.models.replica import display_url, has_password, open_reader, open_writer

SECRET = "s3cret-Pa55"


@pytest.mark.parametrize("url", ["postgresql+asyncpg://duty@127.0.0.1/replica",
                                 "nosuchdb://duty@host/replica", "mysql://u@h/d"])
def test_an_unknown_or_missing_driver_is_one_line(url):
    for opening in (open_reader, open_writer):
        with pytest.raises(ReplicaError) as raised:
            opening(url)
        message = str(raised.value)
        assert "\n" not in message and "driver" in message and "not available" in message


def test_the_command_line_gives_one_line_and_exit_1_for_an_unknown_driver(capsys):
    code = cli.main(["replica", "check", "postgresql+asyncpg://duty@127.0.0.1/replica"])
    captured = capsys.readouterr()
    assert code == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "asyncpg" in lines[0] and "Traceback" not in captured.err


def test_urls_are_shown_with_the_password_masked():
    url = f"postgresql+psycopg://duty:{SECRET}@db.example:5432/replica"
    assert has_password(url) and not has_password("postgresql+psycopg://duty@db/replica")
    shown = display_url(url)
    assert SECRET not in shown and "***" in shown and "db.example" in shown
    assert display_url("/var/lib/dutyroom/replica.db") == "/var/lib/dutyroom/replica.db"


def test_replica_init_prints_a_postgres_url_masked(monkeypatch, capsys, tmp_path):
    from desktop import replica_commands

    url = f"postgresql+psycopg://writer:{SECRET}@127.0.0.1:5432/replica"
    monkeypatch.setattr(replica_commands, "init_replica", lambda location, **_: location)
    settings = tmp_path / "settings.json"
    settings.write_text(f'{{"replica": "{url}"}}')  # a file may hold it; argv may not
    assert cli.main(["--settings-file", str(settings), "replica", "init"]) == 0
    out = capsys.readouterr().out
    assert "replica created" in out and SECRET not in out and "writer:***@" in out


@pytest.mark.parametrize("argv", [
    ["replica", "check", f"postgresql+psycopg://duty:{SECRET}@db/replica"],
    ["--replica", f"postgresql+psycopg://duty:{SECRET}@db/replica"],
    [f"--replica=postgresql+psycopg://duty:{SECRET}@db/replica", "simulate"],
    ["replica", "import", "a.csv", "--replica", f"postgresql://duty:{SECRET}@db/r"],
])
def test_a_password_on_the_command_line_is_refused(argv, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "visible to every user" in err and SECRET not in err


def test_the_password_comes_from_an_owner_only_file(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    secret_file = tmp_path / "replica.pw"
    secret_file.write_text(SECRET + "\n")
    secret_file.chmod(0o644)
    assert cli.main(["--replica-password-file", str(secret_file), "replica", "check",
                     str(tmp_path / "none.db")]) == 2
    assert "can be read by others" in capsys.readouterr().err
    secret_file.chmod(0o600)
    assert cli.main(["--replica-password-file", str(secret_file), "replica", "check",
                     str(tmp_path / "none.db")]) == 1  # no such replica: but the file was used
    assert os.environ["PGPASSWORD"] == SECRET
    assert SECRET not in capsys.readouterr().err


def test_a_writer_leaves_the_wal_files_a_read_only_reader_needs(tmp_path):
    from desktop.replica_commands import init_replica

    demo_replica = tmp_path / "shared" / "replica.db"
    init_replica(str(demo_replica))
    for suffix in ("-wal", "-shm"):
        assert os.path.exists(f"{demo_replica}{suffix}"), "init left no WAL files"
    assert not list(demo_replica.parent.glob("*.building*"))
    engine = open_writer(demo_replica)
    with engine.begin() as connection:
        connection.execute(text("UPDATE heartbeat SET at = at"))
    engine.dispose()  # the last connection: SQLite checkpoints and deletes -wal and -shm
    for suffix in ("-wal", "-shm"):
        side = os.stat(f"{demo_replica}{suffix}")
        assert side.st_size == 0 and stat.S_IMODE(side.st_mode) == 0o640
    with sqlite3.connect(demo_replica) as check:  # an empty WAL is a valid WAL
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_schema_change_is_noticed_at_the_next_poll(demo_replica, fixed_now):
    reader = ReplicaReader(str(demo_replica))
    assert reader.refresh(fixed_now).update is not None
    with sqlite3.connect(demo_replica) as writer:
        writer.execute("UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(SchemaMismatch) as raised:
        reader.refresh(fixed_now)
    assert raised.value.code == "schema_older" and "replica migrate" in str(raised.value)
    reader.close()
