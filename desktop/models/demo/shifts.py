"""Duty-room shifts (handovers at the configured times) and 24-hour team readiness days.

Planned first so incidents can name who was on duty, written last so past
shifts' handover notes can mention what was still open at the handover.
Exactly one future duty shift in the next days is left without a leader.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from desktop.models.demo.context import Build, Street
from desktop.models.schema import DutyAssignment, DutyShift


@dataclass
class ShiftPlan:
    kind: str  # duty | readiness
    starts_at: dt.datetime
    ends_at: dt.datetime
    leader: int | None
    members: list[int] = field(default_factory=list)  # officers, or readiness members


@dataclass(frozen=True)
class IncidentNote:
    """What a handover note needs to know about an incident."""

    title: str
    received_at: dt.datetime
    closed_at: dt.datetime | None


def plan_shifts(build: Build, street: Street) -> list[ShiftPlan]:
    rnd = street.rnd(build, "shifts")
    settings = build.data.scenario["shifts"]
    handovers: list[str] = settings["handovers"]
    leaders = street.staff.role("duty_leader")
    officers = street.staff.role("duty_officer")
    plans: list[ShiftPlan] = []
    first_day = build.today - dt.timedelta(days=settings["past_days"])
    officer_turn = 0
    for offset in range(settings["past_days"] + settings["future_days"]):
        day = first_day + dt.timedelta(days=offset)
        leader = leaders[(day.toordinal()) % len(leaders)]
        for index, start in enumerate(handovers):
            end_day = day if index + 1 < len(handovers) else day + dt.timedelta(days=1)
            end = handovers[(index + 1) % len(handovers)]
            crew = []
            for _ in range(settings["officers"][start]):
                crew.append(officers[officer_turn % len(officers)])
                officer_turn += 1
            plans.append(
                ShiftPlan("duty", build.local(day, start), build.local(end_day, end), leader, crew)
            )
        plans.append(_readiness(build, street, rnd, day))
    gap_from = build.now + dt.timedelta(hours=settings["gap_not_before_hours"])
    gap_to = build.now + dt.timedelta(hours=settings["gap_within_hours"])
    gap = next(p for p in plans if p.kind == "duty" and gap_from <= p.starts_at < gap_to)
    gap.leader = None
    return plans


def _readiness(build: Build, street: Street, rnd: random.Random, day: dt.date) -> ShiftPlan:
    settings = build.data.scenario["shifts"]
    start = settings["readiness_start"]
    low, high = settings["readiness_members"]
    members = rnd.sample(street.staff.team_members, rnd.randint(low, high))
    # Key holders of both parties (property company and community) are on every day's
    # readiness list, so both keys are reachable 24 hours (the dual-custody target) however
    # old the demo replica gets.
    for _, person, _holder in street.custodians:
        if person not in members:
            members.append(person)
    return ShiftPlan(
        "readiness",
        build.local(day, start),
        build.local(day + dt.timedelta(days=1), start),
        None,
        members,
    )


def on_duty(plans: list[ShiftPlan], moment: dt.datetime) -> ShiftPlan:
    """The duty shift covering a moment."""
    return next(p for p in plans if p.kind == "duty" and p.starts_at <= moment < p.ends_at)


def _note(build: Build, plan: ShiftPlan, incidents: list[IncidentNote]) -> str:
    settings = build.data.scenario["shifts"]
    received = [i for i in incidents if plan.starts_at <= i.received_at < plan.ends_at]
    still_open = [
        i
        for i in incidents
        if i.received_at < plan.ends_at and (i.closed_at is None or i.closed_at > plan.ends_at)
    ]
    if not received and not still_open:
        quiet: list[str] = settings["handover_quiet"]
        return quiet[plan.starts_at.toordinal() % len(quiet)]
    open_text = "；".join(settings["handover_open"].format(title=i.title) for i in still_open)
    return str(settings["handover_busy"].format(count=len(received), open=open_text or "均已办结"))


def write_shifts(
    build: Build,
    street: Street,
    plans: list[ShiftPlan],
    incidents: list[IncidentNote],
) -> None:
    rnd = street.rnd(build, "check-in")
    for plan in plans:
        ended = plan.ends_at <= build.now
        note = _note(build, plan, incidents) if ended and plan.kind == "duty" else None
        shift_id = build.rows.add(
            DutyShift,
            kind=plan.kind,
            starts_at=plan.starts_at,
            ends_at=plan.ends_at,
            handover_note=note,
        )
        started = plan.starts_at <= build.now
        crew = ([("leader", plan.leader)] if plan.leader is not None else []) + [
            ("officer" if plan.kind == "duty" else "member", person) for person in plan.members
        ]
        for role, person in crew:
            checked_in = None
            if started:
                early = rnd.randint(3, 15) if plan.kind == "duty" else rnd.randint(-5, 20)
                checked_in = plan.starts_at - dt.timedelta(minutes=early)
            build.rows.add(
                DutyAssignment,
                shift_id=shift_id,
                person_id=person,
                role=role,
                checked_in_at=checked_in,
            )
