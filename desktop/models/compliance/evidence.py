"""What the replica knows about one station or the whole street, for the 六有 sheet.

Plain frozen facts: the scoring rules read these and nothing else, so tests
state cases by hand and the query below is the only database code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.models.local_time import local
from desktop.models.schema import KeyCustodian, Person, Plan, Station, Team, Training, WorkRule
from desktop.models.situation import Readiness, Situation


@dataclass(frozen=True)
class PlanFact:
    kind: str
    title: str
    approved_on: dt.date
    review_months: int


@dataclass(frozen=True)
class TrainingFact:
    kind: str  # training | drill
    title: str
    held_on: dt.date
    hours: float
    attendance: int


@dataclass(frozen=True)
class Evidence:
    scope: str  # station | street
    name: str
    as_of: dt.date
    address: str | None = None
    opening_hours: str | None = None
    readiness: Readiness | None = None  # station: its own; street: worst of its stations
    stations_total: int = 0
    stations_ready: int = 0
    rules_total: int = 0
    rules_posted: int = 0
    team_members: int = 0
    custodians: int = 0
    custodians_reachable: int = 0
    roster_gaps: tuple[str, ...] = ()
    plans: tuple[PlanFact, ...] = ()
    trainings: tuple[TrainingFact, ...] = ()


def _plans(session: Session, station_id: int | None) -> tuple[PlanFact, ...]:
    where = Plan.station_id.is_(None) if station_id is None else Plan.station_id == station_id
    return tuple(PlanFact(p.kind, p.title, p.approved_on, p.review_months)
                 for p in session.scalars(select(Plan).where(where).order_by(Plan.approved_on)))


def _trainings(session: Session, station_id: int | None, since: dt.date) -> tuple[
        TrainingFact, ...]:
    query = select(Training).where(Training.held_on >= since)
    if station_id is not None:  # the street's own trainings count for its stations too
        query = query.where(or_(Training.station_id == station_id, Training.station_id.is_(None)))
    return tuple(TrainingFact(t.kind, t.title, t.held_on, t.hours, t.attendance)
                 for t in session.scalars(query.order_by(Training.held_on)))


def _rules(session: Session, station_id: int | None) -> tuple[int, int]:
    where = (WorkRule.station_id.is_(None) if station_id is None
             else WorkRule.station_id == station_id)
    rows = session.execute(select(WorkRule.posted).where(where)).scalars().all()
    return len(rows), sum(1 for posted in rows if posted)


def station_evidence(session: Session, situation: Situation, station_id: int,
                     period_months: int) -> Evidence:
    station = session.get(Station, station_id)
    if station is None:
        raise LookupError(f"no station {station_id}")
    status = next(s for s in situation.stations if s.id == station_id)
    reachable = {p.person_id for shift in (situation.duty_now, situation.readiness_today)
                 if shift for p in shift.people}
    custodians = session.execute(
        select(KeyCustodian.person_id, Person.phone)
        .join(Person, Person.id == KeyCustodian.person_id)
        .where(KeyCustodian.station_id == station_id)).all()
    total, posted = _rules(session, station_id)
    today = situation.at.date()
    return Evidence(
        scope="station", name=station.name, as_of=today, address=station.address,
        opening_hours=station.opening_hours, readiness=status.readiness,
        rules_total=total, rules_posted=posted,
        custodians=len(custodians),
        custodians_reachable=sum(1 for pid, phone in custodians if pid in reachable and phone),
        plans=_plans(session, station_id),
        trainings=_trainings(session, station_id, _months_before(today, period_months)),
    )


def street_evidence(session: Session, situation: Situation, period_months: int) -> Evidence:
    members = session.scalar(
        select(func.count()).select_from(Person).join(Team, Team.id == Person.team_id)
        .where(Team.kind.in_(("professional", "cadre_militia")), Person.active.is_(True))) or 0
    total, posted = _rules(session, None)
    today = situation.at.date()
    gaps = situation.roster.gaps if situation.roster else ()
    return Evidence(
        scope="street", name=situation.street.name, as_of=today,
        stations_total=len(situation.stations),
        stations_ready=sum(1 for s in situation.stations if s.readiness.level == "green"),
        rules_total=total, rules_posted=posted, team_members=members,
        roster_gaps=tuple(f"{local(g.starts_at):%m-%d %H:%M} {g.zh}" for g in gaps),
        plans=_plans(session, None),
        trainings=_trainings(session, None, _months_before(today, period_months)),
    )


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))
