"""Grids, communities and streets (admin_unit): closed polygons with GB/T 2260-based codes.

A code is the 6-digit administrative code + street (3) + community (3) +
sequence, so its length says its level (9 street, 12 community, 13-19 grid)
and its prefix names its parent; a file may state both, and they must agree.
Parents may come later in the same file: units are written streets first.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.models.importing import enums
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import CODE, GEOMETRY, ExportTable, Kind, Row, need, present
from desktop.models.importing.parsers import choice, integer, text
from desktop.models.importing.spatial import dumps
from desktop.models.importing.upsert import Counts, upsert
from desktop.models.schema import AdminUnit, ReplicaMeta

LEVELS = ("street", "community", "grid")
_PARENT_LENGTH = {"community": 9, "grid": 12}


def level_of(code: str) -> str | None:
    if not re.fullmatch(r"\d+", code):
        return None
    if len(code) == 9:
        return "street"
    if len(code) == 12:
        return "community"
    return "grid" if 13 <= len(code) <= 19 else None


class Grids(Kind):
    name = "grids"
    entity = "admin_unit"
    title_zh, title_en = "网格/社区/街道", "grids, communities and streets"
    fields = (
        Field("code", ("编码", "网格编码", "区划代码", "代码", "code", "grid_code"), CODE, True),
        Field("name", ("名称", "网格名称", "社区名称", "name"), text(100), True),
        Field("level", ("层级", "级别", "level"),
              choice(enums.LEVEL, "层级", "level", enums.LEVEL_LABEL)),
        Field("parent_code", ("上级编码", "所属社区编码", "上级代码", "parent_code", "parent"),
              CODE),
        Field("households", ("户数", "住户数", "households"), integer(0, 100_000)),
        GEOMETRY,
    )
    geometry_types = frozenset({"Polygon", "MultiPolygon"})
    geometry_required = True

    def __init__(self) -> None:
        self._in_file: set[str] = set()

    def prepare(self, rows: list[Row], context: Context) -> None:
        self._in_file = {str(row.get("code")) for row in rows if row.get("code")}

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        code = need(row, "code", "编码", "code")
        level = level_of(code)
        if level is None:
            raise Bad("编码应为 9 位（街道）、12 位（社区）或 13-19 位（网格）数字",
                      "a code has 9 (street), 12 (community) or 13-19 (grid) digits",
                      column="code")
        stated = row.get("level")
        if stated is not None and stated != level:
            raise Bad(f"层级“{enums.LEVEL_LABEL[stated]}”与编码位数"
                      f"（{enums.LEVEL_LABEL[level]}）不符",
                      f"level {stated} does not match the code's length ({level})", column="level")
        parent = row.get("parent_code")
        if level != "street":
            derived = code[:_PARENT_LENGTH[level]]
            if parent is not None and parent != derived:
                raise Bad(f"上级编码“{parent}”不是本编码的前缀", f"parent code {parent!r} is not "
                          "this code's prefix", column="parent_code")
            parent = derived
            if parent not in self._in_file and parent not in context.lookup("admin_unit"):
                context.resolve("admin_unit", parent, "上级单元", "parent unit", "parent_code")
        elif parent is not None:
            raise Bad("街道没有上级单元", "a street has no parent unit", column="parent_code")
        assert row.geometry is not None
        record = {"code": code, "name": row.get("name"), "level": level, "parent": parent,
                  "geometry": dumps(row.geometry)}
        record.update(present({"households": row.get("households")}, row, "households"))
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        counts = Counts()
        for level in LEVELS:
            units = context.lookup("admin_unit")
            rows = []
            for record in records:
                if record["level"] != level:
                    continue
                row = {k: v for k, v in record.items() if k != "parent"}
                row["parent_id"] = units[record["parent"]][0] if record["parent"] else None
                rows.append(row)
            counts.add(upsert(context.session, AdminUnit, lambda r: r["code"], rows, ("code",)))
            context.forget("admin_unit")
        context.refresh_extent()
        _home_street(context.session, [r for r in records if r["level"] == "street"])
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        units = list(session.scalars(select(AdminUnit)))
        code_of = {u.id: u.code for u in units}
        order = {level: rank for rank, level in enumerate(LEVELS)}
        units.sort(key=lambda u: (order.get(u.level, 9), u.code))
        rows = [[u.code, u.name, enums.LEVEL_LABEL.get(u.level, u.level),
                 code_of.get(u.parent_id) if u.parent_id else None, u.households,
                 json.loads(u.geometry)] for u in units]
        return ExportTable(self.name, [f.header for f in self.fields], rows, geometry_column=5)


def _home_street(session: Session, streets: list[dict[str, Any]]) -> None:
    """A replica filled by import learns its home street from the first street imported."""
    if len(streets) != 1:
        return
    known = set(session.scalars(select(ReplicaMeta.key)))
    if "home_street_code" in known:
        return
    street = streets[0]
    session.execute(insert(ReplicaMeta), [
        {"key": "home_street_code", "value": street["code"]},
        {"key": "home_street_name", "value": street["name"]},
    ])
