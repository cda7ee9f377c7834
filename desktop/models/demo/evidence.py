"""六有 evidence (plans, posted rules, trainings) and the weather warnings.

Gaps are planted on purpose: one plan past its review date, a station with
rules not yet on the wall.
"""

from __future__ import annotations

import datetime as dt

from desktop.models.demo.context import Build, Street
from desktop.models.schema import HazardWarning, Plan, Training, WorkRule


def _months_ago(today: dt.date, months: int, day_shift: int = 0) -> dt.date:
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(today.day, 28)) + dt.timedelta(days=day_shift)


def add_evidence(build: Build, street: Street) -> None:
    rnd = street.rnd(build, "evidence")
    settings = build.data.scenario["evidence"]
    today, rows = build.today, build.rows
    for plan in settings["street_plans"]:
        rows.add(
            Plan,
            station_id=None,
            kind=plan["kind"],
            title=plan["title"].format(street=street.name),
            approved_on=_months_ago(today, plan["months_ago"], rnd.randint(-10, 10)),
            review_months=plan["review_months"],
        )
    for rule in settings["street_rules"]:
        rows.add(
            WorkRule,
            station_id=None,
            title=f"{street.name}{rule}",
            posted=True,
            adopted_on=_months_ago(today, rnd.randint(6, 30)),
        )
    posts = [s for s in street.stations if s.kind != "sand_depot"]
    unposted_at = posts[-1].id if len(posts) > 1 else None
    for station in posts:
        for plan in settings["station_plans"]:
            rows.add(
                Plan,
                station_id=station.id,
                kind=plan["kind"],
                title=plan["title"].format(station=station.name),
                approved_on=_months_ago(today, plan["months_ago"], rnd.randint(-20, 20)),
                review_months=plan["review_months"],
            )
        for index, rule in enumerate(settings["station_rules"]):
            posted = not (station.id == unposted_at and index < settings["unposted_rules_station"])
            rows.add(
                WorkRule,
                station_id=station.id,
                title=rule,
                posted=posted,
                adopted_on=_months_ago(today, rnd.randint(3, 24)),
            )
    for quarter in range(4):
        for course in settings["quarterly_trainings"]:
            rows.add(
                Training,
                kind="training",
                title=course["title"],
                held_on=_months_ago(today, 3 * quarter + 1, rnd.randint(-12, 12)),
                hours=float(course["hours"]),
                attendance=rnd.randint(18, 35),
                station_id=None,
                drill_id=None,
            )
    rotation = settings["rotation_training"]
    for number in range(1, rotation["sessions"] + 1):
        rows.add(
            Training,
            kind="training",
            title=rotation["title"].format(n=number),
            held_on=_months_ago(today, 2 * (rotation["sessions"] - number) + 1, rnd.randint(-5, 5)),
            hours=float(rotation["hours"]),
            attendance=rotation["attendance"],
            station_id=None,
            drill_id=None,
        )


def add_warnings(build: Build) -> int:
    """District-wide warnings: one in force now, the rest expired."""
    settings = build.data.scenario["warnings"]
    district = build.data.scenario["district"]
    hour = build.now.replace(minute=0, second=0, microsecond=0)
    active = settings["active"]
    windows = [(active, hour - dt.timedelta(hours=active["from_hours_ago"]))] + [
        (old, hour - dt.timedelta(days=old["days_ago"])) for old in settings["expired"]
    ]
    for spec, start in windows:
        build.rows.add(
            HazardWarning,
            kind=spec["kind"],
            level=spec["level"],
            area=district["warning_area"],
            valid_from=start,
            valid_to=start + dt.timedelta(hours=spec["hours"]),
            issued_by=district["warning_issuer"],
        )
    return len(windows)
