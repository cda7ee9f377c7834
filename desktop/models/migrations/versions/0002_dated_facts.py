"""dated facts for replay: incident_event.severity, the equipment_loan log

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 19:40:00

An incident row keeps only its current severity; the event that changed it now
says to what. An item's row keeps only whether it is out now; the loan log keeps
when each loan began and ended. A replay then shows what the duty room knew at t.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.models.schema
from desktop.models.triggers import trigger_ddl

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


# Plain ALTER TABLE on both databases: a batch (copy-and-move) on SQLite would drop the
# table's change-log triggers.
def upgrade() -> None:
    op.add_column("incident_event", sa.Column("severity", sa.Integer(), nullable=True))
    moment = desktop.models.schema.UTCDateTime(timezone=True)
    op.create_table(
        "equipment_loan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("out_at", moment, nullable=False),
        sa.Column("back_at", moment, nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["equipment_item.id"]),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_equipment_loan_item_id", "equipment_loan", ["item_id"])
    op.create_index("ix_equipment_loan_out_at", "equipment_loan", ["out_at"])
    for statement in trigger_ddl(op.get_bind().dialect.name, ("equipment_loan",)):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("equipment_loan")
    op.drop_column("incident_event", "severity")
