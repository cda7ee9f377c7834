"""Station kit on the shelves and its inspection history, with the faults a duty room must see.

Daily walk-throughs are one ``inspection`` row per station (item_id empty)
and count as the last inspection of every daily-checked item there; weekly
and monthly checks (the extinguishers' pressure needle) are one row per item.
One station is kept fully in order; the others share the planted problems:
missed daily checks, a late pressure check, a first-aid kit about to expire
and one expired, kit out on a job, a faulty radio, a radio short.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.models.demo.context import Build, StationInfo, Street
from desktop.models.demo.standards import Standards
from desktop.models.schema import EquipmentItem, EquipmentLoan, Inspection

PROBLEMS = ("overdue", "late_extinguisher", "expiring", "expired", "dispatched", "faulty", "short")


def _problems(rnd: random.Random, stations: list[StationInfo]) -> dict[int, set[str]]:
    """Which station carries which planted problem (never the one kept in order)."""
    kept = next((s for s in stations if s.pilot), stations[0])
    others = [s for s in stations if s is not kept]
    rnd.shuffle(others)
    problems: dict[int, set[str]] = {s.id: set() for s in stations}
    for index, problem in enumerate(PROBLEMS):
        if others:
            problems[others[index % len(others)].id].add(problem)
    return problems


class _Checks:
    """When each station is checked: a fixed morning time, so a kept station is never late."""

    def __init__(self, build: Build, street: Street, rnd: random.Random) -> None:
        self.build, self.street, self.rnd = build, street, rnd
        self.inspectors = street.staff.role("volunteer")

    def at(self, station_index: int, day: dt.date) -> dt.datetime:
        first = self.build.data.scenario["inspection"]["first_check"]
        return self.build.local(day, first) + dt.timedelta(minutes=7 * station_index)

    def last_before_now(self, station_index: int, days_back: int) -> dt.datetime:
        day = self.build.today - dt.timedelta(days=days_back)
        moment = self.at(station_index, day)
        return (
            moment
            if moment <= self.build.now
            else self.at(station_index, day - dt.timedelta(days=1))
        )

    def daily(
        self, station: StationInfo, station_index: int, skip_recent: bool, may_miss: bool
    ) -> dt.datetime | None:
        """Queue the daily walk-throughs of the past weeks; returns the latest."""
        settings = self.build.data.scenario["inspection"]
        latest = None
        for back in range(settings["history_days"], -1, -1):
            day = self.build.today - dt.timedelta(days=back)
            moment = self.at(station_index, day)
            if moment > self.build.now or (skip_recent and back <= 1):
                continue
            if may_miss and back > 1 and self.rnd.random() < settings["missed_share"]:
                continue
            note = (
                "日常巡检：物资在位"
                if station.kind != "sand_depot"
                else "日常巡查：运沙车在位、储备充足"
            )
            self.build.rows.add(
                Inspection,
                station_id=station.id,
                item_id=None,
                inspected_at=moment,
                inspector_id=self.rnd.choice(self.inspectors),
                result="ok",
                note=note,
            )
            latest = moment
        return latest


def _dates(
    rnd: random.Random, today: dt.date, kind: dict[str, object]
) -> tuple[dt.date, dt.date | None, dt.date | None]:
    """made_on, expires_on (shelf life or scrap date) and last service, all plausible today."""
    shelf = kind.get("shelf_life_days")
    scrap = kind.get("scrap_years")
    if isinstance(scrap, (int, float)):
        made = today - dt.timedelta(days=rnd.randint(200, 8 * 365))
        age_years = (today - made).days / 365.25
        first, every = kind.get("first_service_years"), kind.get("service_interval_years")
        serviced = None
        if (
            isinstance(first, (int, float))
            and isinstance(every, (int, float))
            and age_years >= first
        ):
            serviced = today - dt.timedelta(days=rnd.randint(20, int(every * 365 * 0.8)))
        return made, made + dt.timedelta(days=round(scrap * 365.25)), serviced
    if isinstance(shelf, int):
        made = today - dt.timedelta(days=rnd.randint(30, shelf - 60))
        return made, made + dt.timedelta(days=shelf), None
    return today - dt.timedelta(days=rnd.randint(60, 4 * 365)), None, None


def stock_stations(build: Build, street: Street, standards: Standards) -> None:
    rnd = street.rnd(build, "kit")
    checks = _Checks(build, street, rnd)
    kit_stations = [s for s in street.stations if s.standard]
    problems = _problems(rnd, kit_stations)
    for station_index, station in enumerate(street.stations):
        if station.standard is None:
            checks.daily(station, station_index, skip_recent=False, may_miss=False)
            continue
        mine = problems[station.id]
        in_order = not mine
        last_daily = checks.daily(
            station, station_index, skip_recent="overdue" in mine, may_miss=not in_order
        )
        periodic: dict[int, dt.datetime] = {}
        for code, required in standards.requirements[station.standard].items():
            kind = standards.kinds[code]
            interval = kind.get("inspection_interval_days") or 1
            unit = kind["tracking"] == "unit"
            count = required if unit else 1
            if code == "radio" and "short" in mine:
                count -= 1
            for number in range(1, count + 1):
                made, expires, serviced = _dates(rnd, build.today, dict(kind))
                status, dispatched_at = "in_service", None
                if interval == 1:
                    inspected = last_daily
                else:
                    if interval not in periodic:
                        periodic[interval] = checks.last_before_now(
                            station_index, rnd.randint(0, max(0, min(interval - 3, 20)))
                        )
                    inspected = periodic[interval]
                    if code == "extinguisher" and number == 1 and "late_extinguisher" in mine:
                        inspected = checks.last_before_now(station_index, interval + 7)
                if code == "extinguisher" and number == count and "short" in mine:
                    made = build.today - dt.timedelta(days=round(9.7 * 365.25))
                    expires = made + dt.timedelta(days=round(10 * 365.25))
                    serviced = build.today - dt.timedelta(days=rnd.randint(60, 500))
                if code == "first_aid_kit" and "expiring" in mine:
                    expires = build.today + dt.timedelta(days=12)
                if code == "first_aid_kit" and "expired" in mine:
                    expires = build.today - dt.timedelta(days=5)
                if code == "first_aid_kit" and expires is not None:
                    made = expires - dt.timedelta(days=kind.get("shelf_life_days") or 730)
                if code == "radio" and number == count and "faulty" in mine:
                    status = "faulty"
                if code == "breaching_kit" and number == 1 and "dispatched" in mine:
                    status = "dispatched"
                    dispatched_at = (build.now - dt.timedelta(minutes=38)).replace(
                        second=0, microsecond=0
                    )
                    street.dispatch = (station, code, dispatched_at)
                item_id = build.rows.add(
                    EquipmentItem,
                    station_id=station.id,
                    kind_id=standards.kind_ids[code],
                    code=f"{station.code}-{code.upper()}-{number:02d}",
                    quantity=1 if unit else required,
                    made_on=made,
                    expires_on=expires,
                    last_serviced_on=serviced,
                    last_inspected_at=inspected,
                    status=status,
                    dispatched_at=dispatched_at,
                )
                if dispatched_at is not None:  # the loan log says since when it is out
                    build.rows.add(EquipmentLoan, item_id=item_id, out_at=dispatched_at)
                # A faulty item's last check is the one that found the fault (below).
                if interval > 1 and inspected is not None and status != "faulty":
                    note = (
                        "月度检查：压力指针在绿区"
                        if code == "extinguisher"
                        else "定期检查：数量、状态正常"
                    )
                    build.rows.add(
                        Inspection,
                        station_id=station.id,
                        item_id=item_id,
                        inspected_at=inspected,
                        inspector_id=rnd.choice(checks.inspectors),
                        result="ok",
                        note=note,
                    )
                if status == "faulty":
                    build.rows.add(
                        Inspection,
                        station_id=station.id,
                        item_id=item_id,
                        inspected_at=checks.last_before_now(station_index, 3)
                        + dt.timedelta(minutes=2),
                        inspector_id=rnd.choice(checks.inspectors),
                        result="fault",
                        note="对讲机无法开机，已报修",
                    )
