"""Time for the desk: an injectable clock, and the duty room's calendar day.

Idle timeouts, lockouts and reveal limits are tested by handing the desk a
clock the test moves; production passes ``system_clock``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]

# The duty room keeps Beijing time; days (backups, daily reports) follow it.
BEIJING = ZoneInfo("Asia/Shanghai")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def beijing_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BEIJING).date()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[00:00, 24:00) of a Beijing calendar day, as aware UTC datetimes."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=BEIJING)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=BEIJING)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)
