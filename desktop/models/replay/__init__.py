"""Drill and incident replay: the situation at any moment, rebuilt from the event log.

``ReplayEngine.situation_at(t)`` answers from the nearest snapshot plus the
events after it; ``ReplayClock`` moves t at 1×–60× when a view's timer says
so. Opening a replay from the replica: ``desktop.models.replay.source``. Nothing
here imports Qt.
"""

from desktop.models.replay.clock import SPEEDS, Bookmark, ClockState, ReplayClock
from desktop.models.replay.engine import ReplayEngine
from desktop.models.replay.loader import DrillInfo, list_drills
from desktop.models.replay.records import EventRecord, IncidentRecord

__all__ = [
    "SPEEDS",
    "Bookmark",
    "ClockState",
    "DrillInfo",
    "EventRecord",
    "IncidentRecord",
    "ReplayClock",
    "ReplayEngine",
    "list_drills",
]
