"""Is the replica live? One rule for the badge (ARCHITECTURE, "Freshness")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

State = Literal["live", "stale", "unreadable", "waiting"]


@dataclass(frozen=True)
class FreshnessState:
    state: State
    since: dt.datetime | None  # last moment the data was known good
    detail: str = ""
    reason: str = ""  # a code the header puts in words: schema_newer, schema_older
    schema: str = ""  # with a schema reason: the replica's schema version

    @property
    def live(self) -> bool:
        return self.state == "live"


def assess(
    *,
    now: dt.datetime,
    last_good_read: dt.datetime | None,
    newest_heartbeat: dt.datetime | None,
    failed_polls: int,
    stale_after: dt.timedelta,
    error: str = "",
    reason: str = "",
    schema: str = "",
) -> FreshnessState:
    """Stale when the replica cannot be read (two failed polls) or no writer beat recently."""
    if failed_polls >= 2 or (failed_polls and last_good_read is None):
        return FreshnessState("unreadable", last_good_read, error, reason, schema)
    if last_good_read is None:
        return FreshnessState("waiting", None)
    if newest_heartbeat is None:
        return FreshnessState("stale", None, "no writer has ever written a heartbeat")
    if now - newest_heartbeat > stale_after:
        return FreshnessState("stale", newest_heartbeat, "no writer heartbeat")
    return FreshnessState("live", None)
