"""A station's figures, typed: the documented schema of ``station.properties``.

The replica keeps a station's extra figures in its JSON ``properties`` column;
these are the keys the product reads, with their types (anything else is kept
but not shown):

=========================  =======  =============================================
key                        type     meaning
=========================  =======  =============================================
``covers_compounds``       int      residential compounds in the station's circle
``covers_self_built_areas`` int     self-built housing areas (自建房片区) covered
``covers_shops``           int      commercial outlets (经营性场所) covered
``upgraded_from``          str      what the station was before (e.g. 红色驿站)
``members``                int      micro fire station: trained members
``members_per_shift``      int      micro fire station: members on each shift
``turnout_minutes``        float    micro fire station: minutes to the scene
``sand_trucks``            int      sand depot: automated sand trucks
``reserve_tonnes``         float    sand depot: sand and gravel reserve in tonnes
``partner``                str      sand depot: the partner company
=========================  =======  =============================================

A value of the wrong type is dropped (None) and named in ``problems``. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_INT = ("covers_compounds", "covers_self_built_areas", "covers_shops", "members",
        "members_per_shift", "sand_trucks")
_FLOAT = ("turnout_minutes", "reserve_tonnes")
_TEXT = ("upgraded_from", "partner")


@dataclass(frozen=True)
class StationProfile:
    covers_compounds: int | None = None
    covers_self_built_areas: int | None = None
    covers_shops: int | None = None
    upgraded_from: str | None = None
    members: int | None = None
    members_per_shift: int | None = None
    turnout_minutes: float | None = None
    sand_trucks: int | None = None
    reserve_tonnes: float | None = None
    partner: str | None = None
    problems: tuple[str, ...] = ()

    @property
    def has_coverage(self) -> bool:
        return any(v is not None for v in (self.covers_compounds, self.covers_self_built_areas,
                                           self.covers_shops))

    @property
    def has_depot(self) -> bool:
        return self.sand_trucks is not None or self.reserve_tonnes is not None


def station_profile(properties: Mapping[str, Any] | None) -> StationProfile:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in (properties or {}).items():
        if value is None:
            continue
        if key in _INT:
            if isinstance(value, bool) or not isinstance(value, int | float) or value != int(
                    value) or value < 0:
                problems.append(f"{key}={value!r} is not a whole number ≥ 0")
                continue
            values[key] = int(value)
        elif key in _FLOAT:
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                problems.append(f"{key}={value!r} is not a number ≥ 0")
                continue
            values[key] = float(value)
        elif key in _TEXT:
            values[key] = str(value)
    return StationProfile(**values, problems=tuple(problems))
