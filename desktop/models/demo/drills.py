"""Drills: scripted exercises with targets, their exercise incidents and complete event logs.

Actual times scatter around the targets (some beat them, some miss), so the
after-action comparison has something to show. A drill agrees with itself
(``desktop/models/demo/consistency.py`` checks it): the scenario is set where its
first incident happens, each title names its own incident's place, every
incident happens after the drill starts, and titles carry no exercise mark of
their own (the views add it once, from ``Incident.exercise``).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from desktop.models.demo.context import Build, Street
from desktop.models.demo.incidents import draft_incident
from desktop.models.demo.shifts import ShiftPlan
from desktop.models.demo.timeline import Step, write_incident
from desktop.models.schema import Drill, Training


def drill_steps(rnd: random.Random, targets: dict[str, float]) -> list[Step]:
    verified = targets["verify_min"] * rnd.uniform(0.6, 1.4)
    first_report = verified + rnd.uniform(1.0, 3.0)
    dispatched = max(first_report + 0.5, targets["dispatch_min"] * rnd.uniform(0.7, 1.3))
    arrived = dispatched + targets["arrive_min"] * rnd.uniform(0.7, 1.5)
    handling = arrived + rnd.uniform(0.5, 2.0)
    closed = max(handling + 25.0, targets["close_min"] * rnd.uniform(0.8, 1.15))
    final = closed - rnd.uniform(3.0, 8.0)
    reports = [handling + (final - handling) * share for share in (0.3, 0.65)]
    return [
        Step("received", None, 0.0),
        Step("verified", None, verified),
        Step("first_report", None, first_report),
        Step("dispatched", None, dispatched),
        Step("arrived", None, arrived),
        Step("handling", None, handling),
        Step("follow_up", 1, reports[0]),
        Step("follow_up", 2, reports[1]),
        Step("final_report", None, final),
        Step("closed", None, closed),
    ]


def add_drills(build: Build, street: Street, plans: list[ShiftPlan]) -> int:
    rnd = street.rnd(build, "drills")
    types = {t.get("key", ""): t for t in build.data.incident_types()}
    scripts: list[dict[str, Any]] = build.data.incidents["drills"]
    for script in scripts:
        day = build.today - dt.timedelta(days=script["days_ago"])
        start = build.local(day, script["start"])
        fields = {
            "street": street.name,
            "river": street.plan.river_name or "河道",
        }
        targets = {key: float(value) for key, value in script["targets"].items()}
        drill_code = f"{street.code}-DR-{script['slug']}"
        drill_id = build.rows.add(
            Drill,
            code=drill_code,
            title=script["title"].format(**fields),
            starts_at=start,
            ends_at=start,
            scenario="",  # set where its first incident happens, below
            targets=script["targets"],
        )
        row = build.rows.pending(Drill)[-1]
        ends = start
        for number, item in enumerate(script["incidents"], start=1):
            kind = types[item["type"]]
            received = start + dt.timedelta(minutes=10 + item["offset_min"])
            draft = draft_incident(build, street, rnd, kind, 4, received)
            draft.occurred_at = max(draft.occurred_at, start)  # nothing before the drill starts
            own = fields | {"compound": draft.grid.compound} | draft.fields
            if number == 1:
                row["scenario"] = script["scenario"].format(**own)
            draft.steps = drill_steps(rnd, targets)
            draft.drill_id = drill_id
            draft.casualties = "无人员伤亡（演练）"
            draft.source = "演练导调"
            draft.title = item["title"].format(**own)
            write_incident(build, street, rnd, plans, draft, f"{drill_code}-{number:02d}")
            ends = max(ends, draft.at(draft.steps[-1]))
        row["ends_at"] = ends + dt.timedelta(minutes=15)
        build.rows.add(
            Training,
            kind="drill",
            title=row["title"],
            held_on=day,
            hours=round((row["ends_at"] - start).total_seconds() / 3600, 1),
            attendance=rnd.randint(30, 60),
            station_id=None,
            drill_id=drill_id,
        )
    return len(scripts)
