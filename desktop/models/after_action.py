"""After-action metrics: per drill incident, minutes to 核实, 派遣, 到场 and 办结 against targets.

Targets depend on who responds (DOMAIN "What the papers mean"): a service
station's volunteers at the door in 3 minutes, a station with its own
``response_minutes`` (the sand depot's 20-minute circle) held to that, the
first report by the severity's deadline (``standards/reporting.json``). Each
dispatch states the station's straight-line distance in metres, measured on
the situation's own projection (``coverage.projection_for``), and whether the
place lay inside the station's circle. Along-road distance needs a road network
the replica does not hold: it is None and the report says so.

Measured on ``occurred_at`` (when it happened); the same interval on
``recorded_at`` rides along so a report can show both when they differ.
Targets are data: defaults in ``resources/replay/targets.json``, overridden
per drill by its ``targets`` (same keys, minutes). Events the replay
cleaning excludes (no time, unknown stage, before the incident) are not
measured; they are listed as problems instead.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from typing import Any, Literal

from sqlalchemy.orm import Session

from desktop.models.coverage import placed, projection_for
from desktop.models.deadlines import load_rules
from desktop.models.quality import QualityCollector
from desktop.models.replay.loader import DrillInfo
from desktop.models.replay.source import Replay
from desktop.models.situation import Problem
from desktop.models.timeline import Timeline, TimelineIncident

Verdict = Literal["met", "missed", "not_reached", "no_start"]


@dataclass(frozen=True)
class Target:
    key: str
    start_stage: str
    end_stage: str
    minutes: float
    zh: str
    en: str
    from_zh: str
    from_en: str


def default_targets() -> tuple[Target, ...]:
    data: dict[str, Any] = json.loads(
        (files("desktop.resources") / "replay" / "targets.json").read_text("utf-8"))
    return tuple(
        Target(m["key"], m["from"], m["to"], float(m["minutes"]), m["zh"], m["en"],
               m["from_zh"], m["from_en"])
        for m in data["milestones"]
    )


def targets_for(
    overrides: Mapping[str, Any], quality: QualityCollector | None = None, drill: str = ""
) -> tuple[Target, ...]:
    """The defaults with a drill's own minutes where it sets them (bad values noted, skipped)."""
    result = []
    for target in default_targets():
        value = overrides.get(target.key)
        if value is None:
            result.append(target)
            continue
        try:
            minutes = float(value)
        except (TypeError, ValueError):
            minutes = -1.0
        if minutes <= 0:
            if quality is not None:
                quality.note("drill", drill, f"target {target.key}={value!r} is not a positive "
                             "number of minutes: default used")
            result.append(target)
            continue
        result.append(replace(target, minutes=minutes))
    return tuple(result)


def _minutes(start: dt.datetime, end: dt.datetime) -> float:
    return (end - start).total_seconds() / 60


@dataclass(frozen=True)
class Measure:
    target: Target
    minutes: float | None = None  # by occurred_at
    recorded_minutes: float | None = None  # by recorded_at
    reached_at: dt.datetime | None = None  # occurred_at of the end stage
    reached_recorded_at: dt.datetime | None = None
    started: bool = True

    @property
    def verdict(self) -> Verdict:
        if not self.started:
            return "no_start"
        if self.minutes is None:
            return "not_reached"
        return "met" if self.minutes <= self.target.minutes else "missed"

    @property
    def missed(self) -> bool:
        return self.verdict in ("missed", "not_reached")

    @property
    def times_differ(self) -> bool:
        """Recorded late at either end: worth showing the recorded interval too."""
        if self.minutes is None or self.recorded_minutes is None:
            return False
        return abs(self.minutes - self.recorded_minutes) >= 0.05


@dataclass(frozen=True)
class IncidentMetrics:
    incident: TimelineIncident
    measures: tuple[Measure, ...]
    dispatches: tuple[Dispatch, ...] = ()

    @property
    def misses(self) -> int:
        return sum(1 for m in self.measures if m.missed)


