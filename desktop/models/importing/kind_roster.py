"""Duty rosters: shifts (duty room or 24-hour readiness) and who is on each.

One row per person on a shift; a shift is known by its kind and start time,
so its end and handover note must read the same on all of its rows. A row
without a person states a shift with nobody assigned yet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.importing import enums
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import CODE, ExportTable, Kind, Row, need
from desktop.models.importing.parsers import choice, moment, text
from desktop.models.importing.upsert import WHERE, Counts, upsert
from desktop.models.schema import DutyAssignment, DutyShift, Person

MAX_SHIFT = dt.timedelta(days=3)


class Roster(Kind):
    name = "roster"
    entity = "duty_shift"
    title_zh, title_en = "值班表", "roster"
    fields = (
        Field("kind", ("班次类型", "班次", "类型", "kind", "shift_kind"),
              choice(enums.SHIFT_KIND, "班次类型", "shift kind", enums.SHIFT_KIND_LABEL), True),
        Field("starts_at", ("开始时间", "上班时间", "starts_at", "start"), moment, True),
        Field("ends_at", ("结束时间", "下班时间", "ends_at", "end"), moment, True),
        Field("person_code", ("人员编码", "人员编号", "person_code", "person"), CODE),
        Field("person_name", ("姓名", "name"), text(60)),  # for people reading the sheet
        Field("role", ("岗位", "职责", "值班岗位", "role"),
              choice(enums.ASSIGNMENT_ROLE, "岗位", "role", enums.ASSIGNMENT_ROLE_LABEL)),
        Field("checked_in_at", ("签到时间", "checked_in_at"), moment),
        Field("handover_note", ("交接班记录", "交班记录", "handover_note", "note"), text(4000)),
    )
    key_fields = ("kind", "starts_at", "person_code")

    def __init__(self) -> None:
        self._shifts: dict[tuple[str, dt.datetime], tuple[dt.datetime, str | None, int]] = {}

    def prepare(self, rows: list[Row], context: Context) -> None:
        self._shifts = {}

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        kind = need(row, "kind", "班次类型", "shift kind")
        starts, ends = need(row, "starts_at", "开始时间", "start"), need(row, "ends_at",
                                                                        "结束时间", "end")
        if ends <= starts:
            raise Bad("结束时间不晚于开始时间", "the shift ends before it starts", column="ends_at")
        if ends - starts > MAX_SHIFT:
            raise Bad("班次超过 3 天", "a shift longer than 3 days", column="ends_at")
        note = row.get("handover_note")
        earlier = self._shifts.get((kind, starts))
        if earlier is not None:
            if earlier[0] != ends:
                raise Bad(f"同一班次的结束时间与第 {earlier[2]} 行不同",
                          f"the same shift ends differently on row {earlier[2]}", column="ends_at")
            if row.has("handover_note") and earlier[1] != note:
                raise Bad(f"同一班次的交接班记录与第 {earlier[2]} 行不同",
                          f"the same shift's handover note differs on row {earlier[2]}",
                          column="handover_note")
        else:
            self._shifts[(kind, starts)] = (ends, note, row.number)
        record: dict[str, Any] = {"kind": kind, "starts_at": starts, "ends_at": ends}
        if row.has("handover_note"):
            record["handover_note"] = note
        person = row.get("person_code")
        if person is not None:
            record["person_id"] = context.resolve("person", person, "人员", "person",
                                                  "person_code")
            record["role"] = need(row, "role", "岗位", "role")
            if row.has("checked_in_at"):
                record["checked_in_at"] = row.get("checked_in_at")
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        session = context.session
        shifts: dict[tuple[str, dt.datetime], dict[str, Any]] = {}
        for record in records:
            shift: dict[str, Any] = {
                k: record[k] for k in ("kind", "starts_at", "ends_at", "handover_note", WHERE)
                if k in record}
            shifts.setdefault((record["kind"], record["starts_at"]), shift)
        counts = upsert(session, DutyShift, lambda r: (r["kind"], r["starts_at"]),
                        list(shifts.values()), ("kind", "starts_at"))
        context.forget("duty_shift")
        ids = context.lookup("duty_shift")
        assignments = []
        for record in records:
            if "person_id" not in record:
                continue
            row = {"shift_id": ids[(record["kind"], record["starts_at"])],
                   "person_id": record["person_id"], "role": record["role"],
                   WHERE: record.get(WHERE)}
            if "checked_in_at" in record:
                row["checked_in_at"] = record["checked_in_at"]
            assignments.append(row)
        counts.add(upsert(session, DutyAssignment,
                          lambda r: (r["shift_id"], r["person_id"]), assignments,
                          ("shift_id", "person_id")))
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        people = {p.id: (p.code, p.name) for p in session.scalars(select(Person))}
        by_shift: dict[int, list[DutyAssignment]] = {}
        for assignment in session.scalars(select(DutyAssignment).order_by(DutyAssignment.id)):
            by_shift.setdefault(assignment.shift_id, []).append(assignment)
        rows: list[list[Any]] = []
        for shift in session.scalars(select(DutyShift).order_by(DutyShift.starts_at,
                                                                 DutyShift.kind)):
            head = [enums.SHIFT_KIND_LABEL.get(shift.kind, shift.kind), shift.starts_at,
                    shift.ends_at]
            members = by_shift.get(shift.id, [])
            if not members:
                rows.append([*head, None, None, None, None, shift.handover_note])
            for a in members:
                code, name = people[a.person_id]
                rows.append([*head, code, masking.mask_name(name) if masked else name,
                             enums.ASSIGNMENT_ROLE_LABEL.get(a.role, a.role), a.checked_in_at,
                             shift.handover_note])
        return ExportTable(self.name, [f.header for f in self.fields], rows)
