"""One readiness: green / amber / red for a station, with the reasons in words.

This single function feeds the KPI tiles, the map's circles and coverage, the
stations panel, the handover package and the 六有 sheet. It works on plain
facts (no ORM, no Qt) so that replay and tests can call it directly. The
thresholds are data (``ReadinessRules``); the per-kind intervals and ages come
from the replica's equipment standard.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.models.clock import beijing_day
from desktop.models.situation import Level, Readiness, Reason

_RANK: dict[Level, int] = {"green": 0, "amber": 1, "red": 2}


@dataclass(frozen=True)
class ReadinessRules:
    expiring_within_days: int = 30
    service_due_within_days: int = 30
    custodians_required: int = 2


@dataclass(frozen=True)
class KindFacts:
    """The standard for one equipment kind at one station."""

    kind_id: int
    name_zh: str
    name_en: str
    required: int
    inspection_interval_days: int | None
    first_service_years: float | None
    service_interval_years: float | None
    scrap_years: float | None


@dataclass(frozen=True)
class ItemFacts:
    kind_id: int
    quantity: int
    status: str  # in_service | dispatched | faulty | scrapped
    made_on: dt.date | None
    expires_on: dt.date | None
    last_serviced_on: dt.date | None
    last_inspected_at: dt.datetime | None


@dataclass(frozen=True)
class CustodianFacts:
    person_id: int
    has_phone: bool


@dataclass(frozen=True)
class StationFacts:
    kinds: Sequence[KindFacts]
    items: Sequence[ItemFacts]
    custodians: Sequence[CustodianFacts]
    needs_custody: bool = True


def _years_after(day: dt.date, years: float) -> dt.date:
    return day + dt.timedelta(days=round(years * 365.25))


def _service_due(kind: KindFacts, item: ItemFacts) -> dt.date | None:
    if item.made_on is None or kind.first_service_years is None:
        return None
    if item.last_serviced_on is None:
        return _years_after(item.made_on, kind.first_service_years)
    if kind.service_interval_years is None:
        return None
    return _years_after(item.last_serviced_on, kind.service_interval_years)


class _Findings:
    def __init__(self) -> None:
        self.reasons: list[Reason] = []

    def add(self, level: Level, code: str, zh: str, en: str) -> None:
        self.reasons.append(Reason(code, zh, en, level))

    def readiness(self) -> Readiness:
        level: Level = "green"
        for reason in self.reasons:
            if _RANK[reason.level] > _RANK[level]:
                level = reason.level
        ordered = sorted(self.reasons, key=lambda r: -_RANK[r.level])
        return Readiness(level, tuple(ordered))


def assess_station(
    facts: StationFacts,
    reachable: Iterable[int],
    now: dt.datetime,
    rules: ReadinessRules = ReadinessRules(),
    teams_out: int = 0,
) -> Readiness:
    """Readiness of one station at ``now``; ``reachable`` = person ids reachable now,
    ``teams_out`` = open incidents this station's team has been sent to (live and in
    replay alike: the incidents' own events say so)."""
    today = beijing_day(now)  # expiry dates are Beijing days
    findings = _Findings()
    items_by_kind: dict[int, list[ItemFacts]] = {}
    for item in facts.items:
        items_by_kind.setdefault(item.kind_id, []).append(item)
    for kind in facts.kinds:
        _assess_kind(kind, items_by_kind.get(kind.kind_id, []), now, today, rules, findings)
    if facts.needs_custody:
        _assess_custody(facts.custodians, set(reachable), rules, findings)
    if teams_out:
        findings.add("amber", "team_out", f"救援力量已出动（{teams_out} 起事件）",
                     f"team out on {teams_out} incident(s)")
    return findings.readiness()


def _assess_kind(
    kind: KindFacts,
    items: list[ItemFacts],
    now: dt.datetime,
    today: dt.date,
    rules: ReadinessRules,
    findings: _Findings,
) -> None:
    unavailable: Counter[str] = Counter()
    available = 0
    overdue_days: list[int] = []
    expiring = 0
    service_due = 0
    for item in items:
        if item.status == "scrapped":
            continue
        if item.status in ("dispatched", "faulty"):
            unavailable[item.status] += item.quantity
            continue
        if item.expires_on is not None and item.expires_on < today:
            unavailable["expired"] += item.quantity
            continue
        if (
            kind.scrap_years is not None
            and item.made_on is not None
            and _years_after(item.made_on, kind.scrap_years) <= today
        ):
            unavailable["scrap_age"] += item.quantity
            continue
        available += item.quantity
        if kind.inspection_interval_days is not None:
            if item.last_inspected_at is None:
                overdue_days.append(kind.inspection_interval_days)
            else:
                due = item.last_inspected_at + dt.timedelta(days=kind.inspection_interval_days)
                if due < now:
                    overdue_days.append(max(1, math.ceil((now - due) / dt.timedelta(days=1))))
        if item.expires_on is not None and (item.expires_on - today).days <= (
            rules.expiring_within_days
        ):
            expiring += item.quantity
        due_day = _service_due(kind, item)
        if due_day is not None and (due_day - today).days <= rules.service_due_within_days:
            service_due += item.quantity

    zh, en = kind.name_zh, kind.name_en
    words = {
        "dispatched": ("已派出未归还", "dispatched, not returned"),
        "faulty": ("故障", "faulty"),
        "expired": ("已过期", "expired"),
        "scrap_age": ("已到报废年限", "past scrap age"),
    }
    for code, count in sorted(unavailable.items()):
        findings.add("amber", code, f"{count} 件{zh}{words[code][0]}",
                     f"{count} {en} {words[code][1]}")
    if available < kind.required:
        level: Level = "red" if available == 0 else "amber"
        findings.add(level, "shortage", f"{zh} 在位 {available}/{kind.required}",
                     f"{en} on hand {available}/{kind.required}")
    if overdue_days:
        worst = max(overdue_days)
        findings.add("amber", "inspection_overdue",
                     f"{len(overdue_days)} 件{zh} 检查逾期 {worst} 天",
                     f"{len(overdue_days)} {en} inspection overdue by {worst} d")
    if expiring:
        findings.add("amber", "expiring",
                     f"{expiring} 件{zh} {rules.expiring_within_days} 天内到期",
                     f"{expiring} {en} expire within {rules.expiring_within_days} d")
    if service_due:
        findings.add("amber", "service_due", f"{service_due} 件{zh} 需维保",
                     f"{service_due} {en} due for service")


def _assess_custody(
    custodians: Sequence[CustodianFacts],
    reachable: set[int],
    rules: ReadinessRules,
    findings: _Findings,
) -> None:
    if len(custodians) < rules.custodians_required:
        findings.add("amber", "custody_incomplete",
                     f"钥匙双保管不全 ({len(custodians)}/{rules.custodians_required})",
                     f"key dual custody incomplete ({len(custodians)}/{rules.custodians_required})")
    if not any(c.person_id in reachable and c.has_phone for c in custodians):
        findings.add("red", "no_key_holder", "钥匙保管人当前均不可联系",
                     "no key holder reachable now")
