"""heartbeat.received_at: when a heartbeat replicated from upstream arrived here

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 22:00:00

A street's PostgreSQL replica that subscribes to an upstream publication
(``dutyroom replica migrate --subscriber``) stamps every heartbeat row the
subscription applies with the moment it arrived (a trigger that fires for
applied rows only); arrival minus the upstream's own time is the subscription's
lag, shown beside the freshness badge. Empty on every other replica.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.models.schema

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


# Plain ALTER TABLE on both databases (heartbeat has no triggers to lose, but keep the habit).
def upgrade() -> None:
    op.add_column("heartbeat", sa.Column(
        "received_at", desktop.models.schema.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("heartbeat", "received_at")
