"""replica identity: a random id in replica_meta that every export stamps

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:00:00

An export names the replica it came from (``replica_id``) and the change_log
position it saw; a re-import checks for newer changes only when the file
comes from this very replica, since change_log positions of two replicas
mean nothing to each other. A data-only revision: replicas created before it
get their id from ``dutyroom replica migrate``; new ones get it on init.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

_META = sa.table("replica_meta", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    connection = op.get_bind()
    found = connection.execute(sa.select(_META.c.value).where(_META.c.key == "replica_id"))
    if found.first() is None:
        connection.execute(sa.insert(_META).values(key="replica_id", value=str(uuid.uuid4())))


def downgrade() -> None:
    op.get_bind().execute(sa.delete(_META).where(_META.c.key == "replica_id"))
