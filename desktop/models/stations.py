"""Station queries: readiness inputs for every station, and one station's detail.

Inconsistent rows (negative quantities, unknown kinds, inspections dated in
the future) are noted in the quality collector and read defensively, never
fatal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.quality import QualityCollector
from desktop.models.readiness import (
    CustodianFacts,
    ItemFacts,
    KindFacts,
    StationFacts,
)
from desktop.models.schema import (
    EquipmentItem,
    EquipmentKind,
    Inspection,
    KeyCustodian,
    KitRequirement,
    Person,
    Station,
)
from desktop.models.situation import Readiness, StationStatus
from desktop.models.station_profile import StationProfile, station_profile

ITEM_COLUMNS = (
    EquipmentItem.station_id, EquipmentItem.code, EquipmentItem.kind_id,
    EquipmentItem.quantity, EquipmentItem.status, EquipmentItem.made_on,
    EquipmentItem.expires_on, EquipmentItem.last_serviced_on, EquipmentItem.last_inspected_at,
)


def item_facts(row: Any, kinds: set[int], now: dt.datetime,
               quality: QualityCollector | None = None) -> ItemFacts | None:
    """One item row (columns as in ITEM_COLUMNS; rows, not ORM objects: 20k a refresh).

    The one reading of an item, live and in replay; ``quality`` collects what is wrong."""
    quality = quality or QualityCollector()
    _station, code, kind_id, quantity, status, made, expires, serviced, inspected = row
    if kind_id not in kinds:
        quality.note("equipment_item", code, f"unknown equipment kind {kind_id}")
        return None
    if quantity < 0:
        quality.note("equipment_item", code, f"negative quantity {quantity}: counted as 0")
        quantity = 0
    if inspected is not None and inspected > now + dt.timedelta(minutes=5):
        quality.note("equipment_item", code,
                     f"inspection dated in the future ({inspected:%Y-%m-%d %H:%M} UTC): ignored")
        inspected = None
    return ItemFacts(kind_id=kind_id, quantity=quantity, status=status, made_on=made,
                     expires_on=expires, last_serviced_on=serviced,
                     last_inspected_at=inspected)


def station_facts(
    session: Session,
    now: dt.datetime,
    quality: QualityCollector | None = None,
    station_ids: Collection[int] | None = None,
    *,
    with_items: bool = True,
    stations: Sequence[Station] | None = None,
) -> dict[int, StationFacts]:
    """Readiness inputs for every station (or only ``station_ids``), in five queries
    whatever the station count; ``with_items=False`` leaves the items out (the caller
    reads them through time); ``stations``: the station rows, when the caller has them."""
    quality = quality or QualityCollector()
    kinds = {k.id: k for k in session.scalars(select(EquipmentKind))}
    requirements: dict[str, list[KitRequirement]] = defaultdict(list)
    for req in session.scalars(select(KitRequirement)):
        requirements[req.standard_key].append(req)
    item_query = select(*ITEM_COLUMNS)
    custodian_query = (select(KeyCustodian.station_id, KeyCustodian.person_id, Person.phone)
                       .join(Person, Person.id == KeyCustodian.person_id))
    station_query = select(Station)
    if station_ids is not None:
        item_query = item_query.where(EquipmentItem.station_id.in_(station_ids))
        custodian_query = custodian_query.where(KeyCustodian.station_id.in_(station_ids))
        station_query = station_query.where(Station.id.in_(station_ids))
    items: dict[int, list[ItemFacts]] = defaultdict(list)
    known = set(kinds)
    for row in session.execute(item_query) if with_items else ():
        facts_ = item_facts(row, known, now, quality)
        if facts_ is not None:
            items[row[0]].append(facts_)
    custodians: dict[int, list[CustodianFacts]] = defaultdict(list)
    for station_id, person_id, phone in session.execute(custodian_query):
        custodians[station_id].append(CustodianFacts(person_id, bool(phone)))
    facts: dict[int, StationFacts] = {}
    by_standard = {  # built once per standard, not once per station
        standard: [
            KindFacts(
                kind_id=req.kind_id,
                name_zh=kinds[req.kind_id].name_zh,
                name_en=kinds[req.kind_id].name_en,
                required=req.required_quantity,
                inspection_interval_days=kinds[req.kind_id].inspection_interval_days,
                first_service_years=kinds[req.kind_id].first_service_years,
                service_interval_years=kinds[req.kind_id].service_interval_years,
                scrap_years=kinds[req.kind_id].scrap_years,
            )
            for req in reqs
            if req.kind_id in kinds
        ]
        for standard, reqs in requirements.items()
    }
    for station in session.scalars(station_query) if stations is None else stations:
        facts[station.id] = StationFacts(
            kinds=by_standard.get(station.kit_standard_key or "", []),
            items=items.get(station.id, []),
            custodians=custodians.get(station.id, []),
            needs_custody=station.kind != "sand_depot",
        )
    return facts


def station_status(station: Station, facts: StationFacts, readiness: Readiness,
            community: str | None) -> StationStatus:
    short_kinds = {r.zh for r in readiness.reasons if r.code == "shortage"}
    return StationStatus(
        id=station.id,
        code=station.code,
        name=station.name,
        kind=station.kind,
        lon=station.lon,
        lat=station.lat,
        service_radius_m=station.service_radius_m,
        response_minutes=station.response_minutes,
        community=community,
        readiness=readiness,
        kinds_required=len(facts.kinds),
        kinds_complete=len(facts.kinds) - len(short_kinds),
        profile=station_profile(station.properties),
    )


# ---------------------------------------------------------------- one station, in detail


@dataclass(frozen=True)
class EquipmentRow:
    code: str
    category: str
    kind: str
    tracking: str  # unit | batch
    quantity: int
    status: str
    made_on: dt.date | None
    expires_on: dt.date | None
    last_serviced_on: dt.date | None
    last_inspected_at: dt.datetime | None


@dataclass(frozen=True)
class InspectionRow:
    inspected_at: dt.datetime
    item_code: str | None
    result: str
    inspector: str  # masked
    note: str


@dataclass(frozen=True)
class StationDetail:
    station_id: int
    name: str
    equipment: tuple[EquipmentRow, ...]
    inspections: tuple[InspectionRow, ...]  # newest first
    profile: StationProfile = field(default_factory=StationProfile)  # typed properties


def station_detail(session: Session, station_id: int, *, english: bool = False,
                   inspections: int = 200) -> StationDetail:
    station = session.get(Station, station_id)
    if station is None:
        raise LookupError(f"no station {station_id}")
    rows = session.execute(
        select(EquipmentItem, EquipmentKind)
        .join(EquipmentKind, EquipmentKind.id == EquipmentItem.kind_id)
        .where(EquipmentItem.station_id == station_id)
        .order_by(EquipmentKind.code, EquipmentItem.code)
    ).all()
    equipment = tuple(
        EquipmentRow(
            code=item.code,
            category=kind.category.name_en if english else kind.category.name_zh,
            kind=kind.name_en if english else kind.name_zh,
            tracking=kind.tracking,
            quantity=item.quantity,
            status=item.status,
            made_on=item.made_on,
            expires_on=item.expires_on,
            last_serviced_on=item.last_serviced_on,
            last_inspected_at=item.last_inspected_at,
        )
        for item, kind in rows
    )
    history = session.execute(
        select(Inspection, EquipmentItem.code, Person.name)
        .outerjoin(EquipmentItem, EquipmentItem.id == Inspection.item_id)
        .outerjoin(Person, Person.id == Inspection.inspector_id)
        .where(Inspection.station_id == station_id)
        .order_by(Inspection.inspected_at.desc())
        .limit(inspections)
    ).all()
    return StationDetail(
        station_id=station.id,
        name=station.name,
        equipment=equipment,
        inspections=tuple(
            InspectionRow(row.inspected_at, code, row.result, masking.mask_name(name),
                          row.note or "")
            for row, code, name in history
        ),
        profile=station_profile(station.properties),
    )


def load_station_detail(location: str, station_id: int, *, english: bool = False) -> StationDetail:
    """station_detail on its own short read-only connection (for the operator's dialog)."""
    from desktop.models.replica import reading

    with reading(location) as session:
        return station_detail(session, station_id, english=english)
