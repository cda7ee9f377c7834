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
