"""Export the demo replica, import it into an empty one: identical content, and idempotent.

The digest is computed here from the tables themselves (ids replaced by the
natural codes they point at), independently of the exporter, so a field the
exporter forgets or the importer mangles changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from desktop.models.importing import KINDS, ImportOptions, Source, export_bytes, import_sources
from desktop.models.importing.stamp import CSV_MARK
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog, Heartbeat
from desktop.replica_commands import init_replica

# table → (columns, foreign keys to replace by the referenced row's natural key)
_REFS = {
    "admin_unit": {"parent_id": ("admin_unit", "code"), "grid_worker_id": ("person", "code")},
    "feature": {"grid_id": ("admin_unit", "code")},
    "person": {"team_id": ("team", "code")},
    "duty_assignment": {"shift_id": ("duty_shift", "kind||'@'||starts_at"),
                        "person_id": ("person", "code")},
    "station": {"community_id": ("admin_unit", "code")},
    "key_custodian": {"station_id": ("station", "code"), "person_id": ("person", "code")},
    "equipment_kind": {"category_id": ("equipment_category", "code")},
    "kit_requirement": {"kind_id": ("equipment_kind", "code")},
    "equipment_item": {"station_id": ("station", "code"), "kind_id": ("equipment_kind", "code")},
    "incident": {"grid_id": ("admin_unit", "code"), "drill_id": ("drill", "code")},
    "incident_event": {"incident_id": ("incident", "code"), "actor_id": ("person", "code"),
                       "station_id": ("station", "code")},
}
IMPORTED_TABLES = ("admin_unit", "layer", "feature", "team", "person", "duty_shift",
                   "duty_assignment", "station", "key_custodian", "kit_standard",
                   "equipment_category", "equipment_kind", "kit_requirement", "equipment_item",
                   "drill", "incident", "incident_event")


_MICROSECONDS = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}")


def _to_ms(match: re.Match[str]) -> str:
    moment = dt.datetime.fromisoformat(match[0])
    rounded = moment.replace(microsecond=0) + dt.timedelta(
        milliseconds=round(moment.microsecond / 1000))
    return rounded.isoformat(sep=" ", timespec="milliseconds")


def _canonical(value: object, ms: bool = False) -> object:
    if ms and isinstance(value, str):
        value = _MICROSECONDS.sub(_to_ms, value)
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def table_digests(engine: Engine, ms: bool = False) -> dict[str, str]:
    """sha256 per table of its rows, surrogate ids replaced by natural keys, sorted; with
    ``ms`` times to the millisecond, the precision a spreadsheet keeps in a date cell."""
    digests = {}
    with engine.connect() as connection:
        for table in IMPORTED_TABLES:
            columns = [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")]
            refs = _REFS.get(table, {})
            select_list = []
            for column in columns:
                if column == "id":
                    continue
                if column in refs:
                    other, key = refs[column]
                    select_list.append(f"(SELECT {key} FROM {other} o WHERE o.id = t.{column})")
                else:
                    select_list.append(f"t.{column}")
            rows = connection.execute(text(f"SELECT {', '.join(select_list)} FROM {table} t"))
            canonical = sorted(json.dumps([_canonical(v, ms) for v in row], ensure_ascii=False,
                                          sort_keys=True, default=str) for row in rows)
            digests[table] = hashlib.sha256("\n".join(canonical).encode()).hexdigest()
    return digests


def _export_all(replica: Path, folder: Path, tabular: str) -> list[Path]:
    engine = open_writer(replica)
    files = []
    with Session(engine) as session:
        for kind in KINDS:
            fmt = "geojson" if kind in ("grids", "features") else tabular
            data, count = export_bytes(session, kind, fmt, masked=False)
            assert count > 0, kind
            path = folder / f"{kind}.{fmt}"
            path.write_bytes(data)
            files.append(path)
    engine.dispose()
    return files


def _seq(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.max(ChangeLog.seq))) or 0


@pytest.mark.parametrize("tabular", ["csv", "xlsx", "geojson"])
def test_demo_round_trips_into_an_empty_replica(demo_replica, tmp_path, tabular):
    files = _export_all(demo_replica, tmp_path, tabular)
    if tabular == "geojson":  # GeoJSON incidents carry their events: no separate file
        files = [f for f in files if f.stem != "events"]
    empty = tmp_path / "empty.db"
    init_replica(str(empty))
    engine = open_writer(empty)
    result = import_sources(engine, [Source.from_path(f) for f in files], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    assert not result.errors
    ms = tabular == "xlsx"  # typed date cells keep times to the millisecond, as Excel does
    assert table_digests(engine, ms) == table_digests(open_writer(demo_replica), ms)
    with Session(engine) as session:
        assert session.get(Heartbeat, "import") is not None

    # the same files again: nothing changes, not even change_log
    before = _seq(engine)
    again = import_sources(engine, [Source.from_path(f) for f in files], ImportOptions())
    assert again.exit_code == 0
    assert sum(c.written for c in again.counts.values()) == 0
    assert _seq(engine) == before
    engine.dispose()


def test_updated_file_upserts_by_code_and_logs_the_change(demo_replica, tmp_path):
    engine = open_writer(demo_replica)
    with Session(engine) as session:
        data, _count = export_bytes(session, "people", "csv", masked=False)
    lines = data.decode("utf-8-sig").splitlines()
    stamp, blank, header, first = lines[0], lines[1], lines[2], lines[3].split(",")
    assert stamp.startswith("# 值班指挥台导出标记") and blank == ""
    first[1] = "王更新"  # edited in the sheet; the replica has not changed since the export
    path = tmp_path / "people.csv"
    path.write_text("\n".join([stamp, blank, header, ",".join(first), *lines[4:]]),
                    encoding="utf-8-sig")
    before = _seq(engine)
    result = import_sources(engine, [Source.from_path(path)], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    assert (result.counts["people"].updated, result.counts["people"].inserted) == (1, 0)
    with engine.connect() as connection:
        logged = connection.execute(text(
            "SELECT entity, op FROM change_log WHERE seq > :s"), {"s": before}).all()
        name = connection.execute(text("SELECT name FROM person WHERE code = :c"),
                                  {"c": first[0]}).scalar()
    assert logged == [("person", "U")]
    assert name == "王更新"
    engine.dispose()


def test_masked_export_hides_personal_data_and_cannot_be_imported_back(demo_replica, tmp_path):
    engine = open_writer(demo_replica)
    with Session(engine) as session:
        masked, _ = export_bytes(session, "people", "csv")
        features, _ = export_bytes(session, "features", "geojson")
    text_ = masked.decode("utf-8-sig")
    assert "****" in text_ and "*" in text_.splitlines()[3].split(",")[1]
    document = json.loads(features)
    assert document["dutyroom"]["masked"] is True
    sensitive = [f for f in document["features"] if f["dutyroom"]["layer"] == "disabled_persons"]
    assert sensitive and all("condition" not in f["properties"] for f in sensitive)
    path = tmp_path / "people.csv"
    path.write_bytes(masked)
    before = _seq(engine)
    result = import_sources(engine, [Source.from_path(path)], ImportOptions())
    assert result.exit_code == 1
    assert {i.column for i in result.errors} >= {"姓名", "联系电话", "身份证号"}
    layers = import_sources(engine, [Source("features.geojson", features)], ImportOptions())
    assert layers.exit_code == 1 and "masked export" in layers.errors[0].en
    assert _seq(engine) == before
    engine.dispose()


HOSTILE_CELLS = ("=HYPERLINK(\"http://evil.example/\",\"点此\")", "+cmd|' /C calc'!A0", "-1+1",
                 "@SUM(A1:A9)", "'=已有引号", "''-两个引号", "'普通引号")
# (a leading tab or CR is guarded too, see test_csv_cells; the importer trims white space
# around text, so those could not come back as they went out anyway)


def test_csv_export_guards_formula_cells_and_imports_them_back_unchanged(demo_replica,
                                                                        tmp_path):
    """Text that a spreadsheet would run is written with an apostrophe in front; the importer
    knows the file for ours and takes it off again, so the round trip stays identical."""
    import csv
    import io

    engine = open_writer(demo_replica)
    with engine.begin() as connection:
        codes = connection.execute(text("SELECT code FROM station ORDER BY code")).scalars().all()
        for code, name in zip(codes, HOSTILE_CELLS, strict=False):
            connection.execute(text("UPDATE station SET name = :n WHERE code = :c"),
                               {"n": name, "c": code})
        connection.execute(text("UPDATE station SET lon = -lon WHERE code = :c"),
                           {"c": codes[0]})  # a number starting with "-" is not touched
    with Session(engine) as session:
        data, _count = export_bytes(session, "stations", "csv", masked=False)
    rows = [row for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
            if row and not row[0].startswith(CSV_MARK)]  # the export's stamp above the header
    by_code = {row[0]: row for row in rows[1:]}
    for code, name in zip(codes, HOSTILE_CELLS, strict=False):
        written = by_code[code][1]
        if name.lstrip("'")[:1] in "=+-@\t\r":
            assert written == "'" + name, (name, written)
        else:
            assert written == name
    assert by_code[codes[0]][3].startswith("-") and float(by_code[codes[0]][3]) < 0
    with engine.begin() as connection:
        connection.execute(text("UPDATE station SET lon = -lon WHERE code = :c"),
                           {"c": codes[0]})
    engine.dispose()

    files = _export_all(demo_replica, tmp_path, "csv")
    empty = tmp_path / "empty.db"
    init_replica(str(empty))
    copy = open_writer(empty)
    result = import_sources(copy, [Source.from_path(f) for f in files], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    with copy.connect() as connection:
        names = dict(connection.execute(text("SELECT code, name FROM station")).all())
    hostile = list(zip(codes, HOSTILE_CELLS, strict=False))
    assert len(hostile) == len(HOSTILE_CELLS)
    assert [names[code] for code, _name in hostile] == list(HOSTILE_CELLS)
    assert table_digests(copy)["station"] == table_digests(open_writer(demo_replica))["station"]
    copy.dispose()


def test_a_foreign_csv_keeps_its_apostrophes(demo_replica, tmp_path):
    """Only our own exports (the kind's own headers, in order) are restored: a file laid out
    by someone else is imported as written."""
    engine = open_writer(demo_replica)
    with Session(engine) as session:
        data, _count = export_bytes(session, "stations", "csv", masked=False)
    lines = [line for line in data.decode("utf-8-sig").splitlines()
             if line and not line.startswith(CSV_MARK)]  # a foreign file carries no stamp
    header = lines[0].split(",")
    header[0], header[1] = header[1], header[0]  # same columns, another order
    first = lines[1].split(",")
    first[0], first[1] = "'=外来", first[0]
    path = tmp_path / "stations.csv"
    path.write_text("\n".join([",".join(header), ",".join(first)]), encoding="utf-8-sig")
    result = import_sources(engine, [Source.from_path(path)], ImportOptions())
    assert result.exit_code == 0, [i.line() for i in result.errors]
    with engine.connect() as connection:
        name = connection.execute(text("SELECT name FROM station WHERE code = :c"),
                                  {"c": first[1]}).scalar()
    assert name == "'=外来"
    engine.dispose()
