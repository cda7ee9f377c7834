"""replica schema v1

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 17:37:20.944181
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.models.schema
from desktop.models.triggers import trigger_ddl

revision: str = '0001'
down_revision: str | None = None
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

# Frozen here: later revisions add triggers for the tables they add.
V1_TRACKED_TABLES = (
    "admin_unit", "layer", "feature", "team", "person", "duty_shift", "duty_assignment",
    "station", "key_custodian", "kit_standard", "equipment_category", "equipment_kind",
    "kit_requirement", "equipment_item", "inspection", "drill", "incident",
    "incident_event", "warning", "plan", "work_rule", "training", "replica_meta",
)


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=40), nullable=False),
    sa.Column('op', sa.String(length=1), nullable=False),
    sa.Column('at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('drill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('scenario', sa.Text(), nullable=True),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('duty_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('starts_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('handover_note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_ends_at'), ['ends_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_starts_at'), ['starts_at'], unique=False)

    op.create_table('equipment_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('heartbeat',
    sa.Column('writer', sa.String(length=60), nullable=False),
    sa.Column('at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('writer')
    )
    op.create_table('kit_standard',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('layer',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('geometry_kind', sa.String(length=16), nullable=False),
    sa.Column('style', sa.JSON(), nullable=False),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('symbol_code', sa.String(length=16), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('visible_by_default', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('replica_meta',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('warning',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('valid_from', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('valid_to', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('equipment_kind',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('tracking', sa.String(length=8), nullable=False),
    sa.Column('inspection_interval_days', sa.Integer(), nullable=True),
    sa.Column('shelf_life_days', sa.Integer(), nullable=True),
    sa.Column('first_service_years', sa.Float(), nullable=True),
    sa.Column('service_interval_years', sa.Float(), nullable=True),
    sa.Column('scrap_years', sa.Float(), nullable=True),
    sa.Column('professional', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['equipment_category.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('party_member', sa.Boolean(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_role'), ['role'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_team_id'), ['team_id'], unique=False)

    op.create_table('admin_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('geometry', sa.Text(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=True),
    sa.Column('grid_worker_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['grid_worker_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['parent_id'], ['admin_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('admin_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_unit_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_unit_parent_id'), ['parent_id'], unique=False)

    op.create_table('duty_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('checked_in_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['duty_shift.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('shift_id', 'person_id')
    )
    with op.batch_alter_table('duty_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_assignment_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_assignment_shift_id'), ['shift_id'], unique=False)

    op.create_table('kit_requirement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('standard_key', sa.String(length=32), nullable=False),
    sa.Column('kind_id', sa.Integer(), nullable=False),
    sa.Column('required_quantity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['kind_id'], ['equipment_kind.id'], ),
    sa.ForeignKeyConstraint(['standard_key'], ['kit_standard.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('standard_key', 'kind_id')
    )
    with op.batch_alter_table('kit_requirement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kit_requirement_standard_key'), ['standard_key'], unique=False)

    op.create_table('feature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('layer_key', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('geometry', sa.Text(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.Column('updated_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['grid_id'], ['admin_unit.id'], ),
    sa.ForeignKeyConstraint(['layer_key'], ['layer.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('feature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feature_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feature_layer_key'), ['layer_key'], unique=False)

    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('class_code', sa.String(length=32), nullable=False),
    sa.Column('type_code', sa.String(length=16), nullable=True),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=60), nullable=True),
    sa.Column('casualties', sa.String(length=200), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('drill_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['drill_id'], ['drill.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['admin_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_drill_id'), ['drill_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_recorded_at'), ['recorded_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_status'), ['status'], unique=False)

    op.create_table('station',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('service_radius_m', sa.Float(), nullable=False),
    sa.Column('response_minutes', sa.Float(), nullable=True),
    sa.Column('opening_hours', sa.String(length=60), nullable=False),
    sa.Column('kit_standard_key', sa.String(length=32), nullable=True),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['admin_unit.id'], ),
    sa.ForeignKeyConstraint(['kit_standard_key'], ['kit_standard.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('equipment_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('kind_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('last_serviced_on', sa.Date(), nullable=True),
    sa.Column('last_inspected_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('dispatched_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['kind_id'], ['equipment_kind.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('equipment_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_item_kind_id'), ['kind_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_item_station_id'), ['station_id'], unique=False)

    op.create_table('incident_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('report_no', sa.Integer(), nullable=True),
    sa.Column('occurred_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incident_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_event_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_event_recorded_at'), ['recorded_at'], unique=False)

    op.create_table('key_custodian',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('holder', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('station_id', 'person_id')
    )
    with op.batch_alter_table('key_custodian', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_custodian_station_id'), ['station_id'], unique=False)

    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('review_months', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('training',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('attendance', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('drill_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['drill_id'], ['drill.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('work_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('posted', sa.Boolean(), nullable=False),
    sa.Column('adopted_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('inspection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('inspected_at', desktop.models.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['inspector_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['equipment_item.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_inspected_at'), ['inspected_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_station_id'), ['station_id'], unique=False)

    for statement in trigger_ddl(op.get_bind().dialect.name, V1_TRACKED_TABLES):
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_station_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_item_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_inspected_at'))

    op.drop_table('inspection')
    op.drop_table('work_rule')
    op.drop_table('training')
    op.drop_table('plan')
    with op.batch_alter_table('key_custodian', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_custodian_station_id'))

    op.drop_table('key_custodian')
    with op.batch_alter_table('incident_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_event_recorded_at'))
        batch_op.drop_index(batch_op.f('ix_incident_event_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_incident_event_incident_id'))

    op.drop_table('incident_event')
    with op.batch_alter_table('equipment_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_item_station_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_item_kind_id'))

    op.drop_table('equipment_item')
    op.drop_table('station')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_status'))
        batch_op.drop_index(batch_op.f('ix_incident_recorded_at'))
        batch_op.drop_index(batch_op.f('ix_incident_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_incident_drill_id'))

    op.drop_table('incident')
    with op.batch_alter_table('feature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feature_layer_key'))
        batch_op.drop_index(batch_op.f('ix_feature_grid_id'))

    op.drop_table('feature')
    with op.batch_alter_table('kit_requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kit_requirement_standard_key'))

    op.drop_table('kit_requirement')
    with op.batch_alter_table('duty_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_assignment_shift_id'))
        batch_op.drop_index(batch_op.f('ix_duty_assignment_person_id'))

    op.drop_table('duty_assignment')
    with op.batch_alter_table('admin_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_unit_parent_id'))
        batch_op.drop_index(batch_op.f('ix_admin_unit_level'))

    op.drop_table('admin_unit')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_team_id'))
        batch_op.drop_index(batch_op.f('ix_person_role'))

    op.drop_table('person')
    op.drop_table('equipment_kind')
    op.drop_table('warning')
    op.drop_table('team')
    op.drop_table('replica_meta')
    op.drop_table('layer')
    op.drop_table('kit_standard')
    op.drop_table('heartbeat')
    op.drop_table('equipment_category')
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_starts_at'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_kind'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_ends_at'))

    op.drop_table('duty_shift')
    op.drop_table('drill')
    op.drop_table('change_log')
