"""值班日报: what one duty day held, assembled as plain data for the printed page.

One Beijing calendar day: incidents received (by ``recorded_at``, the moment
the duty room knew) and their current stage, warnings in force, the day's
duty shifts, and the duty log as it stands (a corrected entry is replaced by
its correction). Stations not ready and staffing gaps come from the situation
at compile time, because the replica keeps no history of readiness; the page
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
from desktop.models.queries import replica_meta
from desktop.models.replica import reading
from desktop.models.schema import DutyAssignment, DutyShift, HazardWarning, Incident, Person
from desktop.models.situation import Situation
from desktop.models.workstation.duty_log import LogEntry


@dataclass(frozen=True)
class ReportIncident:
    code: str
    title: str
    severity: int
    status: str
    place: str
    received_at: dt.datetime
    exercise: bool


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

    @property
    def zero_report(self) -> bool:
        """No real (non-exercise) incident received that day."""
        return not any(not i.exercise for i in self.incidents)

    def incidents_by_status(self) -> Counter[str]:
        return Counter(i.status for i in self.incidents)


def incidents_received(session: Session, start: dt.datetime, end: dt.datetime) -> tuple[
        ReportIncident, ...]:
    rows = session.scalars(select(Incident)
                           .where(Incident.recorded_at >= start, Incident.recorded_at < end)
                           .order_by(Incident.recorded_at))
    return tuple(ReportIncident(i.code, i.title, i.severity, i.status, i.place, i.recorded_at,
                                i.exercise) for i in rows)


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
        result.append(ReportShift(shift.starts_at, shift.ends_at, leader, officers))
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
    return DailyReport(day, street, district, compiled_at, compiled_by, shifts, incidents,
                       warnings, stations, gaps, tuple(ordered),
                       readiness_known=situation is not None)


def load_daily_report(
    replica: str | Path,
    day: dt.date,
    *,
    situation: Situation | None,
    log: Iterable[LogEntry],
    compiled_at: dt.datetime,
    compiled_by: str,
) -> DailyReport:
    """Read the day's incidents, warnings and shifts from the replica (read-only) and assemble."""
    start, end = day_bounds(day)
    with reading(replica) as session:
        incidents = incidents_received(session, start, end)
        warnings = warnings_during(session, start, end)
        shifts = duty_shifts(session, start, end)
        meta = replica_meta(session)
    return assemble(day, situation=situation, shifts=shifts, incidents=incidents,
                    warnings=warnings, log=log, compiled_at=compiled_at,
                    compiled_by=compiled_by, street=meta.get("home_street_name", ""),
                    district=meta.get("district_name", ""))
