"""dated facts for replay: incident_event.severity, equipment_item.returned_at

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 19:40:00

An incident row keeps only its current severity; the event that changed it now
says to what. An item back from a loan kept no time; it now keeps when it came
back (its dispatched_at stays). A replay then shows what the duty room knew at t.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.models.schema

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


# Plain ALTER TABLE on both databases: a batch (copy-and-move) on SQLite would drop the
# table's change-log triggers.
def upgrade() -> None:
    op.add_column("incident_event", sa.Column("severity", sa.Integer(), nullable=True))
    op.add_column("equipment_item", sa.Column(
        "returned_at", desktop.models.schema.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("equipment_item", "returned_at")
    op.drop_column("incident_event", "severity")
