"""The background feed: happenings arriving at random (a Poisson process) at the set rate.

``rate`` counts new happenings per real minute: new incidents, station
walk-throughs and kit lent out, in fixed shares. What follows from each
(stages, returns) comes on top, paced by the time scale.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.models.simulator.engine import Action, Followups
from desktop.models.simulator.incidents import Stage, new_story
from desktop.models.simulator.stations import KitLoan, WalkThrough
from desktop.models.simulator.world import World

SHARES = (("incident", 0.4), ("walk_through", 0.45), ("kit_loan", 0.15))


def seeded(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible stream per purpose."""
    return random.Random("/".join(str(part) for part in ("simulate", seed, *parts)))


@dataclass
class Arrivals:
    """Starts the next happening and plans the one after it."""

    world: World
    seed: int
    rate_per_min: float
    time_scale: float
    count: int = 0

    def __post_init__(self) -> None:
        self._rnd = seeded(self.seed, "arrivals")

    def first_delay(self) -> float:
        return self._rnd.expovariate(self.rate_per_min / 60.0)

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        self.count += 1
        rnd = seeded(self.seed, "happening", self.count)
        what = self._rnd.choices([s[0] for s in SHARES], [s[1] for s in SHARES])[0]
        follow: list[tuple[float, Action]] = [(self.first_delay(), self)]
        if what == "incident" and self.world.grids and self.world.stations:
            follow.append((0.0, Stage(self.world, new_story(self.world, rnd, self.time_scale))))
        elif what == "walk_through" and self.world.stations:
            station = rnd.choice(self.world.stations)
            follow.append((0.0, WalkThrough(self.world, rnd, station)))
        elif what == "kit_loan":
            follow.append((0.0, KitLoan(self.world, rnd, self.time_scale)))
        return follow
