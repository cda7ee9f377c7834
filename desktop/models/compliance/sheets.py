"""What the 六有 sheets print, gathered in one read of the replica (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.models import clock
from desktop.models.clock import beijing_day
from desktop.models.compliance.evidence import (
    EvidenceBook,
    months_before,
    scored_at,
    station_evidence,
    street_evidence,
)
from desktop.models.compliance.scoring import Compliance, Standard, score
from desktop.models.geometry import label_point
from desktop.models.queries import SituationLoader
from desktop.models.replica import reading
from desktop.models.schema import Station
from desktop.models.station_profile import StationProfile, station_profile

NEAR_DEGREES = 0.02  # grids whose label point lies this close are drawn around a station


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // NEAR_DEGREES), int(lon // NEAR_DEGREES)


@dataclass(frozen=True)
class CircleMap:
    """The small map: the station, its circle and the grid outlines around it."""

    lon: float
    lat: float
    radius_m: float
    grids: tuple[dict[str, Any], ...]  # GeoJSON geometries
    response_minutes: float | None = None  # a response circle in minutes (the sand depot)


@dataclass(frozen=True)
class SheetSet:
    street: str
    period: tuple[dt.date, dt.date]
    sheets: tuple[tuple[Compliance, CircleMap | None], ...]
    profiles: tuple[StationProfile | None, ...] = ()  # per sheet: the station's figures


def _equipment_met(result: Compliance) -> bool:
    return any(item.code == "equipment" and item.result == "met" for item in result.items)


class Cancelled(Exception):
    """The operator cancelled a long export."""


def collect_sheets(
    location: str,
    as_of: dt.datetime,
    *,
    stations: str | list[str] = "street",
    standard: Standard | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> SheetSet:
    """The sheets as of the Beijing day of ``as_of``, scored at the close of that day
    (``evidence.scored_at``): the same replica and day give the same sheets on every run.

    ``stations``: "street" (the street's sheet), "all", or a list of station codes.

    ``progress(done, total)`` is called per station; returning False cancels (Cancelled).
    """
    standard = standard or Standard.load()
    with reading(location) as session:
        day = beijing_day(as_of)
        loader = SituationLoader()
        situation = loader.load(session, scored_at(day))
        bases = {b.status.id: b for b in loader.facts("stations")}
        printed_on = clock.today()
        period = (months_before(day, standard.period_months), day)
        if stations == "street":
            book = EvidenceBook(session, period[0], day)
            equipped = sum(
                1 for status in situation.stations
                if _equipment_met(score(station_evidence(
                    session, situation, status.id, standard.period_months, book,
                    base=bases.get(status.id)), standard)))
            evidence = street_evidence(session, situation, standard.period_months,
                                       bases=tuple(bases.values()), printed_on=printed_on,
                                       stations_equipped=equipped)
            return SheetSet(situation.street.name, period, ((score(evidence, standard), None),))
        wanted = situation.stations if stations == "all" else [
            s for s in situation.stations if s.code in set(stations)]
        missing = set(stations) - {s.code for s in wanted} if stations != "all" else set()
        if missing:
            raise LookupError("no station with code " + ", ".join(sorted(missing)))
        book = EvidenceBook(session, period[0], day)
        cells: dict[tuple[int, int], list[tuple[tuple[float, float], dict[str, Any]]]] = (
            defaultdict(list))
        for grid in situation.grids:  # bucketed, so each station looks at 9 cells only
            point = grid.label_at or label_point(grid.geometry)
            if point is not None:
                cells[_cell(point[0], point[1])].append((point, grid.geometry))
        sheets = []
        properties = {s.id: s.properties for s in session.scalars(select(Station))}
        profiles = tuple(station_profile(properties.get(s.id)) for s in wanted)
        for done, status in enumerate(wanted):
            if progress is not None and not progress(done, len(wanted)):
                raise Cancelled(f"cancelled after {done} of {len(wanted)} sheets")
            evidence = station_evidence(session, situation, status.id,
                                        standard.period_months, book,
                                        base=bases.get(status.id), printed_on=printed_on)
            row, column = _cell(status.lat, status.lon)
            reach = status.service_radius_m * 2.5 / 111_000  # degrees, a little beyond view
            near = tuple(geometry for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                         for (lat, lon), geometry in cells.get((row + dr, column + dc), ())
                         if abs(lat - status.lat) < reach and abs(lon - status.lon) < reach)
            circle = CircleMap(status.lon, status.lat, status.service_radius_m, near,
                               status.response_minutes if status.kind == "sand_depot" else None)
            sheets.append((score(evidence, standard), circle))
        return SheetSet(situation.street.name, period, tuple(sheets), profiles)
