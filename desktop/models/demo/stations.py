"""Emergency service stations, the micro fire station and the sand depot, with their key holders.

Key dual custody: one key with the property company, one with the
community. One station is deliberately left with a single holder so the
readiness check has something to report.
"""

from __future__ import annotations

import random

from shapely.geometry import Point

from desktop.models.demo.context import Build, StationInfo, Street
from desktop.models.demo.people import add_person
from desktop.models.demo.scenario import StationData
from desktop.models.schema import KeyCustodian, Station


def synthetic_specs(build: Build, street: Street) -> list[StationData]:
    """A neighbouring street's stations: one per community (but one), a fire post, a sand depot."""
    count = len(street.communities)
    specs: list[StationData] = []
    for index in range(max(2, count - 1)):
        short = street.communities[index % count].name.removesuffix("社区")
        specs.append(
            {
                "name": f"{short}应急服务站",
                "kind": "service_station",
                "community": index % count,
                "standard": "4+9" if index == 1 else "4x8",
                "opening_hours": "24h",
            }
        )
    short_street = street.name.removesuffix("街道")
    specs.append(
        {
            "name": f"{street.name}微型消防站",
            "kind": "micro_fire_station",
            "community": 0,
            "standard": "4x8",
            "opening_hours": "24h",
            "properties": dict(build.data.scenario["stations"]["micro_fire_station"]),
        }
    )
    specs.append(
        {
            "name": f"{short_street}沙场联合共建点",
            "kind": "sand_depot",
            "community": count - 1,
            "standard": None,
            "opening_hours": "24h",
            "edge": True,
        }
    )
    return specs


def _site(
    street: Street, rnd: random.Random, spec: StationData, used: set[int]
) -> tuple[float, float, int]:
    community = street.communities[spec["community"] % len(street.communities)]
    choices = [g for g in community.grids if g not in used] or community.grids
    if spec.get("pilot"):
        pilot = [g for g in community.grids if street.grids[g].compound == street.pilot_compound]
        choices = pilot or choices
    centre = street.plan.boundary.centroid if spec.get("edge") else community.metric.centroid
    ranked = sorted(choices, key=lambda g: street.grids[g].metric.centroid.distance(centre))
    grid_index = ranked[-1] if spec.get("edge") else ranked[0]
    grid = street.grids[grid_index]
    inner = grid.metric.buffer(-15.0)
    x, y, _ = street.random_point(rnd, inner if not inner.is_empty else grid.metric)
    return x, y, grid_index


def _address(street: Street, rnd: random.Random, x: float, y: float, compound: str | None) -> str:
    road = min(street.plan.roads, key=lambda r: r.line.distance(Point(x, y)))
    return f"{road.name}{rnd.randint(1, 320)}号{compound or ''}"


def place_stations(
    build: Build, street: Street, specs: list[StationData], default_standard: str
) -> None:
    rnd = street.rnd(build, "stations")
    settings = build.data.scenario["stations"]
    used: set[int] = set()
    for number, spec in enumerate(specs, start=1):
        x, y, grid_index = _site(street, rnd, spec, used)
        used.add(grid_index)
        grid = street.grids[grid_index]
        lon, lat = build.frame.point(x, y)
        kind = spec["kind"]
        properties = dict(spec.get("properties", {}))
        radius, minutes = float(settings["service_radius_m"]), None
        if kind == "sand_depot":
            depot = settings["sand_depot"]
            properties |= {
                "sand_trucks": depot["sand_trucks"],
                "reserve_tonnes": depot["reserve_tonnes"],
                "partner": depot["partner"],
            }
            radius, minutes = float(depot["service_radius_m"]), float(depot["response_minutes"])
        elif kind == "micro_fire_station":
            minutes = float(properties.get("turnout_minutes", 3))
        standard = spec.get("standard", default_standard) if kind != "sand_depot" else None
        code = f"{street.code}S{number:02d}"
        station_id = build.rows.add(
            Station,
            code=code,
            name=spec["name"],
            kind=kind,
            lon=lon,
            lat=lat,
            address=_address(street, rnd, x, y, grid.compound if kind != "sand_depot" else None),
            community_id=street.communities[grid.community].id,
            service_radius_m=radius,
            response_minutes=minutes,
            opening_hours=spec.get("opening_hours", "24h"),
            kit_standard_key=standard,
            properties=properties,
        )
        street.stations.append(
            StationInfo(
                id=station_id,
                code=code,
                name=spec["name"],
                kind=kind,
                x=x,
                y=y,
                community=grid.community,
                standard=standard,
                pilot=bool(spec.get("pilot")),
            )
        )


def add_custodians(build: Build, street: Street) -> None:
    """Two key holders per station, except one station that has lost its property-company holder."""
    rnd = street.rnd(build, "custodians")
    cadres = street.staff.role("community_cadre")
    lacking = [s for s in street.stations if s.kind == "service_station" and not s.pilot][-1]
    for index, station in enumerate(street.stations):
        holders = [("community", cadres[index % len(cadres)])]
        if station is not lacking:
            keeper = add_person(build, street, rnd, "volunteer", team=None, ages=(28, 58))
            holders.insert(0, ("property", keeper))
        for holder, person in holders:
            build.rows.add(KeyCustodian, station_id=station.id, person_id=person, holder=holder)
            street.custodians.append((station.id, person, holder))
