"""Alert acts shared through the workstation store: acknowledgements and mutes.

The wall and the operator window may be two processes on one workstation
(ARCHITECTURE, "Two windows"): an officer who acknowledges an alert or mutes
the sound at the operator desk silences the wall too. Both acts are audit rows
(who, when, which alerts, until when); every window reads them back
(``shared_alerts``) every few seconds and applies them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models.workstation import audit
from desktop.models.workstation.store import WorkstationStore

KEYS = "keys="  # acknowledge rows: the alert keys (models.alerts.Alert.key)
UNTIL = "until="  # mute rows: the end of the mute, ISO 8601


@dataclass(frozen=True)
class SharedAlerts:
    acknowledged: frozenset[str] = frozenset()  # alert keys acknowledged anywhere
    muted_until: dt.datetime | None = None  # the newest mute's end, when still running
    muted_by: str = ""

    def muted(self, now: dt.datetime) -> bool:
        return self.muted_until is not None and now < self.muted_until


def acknowledge_detail(keys: Iterable[str]) -> str:
    return KEYS + " ".join(sorted(keys))


def mute_detail(until: dt.datetime) -> str:
    return UNTIL + until.isoformat()


def shared_alerts(store: WorkstationStore, now: dt.datetime, since: dt.datetime,
                  ) -> SharedAlerts:
    """Acknowledgements since ``since`` and the newest mute (an early end is a mute until
    the moment it was ended)."""
    entries = audit.query(store, audit.AuditFilter(
        since=since, actions=frozenset({"acknowledge", "mute"})))  # newest first
    acknowledged: set[str] = set()
    newest_mute: audit.AuditEntry | None = None
    for entry in entries:
        if entry.action == "acknowledge" and entry.detail.startswith(KEYS):
            acknowledged.update(entry.detail.removeprefix(KEYS).split())
        elif entry.action == "mute" and newest_mute is None and entry.detail.startswith(UNTIL):
            newest_mute = entry
    until = None
    if newest_mute is not None:
        try:
            until = dt.datetime.fromisoformat(newest_mute.detail.removeprefix(UNTIL))
        except ValueError:
            until = None  # a hand-edited row: not muted rather than muted for ever
    running = until is not None and until.tzinfo is not None and until > now
    return SharedAlerts(frozenset(acknowledged), until if running else None,
                        newest_mute.officer_name if running and newest_mute else "")
