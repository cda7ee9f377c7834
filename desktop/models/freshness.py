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
    lag: dt.timedelta | None = None  # a subscriber's lag behind upstream (shown beside)

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
    lag: dt.timedelta | None = None,
) -> FreshnessState:
    """Stale when the replica cannot be read (two failed polls) or no writer beat recently.

    On a subscriber (PostgreSQL logical replication) the heartbeats come from upstream,
    so the badge says whether upstream is writing; ``lag`` (``replica.subscription_lag``)
    is how late its newest heartbeat arrived, carried along to be shown beside it."""
    if failed_polls >= 2 or (failed_polls and last_good_read is None):
        return FreshnessState("unreadable", last_good_read, error, reason, schema)
    if last_good_read is None:
        return FreshnessState("waiting", None)
    if newest_heartbeat is None:
        return FreshnessState("stale", None, "no writer has ever written a heartbeat", lag=lag)
    if now - newest_heartbeat > stale_after:
        return FreshnessState("stale", newest_heartbeat, "no writer heartbeat", lag=lag)
    return FreshnessState("live", None, lag=lag)
