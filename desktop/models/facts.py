"""The facts a situation is computed from, and the one function from facts to a situation.

``Facts`` is what the replica says for a window of time: the street, grids and
layers (they do not change with t), every station with its items through time,
the shifts, the warnings, the roster's raw shifts. ``situation_at`` (and the
``*_at`` functions it is made of) computes everything the dashboard shows at a
moment t from facts and the incidents known at t. Live is this function at now,
its facts read for a window around now and re-read part by part as change sets
arrive (``queries.SituationLoader``); a replay is the same function at a past t,
its facts read once for the replay's window (``replay.loader.load_facts``).

History the replica keeps, and so replays: incidents and their events (by
``recorded_at``, with the severity an event reports), shifts, assignments and
check-ins (``checked_in_at``), warnings' validity, inspections and walk-throughs
(``inspection.inspected_at``), faults found and repairs (an item's own inspection
rows), loans out and back (``equipment_loan``). Facts it keeps only as they are now,
which a replay reads as they are at its reading: a status no row dates (faulty or
scrapped set by an import, a loan typed in without the log), quantities,
made/expiry/service dates, a station's or person's name, kit standards, custodians,
phone numbers, grid and layer geometry, an incident's title and place.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

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
    Freshness,
    IncidentStatus,
    MapLayer,
    Problem,
    Shift,
    Situation,
    StationStatus,
    Street,
)

if TYPE_CHECKING:  # numpy and shapely load with the first coverage, off the start-up path
    from desktop.models.coverage import CoverCache


@dataclass(frozen=True)
class ItemHistory:
    """One item through time: out while a loan of the loan log covers t (without a log, from
    the row's ``dispatched_at``); faulty or working as its own checks say; inspected when
    the inspection rows say (its own rows, and for daily-checked kinds the station's daily
    walk-through). Status changes no row dates are as at the reading."""

    facts: ItemFacts  # as the replica holds it at the reading
    dispatched_at: dt.datetime | None  # out since then, as the item row says
    loans: tuple[tuple[dt.datetime, dt.datetime | None], ...] = ()  # (out, back), sorted
    inspections: tuple[dt.datetime, ...] = ()  # sorted
    checks: tuple[tuple[dt.datetime, bool], ...] = ()  # its own rows: (when, fault found)
    _variants: dict[tuple[str, dt.datetime | None], ItemFacts] = field(
        default_factory=dict, compare=False, repr=False)  # the few states it takes, made once

    def at(self, moment: dt.datetime) -> ItemFacts:
        status = self.facts.status
        if self.checks or self.loans:
            status = self._status_at(moment)
        elif status == "dispatched" and self.dispatched_at is not None and (
                self.dispatched_at > moment):
            status = "in_service"  # no loan log: not out yet by the row's own time
        latest = self.facts.last_inspected_at
        known = bisect_right(self.inspections, moment)
        if known:
            inspected: dt.datetime | None = self.inspections[known - 1]
            if latest is not None and inspected is not None and inspected < latest <= moment:
                inspected = latest
        elif latest is not None and latest <= moment:
            inspected = latest  # an inspection the rows do not hold (imported as a date)
        else:
            inspected = None  # nothing known by then
        if status == self.facts.status and inspected == self.facts.last_inspected_at:
            return self.facts
        key = (status, inspected)
        found = self._variants.get(key)
        if found is None:
            found = self._variants[key] = replace(self.facts, status=status,
                                                  last_inspected_at=inspected)
        return found

    def _status_at(self, moment: dt.datetime) -> str:
        status = self.facts.status
        if status == "scrapped":
            return status
        working = (self._checked_status(moment) if self.checks
                   else "faulty" if status == "faulty" else "in_service")
        if self.loans:
            out = any(start <= moment and (back is None or moment < back)
                      for start, back in self.loans)
        else:  # no loan log: the row's own time
            out = status == "dispatched" and (self.dispatched_at is None
                                              or self.dispatched_at <= moment)
        return "dispatched" if out else working

    def _checked_status(self, moment: dt.datetime) -> str:
        """Faulty from a check that found a fault until one that found it working."""
        known = bisect_right(self.checks, (moment, True))
        if known:
            return "faulty" if self.checks[known - 1][1] else "in_service"
        return "in_service" if self.checks[0][1] else "faulty"  # before the first check


@dataclass(frozen=True)
class StationBase:
    status: StationStatus  # the fixed fields; readiness is computed at t
    facts: StationFacts  # kinds and custodians; items are taken at t
    items: tuple[ItemHistory, ...]


@dataclass(frozen=True)
class RosterBase:
    rules: RosterRules
    composition: TeamComposition
    shifts: tuple[ShiftFacts, ...]


@dataclass(frozen=True)
class Facts:
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


# ---------------------------------------------------------------- at a moment


def shift_at(shifts: tuple[Shift, ...], moment: dt.datetime) -> Shift | None:
    """The latest-starting shift running at ``moment``."""
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


@dataclass(frozen=True)
class OnShift:
    duty_now: Shift | None
    duty_next: Shift | None
    readiness_today: Shift | None

    @property
    def reachable(self) -> frozenset[int]:
        """People reachable now: on the current duty shift or on today's readiness list."""
        return frozenset(p.person_id for s in (self.duty_now, self.readiness_today) if s
                         for p in s.people)


def shifts_at(duty: tuple[Shift, ...], readiness: tuple[Shift, ...],
              moment: dt.datetime) -> OnShift:
    duty_now = shift_at(duty, moment)
    return OnShift(_known(duty_now, moment),
                   _known(next_shift(duty, duty_now.ends_at if duty_now else moment), moment),
                   _known(shift_at(readiness, moment), moment))


def _known(shift: Shift | None, moment: dt.datetime) -> Shift | None:
    """The shift as known at ``moment``: a check-in recorded later has not happened yet."""
    if shift is None or all(p.checked_in_at is None or p.checked_in_at <= moment
                            for p in shift.people):
        return shift
    people = tuple(p if p.checked_in_at is None or p.checked_in_at <= moment
                   else replace(p, checked_in=False, checked_in_at=None) for p in shift.people)
    return replace(shift, people=people)


def warnings_at(warnings: tuple[ActiveWarning, ...],
                moment: dt.datetime) -> tuple[ActiveWarning, ...]:
    return tuple(w for w in warnings if w.valid_from <= moment < w.valid_to)


def roster_at(base: RosterBase | None, moment: dt.datetime) -> RosterOverview | None:
    if base is None:
        return None
    today = next((s for s in base.shifts
                  if s.kind == "readiness" and s.starts_at <= moment < s.ends_at), None)
    return RosterOverview(
        composition=base.composition,
        skills_today=skills_cover(today.skills if today else (), base.rules),
        gaps=find_gaps(base.shifts, moment, base.rules),
    )


def stations_at(
    stations: tuple[StationBase, ...],
    moment: dt.datetime,
    reachable: frozenset[int] | set[int],
    engaged: Mapping[int, int],
    rules: ReadinessRules,
) -> tuple[StationStatus, ...]:
    """Every station at ``moment``; ``engaged`` = station id → open incidents it has a team on."""
    result = []
    for base in stations:
        facts = replace(base.facts, items=[item.at(moment) for item in base.items])
        readiness = assess_station(facts, reachable, moment, rules,
                                   teams_out=engaged.get(base.status.id, 0))
        short = {r.zh for r in readiness.reasons if r.code == "shortage"}
        result.append(replace(base.status, readiness=readiness,
                              kinds_complete=len(facts.kinds) - len(short)))
    return tuple(result)


def situation_at(
    facts: Facts,
    moment: dt.datetime,
    incidents: tuple[IncidentStatus, ...],
    engaged: Mapping[int, int],
    *,
    freshness: Freshness | None = None,
    problems: tuple[Problem, ...] | None = None,
    covers: CoverCache | None = None,
) -> Situation:
    """Everything shown at ``moment``: from the facts, and the open incidents known then
    (newest first) with the teams they had out. ``covers`` keeps the costly half of the
    coverage between calls (a replay seeks again and again)."""
    on_shift = shifts_at(facts.duty_shifts, facts.readiness_shifts, moment)
    situation = Situation(
        at=moment,
        street=facts.street,
        communities=facts.communities,
        grids=facts.grids,
        layers=facts.layers,
        stations=stations_at(facts.stations, moment, on_shift.reachable, engaged, facts.rules),
        duty_now=on_shift.duty_now,
        duty_next=on_shift.duty_next,
        readiness_today=on_shift.readiness_today,
        incidents=incidents,
        warnings=warnings_at(facts.warnings, moment),
        freshness=freshness or Freshness(newest_heartbeat=None, last_change_seq=0,
                                         read_at=moment),
        problems=facts.problems if problems is None else problems,
        roster=roster_at(facts.roster, moment),
    )
    if covers is None:
        from desktop.models.coverage import CoverCache

        covers = CoverCache()
    return replace(situation, coverage=covers.coverage(situation))
