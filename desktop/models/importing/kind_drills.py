"""Drills (演练): exercises that incidents marked 演练 belong to, with their target minutes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import CODE, ExportTable, Kind, Row, present
from desktop.models.importing.parsers import json_object, moment, text
from desktop.models.importing.upsert import Counts, upsert
from desktop.models.schema import Drill


class Drills(Kind):
    name = "drills"
    entity = "drill"
    title_zh, title_en = "演练", "drills"
    fields = (
        Field("code", ("演练编码", "编码", "code", "drill_code"), CODE, True),
        Field("title", ("演练名称", "名称", "标题", "title"), text(200), True),
        Field("starts_at", ("开始时间", "starts_at"), moment, True),
        Field("ends_at", ("结束时间", "ends_at"), moment, True),
        Field("scenario", ("演练情景", "情景", "scenario"), text(4000)),
        Field("targets", ("目标时限", "targets"), json_object),
    )

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        record = present(row.values, row, "code", "title", "starts_at", "ends_at", "scenario",
                         "targets")
        if record["ends_at"] <= record["starts_at"]:
            raise Bad("结束时间不晚于开始时间", "the drill ends before it starts", column="ends_at")
        targets = record.get("targets")
        if targets is None and row.has("targets"):
            record["targets"] = {}
        elif targets is not None and not all(
                isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 10_000
                for v in targets.values()):
            raise Bad("目标时限应为分钟数（0-10000）", "targets must be minutes (0-10000)",
                      column="targets")
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        counts = upsert(context.session, Drill, lambda r: r["code"], records, ("code",),
                        defaults={"targets": {}})
        context.forget("drill")
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        rows = [[d.code, d.title, d.starts_at, d.ends_at, d.scenario, d.targets or {}]
                for d in session.scalars(select(Drill).order_by(Drill.code))]
        return ExportTable(self.name, [f.header for f in self.fields], rows)
