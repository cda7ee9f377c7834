"""Equipment ledgers: one row per unit for inspected items, batch rows for consumables.

The kind may be written as its code (extinguisher) or its Chinese name
(灭火器). A unit-tracked kind with a quantity above 1 is refused: such items
are inspected one by one, each with its own code and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import clock
from desktop.models.importing import enums
from desktop.models.importing.catalogue import ensure_catalogue
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import CODE, ExportTable, Kind, Row, need, present
from desktop.models.importing.parsers import choice, date, integer, moment, text
from desktop.models.importing.upsert import Counts, upsert
from desktop.models.schema import EquipmentItem, EquipmentKind, Station

_COLUMNS = ("code", "quantity", "made_on", "expires_on", "last_serviced_on",
            "last_inspected_at", "status", "dispatched_at")


class Equipment(Kind):
    name = "equipment"
    entity = "equipment_item"
    title_zh, title_en = "装备物资", "equipment"
    fields = (
        Field("code", ("装备编码", "物资编码", "编码", "编号", "code", "item_code"), CODE, True),
        Field("station_code", ("站点编码", "所属站点", "station_code", "station"), CODE, True),
        Field("kind", ("装备类型", "物资类型", "装备名称", "物资名称", "kind", "type"),
              text(60), True),
        Field("quantity", ("数量", "quantity", "qty"), integer(0, 1_000_000)),
        Field("made_on", ("生产日期", "出厂日期", "made_on"), date),
        Field("expires_on", ("有效期至", "有效期", "失效日期", "到期日期", "expires_on"), date),
        Field("last_serviced_on", ("上次维保日期", "维保日期", "last_serviced_on"), date),
        Field("last_inspected_at", ("上次检查时间", "检查时间", "last_inspected_at"), moment),
        Field("status", ("状态", "status"), choice(enums.EQUIPMENT_STATUS, "状态", "status",
                                                     enums.EQUIPMENT_STATUS_LABEL)),
        Field("dispatched_at", ("调出时间", "dispatched_at"), moment),
    )

    def prepare(self, rows: list[Row], context: Context) -> None:
        if ensure_catalogue(context.session):
            context.forget("equipment_kind", "kit_standard")

    def _kind(self, word: str, context: Context) -> tuple[int, str]:
        kinds = context.lookup("equipment_kind")
        if word in kinds:
            return kinds[word][0], kinds[word][1]
        folded = enums.fold(word)
        for kind_code, (kind_id, tracking, zh) in kinds.items():
            if enums.fold(zh) == folded or enums.fold(kind_code) == folded:
                return kind_id, tracking
        raise Bad(f"未知的装备类型“{word}”（装备目录中没有）",
                  f"unknown equipment kind {word!r} (not in the catalogue)", column="kind")

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        record = present(row.values, row, *_COLUMNS)
        station = need(row, "station_code", "站点编码", "station code")
        record["station_id"] = context.resolve("station", station, "站点", "station",
                                               "station_code")
        record["kind_id"], tracking = self._kind(need(row, "kind", "装备类型", "kind"), context)
        quantity = row.get("quantity")
        if quantity is None and row.has("quantity"):
            record["quantity"] = quantity = 1
        if tracking == "unit" and quantity is not None and quantity != 1:
            raise Bad("逐件检查的装备每件一行（各有编码），数量应为 1",
                      "items inspected one by one take one row each (own code): quantity must be 1",
                      column="quantity")
        if "status" in record and record["status"] is None:
            record["status"] = "in_service"
        made, expires = row.get("made_on"), row.get("expires_on")
        if made is not None and expires is not None and expires < made:
            raise Bad("有效期早于生产日期", "expires before it was made", column="expires_on")
        tomorrow = clock.now().astimezone(context.tz).date() + dt.timedelta(days=1)
        if made is not None and made > tomorrow:
            raise Bad("生产日期在将来", "made in the future", column="made_on")
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        counts = upsert(context.session, EquipmentItem, lambda r: r["code"], records,
                        ("code",), defaults={"quantity": 1, "status": "in_service"})
        context.forget("equipment_item")
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        stations = dict(session.execute(select(Station.id, Station.code)).all())
        kinds = dict(session.execute(select(EquipmentKind.id, EquipmentKind.name_zh)).all())
        rows = [[i.code, stations[i.station_id], kinds[i.kind_id], i.quantity, i.made_on,
                 i.expires_on, i.last_serviced_on, i.last_inspected_at,
                 enums.EQUIPMENT_STATUS_LABEL.get(i.status, i.status), i.dispatched_at]
                for i in session.scalars(select(EquipmentItem).order_by(EquipmentItem.code))]
        return ExportTable(self.name, [f.header for f in self.fields], rows)
