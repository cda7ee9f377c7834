"""The live situation: facts read part by part for a window around now, and the one
function from facts to a situation (``facts``) applied at now.

A later read re-reads only the parts whose tables a change touched, and derives
again only the parts whose facts, inputs or clock moved; a replay reads the same
facts for its own window (``replay.loader.load_facts``) and applies the same
functions at any t. Bad rows are skipped and noted, never fatal; personal fields
leave masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.fact_reading import (
    PER_STATION,
    item_stations,
    map_layers,
    next_boundary,
    read_areas,
    read_roster,
    read_shifts,
    read_stations,
    read_warnings,
    replica_meta,
    shifts_between,
    stations_of_rows,
)
from desktop.models.facts import roster_at, shifts_at, stations_at, warnings_at
from desktop.models.quality import QualityCollector
from desktop.models.readiness import ReadinessRules
from desktop.models.replica import newest_heartbeat
from desktop.models.roster import RosterRules
from desktop.models.schema import ChangeLog
from desktop.models.situation import (
    Area,
    Freshness,
    IncidentStatus,
    Problem,
    Situation,
    StationStatus,
    Street,
)

if TYPE_CHECKING:  # numpy and shapely load with the first coverage
    from desktop.models.coverage import CoverCache

__all__ = ["PARTS", "SituationLoader", "replica_meta", "shifts_between", "situation_now"]

# Live facts are read for [now, now + LIVE_WINDOW]; the clock derives from them until then.
LIVE_WINDOW = dt.timedelta(hours=6)
# At most this many changed kit rows are re-read station by station; more: all stations.
MAX_STATION_ROWS = 500


@dataclass(frozen=True)
class Part:
    """One part of the situation: the tables its facts come from, whether what it shows
    moves with the clock, the parts whose results it uses (``needs``), the results it
    derives from (``uses``: a change there derives it again) and of those the ones its
    reading uses (``read_uses``: a change there reads its facts again)."""

    reads: frozenset[str]
    clock: bool = False
    needs: tuple[str, ...] = ()
    uses: frozenset[str] = frozenset()
    read_uses: frozenset[str] = frozenset()


_PEOPLE = ("person", "team")
_SHIFTS = ("duty_shift", "duty_assignment", *_PEOPLE)
# In the order they are read: a part comes after those it needs.
PARTS: dict[str, Part] = {
    "areas": Part(frozenset({"admin_unit", "person", "replica_meta"})),
    "layers": Part(frozenset({"layer", "feature"})),
    "shifts": Part(frozenset(_SHIFTS), clock=True),
    "roster": Part(frozenset(_SHIFTS), clock=True),
    "incidents": Part(frozenset({"incident", "incident_event"}), needs=("areas",),
                      uses=frozenset({"unit_codes"}), read_uses=frozenset({"unit_codes"})),
    "stations": Part(frozenset({
        "station", "key_custodian", "kit_standard", "equipment_category", "equipment_kind",
        "kit_requirement", "equipment_item", "equipment_loan", "inspection", "person",
    }), clock=True, needs=("areas", "shifts", "incidents"),
        uses=frozenset({"unit_names", "reachable", "engaged"}),
        read_uses=frozenset({"unit_names"})),
    "warnings": Part(frozenset({"warning"}), clock=True),
    # Derived only: from the areas, the stations' circles and the incidents' places.
    "coverage": Part(frozenset(), needs=("areas", "stations", "incidents"), uses=frozenset({
        "street", "communities", "grids", "stations", "incidents"})),
}


@dataclass(frozen=True)
class _Read:
    """A part's facts as read, until when they serve, and what reading them noted."""

    facts: Any
    problems: tuple[Problem, ...]
    until: dt.datetime | None  # None: they do not depend on the window


@dataclass(frozen=True)
class _Derived:
    fields: dict[str, Any]  # Situation field -> value
    context: dict[str, Any]  # what parts that need this one use
    changes_at: dt.datetime | None = None  # when the clock alone changes this part next


