"""What the replica knows about one station or the whole street, for the 六有 sheet.

Plain frozen facts: the scoring rules read these and nothing else, so tests
state cases by hand and the query below is the only database code.

A sheet states a period and an as-of date, so its facts are taken at the close
of that Beijing day (``scored_at``), never at the minute the sheet is printed:
kit out on a call is present (in use, expected back), the key holders are those
on that day's readiness list, trainings and drills are those held in the
period. Facts the replica keeps without dates (quantities, phones, custodians,
a station's figures) are as at printing; a sheet for a past day says so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.clock import beijing_day, day_bounds
from desktop.models.facts import StationBase
from desktop.models.readiness import ReadinessRules, assess_station
from desktop.models.roster import RosterRules, SkillCover, skills_cover
from desktop.models.schema import (
    KeyCustodian,
    KitStandard,
    Person,
    Plan,
    Station,
    Team,
    Training,
    WorkRule,
)
from desktop.models.situation import Readiness, Situation

TEAM_KINDS = ("professional", "cadre_militia")
KIT_STANDARD_SHORT = {"4x8": "4 类 8 种", "4+9": "4+9"}  # the names inspectors use


def scored_at(day: dt.date) -> dt.datetime:
    """The moment a sheet as of ``day`` is scored at: the close of that Beijing day."""
    return day_bounds(day)[1] - dt.timedelta(microseconds=1)


def months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))




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
class CustodianFact:
    """One key holder: which party holds the key, and whether the holder is on the as-of
    day's readiness list with a phone on record."""

    party: str  # property | community
    on_list: bool
    has_phone: bool

    @property
    def reachable(self) -> bool:
        return self.on_list and self.has_phone


@dataclass(frozen=True)
class DepotFact:
    """The sand depot's own figures (station properties: ``sand_trucks``,
    ``reserve_tonnes``; the station's ``response_minutes``)."""

    trucks: int | None
    reserve_tonnes: float | None
    response_minutes: float | None
    partner: str | None = None


@dataclass(frozen=True)
class TeamFact:
    """The street's emergency team against the standard: numbers, leaders, skills, training."""

    members: int
    professional: int
    cadres_militia: int
    party_members: int
    leaders: int  # duty leaders (值班领导/带班领导)
    staff: int  # duty officers
    skills: tuple[SkillCover, ...] = ()
    training_person_hours: float = 0.0  # Σ hours × attendance of the period's trainings

    @property
    def hours_per_member(self) -> float:
        return self.training_person_hours / self.members if self.members else 0.0

    @property
    def party_share(self) -> float:
        return self.party_members / self.members if self.members else 0.0


@dataclass(frozen=True)
class Evidence:
    scope: str  # station | street
    name: str
    as_of: dt.date
    period_start: dt.date | None = None
    kind: str = "service_station"  # station kind; "" for the street
    kit_standard: str | None = None  # e.g. "4 类 8 种", "4+9"
    address: str | None = None
    opening_hours: str | None = None
    readiness: Readiness | None = None  # the kit's, on-call kit counted as present
    on_call: int = 0  # items out on a call at the as-of moment (counted as present)
    stations_total: int = 0
    stations_ready: int = 0  # street: stations whose kit is complete
    rules_total: int = 0
    rules_posted: int = 0
    custodians: tuple[CustodianFact, ...] = ()
    depot: DepotFact | None = None
    team: TeamFact | None = None
    plans: tuple[PlanFact, ...] = ()
    trainings: tuple[TrainingFact, ...] = ()
    remarks: tuple[str, ...] = ()


