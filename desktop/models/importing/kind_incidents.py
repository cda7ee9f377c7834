"""Incidents (GB/T 35561 classes, severity I-IV) and their lifecycle events.

Events are their own kind in CSV/XLSX (one row per event, naming the
incident's code); a GeoJSON incident may carry its events in its
``dutyroom.events`` member, as our exports write them. An event is known by
(incident, stage, report number, time): the log is append-only.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.importing import enums
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
    need,
    present,
)
from desktop.models.importing.parsers import boolean, choice, integer, moment, text
from desktop.models.importing.upsert import WHERE, Counts, columns, upsert
from desktop.models.schema import AdminUnit, Drill, Incident, IncidentEvent, Person, Station


def _severity(value: Any, _tz: Any) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and float(value).is_integer() and abs(value) < 100:
        word = str(int(value))
    else:
        word = str(value).strip()
    found = enums.severity(word)
    if found is None:
        raise Bad(f"未知的事件等级“{word[:20]}”（1-4、I-IV 或 特别重大/重大/较大/一般）",
                  f"unknown severity {word[:20]!r} (1-4, I-IV or 特别重大/重大/较大/一般)")
    return found


def _type_code(value: Any, _tz: Any) -> str:
    word = str(value).strip().upper()
    if not re.fullmatch(r"[A-Z]\d{5}", word):
        raise Bad(f"事件类型代码“{word[:20]}”不符合 GB/T 35649（例：A20600）",
                  f"type code {word[:20]!r} is not GB/T 35649 (e.g. A20600)")
    return word


_INCIDENT_COLUMNS = ("code", "title", "class_code", "type_code", "severity", "status", "place",
                     "lon", "lat", "source", "casualties", "exercise", "occurred_at",
                     "recorded_at", "closed_at")


class Incidents(Kind):
    name = "incidents"
    entity = "incident"
    title_zh, title_en = "突发事件", "incidents"
    fields = (
        Field("code", ("事件编码", "事件编号", "编码", "编号", "code"), CODE, True),
        Field("title", ("事件名称", "标题", "名称", "title"), text(200), True),
        Field("class_code", ("事件类别", "类别", "class", "class_code"),
              choice(enums.INCIDENT_CLASS, "事件类别", "incident class", enums.CLASS_LABEL), True),
        Field("type_code", ("类型代码", "事件类型代码", "type_code"), _type_code),
        Field("severity", ("事件等级", "等级", "级别", "severity"), _severity, True),
        Field("status", ("当前阶段", "状态", "阶段", "status"),
              choice(enums.STAGE, "阶段", "stage", enums.STAGE_LABEL), True),
        Field("place", ("事发地点", "地点", "place"), text(200), True),
        LON, LAT, DATUM,
        Field("grid_code", ("所属网格", "网格编码", "grid_code"), CODE),
        Field("source", ("信息来源", "来源", "source"), text(60)),
        Field("casualties", ("伤亡情况", "casualties"), text(200)),
        Field("exercise", ("演练", "是否演练", "exercise"), boolean),
        Field("drill_code", ("演练编码", "drill_code"), CODE),
        Field("occurred_at", ("发生时间", "事发时间", "occurred_at"), moment, True),
        Field("recorded_at", ("接报时间", "记录时间", "recorded_at"), moment, True),
        Field("closed_at", ("办结时间", "closed_at"), moment),
    )
    has_point = True
    point_in_street = True

    def __init__(self, events: Events) -> None:
        self.events = events
        self.embedded: list[tuple[Row, dict[str, Any]]] = []

    def prepare(self, rows: list[Row], context: Context) -> None:
        self.embedded = []

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        record = present(row.values, row, *_INCIDENT_COLUMNS)
        if "exercise" in record and record["exercise"] is None:
            record["exercise"] = False
        if row.has("grid_code"):
            grid = row.get("grid_code")
            record["grid_id"] = None if grid is None else context.resolve(
                "admin_unit", grid, "网格", "grid", "grid_code")[0]
        if row.has("drill_code"):
            drill = row.get("drill_code")
            record["drill_id"] = None if drill is None else context.resolve(
                "drill", drill, "演练", "drill", "drill_code")
        closed = row.get("closed_at")
        if closed is not None and closed < row.get("occurred_at"):
            raise Bad("办结时间早于发生时间", "closed before it occurred", column="closed_at")
        if (row.get("lon") is None) != (row.get("lat") is None):
            raise Bad("经度和纬度要么都填，要么都不填",
                      "give both longitude and latitude, or neither",
                      column="lon" if row.get("lon") is None else "lat")
        if row.member and "events" in row.member:
            record["_events"] = self.check_embedded(row, context)
        return record

    def check_embedded(self, row: Row, context: Context) -> list[dict[str, Any]]:
        """Events inside a GeoJSON incident's member; Bad names ``events[i].<field>``."""
        member = row.member or {}
        events = member.get("events", [])
        if not isinstance(events, list):
            raise Bad("events 应为数组", "events must be an array", column="events")
        records = []
        fields = self.events.field_map()
        for index, raw in enumerate(events):
            if not isinstance(raw, dict):
                raise Bad("事件过程应为对象", "an event must be an object",
                          column=f"events[{index}]")
            values: dict[str, Any] = {"incident_code": row.get("code")}
            for key, value in raw.items():
                field = fields.get(key)
                if field is None or key == "incident_code":
                    continue
                try:
                    values[key] = None if value is None or value == "" else field.parse(
                        value, context.tz)
                except Bad as problem:
                    raise Bad(problem.zh, problem.en, column=f"events[{index}].{key}") from None
            try:
                records.append(self.events.check(Row(row.number, values), context,
                                                 incident_pending=True))
            except Bad as problem:
                raise Bad(problem.zh, problem.en,
                          column=f"events[{index}].{problem.column}") from None
        return records

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        counts = upsert(context.session, Incident, lambda r: r["code"],
                        [columns(r) for r in records],
                        ("code",), defaults={"exercise": False})
        context.forget("incident")
        events = [{**event, WHERE: record.get(WHERE)} for record in records
                  for event in record.get("_events", [])]
        if events:
            counts.add(self.events.apply(events, context))
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        grids = dict(session.execute(select(AdminUnit.id, AdminUnit.code)).all())
        drills = dict(session.execute(select(Drill.id, Drill.code)).all())
        events = self.events.export(session, masked)
        by_incident: dict[str, list[dict[str, Any]]] = {}
        keys = [f.key for f in self.events.fields]
        for values in events.rows:
            by_incident.setdefault(values[0], []).append(
                {k: v for k, v in zip(keys[1:], values[1:], strict=True) if v is not None})
        rows, members = [], []
        for i in session.scalars(select(Incident).order_by(Incident.code)):
            rows.append([
                i.code, i.title, enums.CLASS_LABEL.get(i.class_code, i.class_code), i.type_code,
                enums.SEVERITY_LABEL.get(i.severity, i.severity),
                enums.STAGE_LABEL.get(i.status, i.status), i.place, i.lon, i.lat,
                "CGCS2000" if i.lon is not None else None,
                grids.get(i.grid_id) if i.grid_id else None, i.source, i.casualties,
                "是" if i.exercise else "否", drills.get(i.drill_id) if i.drill_id else None,
                i.occurred_at, i.recorded_at, i.closed_at])
            members.append({"events": by_incident.get(i.code, [])})
        return ExportTable(self.name, [f.header for f in self.fields], rows, point=(7, 8),
                           members=members)