Reader = Callable[["SituationLoader", Session, dt.datetime, QualityCollector, dict[str, Any]],
                  _Read]
Deriver = Callable[["SituationLoader", Any, dt.datetime, dict[str, Any]], _Derived]


class SituationLoader:
    """Reads the live situation part by part; a later read re-reads only what changed.

    Parts not derived again, and parts derived again to the same values, keep their
    objects, so a view can tell by identity (``Situation.unchanged``) that what it draws
    did not change.
    """

    def __init__(self, rules: ReadinessRules = ReadinessRules(),
                 roster_rules: RosterRules | None = None) -> None:
        self._rules = rules
        self._roster_rules = roster_rules or RosterRules.default()
        self._read: dict[str, _Read] = {}
        self._derived: dict[str, _Derived] = {}
        self._problems: tuple[Problem, ...] = ()
        self._covers: CoverCache | None = None
        self._item_stations: dict[int, int] = {}  # at the last reading of the stations

    def facts(self, name: str) -> Any:
        """The facts part ``name`` was last derived from."""
        return self._read[name].facts

    def next_change(self) -> dt.datetime | None:
        """When the situation changes by the clock alone next (a shift begins or ends, a
        warning starts or expires, the facts' window runs out): derive again then."""
        moments = [d.changes_at for d in self._derived.values() if d.changes_at is not None]
        moments += [r.until for r in self._read.values() if r.until is not None]
        return min(moments, default=None)

    def load(self, session: Session, now: dt.datetime,
             touched: Mapping[str, Collection[str]] | Collection[str] | None = None,
             *, clock: bool = True) -> Situation:
        """The situation at ``now``. ``touched``: the tables changed since the last read,
        with the ids of their changed rows when known (None: unknown, read everything);
        ``clock``: derive the time-dependent parts again."""
        moved: set[str] = set()  # results other parts use that changed
        for name, part in PARTS.items():
            read = self._read.get(name)
            if (touched is None or read is None
                    or (read.until is not None and now >= read.until)
                    or not part.read_uses.isdisjoint(moved)):
                self._read_facts(session, name, now)
            elif not part.reads.isdisjoint(touched):
                if not (name == "stations" and self._read_some_stations(session, now, touched)):
                    self._read_facts(session, name, now)
            elif not ((clock and part.clock) or not part.uses.isdisjoint(moved)):
                continue
            before = self._derived.get(name)
            self._derive(name, now)
            context = self._derived[name].context
            moved.update(key for key, value in context.items()
                         if before is None or before.context.get(key) != value)
        fields: dict[str, Any] = {}
        problems: list[Problem] = []
        for name in PARTS:
            fields.update(self._derived[name].fields)
            problems.extend(self._read[name].problems)
        if tuple(problems) != self._problems:
            self._problems = tuple(problems)
        return Situation(
            at=now,
            freshness=Freshness(
                newest_heartbeat=newest_heartbeat(session),
                last_change_seq=session.scalar(select(func.max(ChangeLog.seq))) or 0,
                read_at=now,
            ),
            problems=self._problems,  # the same object while the same: see Situation.unchanged
            **fields,
        )

    def read_part(self, session: Session, name: str, now: dt.datetime) -> None:
        """Read one part's facts again and derive it (the parts it needs must be read)."""
        self._read_facts(session, name, now)
        self._derive(name, now)

    def _needed(self, name: str) -> dict[str, Any]:
        return {key: value for need in PARTS[name].needs
                for key, value in self._derived[need].context.items()}

    def _read_facts(self, session: Session, name: str, now: dt.datetime) -> None:
        quality = QualityCollector()
        self._read[name] = _READERS[name](self, session, now, quality, self._needed(name))

    def _derive(self, name: str, now: dt.datetime) -> None:
        derived = _DERIVERS[name](self, self._read[name].facts, now, self._needed(name))
        before = self._derived.get(name)
        if before is not None:  # what derives the same keeps its old object: views skip it
            derived.fields.update({key: value for key, value in before.fields.items()
                                   if derived.fields.get(key) == value})
        self._derived[name] = derived

    # ---------------------------------------------------------------- reading the facts

    def _read_areas(self, session: Session, _now: dt.datetime, quality: QualityCollector,
                    _needed: dict[str, Any]) -> _Read:
        return _Read(read_areas(session, quality), quality.problems, None)

    def _read_layers(self, session: Session, _now: dt.datetime, quality: QualityCollector,
                     _needed: dict[str, Any]) -> _Read:
        return _Read(map_layers(session, quality), quality.problems, None)

    def _read_shifts(self, session: Session, now: dt.datetime, quality: QualityCollector,
                     _needed: dict[str, Any]) -> _Read:
        return _Read(read_shifts(session, now, now + LIVE_WINDOW), quality.problems,
                     now + LIVE_WINDOW)

    def _read_roster(self, session: Session, now: dt.datetime, quality: QualityCollector,
                     _needed: dict[str, Any]) -> _Read:
        return _Read(read_roster(session, now, now + LIVE_WINDOW, self._roster_rules),
                     quality.problems, now + LIVE_WINDOW)

    def _read_incidents(self, session: Session, now: dt.datetime, quality: QualityCollector,
                        needed: dict[str, Any]) -> _Read:
        from desktop.models.replay.loader import read_open_incidents

        return _Read(read_open_incidents(session, now, quality, needed["unit_codes"]),
                     quality.problems, None)

    def _read_stations(self, session: Session, now: dt.datetime, quality: QualityCollector,
                       needed: dict[str, Any]) -> _Read:
        bases = read_stations(session, needed["unit_names"], now, now + LIVE_WINDOW, quality,
                              since=now)
        self._item_stations = item_stations(session)
        return _Read(bases, quality.problems, now + LIVE_WINDOW)

    def _read_some_stations(self, session: Session, now: dt.datetime,
                            touched: Mapping[str, Collection[str]] | Collection[str]) -> bool:
        """When only kit rows changed (PER_STATION), read again just the stations they
        belong to, for the window already read; False (read them all) when that cannot be
        told, when a reading notes problems (they are kept per reading, not per station)
        or when a station appears or goes."""
        read = self._read["stations"]
        tables = PARTS["stations"].reads.intersection(touched)
        if (not isinstance(touched, Mapping) or not tables <= PER_STATION or read.problems
                or sum(len(touched[t]) for t in tables) > MAX_STATION_ROWS):
            return False
        ids = stations_of_rows(session, {t: touched[t] for t in tables}, self._item_stations)
        if ids is None:
            return False
        quality = QualityCollector()
        fresh = {base.status.id: base for base in read_stations(
            session, self._needed("stations")["unit_names"], now, read.until or now, quality,
            since=now, station_ids=ids)}
        if quality.problems or len(fresh) != len(ids):
            return False
        bases = tuple(fresh.get(base.status.id, base) for base in read.facts)
        if sum(base.status.id in fresh for base in read.facts) != len(fresh):
            return False
        self._item_stations = {item: station for item, station in self._item_stations.items()
                               if station not in fresh}
        self._item_stations.update(item_stations(session, fresh))
        self._read["stations"] = _Read(bases, (), read.until)
        return True

    def _read_warnings(self, session: Session, now: dt.datetime, quality: QualityCollector,
                       _needed: dict[str, Any]) -> _Read:
        return _Read(read_warnings(session, now, now + LIVE_WINDOW), quality.problems,
                     now + LIVE_WINDOW)

    def _read_coverage(self, _session: Session, _now: dt.datetime, _quality: QualityCollector,
                       _needed: dict[str, Any]) -> _Read:
        return _Read(None, (), None)

    # ---------------------------------------------------------------- at now

    def _areas(self, areas: Any, _now: dt.datetime, _needed: dict[str, Any]) -> _Derived:
        fields = {"street": areas.street, "communities": areas.communities,
                  "grids": areas.grids}
        return _Derived(fields, {"unit_names": areas.unit_names, "unit_codes": areas.unit_codes,
                                 **fields})

    def _layers(self, layers: Any, _now: dt.datetime, _needed: dict[str, Any]) -> _Derived:
        return _Derived({"layers": layers}, {})

    def _shifts(self, shifts: Any, now: dt.datetime, _needed: dict[str, Any]) -> _Derived:
        duty, readiness = shifts
        on_shift = shifts_at(duty, readiness, now)
        return _Derived(
            {"duty_now": on_shift.duty_now, "duty_next": on_shift.duty_next,
             "readiness_today": on_shift.readiness_today},
            {"reachable": on_shift.reachable},
            next_boundary(((s.starts_at, s.ends_at) for s in (*duty, *readiness)), now))

    def _roster(self, roster: Any, now: dt.datetime, _needed: dict[str, Any]) -> _Derived:
        return _Derived({"roster": roster_at(roster, now)}, {})

    def _incidents(self, incidents: Any, _now: dt.datetime,
                   _needed: dict[str, Any]) -> _Derived:
        open_incidents, engaged = incidents
        return _Derived({"incidents": open_incidents},
                        {"engaged": engaged, "incidents": open_incidents})

    def _stations(self, bases: Any, now: dt.datetime, needed: dict[str, Any]) -> _Derived:
        stations = stations_at(bases, now, needed["reachable"], needed["engaged"], self._rules)
        return _Derived({"stations": stations}, {"stations": stations})

    def _coverage(self, _facts: Any, _now: dt.datetime, needed: dict[str, Any]) -> _Derived:
        if self._covers is None:
            from desktop.models.coverage import CoverCache

            self._covers = CoverCache(size=2)
        places = _Places(needed["street"], needed["communities"], needed["grids"],
                         needed["stations"], needed["incidents"])
        return _Derived({"coverage": self._covers.coverage(places)}, {})

    def _warnings(self, warnings: Any, now: dt.datetime, _needed: dict[str, Any]) -> _Derived:
        return _Derived({"warnings": warnings_at(warnings, now)}, {},
                        next_boundary(((w.valid_from, w.valid_to) for w in warnings), now))