class EvidenceBook:
    """Plans, rules, trainings and key holders of every station, read in a few queries:
    a district's sheets must not cost four queries per station."""

    def __init__(self, session: Session, since: dt.date, until: dt.date | None = None) -> None:
        self.plans: dict[int | None, list[PlanFact]] = defaultdict(list)
        plans = select(Plan).order_by(Plan.approved_on, Plan.id)
        if until is not None:
            plans = plans.where(Plan.approved_on <= until)
        for p in session.scalars(plans):
            self.plans[p.station_id].append(
                PlanFact(p.kind, p.title, p.approved_on, p.review_months))
        self.trainings: dict[int | None, list[TrainingFact]] = defaultdict(list)
        trainings = select(Training).where(Training.held_on >= since)
        if until is not None:
            trainings = trainings.where(Training.held_on <= until)
        for t in session.scalars(trainings.order_by(Training.held_on, Training.id)):
            self.trainings[t.station_id].append(
                TrainingFact(t.kind, t.title, t.held_on, t.hours, t.attendance))
        self.rules: dict[int | None, list[bool]] = defaultdict(list)
        for station_id, posted in session.execute(select(WorkRule.station_id, WorkRule.posted)):
            self.rules[station_id].append(bool(posted))
        self.custodians: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
        for station_id, person_id, holder, phone in session.execute(
                select(KeyCustodian.station_id, KeyCustodian.person_id, KeyCustodian.holder,
                       Person.phone)
                .join(Person, Person.id == KeyCustodian.person_id)
                .order_by(KeyCustodian.id)):
            self.custodians[station_id].append((person_id, holder, bool(phone)))
        self.kit_standards = {key: name for key, name in
                              session.execute(select(KitStandard.key, KitStandard.name))}
        self.stations: dict[int, tuple[str | None, str | None, str | None, dict[str, Any]]] = {
            s.id: (s.address, s.opening_hours, s.kit_standard_key, dict(s.properties or {}))
            for s in session.scalars(select(Station))}

    def rule_counts(self, station_id: int | None) -> tuple[int, int]:
        posted = self.rules.get(station_id, [])
        return len(posted), sum(posted)

    def station_trainings(self, station_id: int) -> tuple[TrainingFact, ...]:
        """The street's own trainings count for its stations too."""
        return tuple(sorted(self.trainings.get(station_id, []) + self.trainings.get(None, []),
                            key=lambda t: t.held_on))

    def standard_name(self, key: str | None) -> str | None:
        if key is None:
            return None
        return KIT_STANDARD_SHORT.get(key, self.kit_standards.get(key, key))


def kit_readiness(base: StationBase, moment: dt.datetime,
                  rules: ReadinessRules = ReadinessRules()) -> tuple[Readiness, int]:
    """The kit's readiness at ``moment`` by the one readiness function, with kit out on a
    call counted as present (in use, expected back): the item is judged as if at the station
    (so expired or overdue kit still counts against it). Key custody and teams out are not
    kit and are judged elsewhere. Returns the readiness and how many items were out."""
    items = [item.at(moment) for item in base.items]
    out = sum(i.quantity for i in items if i.status == "dispatched")
    present = [replace(i, status="in_service") if i.status == "dispatched" else i
               for i in items]
    facts = replace(base.facts, items=present, needs_custody=False)
    return assess_station(facts, (), moment, rules), out


def _past_remark(day: dt.date, printed_on: dt.date | None) -> tuple[str, ...]:
    if printed_on is None or day >= printed_on:
        return ()
    return ("检查日期早于打印日：装备数量、有效期、钥匙保管人、电话及站点概况等未记日期的"
            "信息按打印时的记录填写。",)


