"""What one street's build knows so far, passed from step to step.

The steps run in order (geography, people, stations, shifts, incidents,
evidence); each reads what earlier steps put here and adds its own ids.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import shapely
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from desktop.models.demo.geometry import StreetPlan
from desktop.models.demo.identity import IdentityMaker
from desktop.models.demo.projection import LocalFrame
from desktop.models.demo.rows import Rows
from desktop.models.demo.scenario import DemoData


@dataclass(frozen=True)
class Build:
    """Shared by every street of one build."""

    data: DemoData
    rows: Rows
    seed: int
    now: dt.datetime  # aware, UTC
    frame: LocalFrame
    identities: IdentityMaker

    @property
    def today(self) -> dt.date:
        """The duty room's calendar day."""
        return self.now.astimezone(self.data.tz).date()

    def local(self, day: dt.date, hhmm: str) -> dt.datetime:
        """A wall-clock time in the duty room's zone, as an aware UTC datetime."""
        hour, minute = (int(part) for part in hhmm.split(":"))
        wall = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.data.tz)
        return wall.astimezone(dt.UTC)


@dataclass
class Grid:
    id: int
    code: str
    name: str
    community: int  # index into Street.communities
    metric: BaseGeometry
    households: int
    compound: str
    worker_id: int | None = None


@dataclass
class Community:
    id: int
    code: str
    name: str
    metric: BaseGeometry
    lanes: list[BaseGeometry] = field(default_factory=list)
    grids: list[int] = field(default_factory=list)  # indexes into Street.grids


@dataclass
class StationInfo:
    id: int
    code: str
    name: str
    kind: str
    x: float
    y: float
    community: int
    standard: str | None
    pilot: bool


@dataclass
class Staff:
    teams: dict[str, int] = field(default_factory=dict)  # kind -> team id
    by_role: dict[str, list[int]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # unique within the street
    count: int = 0

    def role(self, role: str) -> list[int]:
        return self.by_role.setdefault(role, [])

    @property
    def team_members(self) -> list[int]:
        """The 95: professional rescuers, then community cadres and militia."""
        return (
            self.role("professional_rescuer") + self.role("community_cadre") + self.role("militia")
        )


@dataclass
class Street:
    index: int
    code: str
    name: str
    plan: StreetPlan
    rnd_seed: str
    history_incidents: int
    open_incidents: int
    pilot_compound: str | None = None
    id: int = 0
    communities: list[Community] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    staff: Staff = field(default_factory=Staff)
    stations: list[StationInfo] = field(default_factory=list)
    custodians: list[tuple[int, int, str]] = field(
        default_factory=list
    )  # station id, person, holder
    dispatch: tuple[StationInfo, str, dt.datetime] | None = None  # kit out on an open job
    _tree: STRtree | None = None

    def rnd(self, build: Build, purpose: str) -> random.Random:
        return random.Random(f"{build.seed}/{self.rnd_seed}/{purpose}")

    def grid_at(self, x: float, y: float) -> Grid | None:
        """The grid containing a point (metres), if any."""
        if self._tree is None:
            self._tree = STRtree([grid.metric for grid in self.grids])
        hits = self._tree.query(Point(x, y), predicate="within")
        return self.grids[int(min(hits))] if len(hits) else None

    def random_point(
        self,
        rnd: random.Random,
        area: BaseGeometry | None = None,
        margin: float = 4.0,
    ) -> tuple[float, float, Grid]:
        """A point in ``area`` (default: the street), ``margin`` metres clear of grid edges."""
        region = area if area is not None else self.plan.boundary
        x0, y0, x1, y1 = region.bounds
        shapely.prepare(region)
        while True:
            x, y = rnd.uniform(x0, x1), rnd.uniform(y0, y1)
            if not shapely.contains_xy(region, x, y):
                continue
            grid = self.grid_at(x, y)
            if grid is not None and grid.metric.boundary.distance(Point(x, y)) > margin:
                return x, y, grid
