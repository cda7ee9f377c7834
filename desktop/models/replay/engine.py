"""situation_at(t): the whole dashboard as the duty room knew it at t, from the event log.

Returns the same ``Situation`` the live views draw, so every panel replays
unchanged. "Knew" means by ``recorded_at``: an event typed in five minutes
late appears five minutes late. ``situation_from_scratch`` folds every
arrival up to t from nothing: the reference the tests compare with and the
baseline the benchmark measures against.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from desktop.models.coverage import CoverCache
from desktop.models.facts import Facts, situation_at
from desktop.models.quality import QualityCollector
from desktop.models.replay.clean import clean_log
from desktop.models.replay.fold import Fold, IncidentState, incident_status, teams_out
from desktop.models.replay.index import DEFAULT_SNAPSHOT_EVERY, LogIndex
from desktop.models.replay.records import EventRecord, IncidentRecord
from desktop.models.situation import IncidentStatus, Problem, Situation

# An open incident ready to draw: (order newest first, its status, the stations it engages).
_Entry = tuple[int, IncidentStatus, frozenset[int]]


def _first(entry: _Entry) -> int:
    return entry[0]


def _engaged(entries: Iterable[_Entry]) -> Counter[int]:
    return teams_out(entry[2] for entry in entries)


class ReplayEngine:
    def __init__(
        self,
        facts: Facts,
        incidents: Iterable[IncidentRecord],
        events: Iterable[EventRecord],
        *,
        snapshot_every: int = DEFAULT_SNAPSHOT_EVERY,
        quality: QualityCollector | None = None,
    ) -> None:
        quality = quality or QualityCollector()
        self.facts = facts
        self._covers = CoverCache()
        self.rejected: dict[int, int] = {}  # event id → incident id, of events left out
        self.incidents, self.events = clean_log(incidents, events, quality, self.rejected)
        self.log_problems: tuple[Problem, ...] = quality.problems
        self.index = LogIndex(self.incidents, self.events, snapshot_every)
        # Newest first, as the live query lists open incidents: the order as one int each.
        newest = sorted(self.incidents.values(), key=lambda i: (i.recorded_at, i.id),
                        reverse=True)
        self._order = {incident.id: n for n, incident in enumerate(newest)}
        self._entries: dict[tuple[int, int], _Entry] = {}  # (incident, events known) → entry
        # Each snapshot's open incidents ready to draw, and the teams they had out.
        self._bases: list[tuple[dict[int, _Entry], Counter[int]]] = []
        for snapshot in self.index.snapshots:
            base = {i: self._entry(i, known) for i, known in snapshot.items()}
            self._bases.append((base, _engaged(base.values())))

    def _entry(self, incident_id: int, known: int, state: IncidentState | None = None) -> _Entry:
        entry = self._entries.get((incident_id, known))
        if entry is None:
            state = state or self.index.state(incident_id, known)
            entry = self._entries[incident_id, known] = (
                self._order[incident_id], incident_status(self.incidents[incident_id], state),
                state.stations)
        return entry

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.facts.problems + self.log_problems

    @property
    def first_at(self) -> dt.datetime | None:
        return self.index.touch_times[0] if len(self.index) else None

    @property
    def last_at(self) -> dt.datetime | None:
        return self.index.touch_times[-1] if len(self.index) else None

    def arrival_times(self) -> list[dt.datetime]:
        """When something became known (for stepping from one arrival to the next)."""
        return self.index.touch_times

    def situation_at(self, at: dt.datetime) -> Situation:
        """Nearest snapshot before ``at`` plus the arrivals since: O(log n + k)."""
        index = self.index
        position = index.position(at)
        snapshot = position // index.snapshot_every
        base, engaged = self._bases[snapshot]
        touched = set(index.touch_incident[snapshot * index.snapshot_every:position])
        if touched:
            entries = dict(base)
            engaged = Counter(engaged)
            for incident_id in touched:
                old = entries.pop(incident_id, None)
                if old is not None:
                    engaged.subtract(old[2])
                found = index.state_at(incident_id, at)
                if found is not None and found[1].open:
                    entry = entries[incident_id] = self._entry(incident_id, *found)
                    engaged.update(entry[2])
            return self._situation(at, list(entries.values()), +engaged)
        return self._situation(at, list(base.values()), engaged)

    def situation_from_scratch(self, at: dt.datetime) -> Situation:
        """Every arrival up to ``at`` folded from nothing (no snapshot, no index)."""
        fold = Fold(self.incidents).run(self.events, at)
        entries = [(self._order[incident_id], incident_status(self.incidents[incident_id], state),
                    state.stations) for incident_id, state in fold.open_states().items()]
        return self._situation(at, entries, _engaged(entries))

    def _situation(
        self, at: dt.datetime, entries: list[_Entry], engaged: Counter[int]
    ) -> Situation:
        entries.sort(key=_first)
        return situation_at(self.facts, at, tuple(entry[1] for entry in entries), engaged,
                            problems=self.problems, covers=self._covers)
