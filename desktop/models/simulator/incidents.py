"""Incidents living through their lifecycle: 接报 → 核实 → 初报 → 派遣 → 到场 → 处置 → 续报 n
→ 终报 → 办结.

A story holds the stages still to come, in minutes after reception (drawn
the same way the demo draws its history); the time scale turns minutes into
real seconds. Rows carry wall-clock times because the dashboard judges "now"
by the wall clock. The kit a team takes goes out at 派遣 and comes back at 办结.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.demo.scenario import IncidentTypeData
from desktop.models.demo.timeline import Step, live_steps
from desktop.models.schema import (
    DutyAssignment,
    DutyShift,
    EquipmentItem,
    EquipmentLoan,
    Incident,
    IncidentEvent,
)
from desktop.models.simulator.engine import Action, Followups
from desktop.models.simulator.stations import end_loan
from desktop.models.simulator.world import GridPlace, StationPlace, World

_STATION_STAGES = ("dispatched", "arrived", "handling")
SEVERITY_NAMES = {1: "特别重大 I", 2: "重大 II", 3: "较大 III", 4: "一般 IV"}


@dataclass
class Story:
    """One incident from reception to closure."""

    title: str
    kind: IncidentTypeData
    severity: int
    place: str
    lon: float
    lat: float
    grid: GridPlace | None
    station: StationPlace
    source: str
    casualties: str
    steps: list[Step]  # still to write; minutes after reception
    rnd: random.Random
    time_scale: float
    code: str | None = None  # None: a new code of the day is given at reception
    exercise: bool = False
    drill_id: int | None = None
    notes: dict[int, str] = field(default_factory=dict)  # drill script: note per step index
    raise_after: str | None = None  # stage after which the severity is raised
    incident_id: int | None = None
    reports: int = 0
    item_id: int | None = None
    written: int = 0  # steps written so far

    def delay_s(self, after: Step, step: Step) -> float:
        return max(step.minute - after.minute, 0.0) * 60.0 / self.time_scale


def _weighted(rnd: random.Random, pairs: list[list[object]]) -> str:
    return str(rnd.choices([p[0] for p in pairs], [float(str(p[1])) for p in pairs])[0])


def _place(world: World, rnd: random.Random, kind: IncidentTypeData
           ) -> tuple[str, float, float, GridPlace | None, dict[str, str]]:
    where = kind.get("place", "home")
    options = {"road": world.roads, "junction": world.roads, "river": world.rivers,
               "shop": world.shops}.get(where, [])
    if options:
        spot = rnd.choice(options)
        lon, lat = rnd.choice(spot.points)
        grid = world.grid(spot.grid_id) or world.grid_at(lon, lat)
        community = grid.community if grid else ""
        others = [r.name for r in world.roads if r.name != spot.name] or [spot.name]
        fields = {"road": spot.name, "road2": rnd.choice(others), "river": spot.name,
                  "shop": spot.name}
        text = {
            "road": f"{spot.name}{rnd.randint(1, 400)}号附近",
            "junction": f"{spot.name}与{fields['road2']}交叉口",
            "river": f"{spot.name}{community}段",
            "shop": f"{community}临街商铺{spot.name}",
        }[where]
        if where == "river":
            fields["compound"] = community or "沿岸"
        return text, lon, lat, grid, fields
    grid = rnd.choice(world.grids)
    lon, lat = grid.random_point(rnd)
    building = f"{grid.name.removeprefix(grid.community)}{rnd.randint(1, 24)}栋"
    return f"{grid.community}{building}{rnd.randint(1, 4)}单元", lon, lat, grid, {}


def new_story(world: World, rnd: random.Random, time_scale: float) -> Story:
    """A fresh incident: mostly 一般 IV, now and then 较大 III."""
    types = world.data.incident_types()
    kind = rnd.choices(types, [t.get("weight", 1) for t in types])[0]
    severity = 3 if rnd.random() < 0.1 else 4
    place, lon, lat, grid, fields = _place(world, rnd, kind)
    compound = grid.name if grid else place
    values = {"place": place, "road": place, "road2": "", "shop": place, "compound": compound,
              "river": place} | fields
    title = (kind.get("title") or rnd.choice(kind.get("titles", ["{place}突发事件"]))).format(
        **values)
    casualties = kind.get("casualties") or (
        rnd.choice(world.data.incidents["serious_casualties"]) if severity <= 3 else "无人员伤亡")
    station = world.nearest_station(lon, lat, depot=kind.get("key") == "river_rise")
    return Story(
        title=title, kind=kind, severity=severity, place=place, lon=lon, lat=lat, grid=grid,
        station=station, source=_weighted(rnd, world.data.incidents["sources"]),
        casualties=casualties, steps=live_steps(rnd, kind, severity), rnd=rnd,
        time_scale=time_scale,
        raise_after="handling" if severity == 4 and rnd.random() < 0.15 else None,
    )


def _day_code(session: Session, world: World, now: dt.datetime) -> str:
    prefix = f"{world.street_code}-{now.astimezone(world.data.tz):%Y%m%d}-S"
    taken = session.scalar(select(func.count()).where(Incident.code.like(prefix + "%"))) or 0
    number = taken + 1
    while session.scalar(select(Incident.id).where(Incident.code == f"{prefix}{number:03d}")):
        number += 1
    return f"{prefix}{number:03d}"


def _on_duty(session: Session, now: dt.datetime) -> dict[str, list[int]]:
    crew: dict[str, list[int]] = {}
    for person_id, role in session.execute(
        select(DutyAssignment.person_id, DutyAssignment.role)
        .join(DutyShift, DutyShift.id == DutyAssignment.shift_id)
        .where(DutyShift.kind == "duty", DutyShift.starts_at <= now, DutyShift.ends_at > now)
        .order_by(DutyAssignment.id)
    ):
        crew.setdefault(role, []).append(person_id)
    return crew


def _actor(session: Session, world: World, story: Story, stage: str,
           now: dt.datetime) -> int | None:
    if stage == "verified" and story.grid is not None and story.grid.worker_id is not None:
        return story.grid.worker_id
    if stage in ("arrived", "handling"):
        rescuers = world.role("professional_rescuer")
        return story.rnd.choice(rescuers) if rescuers else None
    crew = _on_duty(session, now)
    if stage == "dispatched" and crew.get("leader"):
        return crew["leader"][0]
    officers = crew.get("officer") or crew.get("leader") or world.role("duty_officer")
    return officers[0] if officers else None


def _note(world: World, story: Story, step: Step, number: int | None) -> str:
    kind = story.kind
    try:
        equipment = world.data.kind(kind.get("equipment", "radio"))["name_zh"]
    except KeyError:
        equipment = "装备"
    progress: list[str] = world.data.incidents["progress"]
    return str(world.data.incidents["notes"][step.stage]).format(
        source=story.source, title=story.title, station=story.station.name,
        equipment=equipment, measure=kind.get("measure", "现场处置"), n=number,
        progress=progress[(number or 1) % len(progress)], casualties=story.casualties,
    )


@dataclass
class Stage:
    """Write the story's next stage, then plan the one after it."""

    world: World
    story: Story

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        story = self.story
        step = story.steps[0]
        if story.incident_id is None:
            self._receive(session, now)
        elif session.get(Incident, story.incident_id) is None:
            return []  # the incident was removed under us (a replaced replica): let it go
        number = None
        if step.stage == "follow_up":
            story.reports += 1
            number = story.reports
        note = story.notes.get(story.written) or _note(self.world, story, step, number)
        self._event(session, now, step.stage, number, note)
        incident = session.get(Incident, story.incident_id)
        assert incident is not None
        incident.status = step.stage
        if step.stage == "dispatched":
            self._take_kit(session, now)
        if step.stage == "closed":
            incident.closed_at = now
            self._return_kit(session, now)
        story.written += 1
        done, story.steps = step, story.steps[1:]
        follow: list[tuple[float, Action]] = []
        if story.raise_after == step.stage and story.steps:
            follow.append((story.delay_s(done, story.steps[0]) / 2, Escalate(self.world, story)))
        if story.steps:
            follow.append((story.delay_s(done, story.steps[0]), self))
        return follow

    def _receive(self, session: Session, now: dt.datetime) -> None:
        story = self.story
        code = story.code or _day_code(session, self.world, now)
        incident = Incident(
            code=code, title=story.title, class_code=story.kind.get("cls", "accident"),
            type_code=story.kind.get("type_code"), severity=story.severity, status="received",
            place=story.place, lon=story.lon, lat=story.lat,
            grid_id=story.grid.id if story.grid else None, source=story.source,
            casualties="情况不明，待核实" if not story.exercise else story.casualties,
            exercise=story.exercise, drill_id=story.drill_id,
            occurred_at=now - dt.timedelta(minutes=story.rnd.randint(1, 10)), recorded_at=now,
        )
        session.add(incident)
        session.flush()
        story.incident_id = incident.id
        story.code = code

    def _event(self, session: Session, now: dt.datetime, stage: str, number: int | None,
               note: str) -> None:
        story = self.story
        session.add(IncidentEvent(
            incident_id=story.incident_id, stage=stage, report_no=number, occurred_at=now,
            recorded_at=now, note=note, actor_id=_actor(session, self.world, story, stage, now),
            station_id=story.station.id if stage in _STATION_STAGES else None,
            severity=story.severity if stage in ("received", "follow_up") else None,
        ))
        if stage == "verified" and not story.exercise:
            incident = session.get(Incident, story.incident_id)
            if incident is not None:
                incident.casualties = story.casualties

    def _take_kit(self, session: Session, now: dt.datetime) -> None:
        story = self.story
        wanted = story.kind.get("equipment")
        item = next((i for i in self.world.items if i.station_id == story.station.id
                     and i.kind_code == wanted and i.status == "in_service"), None)
        row = session.get(EquipmentItem, item.id) if item else None
        if item is None or row is None or row.status != "in_service":
            return
        row.status, row.dispatched_at = "dispatched", now
        session.add(EquipmentLoan(item_id=item.id, out_at=now, incident_id=story.incident_id))
        item.status, story.item_id = "dispatched", item.id

    def _return_kit(self, session: Session, now: dt.datetime) -> None:
        story = self.story
        if story.item_id is None:
            return
        row = session.get(EquipmentItem, story.item_id)
        if row is not None and row.status == "dispatched":
            row.status, row.dispatched_at = "in_service", None
            end_loan(session, row.id, now)
        for item in self.world.items:
            if item.id == story.item_id:
                item.status = "in_service"
        story.item_id = None


