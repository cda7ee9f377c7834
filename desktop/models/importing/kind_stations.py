"""Emergency service stations, micro fire stations and sand depots, with their key holders.

Key dual custody (钥匙双保管) is two columns of person codes, one per holder
(property company, community); a column present in the file states that
holder's custodians for the station completely.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.models.importing import enums
from desktop.models.importing.catalogue import ensure_catalogue
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import (
    CODE,
    DATUM,
    LAT,
    LON,
    ExportTable,
    Kind,
    Row,
    present,
)
from desktop.models.importing.parsers import choice, code, json_object, number, text, word_list
from desktop.models.importing.upsert import Counts, columns, upsert
from desktop.models.schema import AdminUnit, KeyCustodian, Person, Station

HOLDERS = {"property": "key_holder_property", "community": "key_holder_community"}
_COLUMNS = ("code", "name", "kind", "lon", "lat", "address", "service_radius_m",
            "response_minutes", "opening_hours", "properties")


class Stations(Kind):
    name = "stations"
    entity = "station"
    title_zh, title_en = "站点", "stations"
    fields = (
        Field("code", ("站点编码", "编码", "站点编号", "code", "station_code"), CODE, True),
        Field("name", ("站点名称", "名称", "name"), text(100), True),
        Field("kind", ("类型", "站点类型", "kind", "type"),
              choice(enums.STATION_KIND, "站点类型", "station kind", enums.STATION_KIND_LABEL),
              True),
        LON, LAT, DATUM,
        Field("address", ("地址", "address"), text(200)),
        Field("community_code", ("所属社区", "社区编码", "community_code", "community"), CODE),
        Field("service_radius_m", ("服务半径", "service_radius_m", "radius_m"), number(1, 50_000)),
        Field("response_minutes", ("响应时间", "response_minutes"), number(0, 1440)),
        Field("opening_hours", ("开放时间", "opening_hours"), text(60)),
        Field("kit_standard", ("装备标准", "kit_standard"), code(32)),
        Field("key_holder_property", ("物业钥匙保管人", "key_holder_property"), word_list),
        Field("key_holder_community", ("社区钥匙保管人", "key_holder_community"), word_list),
        Field("properties", ("属性", "properties"), json_object),
    )
    has_point = True
    point_required = True
    point_in_street = True

    def prepare(self, rows: list[Row], context: Context) -> None:
        if ensure_catalogue(context.session):
            context.forget("kit_standard", "equipment_kind")

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        record = present(row.values, row, *_COLUMNS)
        for key in ("properties",):
            if key in record and record[key] is None:
                record[key] = {}
        for key, default in (("service_radius_m", 500.0), ("opening_hours", "24h")):
            if key in record and record[key] is None:
                record[key] = default
        if row.has("community_code"):
            community = row.get("community_code")
            record["community_id"] = None
            if community is not None:
                found = context.resolve("admin_unit", community, "社区", "community",
                                        "community_code")
                if found[1] != "community":
                    raise Bad(f"“{community}”不是社区", f"{community!r} is not a community",
                              column="community_code")
                record["community_id"] = found[0]
        if row.has("kit_standard"):
            standard = row.get("kit_standard")
            if standard is not None:
                context.resolve("kit_standard", standard, "装备标准", "kit standard",
                                "kit_standard")
            record["kit_standard_key"] = standard
        custodians: dict[str, list[str]] = {}
        for holder, key in HOLDERS.items():
            if row.has(key):
                codes = row.get(key) or []
                for person in codes:
                    context.resolve("person", person, "钥匙保管人", "key holder", key)
                custodians[holder] = codes
        record["_custodians"] = custodians
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        session = context.session
        rows = [columns(r) for r in records]
        counts = upsert(session, Station, lambda r: r["code"], rows, ("code",),
                        defaults={"service_radius_m": 500.0, "opening_hours": "24h",
                                  "properties": {}})
        context.forget("station")
        stations = context.lookup("station")
        people = context.lookup("person")
        for record in records:
            station_id = stations[record["code"]]
            for holder, codes in record["_custodians"].items():
                wanted = {people[c] for c in codes}
                have = set(session.scalars(select(KeyCustodian.person_id).where(
                    KeyCustodian.station_id == station_id, KeyCustodian.holder == holder)))
                if have - wanted:
                    session.execute(delete(KeyCustodian).where(
                        KeyCustodian.station_id == station_id, KeyCustodian.holder == holder,
                        KeyCustodian.person_id.in_(have - wanted)))
                others = set(session.scalars(select(KeyCustodian.person_id).where(
                    KeyCustodian.station_id == station_id, KeyCustodian.holder != holder)))
                clash = (wanted - have) & others
                if clash:
                    session.execute(delete(KeyCustodian).where(
                        KeyCustodian.station_id == station_id,
                        KeyCustodian.person_id.in_(clash)))
                new = [{"station_id": station_id, "person_id": p, "holder": holder}
                       for p in sorted(wanted - have)]
                if new:
                    session.execute(insert(KeyCustodian), new)
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        units = dict(session.execute(select(AdminUnit.id, AdminUnit.code)).all())
        people = dict(session.execute(select(Person.id, Person.code)).all())
        holders: dict[tuple[int, str], list[str]] = {}
        for custodian in session.scalars(select(KeyCustodian).order_by(KeyCustodian.id)):
            holders.setdefault((custodian.station_id, custodian.holder), []).append(
                people[custodian.person_id])
        rows = []
        for s in session.scalars(select(Station).order_by(Station.code)):
            rows.append([
                s.code, s.name, enums.STATION_KIND_LABEL.get(s.kind, s.kind), s.lon, s.lat,
                "CGCS2000", s.address, units.get(s.community_id) if s.community_id else None,
                s.service_radius_m, s.response_minutes, s.opening_hours, s.kit_standard_key,
                ";".join(holders.get((s.id, "property"), [])),
                ";".join(holders.get((s.id, "community"), [])), s.properties or {},
            ])
        return ExportTable(self.name, [f.header for f in self.fields], rows, point=(3, 4))
