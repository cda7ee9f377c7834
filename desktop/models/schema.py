"""Replica schema v1: the provincial platform's data as the duty room keeps it.

Geometry is stored as GeoJSON text in CGCS2000 (≈ WGS-84) longitude/latitude,
so the same schema runs on SQLite and on PostgreSQL without spatial
extensions. Times are stored in UTC and always returned timezone-aware.
Every table listed in ``TRACKED_TABLES`` feeds ``change_log`` through
database triggers (see ``desktop.models.triggers``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 1
_UTC = dt.UTC


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, UTC stored, aware UTC datetimes out (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: replica times must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        # Hot path (tens of thousands of rows a refresh): the common case first.
        if value is None:
            return None
        if value.__class__ is str:  # raw SQLite text written by a trigger or an importer
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=_UTC)  # type: ignore[no-any-return]
        return value.astimezone(_UTC)  # type: ignore[no-any-return]


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON,
    }


# ---------------------------------------------------------------- geography


class AdminUnit(Base):
    """Street → community → grid. Codes: GB/T 2260 (6) + street (3) + community (3) + seq."""

    __tablename__ = "admin_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16), index=True)  # street | community | grid
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("admin_unit.id"), index=True)
    geometry: Mapped[str] = mapped_column(Text)  # GeoJSON Polygon/MultiPolygon, CGCS2000
    households: Mapped[int | None] = mapped_column(Integer)
    grid_worker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class Layer(Base):
    """The layer registry: new map categories arrive as rows, not code."""

    __tablename__ = "layer"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(60))
    geometry_kind: Mapped[str] = mapped_column(String(16))  # point | line | polygon
    style: Mapped[dict[str, Any]] = mapped_column(default=dict)  # colour, radius, weight, icon
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)  # personal data (PIPL)
    symbol_code: Mapped[str | None] = mapped_column(String(16))  # GB/T 35649 code
    sort_order: Mapped[int] = mapped_column(Integer, default=100)
    visible_by_default: Mapped[bool] = mapped_column(Boolean, default=True)


class Feature(Base):
    __tablename__ = "feature"
    id: Mapped[int] = mapped_column(primary_key=True)
    layer_key: Mapped[str] = mapped_column(ForeignKey("layer.key"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    geometry: Mapped[str] = mapped_column(Text)  # GeoJSON geometry, CGCS2000
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_unit.id"), index=True)
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime | None]


# ---------------------------------------------------------------- people


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))  # professional | cadre_militia | volunteer | duty


class Person(Base):
    """Contact fields are personal data: masked on every screen unless revealed."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18))
    # professional_rescuer | community_cadre | militia | duty_officer | duty_leader
    # | grid_worker | volunteer
    role: Mapped[str] = mapped_column(String(32), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[list[str]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    team: Mapped[Team | None] = relationship()


class DutyShift(Base):
    """A duty-room shift (kind 'duty') or a day of 24-hour team readiness ('readiness')."""

    __tablename__ = "duty_shift"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # duty | readiness
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(index=True)
    handover_note: Mapped[str | None] = mapped_column(Text)
    assignments: Mapped[list[DutyAssignment]] = relationship(back_populates="shift")


class DutyAssignment(Base):
    __tablename__ = "duty_assignment"
    __table_args__ = (UniqueConstraint("shift_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shift.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # leader | officer | member
    checked_in_at: Mapped[dt.datetime | None]
    shift: Mapped[DutyShift] = relationship(back_populates="assignments")
    person: Mapped[Person] = relationship()


# ---------------------------------------------------------------- stations and kit


class Station(Base):
    __tablename__ = "station"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # service_station | micro_fire_station | sand_depot
    kind: Mapped[str] = mapped_column(String(32))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(200))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("admin_unit.id"))
    service_radius_m: Mapped[float] = mapped_column(Float, default=500.0)
    response_minutes: Mapped[float | None] = mapped_column(Float)
    opening_hours: Mapped[str] = mapped_column(String(60), default="24h")
    kit_standard_key: Mapped[str | None] = mapped_column(ForeignKey("kit_standard.key"))
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)  # trucks, reserve_t, …
    custodians: Mapped[list[KeyCustodian]] = relationship()


class KeyCustodian(Base):
    """Key dual custody (钥匙双保管): one key with the property company, one with the community."""

    __tablename__ = "key_custodian"
    __table_args__ = (UniqueConstraint("station_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    holder: Mapped[str] = mapped_column(String(16))  # property | community
    person: Mapped[Person] = relationship()


class KitStandard(Base):
    """A station kit standard (e.g. "4 categories × 8 kinds", or the "4+9" variant)."""

    __tablename__ = "kit_standard"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class EquipmentCategory(Base):
    __tablename__ = "equipment_category"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(60))


class EquipmentKind(Base):
    __tablename__ = "equipment_kind"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("equipment_category.id"))
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(60))
    tracking: Mapped[str] = mapped_column(String(8))  # unit | batch
    inspection_interval_days: Mapped[int | None] = mapped_column(Integer)
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    first_service_years: Mapped[float | None] = mapped_column(Float)
    service_interval_years: Mapped[float | None] = mapped_column(Float)
    scrap_years: Mapped[float | None] = mapped_column(Float)
    professional: Mapped[bool] = mapped_column(Boolean, default=True)
    category: Mapped[EquipmentCategory] = relationship()


