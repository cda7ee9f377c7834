"""The duty room's own rhythm: people check in before their shift, the shift hands over at its end.

Shifts and their handover times are rows in the replica (the configured
08:00/17:00 in the demo), so these follow the wall clock, whatever the time
scale: the dashboard decides who is on duty now by the wall clock too.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.schema import DutyAssignment, DutyShift, Incident
from desktop.models.simulator.engine import Action, Followups
from desktop.models.simulator.world import World
from desktop.models.vocab import OPEN_STAGES

LOOK_AHEAD = dt.timedelta(hours=36)
REPLAN_EVERY = dt.timedelta(hours=12)


@dataclass
class CheckIn:
    assignment_id: int

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        row = session.get(DutyAssignment, self.assignment_id)
        if row is not None and row.checked_in_at is None:
            row.checked_in_at = now
        return []


@dataclass
class Handover:
    """At a duty shift's end: the handover record of what came in and what is still open."""

    world: World
    shift_id: int

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        shift = session.get(DutyShift, self.shift_id)
        if shift is None or shift.handover_note:
            return []
        received = session.scalar(select(func.count()).where(
            Incident.recorded_at >= shift.starts_at, Incident.recorded_at < shift.ends_at,
            Incident.exercise.is_(False))) or 0
        still_open = list(session.scalars(
            select(Incident.title).where(Incident.status.in_(OPEN_STAGES),
                                         Incident.exercise.is_(False))
            .order_by(Incident.recorded_at)))
        settings = self.world.data.scenario["shifts"]
        if not received and not still_open:
            quiet: list[str] = settings["handover_quiet"]
            shift.handover_note = quiet[shift.starts_at.toordinal() % len(quiet)]
        else:
            open_text = "；".join(settings["handover_open"].format(title=t) for t in still_open)
            shift.handover_note = str(settings["handover_busy"].format(
                count=received, open=open_text or "均已办结"))
        return []


@dataclass
class DutyPlanner:
    """Plans the check-ins and handovers of the next hours, and plans itself again."""

    world: World
    rnd: random.Random
    planned_until: dt.datetime | None = None

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        start = self.planned_until or now
        until = now + LOOK_AHEAD
        follow: list[tuple[float, Action]] = []
        shifts = session.scalars(
            select(DutyShift).where(
                ((DutyShift.starts_at > start) & (DutyShift.starts_at <= until))
                | ((DutyShift.ends_at > start) & (DutyShift.ends_at <= until)))
            .order_by(DutyShift.starts_at, DutyShift.id))
        for shift in shifts:
            if start < shift.starts_at <= until:
                for assignment in session.scalars(
                    select(DutyAssignment).where(DutyAssignment.shift_id == shift.id,
                                                 DutyAssignment.checked_in_at.is_(None))
                    .order_by(DutyAssignment.id)):
                    early = dt.timedelta(minutes=self.rnd.uniform(3, 15))
                    moment = max(shift.starts_at - early, now)
                    follow.append(((moment - now).total_seconds(), CheckIn(assignment.id)))
            if shift.kind == "duty" and start < shift.ends_at <= until:
                follow.append(((shift.ends_at - now).total_seconds(),
                               Handover(self.world, shift.id)))
        self.planned_until = until
        follow.append((REPLAN_EVERY.total_seconds(), self))
        return follow
