"""The operator's import dialog: dry run with a report, then import, off the GUI thread."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.models.importing import Issue
from desktop.views.import_dialog import ImportDialog
from desktop.views.qt_import_report_model import ImportReportModel

pytestmark = pytest.mark.gui

BAD = ("人员编码,姓名,联系电话,身份证号,角色\n"
       "D-1,张三,13812341234,420606198503279150,网格员\n"
       "D-2,李*,138****1235,420606198503279151,志愿者\n"
       "D-3,王五,12345,420606198503279169,宇航员\n"
       "D-1,赵六,13812341236,420606198503279169,志愿者\n")
GOOD = ("人员编码,姓名,联系电话,身份证号,角色\n"
        "D-1,张三,13812341234,420606198503279150,网格员\n"
        "D-2,李四,13812341235,420606198503279169,志愿者\n")


def _people(replica) -> int:
    with sqlite3.connect(replica) as connection:
        return connection.execute("SELECT count(*) FROM person WHERE code LIKE 'D-%'").fetchone()[0]


def test_report_model(qtmodeltester):
    model = ImportReportModel("en")
    model.set_issues((Issue("a.csv", 3, "姓名", "姓名为空", "name is empty"),
                      Issue("a.csv", None, None, "列忽略", "column ignored", "warning"),
                      Issue("b.csv", 2, "电话", "不是电话", "not a phone")))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)).endswith("Error")
    assert model.data(model.index(2, 0)).startswith("▲")
    assert model.data(model.index(0, 5)) == "name is empty"
    assert model.data(model.index(1, 2)) == "2"


@pytest.fixture
def no_writer(monkeypatch, demo_replica):
    """Fails the test if the dialog opens a writer on the replica (the dashboard process
    forbids them, as ``app.run`` does) or any connection to it that is not read-only."""
    import sqlalchemy

    from desktop.models import replica

    monkeypatch.setattr(replica, "_writers_forbidden", True)
    opened: list[str] = []
    real = sqlalchemy.create_engine

    def spy(url, *args, **kwargs):
        text = str(url)
        if str(demo_replica) in text and "mode=ro" not in text:
            opened.append(text)
        return real(url, *args, **kwargs)

    monkeypatch.setattr(replica, "create_engine", spy)
    yield opened
    assert not opened, f"the dashboard opened a writer on the replica: {opened}"


def test_dry_run_shows_errors_and_blocks_import_then_hands_over(qtbot, demo_replica, tmp_path,
                                                                no_writer):
    import json

    bad = tmp_path / "people.csv"
    bad.write_text(BAD, encoding="utf-8")
    drop = tmp_path / "drop"
    drop.mkdir()
    dialog = ImportDialog(str(demo_replica), drop_folder=str(drop))
    qtbot.addWidget(dialog)
    dialog.add_files([bad])
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    assert dialog.result is not None and dialog.result.exit_code == 1
    places = {(dialog.model.issue(r).row, dialog.model.issue(r).column)
              for r in range(dialog.model.rowCount())}
    assert {(3, "姓名"), (3, "联系电话"), (4, "角色"), (5, "人员编码")} <= places
    assert not dialog.import_button.isEnabled()
    assert dialog.bar.value() == 100
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "import-dialog.png"))

    bad.write_text(GOOD, encoding="utf-8")
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    assert dialog.import_button.isEnabled() and _people(demo_replica) == 0
    dialog.skip_invalid.setChecked(True)  # the selection changed: check again first
    assert not dialog.import_button.isEnabled()
    dialog.skip_invalid.setChecked(False)
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.start_import()
    assert dialog.handed is not None and dialog.handed.mode == "drop"
    assert _people(demo_replica) == 0, "the dashboard wrote the replica"
    assert "sync --watch" in dialog.summary.text() and str(drop) in dialog.summary.text()
    manifest = json.loads(dialog.handed.manifest.read_text(encoding="utf-8"))
    (copy,) = dialog.handed.files
    assert copy.read_text(encoding="utf-8") == GOOD and oct(copy.stat().st_mode)[-3:] == "640"
    assert manifest["files"][0]["file"] == copy.name and manifest["import_arguments"] == []
    assert not dialog.import_button.isEnabled()


def _stale_ledger(replica, folder):
    """An equipment export with one row edited in the sheet, and another row changed in the
    replica after the export."""
    import io

    from openpyxl import load_workbook

    from desktop.models.importing import export_bytes
    from desktop.models.replica import reading

    with reading(replica) as session:
        data, _count = export_bytes(session, "equipment", "xlsx", masked=False)
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    status = [c.value for c in sheet[1]].index("状态")
    in_use = [row for row in sheet.iter_rows(min_row=2) if row[status].value == "在用"]
    edited, changed = in_use[0][0].value, in_use[1][0].value
    in_use[0][status].value = "报废"
    path = folder / "ledger.xlsx"
    book.save(path)
    with sqlite3.connect(replica) as connection:
        connection.execute("UPDATE equipment_item SET status = 'faulty' WHERE code = ?",
                           (changed,))
    return path, edited, changed


def _rows(model):
    return [(model.data(model.index(r, 0)), model.record(r), model.data(model.index(r, 4)),
             model.data(model.index(r, 5))) for r in range(model.rowCount())]


def test_the_dialog_shows_field_changes_and_refuses_newer_rows_until_told(
        qtbot, demo_replica, tmp_path, no_writer):
    import shlex
    import sys

    path, edited, changed = _stale_ledger(demo_replica, tmp_path)
    drop = tmp_path / "drop"
    drop.mkdir()
    writer = f"{shlex.quote(sys.executable)} -m desktop --replica {shlex.quote(str(demo_replica))}"
    dialog = ImportDialog(str(demo_replica), drop_folder=str(drop), writer_command=writer)
    qtbot.addWidget(dialog)
    dialog.add_files([path])
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    rows = _rows(dialog.model)
    refused = [r for r in rows if r[1] == changed]
    assert refused and refused[0][0].endswith("Error") and refused[0][2] == "状态"
    assert "“在用”" in refused[0][3] and "“故障”" in refused[0][3]
    assert any(r[1] == edited and r[0].startswith("✎") and r[2] == "状态" and
               r[3] == "在用 → 报废" for r in rows)
    assert "1 changed" in dialog.counts.text() and "1 refused" in dialog.counts.text()
    assert not dialog.import_button.isEnabled()

    dialog.overwrite.setChecked(True)
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    rows = _rows(dialog.model)
    assert any(r[1] == changed and r[0].startswith("▲") and "故障 → 在用" in r[3] for r in rows)
    assert "1 overwritten" in dialog.counts.text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_run, timeout=120_000):
        dialog.start_import()  # handed to the writer, with the overwrite the operator chose
    assert dialog.handed is not None and dialog.handed.exit_code == 0, dialog.summary.text()
    with sqlite3.connect(demo_replica) as connection:
        assert dict(connection.execute(
            "SELECT code, status FROM equipment_item WHERE code IN (?, ?)", (edited, changed))
            ) == {edited: "scrapped", changed: "in_service"}


def test_a_configured_writer_command_imports_in_a_child_process(qtbot, demo_replica,
                                                                tmp_path, no_writer):
    import shlex
    import sys

    good = tmp_path / "people.csv"
    good.write_text(GOOD, encoding="utf-8")
    drop = tmp_path / "drop"
    drop.mkdir()
    writer = f"{shlex.quote(sys.executable)} -m desktop --replica {shlex.quote(str(demo_replica))}"
    dialog = ImportDialog(str(demo_replica), drop_folder=str(drop), writer_command=writer)
    qtbot.addWidget(dialog)
    dialog.add_files([good])
    dialog.set_kind("people")
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_run, timeout=120_000):
        dialog.start_import()
    assert dialog.handed is not None and dialog.handed.exit_code == 0, dialog.summary.text()
    assert _people(demo_replica) == 2  # written by the writer's own process, not this one
    assert "writer account" in dialog.summary.text()
    assert not list(drop.iterdir()), "the handed copies stay behind"


def test_without_a_drop_folder_the_dialog_only_checks(qtbot, demo_replica, tmp_path, no_writer):
    good = tmp_path / "people.csv"
    good.write_text(GOOD, encoding="utf-8")
    dialog = ImportDialog(str(demo_replica))
    qtbot.addWidget(dialog)
    dialog.add_files([good])
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.dry_run()
    assert dialog.result is not None and dialog.result.would_import
    assert not dialog.import_button.isEnabled()
    assert "replica import" in dialog.summary.text() and _people(demo_replica) == 0