def station_evidence(
    session: Session,
    situation: Situation,
    station_id: int,
    period_months: int,
    book: EvidenceBook | None = None,
    *,
    base: StationBase | None = None,
    printed_on: dt.date | None = None,
) -> Evidence:
    """One station's evidence at ``situation.at`` (a sheet passes ``scored_at(day)``).
    ``base``: the station's facts from the situation's loader, for the kit at that moment."""
    station = session.get(Station, station_id)
    if station is None:
        raise LookupError(f"no station {station_id}")
    day = beijing_day(situation.at)
    start = months_before(day, period_months)
    book = book or EvidenceBook(session, start, day)
    status = next(s for s in situation.stations if s.id == station_id)
    if base is not None:
        readiness, on_call = kit_readiness(base, situation.at)
    else:
        readiness, on_call = status.readiness, 0
    on_list = {p.person_id for p in situation.readiness_today.people} if (
        situation.readiness_today) else set()
    custodians = tuple(CustodianFact(holder, pid in on_list, phone)
                       for pid, holder, phone in book.custodians.get(station_id, []))
    total, posted = book.rule_counts(station_id)
    properties = dict(station.properties or {})
    depot = None
    if station.kind == "sand_depot":
        depot = DepotFact(_int(properties.get("sand_trucks")),
                          _float(properties.get("reserve_tonnes")),
                          station.response_minutes,
                          str(properties["partner"]) if properties.get("partner") else None)
    return Evidence(
        scope="station", name=station.name, as_of=day, period_start=start, kind=station.kind,
        kit_standard=book.standard_name(station.kit_standard_key),
        address=station.address, opening_hours=station.opening_hours, readiness=readiness,
        on_call=on_call, rules_total=total, rules_posted=posted, custodians=custodians,
        depot=depot, plans=tuple(book.plans.get(station_id, [])),
        trainings=book.station_trainings(station_id),
        remarks=_past_remark(day, printed_on) + (
            (f"检查日终了时有 {on_call} 件装备出勤在用（预计归还），按在位计。",) if on_call
            else ()),
    )


def team_fact(session: Session, trainings: Sequence[TrainingFact],
              roster_rules: RosterRules | None = None) -> TeamFact:
    """The team's strength from the person rows (not from any roster)."""
    rules = roster_rules or RosterRules.default()
    rows = session.execute(
        select(Person.role, Person.party_member, Person.skills)
        .join(Team, Team.id == Person.team_id)
        .where(Team.kind.in_(TEAM_KINDS), Person.active.is_(True))).all()
    roles = [role for role, _party, _skills in rows]
    leaders = session.scalars(select(Person.role).where(
        Person.role.in_(("duty_leader", "duty_officer")), Person.active.is_(True))).all()
    return TeamFact(
        members=len(rows),
        professional=roles.count("professional_rescuer"),
        cadres_militia=roles.count("community_cadre") + roles.count("militia"),
        party_members=sum(1 for _role, party, _skills in rows if party),
        leaders=leaders.count("duty_leader"),
        staff=leaders.count("duty_officer"),
        skills=skills_cover([list(skills or ()) for _r, _p, skills in rows], rules),
        training_person_hours=sum(t.hours * t.attendance for t in trainings
                                  if t.kind == "training"),
    )


def street_evidence(session: Session, situation: Situation, period_months: int, *,
                    bases: Sequence[StationBase] = (),
                    printed_on: dt.date | None = None,
                    stations_equipped: int | None = None) -> Evidence:
    """The street's evidence at ``situation.at``; ``bases``: the stations' facts from the
    situation's loader, so their kit is judged as on each station's own sheet;
    ``stations_equipped``: how many stations meet 有装备物资 on their own sheets (the sheets
    pass it, so the sand depot counts by its own standard), else the kit's readiness."""
    day = beijing_day(situation.at)
    start = months_before(day, period_months)
    book = EvidenceBook(session, start, day)
    total, posted = book.rule_counts(None)
    trainings = tuple(book.trainings.get(None, []))
    by_id = {b.status.id: b for b in bases}
    kit_ready = 0
    for status in situation.stations:
        base = by_id.get(status.id)
        level = (kit_readiness(base, situation.at)[0] if base is not None
                 else status.readiness).level
        kit_ready += level == "green"
    keys = sorted({k for _a, _h, k, _p in book.stations.values() if k})
    return Evidence(
        scope="street", name=situation.street.name, as_of=day, period_start=start, kind="",
        kit_standard="、".join(n for n in (book.standard_name(k) for k in keys) if n) or None,
        stations_total=len(situation.stations),
        stations_ready=kit_ready if stations_equipped is None else stations_equipped,
        rules_total=total, rules_posted=posted, team=team_fact(session, trainings),
        plans=tuple(book.plans.get(None, [])), trainings=trainings,
        remarks=_past_remark(day, printed_on),
    )


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
