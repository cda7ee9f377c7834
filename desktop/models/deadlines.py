"""Reporting deadlines (configurable by severity): how long until 初报 is due, or how late.

The rule table is data (resources/standards/reporting.json); the countdown is a
pure function of an incident and the clock, so the wall and replay agree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from desktop.models.situation import IncidentStatus
from desktop.models.vocab import LIFECYCLE

_ORDER = {term.code: index for index, term in enumerate(LIFECYCLE)}


@dataclass(frozen=True)
class DeadlineRule:
    severity: int
    stage: str
    minutes: int


@dataclass(frozen=True)
class Countdown:
    stage: str
    due_at: dt.datetime
    remaining: dt.timedelta  # negative when missed

    @property
    def missed(self) -> bool:
        return self.remaining < dt.timedelta(0)

    def words(self, english: bool = False, *, short: bool = False) -> str:
        """``short``: the wall's narrow column in English ("due 26:56", "late 3:10"; the
        deadline's stage is the column's and the row's); the Chinese words are short."""
        minutes = int(abs(self.remaining).total_seconds() // 60)
        seconds = int(abs(self.remaining).total_seconds() % 60)
        clock = f"{minutes}:{seconds:02d}"
        stage = next((t.en if english else t.zh) for t in LIFECYCLE if t.code == self.stage)
        if english and short:
            return f"late {clock}" if self.missed else f"due {clock}"
        if self.missed:
            return f"{stage} overdue {clock}" if english else f"{stage}超时 {clock}"
        return f"{stage} due in {clock}" if english else f"{stage}剩余 {clock}"


def load_rules(name: str = "reporting.json") -> tuple[DeadlineRule, ...]:
    data = json.loads((files("desktop.resources") / "standards" / name).read_text("utf-8"))
    return tuple(DeadlineRule(int(r["severity"]), str(r["stage"]), int(r["minutes"]))
                 for r in data["deadlines"])


def due(severity: int, status: str, received_at: dt.datetime,
        rules: tuple[DeadlineRule, ...]) -> tuple[str, dt.datetime] | None:
    """(stage, due at) of the deadline an incident at ``status`` still has to meet."""
    for rule in rules:
        if rule.severity != severity:
            continue
        if _ORDER.get(status, -1) >= _ORDER.get(rule.stage, 99):
            continue
        return rule.stage, received_at + dt.timedelta(minutes=rule.minutes)
    return None


def countdown(incident: IncidentStatus, now: dt.datetime,
              rules: tuple[DeadlineRule, ...]) -> Countdown | None:
    """The running deadline of an open incident, None once its stage has been reached."""
    found = due(incident.severity, incident.status, incident.recorded_at, rules)
    if found is None:
        return None
    stage, at = found
    return Countdown(stage, at, at - now)


def by_urgency(incidents: Iterable[IncidentStatus], now: dt.datetime,
               rules: tuple[DeadlineRule, ...]) -> list[IncidentStatus]:
    """Open incidents as the wall lists them: most severe first (I before IV), then the
    nearest reporting deadline (overdue ones first; none running last), then newest."""

    def key(incident: IncidentStatus) -> tuple[int, int, float, float]:
        clock = countdown(incident, now, rules)
        severity = incident.severity if 1 <= incident.severity <= 4 else 5
        due_at = clock.due_at.timestamp() if clock is not None else 0.0
        return (severity, 0 if clock is not None else 1, due_at,
                -incident.recorded_at.timestamp())

    return sorted(incidents, key=key)


def pinned(incident: IncidentStatus) -> bool:
    """III (较大) or above: shown on every page of the wall's incident list."""
    return 1 <= incident.severity <= 3
