"""File contents to raw rows of one kind: which kind, where the header is, which cell is which.

Tabular files: the header row is found among the top rows, columns are
mapped to fields, missing required columns are reported at the header row.
GeoJSON: properties are mapped by the same aliases; the Feature ``id`` can
give the code, a feature-level ``crs`` its datum. Nothing is parsed yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.models.csv_cells import restore
from desktop.models.importing.columns import alias_table, find_header, fold_header, map_headers
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import Kind
from desktop.models.importing.parsers import blank
from desktop.models.importing.sources import GeoFile, Sheet

if TYPE_CHECKING:
    from desktop.models.importing.reading import ReadFile

# ---------------------------------------------------------------- kind


def member_kind(geo: GeoFile) -> str | None:
    kind = geo.member.get("kind")
    return kind if isinstance(kind, str) else None


def geo_headers(geo: GeoFile) -> list[str]:
    keys: dict[str, None] = {}
    for row in geo.rows[:50]:
        if isinstance(row.properties, dict):
            keys.update(dict.fromkeys(row.properties))
    return list(keys)


def sheet_headers(sheet: Sheet) -> list[Any]:
    return [cell for _n, cells in sheet.rows[:10] for cell in cells]


def kind_name(given: str | None, headers: Sequence[Any], kinds: dict[str, Kind]) -> str:
    if given is not None:
        if given not in kinds:
            raise Bad(f"未知的数据类别“{given}”", f"unknown kind {given!r}")
        return given
    scores = []
    for name, kind in kinds.items():
        mapped = map_headers(headers, kind.fields).index
        required = [f.key for f in kind.fields if f.required]
        if name != "features" and all(key in mapped for key in required):
            scores.append((len(mapped) / len(kind.fields), name))
    scores.sort(reverse=True)
    if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        names = "、".join(kinds)
        raise Bad(f"无法从列名判断数据类别：请用 --kind 指定（{names}）",
                  f"cannot tell the kind from the columns: pass --kind ({', '.join(kinds)})")
    return scores[0][1]


# ---------------------------------------------------------------- rows


# number, cells, geometry, extra cells, our member
RawRow = tuple[int, dict[str, Any], Any, dict[str, Any], Any]


def sheet_rows(sheet: Sheet, result: ReadFile) -> list[RawRow] | None:
    assert result.kind is not None
    kind = result.kind
    position = find_header(sheet.rows, kind.fields)
    if position is None:
        raise Bad("找不到表头行（前 10 行中没有可识别的列名）",
                  "no header row found (no known column names in the first 10 rows)")
    header_row, headers = sheet.rows[position]
    columns = map_headers(headers, kind.fields)
    result.written = dict(columns.written)
    for text, key in columns.duplicates:
        result.issues.error(header_row, text, f"与“{columns.written[key]}”是同一项，列重复",
                            f"duplicates column {columns.written[key]!r}")
    geometry_columns = {"geometry"} | ({"lon", "lat"} if kind.has_point or kind.geometry_types
                                       else set())
    for f in kind.fields:
        if f.required and f.key not in columns.index and f.key not in geometry_columns:
            result.issues.error(header_row, f.header, f"缺少必需的列“{f.header}”",
                                f"required column {f.header!r} is missing")
    if kind.geometry_required and "geometry" not in columns.index and not (
            "lon" in columns.index and "lat" in columns.index and kind.name == "features"):
        result.issues.error(header_row, "几何", "缺少几何列（几何 或 经度/纬度）",
                            "no geometry column (几何, or 经度/纬度)")
    if kind.point_required and not ("lon" in columns.index and "lat" in columns.index):
        result.issues.error(header_row, "经度/纬度", "缺少经度、纬度列",
                            "longitude/latitude columns are missing")
    if columns.unknown and kind.name != "features":
        names = "、".join(columns.unknown.values())
        result.issues.warning(header_row, None, f"以下列不认识，已忽略：{names}",
                              f"unknown columns ignored: {names}")
    if result.issues.has_errors:
        return None
    rows: list[RawRow] = []
    ours = our_csv_export(result, headers)
    for number, cells in sheet.rows[position + 1:]:
        if all(blank(cell) for cell in cells):
            continue
        if ours:
            cells = [restore(cell) for cell in cells]
        values = {key: cells[index] if index < len(cells) else None
                  for key, index in columns.index.items()}
        extra = {name: cells[index] for index, name in columns.unknown.items()
                 if index < len(cells) and not blank(cells[index])}
        damaged = sheet.damaged.get(number)
        if damaged is not None:
            name = headers[damaged] if damaged < len(headers) else f"#{damaged + 1}"
            result.issues.error(number, str(name), f"此格的字节不是 {sheet.encoding} 文字"
                                "（文件混用了不同编码？）", f"this cell's bytes are not "
                                f"{sheet.encoding} text (mixed encodings in one file?)")
            result.invalid.add(number)
        rows.append((number, values, values.pop("geometry", None), extra, None))
    return rows


def our_csv_export(result: ReadFile, headers: Sequence[Any]) -> bool:
    """A CSV whose header row is exactly its kind's own headers, in order, is one of our
    exports (or one edited from it): its text cells were guarded against formulas."""
    assert result.kind is not None
    return result.source.format == "csv" and [str(h) for h in headers] == [
        f.header for f in result.kind.fields]


def geo_rows(geo: GeoFile, result: ReadFile) -> list[RawRow]:
    assert result.kind is not None
    kind = result.kind
    aliases = alias_table(kind.fields)
    rows: list[RawRow] = []
    result.written.update({"geometry": "geometry", "lon": "geometry", "lat": "geometry"})
    for g in geo.rows:
        if g.not_feature:
            result.fail(g.number, Bad("不是 GeoJSON Feature 对象", "not a GeoJSON Feature object"))
            continue
        if g.properties is None:
            g.properties = {}
        if not isinstance(g.properties, dict):
            result.fail(g.number, Bad("properties 应为对象", "properties must be an object",
                                      column="properties"))
            continue
        values: dict[str, Any] = {}
        member = g.member if isinstance(g.member, dict) else None
        if kind.name == "features" and member is not None:
            values = {k: v for k, v in member.items() if k in kind.field_map()}
            extra = dict(g.properties)
        else:
            for key, value in g.properties.items():
                found = aliases.get(fold_header(key))
                if found is not None and found.key not in values:
                    values[found.key] = value
                    result.written.setdefault(found.key, key)
            extra = dict(g.properties) if kind.name == "features" else {}
        if "code" not in values and g.feature_id is not None:
            values["code"] = g.feature_id
        if g.crs is not None:
            values["datum"] = _crs_name(g.crs)
            result.written["datum"] = "crs"
        geometry = g.geometry if g.has_geometry else None
        rows.append((g.number, values, geometry, extra, member))
    if geo.crs is not None:
        result.member.setdefault("_crs", _crs_name(geo.crs))
    return rows


def _crs_name(crs: Any) -> str:
    if isinstance(crs, dict):
        properties = crs.get("properties")
        if isinstance(properties, dict) and isinstance(properties.get("name"), str):
            return str(properties["name"])
    return str(crs)