def measure_incident(incident: TimelineIncident, targets: tuple[Target, ...],
                     dispatches: tuple[Dispatch, ...] = (),
                     report: Target | None = None) -> IncidentMetrics:
    """``dispatches``: the first one's target replaces the arrival target (who was sent
    decides it); ``report``: the first-report deadline of the incident's severity."""
    measures = []
    if dispatches:
        first = dispatches[0]
        targets = tuple(replace(t, minutes=first.target_minutes) if t.key == ARRIVE else t
                        for t in targets)
    for target in (*targets, *((report,) if report else ())):
        start, end = incident.first(target.start_stage), incident.first(target.end_stage)
        if start is None:
            measures.append(Measure(target, started=False))
        elif end is None:
            measures.append(Measure(target))
        else:
            measures.append(Measure(
                target,
                minutes=_minutes(start.occurred_at, end.occurred_at),
                recorded_minutes=_minutes(start.recorded_at, end.recorded_at),
                reached_at=end.occurred_at,
                reached_recorded_at=end.recorded_at,
            ))
    return IncidentMetrics(incident, tuple(measures), dispatches)


ARRIVE = "arrive_min"
REPORT = "report_min"


@dataclass(frozen=True)
class ArrivalRule:
    basis: str  # volunteers: the drill's arrive_min (3 min) | station: its response_minutes
    zh: str
    en: str


def arrival_rules() -> dict[str, ArrivalRule]:
    data: dict[str, Any] = json.loads(
        (files("desktop.resources") / "replay" / "targets.json").read_text("utf-8"))
    return {kind: ArrivalRule(rule["basis"], rule["zh"], rule["en"])
            for kind, rule in data["arrival_by_station_kind"].items() if kind != "about"}


def report_target(severity: int) -> Target | None:
    """The first-report deadline of a severity (reporting.json), as a target."""
    rule = next((r for r in load_rules() if r.severity == severity), None)
    if rule is None:
        return None
    return Target(REPORT, "received", rule.stage, float(rule.minutes), "初报", "First report",
                  "接报", "received")


@dataclass(frozen=True)
class StationRef:
    id: int
    code: str
    name: str
    kind: str
    lon: float
    lat: float
    radius_m: float
    response_minutes: float | None


@dataclass(frozen=True)
class Dispatch:
    """One station sent to an incident: when, when it arrived, its target, its distance."""

    incident_id: int
    station: StationRef | None  # None: the dispatch names no station
    dispatched_at: dt.datetime  # occurred_at
    dispatched_recorded_at: dt.datetime
    arrived_at: dt.datetime | None
    arrived_recorded_at: dt.datetime | None
    target_minutes: float
    target_zh: str
    target_en: str
    straight_m: float | None  # None: the incident or the station is not placed
    road_m: float | None = None  # along the roads: None, the replica holds no road network
    place: tuple[float, float] | None = None  # the incident's (lon, lat), when placed

    @property
    def minutes(self) -> float | None:
        return None if self.arrived_at is None else _minutes(self.dispatched_at, self.arrived_at)

    @property
    def recorded_minutes(self) -> float | None:
        if self.arrived_recorded_at is None:
            return None
        return _minutes(self.dispatched_recorded_at, self.arrived_recorded_at)

    @property
    def verdict(self) -> Verdict:
        minutes = self.minutes
        if minutes is None:
            return "not_reached"
        return "met" if minutes <= self.target_minutes else "missed"

    @property
    def inside(self) -> bool | None:
        """Whether the place lay inside the station's circle (None: distance unknown)."""
        if self.straight_m is None or self.station is None:
            return None
        return self.straight_m <= self.station.radius_m


def arrival_target(station: StationRef | None, default_minutes: float,
                   rules: Mapping[str, ArrivalRule]) -> tuple[float, str, str]:
    """(minutes, words zh, words en) for an arrival by ``station``."""
    rule = rules.get(station.kind) if station is not None else None
    if rule is None:
        return default_minutes, "到场", "on scene"
    if rule.basis == "station" and station is not None and station.response_minutes:
        return float(station.response_minutes), rule.zh, rule.en
    return default_minutes, rule.zh, rule.en


