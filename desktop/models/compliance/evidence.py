"""What the replica knows about one station or the whole street, for the 六有 sheet.

Plain frozen facts: the scoring rules read these and nothing else, so tests
state cases by hand and the query below is the only database code.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.clock import beijing, beijing_day
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


class EvidenceBook:
    """Plans, rules, trainings and key holders of every station, read in four queries:
    a district's sheets must not cost four queries per station."""

    def __init__(self, session: Session, since: dt.date) -> None:
        self.plans: dict[int | None, list[PlanFact]] = defaultdict(list)
        for p in session.scalars(select(Plan).order_by(Plan.approved_on)):
            self.plans[p.station_id].append(
                PlanFact(p.kind, p.title, p.approved_on, p.review_months))
        self.trainings: dict[int | None, list[TrainingFact]] = defaultdict(list)
        for t in session.scalars(select(Training).where(Training.held_on >= since)
                                 .order_by(Training.held_on)):
            self.trainings[t.station_id].append(
                TrainingFact(t.kind, t.title, t.held_on, t.hours, t.attendance))
        self.rules: dict[int | None, list[bool]] = defaultdict(list)
        for station_id, posted in session.execute(select(WorkRule.station_id, WorkRule.posted)):
            self.rules[station_id].append(bool(posted))
        self.custodians: dict[int, list[tuple[int, bool]]] = defaultdict(list)
        for station_id, person_id, phone in session.execute(
                select(KeyCustodian.station_id, KeyCustodian.person_id, Person.phone)
                .join(Person, Person.id == KeyCustodian.person_id)):
            self.custodians[station_id].append((person_id, bool(phone)))

    def rule_counts(self, station_id: int | None) -> tuple[int, int]:
        posted = self.rules.get(station_id, [])
        return len(posted), sum(posted)

    def station_trainings(self, station_id: int) -> tuple[TrainingFact, ...]:
        """The street's own trainings count for its stations too."""
        return tuple(sorted(self.trainings.get(station_id, []) + self.trainings.get(None, []),
                            key=lambda t: t.held_on))


def station_evidence(session: Session, situation: Situation, station_id: int,
                     period_months: int, book: EvidenceBook | None = None) -> Evidence:
    station = session.get(Station, station_id)
    if station is None:
        raise LookupError(f"no station {station_id}")
    today = beijing_day(situation.at)
    book = book or EvidenceBook(session, _months_before(today, period_months))
    status = next(s for s in situation.stations if s.id == station_id)
    reachable = {p.person_id for shift in (situation.duty_now, situation.readiness_today)
                 if shift for p in shift.people}
    custodians = book.custodians.get(station_id, [])
    total, posted = book.rule_counts(station_id)
    return Evidence(
        scope="station", name=station.name, as_of=today, address=station.address,
        opening_hours=station.opening_hours, readiness=status.readiness,
        rules_total=total, rules_posted=posted,
        custodians=len(custodians),
        custodians_reachable=sum(1 for pid, phone in custodians if pid in reachable and phone),
        plans=tuple(book.plans.get(station_id, [])),
        trainings=book.station_trainings(station_id),
    )


def street_evidence(session: Session, situation: Situation, period_months: int) -> Evidence:
    members = session.scalar(
        select(func.count()).select_from(Person).join(Team, Team.id == Person.team_id)
        .where(Team.kind.in_(("professional", "cadre_militia")), Person.active.is_(True))) or 0
    today = beijing_day(situation.at)
    book = EvidenceBook(session, _months_before(today, period_months))
    total, posted = book.rule_counts(None)
    gaps = situation.roster.gaps if situation.roster else ()
    return Evidence(
        scope="street", name=situation.street.name, as_of=today,
        stations_total=len(situation.stations),
        stations_ready=sum(1 for s in situation.stations if s.readiness.level == "green"),
        rules_total=total, rules_posted=posted, team_members=members,
        roster_gaps=tuple(f"{beijing(g.starts_at):%m-%d %H:%M} {g.zh}" for g in gaps),
        plans=tuple(book.plans.get(None, [])),
        trainings=tuple(book.trainings.get(None, [])),
    )


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))
