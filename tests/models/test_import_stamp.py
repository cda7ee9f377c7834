"""Every export says where it came from, in a form that survives Excel and WPS."""

from __future__ import annotations

import io
import json
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.importing import Source, export_bytes
from desktop.models.importing.kinds import make
from desktop.models.importing.reading import ReadOptions, read_file
from desktop.models.queries import replica_meta
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _read(name: str, data: bytes):
    registry = make()
    return read_file(Source(name, data), ReadOptions(None, None, False, SHANGHAI),
                     registry.kinds, registry.get)


@pytest.fixture
def exported(demo_replica):
    engine = open_writer(demo_replica)
    with Session(engine) as session:
        identity = replica_meta(session)["replica_id"]
        seq = session.scalar(select(func.max(ChangeLog.seq)))
        files = {fmt: export_bytes(session, "equipment" if fmt != "geojson" else "stations",
                                   fmt, masked=False)[0] for fmt in ("csv", "xlsx", "geojson")}
    engine.dispose()
    return identity, seq, files


def test_each_format_carries_the_replica_and_its_change_log_position(exported):
    identity, seq, files = exported
    for fmt, data in files.items():
        read = _read(f"file.{fmt}", data)
        assert not read.issues.items, [i.line() for i in read.issues.items]
        assert read.stamp is not None, fmt
        assert (read.stamp.replica, read.stamp.position) == (identity, seq), fmt
        assert read.stamp.kind == ("stations" if fmt == "geojson" else "equipment")
    assert json.loads(files["geojson"])["dutyroom"]["stamp"]["position"] == seq


def test_the_xlsx_stamp_is_a_hidden_sheet_that_an_excel_save_keeps(exported):
    identity, seq, files = exported
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert book.active.title == "equipment"
    assert book["_dutyroom"].sheet_state == "hidden"
    book.active.delete_rows(2, 3)  # staff sort, filter, delete rows: the stamp stays
    saved = io.BytesIO()
    book.save(saved)
    read = _read("ledger.xlsx", saved.getvalue())
    assert read.stamp is not None and (read.stamp.replica, read.stamp.position) == (identity, seq)


def test_the_csv_stamp_row_sits_above_the_header_and_rows_keep_their_numbers(exported):
    _identity, _seq, files = exported
    lines = files["csv"].decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# 值班指挥台导出标记 dutyroom export stamp,replica=")
    assert lines[1] == "" and lines[2].startswith("装备编码,")
    read = _read("ledger.csv", files["csv"])
    assert read.rows[0].number == 4  # the row Excel shows: stamp, blank, header, data


@pytest.mark.parametrize("damage", ["position=abc", "position=-3", "replica=a b"])
def test_a_damaged_stamp_is_an_error_not_a_silent_plain_import(exported, damage):
    _identity, _seq, files = exported
    text = files["csv"].decode("utf-8-sig")
    stamp_line = text.splitlines()[0]
    key = damage.split("=")[0]
    cells = [damage if cell.startswith(key + "=") else cell for cell in stamp_line.split(",")]
    read = _read("ledger.csv", text.replace(stamp_line, ",".join(cells)).encode())
    assert read.stamp is None
    assert next(i.en for i in read.issues.items if i.is_error).startswith(
        "the export stamp (row 1) is damaged")


def test_files_without_a_stamp_read_as_before(exported):
    _identity, _seq, files = exported
    text = files["csv"].decode("utf-8-sig")
    plain = "\n".join(text.splitlines()[2:]).encode()
    read = _read("ledger.csv", plain)
    assert read.stamp is None and not read.issues.has_errors and read.rows[0].number == 2
