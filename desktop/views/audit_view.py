"""Audit view for the duty leader and the administrator: filter, read, export as CSV.

Viewing needs the ``view_audit`` permission (sign-in first); the CSV export is
itself recorded before the file is written. Personal data in the audit is
masked already, so the export needs no extra permission for it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import beijing_day, day_bounds
from desktop.models.file_modes import write_file
from desktop.models.workstation.audit import ACTIONS, AuditEntry, AuditFilter
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import VIEW_AUDIT
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import plain_label
from desktop.views.qt_audit_model import AuditTableModel
from desktop.views.sign_in import with_officer
from desktop.views.store_watch import StoreWatch
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class AuditDialog(QDialog):
    loaded = Signal()
    exported = Signal(str)  # path

    def __init__(self, desk: Desk, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._english = language.startswith("en")
        self.store_watch = StoreWatch(desk, self.reload, self)  # rows of a restored store
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1300, 760)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        today = beijing_day(desk.clock())
        self.since = QDateEdit(_qdate(today - dt.timedelta(days=7)))
        self.until = QDateEdit(_qdate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for term in ACTIONS:
            self.action.addItem(term.en if self._english else term.zh, term.code)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Officer"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Target, reason or detail"))
        self.apply_button = QPushButton(self.tr("Apply"))
        for widget in (plain_label(self.tr("From")), self.since, plain_label(self.tr("to")),
                       self.until, self.action, self.officer, self.text, self.apply_button):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.model = AuditTableModel(language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.status = plain_label("")
        bottom.addWidget(self.status, 1)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self.apply_button.clicked.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.officer.returnPressed.connect(self.reload)
        self.text.returnPressed.connect(self.reload)
        self.export_button.clicked.connect(self._choose_file)

    def current_filter(self) -> AuditFilter:
        since, _ = day_bounds(_day(self.since.date()))
        _, until = day_bounds(_day(self.until.date()))
        action = str(self.action.currentData() or "")
        return AuditFilter(since=since, until=until,
                           actions=frozenset({action}) if action else frozenset(),
                           officer=self.officer.text().strip(), text=self.text.text().strip())

    def reload(self) -> None:
        """Load with the current filter; asks for sign-in (duty leader or admin) first."""
        with_officer(self._desk, self, VIEW_AUDIT, lambda _officer: self._load(),
                     purpose=self.tr("Sign in as duty leader or administrator to read the "
                                     "audit log."))

    def _load(self) -> None:
        desk, wanted = self._desk, self.current_filter()
        run_blocking(self, lambda: desk.audit_log(wanted), self._show, self._failed)

    def _show(self, entries: tuple[AuditEntry, ...]) -> None:
        self.model.set_entries(entries)
        self.status.setText(self.tr("%n record(s)", "", len(entries)))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, StoreUnavailable):
            self.status.setText(self.tr("Recording unavailable: %1").replace("%1", str(error)))
        elif isinstance(error, PermissionError):
            self.status.setText(self.tr("Only the duty leader and the administrator may read "
                                        "the audit log."))
        else:
            log.error("audit view failed", exc_info=error)
            self.status.setText(str(error))

    def _choose_file(self) -> None:
        default = f"audit-{beijing_day(self._desk.clock()):%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), default,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Record the export, then write the rows shown (UTF-8 with BOM for Excel)."""
        entries, english, desk = self.model.entries(), self._english, self._desk

        def job() -> str:
            text = desk.audit_csv(entries, english=english, destination=path.name)
            write_file(path, text.encode("utf-8"))
            return str(path)

        run_blocking(self, job, self._exported, self._failed)

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", path))
        self.exported.emit(path)
