"""Dates are dates: typed cells in every XLSX we write, and what Excel and WPS write back reads.

Equipment ledgers are the case from the field: times with microseconds (the
simulator's and the platform's) used to go out as text beside typed cells in
the same column, which breaks sorting and filtering in Excel and WPS.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.models.importing import ImportOptions, Source, export_bytes, import_sources
from desktop.models.importing.issues import Bad
from desktop.models.importing.parsers import date, moment
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog, EquipmentItem

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOCAL = dt.datetime(2026, 11, 23, 9, 5, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(("cell", "expected"), [
    ("2026-11-23", dt.date(2026, 11, 23)),
    ("2026/11/23", dt.date(2026, 11, 23)),
    ("2026/1/3", dt.date(2026, 1, 3)),
    ("2026年11月23日", dt.date(2026, 11, 23)),
    ("2026.11.23", dt.date(2026, 11, 23)),
    ("20261123", dt.date(2026, 11, 23)),
    (46349, dt.date(2026, 11, 23)),  # a date cell whose format was lost: Excel's serial day
    (46349.0, dt.date(2026, 11, 23)),
    ("46349", dt.date(2026, 11, 23)),  # the same serial in a CSV saved from a General column
    (dt.datetime(2026, 11, 23), dt.date(2026, 11, 23)),  # a datetime cell at midnight
    (dt.date(2026, 11, 23), dt.date(2026, 11, 23)),
])
def test_dates_excel_and_wps_write_back(cell, expected):
    assert date(cell, SHANGHAI) == expected


@pytest.mark.parametrize("cell", [
    "2026-11-23 09:05", "2026/11/23 9:05", "2026/11/23 09:05:00", "2026-11-23T09:05:00",
    "2026年11月23日 09:05", "2026年11月23日9:05", "2026年11月23日9时05分",
    "2026年11月23日 9时05分00秒",
    "2026-11-23 09：05", "2026-11-23T01:05:00Z", "2026-11-23 09:05+08:00",
    dt.datetime(2026, 11, 23, 9, 5), 46349 + (9 * 60 + 5) / 1440,
])
def test_moments_excel_and_wps_write_back(cell):
    assert moment(cell, SHANGHAI) == LOCAL.astimezone(dt.UTC)


def test_a_date_with_a_time_is_read_as_midnight_for_a_moment_and_kept_exact_to_the_ms():
    assert moment("2026年11月23日", SHANGHAI) == dt.datetime(2026, 11, 22, 16, tzinfo=dt.UTC)
    noon_and_a_bit = 46349.5 + 0.123 / 86_400
    assert moment(noon_and_a_bit, SHANGHAI) == dt.datetime(2026, 11, 23, 4, 0, 0, 123_000,
                                                           tzinfo=dt.UTC)


@pytest.mark.parametrize("cell", [2026, "2026", 12.5, "46349.5x", "2026-13-01", True])
def test_numbers_that_are_not_serial_days_are_not_dates(cell):
    with pytest.raises(Bad):
        date(cell, SHANGHAI)


def _equipment_with_microseconds(replica) -> tuple[object, list[str]]:
    engine = open_writer(replica)
    with Session(engine) as session:
        codes = list(session.scalars(select(EquipmentItem.code).order_by(EquipmentItem.code)
                                     .limit(3)))
        session.execute(update(EquipmentItem).where(EquipmentItem.code == codes[0]).values(
            last_inspected_at=dt.datetime(2026, 11, 23, 1, 2, 3, 456_789, tzinfo=dt.UTC),
            status="dispatched",
            dispatched_at=dt.datetime(2026, 11, 23, 1, 30, 0, 999_999, tzinfo=dt.UTC)))
        session.commit()
    return engine, codes


def _columns(data: bytes) -> dict[str, list[object]]:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0].value == "装备编码")
    return {cell.value: [row[i] for row in rows[header + 1:]]
            for i, cell in enumerate(rows[header])}


def test_every_date_and_time_cell_of_an_xlsx_export_is_typed(demo_replica):
    engine, _codes = _equipment_with_microseconds(demo_replica)
    with Session(engine) as session:
        data, count = export_bytes(session, "equipment", "xlsx", masked=False)
    engine.dispose()
    columns = _columns(data)
    assert count == len(columns["装备编码"]) > 3
    for header, shown in (("生产日期", "yyyy-mm-dd"), ("有效期至", "yyyy-mm-dd"),
                          ("上次维保日期", "yyyy-mm-dd"), ("上次检查时间", "yyyy-mm-dd hh:mm:ss"),
                          ("调出时间", "yyyy-mm-dd hh:mm:ss")):
        cells = [c for c in columns[header] if c.value is not None]
        assert cells, header  # the demo fills every one of these columns somewhere
        assert all(isinstance(c.value, dt.datetime) and c.is_date and c.number_format == shown
                   for c in cells), (header, [c.value for c in cells if not c.is_date][:3])
    assert any(c.value is None for c in columns["调出时间"])  # unknown: an empty cell


def test_an_xlsx_export_saved_by_excel_reimports_with_no_change(demo_replica, tmp_path):
    engine, _codes = _equipment_with_microseconds(demo_replica)
    with Session(engine) as session:
        data, _count = export_bytes(session, "equipment", "xlsx", masked=False)
        before = session.scalar(select(func.max(ChangeLog.seq)))
    book = load_workbook(io.BytesIO(data))  # open and save, as Excel or WPS would
    saved = io.BytesIO()
    book.save(saved)
    result = import_sources(engine, [Source("ledger.xlsx", saved.getvalue())], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    counts = result.counts["equipment"]
    assert (counts.inserted, counts.updated, counts.unchanged) == (0, 0, counts.unchanged)
    assert counts.unchanged > 3
    with Session(engine) as session:
        assert session.scalar(select(func.max(ChangeLog.seq))) == before
    engine.dispose()
