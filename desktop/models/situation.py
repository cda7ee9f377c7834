"""The situation read model: frozen, plain data that every view draws.

The live dashboard builds it from the replica now; a replay builds it at t.
Nothing here is an ORM object, and personal fields arrive already masked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from desktop.models.coverage import Coverage
    from desktop.models.roster import RosterOverview
    from desktop.models.station_profile import StationProfile

Level = Literal["green", "amber", "red"]


@dataclass(frozen=True)
class Reason:
    """One reason a station is not fully ready, in both UI languages."""

    code: str  # shortage | inspection_overdue | expired | expiring | dispatched | …
    zh: str
    en: str
    level: Level

    def text(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh


@dataclass(frozen=True)
class Readiness:
    level: Level
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Street:
    code: str
    name: str
    district: str
    geometry: dict[str, Any]  # GeoJSON, CGCS2000


@dataclass(frozen=True)
class Area:
    """A community or a grid."""

    id: int
    code: str
    name: str
    level: str  # community | grid
    parent_code: str | None
    households: int | None
    worker: str | None  # masked name of the grid worker
    geometry: dict[str, Any]
    label_at: tuple[float, float] | None = None  # (lat, lon) surely inside the area


@dataclass(frozen=True)
class MapFeature:
    id: int
    code: str
    name: str  # masked when the layer is sensitive
    geometry: dict[str, Any]
    properties: dict[str, Any]


@dataclass(frozen=True)
class MapLayer:
    key: str
    name_zh: str
    name_en: str
    geometry_kind: str
    style: dict[str, Any]
    sensitive: bool
    symbol_code: str | None
    visible_by_default: bool
    features: tuple[MapFeature, ...]


@dataclass(frozen=True)
class StationStatus:
    id: int
    code: str
    name: str
    kind: str
    lon: float
    lat: float
    service_radius_m: float
    response_minutes: float | None
    community: str | None
    readiness: Readiness
    kinds_required: int
    kinds_complete: int
    profile: StationProfile | None = None  # coverage, the depot's trucks and reserve (typed)


@dataclass(frozen=True)
class OnDuty:
    person_id: int
    name: str  # masked
    phone: str | None  # masked
    role: str  # leader | officer | member
    team_kind: str | None
    checked_in: bool
    checked_in_at: dt.datetime | None = None  # in facts: when; at a moment: if by then


@dataclass(frozen=True)
class Shift:
    id: int
    kind: str  # duty | readiness
    starts_at: dt.datetime
    ends_at: dt.datetime
    people: tuple[OnDuty, ...]

    @property
    def leader(self) -> OnDuty | None:
        return next((p for p in self.people if p.role == "leader"), None)

    @property
    def officers(self) -> tuple[OnDuty, ...]:
        return tuple(p for p in self.people if p.role == "officer")


@dataclass(frozen=True)
class IncidentStatus:
    id: int
    code: str
    title: str
    class_code: str
    type_code: str | None
    severity: int
    status: str
    place: str
    lon: float | None
    lat: float | None
    grid_code: str | None
    exercise: bool
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    last_event_at: dt.datetime


@dataclass(frozen=True)
class ActiveWarning:
    id: int
    kind: str
    level: str
    area: str
    valid_from: dt.datetime
    valid_to: dt.datetime


@dataclass(frozen=True)
class Problem:
    """A data-quality finding: a row skipped or shown partly, in words."""

    entity: str
    entity_id: str
    problem: str


@dataclass(frozen=True)
class Freshness:
    newest_heartbeat: dt.datetime | None
    last_change_seq: int
    read_at: dt.datetime


@dataclass(frozen=True)
class Kpis:
    on_duty: int
    readiness_on_duty: int
    stations_ready: int  # green
    stations_not_ready: int  # red only: the tables' ■ 未就绪
    stations_total: int
    open_by_severity: tuple[int, int, int, int]  # I, II, III, IV
    stations_partly_ready: int = 0  # amber: the tables' ▲ 部分就绪

    @property
    def open_incidents(self) -> int:
        return sum(self.open_by_severity)


@dataclass(frozen=True)
class Situation:
    at: dt.datetime
    street: Street
    communities: tuple[Area, ...]
    grids: tuple[Area, ...]
    layers: tuple[MapLayer, ...]
    stations: tuple[StationStatus, ...]
    duty_now: Shift | None
    duty_next: Shift | None
    readiness_today: Shift | None
    incidents: tuple[IncidentStatus, ...]  # open ones, newest first
    warnings: tuple[ActiveWarning, ...]
    freshness: Freshness
    problems: tuple[Problem, ...] = field(default=())
    roster: RosterOverview | None = None  # composition, skills cover, staffing gaps
    # Gaps in the ready stations' cover and each incident's nearest ready station, in metres.
    coverage: Coverage | None = None

    @property
    def kpis(self) -> Kpis:
        by_severity = [0, 0, 0, 0]
        for incident in self.incidents:
            if 1 <= incident.severity <= 4:
                by_severity[incident.severity - 1] += 1
        levels = [s.readiness.level for s in self.stations]
        return Kpis(
            on_duty=len(self.duty_now.people) if self.duty_now else 0,
            readiness_on_duty=len(self.readiness_today.people) if self.readiness_today else 0,
            stations_ready=levels.count("green"),
            stations_not_ready=levels.count("red"),
            stations_total=len(self.stations),
            open_by_severity=(by_severity[0], by_severity[1], by_severity[2], by_severity[3]),
            stations_partly_ready=levels.count("amber"),
        )

    def unchanged(self, previous: Situation | None, *fields: str) -> bool:
        """Whether ``fields`` hold the very objects ``previous`` held: a live read reuses the
        parts no change touched (queries.SituationLoader), so a view can skip redrawing.
        Identity, not equality: cheap, and a false "changed" only costs a redraw."""
        return previous is not None and all(
            getattr(self, name) is getattr(previous, name) for name in fields)