@dataclass
class Escalate:
    """The situation worsens: severity one level up, reported as a 续报."""

    world: World
    story: Story

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        story = self.story
        incident = session.get(Incident, story.incident_id) if story.incident_id else None
        if incident is None or incident.status == "closed" or story.severity <= 1:
            return []
        before, story.severity = story.severity, story.severity - 1
        story.casualties = story.rnd.choice(self.world.data.incidents["serious_casualties"])
        story.reports += 1
        incident.severity, incident.casualties = story.severity, story.casualties
        incident.status = "follow_up"
        Stage(self.world, story)._event(
            session, now, "follow_up", story.reports,
            f"第{story.reports}次续报：事态升级，由{SEVERITY_NAMES[before]}升为"
            f"{SEVERITY_NAMES[story.severity]}，{story.casualties}")
        return []


def continuing_story(world: World, rnd: random.Random, time_scale: float, incident: Incident,
                     reports: int) -> Story | None:
    """An incident already open in the replica, carried on from its current stage."""
    types = world.data.incident_types()
    kind = next((t for t in types if t.get("type_code") == incident.type_code), types[0])
    plan = live_steps(rnd, kind, incident.severity)
    stages = [s.stage for s in plan]
    if incident.status not in stages:
        return None
    follow_ups = [i for i, s in enumerate(plan) if s.stage == "follow_up"]
    if incident.status == "follow_up" and follow_ups:
        index = follow_ups[max(min(reports, len(follow_ups)), 1) - 1]
    elif incident.status == "follow_up":
        index = stages.index("handling")
    else:
        index = stages.index(incident.status)
    rest = plan[index + 1:]
    if not rest:
        return None
    # Somewhere inside the current stage already: the next one comes sooner than a full gap.
    start = plan[index].minute + (rest[0].minute - plan[index].minute) * rnd.uniform(0.1, 0.8)
    grid = world.grid(incident.grid_id)
    lon = incident.lon if incident.lon is not None else 0.0
    lat = incident.lat if incident.lat is not None else 0.0
    return Story(
        title=incident.title, kind=kind, severity=incident.severity, place=incident.place,
        lon=lon, lat=lat, grid=grid,
        station=world.nearest_station(lon, lat, depot=kind.get("key") == "river_rise"),
        source=incident.source or "", casualties=incident.casualties or "无人员伤亡",
        steps=[Step(s.stage, s.report_no, s.minute - start) for s in rest], rnd=rnd,
        time_scale=time_scale, code=incident.code, incident_id=incident.id, reports=reports,
    )