_EVENT_COLUMNS = ("stage", "report_no", "occurred_at", "recorded_at", "note")


class Events(Kind):
    name = "events"
    entity = "incident_event"
    title_zh, title_en = "事件过程", "incident events"
    fields = (
        Field("incident_code", ("事件编码", "事件编号", "incident_code", "incident"), CODE, True),
        Field("stage", ("阶段", "环节", "stage"),
              choice(enums.STAGE, "阶段", "stage", enums.STAGE_LABEL), True),
        Field("report_no", ("续报序号", "续报次数", "report_no"), integer(1, 999)),
        Field("occurred_at", ("发生时间", "时间", "occurred_at"), moment, True),
        Field("recorded_at", ("记录时间", "recorded_at"), moment, True),
        Field("note", ("内容", "说明", "备注", "note"), text(4000)),
        Field("actor_code", ("处理人编码", "处置人编码", "actor_code"), CODE),
        Field("station_code", ("站点编码", "station_code"), CODE),
    )
    key_fields = ("incident_code", "stage", "report_no", "occurred_at")

    def check(self, row: Row, context: Context, incident_pending: bool = False) -> dict[str, Any]:
        record = present(row.values, row, *_EVENT_COLUMNS)
        record["report_no"] = row.get("report_no")
        incident = need(row, "incident_code", "事件编码", "incident code")
        if not incident_pending:
            context.resolve("incident", incident, "事件", "incident", "incident_code")
        record["_incident"] = incident
        if row.has("actor_code"):
            actor = row.get("actor_code")
            record["actor_id"] = None if actor is None else context.resolve(
                "person", actor, "处理人", "actor", "actor_code")
        if row.has("station_code"):
            station = row.get("station_code")
            record["station_id"] = None if station is None else context.resolve(
                "station", station, "站点", "station", "station_code")
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        incidents = context.lookup("incident")
        rows = []
        for record in records:
            row = columns(record)
            row["incident_id"] = incidents[record["_incident"]]
            rows.append(row)
        return upsert(context.session, IncidentEvent,
                      lambda r: (r["incident_id"], r["stage"], r["report_no"], r["occurred_at"]),
                      rows, ("incident_id", "stage", "report_no", "occurred_at"))

    def export(self, session: Session, masked: bool) -> ExportTable:
        incidents = dict(session.execute(select(Incident.id, Incident.code)).all())
        people = dict(session.execute(select(Person.id, Person.code)).all())
        stations = dict(session.execute(select(Station.id, Station.code)).all())
        rows = [[incidents[e.incident_id], enums.STAGE_LABEL.get(e.stage, e.stage), e.report_no,
                 e.occurred_at, e.recorded_at, e.note,
                 people.get(e.actor_id) if e.actor_id else None,
                 stations.get(e.station_id) if e.station_id else None]
                for e in session.scalars(select(IncidentEvent).order_by(
                    IncidentEvent.incident_id, IncidentEvent.occurred_at, IncidentEvent.id))]
        rows.sort(key=lambda r: (r[0], r[3]))
        return ExportTable(self.name, [f.header for f in self.fields], rows)
