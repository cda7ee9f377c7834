"""The simulator: a Qt-free replica writer that keeps a live feed going.

It reads what it needs from the replica once, plans the happenings, and then
writes each batch of due happenings in one transaction together with its
heartbeat; the heartbeat is also refreshed on its own at least every
``interval`` seconds (at most 10, the contract's bound). A batch the replica
refuses (locked past the busy timeout, server gone) is logged and dropped:
the feed goes on and the next batch tries again on a fresh connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models.replica import beat, describe_error, sync_sequences
from desktop.models.schema import Incident, IncidentEvent
from desktop.models.simulator.drill import drill_plan, find_drill
from desktop.models.simulator.duty import DutyPlanner
from desktop.models.simulator.engine import Agenda, Clock, RealClock
from desktop.models.simulator.feed import Arrivals, seeded
from desktop.models.simulator.incidents import Stage, continuing_story
from desktop.models.simulator.world import World, load_world
from desktop.models.vocab import OPEN_STAGES

log = logging.getLogger(__name__)

WRITER = "simulate"
MAX_BEAT_INTERVAL_S = 10.0
IDLE_SLEEP_S = 0.1
MAX_ROUNDS = 100


@dataclass(frozen=True)
class SimulatorOptions:
    rate_per_min: float = 1.0  # new happenings per real minute (0: none)
    time_scale: float = 10.0  # simulated minutes per real minute
    drill: str | None = None  # drill code to play as exercise incidents
    seed: int = 7
    interval_s: float = 5.0  # heartbeat period
    continue_open: bool = True  # carry on the incidents already open in the replica
    writer: str = WRITER

    def __post_init__(self) -> None:
        if self.rate_per_min < 0:
            raise ValueError("rate must be zero or more")
        if self.time_scale <= 0:
            raise ValueError("time scale must be more than zero")


class Simulator:
    def __init__(self, engine: Engine, options: SimulatorOptions,
                 clock: Clock | None = None) -> None:
        self.engine = engine
        self.options = options
        self.clock = clock or RealClock()
        self.agenda = Agenda()
        self.batches = self.failed_batches = 0
        self._beat_every = min(max(options.interval_s, 0.2), MAX_BEAT_INTERVAL_S)
        self._next_beat = 0.0
        self._world: World | None = None

    @property
    def world(self) -> World | None:
        """What the simulator read from the replica (None before ``start``)."""
        return self._world

    def start(self) -> None:
        """Read the replica and plan the first happenings (raises ReplicaError on a bad drill)."""
        options, now, at = self.options, self.clock.now(), self.clock.monotonic()
        sync_sequences(self.engine)
        with Session(self.engine) as session:
            world = self._world = load_world(session)
            if options.continue_open:
                self._continue_open(session, world, at)
            if options.drill:
                drill = find_drill(session, options.drill)
                for delay, action in drill_plan(session, world, drill,
                                                seeded(options.seed, "drill"),
                                                options.time_scale, now):
                    self.agenda.add(at + delay, action)
                log.info("simulate: playing drill %s (%s)", drill.code, drill.title)
        self.agenda.add(at, DutyPlanner(world, seeded(options.seed, "duty")))
        if options.rate_per_min > 0:
            arrivals = Arrivals(world, options.seed, options.rate_per_min, options.time_scale)
            self.agenda.add(at + arrivals.first_delay(), arrivals)
        self._next_beat = at

    def _continue_open(self, session: Session, world: World, at: float) -> None:
        reports: dict[int, int] = {
            incident_id: count for incident_id, count in session.execute(
                select(IncidentEvent.incident_id, func.count())
                .where(IncidentEvent.stage == "follow_up").group_by(IncidentEvent.incident_id))
        }
        for incident in session.scalars(
            select(Incident).where(Incident.status.in_(OPEN_STAGES),
                                   Incident.exercise.is_(False)).order_by(Incident.id)
        ):
            rnd = seeded(self.options.seed, "open", incident.id)
            story = continuing_story(world, rnd, self.options.time_scale, incident,
                                     reports.get(incident.id, 0))
            if story is not None:
                delay = story.steps[0].minute * 60.0 / self.options.time_scale
                self.agenda.add(at + delay, Stage(world, story))

    def step(self) -> bool:
        """Write whatever is due (and the heartbeat when due); True if anything was written."""
        at = self.clock.monotonic()
        due = self.agenda.pop_due(at)
        if not due and at < self._next_beat:
            return False
        now = self.clock.now()
        try:
            with Session(self.engine) as session:
                for _round in range(MAX_ROUNDS):  # follow-ups due at once join the batch
                    if not due:
                        break
                    for entry in due:
                        for delay, action in entry.action.apply(session, now):
                            self.agenda.add(at + max(delay, 0.0), action)
                    due = self.agenda.pop_due(at)
                beat(session, self.options.writer, now)
                session.commit()
        except (DBAPIError, SQLAlchemyError) as error:
            self.failed_batches += 1
            log.warning("simulate: replica not writable, batch dropped (%s)",
                        describe_error(error))
            self.engine.dispose()
            self._next_beat = at + 1.0
            return False
        self.batches += 1
        self._next_beat = at + self._beat_every
        return True

    def run(self, should_stop: Callable[[], bool], duration_s: float | None = None) -> None:
        """Until told to stop (checked at least every 0.1 s) or for ``duration_s``."""
        if self._world is None:
            self.start()
        end = None if duration_s is None else self.clock.monotonic() + duration_s
        while not should_stop():
            at = self.clock.monotonic()
            if end is not None and at >= end:
                break
            self.step()
            wake = min(self._next_beat, self.agenda.next_due() or self._next_beat)
            if end is not None:
                wake = min(wake, end)
            self.clock.sleep(min(max(wake - self.clock.monotonic(), 0.0), IDLE_SLEEP_S))
