"""From one file to parsed rows of one kind: columns mapped, cells parsed, coordinates converted.

Everything here needs only the file (and the operator's options); checks that
need the replica come later, kind by kind. The datum is declared, never
guessed: ``--datum``, a GeoJSON ``crs`` member, a 坐标系 column, or the
platform-export default (CGCS2000). Declarations that disagree are errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.models.datum import parse_datum
from desktop.models.importing import spatial
from desktop.models.importing import stamp as stamps
from desktop.models.importing.columns import Field
from desktop.models.importing.issues import Bad, Issues
from desktop.models.importing.kind_base import Kind, Row
from desktop.models.importing.parsers import blank
from desktop.models.importing.raw_rows import (
    RawRow,
    geo_headers,
    geo_rows,
    kind_name,
    member_kind,
    sheet_headers,
    sheet_rows,
)
from desktop.models.importing.sources import Source, read_csv, read_geojson, read_xlsx


@dataclass
class ReadFile:
    source: Source
    kind: Kind | None
    issues: Issues
    rows: list[Row] = field(default_factory=list)
    invalid: set[int] = field(default_factory=set)  # row numbers with errors
    written: dict[str, str] = field(default_factory=dict)  # field key → header in the file
    datum: str | None = None
    encoding: str | None = None
    member: dict[str, Any] = field(default_factory=dict)
    total: int = 0
    stamp: stamps.Stamp | None = None  # where our own export came from

    def header(self, key: str | None) -> str | None:
        if key is None:
            return None
        if self.kind is not None:
            known = self.kind.field_map().get(key)
            if known is not None:
                return self.written.get(key, known.header)
        return key

    def fail(self, row: int, problem: Bad) -> None:
        self.issues.bad(row, None, Bad(problem.zh, problem.en, self.header(problem.column),
                                       problem.row))
        self.invalid.add(row)


@dataclass(frozen=True)
class ReadOptions:
    kind: str | None
    datum: str | None
    platform_export: bool
    tz: dt.tzinfo
    repair: bool = False  # make self-touching polygons valid (reported as warnings)


def read_file(source: Source, options: ReadOptions, kinds: dict[str, Kind],
              make_kind: Callable[[str], Kind]) -> ReadFile:
    issues = Issues(source.name)
    result = ReadFile(source, None, issues)
    try:
        fmt = source.format
        if fmt == "geojson":
            geo = read_geojson(source.data)
            result.member = geo.member
            result.stamp = stamps.from_member(geo.member)
            if geo.member.get("masked") is True:
                raise Bad("这是脱敏导出的文件：个人信息已脱敏或略去，导入会覆盖真实数据。"
                          "请用 --full-personal-data 导出后再导入",
                          "this is a masked export: personal data is masked or withheld and "
                          "would overwrite the real data; export with --full-personal-data "
                          "to re-import")
            chosen = kind_name(options.kind or member_kind(geo), geo_headers(geo), kinds)
            result.kind = make_kind(chosen)
            raw: list[RawRow] | None = geo_rows(geo, result)
        else:
            sheet = read_csv(source.data) if fmt == "csv" else read_xlsx(source.data)
            result.encoding = sheet.encoding
            result.stamp = (stamps.from_rows(sheet.rows) if fmt == "csv"
                            else stamps.from_xlsx(source.data))
            chosen = kind_name(options.kind, sheet_headers(sheet), kinds)
            result.kind = make_kind(chosen)
            raw = sheet_rows(sheet, result)
    except Bad as problem:
        issues.bad(problem.row, problem.column, problem)
        return result
    if raw is None:
        return result
    result.total = len(raw)
    if not raw:
        issues.error(None, None, "文件中没有数据行", "the file has no data rows")
        return result
    _parse(raw, result, options)
    return result


# ---------------------------------------------------------------- cells and coordinates


def _parse(raw: list[RawRow], result: ReadFile, options: ReadOptions) -> None:
    assert result.kind is not None
    kind = result.kind
    parsed: list[tuple[Row, list[list[float]]]] = []
    for number, cells, geometry_value, extra, member in raw:
        row = Row(number, _cells(number, cells, result, options), None, extra, member)
        own: list[list[float]] = []
        try:
            _geometry(row, geometry_value, kind, own)
        except Bad as problem:
            result.fail(number, problem)
        parsed.append((row, own))
    datum = _file_datum(result, options)
    if datum is None:  # declared row by row: the file's datum is what most rows declare
        declared = [found for row, _own in parsed if row.values.get("datum") is not None
                    and (found := parse_datum(str(row.values["datum"]))) is not None]
        if declared:
            datum = max(dict.fromkeys(declared), key=declared.count)
    if datum is None and any(own for _row, own in parsed):
        result.issues.error(None, "坐标系", "未声明坐标系：不猜测。请用 --datum 指明"
                            "（wgs84、cgcs2000、gcj02、bd09），或写明坐标系列/GeoJSON crs；"
                            "省平台导出的文件加 --platform-export（默认 CGCS2000）",
                            "the datum is not declared and will not be guessed: pass --datum "
                            "(wgs84, cgcs2000, gcj02, bd09), or give a 坐标系 column / GeoJSON "
                            "crs; for a provincial platform export pass --platform-export "
                            "(CGCS2000)")
        return
    result.datum = datum
    positions: list[list[float]] = []
    for row, own in parsed:
        try:
            _row_datum(row.values.get("datum"), datum)
        except Bad as problem:
            result.fail(row.number, problem)
        if row.number not in result.invalid:
            positions.extend(own)
    if datum is not None:
        spatial.convert(datum, positions)
    for row, own in parsed:
        result.rows.append(row)
        if row.number in result.invalid or not own:
            continue
        try:
            spatial.check_range(own, "geometry" if row.geometry else "lon")
            if row.geometry is not None:
                _valid_or_repaired(row, result, options.repair)
            if row.geometry is not None and row.geometry["type"] == "Point" \
                    and kind.has_point and not kind.geometry_types:
                row.geometry = None
            if row.geometry is None:
                row.values["lon"], row.values["lat"] = own[0][0], own[0][1]
        except Bad as problem:
            result.fail(row.number, problem)


def _cells(number: int, cells: dict[str, Any], result: ReadFile,
           options: ReadOptions) -> dict[str, Any]:
    assert result.kind is not None
    fields = result.kind.field_map()
    values: dict[str, Any] = {}
    for key, cell in cells.items():
        f: Field | None = fields.get(key)
        if f is None:
            continue
        if blank(cell):
            values[key] = None
            if f.required and key != "geometry":
                result.fail(number, Bad(f"必填项“{result.header(key)}”为空",
                                        f"required value {result.header(key)!r} is empty",
                                        column=key))
            continue
        try:
            values[key] = f.parse(cell, options.tz)
        except Bad as problem:
            result.fail(number, Bad(problem.zh, problem.en, column=key))
    if result.source.format == "geojson":
        for f in result.kind.fields:
            if f.required and f.key not in cells:
                result.fail(number, Bad(f"缺少必填项“{f.header}”",
                                        f"required {f.header!r} missing", column=f.key))
    return values


def _valid_or_repaired(row: Row, result: ReadFile, repair: bool) -> None:
    assert row.geometry is not None
    try:
        spatial.check_valid(row.geometry)
    except Bad as problem:
        fixed = spatial.repair(row.geometry) if repair else None
        if fixed is None:
            raise
        row.geometry = fixed
        result.issues.warning(row.number, result.header("geometry"),
                              f"{problem.zh}；已修复（面积不变）",
                              f"{problem.en}; repaired (area unchanged)")


def _file_datum(result: ReadFile, options: ReadOptions) -> str | None:
    declared = options.datum
    crs = result.member.get("_crs")
    if crs is not None:
        from_crs = parse_datum(str(crs))
        if from_crs is None:
            result.issues.error(None, "crs",
                                f"不支持的坐标系 crs“{crs}”（只接受经纬度："
                                "WGS84、CGCS2000、GCJ-02、BD-09）",
                                f"unsupported crs {crs!r} (only lon/lat: WGS84, CGCS2000, "
                                "GCJ-02, BD-09)")
            return declared
        if declared is not None and declared != from_crs:
            result.issues.error(None, "crs", f"文件的 crs 是 {from_crs}，而 --datum 是 {declared}",
                                f"the file's crs says {from_crs} but --datum says {declared}")
        return declared or from_crs
    if declared is None and (options.platform_export or result.member.get("platform_export")):
        return "cgcs2000"
    return declared


def _row_datum(value: Any, file_datum: str | None) -> str | None:
    if value is None:
        return None
    found = parse_datum(str(value))
    if found is None:
        raise Bad(f"未知的坐标系“{str(value)[:30]}”", f"unknown datum {str(value)[:30]!r}",
                  column="datum")
    if file_datum is not None and found != file_datum:
        raise Bad(f"本行坐标系 {found} 与文件的 {file_datum} 不同：一个文件只能用一种坐标系",
                  f"this row's datum {found} differs from the file's {file_datum}: one file, "
                  "one datum", column="datum")
    return found


def _geometry(row: Row, value: Any, kind: Kind, out: list[list[float]]) -> None:
    """Parse the row's geometry (or lon/lat) into ``row``; positions go to ``out``."""
    lon, lat = row.values.get("lon"), row.values.get("lat")
    if kind.geometry_types and value is not None and not blank(value):
        row.geometry, positions = spatial.parse_geometry(value, kind.geometry_types)
        out.extend(positions)
        return
    if kind.has_point and value is not None and not blank(value):
        row.geometry, positions = spatial.parse_geometry(value, frozenset({"Point"}))
        out.extend(positions)
        return
    if (lon is None) != (lat is None):
        raise Bad("经度和纬度要么都填，要么都不填", "give both longitude and latitude, or neither",
                  column="lon" if lon is None else "lat")
    if lon is not None and lat is not None:
        if kind.geometry_types:
            row.geometry = {"type": "Point", "coordinates": [lon, lat]}
            out.append(row.geometry["coordinates"])
        else:
            out.append([lon, lat])
        return
    if kind.geometry_required:
        raise Bad("缺少几何", "the geometry is missing", column="geometry")
    if kind.point_required:
        raise Bad("缺少经纬度", "longitude and latitude are missing", column="lon")
