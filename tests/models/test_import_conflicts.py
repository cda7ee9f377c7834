"""Re-imports that lose no one's work: a stale export cannot undo newer changes.

The case from the field: an equipment sheet exported a few minutes earlier,
imported again, would set an extinguisher back from 调出 to 在用 and a radio
the other way. Changes are made here as another writer makes them (plain SQL,
seen by the change_log triggers), after the export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.models.importing import ImportOptions, Source, export_bytes, import_sources
from desktop.models.importing.changes import CHANGE, FORCED, NEW, REFUSED
from desktop.models.importing.issues import report_csv
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog, EquipmentItem, EquipmentKind

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def _items(engine, kind_zh: str) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(
            select(EquipmentItem.code).join(EquipmentKind, EquipmentKind.id ==
                                            EquipmentItem.kind_id)
            .where(EquipmentKind.name_zh == kind_zh).order_by(EquipmentItem.code)))


def _set(engine, code: str, status: str, dispatched: str | None) -> None:
    with engine.begin() as connection:  # another writer (the sync, the simulator)
        connection.execute(text("UPDATE equipment_item SET status = :s, dispatched_at = :d "
                                "WHERE code = :c"), {"s": status, "d": dispatched, "c": code})


def _status(engine, code: str) -> str:
    with engine.connect() as connection:
        return connection.execute(text("SELECT status FROM equipment_item WHERE code = :c"),
                                  {"c": code}).scalar_one()


def _seq(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.max(ChangeLog.seq))) or 0


def _export(engine, fmt: str = "xlsx") -> bytes:
    with Session(engine) as session:
        return export_bytes(session, "equipment", fmt, masked=False)[0]


@pytest.fixture
def stale(demo_replica):
    """An equipment export, then the extinguisher dispatched and the radio back in service."""
    engine = open_writer(demo_replica)
    extinguisher, radio = _items(engine, "灭火器")[0], _items(engine, "手持对讲机")[0]
    _set(engine, extinguisher, "in_service", None)
    _set(engine, radio, "dispatched", "2026-11-23 01:00:00.000000")
    data = _export(engine)
    _set(engine, extinguisher, "dispatched", "2026-11-23 02:10:00.000000")
    _set(engine, radio, "in_service", None)
    yield engine, data, extinguisher, radio
    engine.dispose()


def test_a_stale_export_is_refused_row_by_row_with_both_values_and_nothing_is_written(stale):
    engine, data, extinguisher, radio = stale
    before = _seq(engine)
    with engine.connect() as connection:
        changed_at = {code: connection.execute(text(
            "SELECT max(at) FROM change_log WHERE entity = 'equipment_item' AND entity_id = "
            "(SELECT CAST(id AS TEXT) FROM equipment_item WHERE code = :c)"), {"c": code})
            .scalar_one() for code in (extinguisher, radio)}
    result = import_sources(engine, [Source("ledger.xlsx", data)], ImportOptions())
    assert result.exit_code == 1 and not result.committed
    assert result.counts["equipment"].refused == 2 and result.counts["equipment"].updated == 0
    refused = {c.key: c for c in result.changes if c.op == REFUSED}
    assert set(refused) == {extinguisher, radio}
    status = {c.key: next(f for f in c.fields if f.column == "状态") for c in refused.values()}
    assert (status[extinguisher].new, status[extinguisher].old) == ("在用", "调出")
    assert (status[radio].new, status[radio].old) == ("调出", "在用")
    dispatched = next(f for f in refused[extinguisher].fields if f.column == "调出时间")
    assert (dispatched.new, dispatched.old) == ("", "2026-11-23 10:10:00")  # local time
    for code, change in refused.items():
        when = dt.datetime.fromisoformat(changed_at[code]).replace(tzinfo=dt.UTC)
        assert change.changed_at == when.astimezone(SHANGHAI).replace(
            microsecond=0, tzinfo=None).isoformat(sep=" ")
    errors = [i for i in result.errors if i.column == "状态"]
    assert len(errors) == 2 and all(i.row is not None and i.file == "ledger.xlsx" for i in errors)
    message = next(i for i in errors if i.row == refused[extinguisher].row)
    assert "“在用”" in message.zh and "“调出”" in message.zh and refused[extinguisher].changed_at \
        in message.zh and "'在用'" in message.en
    assert "--overwrite-newer forces them" in result.summary()[-2]
    assert _seq(engine) == before
    assert (_status(engine, extinguisher), _status(engine, radio)) == ("dispatched", "in_service")


def test_overwrite_newer_writes_them_and_lists_each_forced_row(stale):
    engine, data, extinguisher, radio = stale
    result = import_sources(engine, [Source("ledger.xlsx", data)],
                            ImportOptions(overwrite_newer=True))
    assert result.exit_code == 0 and result.committed
    assert result.counts["equipment"].forced == 2 and result.counts["equipment"].updated == 2
    forced = {c.key for c in result.changes if c.op == FORCED}
    assert forced == {extinguisher, radio}
    warnings = [i for i in result.warnings if "--overwrite-newer" in i.en]
    assert len(warnings) == 2 and all("状态: 调出 → 在用" in w.zh or "状态: 在用 → 调出" in w.zh
                                      for w in warnings)
    assert "强制覆盖 forced 2" in result.summary()[0]
    assert (_status(engine, extinguisher), _status(engine, radio)) == ("in_service", "dispatched")


def test_only_rows_the_file_would_change_are_refused(stale):
    engine, data, extinguisher, radio = stale
    book = load_workbook(io.BytesIO(data))  # staff bring the two rows up to date by hand
    sheet = book.active
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == extinguisher:
            row[header.index("状态")].value = "调出"
            row[header.index("调出时间")].value = dt.datetime(2026, 11, 23, 10, 10)
        elif row[0].value == radio:
            row[header.index("状态")].value = "在用"
            row[header.index("调出时间")].value = None
    saved = io.BytesIO()
    book.save(saved)
    result = import_sources(engine, [Source("ledger.xlsx", saved.getvalue())], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    assert result.counts["equipment"].refused == 0 and result.counts["equipment"].updated == 0


def test_a_dry_run_lists_every_field_change_and_new_row_and_writes_nothing(demo_replica):
    engine = open_writer(demo_replica)
    data = _export(engine, "csv")
    lines = data.decode("utf-8-sig").splitlines()
    rows = list(csv.reader(lines[2:]))
    header, first = rows[0], rows[1]
    edited = list(first)
    edited[header.index("状态")] = "故障"
    edited[header.index("上次检查时间")] = "2026年11月23日 9时30分"
    new = list(first)
    new[0] = "NEW-0001"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, edited, new, *rows[2:]])
    path_data = ("\r\n".join(lines[:2]) + "\r\n" + buffer.getvalue()).encode("utf-8-sig")
    before = _seq(engine)
    result = import_sources(engine, [Source("ledger.csv", path_data)],
                            ImportOptions(dry_run=True))
    assert result.exit_code == 0 and not result.committed and _seq(engine) == before
    changed = [c for c in result.changes if c.op == CHANGE]
    assert [(c.file, c.row, c.key) for c in changed] == [("ledger.csv", 4, first[0])]
    fields = {f.column: (f.old, f.new) for f in changed[0].fields}
    assert fields["状态"] == (first[header.index("状态")], "故障")
    assert fields["上次检查时间"][1] == "2026-11-23 09:30:00"
    assert fields["上次检查时间"][0] == first[header.index("上次检查时间")][:19]
    assert set(fields) == {"状态", "上次检查时间"}
    assert [(c.row, c.key) for c in result.changes if c.op == NEW] == [(5, "NEW-0001")]
    counts = result.counts["equipment"]
    assert (counts.inserted, counts.updated, counts.refused) == (1, 1, 0)
    report = list(csv.reader(io.StringIO(report_csv(result.report_items()))))
    assert ["change", "ledger.csv", "4", "状态", f"{fields['状态'][0]} → 故障",
            f"{fields['状态'][0]} → 故障"] in report
    assert ["new", "ledger.csv", "5", "", "新增：NEW-0001", "new: NEW-0001"] in report
    engine.dispose()


def test_skip_invalid_skips_the_refused_rows_and_writes_the_rest(stale):
    engine, data, extinguisher, radio = stale
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    others = [row for row in sheet.iter_rows(min_row=2) if row[0].value not in (
        extinguisher, radio)]
    others[0][header.index("状态")].value = "故障"
    saved = io.BytesIO()
    book.save(saved)
    result = import_sources(engine, [Source("ledger.xlsx", saved.getvalue())],
                            ImportOptions(skip_invalid=True))
    assert result.committed
    assert (result.counts["equipment"].refused, result.counts["equipment"].updated) == (2, 1)
    assert _status(engine, others[0][0].value) == "faulty"
    assert (_status(engine, extinguisher), _status(engine, radio)) == ("dispatched", "in_service")


def test_files_without_a_stamp_or_from_another_replica_import_as_before(stale):
    engine, data, extinguisher, radio = stale
    book = load_workbook(io.BytesIO(data))
    book["_dutyroom"]["B2"] = "00000000-0000-4000-8000-000000000000"  # another replica's
    foreign = io.BytesIO()
    book.save(foreign)
    result = import_sources(engine, [Source("ledger.xlsx", foreign.getvalue())],
                            ImportOptions(dry_run=True))
    assert result.exit_code == 0 and result.counts["equipment"].updated == 2
    assert any("another replica" in w.en for w in result.warnings)
    del book["_dutyroom"]
    plain = io.BytesIO()
    book.save(plain)
    result = import_sources(engine, [Source("ledger.xlsx", plain.getvalue())], ImportOptions())
    assert result.exit_code == 0 and result.counts["equipment"].updated == 2
    assert not result.warnings
    assert (_status(engine, extinguisher), _status(engine, radio)) == ("in_service", "dispatched")
