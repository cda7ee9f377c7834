"""One incident and its append-only event log, the same way for live incidents and drills.

A draft holds minutes after reception for each lifecycle stage reached; this
module turns it into ``incident`` and ``incident_event`` rows with the
officer on duty, the grid worker who verified, and the station that went.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from desktop.models.demo.context import Build, Grid, StationInfo, Street
from desktop.models.demo.scenario import IncidentTypeData
from desktop.models.demo.shifts import IncidentNote, ShiftPlan, on_duty
from desktop.models.schema import Incident, IncidentEvent

_STATION_STAGES = ("dispatched", "arrived", "handling")
_LATE_RECORDING = ("arrived", "handling", "follow_up")


@dataclass(frozen=True)
class Step:
    stage: str
    report_no: int | None
    minute: float  # after reception


@dataclass
class Draft:
    kind: IncidentTypeData
    title: str
    place: str
    x: float
    y: float
    grid: Grid
    source: str
    severity: int
    casualties: str | None
    station: StationInfo
    received_at: dt.datetime
    occurred_at: dt.datetime
    steps: list[Step] = field(default_factory=list)
    drill_id: int | None = None
    fields: dict[str, str] = field(default_factory=dict)  # the place-holders its title had

    def at(self, step: Step) -> dt.datetime:
        """Whole seconds, as a log would show them."""
        return (self.received_at + dt.timedelta(minutes=step.minute)).replace(microsecond=0)


def live_steps(rnd: random.Random, kind: IncidentTypeData, severity: int) -> list[Step]:
    """Realistic minutes between stages; serious incidents run longer and report more often."""
    minute = 0.0
    steps = [Step("received", None, 0.0)]
    for stage, low, high in (
        ("verified", 2, 8),
        ("first_report", 3, 12),
        ("dispatched", 1, 5),
        ("arrived", 3, 9),
        ("handling", 1, 4),
    ):
        minute += rnd.uniform(low, high)
        steps.append(Step(stage, None, minute))
    low, high = kind.get("follow_ups", [0, 1])
    reports = rnd.randint(low, high) + (1 if severity <= 3 else 0)
    hold_low, hold_high = kind.get("handling_min", [20, 60])
    handling = rnd.uniform(hold_low, hold_high) * {2: 3.0, 3: 1.5}.get(severity, 1.0)
    for number in range(1, reports + 1):
        minute += handling / (reports + 1) * rnd.uniform(0.8, 1.2)
        steps.append(Step("follow_up", number, minute))
    minute += handling / (reports + 1) * rnd.uniform(0.8, 1.2)
    steps.append(Step("final_report", None, minute))
    minute += rnd.uniform(10, 90)
    steps.append(Step("closed", None, minute))
    return steps


def write_incident(
    build: Build,
    street: Street,
    rnd: random.Random,
    plans: list[ShiftPlan],
    draft: Draft,
    code: str,
) -> IncidentNote:
    data = build.data
    equipment = data.kind(draft.kind.get("equipment", "radio"))["name_zh"]
    notes: dict[str, str] = data.incidents["notes"]
    progress: list[str] = data.incidents["progress"]
    last = draft.steps[-1]
    closed_at = draft.at(last) if last.stage == "closed" else None
    received_recorded = draft.received_at + dt.timedelta(minutes=rnd.choice((0, 0, 0, 1, 2, 4)))
    received_recorded = min(received_recorded, max(build.now, draft.received_at))
    incident_id = build.rows.add(
        Incident,
        code=code,
        title=draft.title,
        class_code=draft.kind["cls"],
        type_code=draft.kind.get("type_code"),
        severity=draft.severity,
        status=last.stage,
        place=draft.place,
        lon=build.frame.point(draft.x, draft.y)[0],
        lat=build.frame.point(draft.x, draft.y)[1],
        grid_id=draft.grid.id,
        source=draft.source,
        casualties=draft.casualties,
        exercise=draft.drill_id is not None,
        drill_id=draft.drill_id,
        occurred_at=draft.occurred_at,
        recorded_at=received_recorded,
        closed_at=closed_at,
    )
    rescuers = street.staff.role("professional_rescuer")
    for step in draft.steps:
        moment = draft.at(step)
        shift = on_duty(plans, moment)
        actor: int | None = shift.members[0]
        if step.stage == "verified":
            actor = draft.grid.worker_id
        elif step.stage == "dispatched":
            actor = shift.leader if shift.leader is not None else shift.members[0]
        elif step.stage in ("arrived", "handling"):
            actor = rnd.choice(rescuers)
        recorded = moment
        if step.stage == "received":
            recorded = received_recorded
        elif step.stage in _LATE_RECORDING and rnd.random() < 0.25:
            recorded = min(moment + dt.timedelta(minutes=rnd.randint(1, 6)), max(build.now, moment))
        note = notes[step.stage].format(
            source=draft.source,
            title=draft.title,
            station=draft.station.name,
            equipment=equipment,
            measure=draft.kind.get("measure", "现场处置"),
            n=step.report_no,
            progress=progress[(step.report_no or 1) % len(progress)],
            casualties=draft.casualties or "无人员伤亡",
        )
        build.rows.add(
            IncidentEvent,
            incident_id=incident_id,
            stage=step.stage,
            report_no=step.report_no,
            occurred_at=moment,
            recorded_at=recorded,
            note=note,
            actor_id=actor,
            station_id=draft.station.id if step.stage in _STATION_STAGES else None,
        )
    return IncidentNote(draft.title, draft.received_at, closed_at)
