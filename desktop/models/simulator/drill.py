"""Playing a scripted drill live: the replica's drill, its incidents and their logged stages.

The script is what the replica recorded for that drill (each incident's
offset from the first call and each stage's offset from reception, with its
note); playing it writes new exercise incidents (``exercise`` set, linked to
the drill) at the same pace, divided by the time scale, starting at once.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.models.demo.timeline import Step
from desktop.models.errors import ReplicaError
from desktop.models.schema import Drill, Incident, IncidentEvent
from desktop.models.simulator.engine import Action
from desktop.models.simulator.incidents import Stage, Story
from desktop.models.simulator.world import World


def find_drill(session: Session, code: str) -> Drill:
    """By its code, or by the code's last part (``FLOOD`` for ``…-DR-FLOOD``)."""
    drill = session.scalars(
        select(Drill).where(or_(Drill.code == code, Drill.code.like(f"%-{code}")))
        .order_by(Drill.id)
    ).first()
    if drill is None:
        known = ", ".join(session.scalars(select(Drill.code).order_by(Drill.code))) or "none"
        raise ReplicaError(f"drill {code!r} not found in the replica (drills: {known})")
    return drill


def drill_plan(session: Session, world: World, drill: Drill, rnd: random.Random,
               time_scale: float, now: dt.datetime) -> list[tuple[float, Action]]:
    """The drill's incidents as stories, each due at its offset from the drill's start."""
    types = world.data.incident_types()
    plan: list[tuple[float, Action]] = []
    incidents = session.scalars(
        select(Incident).where(Incident.drill_id == drill.id, Incident.exercise.is_(True))
        .order_by(Incident.occurred_at, Incident.id))
    originals = [i for i in incidents if "-R" not in i.code.removeprefix(drill.code)]
    if not originals:
        raise ReplicaError(f"drill {drill.code} has no scripted incidents to play")
    stamp = now.astimezone(world.data.tz).strftime("%m%d%H%M")
    for number, incident in enumerate(originals, start=1):
        events = list(session.scalars(
            select(IncidentEvent).where(IncidentEvent.incident_id == incident.id)
            .order_by(IncidentEvent.occurred_at, IncidentEvent.id)))
        if not events:
            continue
        received = events[0].occurred_at
        steps = [Step(e.stage, e.report_no, (e.occurred_at - received).total_seconds() / 60)
                 for e in events]
        kind = next((t for t in types if t.get("type_code") == incident.type_code), types[0])
        lon = incident.lon if incident.lon is not None else 0.0
        lat = incident.lat if incident.lat is not None else 0.0
        story = Story(
            title=incident.title, kind=kind, severity=incident.severity, place=incident.place,
            lon=lon, lat=lat, grid=world.grid(incident.grid_id),
            station=world.nearest_station(lon, lat, depot=kind.get("key") == "river_rise"),
            source=incident.source or "演练导调", casualties=incident.casualties or "",
            steps=steps, rnd=rnd, time_scale=time_scale,
            code=f"{drill.code}-R{stamp}-{number:02d}", exercise=True, drill_id=drill.id,
            notes={i: e.note for i, e in enumerate(events) if e.note},
        )
        plan.append(((received - drill.starts_at).total_seconds() / time_scale,
                     Stage(world, story)))
    # The exercise starts with its first call, not with the briefing before it.
    lead = min((delay for delay, _action in plan), default=0.0)
    return [(max(delay - lead, 0.0), action) for delay, action in plan]
