"""The replay's raw material: incidents and their lifecycle events as plain records.

Records come from the replica (``loader``) or from a generator (tests,
benchmarks). Times may be missing here: a record is what the log *says*;
``clean`` decides what replay can use, so a bad row never reaches the fold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models.vocab import LIFECYCLE

# Position of each stage in the lifecycle: ties in time are broken by it.
STAGE_RANK: dict[str, int] = {term.code: rank for rank, term in enumerate(LIFECYCLE)}


@dataclass(frozen=True)
class IncidentRecord:
    """What the incident row says; it is known to the duty room from ``recorded_at``."""

    id: int
    code: str
    title: str
    class_code: str
    type_code: str | None
    severity: int
    place: str
    lon: float | None
    lat: float | None
    grid_code: str | None
    exercise: bool
    drill_id: int | None
    occurred_at: dt.datetime | None
    recorded_at: dt.datetime | None


@dataclass(frozen=True)
class EventRecord:
    id: int
    incident_id: int
    stage: str
    report_no: int | None
    occurred_at: dt.datetime | None
    recorded_at: dt.datetime | None
    station_id: int | None = None
    actor_id: int | None = None
    note: str | None = None
    severity: int | None = None  # what the event reports, when it states one


@dataclass(frozen=True, order=True)
class Event:
    """A usable event: both times present, stage known, after its incident's creation.

    Field order is the fold's arrival order: by ``recorded_at`` (when the duty
    room learnt it), then by what happened first.
    """

    recorded_at: dt.datetime
    occurred_at: dt.datetime
    rank: int
    report_no: int
    id: int
    incident_id: int
    stage: str
    station_id: int | None = None
    actor_id: int | None = None
    note: str | None = None
    severity: int | None = None

    @property
    def identity(self) -> tuple[int, str, int, dt.datetime]:
        """Two rows with the same identity are one event delivered twice."""
        return (self.incident_id, self.stage, self.report_no, self.occurred_at)

    @property
    def happened(self) -> tuple[dt.datetime, int, int, int]:
        """Order of what happened: the incident's status is its latest known event by this."""
        return (self.occurred_at, self.rank, self.report_no, self.id)
