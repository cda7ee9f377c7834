"""A month of incidents in one street, and the few still open now.

History: mostly 一般 IV, a few 较大 III, one 重大 II, all closed before now.
Open: one received minutes ago, the others at later stages; the one at the
station whose breaching kit is out on a job was dispatched from there at the
kit's ``dispatched_at``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from desktop.models.demo.context import Build, Grid, StationInfo, Street
from desktop.models.demo.scenario import IncidentTypeData
from desktop.models.demo.shifts import IncidentNote, ShiftPlan
from desktop.models.demo.timeline import Draft, Step, live_steps, write_incident

_OPEN_STOPS = ("received", "handling", "follow_up", "first_report", "final_report", "arrived")


@dataclass(frozen=True)
class Spot:
    x: float
    y: float
    grid: Grid
    fields: dict[str, str]  # place-holders for titles
    place: str


def _near_line(street: Street, rnd: random.Random, line: BaseGeometry) -> tuple[float, float, Grid]:
    while True:
        anchor = shapely.line_interpolate_point(line, rnd.random(), normalized=True)
        angle = rnd.uniform(0, 2 * math.pi)
        distance = rnd.uniform(8.0, 25.0)
        x, y = anchor.x + distance * math.cos(angle), anchor.y + distance * math.sin(angle)
        grid = street.grid_at(x, y)
        if grid is not None and grid.metric.boundary.distance(Point(x, y)) > 3.0:
            return x, y, grid


def locate(
    build: Build, street: Street, rnd: random.Random, kind: str, near: StationInfo | None = None
) -> Spot:
    """A place of the given kind (home, shop, road, junction, river) inside the street."""
    names = build.data.names
    roads = [r for r in street.plan.roads if r.road_class != "lane"]
    if kind == "river" and street.plan.river is not None:
        x, y, grid = _near_line(street, rnd, street.plan.river)
        river = street.plan.river_name or "河道"
        return Spot(
            x, y, grid, {"river": river, "compound": grid.compound}, f"{river}{grid.compound}段"
        )
    if kind in ("road", "junction", "river"):
        road = rnd.choice(roads)
        if kind == "junction":
            crossing = [
                (other, shapely.intersection(road.line, other.line))
                for other in roads
                if other is not road and shapely.intersects(road.line, other.line)
            ]
            if crossing:
                other, point = rnd.choice(crossing)
                x, y, grid = _near_line(street, rnd, point.buffer(12.0).boundary)
                return Spot(
                    x,
                    y,
                    grid,
                    {"road": road.name, "road2": other.name, "compound": grid.compound},
                    f"{road.name}与{other.name}交叉口",
                )
        x, y, grid = _near_line(street, rnd, road.line)
        return Spot(
            x,
            y,
            grid,
            {"road": road.name, "compound": grid.compound},
            f"{road.name}{rnd.randint(1, 400)}号附近",
        )
    area = Point(near.x, near.y).buffer(450.0) & street.plan.boundary if near else None
    x, y, grid = street.random_point(rnd, area)
    community = street.communities[grid.community].name
    if kind == "shop":
        surname = rnd.choice(names["surnames"])[0]
        shop = f"{surname}记{rnd.choice(names['shop_kinds'])[1]}"
        return Spot(
            x,
            y,
            grid,
            {"shop": shop, "compound": grid.compound},
            f"{community}{grid.compound}临街商铺{shop}",
        )
    building = f"{grid.compound}{rnd.randint(1, 24)}栋"
    return Spot(
        x,
        y,
        grid,
        {"place": building, "compound": grid.compound, "shop": building},
        f"{community}{building}{rnd.randint(1, 4)}单元",
    )


def nearest_station(street: Street, x: float, y: float, kind: IncidentTypeData) -> StationInfo:
    if kind.get("key") == "river_rise":
        depots = [s for s in street.stations if s.kind == "sand_depot"]
        if depots:
            return depots[0]
    posts = [s for s in street.stations if s.kind != "sand_depot"]
    return min(posts, key=lambda s: math.hypot(s.x - x, s.y - y))


def _weighted(rnd: random.Random, pairs: list[list[object]]) -> str:
    return str(rnd.choices([p[0] for p in pairs], [float(str(p[1])) for p in pairs])[0])


def draft_incident(
    build: Build,
    street: Street,
    rnd: random.Random,
    kind: IncidentTypeData,
    severity: int,
    received: dt.datetime,
    near: StationInfo | None = None,
) -> Draft:
    spot = locate(build, street, rnd, kind.get("place", "home"), near)
    fields = {
        "place": spot.place,
        "road": "",
        "road2": "",
        "shop": spot.place,
        "compound": "",
        "river": street.plan.river_name or "河道",
    } | spot.fields
    title = kind.get("title") or rnd.choice(kind.get("titles", ["{place}突发事件"]))
    casualties = kind.get("casualties")
    if casualties is None:
        serious: list[str] = build.data.incidents["serious_casualties"]
        casualties = rnd.choice(serious) if severity <= 3 else "无人员伤亡"
    station = near or nearest_station(street, spot.x, spot.y, kind)
    return Draft(
        kind=kind,
        title=title.format(**fields),
        place=spot.place,
        x=spot.x,
        y=spot.y,
        grid=spot.grid,
        source=_weighted(rnd, build.data.incidents["sources"]),
        severity=severity,
        casualties=casualties,
        station=station,
        received_at=received,
        occurred_at=received - dt.timedelta(minutes=rnd.randint(1, 15)),
        fields=fields,
    )


def _pick_type(rnd: random.Random, types: list[IncidentTypeData]) -> IncidentTypeData:
    return rnd.choices(types, [t.get("weight", 1) for t in types])[0]


def _history(build: Build, street: Street, rnd: random.Random) -> list[Draft]:
    types = build.data.incident_types()
    count = street.history_incidents
    severities = [2] + [3] * 4 + [4] * (count - 5)
    classes = sorted({t["cls"] for t in types})  # every class at least once in a month
    drafts = []
    for number, severity in enumerate(severities):
        if severity == 2:
            kind = build.data.severe_type()
        elif number <= len(classes):
            kind = _pick_type(rnd, [t for t in types if t["cls"] == classes[number - 1]])
        else:
            kind = _pick_type(rnd, types)
        while True:
            day_back = rnd.uniform(0.4, 29.0)
            moment = build.now - dt.timedelta(days=day_back)
            hour = moment.astimezone(build.data.tz).hour
            if hour < 6 and rnd.random() < 0.7:
                continue  # fewer calls at night
            steps = live_steps(rnd, kind, severity)
            received = moment.replace(second=0, microsecond=0)
            if received + dt.timedelta(minutes=steps[-1].minute + 10) < build.now:
                break
        draft = draft_incident(build, street, rnd, kind, severity, received)
        draft.steps = steps
        drafts.append(draft)
    return drafts


def _open(build: Build, street: Street, rnd: random.Random) -> list[Draft]:
    types = build.data.incident_types()
    drafts = []
    for stop in _OPEN_STOPS[: street.open_incidents]:
        near = None
        if stop == "handling" and street.dispatch is not None:
            near, equipment, dispatched_at = street.dispatch
            kind = rnd.choice(
                [t for t in types if t.get("equipment") == equipment and t.get("place") == "home"]
                or types
            )
        elif stop == "follow_up":
            # the rain that set off today's warning is still being pumped away somewhere
            kind = next((t for t in types if t.get("key") == "waterlogging"), types[0])
        else:
            kind = _pick_type(rnd, types)
        steps = live_steps(rnd, kind, 4)
        while not any(step.stage == stop for step in steps):
            steps = live_steps(rnd, kind, 4)
        cut = next(i for i, step in enumerate(steps) if step.stage == stop)
        steps = steps[: cut + 1]
        if stop == "received":
            received = build.now - dt.timedelta(minutes=6)
        elif near is not None:
            dispatch = next(s for s in steps if s.stage == "dispatched")
            received = dispatched_at - dt.timedelta(minutes=dispatch.minute)
        else:
            received = build.now - dt.timedelta(minutes=steps[-1].minute + rnd.uniform(3, 25))
        draft = draft_incident(build, street, rnd, kind, 4, received, near)
        if stop == "received":
            draft.casualties = "情况不明，待核实"
        draft.steps = [Step(s.stage, s.report_no, s.minute) for s in steps]
        drafts.append(draft)
    return drafts


def add_incidents(build: Build, street: Street, plans: list[ShiftPlan]) -> list[IncidentNote]:
    rnd = street.rnd(build, "incidents")
    drafts = sorted(
        _history(build, street, rnd) + _open(build, street, rnd), key=lambda d: d.received_at
    )
    notes = []
    per_day: dict[dt.date, int] = {}
    for draft in drafts:
        day = draft.received_at.astimezone(build.data.tz).date()
        per_day[day] = per_day.get(day, 0) + 1
        code = f"{street.code}-{day:%Y%m%d}-{per_day[day]:02d}"
        notes.append(write_incident(build, street, rnd, plans, draft, code))
    return notes
