"""Everything in a replayed situation that is not an incident: read once, asked at any t.

Street, grids and layers do not change during a replay. Shifts, warnings and
the roster are looked up by time. Stations are assessed at t by the one
readiness function, with each item as it stood at t (out on dispatch only
after its ``dispatched_at``, last inspected at its latest inspection by t),
plus the teams that open incidents had sent out at t (reason ``team_out``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from desktop.models.readiness import ItemFacts, ReadinessRules, StationFacts, assess_station
from desktop.models.roster import (
    RosterOverview,
    RosterRules,
    ShiftFacts,
    TeamComposition,
    find_gaps,
    skills_cover,
)
from desktop.models.situation import (
    ActiveWarning,
    Area,
    Level,
    MapLayer,
    Problem,
    Readiness,
    Reason,
    Shift,
    StationStatus,
    Street,
)

_RANK: dict[Level, int] = {"green": 0, "amber": 1, "red": 2}


@dataclass(frozen=True)
class ItemHistory:
    """One item through time: out on dispatch from ``dispatched_at``; inspected when the
    inspection rows say (its own rows, and for daily-checked kinds the station's daily
    walk-through)."""

    facts: ItemFacts  # as the replica holds it now
    dispatched_at: dt.datetime | None
    inspections: tuple[dt.datetime, ...] = ()  # sorted
    _variants: dict[tuple[str, dt.datetime | None], ItemFacts] = field(
        default_factory=dict, compare=False, repr=False)  # the few states it takes, made once

    def at(self, moment: dt.datetime) -> ItemFacts:
        status = self.facts.status
        if status == "dispatched" and self.dispatched_at is not None and (
                self.dispatched_at > moment):
            status = "in_service"
        latest = self.facts.last_inspected_at
        known = bisect_right(self.inspections, moment)
        if known:
            inspected: dt.datetime | None = self.inspections[known - 1]
            if latest is not None and inspected is not None and inspected < latest <= moment:
                inspected = latest
        else:
            inspected = latest  # the history does not reach back to t: read as it is now
        if status == self.facts.status and inspected == self.facts.last_inspected_at:
            return self.facts
        key = (status, inspected)
        found = self._variants.get(key)
        if found is None:
            found = self._variants[key] = replace(self.facts, status=status,
                                                  last_inspected_at=inspected)
        return found


@dataclass(frozen=True)
class StationBase:
    status: StationStatus  # the fixed fields; readiness is replaced at t
    facts: StationFacts  # kinds and custodians; items are replaced at t
    items: tuple[ItemHistory, ...]


@dataclass(frozen=True)
class RosterBase:
    rules: RosterRules
    composition: TeamComposition
    shifts: tuple[ShiftFacts, ...]


@dataclass(frozen=True)
class World:
    street: Street
    communities: tuple[Area, ...] = ()
    grids: tuple[Area, ...] = ()
    layers: tuple[MapLayer, ...] = ()
    stations: tuple[StationBase, ...] = ()
    duty_shifts: tuple[Shift, ...] = ()  # sorted by starts_at
    readiness_shifts: tuple[Shift, ...] = ()
    warnings: tuple[ActiveWarning, ...] = ()
    roster: RosterBase | None = None
    rules: ReadinessRules = field(default_factory=ReadinessRules)
    problems: tuple[Problem, ...] = ()
    team_out: bool = True  # add a "team out" reason to stations with a team on an open incident


def shift_at(shifts: tuple[Shift, ...], moment: dt.datetime) -> Shift | None:
    """The latest-starting shift running at ``moment`` (as the live query picks it)."""
    index = bisect_right(shifts, moment, key=lambda s: s.starts_at)
    for shift in reversed(shifts[:index]):
        if shift.ends_at > moment:
            return shift
        if shift.starts_at < moment - dt.timedelta(days=2):
            break  # shifts are hours long: nothing earlier is still running
    return None


def next_shift(shifts: tuple[Shift, ...], after: dt.datetime) -> Shift | None:
    index = bisect_left(shifts, after, key=lambda s: s.starts_at)
    return shifts[index] if index < len(shifts) else None


def warnings_at(world: World, moment: dt.datetime) -> tuple[ActiveWarning, ...]:
    return tuple(w for w in world.warnings if w.valid_from <= moment < w.valid_to)


def roster_at(world: World, moment: dt.datetime) -> RosterOverview | None:
    base = world.roster
    if base is None:
        return None
    today = next((s for s in base.shifts
                  if s.kind == "readiness" and s.starts_at <= moment < s.ends_at), None)
    return RosterOverview(
        composition=base.composition,
        skills_today=skills_cover(today.skills if today else (), base.rules),
        gaps=find_gaps(base.shifts, moment, base.rules),
    )


def _team_out(readiness: Readiness, incidents: int) -> Readiness:
    reason = Reason("team_out", f"救援力量已出动（{incidents} 起事件）",
                    f"team out on {incidents} incident(s)", "amber")
    reasons = sorted((*readiness.reasons, reason), key=lambda r: -_RANK[r.level])
    level = max(readiness.level, "amber", key=lambda lv: _RANK[lv])
    return Readiness(level, tuple(reasons))


def stations_at(
    world: World,
    moment: dt.datetime,
    reachable: set[int],
    engaged: Mapping[int, int],
) -> tuple[StationStatus, ...]:
    """Every station at ``moment``; ``engaged`` = station id → open incidents it has a team on."""
    result = []
    for base in world.stations:
        facts = replace(base.facts, items=[item.at(moment) for item in base.items])
        readiness = assess_station(facts, reachable, moment, world.rules)
        if world.team_out and engaged.get(base.status.id):
            readiness = _team_out(readiness, engaged[base.status.id])
        short = {r.zh for r in readiness.reasons if r.code == "shortage"}
        result.append(replace(base.status, readiness=readiness,
                              kinds_complete=len(facts.kinds) - len(short)))
    return tuple(result)