_READERS: dict[str, Reader] = {
    "areas": SituationLoader._read_areas,
    "layers": SituationLoader._read_layers,
    "shifts": SituationLoader._read_shifts,
    "roster": SituationLoader._read_roster,
    "incidents": SituationLoader._read_incidents,
    "stations": SituationLoader._read_stations,
    "warnings": SituationLoader._read_warnings,
    "coverage": SituationLoader._read_coverage,
}
_DERIVERS: dict[str, Deriver] = {
    "areas": SituationLoader._areas,
    "layers": SituationLoader._layers,
    "shifts": SituationLoader._shifts,
    "roster": SituationLoader._roster,
    "incidents": SituationLoader._incidents,
    "stations": SituationLoader._stations,
    "warnings": SituationLoader._warnings,
    "coverage": SituationLoader._coverage,
}


@dataclass(frozen=True)
class _Places:
    """What the coverage part reads of the other parts (see ``coverage.Places``)."""

    street: Street
    communities: tuple[Area, ...]
    grids: tuple[Area, ...]
    stations: tuple[StationStatus, ...]
    incidents: tuple[IncidentStatus, ...]


def situation_now(
    session: Session,
    now: dt.datetime,
    rules: ReadinessRules = ReadinessRules(),
    roster_rules: RosterRules | None = None,
) -> Situation:
    """The whole situation at ``now`` as the replica holds it."""
    return SituationLoader(rules, roster_rules).load(session, now)