def dispatches_of(incident: TimelineIncident, station_ids: Mapping[int, int | None],
                  stations: Mapping[int, StationRef], place: tuple[float, float] | None,
                  distance: Any, default_minutes: float,
                  rules: Mapping[str, ArrivalRule]) -> tuple[Dispatch, ...]:
    """Each 派遣 event with the first 到场 after it by the same station (or by any, when the
    log does not name one). ``station_ids``: event id → station id; ``distance(lon1, lat1,
    lon2, lat2)`` in metres (the situation's projection)."""
    result = []
    arrivals = [e for e in incident.events if e.stage == "arrived"]
    for event in incident.events:
        if event.stage != "dispatched":
            continue
        station_id = station_ids.get(event.id)
        station = stations.get(station_id) if station_id is not None else None
        arrival = next((a for a in arrivals if a.occurred_at >= event.occurred_at and (
            station_ids.get(a.id) in (None, station_id))), None)
        minutes, zh, en = arrival_target(station, default_minutes, rules)
        straight = None
        if station is not None and place is not None and placed(station.lon, station.lat):
            straight = float(distance(station.lon, station.lat, place[0], place[1]))
        result.append(Dispatch(
            incident.id, station, event.occurred_at, event.recorded_at,
            arrival.occurred_at if arrival else None, arrival.recorded_at if arrival else None,
            minutes, zh, en, straight, place=place))
    return tuple(result)


@dataclass(frozen=True)
class KitOut:
    station: str
    kind: str
    quantity: int


@dataclass(frozen=True)
class Resources:
    """Who and what took part, from the replica: the drill's attendance rows, the teams of
    the people in the log, the stations sent, the kit lent to its incidents."""

    attendance: int = 0
    sessions: tuple[tuple[str, int, float], ...] = ()  # (title, attendance, hours)
    people: int = 0  # distinct people named in the log
    teams: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    kit: tuple[KitOut, ...] = ()


@dataclass(frozen=True)
class Findings:
    """问题与整改 written by the coordinator in the app (kept in the workstation store)."""

    problems: str
    actions: str
    officer_name: str
    recorded_at: dt.datetime


@dataclass(frozen=True, order=True)
class ReplayNote:
    """A bookmark of the replay: a named moment with a free-text note, who wrote it, when
    (kept in the workstation store per drill; the report lists them)."""

    at: dt.datetime
    name: str
    note: str = ""
    officer_name: str = ""
    recorded_at: dt.datetime | None = None
    mark: str = ""  # the stored bookmark's key (its revisions share it)


@dataclass(frozen=True)
class AfterAction:
    drill: DrillInfo | None  # None: a replayed time window
    street: str
    targets: tuple[Target, ...]
    incidents: tuple[IncidentMetrics, ...]
    timeline: Timeline  # the drill's incidents only
    problems: tuple[Problem, ...] = field(default=())
    title: str = ""
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    resources: Resources = field(default_factory=Resources)
    findings: Findings | None = None
    road_network: bool = False  # along-road distances need one: the replica has none
    bookmarks: tuple[ReplayNote, ...] = ()  # the coordinator's, by the moment they mark

    @property
    def scope(self) -> str:
        """What the report is about, as a key for its findings: the drill code or the window."""
        if self.drill is not None:
            return self.drill.code
        assert self.start is not None and self.end is not None
        return f"{self.start:%Y-%m-%dT%H:%M}/{self.end:%Y-%m-%dT%H:%M}"

    @property
    def dispatches(self) -> tuple[Dispatch, ...]:
        return tuple(d for i in self.incidents for d in i.dispatches)

    @property
    def measured(self) -> int:
        return sum(1 for i in self.incidents for m in i.measures if m.verdict != "no_start")

    @property
    def misses(self) -> int:
        return sum(i.misses for i in self.incidents)


def dispatch_reader(replay: Replay, default_arrive: float = 3.0
                    ) -> Callable[[TimelineIncident], tuple[Dispatch, ...]]:
    """Each dispatch of an incident of the replay, with its station and straight-line
    distance on the situation's projection (the report's and the drill-down's one rule)."""
    engine = replay.engine
    projection = projection_for(engine.situation_at(replay.start))
    stations = {b.status.id: StationRef(b.status.id, b.status.code, b.status.name, b.status.kind,
                                        b.status.lon, b.status.lat, b.status.service_radius_m,
                                        b.status.response_minutes)
                for b in engine.facts.stations}
    station_ids = {e.id: e.station_id for e in engine.events}
    rules = arrival_rules()

    def read(incident: TimelineIncident) -> tuple[Dispatch, ...]:
        cleaned = engine.incidents.get(incident.id)
        record = cleaned.record if cleaned is not None else None
        place = ((record.lon, record.lat) if record is not None and record.lon is not None
                 and record.lat is not None and placed(record.lon, record.lat) else None)
        return tuple(dispatches_of(incident, station_ids, stations, place,
                                   projection.distance_m, default_arrive, rules))

    return read


