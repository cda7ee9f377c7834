"""The after-action summary on paper: the drill, response times against targets, the timeline.

Misses are marked with a word and a colour (never colour alone); times are
measured on when things happened, with the recorded interval beside it when
the log was typed in late. Names are masked, as on every screen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QPainter

from desktop.models import clock
from desktop.models.after_action import AfterAction, IncidentMetrics, Measure
from desktop.models.clock import beijing
from desktop.models.vocab import LIFECYCLE
from desktop.views.plain_text import NAME_LIMIT, TITLE_LIMIT, one_line
from desktop.views.printing import Cell, Column, Document, Drawing, Heading, Paragraph, Table
from desktop.views.printing import write_pdf as _write
from desktop.views.printing.blocks import Block
from desktop.views.printing.timeline_chart import ChartLane, paint_timeline
from desktop.views.qt_timeline_style import NUMERALS, stage_word

MISS_FILL, MISS_INK = "#ffd9d9", "#a00000"
MET_INK = "#1b5e20"


class AfterActionPdf(QObject):
    """Builds the summary's Document (a QObject only for its translated words)."""

    def __init__(self, report: AfterAction, language: str = "zh_CN",
                 printed_at: dt.datetime | None = None) -> None:
        super().__init__()
        self.report = report
        self.english = language.startswith("en")
        self.printed_at = printed_at or clock.now()

    def minutes(self, value: float) -> str:
        """A target: whole minutes as set (5 min)."""
        return self.tr("%1 min").replace("%1", f"{value:g}")

    def duration(self, value: float) -> str:
        """A measured interval to the second (4 min 03 s), so a miss by 3 s shows."""
        seconds = round(abs(value) * 60)
        return self.tr("%1 min %2 s").replace("%1", str(seconds // 60)).replace(
            "%2", f"{seconds % 60:02d}")

    def cell(self, measure: Measure) -> Cell:
        verdict = measure.verdict
        if verdict == "no_start":
            return Cell("—")
        if verdict == "not_reached":
            return Cell("✗ " + self.tr("not reached"), fill=MISS_FILL, colour=MISS_INK,
                        bold=True)
        assert measure.minutes is not None
        lines = [self.duration(measure.minutes)]
        if verdict == "missed":
            over = self.duration(measure.minutes - measure.target.minutes)
            lines.append("✗ " + self.tr("missed (+%1)").replace("%1", over))
        else:
            lines.append("✓ " + self.tr("met"))
        if measure.times_differ and measure.recorded_minutes is not None:
            recorded = self.duration(measure.recorded_minutes)
            lines.append(self.tr("recorded: %1").replace("%1", recorded))
        if verdict == "missed":
            return Cell("\n".join(lines), fill=MISS_FILL, colour=MISS_INK, bold=True)
        return Cell("\n".join(lines), colour=MET_INK)

    def metrics_table(self) -> Table:
        columns = [Column(self.tr("Incident"), 2.2)]
        for target in self.report.targets:
            title = self.tr("%1 (target %2 from %3)").replace(
                "%1", target.en if self.english else target.zh).replace(
                "%2", self.minutes(target.minutes)).replace(
                "%3", target.from_en if self.english else target.from_zh)
            columns.append(Column(title, 1.0))
        rows = []
        for metrics in self.report.incidents:
            incident = metrics.incident
            first = incident.first("received")
            received = self.tr("received %1").replace("%1", beijing(
                first.occurred_at if first else incident.recorded_at).strftime("%H:%M:%S"))
            name = (f"{incident.code}\n{NUMERALS.get(incident.severity, '?')} "
                    f"{incident.title}\n{received}")
            rows.append((Cell(name), *(self.cell(m) for m in metrics.measures)))
        return Table(tuple(columns), tuple(rows))

    def events_table(self, metrics: IncidentMetrics) -> Table:
        rows = []
        for event in metrics.incident.events:
            number = f" {event.report_no}" if event.report_no else ""
            late = event.recorded_at != event.occurred_at
            recorded = beijing(event.recorded_at).strftime("%H:%M:%S") + (" *" if late else "")
            rows.append((beijing(event.occurred_at).strftime("%H:%M:%S"),
                         Cell(recorded, bold=late),
                         stage_word(event.stage, self.english) + number,
                         event.station or "", event.actor or ""))
        columns = (Column(self.tr("Occurred"), 1.0), Column(self.tr("Recorded"), 1.0),
                   Column(self.tr("Stage"), 1.2), Column(self.tr("Station"), 2.0),
                   Column(self.tr("By (masked)"), 1.0))
        return Table(columns, tuple(rows), size_pt=8.5)

    def chart(self) -> Drawing:
        lanes = []
        for metrics in self.report.incidents:
            incident = metrics.incident
            events = incident.events
            deadlines = []
            for measure in metrics.measures:
                origin = incident.first(measure.target.start_stage)
                if origin is not None:
                    deadlines.append(origin.occurred_at
                                     + dt.timedelta(minutes=measure.target.minutes))
            lanes.append(ChartLane(
                label=f"{NUMERALS.get(incident.severity, '?')} {incident.title}",
                severity=incident.severity,
                start=events[0].occurred_at if events else incident.occurred_at,
                end=events[-1].occurred_at if events else incident.occurred_at,
                marks=tuple((e.occurred_at, e.stage) for e in events),
                targets=tuple(deadlines),
            ))
        drill = self.report.drill
        moments = [m for lane in lanes for m in (lane.start, lane.end, *lane.targets)]
        start = min([drill.starts_at, *moments])
        end = max([drill.ends_at, *moments])
        legend = [(t.code, t.en if self.english else t.zh) for t in LIFECYCLE]
        target_word = self.tr("target")

        def paint(painter: QPainter, rect: QRectF, family: str) -> None:
            paint_timeline(painter, rect, family, lanes, start, end, legend, target_word)

        caption = self.tr("Marks at the time each stage happened (Beijing time); dashed red "
                          "ticks: target deadlines.")
        return Drawing(28 + 14 * max(len(lanes), 1), paint, caption)

    def document(self) -> Document:
        report, drill = self.report, self.report.drill
        span = f"{beijing(drill.starts_at):%Y-%m-%d %H:%M} – {beijing(drill.ends_at):%H:%M}"
        targets = "；".join(
            self.tr("%1 ≤ %2 (from %3)").replace("%1", t.en if self.english else t.zh)
            .replace("%2", self.minutes(t.minutes))
            .replace("%3", t.from_en if self.english else t.from_zh)
            for t in report.targets)
        misses = report.misses
        summary = self.tr("%1 incidents, %2 measures: %3 met, %4 missed.").replace(
            "%1", str(len(report.incidents))).replace("%2", str(report.measured)).replace(
            "%3", str(report.measured - misses)).replace("%4", str(misses))
        title = self.tr("After-action summary")
        blocks: list[Block] = [
            Heading(f"{title}：{one_line(drill.title, TITLE_LIMIT)}"),
            Paragraph(f"{one_line(report.street, NAME_LIMIT)} · {span} "
                      + self.tr("(Beijing time)")),
            Paragraph(drill.scenario, size_pt=9.5),
            Heading(self.tr("Response times against targets"), level=2),
            Paragraph(self.tr("Targets: ") + targets, size_pt=9),
            Paragraph(summary, bold=True, colour=MISS_INK if misses else MET_INK),
            self.metrics_table(),
            Heading(self.tr("Incident timeline"), level=2),
            self.chart(),
            Heading(self.tr("Event log"), level=2),
            Paragraph(self.tr("* recorded later than it happened"), size_pt=8.5),
        ]
        for metrics in report.incidents:
            blocks.append(Paragraph(f"{one_line(metrics.incident.code, NAME_LIMIT)} "
                                    f"{one_line(metrics.incident.title, TITLE_LIMIT)}",
                                    size_pt=9.5, bold=True))
            blocks.append(self.events_table(metrics))
        blocks.append(Heading(self.tr("Data problems"), level=2))
        if report.problems:
            blocks.append(Paragraph(self.tr("Left out of the measures:"), size_pt=9))
            blocks.extend(Paragraph(f"{p.entity} {one_line(p.entity_id, NAME_LIMIT)}: "
                                    f"{one_line(p.problem, TITLE_LIMIT)}", size_pt=8.5)
                          for p in report.problems)
        else:
            blocks.append(Paragraph(self.tr("None: every event of the drill was usable."),
                                    size_pt=9))
        printed = beijing(self.printed_at).strftime("%Y-%m-%d %H:%M")
        return Document(
            title=f"{title} · {one_line(drill.title, TITLE_LIMIT)}",
            blocks=tuple(blocks),
            subtitle=one_line(report.street, NAME_LIMIT),
            mark=self.tr("EXERCISE"),
            footer=self.tr("Printed %1 · personal data masked").replace("%1", printed),
            page_word=self.tr("Page %1 of %2"),
        )


def write_after_action_pdf(report: AfterAction, path: Path, language: str = "zh_CN",
                           printed_at: dt.datetime | None = None) -> Path:
    """Write the summary; PrintError (in words) when no Chinese font is installed."""
    return _write(path, AfterActionPdf(report, language, printed_at).document())
