"""The one clock: every "now" in the product, and the duty room's calendar.

Times are stored in UTC and read by people in Beijing time; days (sheets, daily
reports, backups, duty-log pages) are Beijing days, so 06:30 on the 1st in
Beijing is the 1st even though UTC still says the last day of the month.

Code asks ``now()`` (or takes a ``Clock`` argument defaulting to it). The
process's clock is the system clock unless the composition root or a test
installs another with ``use``; CI also runs the suite under libfaketime, which
moves the system clock itself, so the same code path reads the moved time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]

BEIJING = ZoneInfo("Asia/Shanghai")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_clock: Clock = system_clock


def now() -> dt.datetime:
    """The current moment (aware, UTC) from the process's clock."""
    return _clock()


def use(clock: Clock) -> Clock:
    """Install ``clock`` as the process's clock; returns the one it replaces."""
    global _clock
    previous, _clock = _clock, clock
    return previous


@contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    previous = use(clock)
    try:
        yield clock
    finally:
        use(previous)


def beijing(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Beijing time, for people to read."""
    return moment.astimezone(BEIJING)


def beijing_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BEIJING).date()


def today() -> dt.date:
    """Today in Beijing, by the process's clock."""
    return beijing_day(now())


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[00:00, 24:00) of a Beijing calendar day, as aware UTC datetimes."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=BEIJING)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=BEIJING)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def as_of(day: dt.date, moment: dt.datetime | None = None) -> dt.datetime:
    """The moment a report "as of ``day``" describes: the end of that Beijing day,
    or ``moment`` (default now) when the day has not ended yet.

    Raises ValueError for a day that has not begun: nobody can report on it.
    """
    moment = now() if moment is None else moment
    start, end = day_bounds(day)
    if moment < start:
        raise ValueError(f"{day:%Y-%m-%d} has not begun yet (today is "
                         f"{beijing_day(moment):%Y-%m-%d} in Beijing)")
    return min(moment, end - dt.timedelta(microseconds=1))


def parse_day(text: str) -> dt.date:
    """A day from the command line: YYYY-MM-DD (also YYYYMMDD and YYYY/MM/DD)."""
    cleaned = text.strip().replace("/", "-")
    try:
        if len(cleaned) == 8 and cleaned.isdigit():
            return dt.date(int(cleaned[:4]), int(cleaned[4:6]), int(cleaned[6:]))
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
