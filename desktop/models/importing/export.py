"""Export the importable kinds to CSV, XLSX or GeoJSON, in the format the importer reads.

Personal data is masked unless the caller asks for it in full (the CLI's
``--full-personal-data``, which it records). Times are written in the duty
room's local time with their offset, coordinates as CGCS2000 with a declared
datum (a ``坐标系`` column, a GeoJSON ``crs``), so an export imports back
unchanged, without flags. Every export is stamped with the replica it came from
and its change_log position (``stamp``), so re-importing it cannot undo newer
changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.csv_cells import neutralise
from desktop.models.file_modes import write_file
from desktop.models.importing import kinds as kind_registry
from desktop.models.importing import stamp as stamps
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import ExportTable
from desktop.models.importing.kind_features import LayerOptions

FORMATS = ("csv", "xlsx", "geojson")
XLSX_CELL_LIMIT = 32_767
CRS_CGCS2000 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}}


def export_table(session: Session, kind: str, *, masked: bool = True,
                 layer: str | None = None) -> ExportTable:
    registry = kind_registry.make(LayerOptions(key=layer))
    if kind not in registry.kinds:
        raise Bad(f"未知的数据类别“{kind}”", f"unknown kind {kind!r}")
    return registry.get(kind).export(session, masked)


def _local(value: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return value.astimezone(tz)


def _text(value: Any, tz: dt.tzinfo) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return _local(value, tz).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def to_csv(table: ExportTable, tz: dt.tzinfo) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        # Text only: a number or a date is written as it is, even when it starts with "-".
        writer.writerow([neutralise(value) if isinstance(value, str) else _text(value, tz)
                         for value in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


def to_xlsx(table: ExportTable, tz: dt.tzinfo, stamp: stamps.Stamp | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.kind)
    sheet.append(table.headers)
    for number, row in enumerate(table.rows, start=2):
        cells = []
        for value in row:
            if isinstance(value, dt.datetime):  # typed, so Excel sorts and filters it
                cell = WriteOnlyCell(sheet, _local(value, tz).replace(tzinfo=None))
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, bool | int | float):
                cell = WriteOnlyCell(sheet, _text(value, tz) if isinstance(value, bool) else value)
            else:
                text = _text(value, tz)
                if isinstance(text, str) and len(text) > XLSX_CELL_LIMIT:
                    raise Bad(f"第 {number} 行有超过 {XLSX_CELL_LIMIT} 字的值（多为几何）："
                              "请导出为 GeoJSON",
                              f"row {number} holds a value over {XLSX_CELL_LIMIT} characters "
                              "(usually a geometry): export as GeoJSON")
                cell = WriteOnlyCell(sheet, text if text != "" else None)
                if isinstance(text, str) and text:
                    cell.data_type = "s"  # codes and IDs stay text, never numbers
            cells.append(cell)
        sheet.append(cells)
    stamps.add_sheet(book, stamp)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _json_value(value: Any, tz: dt.tzinfo) -> Any:
    if isinstance(value, dt.datetime):
        return _local(value, tz).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_value(v, tz) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v, tz) for v in value]
    return value


def to_geojson(table: ExportTable, tz: dt.tzinfo, masked: bool,
               stamp: stamps.Stamp | None = None) -> bytes:
    skip = set(table.point or ()) | ({table.geometry_column} if table.geometry_column is not None
                                     else set())
    features = []
    for index, row in enumerate(table.rows):
        geometry = None
        if table.geometry_column is not None:
            geometry = row[table.geometry_column]
        elif table.point and row[table.point[0]] is not None:
            geometry = {"type": "Point",
                        "coordinates": [row[table.point[0]], row[table.point[1]]]}
        feature: dict[str, Any] = {"type": "Feature"}
        if table.ids is not None:
            feature["id"] = table.ids[index]
            feature["properties"] = _json_value(row[5], tz)  # features: own properties as they are
        else:
            feature["properties"] = {header: _json_value(value, tz) for column, (header, value)
                                     in enumerate(zip(table.headers, row, strict=True))
                                     if column not in skip and value is not None}
        feature["geometry"] = geometry
        if table.members is not None:
            feature["dutyroom"] = _json_value(table.members[index], tz)
        features.append(feature)
    document = {
        "type": "FeatureCollection",
        "crs": CRS_CGCS2000,
        "dutyroom": _json_value({"kind": table.kind, "masked": masked, **table.file_member,
                                 **stamps.member(stamp)}, tz),
        "features": features,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def export_bytes(session: Session, kind: str, fmt: str, *, masked: bool = True,
                 layer: str | None = None) -> tuple[bytes, int]:
    """The export file's bytes and its row count."""
    if fmt not in FORMATS:
        raise Bad(f"未知的导出格式“{fmt}”", f"unknown export format {fmt!r}")
    tz = Context.load(session).tz
    stamp = stamps.current(session, kind, tz)  # before the rows (see stamp.py)
    table = export_table(session, kind, masked=masked, layer=layer)
    if fmt == "csv":
        data = stamps.stamp_csv(to_csv(table, tz), stamp)
    elif fmt == "xlsx":
        data = to_xlsx(table, tz, stamp)
    else:
        data = to_geojson(table, tz, masked, stamp)
    return data, len(table.rows)


def write_export(session: Session, kind: str, fmt: str, path: Path, *, masked: bool = True,
                 layer: str | None = None) -> int:
    data, count = export_bytes(session, kind, fmt, masked=masked, layer=layer)
    write_file(path, data)
    return count
