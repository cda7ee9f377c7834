"""The roster beyond "who is on now": team composition, skills cover, staffing gaps.

Rules (look-ahead, skills a readiness day needs) are data in
``resources/standards/roster.json``; the logic works on plain facts so tests
can state cases by hand.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.models.quality import QualityCollector
from desktop.models.schema import DutyAssignment, DutyShift, Person, Team


@dataclass(frozen=True)
class Skill:
    code: str
    zh: str
    en: str
    need: int


@dataclass(frozen=True)
class RosterRules:
    lookahead_hours: int = 72
    min_officers: int = 1
    skills: tuple[Skill, ...] = ()

    @staticmethod
    def default() -> RosterRules:
        data: dict[str, Any] = json.loads(
            (files("desktop.resources") / "standards" / "roster.json").read_text("utf-8"))
        return RosterRules(
            lookahead_hours=int(data["lookahead_hours"]),
            min_officers=int(data["min_officers"]),
            skills=tuple(Skill(s["code"], s["zh"], s["en"], int(s["need"]))
                         for s in data["readiness_skills"]),
        )


@dataclass(frozen=True)
class ShiftFacts:
    id: int
    kind: str  # duty | readiness
    starts_at: dt.datetime
    ends_at: dt.datetime
    roles: tuple[str, ...]  # one per assignment: leader | officer | member
    skills: tuple[tuple[str, ...], ...] = ()  # per assignment


@dataclass(frozen=True)
class StaffingGap:
    code: str  # no_shift | no_leader | too_few_officers
    starts_at: dt.datetime
    ends_at: dt.datetime
    zh: str
    en: str


@dataclass(frozen=True)
class SkillCover:
    skill: Skill
    have: int

    @property
    def short(self) -> bool:
        return self.have < self.skill.need


@dataclass(frozen=True)
class TeamComposition:
    members: int
    professional: int
    cadres: int
    militia: int
    party_members: int


@dataclass(frozen=True)
class RosterOverview:
    composition: TeamComposition
    skills_today: tuple[SkillCover, ...]
    gaps: tuple[StaffingGap, ...] = field(default=())


def find_gaps(
    shifts: Iterable[ShiftFacts], now: dt.datetime, rules: RosterRules
) -> tuple[StaffingGap, ...]:
    """Duty-room gaps from now to now + look-ahead: uncovered time, no leader, few officers."""
    horizon = now + dt.timedelta(hours=rules.lookahead_hours)
    duty = sorted((s for s in shifts if s.kind == "duty" and s.ends_at > now
                   and s.starts_at < horizon), key=lambda s: s.starts_at)
    gaps: list[StaffingGap] = []
    covered_until = now
    for shift in duty:
        if shift.starts_at > covered_until:
            gaps.append(_gap("no_shift", covered_until, shift.starts_at, "无人值班", "no shift"))
        covered_until = max(covered_until, shift.ends_at)
        if "leader" not in shift.roles:
            gaps.append(_gap("no_leader", shift.starts_at, shift.ends_at, "缺带班领导",
                             "no duty leader"))
        officers = shift.roles.count("officer")
        if officers < rules.min_officers:
            gaps.append(_gap("too_few_officers", shift.starts_at, shift.ends_at,
                             f"值班员 {officers}/{rules.min_officers}",
                             f"duty officers {officers}/{rules.min_officers}"))
    if covered_until < horizon:
        gaps.append(_gap("no_shift", covered_until, horizon, "无人值班", "no shift"))
    return tuple(sorted(gaps, key=lambda g: g.starts_at))


def _gap(code: str, start: dt.datetime, end: dt.datetime, zh: str, en: str) -> StaffingGap:
    return StaffingGap(code, start, end, zh, en)


def skills_cover(members_skills: Sequence[Iterable[str]], rules: RosterRules) -> tuple[
        SkillCover, ...]:
    counts: Counter[str] = Counter()
    for skills in members_skills:
        counts.update(set(skills))
    return tuple(SkillCover(skill, counts.get(skill.code, 0)) for skill in rules.skills)


def overlapping_assignments(shifts: Sequence[tuple[int, dt.datetime, dt.datetime, int]]) -> list[
        tuple[int, int, int]]:
    """(person, shift a, shift b) for each person on two duty shifts that overlap."""
    by_person: dict[int, list[tuple[dt.datetime, dt.datetime, int]]] = {}
    for shift_id, start, end, person in shifts:
        by_person.setdefault(person, []).append((start, end, shift_id))
    found = []
    for person, spans in by_person.items():
        spans.sort()
        for (_s1, e1, a), (s2, _e2, b) in itertools.pairwise(spans):
            if s2 < e1:
                found.append((person, a, b))
    return found


def roster_overview(
    session: Session, now: dt.datetime, quality: QualityCollector, rules: RosterRules
) -> RosterOverview:
    horizon = now + dt.timedelta(hours=rules.lookahead_hours)
    rows = session.execute(
        select(DutyShift.id, DutyShift.kind, DutyShift.starts_at, DutyShift.ends_at,
               DutyAssignment.role, Person.skills, Person.id)
        .outerjoin(DutyAssignment, DutyAssignment.shift_id == DutyShift.id)
        .outerjoin(Person, Person.id == DutyAssignment.person_id)
        .where(DutyShift.ends_at > now - dt.timedelta(days=1), DutyShift.starts_at < horizon)
    ).all()
    facts: dict[int, dict[str, Any]] = {}
    duty_spans = []
    for shift_id, kind, start, end, role, skills, person_id in rows:
        entry = facts.setdefault(shift_id, {"kind": kind, "start": start, "end": end,
                                            "roles": [], "skills": []})
        if role is not None:
            entry["roles"].append(role)
            entry["skills"].append(tuple(skills or ()))
            if kind == "duty":
                duty_spans.append((shift_id, start, end, person_id))
    for person, a, b in overlapping_assignments(duty_spans):
        quality.note("duty_assignment", person, f"person on two overlapping shifts ({a}, {b})")
    shifts = [ShiftFacts(i, f["kind"], f["start"], f["end"], tuple(f["roles"]),
                         tuple(f["skills"])) for i, f in facts.items()]
    today = next((s for s in shifts if s.kind == "readiness" and s.starts_at <= now < s.ends_at),
                 None)
    return RosterOverview(
        composition=team_composition(session),
        skills_today=skills_cover(today.skills if today else (), rules),
        gaps=find_gaps(shifts, now, rules),
    )


def team_composition(session: Session) -> TeamComposition:
    """Counted by the database: one row however large the district."""
    def role_is(role: str) -> Any:
        return func.count(case((Person.role == role, 1)))

    members, professional, cadres, militia, party = session.execute(
        select(func.count(), role_is("professional_rescuer"), role_is("community_cadre"),
               role_is("militia"), func.count(case((Person.party_member.is_(True), 1))))
        .select_from(Person)
        .join(Team, Team.id == Person.team_id)
        .where(Team.kind.in_(("professional", "cadre_militia")), Person.active.is_(True))
    ).one()
    return TeamComposition(members=members, professional=professional, cadres=cadres,
                           militia=militia, party_members=party)


@dataclass(frozen=True)
class WeekDay:
    day: dt.date  # Beijing date
    duty: tuple[Any, ...]  # Shift, in start order
    readiness: Any | None  # Shift or None


def load_week(location: str, first_day: dt.date, tz: dt.tzinfo, days: int = 7) -> tuple[
        WeekDay, ...]:
    """Duty shifts and readiness by local day, read on a short read-only connection."""
    from desktop.models.queries import shifts_between
    from desktop.models.replica import reading

    start = dt.datetime.combine(first_day, dt.time(), tz)
    end = start + dt.timedelta(days=days)
    with reading(location) as session:
        duty = shifts_between(session, "duty", start, end)
        readiness = shifts_between(session, "readiness", start, end)
    result = []
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        result.append(WeekDay(
            day=day,
            duty=tuple(s for s in duty if s.starts_at.astimezone(tz).date() == day),
            readiness=next((s for s in readiness if s.starts_at.astimezone(tz).date() == day),
                           None),
        ))
    return tuple(result)
