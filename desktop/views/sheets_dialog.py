"""Operator export of the 六有 sheets: street, one station or all, with progress and cancel.

Scoring and the PDF run off the GUI thread; the result can be previewed (QtPdf)
and printed. ``exported`` carries (path, what) so the app can write the audit entry.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import clock
from desktop.models.compliance.sheets import Cancelled, collect_sheets
from desktop.models.situation import StationStatus
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import EXPORT, PRINT
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import one_line, plain_label
from desktop.views.worker import run_blocking


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _Progress(QObject):
    moved = Signal(int, int)


class SheetsDialog(QDialog):
    exported = Signal(str, str)  # path, what

    def __init__(self, location: str, stations: tuple[StationStatus, ...],
                 parent: QWidget | None = None, *, as_of: dt.date | None = None,
                 desk: Desk | None = None) -> None:
        super().__init__(parent)
        self._desk = desk  # exports sign in first and are recorded with their SHA-256
        self.setWindowTitle(self.tr("Compliance sheets (六有)"))
        self._location = location
        today = clock.today()
        self.as_of = QDateEdit(_qdate(as_of or today))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setMaximumDate(_qdate(today))
        self._cancel = threading.Event()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("The street"), "street")
        self.scope.addItem(self.tr("All stations, one PDF"), "all")
        self._names = {station.code: station.name for station in stations}
        for station in stations:
            self.scope.addItem(one_line(station.name, 40), station.code)
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(24)
        self.progress = QProgressBar()
        self.status = plain_label("")
        self.export = QPushButton(self.tr("Export PDF…"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.print_button = QPushButton(self.tr("Preview and print…"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.open_preview)
        self.export.clicked.connect(self._choose_and_export)
        self.cancel.clicked.connect(self._cancel.set)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.print_button)
        scope = QFormLayout()
        scope.addRow(self.tr("Sheets for"), self.scope)
        scope.addRow(self.tr("As of (end of day)"), self.as_of)
        layout = QVBoxLayout(self)
        layout.addLayout(scope)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._relay = _Progress(self)
        self._relay.moved.connect(self._moved, Qt.ConnectionType.QueuedConnection)
        self.last_path: Path | None = None

    def _choose_and_export(self) -> None:
        def choose(_officer: object) -> None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDF"),
                                                      tempfile.gettempdir())
            if folder:
                self.export_to(Path(folder))

        self._signed_in(choose)

    def _signed_in(self, act: Callable[[object], None]) -> bool:
        """Run ``act`` once an officer allowed to export is signed in (asking first)."""
        if self._desk is None:
            self.status.setText(self.tr("Not exported: recording is unavailable."))
            return False
        from desktop.views.sign_in import with_officer

        with_officer(self._desk, self, EXPORT, act,
                     purpose=self.tr("Sign in to export the compliance sheets."))
        return True

    def export_to(self, folder: Path) -> None:
        """Export the chosen scope into ``folder`` (the button's path, and the tests'), once
        an officer allowed to export is signed in: nothing is scored or written before."""
        desk = self._desk
        if desk is None or desk.officer is None or not desk.officer.can(EXPORT):
            self._signed_in(lambda _officer: self.export_to(folder))
            return
        from desktop.sheet_commands import sheet_path
        from desktop.views.compliance_sheet import sheets_document
        from desktop.views.printing import write_pdf

        choice = self.scope.currentData()
        stations: str | list[str] = choice if choice in ("street", "all") else [choice]
        what = self._names.get(choice, self.scope.currentText())
        self._cancel.clear()
        self.export.setEnabled(False)
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Scoring…"))
        location, relay, cancel = self._location, self._relay, self._cancel
        picked = self.as_of.date()
        day = dt.date(picked.year(), picked.month(), picked.day())
        as_of = clock.as_of(day)

        def work() -> Path:
            def progress(done: int, total: int) -> bool:
                relay.moved.emit(done, total)
                return not cancel.is_set()

            sheet_set = collect_sheets(location, as_of, stations=stations, progress=progress)
            target = sheet_path(folder, sheet_set.street, what, day)
            return write_pdf(target, sheets_document(sheet_set))

        run_blocking(self, work, lambda path: self._done(path, what), self._failed)

    def open_preview(self) -> QDialog | None:
        """Print preview of the exported PDF; printing from it goes to any printer."""
        from desktop.views.printing.preview import preview_pdf

        if self.last_path is None:
            return None
        path, desk = self.last_path, self._desk

        def printed() -> None:  # recorded: who printed which file (its SHA-256), when
            from desktop.models.file_digest import sha256_of

            if desk is None:
                return
            try:
                desk.record("print", PRINT, target=f"六有检查表 → {path.name}",
                            detail=f"sha256 {sha256_of(path)}")
            except (StoreUnavailable, PermissionError, OSError) as error:
                self.status.setText(self.tr("Printed, but not recorded: %1").replace(
                    "%1", str(error)))

        dialog = preview_pdf(path, self, printed)
        dialog.open()
        return dialog

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, path: Path, what: str) -> None:
        self._reset()
        try:
            assert self._desk is not None
            self._desk.record_export("export", EXPORT, f"六有检查表 {what}", path,
                                     f"as of {self.as_of.date().toString('yyyy-MM-dd')}")
        except (StoreUnavailable, PermissionError, OSError) as error:  # the file is removed
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(error)))
            return
        self.progress.setValue(self.progress.maximum())
        self.last_path = path
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Written %1").replace("%1", one_line(path, 160)))
        self.exported.emit(str(path), what)

    def _failed(self, error: BaseException) -> None:
        self._reset()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was written."))
        else:
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(error)))

    def _reset(self) -> None:
        self.export.setEnabled(True)
        self.cancel.setEnabled(False)