class KitRequirement(Base):
    __tablename__ = "kit_requirement"
    __table_args__ = (UniqueConstraint("standard_key", "kind_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    standard_key: Mapped[str] = mapped_column(ForeignKey("kit_standard.key"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("equipment_kind.id"))
    required_quantity: Mapped[int] = mapped_column(Integer)


class EquipmentItem(Base):
    """One row per unit for inspected items (own code); one row per batch for consumables."""

    __tablename__ = "equipment_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("equipment_kind.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    made_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    last_serviced_on: Mapped[dt.date | None] = mapped_column(Date)
    last_inspected_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="in_service")
    # in_service | dispatched | faulty | scrapped
    dispatched_at: Mapped[dt.datetime | None]  # while out: since when
    kind: Mapped[EquipmentKind] = relationship()


class EquipmentLoan(Base):
    """An item out of its station (to a call, a drill, a neighbour), from ``out_at`` until
    ``back_at`` (None: still out): the dated history the item row's status lacks."""

    __tablename__ = "equipment_loan"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("equipment_item.id"), index=True)
    out_at: Mapped[dt.datetime] = mapped_column(index=True)
    back_at: Mapped[dt.datetime | None]
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"))


class Inspection(Base):
    __tablename__ = "inspection"
    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("equipment_item.id"), index=True)
    inspected_at: Mapped[dt.datetime] = mapped_column(index=True)
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    result: Mapped[str] = mapped_column(String(16))  # ok | fault
    note: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- incidents and drills


class Drill(Base):
    __tablename__ = "drill"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    scenario: Mapped[str | None] = mapped_column(Text)
    targets: Mapped[dict[str, Any]] = mapped_column(default=dict)  # minutes per milestone


class Incident(Base):
    """Classes per GB/T 35561-2017; severity 1 (特别重大 I) … 4 (一般 IV)."""

    __tablename__ = "incident"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    # natural_disaster | accident | public_health | social_security
    class_code: Mapped[str] = mapped_column(String(32))
    type_code: Mapped[str | None] = mapped_column(String(16))  # GB/T 35649, e.g. A20600
    severity: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)  # lifecycle stage key
    place: Mapped[str] = mapped_column(String(200))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_unit.id"))
    source: Mapped[str | None] = mapped_column(String(60))
    casualties: Mapped[str | None] = mapped_column(String(200))
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    drill_id: Mapped[int | None] = mapped_column(ForeignKey("drill.id"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(index=True)
    closed_at: Mapped[dt.datetime | None]


class IncidentEvent(Base):
    """Append-only lifecycle log: 接报 → 核实 → 初报 → 派遣 → 到场 → 处置 → 续报 n → 终报 → 办结."""

    __tablename__ = "incident_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    report_no: Mapped[int | None] = mapped_column(Integer)  # 续报 number
    # The severity this event reports, when it states one (接报, a 续报 that raises it):
    # the incident row keeps only the current one.
    severity: Mapped[int | None] = mapped_column(Integer)
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(index=True)
    note: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))


class HazardWarning(Base):
    """预警: type, colour level, area, validity."""

    __tablename__ = "warning"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # rainstorm | flood | wind | heat | …
    level: Mapped[str] = mapped_column(String(8))  # blue | yellow | orange | red
    area: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.datetime]
    valid_to: Mapped[dt.datetime]
    issued_by: Mapped[str | None] = mapped_column(String(100))


# ---------------------------------------------------------------- 六有 evidence


class Plan(Base):
    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))  # None = street
    kind: Mapped[str] = mapped_column(String(32))  # flood | geological | fire | mass_event | …
    title: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[dt.date] = mapped_column(Date)
    review_months: Mapped[int] = mapped_column(Integer, default=12)


class WorkRule(Base):
    """工作制度: rules and duties, and whether they are posted on the wall (上墙)."""

    __tablename__ = "work_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))
    title: Mapped[str] = mapped_column(String(200))
    posted: Mapped[bool] = mapped_column(Boolean, default=True)
    adopted_on: Mapped[dt.date] = mapped_column(Date)


class Training(Base):
    __tablename__ = "training"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # training | drill
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float, default=2.0)
    attendance: Mapped[int] = mapped_column(Integer, default=0)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))
    drill_id: Mapped[int | None] = mapped_column(ForeignKey("drill.id"))


# ---------------------------------------------------------------- bookkeeping


class ChangeLog(Base):
    """Filled by triggers only; the watcher polls max(seq)."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    op: Mapped[str] = mapped_column(String(1))  # I | U | D
    at: Mapped[dt.datetime]


class Heartbeat(Base):
    """Every writer refreshes its row at least every 10 s while it runs."""

    __tablename__ = "heartbeat"
    writer: Mapped[str] = mapped_column(String(60), primary_key=True)
    at: Mapped[dt.datetime]
    # Set on a subscriber when the row arrives from upstream (migration 0004, triggers.py).
    received_at: Mapped[dt.datetime | None]


class ReplicaMeta(Base):
    """Key/value facts about the replica: street code and name, generator, seed."""

    __tablename__ = "replica_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Tables whose rows the dashboard shows: each gets change_log triggers.
TRACKED_TABLES: tuple[str, ...] = (
    "admin_unit", "layer", "feature", "team", "person", "duty_shift", "duty_assignment",
    "station", "key_custodian", "kit_standard", "equipment_category", "equipment_kind",
    "kit_requirement", "equipment_item", "inspection", "drill", "incident",
    "incident_event", "warning", "plan", "work_rule", "training", "replica_meta",
    "equipment_loan",
)

# Primary-key column per tracked table (all "id" except these).
PRIMARY_KEY_COLUMN: dict[str, str] = {
    "layer": "key", "kit_standard": "key", "replica_meta": "key",
}
