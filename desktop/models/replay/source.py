"""Open a replay of a drill, or of any past time window, from the replica.

One read of the replica builds everything the replay needs (engine, timeline,
the drill's facts); after that the replay never touches the database, so the
view can seek and play on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.models.quality import QualityCollector
from desktop.models.replay.engine import ReplayEngine
from desktop.models.replay.index import DEFAULT_SNAPSHOT_EVERY
from desktop.models.replay.loader import DrillInfo, list_drills, load_facts, load_records
from desktop.models.timeline import Timeline, build_timeline, names

T = TypeVar("T")

# A drill replay starts a little before the drill and runs until its last arrival.
LEAD_IN = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Replay:
    engine: ReplayEngine
    start: dt.datetime
    end: dt.datetime
    title: str
    timeline: Timeline
    drill: DrillInfo | None = None


def replay_window(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    *,
    title: str = "",
    drill: DrillInfo | None = None,
    snapshot_every: int = DEFAULT_SNAPSHOT_EVERY,
) -> Replay:
    if end <= start:
        raise ValueError("the replay window must end after it starts")
    facts = load_facts(session, start, end)
    incidents, events = load_records(session, start, end)
    quality = QualityCollector()
    engine = ReplayEngine(facts, incidents, events, snapshot_every=snapshot_every,
                          quality=quality)
    stations, people = names(session)
    timeline = build_timeline(engine.incidents, engine.events, start, end, stations=stations,
                              people=people, problems=engine.log_problems)
    return Replay(engine, start, end, title, timeline, drill)


def replay_drill(
    session: Session, drill_id: int, *, snapshot_every: int = DEFAULT_SNAPSHOT_EVERY
) -> Replay:
    drill = next((d for d in list_drills(session) if d.id == drill_id), None)
    if drill is None:
        raise LookupError(f"no drill {drill_id} in the replica")
    start = drill.starts_at - LEAD_IN
    incidents, events = load_records(session, start, drill.ends_at)
    own = {i.id for i in incidents if i.drill_id == drill_id}
    arrivals = [e.recorded_at for e in events if e.incident_id in own and e.recorded_at]
    end = max([drill.ends_at, *arrivals])
    return replay_window(session, start, end, title=drill.title, drill=drill,
                         snapshot_every=snapshot_every)


def with_replica(location: str, work: Callable[[Session], T]) -> T:
    """Run ``work`` on a short read-only session of the replica at ``location``."""
    from desktop.models.replica import reading

    with reading(location) as session:
        return work(session)
