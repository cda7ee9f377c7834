"""The import kinds, in the order they are written (each may refer to those before it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.models.importing.kind_base import Kind
from desktop.models.importing.kind_drills import Drills
from desktop.models.importing.kind_equipment import Equipment
from desktop.models.importing.kind_features import Features, LayerOptions
from desktop.models.importing.kind_grids import Grids
from desktop.models.importing.kind_incidents import Events, Incidents
from desktop.models.importing.kind_people import People
from desktop.models.importing.kind_roster import Roster
from desktop.models.importing.kind_stations import Stations

ORDER = ("grids", "people", "stations", "equipment", "roster", "drills", "features",
         "incidents", "events")


@dataclass
class Registry:
    """One instance of each kind for one import or export (kinds keep per-import state)."""

    kinds: dict[str, Kind] = field(default_factory=dict)

    def get(self, name: str) -> Kind:
        return self.kinds[name]


def make(layer: LayerOptions | None = None) -> Registry:
    events = Events()
    kinds: list[Kind] = [Grids(), People(), Stations(), Equipment(), Roster(), Drills(),
                         Features(layer or LayerOptions()), Incidents(events), events]
    return Registry({kind.name: kind for kind in kinds})
