"""The handover package (交接班): what the incoming shift must know, compiled from a situation.

Built from the same Situation the wall shows, so the package and the screen
never disagree: open incidents, stations not fully ready with their reasons,
staffing gaps ahead, active warnings, and the data problems seen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models.roster import StaffingGap, TeamComposition
from desktop.models.situation import (
    ActiveWarning,
    IncidentStatus,
    Problem,
    Shift,
    Situation,
    StationStatus,
)


@dataclass(frozen=True)
class HandoverPackage:
    compiled_at: dt.datetime
    street: str
    outgoing: Shift | None
    incoming: Shift | None
    open_incidents: tuple[IncidentStatus, ...]
    stations_not_ready: tuple[StationStatus, ...]  # worst first
    staffing_gaps: tuple[StaffingGap, ...]
    warnings: tuple[ActiveWarning, ...]
    problems: tuple[Problem, ...]
    team: TeamComposition | None = None  # the emergency team's strength

    @property
    def nothing_to_hand_over(self) -> bool:
        return not (self.open_incidents or self.stations_not_ready or self.staffing_gaps
                    or self.warnings)


_RANK = {"red": 0, "amber": 1, "green": 2}


def compile_handover(situation: Situation) -> HandoverPackage:
    not_ready = sorted(
        (s for s in situation.stations if s.readiness.level != "green"),
        key=lambda s: (_RANK[s.readiness.level], s.code),
    )
    return HandoverPackage(
        compiled_at=situation.at,
        street=situation.street.name,
        outgoing=situation.duty_now,
        incoming=situation.duty_next,
        open_incidents=tuple(sorted(situation.incidents, key=lambda i: (i.severity,
                                                                         i.recorded_at))),
        stations_not_ready=tuple(not_ready),
        staffing_gaps=situation.roster.gaps if situation.roster else (),
        warnings=situation.warnings,
        problems=situation.problems,
        team=situation.roster.composition if situation.roster else None,
    )
