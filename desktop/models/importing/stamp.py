"""Where an export came from: the replica's identity and its change_log position.

Every export carries a stamp: ``replica_id`` (replica_meta, migration 0003) and
the highest change_log ``seq`` when the export began. Re-importing the file
into the same replica then refuses to overwrite any row that changed after
that position (``desktop.models.importing.changes``). The position holds for
every row of the file; for each row the importer asks change_log about that
row's own entity and id, so the check is per row without a visible per-row
column (which staff could edit, and which GeoJSON features would take for a
property). The form is chosen per format to survive Excel and WPS:

- **XLSX**: a hidden sheet ``_dutyroom`` of key/value rows. Excel, WPS and
  LibreOffice keep hidden sheets when they save; sorting, filtering, inserting
  or deleting rows in the data sheet never touches it; staff do not see it.
- **CSV**: a comment row above the header (``# 值班指挥台导出标记 …`` then
  ``key=value`` cells) and one blank row. A CSV has nowhere to hide anything;
  a companion file is lost when the sheet is mailed or saved under another
  name, while a first row travels with it. Excel and WPS keep it on save; the
  importer already skips rows above the header; the blank row keeps the stamp
  out of the block Excel sorts and filters. Rows keep the numbers Excel shows.
- **GeoJSON**: a ``stamp`` object in the top-level ``dutyroom`` member our
  exports already carry.

The position is read before the rows: a change that races the export counts
as newer than the export (refused on re-import, never lost). A file without a
stamp imports as before; a stamp that is present but damaged is an error, as
the check it asks for cannot be made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import clock
from desktop.models.csv_cells import neutralise
from desktop.models.importing.issues import Bad
from desktop.models.schema import ChangeLog, ReplicaMeta

SHEET = "_dutyroom"
CSV_MARK = "# 值班指挥台导出标记 dutyroom export stamp"
_CSV_MARK_WORD = "dutyroom export stamp"
_BOM = b"\xef\xbb\xbf"
_REPLICA = re.compile(r"[0-9A-Za-z-]{1,64}$")


@dataclass(frozen=True)
class Stamp:
    replica: str  # replica_meta.replica_id of the replica exported
    position: int  # max(change_log.seq) when the export began
    kind: str
    exported_at: str  # local time, ISO 8601, for people reading the file

    def pairs(self) -> list[tuple[str, str]]:
        return [("replica", self.replica), ("position", str(self.position)),
                ("kind", self.kind), ("exported_at", self.exported_at)]


def replica_id(session: Session) -> str | None:
    return session.scalar(select(ReplicaMeta.value).where(ReplicaMeta.key == "replica_id"))


def position(session: Session) -> int:
    return int(session.scalar(select(func.max(ChangeLog.seq))) or 0)


def current(session: Session, kind: str, tz: dt.tzinfo) -> Stamp | None:
    """The stamp for an export of ``kind`` starting now; None for a replica without an id
    (one not migrated since migration 0002: its exports import as before)."""
    identity = replica_id(session)
    if identity is None:
        return None
    return Stamp(identity, position(session), kind,
                 clock.now().astimezone(tz).replace(microsecond=0).isoformat())


def parse(pairs: dict[str, Any], where_zh: str, where_en: str) -> Stamp:
    """A stamp from its key/value pairs, or Bad: a damaged stamp cannot guard anything."""
    replica = str(pairs.get("replica") or "").strip()
    raw = pairs.get("position")
    try:
        seq = int(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) \
            and float(raw).is_integer() else int(str(raw).strip())
    except ValueError:
        seq = -1
    if not _REPLICA.match(replica) or seq < 0:
        raise Bad(f"导出标记（{where_zh}）已损坏：无法检查导出后副本中的修改。"
                  "请重新导出，或删去标记按普通文件导入",
                  f"the export stamp ({where_en}) is damaged: changes made in the replica since "
                  "the export cannot be checked; export again, or delete the stamp to import "
                  "the file as a plain one")
    return Stamp(replica, seq, str(pairs.get("kind") or "")[:40],
                 str(pairs.get("exported_at") or "")[:40])


# ---------------------------------------------------------------- CSV


def csv_row(stamp: Stamp) -> list[str]:
    return [CSV_MARK, *(f"{key}={value}" for key, value in stamp.pairs())]


def stamp_csv(data: bytes, stamp: Stamp | None) -> bytes:
    """``data`` (a CSV export, BOM first) with the stamp row and a blank row above the header."""
    if stamp is None:
        return data
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in csv_row(stamp)])  # the one CSV cell rule
    writer.writerow([])
    head = buffer.getvalue().encode("utf-8")
    body = data[len(_BOM):] if data.startswith(_BOM) else data
    return _BOM + head + body if data.startswith(_BOM) else head + body


def from_rows(rows: list[tuple[int, list[Any]]]) -> Stamp | None:
    """The stamp row of a CSV (the first row that is not blank), if it has one."""
    for number, cells in rows:
        if not any(cell not in (None, "") for cell in cells):
            continue
        first = str(cells[0] or "").strip()
        if not (first.startswith("#") and _CSV_MARK_WORD in first):
            return None
        pairs = {}
        for cell in cells[1:]:
            key, _sep, value = str(cell or "").partition("=")
            pairs[key.strip()] = value.strip()
        return parse(pairs, f"第 {number} 行", f"row {number}")
    return None


# ---------------------------------------------------------------- XLSX


def add_sheet(book: Any, stamp: Stamp | None) -> None:
    """The hidden ``_dutyroom`` sheet of an openpyxl (write-only) workbook."""
    if stamp is None:
        return
    sheet = book.create_sheet(SHEET)
    sheet.sheet_state = "hidden"
    sheet.append(["dutyroom export stamp", "重新导入时据此检查冲突，请勿修改 / do not edit"])
    for key, value in stamp.pairs():
        sheet.append([key, value])


def from_xlsx(data: bytes) -> Stamp | None:
    """The stamp in the workbook's ``_dutyroom`` sheet, if it has one (cheap when it has not:
    only the workbook's sheet list is read)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            listed = archive.read("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None  # read_xlsx has said what is wrong with the file
    if f'name="{SHEET}"'.encode() not in listed:
        return None
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = [list(r) for r in book[SHEET].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception as error:  # a damaged part of a file from outside: never a traceback
        raise Bad(f"导出标记（工作表 {SHEET}）无法读取", f"the export stamp (sheet {SHEET}) "
                  "cannot be read") from error
    pairs = {str(r[0]).strip(): r[1] for r in rows[1:] if len(r) >= 2 and r[0] is not None}
    return parse(pairs, f"工作表 {SHEET}", f"sheet {SHEET}")


# ---------------------------------------------------------------- GeoJSON


def member(stamp: Stamp | None) -> dict[str, Any]:
    return {} if stamp is None else {"stamp": dict(stamp.pairs()) | {"position": stamp.position}}


def from_member(file_member: dict[str, Any]) -> Stamp | None:
    found = file_member.get("stamp")
    if found is None:
        return None
    if not isinstance(found, dict):
        raise Bad("导出标记（dutyroom.stamp）应为对象", "the export stamp (dutyroom.stamp) must "
                  "be an object")
    return parse(found, "dutyroom.stamp", "dutyroom.stamp")
