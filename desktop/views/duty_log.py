"""The duty log (值班日志): one day's entries, a form for new ones, and the correction flow.

Nothing is edited in place: "Correct…" copies the selected entry into the
form, and saving writes a new entry that references it; the old one stays in
the table, struck through. Reads and writes go through the desk off the GUI
thread; writing asks for sign-in first.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import BEIJING, beijing_day, day_bounds
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.duty_log import CATEGORIES, LogEntry, LogLink
from desktop.models.workstation.roles import WRITE_LOG
from desktop.models.workstation.store import StoreChanged, StoreUnavailable
from desktop.views.plain_text import plain_label
from desktop.views.qt_duty_log_model import DutyLogTableModel
from desktop.views.sign_in import with_officer
from desktop.views.store_watch import StoreWatch, store_change_text
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)
LINK_KINDS = ("", "incident", "station", "person")


class DutyLogDialog(QDialog):
    loaded = Signal()
    saved = Signal(object)  # LogEntry

    def __init__(self, desk: Desk, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._english = language.startswith("en")
        self._correcting: LogEntry | None = None
        self.setWindowTitle(self.tr("Duty log"))
        self.resize(1200, 760)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Day")))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = beijing_day(desk.clock())
        self.day.setDate(QDate(today.year, today.month, today.day))
        top.addWidget(self.day)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter entries…"))
        top.addWidget(self.filter, 1)
        self.count = plain_label("")
        self.count.setObjectName("dim")
        top.addWidget(self.count)
        layout.addLayout(top)

        self.model = DutyLogTableModel(language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        form = QHBoxLayout()
        self.category = QComboBox()
        for term in CATEGORIES:
            self.category.addItem(term.en if self._english else term.zh, term.code)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.link_kind = QComboBox()
        for code, text in zip(LINK_KINDS, (self.tr("no link"), self.tr("incident"),
                                           self.tr("station"), self.tr("person")), strict=True):
            self.link_kind.addItem(text, code)
        self.link_code = QLineEdit()
        self.link_code.setPlaceholderText(self.tr("code"))
        for widget in (self.category, self.time, self.link_kind, self.link_code):
            form.addWidget(widget)
        layout.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What happened: calls received, instructions "
                                             "relayed, checks done…"))
        self.text.setMaximumHeight(110)
        layout.addWidget(self.text)

        buttons = QHBoxLayout()
        self.status = plain_label("")
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.correct_button = QPushButton(self.tr("Correct selected…"))
        self.cancel_button = QPushButton(self.tr("Cancel correction"))
        self.cancel_button.setVisible(False)
        self.save_button = QPushButton(self.tr("Add entry"))
        for button in (self.correct_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.day.dateChanged.connect(self.reload)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.correct_button.clicked.connect(self.start_correction)
        self.cancel_button.clicked.connect(self.cancel_correction)
        self.save_button.clicked.connect(self.save)
        self._reset_time()
        self.store_watch = StoreWatch(desk, self.reload, self)
        self.reload()

    def _reset_time(self) -> None:
        now = self._desk.clock().astimezone(BEIJING)
        self.time.setTime(QTime(now.hour, now.minute))

    def _selected_day(self) -> dt.date:
        date = self.day.date()
        return dt.date(date.year(), date.month(), date.day())

    def reload(self) -> None:
        start, end = day_bounds(self._selected_day())
        desk = self._desk
        run_blocking(self, lambda: desk.log_entries(start, end), self._show, self._failed)

    def _show(self, entries: tuple[LogEntry, ...]) -> None:
        self.model.set_entries(entries)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("%n entries", "", len(entries)))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, StoreChanged):
            text = self.tr("Not saved: %1.").replace("%1", store_change_text(error.how))
            self.reload()
        elif isinstance(error, StoreUnavailable):
            text = self.tr("Recording unavailable: %1").replace("%1", str(error))
        elif isinstance(error, (ValueError, LookupError, PermissionError)):
            text = str(error)
        else:
            log.error("duty log failed", exc_info=error)
            text = str(error)
        self.status.setText(text)
        self.save_button.setEnabled(True)

    def selected_entry(self) -> LogEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entry(self.proxy.mapToSource(rows[0]).row())

    def start_correction(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.status.setText(self.tr("Select the entry to correct."))
            return
        if not entry.current:
            self.status.setText(self.tr("Entry #%1 was already corrected: correct #%2 instead.")
                                .replace("%1", str(entry.id))
                                .replace("%2", str(entry.corrected_by_id)))
            return
        self._correcting = entry
        self.category.setCurrentIndex(max(0, self.category.findData(entry.category)))
        self.text.setPlainText(entry.text)
        occurred = entry.occurred_at.astimezone(BEIJING)
        self.time.setTime(QTime(occurred.hour, occurred.minute))
        self.save_button.setText(self.tr("Save correction"))
        self.cancel_button.setVisible(True)
        self.status.setText(self.tr("Correcting entry #%1: the original stays in the log.")
                            .replace("%1", str(entry.id)))

    def cancel_correction(self) -> None:
        self._correcting = None
        self.text.clear()
        self.save_button.setText(self.tr("Add entry"))
        self.cancel_button.setVisible(False)
        self._reset_time()
        self.status.setText("")

    def _link(self) -> LogLink | None:
        code = self.link_code.text().strip()
        kind = self.link_kind.currentData()
        if not code or not kind:
            return None
        return LogLink(incident_code=code if kind == "incident" else None,
                       station_code=code if kind == "station" else None,
                       person_code=code if kind == "person" else None)

    def _occurred_at(self) -> dt.datetime:
        time = self.time.time()
        return dt.datetime.combine(self._selected_day(), dt.time(time.hour(), time.minute()),
                                   tzinfo=BEIJING).astimezone(dt.UTC)

    def save(self) -> None:
        with_officer(self._desk, self, WRITE_LOG, lambda _officer: self._write(),
                     purpose=self.tr("Sign in to write in the duty log."))

    def _write(self) -> None:
        desk, category = self._desk, str(self.category.currentData())
        text, link, occurred = self.text.toPlainText(), self._link(), self._occurred_at()
        if not text.strip():
            self.status.setText(self.tr("Write the entry first."))
            return
        corrects = self._correcting.id if self._correcting else None
        self.save_button.setEnabled(False)

        def job() -> LogEntry:
            return desk.add_log_entry(category, text, occurred_at=occurred, link=link,
                                      corrects=corrects)

        run_blocking(self, job, self._written, self._failed)

    def _written(self, entry: LogEntry) -> None:
        self.save_button.setEnabled(True)
        self.cancel_correction()
        self.link_code.clear()
        self.link_kind.setCurrentIndex(0)
        self.saved.emit(entry)
        self.reload()
