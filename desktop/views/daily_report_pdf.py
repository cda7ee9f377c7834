"""值班日报 on paper, through the shared printing module.

The content comes assembled from ``desktop.models.daily_report``; this module
only lays it out. Every incident, station not ready, staffing gap and log entry
of the day is listed, over as many pages as that takes (the duty leader signs
for all of it; nothing is folded into "… and N more"), and the signatures are
kept with the last section. A day without a real incident prints as a zero
report (零报告) in bold, not as an empty page. Names stay masked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.models.clock import beijing, beijing_day, day_bounds
from desktop.models.daily_report import DailyReport, load_daily_report, report_handovers
from desktop.models.situation import Situation
from desktop.models.vocab import SEVERITIES, STAGE, WARNING_KINDS, WARNING_LEVELS
from desktop.models.workstation.auth import SignedIn
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import EXPORT
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import NAME_LIMIT, TITLE_LIMIT, one_line
from desktop.views.printing import (
    Cell,
    Column,
    Document,
    Drawing,
    Heading,
    Paragraph,
    PrintError,
    Spacer,
    Table,
)
from desktop.views.printing import write_pdf as _write
from desktop.views.printing.blocks import Block, signature_boxes
from desktop.views.sign_in import with_officer
from desktop.views.worker import run_blocking

RED_FILL, RED_INK = "#ffd9d9", "#a00000"


class DailyReportPdf(QObject):
    """Builds the report's Document (a QObject only for its translated words)."""

    def __init__(self, report: DailyReport, language: str = "zh_CN") -> None:
        super().__init__()
        self.report = report
        self.english = language.startswith("en")

    def _term(self, terms: dict[str, tuple[str, str]], code: str) -> str:
        zh, en = terms.get(code, (code, code))
        return en if self.english else zh

    def _none(self) -> Paragraph:
        return Paragraph(self.tr("None."), 10)

    def _shifts(self) -> list[Block]:
        lines = []
        for shift in self.report.shifts:
            span = f"{beijing(shift.starts_at):%m-%d %H:%M}–{beijing(shift.ends_at):%H:%M}"
            leader = one_line(shift.leader, NAME_LIMIT) if shift.leader else self.tr("no leader")
            officers = "、".join(one_line(name, NAME_LIMIT) for name in shift.officers) or "—"
            lines.append(self.tr("%1 leader %2, officers %3").replace("%1", span)
                         .replace("%2", leader).replace("%3", officers))
        return [Paragraph("\n".join(lines) if lines else self.tr("No duty shift on the roster."),
                          10)]

    def _incidents(self) -> list[Block]:
        """Every incident of the day, open ones first with their stage and next deadline."""
        incidents = self.report.incidents
        if not incidents:
            return [self._none()]
        severities = {int(t.code): (t.zh, t.en) for t in SEVERITIES}
        stages = {t.code: (t.zh, t.en) for t in STAGE.values()}
        rows = []
        for incident in incidents:
            zh, en = severities.get(incident.severity, (str(incident.severity),) * 2)
            title = one_line(incident.title, TITLE_LIMIT)
            if incident.exercise:
                title = self.tr("[EXERCISE] ") + title
            received = f"{beijing(incident.received_at):%H:%M}"
            if incident.carried_over:
                received = f"{beijing(incident.received_at):%m-%d %H:%M}\n" + self.tr(
                    "(carried over)")
            if incident.open and incident.deadline_at is not None:
                late = incident.deadline_at < self.report.compiled_at
                deadline = Cell(self.tr("%1 by %2").replace(
                    "%1", self._term(stages, incident.deadline_stage or "")).replace(
                    "%2", f"{beijing(incident.deadline_at):%m-%d %H:%M}")
                    + ("\n" + self.tr("overdue") if late else ""),
                    fill=RED_FILL if late else None, colour=RED_INK if late else "#000000",
                    bold=late)
            else:
                deadline = Cell("—")
            stage = self._term(stages, incident.status)
            rows.append((received, f"{one_line(incident.code, NAME_LIMIT)} {title}·"
                         f"{one_line(incident.place, NAME_LIMIT)}",
                         en if self.english else zh,
                         Cell(("● " if incident.open else "") + stage, bold=incident.open),
                         deadline))
        order = list(stages)
        by_status = self.report.incidents_by_status()
        counts = "；".join(f"{self._term(stages, code)} {by_status[code]}" for code in sorted(
            by_status, key=lambda code: order.index(code) if code in order else len(order)))
        table = Table((Column(self.tr("Received"), 0.55), Column(self.tr("Incident"), 3.9),
                       Column(self.tr("Severity"), 0.7), Column(self.tr("Stage"), 0.7),
                       Column(self.tr("Next deadline"), 1.15)), tuple(rows), size_pt=8)
        head = self.tr("%n incident(s) of the day, ", "", len(incidents)) + self.tr(
            "%n open: ", "", len(self.report.open_incidents)) + counts
        return [Paragraph(head, 10), table]

    def _handovers(self) -> list[Block]:
        lines = []
        for shift in self.report.shifts:
            if shift.handover_note:
                lines.append(f"{beijing(shift.ends_at):%H:%M} " + self.tr("shift handover: ")
                             + one_line(shift.handover_note, 400))
        for handover in self.report.handovers:
            taken = (self.tr("taken over by %1 at %2").replace(
                "%1", one_line(handover.taken_over_by, NAME_LIMIT)).replace(
                "%2", f"{beijing(handover.taken_over_at):%H:%M}")
                if handover.taken_over_by and handover.taken_over_at
                else self.tr("not yet taken over"))
            lines.append(self.tr("%1 handed over by %2 (%3): %4").replace(
                "%1", f"{beijing(handover.written_at):%H:%M}").replace(
                "%2", one_line(handover.officer_name, NAME_LIMIT)).replace("%3", taken).replace(
                "%4", one_line(handover.notes, 400) or "—"))
        return [Paragraph("\n".join(lines), 9.5)] if lines else [self._none()]

    def _warnings(self) -> list[Block]:
        if not self.report.warnings:
            return [self._none()]
        kinds = {t.code: (t.zh, t.en) for t in WARNING_KINDS}
        levels = {t.code: (t.zh, t.en) for t in WARNING_LEVELS}
        lines = [f"{self._term(kinds, w.kind)} {self._term(levels, w.level)} · "
                 f"{one_line(w.area, TITLE_LIMIT)} · "
                 f"{beijing(w.valid_from):%m-%d %H:%M}–{beijing(w.valid_to):%m-%d %H:%M}"
                 for w in self.report.warnings]
        return [Paragraph("\n".join(lines), 10)]

    def _unknown(self) -> Paragraph:
        return Paragraph(self.tr("Not kept for past days: the replica holds only the present "
                                 "readiness."), 9)

    def _stations(self) -> list[Block]:
        stations = self.report.stations_not_ready
        if not self.report.readiness_known:
            return [self._unknown()]
        if not stations:
            return [self._none()]
        rows = []
        for station in stations:
            level = self.tr("■ Not ready") if station.level == "red" else self.tr("▲ Degraded")
            reasons = "；".join(station.reasons_en if self.english else station.reasons_zh)
            fill = RED_FILL if station.level == "red" else None
            rows.append((Cell(level, fill=fill, colour=RED_INK if fill else "#000000"),
                         one_line(station.name, NAME_LIMIT), reasons))
        table = Table((Column(self.tr("State"), 0.8), Column(self.tr("Station"), 1.4),
                       Column(self.tr("Reasons"), 3.6)), tuple(rows), size_pt=8.5,
                      max_lines=2)
        return [table]

    def _gaps(self) -> list[Block]:
        gaps = self.report.gaps
        if not self.report.readiness_known:
            return [self._unknown()]
        if not gaps:
            return [self._none()]
        lines = [f"{beijing(g.starts_at):%m-%d %H:%M}–{beijing(g.ends_at):%m-%d %H:%M} "
                 f"{g.en if self.english else g.zh}" for g in gaps]
        return [Paragraph("\n".join(lines), 10)]

    def _log(self) -> list[Block]:
        entries = self.report.log
        if not entries:
            return [self._none()]
        rows = []
        for entry in entries:
            text = entry.text if entry.corrects_id is None else (
                entry.text + " " + self.tr("(corrects #%1)").replace("%1", str(entry.corrects_id)))
            rows.append((f"{beijing(entry.occurred_at):%H:%M}",
                         entry.category_label(self.english), text, entry.officer_name))
        table = Table((Column(self.tr("Time"), 0.6), Column(self.tr("Kind"), 0.9),
                       Column(self.tr("Entry"), 4.0), Column(self.tr("Officer"), 0.8)),
                      tuple(rows), size_pt=8.5)
        return [table]

    def _signatures(self) -> Drawing:
        """Duty officer and duty leader sign here; kept on the page of the last section."""
        return signature_boxes(
            (self.tr("Duty officer (signature)"), self.tr("Duty leader (signature)")),
            self.tr("Date"), 15, keep_with_previous=True)

    def document(self) -> Document:
        report = self.report
        day = report.day.isoformat()
        compiled = beijing(report.compiled_at).strftime("%Y-%m-%d %H:%M")
        blocks: list[Block] = [
            Heading(self.tr("Daily duty report %1").replace("%1", day)),
            Paragraph(f"{one_line(report.district, NAME_LIMIT)} "
                      f"{one_line(report.street, NAME_LIMIT)}".strip(), 10),
            *self._shifts(),
        ]
        if report.zero_report:
            blocks += [Spacer(2), Paragraph(self.tr("Zero report: no emergency was received "
                                                    "on this day."), 13, RED_INK, True)]
        sections = (
            (self.tr("Incidents of the day"), self._incidents()),
            (self.tr("Warnings in force"), self._warnings()),
            (self.tr("Handovers"), self._handovers()),
            (self.tr("Stations not ready (at %1)").replace("%1", compiled[-5:]),
             self._stations()),
            (self.tr("Staffing gaps ahead"), self._gaps()),
            (self.tr("Duty log"), self._log()),
        )
        for title, content in sections:
            blocks += [Heading(title, 2), *content]
        blocks.append(self._signatures())
        return Document(
            title=self.tr("Daily duty report"),
            subtitle=f"{one_line(report.street, NAME_LIMIT)} {day}",
            footer=self.tr("Compiled by %1 at %2").replace("%1", report.compiled_by)
            .replace("%2", compiled),
            page_word=self.tr("Page %1 of %2"),
            blocks=tuple(blocks),
            meta={"author": report.compiled_by},
        )


