"""change_log triggers, so every write (ours, an importer's, upstream sync's) is seen.

The DDL is generated per dialect from ``schema.TRACKED_TABLES`` and applied by
the migrations; the watcher only ever reads ``change_log``.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.models.schema import PRIMARY_KEY_COLUMN, TRACKED_TABLES

_OPS = (("INSERT", "I", "NEW"), ("UPDATE", "U", "NEW"), ("DELETE", "D", "OLD"))


def sqlite_trigger_ddl(tables: Iterable[str] = TRACKED_TABLES) -> list[str]:
    statements: list[str] = []
    for table in tables:
        pk = PRIMARY_KEY_COLUMN.get(table, "id")
        for event, op, row in _OPS:
            name = f"trg_{table}_{op.lower()}_changelog"
            statements.append(f"DROP TRIGGER IF EXISTS {name}")
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN "
                f"INSERT INTO change_log (entity, entity_id, op, at) VALUES "
                f"('{table}', CAST({row}.{pk} AS TEXT), '{op}', "
                f"strftime('%Y-%m-%d %H:%M:%f', 'now')); END"
            )
    return statements


def postgresql_trigger_ddl(tables: Iterable[str] = TRACKED_TABLES) -> list[str]:
    statements = [
        """
        CREATE OR REPLACE FUNCTION dutyroom_change_log() RETURNS trigger AS $$
        DECLARE
            pk text := TG_ARGV[0];
            rec jsonb;
        BEGIN
            IF TG_OP = 'DELETE' THEN rec := to_jsonb(OLD); ELSE rec := to_jsonb(NEW); END IF;
            INSERT INTO change_log (entity, entity_id, op, at)
            VALUES (TG_TABLE_NAME, rec ->> pk, left(TG_OP, 1),
                    (now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC');
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """
    ]
    for table in tables:
        pk = PRIMARY_KEY_COLUMN.get(table, "id")
        name = f"trg_{table}_changelog"
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        statements.append(
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION dutyroom_change_log('{pk}')"
        )
    return statements


def trigger_ddl(dialect: str, tables: Iterable[str] = TRACKED_TABLES) -> list[str]:
    if dialect == "sqlite":
        return sqlite_trigger_ddl(tables)
    if dialect == "postgresql":
        return postgresql_trigger_ddl(tables)
    raise ValueError(f"unsupported database dialect {dialect!r}")


# -- PostgreSQL logical replication (README, "Which path when") -----------------------------
# An upstream publishes every replica table but change_log (each replica numbers its own
# changes) and alembic_version (each replica is migrated itself: logical replication copies
# rows, not schema); of replica_meta, everything but this replica's own identity, which its
# export stamps name together with positions in its own change_log.
PUBLICATION = "dutyroom"
NOT_PUBLISHED = ("change_log", "alembic_version")
LOCAL_META_KEYS = ("replica_id",)
HEARTBEAT_RECEIVED = "trg_heartbeat_received"


def publication_ddl(tables: Iterable[str], name: str = PUBLICATION) -> list[str]:
    """Create (or re-create) the publication on the upstream, over ``tables`` (the replica's
    tables as they are now, so a table added by a later migration is published too once
    this runs again there)."""
    published = sorted(t for t in tables if t not in NOT_PUBLISHED and t != "replica_meta")
    local = ", ".join(f"'{key}'" for key in LOCAL_META_KEYS)
    members = [*published, f"replica_meta WHERE (key NOT IN ({local}))"]
    return [f"DROP PUBLICATION IF EXISTS {name}",
            f"CREATE PUBLICATION {name} FOR TABLE {', '.join(members)}"]


def subscriber_ddl(schema: str, tables: Iterable[str] = TRACKED_TABLES) -> list[str]:
    """On a subscribing replica: the change-log triggers fire for rows the subscription
    applies too (PostgreSQL fires only ``ALWAYS`` and ``REPLICA`` triggers in its apply
    workers), and every heartbeat applied from upstream is stamped with its arrival
    (``REPLICA``: for applied rows only), which gives the subscription's lag. The apply
    workers run with an empty search_path, so the trigger function gets the replica's
    schema (``schema``) as its own."""
    quoted = '"' + schema.replace('"', '""') + '"'
    statements = [f"ALTER FUNCTION dutyroom_change_log() SET search_path = {quoted}"]
    statements += [
        f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER trg_{table}_changelog" for table in tables]
    statements += [
        """
        CREATE OR REPLACE FUNCTION dutyroom_heartbeat_received() RETURNS trigger AS $$
        BEGIN
            NEW.received_at := clock_timestamp();
            RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f"DROP TRIGGER IF EXISTS {HEARTBEAT_RECEIVED} ON heartbeat",
        f"CREATE TRIGGER {HEARTBEAT_RECEIVED} BEFORE INSERT OR UPDATE ON heartbeat "
        "FOR EACH ROW EXECUTE FUNCTION dutyroom_heartbeat_received()",
        f"ALTER TABLE heartbeat ENABLE REPLICA TRIGGER {HEARTBEAT_RECEIVED}",
    ]
    return statements
