"""值班日报: what one duty day held, assembled as plain data for the printed page.

One Beijing calendar day: every incident of the day — received that day (by
``recorded_at``, the moment the duty room knew) or still open from before —
with its stage at the day's end (or now, for today) and, while open, the next
reporting deadline; open ones first. Warnings in force, the day's duty shifts
with their handover notes, the handovers written at the desk, and the duty
log as it stands (a corrected entry is replaced by its correction). Stations
not ready and staffing gaps come from the situation at compile time, because
the replica keeps no history of readiness; the page
says so. A day without a real incident is a zero report (零报告): districts
want the page even then. Names stay masked; nothing here reveals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.clock import day_bounds
from desktop.models.deadlines import due, load_rules
from desktop.models.queries import replica_meta
from desktop.models.replica import reading
from desktop.models.schema import (
    DutyAssignment,
    DutyShift,
    HazardWarning,
    Incident,
    IncidentEvent,
    Person,
)
from desktop.models.situation import Situation
from desktop.models.workstation.duty_log import LogEntry
from desktop.models.workstation.handovers import WrittenHandover


@dataclass(frozen=True)
class ReportIncident:
    code: str
    title: str
    severity: int
    status: str
    place: str
    received_at: dt.datetime
    exercise: bool
    deadline_stage: str | None = None  # open: the next report due …
    deadline_at: dt.datetime | None = None  # … by then
    carried_over: bool = False  # received before the day, still open at its start

    @property
    def open(self) -> bool:
        return self.status != "closed"


@dataclass(frozen=True)
class ReportHandover:
    written_at: dt.datetime
    officer_name: str
    notes: str
    taken_over_by: str | None = None
    taken_over_at: dt.datetime | None = None


@dataclass(frozen=True)
class ReportWarning:
    kind: str
    level: str
    area: str
    valid_from: dt.datetime
    valid_to: dt.datetime


@dataclass(frozen=True)
class ReportShift:
    starts_at: dt.datetime
    ends_at: dt.datetime
    leader: str | None  # masked
    officers: tuple[str, ...]  # masked
    handover_note: str | None = None


@dataclass(frozen=True)
class ReportStation:
    code: str
    name: str
    level: str
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]


@dataclass(frozen=True)
class ReportGap:
    starts_at: dt.datetime
    ends_at: dt.datetime
    zh: str
    en: str


@dataclass(frozen=True)
class DailyReport:
    day: dt.date
    street: str
    district: str
    compiled_at: dt.datetime
    compiled_by: str
    shifts: tuple[ReportShift, ...]
    incidents: tuple[ReportIncident, ...]
    warnings: tuple[ReportWarning, ...]
    stations_not_ready: tuple[ReportStation, ...]
    gaps: tuple[ReportGap, ...]
    log: tuple[LogEntry, ...]  # current entries only, by time of occurrence
    readiness_known: bool = True  # False: no situation given (a past day): no readiness shown
    handovers: tuple[ReportHandover, ...] = ()

    @property
    def open_incidents(self) -> tuple[ReportIncident, ...]:
        return tuple(i for i in self.incidents if i.open)

    @property
    def zero_report(self) -> bool:
        """No real (non-exercise) incident received that day (carried-over ones are not new)."""
        return not any(not i.exercise and not i.carried_over for i in self.incidents)

    def incidents_by_status(self) -> Counter[str]:
        return Counter(i.status for i in self.incidents)


def incidents_received(session: Session, start: dt.datetime, end: dt.datetime,
                       until: dt.datetime | None = None) -> tuple[ReportIncident, ...]:
    """Every incident of the day: received in [start, end), or received before and still
    open at ``start``; each at its stage as known by ``until`` (default ``end``), open ones
    first (soonest deadline first), then the closed ones by time received."""
    until = end if until is None else min(until, end)
    rows = session.scalars(select(Incident).where(Incident.recorded_at < end)
                           .order_by(Incident.recorded_at, Incident.id)).all()
    stages: dict[int, list[tuple[dt.datetime, dt.datetime, int, str]]] = {}
    for incident_id, stage, occurred, recorded, event_id in session.execute(
            select(IncidentEvent.incident_id, IncidentEvent.stage, IncidentEvent.occurred_at,
                   IncidentEvent.recorded_at, IncidentEvent.id)
            .where(IncidentEvent.recorded_at < end)):
        stages.setdefault(incident_id, []).append((occurred, recorded, event_id, stage))
    rules = load_rules()
    result = []
    for incident in rows:
        events = sorted(stages.get(incident.id, []))
        closed_before = any(s == "closed" and recorded < start for _o, recorded, _i, s in events)
        carried = incident.recorded_at < start
        if carried and closed_before:
            continue
        known = [s for _o, recorded, _i, s in events if recorded <= until]
        status = known[-1] if known else "received"
        deadline = due(incident.severity, status, incident.recorded_at, rules) if (
            status != "closed") else None
        result.append(ReportIncident(
            incident.code, incident.title, incident.severity, status, incident.place,
            incident.recorded_at, incident.exercise,
            deadline[0] if deadline else None, deadline[1] if deadline else None, carried))
    return open_first(result)


def open_first(incidents: Iterable[ReportIncident]) -> tuple[ReportIncident, ...]:
    """Open ones first (soonest deadline first), then the closed ones by time received."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return tuple(sorted(incidents, key=lambda i: (
        not i.open, (i.deadline_at or far) if i.open else i.received_at, i.received_at,
        i.code)))


