"""The duty room's clock: times are stored in UTC and read by people in Beijing time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BEIJING)