def write_daily_report(path: Path, report: DailyReport, language: str = "zh_CN") -> Path:
    """Write the report's PDF; PrintError (in words) when it cannot be written."""
    return _write(path, DailyReportPdf(report, language).document())


def default_file_name(day: dt.date) -> str:
    return f"daily-report-{day:%Y%m%d}.pdf"


class DailyReportExport(QObject):
    """Sign-in first (export permission), read the day off the GUI thread, record the export,
    write the page. ``situation`` is the wall's current one (used for today only)."""

    written = Signal(str)  # path
    failed = Signal(str)

    def __init__(self, desk: Desk, replica: str, language: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._replica = replica
        self._language = language
        self._parent = parent

    def start(self, day: dt.date, situation: Situation | None, path: Path | None = None) -> None:
        with_officer(self._desk, self._parent, EXPORT,
                     lambda officer: self._run(officer, day, situation, path),
                     purpose=self.tr("Sign in to export the daily report."))

    def _run(self, officer: SignedIn, day: dt.date, situation: Situation | None,
             path: Path | None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Daily report PDF"),
                                                    default_file_name(day),
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        desk, replica = self._desk, self._replica
        today = beijing_day(desk.clock())
        current = situation if day == today else None
        target = path

        def job() -> DailyReport:
            bounds = day_bounds(day)
            entries = desk.log_entries(*bounds)
            handovers = report_handovers(desk.handovers_between(*bounds))
            return load_daily_report(replica, day, situation=current, log=entries,
                                     compiled_at=desk.clock(), compiled_by=officer.name,
                                     handovers=handovers)

        run_blocking(self, job, lambda report: self._write(target, report), self._failed)

    def _write(self, path: Path, report: DailyReport) -> None:
        """Written, then recorded with its SHA-256 (removed again if it cannot be recorded)."""
        from desktop.views.printing.audited import write_recorded

        try:
            written, _digest = write_recorded(
                self._desk, what=f"值班日报 {report.day.isoformat()}", path=path,
                write=lambda target: write_daily_report(target, report, self._language),
                detail=f"{len(report.incidents)} incident(s)")
        except (PrintError, StoreUnavailable, PermissionError, OSError) as error:
            self._failed(error)
            return
        self.written.emit(str(written))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, StoreUnavailable):
            text = self.tr("Not exported: recording is unavailable (%1)").replace("%1", str(error))
        else:
            text = self.tr("Not exported: %1").replace("%1", str(error))
        self.failed.emit(text)
