"""Reading import files into plain rows: CSV, XLSX and GeoJSON, nothing interpreted yet.

A file that cannot be read at all raises ``Bad`` with the line and column of
the damage when there is one (broken JSON, a NUL byte); damaged bytes inside
one CSV line only mark that row.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.models.importing.encoding import decode
from desktop.models.importing.issues import Bad

FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
           ".geojson": "geojson", ".json": "geojson"}
MAX_FIELD = 16 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))


@dataclass(frozen=True)
class Source:
    """One file to import: its name as reported, and its bytes."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(path.name, path.read_bytes())

    @property
    def format(self) -> str:
        suffix = Path(self.name).suffix.lower()
        if suffix == ".xls":
            raise Bad("旧版 Excel (.xls) 文件无法读取：请在 Excel/WPS 中另存为 .xlsx",
                      "old Excel (.xls) files cannot be read: save it as .xlsx")
        if suffix not in FORMATS:
            raise Bad(f"不支持的文件类型“{suffix}”：请用 CSV、XLSX 或 GeoJSON",
                      f"unsupported file type {suffix!r}: use CSV, XLSX or GeoJSON")
        return FORMATS[suffix]


@dataclass
class Sheet:
    """Rows of a CSV or XLSX file as numbered lists of cells (row 1 = first line)."""

    rows: list[tuple[int, list[Any]]]
    encoding: str | None = None
    # row number → index of the cell whose bytes were not text in the file's encoding
    damaged: dict[int, int] = field(default_factory=dict)


@dataclass
class GeoRow:
    number: int  # 1-based position in the features array
    properties: Any
    geometry: Any
    has_geometry: bool
    feature_id: Any = None
    member: Any = None  # our own "dutyroom" member (exports)
    crs: Any = None  # a feature-level crs (old GeoJSON): must agree with the file's
    not_feature: bool = False


@dataclass
class GeoFile:
    rows: list[GeoRow]
    crs: Any = None
    member: dict[str, Any] = field(default_factory=dict)


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes) -> Sheet:
    decoded = decode(data)
    text = decoded.text
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    damaged: dict[int, int] = {}
    lines_before = 0
    record = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise Bad(f"第 {reader.line_num} 行无法按 CSV 读取（{error}）",
                      f"line {reader.line_num} cannot be read as CSV ({error})") from error
        record += 1
        for line in range(lines_before, reader.line_num):
            if line in decoded.bad_lines:
                damaged[record] = _cell_at(data, line, decoded.bad_lines[line], delimiter)
                break
        lines_before = reader.line_num
        rows.append((record, cells))
    return Sheet(rows, decoded.encoding, damaged)


def _cell_at(data: bytes, line: int, offset: int, delimiter: str) -> int:
    """Index of the cell holding byte ``offset`` of physical line ``line``."""
    raw = data.split(b"\n")[line]
    if line == 0 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    prefix = raw[:offset].decode("utf-8", errors="replace")
    try:
        return max(0, len(next(csv.reader([prefix], delimiter=delimiter))) - 1)
    except (csv.Error, StopIteration):
        return 0


def _reason(error: BaseException) -> str:
    return (str(error) or type(error).__name__)[:200]


def read_xlsx(data: bytes) -> Sheet:
    """The active sheet's rows. A damaged workbook (not a zip, a member cut short, a bad
    deflate stream, XML cut in half, wrong content types) raises Bad naming the row where
    reading stopped when it got that far: openpyxl's zip, zlib and XML layers raise
    whatever they meet, and a file from outside must never end in a traceback."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # (see the docstring)
        raise Bad(f"不是可读取的 XLSX 工作簿（{_reason(error)}）",
                  f"not a readable XLSX workbook ({_reason(error)})") from error
    rows: list[tuple[int, list[Any]]] = []
    try:
        sheet = book.active or book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, list(values)))
    except Exception as error:  # (see the docstring)
        row = len(rows) + 1
        raise Bad(f"XLSX 文件已损坏：从第 {row} 行起无法读取（{_reason(error)}）",
                  f"the XLSX file is damaged: it cannot be read from row {row} on "
                  f"({_reason(error)})", row=row) from error
    finally:
        book.close()
    return Sheet(rows)


def _json_error(error: json.JSONDecodeError) -> Bad:
    return Bad(f"JSON 格式错误：第 {error.lineno} 行第 {error.colno} 列（{error.msg}）",
               f"broken JSON at line {error.lineno}, column {error.colno} ({error.msg})",
               column=str(error.colno), row=error.lineno)


def read_geojson(data: bytes) -> GeoFile:
    """The features; broken JSON raises Bad naming its line (row) and character column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise Bad(f"GeoJSON 必须是 UTF-8 文本：第 {line} 行有无法识别的字节",
                  f"GeoJSON must be UTF-8 text: undecodable bytes on line {line}",
                  row=line) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise _json_error(error) from error
    except RecursionError as error:
        raise Bad("JSON 嵌套过深", "JSON nested too deeply") from error
    if not isinstance(document, dict):
        raise Bad("GeoJSON 顶层必须是对象（FeatureCollection）",
                  "GeoJSON must be an object (a FeatureCollection) at the top")
    kind = document.get("type")
    if kind == "Feature":
        features: Any = [document]
    elif kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise Bad("FeatureCollection 缺少 features 数组",
                      "the FeatureCollection has no features array")
    else:
        raise Bad(f"GeoJSON 类型“{kind}”不是 FeatureCollection 或 Feature",
                  f"GeoJSON type {kind!r} is not a FeatureCollection or Feature")
    rows = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            rows.append(GeoRow(number, {}, None, False, not_feature=True))
            continue
        rows.append(GeoRow(number, feature.get("properties"), feature.get("geometry"),
                           "geometry" in feature, feature.get("id"), feature.get("dutyroom"),
                           feature.get("crs")))
    member = document.get("dutyroom")
    return GeoFile(rows, document.get("crs"), member if isinstance(member, dict) else {})
