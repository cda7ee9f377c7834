"""Does a drill agree with itself? Places, titles and times of its exercise incidents.

Read from a replica (the demo's, or an imported one): every exercise incident
happens inside its drill's span; a title carries no exercise mark of its own
(the views add 【演练】/[演练] once, from ``Incident.exercise``); the scenario is
set where the first incident happens (when that is in a compound); and a
compound named in the scenario or an incident's title is where the drill's
incidents are. Compound names are read off the places (``社区`` name, then the
compound, then the building number: "米庄社区阳光新村20栋3单元").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.schema import AdminUnit, Drill, Incident, IncidentEvent

EXERCISE_MARKS = ("（演练）", "(演练)", "[演练]", "【演练】")
_COMPOUND = re.compile(r"^([^\d\s（）()]{2,12}?)(?:\d|临街)")


def compound_of(place: str, communities: Iterable[str]) -> str | None:
    """The compound of a place ("米庄社区阳光新村20栋3单元" → "阳光新村"), if it names one."""
    for community in sorted(communities, key=len, reverse=True):
        if place.startswith(community):
            place = place[len(community):]
            break
    found = _COMPOUND.match(place)
    return found.group(1) if found else None


def drill_problems(session: Session) -> list[str]:
    """What contradicts itself in the replica's drills (empty when they are consistent)."""
    communities = list(session.scalars(select(AdminUnit.name).where(
        AdminUnit.level == "community")))
    places = session.scalars(select(Incident.place)).all()
    compounds = {c for c in (compound_of(p, communities) for p in places) if c}
    problems: list[str] = []
    for drill in session.scalars(select(Drill).order_by(Drill.starts_at)):
        incidents = session.scalars(
            select(Incident).where(Incident.drill_id == drill.id).order_by(Incident.code)).all()
        where = {compound_of(i.place, communities) for i in incidents}
        first = min(incidents, key=lambda i: i.occurred_at, default=None)
        home = compound_of(first.place, communities) if first is not None else None
        if home is not None and home not in (drill.scenario or ""):
            problems.append(f"{drill.code}: the scenario does not name {home}, "
                            f"where its first incident is")
        for name in sorted(c for c in compounds if c in (drill.scenario or "")):
            if name not in where:
                problems.append(f"{drill.code}: the scenario names {name}, "
                                f"its incidents are at {', '.join(sorted(filter(None, where)))}")
        for incident in incidents:
            own = compound_of(incident.place, communities)
            if not incident.exercise:
                problems.append(f"{incident.code}: a drill's incident not marked as an exercise")
            if any(mark in incident.title for mark in EXERCISE_MARKS):
                problems.append(f"{incident.code}: the title carries its own exercise mark")
            for name in sorted(c for c in compounds if c in incident.title and c != own):
                problems.append(f"{incident.code}: the title names {name}, "
                                f"the place is {incident.place}")
            times = [incident.occurred_at, incident.recorded_at, *session.scalars(
                select(IncidentEvent.occurred_at).where(
                    IncidentEvent.incident_id == incident.id))]
            if min(times) < drill.starts_at or max(times) > drill.ends_at:
                problems.append(f"{incident.code}: happens outside the drill "
                                f"({min(times):%H:%M}–{max(times):%H:%M} against "
                                f"{drill.starts_at:%H:%M}–{drill.ends_at:%H:%M})")
    return problems
