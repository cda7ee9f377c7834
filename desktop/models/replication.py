"""PostgreSQL logical replication between replicas: the upstream publishes, a street subscribes.

PostgreSQL moves the rows; this module only prepares the two ends (README,
"Which path when"):

- ``set_up_publisher``: the publication ``dutyroom`` over every replica table but
  ``change_log`` and ``alembic_version``, and ``replica_meta`` without this replica's
  own identity (``triggers.publication_ddl``);
- ``set_up_subscriber``: the change-log triggers set to fire for applied rows too
  (``ENABLE ALWAYS``), and heartbeats stamped with their arrival
  (``triggers.subscriber_ddl``). A replica once set up so stays so: ``dutyroom replica
  migrate`` sees it (``is_subscriber``) and sets up the triggers a migration made.

The subscription itself (``CREATE SUBSCRIPTION … CONNECTION … PUBLICATION dutyroom``)
needs a superuser and the upstream's address; the README gives the statement.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from desktop.models.errors import ReplicaError
from desktop.models.schema import TRACKED_TABLES
from desktop.models.triggers import publication_ddl, subscriber_ddl


def _postgresql(engine: Engine, role: str) -> None:
    if engine.dialect.name != "postgresql":
        raise ReplicaError(f"only a PostgreSQL replica can be a {role} of logical replication "
                           "(a SQLite replica takes file drops: dutyroom sync --watch)")


def set_up_publisher(engine: Engine) -> list[str]:
    """(Re-)create the publication; returns the tables it publishes."""
    _postgresql(engine, "publisher")
    with engine.begin() as connection:
        tables = inspect(connection).get_table_names()
        level = connection.execute(text("SHOW wal_level")).scalar()
        if level != "logical":
            raise ReplicaError(f"the upstream's wal_level is {level!r}: set wal_level = logical "
                               "in its postgresql.conf and restart it")
        for statement in publication_ddl(tables):
            connection.execute(text(statement))
        published = connection.execute(text(
            "SELECT tablename FROM pg_publication_tables WHERE pubname = 'dutyroom' "
            "ORDER BY 1")).scalars().all()
    return [str(name) for name in published]


def set_up_subscriber(engine: Engine) -> None:
    _postgresql(engine, "subscriber")
    with engine.begin() as connection:
        schema = str(connection.execute(text("SELECT current_schema()")).scalar())
        for statement in subscriber_ddl(schema, TRACKED_TABLES):
            connection.execute(text(statement))


def is_subscriber(engine: Engine) -> bool:
    """Set up as a subscriber before (its change-log triggers fire always)."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as connection:
        found = connection.execute(text(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg\\_%\\_changelog' "
            "AND tgenabled = 'A'")).scalar()
    return bool(found)
