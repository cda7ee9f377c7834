import pytest
from sqlalchemy.orm import Session

from desktop.models.clock import beijing_day
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.views.sheets_dialog import SheetsDialog

pytestmark = [pytest.mark.gui, pytest.mark.calendar]


@pytest.fixture
def desk(tmp_path, fixed_now):
    """A desk with an officer signed in (exports sign in first: test_export_audit)."""
    from desktop.models.workstation.desk import Desk
    from desktop.models.workstation.officers import enrol
    from desktop.models.workstation.passwords import HashProfile, SecretHasher
    from desktop.models.workstation.recovery import open_store

    cheap = SecretHasher(HashProfile.cheap())
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, cheap, fixed_now, login="w", name="王建国", role="duty_officer",
          secret="135790")
    desk = Desk(store, clock=lambda: fixed_now, hasher=cheap)
    desk.sign_in("w", "135790")
    return desk


@pytest.fixture
def dialog(qtbot, demo_replica, fixed_now, desk):
    engine = open_reader(demo_replica)
    with Session(engine) as session:
        stations = situation_now(session, fixed_now).stations
    engine.dispose()
    widget = SheetsDialog(str(demo_replica), stations, as_of=beijing_day(fixed_now), desk=desk)
    qtbot.addWidget(widget)
    return widget


def test_export_all_stations_with_progress_then_audit_signal(qtbot, dialog, tmp_path):
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as signal:
        dialog.export_to(tmp_path)
    path, what = signal.args
    assert path.endswith(".pdf") and what == "All stations, one PDF"
    assert dialog.progress.value() == dialog.progress.maximum() == 8
    assert dialog.export.isEnabled() and not dialog.cancel.isEnabled()
    dialog.grab().save("/tmp/sheets-dialog.png")


def test_cancel_stops_the_export_and_writes_nothing(qtbot, dialog, tmp_path):
    from PySide6.QtCore import Qt

    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    # What the Cancel button sets, set in the worker the moment the third station is
    # reached (thread-safe Event; no widget is touched from the worker).
    dialog._relay.moved.connect(lambda done, total: done == 2 and dialog._cancel.set(),
                                Qt.ConnectionType.DirectConnection)
    dialog.export_to(tmp_path)
    qtbot.waitUntil(lambda: dialog.export.isEnabled(), timeout=30_000)
    assert dialog.status.text().startswith("Cancelled")
    assert not list(tmp_path.glob("*.pdf"))


def test_exported_sheets_print_page_by_page(qtbot, dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.views.printing.preview import paint_pdf

    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_to(tmp_path)
    assert dialog.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the "printer" is a file here
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(dialog.last_path, printer) == 8
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    preview = dialog.open_preview()
    assert preview is not None
    preview.close()
