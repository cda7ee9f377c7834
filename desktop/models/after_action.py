"""After-action metrics: per drill incident, minutes to 核实, 派遣, 到场 and 办结 against targets.

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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from typing import Any, Literal

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

    @property
    def misses(self) -> int:
        return sum(1 for m in self.measures if m.missed)


def measure_incident(incident: TimelineIncident, targets: tuple[Target, ...]) -> IncidentMetrics:
    measures = []
    for target in targets:
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
    return IncidentMetrics(incident, tuple(measures))


@dataclass(frozen=True)
class AfterAction:
    drill: DrillInfo
    street: str
    targets: tuple[Target, ...]
    incidents: tuple[IncidentMetrics, ...]
    timeline: Timeline  # the drill's incidents only
    problems: tuple[Problem, ...] = field(default=())

    @property
    def measured(self) -> int:
        return sum(1 for i in self.incidents for m in i.measures if m.verdict != "no_start")

    @property
    def misses(self) -> int:
        return sum(i.misses for i in self.incidents)


def after_action(replay: Replay) -> AfterAction:
    """The metrics of the drill a replay was opened for."""
    drill = replay.drill
    if drill is None:
        raise ValueError("after-action metrics need a drill replay, not a time window")
    quality = QualityCollector()
    targets = targets_for(drill.targets, quality, drill.code)
    own = tuple(i for i in replay.timeline.incidents if i.drill_id == drill.id)
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
    return AfterAction(
        drill=drill,
        street=replay.engine.facts.street.name,
        targets=targets,
        incidents=tuple(measure_incident(i, targets) for i in own),
        timeline=timeline,
        problems=excluded + quality.problems,
    )