def after_action(replay: Replay, resources: Resources | None = None,
                 findings: Findings | None = None,
                 bookmarks: tuple[ReplayNote, ...] = ()) -> AfterAction:
    """The metrics of the drill a replay was opened for, or of every incident of a replayed
    window."""
    drill = replay.drill
    quality = QualityCollector()
    targets = targets_for(drill.targets if drill else {}, quality, drill.code if drill else "")
    if drill is not None:
        own = tuple(i for i in replay.timeline.incidents if i.drill_id == drill.id)
    else:
        own = replay.timeline.incidents
    ids = {i.id for i in own}
    codes = {i.code for i in own}
    rejected = replay.engine.rejected
    excluded = tuple(
        p for p in replay.engine.log_problems
        if (p.entity == "incident" and p.entity_id in codes)
        or (p.entity == "incident_event" and p.entity_id.isdigit()
            and rejected.get(int(p.entity_id)) in ids)
    )
    timeline = replace(replay.timeline, incidents=own, problems=excluded)
    engine = replay.engine
    default_arrive = next((t.minutes for t in targets if t.key == ARRIVE), 3.0)
    sent_of = dispatch_reader(replay, default_arrive)
    metrics = [measure_incident(incident, targets, sent_of(incident),
                                report_target(incident.severity)) for incident in own]
    return AfterAction(
        drill=drill,
        street=engine.facts.street.name,
        targets=targets,
        incidents=tuple(metrics),
        timeline=timeline,
        problems=excluded + quality.problems,
        title=drill.title if drill else replay.title,
        start=drill.starts_at if drill else replay.start,
        end=drill.ends_at if drill else replay.end,
        resources=resources or Resources(),
        findings=findings,
        bookmarks=tuple(sorted(bookmarks)),
    )


def load_resources(session: Session, replay: Replay) -> Resources:
    """Participants and resources of the drill (or window) from the replica."""
    from sqlalchemy import select

    from desktop.models.schema import (
        EquipmentItem,
        EquipmentKind,
        EquipmentLoan,
        Person,
        Station,
        Team,
        Training,
    )

    drill = replay.drill
    incidents = [i.id for i in replay.timeline.incidents
                 if drill is None or i.drill_id == drill.id]
    sessions: tuple[tuple[str, int, float], ...] = ()
    if drill is not None:
        sessions = tuple((t.title, t.attendance, t.hours) for t in session.scalars(
            select(Training).where(Training.drill_id == drill.id).order_by(Training.id)))
    wanted = set(incidents)
    events = [e for e in replay.engine.events if e.incident_id in wanted]
    actors = {e.actor_id for e in events if e.actor_id is not None}
    teams: list[str] = []
    if actors:
        teams = sorted({name for (name,) in session.execute(
            select(Team.name).join(Person, Person.team_id == Team.id)
            .where(Person.id.in_(actors)))})
    sent = {e.station_id for e in events if e.stage == "dispatched" and e.station_id}
    names = {b.status.id: b.status.name for b in replay.engine.facts.stations}
    kit: list[KitOut] = []
    if incidents:
        rows = session.execute(
            select(Station.name, EquipmentKind.name_zh, EquipmentItem.quantity)
            .select_from(EquipmentLoan)
            .join(EquipmentItem, EquipmentItem.id == EquipmentLoan.item_id)
            .join(EquipmentKind, EquipmentKind.id == EquipmentItem.kind_id)
            .join(Station, Station.id == EquipmentItem.station_id)
            .where(EquipmentLoan.incident_id.in_(incidents))
            .order_by(Station.name, EquipmentKind.name_zh)).all()
        totals: dict[tuple[str, str], int] = {}
        for station, kind, quantity in rows:
            totals[(station, kind)] = totals.get((station, kind), 0) + int(quantity or 1)
        kit = [KitOut(s, k, q) for (s, k), q in totals.items()]
    return Resources(
        attendance=sum(n for _t, n, _h in sessions),
        sessions=sessions,
        people=len(actors),
        teams=tuple(teams),
        stations=tuple(sorted(names.get(i, str(i)) for i in sent)),
        kit=tuple(kit),
    )
