"""What an import needs to know about the replica: codes to ids, the street's extent.

Lookups are loaded on first use and dropped after each kind is written, so a
later kind in the same import (same transaction) sees the rows written just
before it: a roster can name people from the people file beside it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.importing.issues import Bad
from desktop.models.importing.upsert import Where
from desktop.models.schema import (
    AdminUnit,
    Drill,
    DutyShift,
    EquipmentKind,
    Feature,
    Incident,
    KitStandard,
    Layer,
    Person,
    ReplicaMeta,
    Station,
    Team,
)

DEFAULT_ZONE = "Asia/Shanghai"
EXTENT_MARGIN_DEG = 0.01  # ≈ 1 km: stations and incidents may sit just over the boundary


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float, margin: float = EXTENT_MARGIN_DEG) -> bool:
        return (self.west - margin <= lon <= self.east + margin
                and self.south - margin <= lat <= self.north + margin)

    def grow(self, other: Extent) -> Extent:
        return Extent(min(self.west, other.west), min(self.south, other.south),
                      max(self.east, other.east), max(self.north, other.north))

    def near(self, other: Extent, margin: float) -> bool:
        return not (other.east < self.west - margin or other.west > self.east + margin
                    or other.north < self.south - margin or other.south > self.north + margin)


def extent_of(coordinates: Any) -> Extent | None:
    xs: list[float] = []
    ys: list[float] = []

    def walk(node: Any) -> None:
        if isinstance(node, list) and len(node) >= 2 and all(
                isinstance(v, int | float) for v in node[:2]):
            xs.append(float(node[0]))
            ys.append(float(node[1]))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(coordinates)
    return Extent(min(xs), min(ys), max(xs), max(ys)) if xs else None


@dataclass
class Context:
    session: Session
    tz: dt.tzinfo
    _cache: dict[str, dict[Any, Any]] = field(default_factory=dict)
    # entity → code → (file, row) of a row with errors
    invalid: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)
    street_extent: Extent | None = None
    row: int | None = None  # the row being checked, for warnings
    where: Where | None = None  # the same row's file, number and key
    warnings: list[tuple[int | None, Bad]] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> Context:
        zone_name = session.scalar(select(ReplicaMeta.value).where(ReplicaMeta.key == "timezone"))
        try:
            tz: dt.tzinfo = ZoneInfo(zone_name or DEFAULT_ZONE)
        except (ZoneInfoNotFoundError, ValueError):
            tz = dt.timezone(dt.timedelta(hours=8))
        context = cls(session, tz)
        context.refresh_extent()
        return context

    def refresh_extent(self) -> None:
        extent = None
        for text in self.session.scalars(
                select(AdminUnit.geometry).where(AdminUnit.level == "street")):
            try:
                found = extent_of(json.loads(text).get("coordinates"))
            except (ValueError, AttributeError):
                continue
            if found is not None:
                extent = found if extent is None else extent.grow(found)
        self.street_extent = extent

    def forget(self, *entities: str) -> None:
        for entity in entities:
            self._cache.pop(entity, None)

    def _load(self, entity: str) -> dict[Any, Any]:
        s = self.session
        if entity == "admin_unit":
            return {code: (uid, level) for uid, code, level in
                    s.execute(select(AdminUnit.id, AdminUnit.code, AdminUnit.level))}
        if entity == "person":
            return dict(s.execute(select(Person.code, Person.id)).all())
        if entity == "team":
            return dict(s.execute(select(Team.code, Team.id)).all())
        if entity == "station":
            return dict(s.execute(select(Station.code, Station.id)).all())
        if entity == "equipment_kind":
            return {code: (kid, tracking, zh) for kid, code, tracking, zh in s.execute(
                select(EquipmentKind.id, EquipmentKind.code, EquipmentKind.tracking,
                       EquipmentKind.name_zh))}
        if entity == "kit_standard":
            return {key: key for key in s.scalars(select(KitStandard.key))}
        if entity == "layer":
            return {key: (kind, sensitive) for key, kind, sensitive in s.execute(
                select(Layer.key, Layer.geometry_kind, Layer.sensitive))}
        if entity == "drill":
            return dict(s.execute(select(Drill.code, Drill.id)).all())
        if entity == "incident":
            return dict(s.execute(select(Incident.code, Incident.id)).all())
        if entity == "feature":
            return dict(s.execute(select(Feature.code, Feature.layer_key)).all())
        if entity == "duty_shift":
            return {(kind, start): sid for sid, kind, start in s.execute(
                select(DutyShift.id, DutyShift.kind, DutyShift.starts_at))}
        raise KeyError(entity)

    def lookup(self, entity: str) -> dict[Any, Any]:
        if entity not in self._cache:
            self._cache[entity] = self._load(entity)
        return self._cache[entity]

    def resolve(self, entity: str, code: str, zh: str, en: str, column: str | None = None) -> Any:
        """The row for ``code``, or Bad that says it is missing (or its own row was bad)."""
        found = self.lookup(entity).get(code)
        if found is not None:
            return found
        where = self.invalid.get(entity, {}).get(code)
        if where:
            raise Bad(f"{zh}“{code}”所在行（{where[0]} 第 {where[1]} 行）有错误，无法引用",
                      f"{en} {code!r} is in a row with errors ({where[0]} row {where[1]})",
                      column=column)
        raise Bad(f"{zh}“{code}”不存在（副本和本次导入中都没有）",
                  f"{en} {code!r} does not exist (neither in the replica nor in this import)",
                  column=column)

    def warn(self, problem: Bad) -> None:
        """A problem that does not stop the row (the pipeline reports it as a warning)."""
        self.warnings.append((self.row, problem))

    def mark_invalid(self, entity: str, code: str, where: tuple[str, int]) -> None:
        self.invalid.setdefault(entity, {}).setdefault(code, where)
