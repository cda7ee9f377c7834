"""Written handover (交接班): the outgoing officer writes, the incoming officer acknowledges.

Two tabs at the desk. "Hand over" shows the package compiled from the
situation the wall shows, and takes the outgoing officer's open items. "Take
over" shows the newest handover still waiting — the package *as it was
written* plus the notes — and the incoming officer (someone else, signed in)
acknowledges both together. Names and times of both are shown and printed.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import beijing
from desktop.models.handover import HandoverPackage
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.handovers import (
    HandoverRefused,
    WrittenHandover,
    package_snapshot,
    summary_sections,
)
from desktop.models.workstation.roles import ACKNOWLEDGE, PRINT, WRITE_HANDOVER
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import plain_label
from desktop.views.sign_in import with_officer
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)
Printer = Callable[[WrittenHandover, QWidget], None]


class HandoverDialog(QDialog):
    loaded = Signal()
    written = Signal(object)  # WrittenHandover
    acknowledged = Signal(object)  # WrittenHandover

    def __init__(self, desk: Desk, package: HandoverPackage | None, language: str = "zh_CN",
                 parent: QWidget | None = None, *, printer: Printer | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._package = package
        self._english = language.startswith("en")
        if printer is None:
            from desktop.views.handover_pdf import HandoverPrinter

            printer = HandoverPrinter(desk, language)
        self._printer = printer
        self.pending: WrittenHandover | None = None
        self.last: WrittenHandover | None = None
        self.setWindowTitle(self.tr("Shift handover"))
        self.resize(1100, 800)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        outgoing = QWidget()
        out_layout = QVBoxLayout(outgoing)
        self.package_view = QTextBrowser()
        out_layout.addWidget(self.package_view, 1)
        out_layout.addWidget(plain_label(self.tr("Open items for the incoming shift")))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(140)
        out_layout.addWidget(self.notes)
        self.hand_over_button = QPushButton(self.tr("Hand over (outgoing officer)"))
        out_layout.addWidget(self.hand_over_button)
        self.tabs.addTab(outgoing, self.tr("Hand over"))

        incoming = QWidget()
        in_layout = QVBoxLayout(incoming)
        self.pending_view = QTextBrowser()
        in_layout.addWidget(self.pending_view, 1)
        in_layout.addWidget(plain_label(self.tr("Remarks on taking over (optional)")))
        self.remarks = QPlainTextEdit()
        self.remarks.setMaximumHeight(100)
        in_layout.addWidget(self.remarks)
        self.acknowledge_button = QPushButton(
            self.tr("Acknowledge package and notes (incoming officer)"))
        in_layout.addWidget(self.acknowledge_button)
        self.tabs.addTab(incoming, self.tr("Take over"))

        bottom = QHBoxLayout()
        self.status = plain_label("")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.print_button = QPushButton(self.tr("Print…"))
        bottom.addWidget(self.print_button)
        layout.addLayout(bottom)

        self.hand_over_button.clicked.connect(self.hand_over)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.print_button.clicked.connect(self.print_record)
        self._show_package()
        self.reload()

    # ------------------------------------------------------------ showing

    def _heading(self, code: str) -> str:
        return {"shifts": self.tr("Outgoing and incoming shift"),
                "incidents": self.tr("Open incidents"),
                "stations": self.tr("Stations not fully ready"),
                "gaps": self.tr("Staffing gaps ahead"),
                "warnings": self.tr("Active warnings")}.get(code, code)

    def _html(self, snapshot: dict[str, object], notes: str | None) -> str:
        none = html.escape(self.tr("none"))
        parts = [f"<h3>{html.escape(str(snapshot['street']))}</h3>"]
        for code, lines in summary_sections(snapshot, self._english):  # type: ignore[arg-type]
            parts.append(f"<h4>{html.escape(self._heading(code))}</h4>")
            if lines:
                items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{none}</p>")
        if notes is not None:
            heading = html.escape(self.tr("Open items written by the outgoing officer"))
            body = html.escape(notes).replace("\n", "<br>") or none
            parts.append(f"<h4>{heading}</h4><p>{body}</p>")
        return "".join(parts)

    def _show_package(self) -> None:
        if self._package is None:
            self.package_view.setPlainText(self.tr("Waiting for the first situation…"))
            self.hand_over_button.setEnabled(False)
            return
        self.package_view.setHtml(self._html(package_snapshot(self._package), None))

    def reload(self) -> None:
        run_blocking(self, self._desk.latest_handover, self._show_latest, self._failed)

    def _show_latest(self, latest: WrittenHandover | None) -> None:
        self.last = latest
        self.pending = latest if latest is not None and latest.acknowledgement is None else None
        if self.pending is not None:
            self.pending_view.setHtml(self._html(self.pending.package, self.pending.notes))
            self.acknowledge_button.setEnabled(True)
            self.tabs.setCurrentIndex(1)
        else:
            self.pending_view.setPlainText(self.tr("No handover is waiting to be acknowledged."))
            self.acknowledge_button.setEnabled(False)
        self.status.setText(self.record_text(latest))
        self.print_button.setEnabled(latest is not None)
        self.loaded.emit()

    def record_text(self, written: WrittenHandover | None) -> str:
        if written is None:
            return self.tr("No handover written yet.")
        text = self.tr("Handed over by %1 at %2").replace("%1", written.officer_name).replace(
            "%2", beijing(written.written_at).strftime("%m-%d %H:%M"))
        ack = written.acknowledgement
        if ack is None:
            return text + " · " + self.tr("not yet acknowledged")
        return text + " · " + self.tr("taken over by %1 at %2").replace(
            "%1", ack.officer_name).replace("%2", beijing(ack.at).strftime("%m-%d %H:%M"))

    # ------------------------------------------------------------ acts

    def hand_over(self) -> None:
        with_officer(self._desk, self, WRITE_HANDOVER, lambda _o: self._write(),
                     purpose=self.tr("Outgoing officer: sign in to hand over."))

    def _write(self) -> None:
        package, notes, desk = self._package, self.notes.toPlainText(), self._desk
        if package is None:
            return
        self.hand_over_button.setEnabled(False)
        run_blocking(self, lambda: desk.write_handover(package, notes), self._was_written,
                     self._failed)

    def _was_written(self, written: WrittenHandover) -> None:
        self.hand_over_button.setEnabled(True)
        self.notes.clear()
        self.written.emit(written)
        self._show_latest(written)
        self.status.setText(self.record_text(written) + " · " + self.tr(
            "The incoming officer signs in and acknowledges on the Take over tab."))

    def acknowledge(self) -> None:
        if self.pending is None:
            return
        with_officer(self._desk, self, ACKNOWLEDGE, lambda _o: self._acknowledge(),
                     purpose=self.tr("Incoming officer: sign in to take over."))

    def _acknowledge(self) -> None:
        pending, remarks, desk = self.pending, self.remarks.toPlainText(), self._desk
        if pending is None:
            return
        self.acknowledge_button.setEnabled(False)
        run_blocking(self, lambda: desk.acknowledge_handover(pending, remarks),
                     self._was_acknowledged, self._failed)

    def _was_acknowledged(self, written: WrittenHandover) -> None:
        self.remarks.clear()
        self.acknowledged.emit(written)
        self._show_latest(written)

    def print_record(self) -> None:
        if self._printer is None or self.last is None:
            return
        written, printer = self.last, self._printer
        with_officer(self._desk, self, PRINT, lambda _o: printer(written, self))

    def _failed(self, error: BaseException) -> None:
        self.hand_over_button.setEnabled(self._package is not None)
        self.acknowledge_button.setEnabled(self.pending is not None)
        if isinstance(error, HandoverRefused):
            message = {
                "same_officer": self.tr("The incoming officer must sign in: the writer cannot "
                                        "acknowledge their own handover."),
                "changed": self.tr("The handover changed since it was shown: read it again."),
                "already": self.tr("This handover was already acknowledged."),
            }.get(error.code, str(error))
        elif isinstance(error, StoreUnavailable):
            message = self.tr("Recording unavailable: %1").replace("%1", str(error))
        else:
            if not isinstance(error, (ValueError, PermissionError)):
                log.error("handover failed", exc_info=error)
            message = str(error)
        self.status.setText(message)
