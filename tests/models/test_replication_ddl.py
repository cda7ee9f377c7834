"""What the upstream publishes and what a subscriber sets up (logical replication, DDL only;
tests/e2e/test_logical_replication.py runs it on two real clusters)."""

from __future__ import annotations

import pytest

from desktop.models.errors import ReplicaError
from desktop.models.replica import open_writer
from desktop.models.schema import TRACKED_TABLES, Base
from desktop.models.triggers import publication_ddl, subscriber_ddl


def test_the_publication_holds_every_replica_table_but_change_log_and_its_identity():
    tables = [*Base.metadata.tables, "alembic_version"]
    drop, create = publication_ddl(tables)
    assert drop == "DROP PUBLICATION IF EXISTS dutyroom"
    listed = create.removeprefix("CREATE PUBLICATION dutyroom FOR TABLE ").split(", ")
    assert "change_log" not in listed and "alembic_version" not in listed
    assert listed[-1] == "replica_meta WHERE (key NOT IN ('replica_id'))"
    assert set(listed[:-1]) == set(Base.metadata.tables) - {"change_log", "replica_meta"}
    assert "heartbeat" in listed  # upstream's heartbeats tell the street it is writing


def test_a_subscriber_fires_every_change_log_trigger_always_and_stamps_heartbeats():
    statements = subscriber_ddl("street")
    assert statements[0] == 'ALTER FUNCTION dutyroom_change_log() SET search_path = "street"'
    always = [s for s in statements if "ENABLE ALWAYS TRIGGER" in s]
    assert always == [f"ALTER TABLE {t} ENABLE ALWAYS TRIGGER trg_{t}_changelog"
                      for t in TRACKED_TABLES]
    assert statements[-1] == "ALTER TABLE heartbeat ENABLE REPLICA TRIGGER trg_heartbeat_received"


def test_a_sqlite_replica_cannot_be_a_subscriber_and_says_what_it_takes(demo_replica):
    from desktop.models import replication

    engine = open_writer(demo_replica)
    try:
        assert not replication.is_subscriber(engine)
        with pytest.raises(ReplicaError, match="sync --watch"):
            replication.set_up_subscriber(engine)
    finally:
        engine.dispose()