def warnings_during(session: Session, start: dt.datetime, end: dt.datetime) -> tuple[
        ReportWarning, ...]:
    rows = session.scalars(select(HazardWarning)
                           .where(HazardWarning.valid_from < end, HazardWarning.valid_to > start)
                           .order_by(HazardWarning.valid_from))
    return tuple(ReportWarning(w.kind, w.level, w.area, w.valid_from, w.valid_to) for w in rows)


def duty_shifts(session: Session, start: dt.datetime, end: dt.datetime) -> tuple[
        ReportShift, ...]:
    shifts = session.scalars(select(DutyShift)
                             .where(DutyShift.kind == "duty", DutyShift.starts_at < end,
                                    DutyShift.ends_at > start)
                             .order_by(DutyShift.starts_at)).all()
    result = []
    for shift in shifts:
        people = session.execute(
            select(DutyAssignment.role, Person.name)
            .join(Person, Person.id == DutyAssignment.person_id)
            .where(DutyAssignment.shift_id == shift.id)
            .order_by(Person.code)).all()
        leader = next((masking.mask_name(n) for role, n in people if role == "leader"), None)
        officers = tuple(masking.mask_name(n) for role, n in people if role == "officer")
        result.append(ReportShift(shift.starts_at, shift.ends_at, leader, officers,
                                  shift.handover_note))
    return tuple(result)


def current_entries(entries: Iterable[LogEntry]) -> tuple[LogEntry, ...]:
    return tuple(e for e in entries if e.current)


def assemble(
    day: dt.date,
    *,
    situation: Situation | None,
    shifts: tuple[ReportShift, ...],
    incidents: tuple[ReportIncident, ...],
    warnings: tuple[ReportWarning, ...],
    log: Iterable[LogEntry],
    compiled_at: dt.datetime,
    compiled_by: str,
    street: str = "",
    district: str = "",
    handovers: Iterable[ReportHandover] = (),
) -> DailyReport:
    """The report from plain facts (tests state a day by hand this way)."""
    stations: tuple[ReportStation, ...] = ()
    gaps: tuple[ReportGap, ...] = ()
    if situation is not None:
        rank = {"red": 0, "amber": 1}
        stations = tuple(
            ReportStation(s.code, s.name, s.readiness.level,
                          tuple(r.zh for r in s.readiness.reasons),
                          tuple(r.en for r in s.readiness.reasons))
            for s in sorted(situation.stations, key=lambda s: (rank.get(s.readiness.level, 2),
                                                               s.code))
            if s.readiness.level != "green")
        if situation.roster is not None:
            gaps = tuple(ReportGap(g.starts_at, g.ends_at, g.zh, g.en)
                         for g in situation.roster.gaps)
        street = situation.street.name or street
        district = situation.street.district or district
    ordered = sorted(current_entries(log), key=lambda e: (e.occurred_at, e.id))
    return DailyReport(day, street, district, compiled_at, compiled_by, shifts,
                       open_first(incidents),
                       warnings, stations, gaps, tuple(ordered),
                       readiness_known=situation is not None, handovers=tuple(handovers))


def load_daily_report(
    replica: str | Path,
    day: dt.date,
    *,
    situation: Situation | None,
    log: Iterable[LogEntry],
    compiled_at: dt.datetime,
    compiled_by: str,
    handovers: Iterable[ReportHandover] = (),
) -> DailyReport:
    """Read the day's incidents, warnings and shifts from the replica (read-only) and assemble
    (``handovers``: those written at the desk that day, from the workstation store)."""
    start, end = day_bounds(day)
    with reading(replica) as session:
        incidents = incidents_received(session, start, end, compiled_at)
        warnings = warnings_during(session, start, end)
        shifts = duty_shifts(session, start, end)
        meta = replica_meta(session)
    return assemble(day, situation=situation, shifts=shifts, incidents=incidents,
                    warnings=warnings, log=log, compiled_at=compiled_at,
                    compiled_by=compiled_by, street=meta.get("home_street_name", ""),
                    district=meta.get("district_name", ""), handovers=handovers)


def report_handovers(written: Iterable[WrittenHandover]) -> tuple[ReportHandover, ...]:
    """The desk's written handovers as the report prints them."""
    return tuple(ReportHandover(
        h.written_at, h.officer_name, h.notes,
        h.acknowledgement.officer_name if h.acknowledgement else None,
        h.acknowledgement.at if h.acknowledgement else None) for h in written)
