"""What every import kind provides: its fields, its natural key, checks, writing, export.

A kind sees rows already parsed field by field (``Row.values``), with
coordinates already converted to CGCS2000; it adds the checks that need the
replica (references) or several fields at once, writes its records with
``upsert``, and lays its rows out for export with the same headers it reads.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.parsers import code, number, text
from desktop.models.importing.upsert import Counts

LON = Field("lon", ("经度", "lon", "lng", "longitude", "x坐标", "东经"), number(-180, 180))
LAT = Field("lat", ("纬度", "lat", "latitude", "y坐标", "北纬"), number(-90, 90))
DATUM = Field("datum", ("坐标系", "datum", "crs", "坐标系统"), text(40))


def _raw(value: Any, _tz: dt.tzinfo) -> Any:
    return value


GEOMETRY = Field("geometry", ("几何", "geometry", "wkt", "geojson", "shape", "范围"), _raw)


@dataclass
class Row:
    number: int
    values: dict[str, Any]  # field key → parsed value (None when the cell is blank)
    geometry: dict[str, Any] | None = None  # parsed, converted GeoJSON geometry
    extra: dict[str, Any] = field(default_factory=dict)  # cells of columns no field claims
    member: dict[str, Any] | None = None  # our exports' per-feature "dutyroom" member

    def has(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class ExportTable:
    """Rows laid out with the kind's own headers; geometry and members for GeoJSON."""

    kind: str
    headers: list[str]
    rows: list[list[Any]]
    point: tuple[int, int] | None = None  # columns of lon/lat: a Point in GeoJSON
    geometry_column: int | None = None  # column holding a geometry dict
    ids: list[str] | None = None  # GeoJSON Feature ids
    members: list[dict[str, Any]] | None = None  # per-feature "dutyroom" members
    file_member: dict[str, Any] = field(default_factory=dict)


class Kind(ABC):
    name: str
    entity: str  # replica table whose codes other kinds refer to
    title_zh: str
    title_en: str
    fields: tuple[Field, ...]
    key_fields: tuple[str, ...] = ("code",)
    geometry_types: frozenset[str] = frozenset()  # a geometry per row (GeoJSON or 几何 column)
    geometry_required: bool = False
    has_point: bool = False  # lon/lat fields
    point_required: bool = False
    point_in_street: bool = False  # a point outside the street's extent is an error

    def field_map(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def natural_key(self, row: Row) -> Hashable:
        return tuple(row.get(name) for name in self.key_fields)

    def key_text(self, row: Row) -> str:
        return " / ".join(str(row.get(name)) for name in self.key_fields)

    def prepare(self, rows: list[Row], context: Context) -> None:  # noqa: B027
        """Before checking: set up what the kind needs (e.g. the equipment catalogue)."""

    @abstractmethod
    def check(self, row: Row, context: Context) -> dict[str, Any]:
        """The record to write, or Bad (its column a field key)."""

    @abstractmethod
    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        """Write valid records (one transaction, the caller's)."""

    @abstractmethod
    def export(self, session: Session, masked: bool) -> ExportTable:
        """Every row of this kind, personal data masked unless ``masked`` is False."""


CODE = code(40)


def need(row: Row, key: str, zh: str, en: str) -> Any:
    value = row.get(key)
    if value is None:
        raise Bad(f"缺少{zh}", f"{en} is missing", column=key)
    return value


def present(values: dict[str, Any], row: Row, *keys: str) -> dict[str, Any]:
    """Only the fields the file carries: absent columns leave the replica's values alone."""
    return {key: values[key] for key in keys if row.has(key)}
