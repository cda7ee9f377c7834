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
from desktop.models.after_action import AfterAction, Dispatch, IncidentMetrics, Measure
from desktop.models.clock import beijing
from desktop.models.vocab import LIFECYCLE
from desktop.views.plain_text import NAME_LIMIT, TITLE_LIMIT, one_line
from desktop.views.printing import Cell, Column, Document, Drawing, Heading, Paragraph, Table
from desktop.views.printing import write_pdf as _write
from desktop.views.printing.blocks import Block, signature_boxes
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

    def cell(self, measure: Measure, with_target: bool = False) -> Cell:
        verdict = measure.verdict
        if verdict == "no_start":
            return Cell("—")
        if with_target:
            cell = self.cell(measure)
            target = self.tr("target ≤ %1").replace("%1", self.minutes(measure.target.minutes))
            return Cell(cell.text + "\n" + target, cell.fill, cell.colour, cell.bold)
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

    def circle_words(self, dispatch: Dispatch) -> str:
        """The straight-line distance and whether the place lay inside the station's circle."""
        station = dispatch.station
        if dispatch.straight_m is None or station is None:
            return self.tr("distance unknown (no position)")
        metres = f"{dispatch.straight_m:.0f}"
        if station.kind == "sand_depot" and station.response_minutes:
            text = (self.tr("%1 m, inside its %2-minute circle (%3 km)") if dispatch.inside
                    else self.tr("%1 m, outside its %2-minute circle (%3 km)"))
            return text.replace("%1", metres).replace(
                "%2", f"{station.response_minutes:g}").replace(
                "%3", f"{station.radius_m / 1000:.1f}")
        text = (self.tr("%1 m, inside the %2 m circle") if dispatch.inside
                else self.tr("%1 m, outside the %2 m circle"))
        return text.replace("%1", metres).replace("%2", f"{station.radius_m:.0f}")

    def road_words(self, dispatch: Dispatch) -> str:
        if dispatch.road_m is None:
            return self.tr("along roads: not computed (no road network in the replica)")
        return self.tr("along roads: %1 m").replace("%1", f"{dispatch.road_m:.0f}")

    def arrival_verdict(self, dispatch: Dispatch) -> str:
        """On scene in how long against whose target, and the verdict in words."""
        target = self.minutes(dispatch.target_minutes)
        who = dispatch.target_en if self.english else dispatch.target_zh
        minutes = dispatch.minutes
        if minutes is None:
            return self.tr("not on scene, target ≤ %1 (%2): ✗ not reached").replace(
                "%1", target).replace("%2", who)
        if dispatch.verdict == "met":
            text = self.tr("on scene in %1, target ≤ %2 (%3): ✓ met")
        else:
            text = self.tr("on scene in %1, target ≤ %2 (%3): ✗ missed (+%4)").replace(
                "%4", self.duration(minutes - dispatch.target_minutes))
        return text.replace("%1", self.duration(minutes)).replace("%2", target).replace(
            "%3", who)

    def dispatch_table(self) -> Table:
        rows = []
        for dispatch in self.report.dispatches:
            incident = next(i.incident for i in self.report.incidents
                            if i.incident.id == dispatch.incident_id)
            station = dispatch.station
            name = one_line(station.name, NAME_LIMIT) if station else self.tr("(no station)")
            outside = dispatch.inside is False
            late = dispatch.verdict != "met"
            rows.append((
                f"{one_line(incident.code, NAME_LIMIT)}",
                name,
                Cell(self.circle_words(dispatch) + "\n" + self.road_words(dispatch),
                     fill=MISS_FILL if outside else None,
                     colour=MISS_INK if outside else "#000000", bold=outside),
                Cell(self.arrival_verdict(dispatch), fill=MISS_FILL if late else None,
                     colour=MISS_INK if late else MET_INK, bold=late),
            ))
        columns = (Column(self.tr("Incident"), 1.6), Column(self.tr("Station sent"), 1.6),
                   Column(self.tr("Straight-line distance and circle"), 2.4),
                   Column(self.tr("Arrival against its target"), 2.6))
        return Table(columns, tuple(rows), size_pt=8.5, max_lines=4)

    def resources_blocks(self) -> list[Block]:
        res = self.report.resources
        lines = [
            self.tr("Attendance: %1 person-times").replace("%1", str(res.attendance)) + (
                " (" + "; ".join(f"{one_line(t, TITLE_LIMIT)} {n}" for t, n, _h in res.sessions)
                + ")" if res.sessions else ""),
            self.tr("People in the log: %1; teams: %2").replace("%1", str(res.people)).replace(
                "%2", "、".join(one_line(t, NAME_LIMIT) for t in res.teams) or "—"),
            self.tr("Stations sent: %1").replace(
                "%1", "、".join(one_line(s, NAME_LIMIT) for s in res.stations) or "—"),
            self.tr("Kit out: %1").replace("%1", "；".join(
                f"{one_line(k.station, NAME_LIMIT)} {one_line(k.kind, NAME_LIMIT)} × {k.quantity}"
                for k in res.kit) or "—"),
        ]
        return [Paragraph(line, size_pt=9) for line in lines]

    def findings_blocks(self) -> list[Block]:
        findings = self.report.findings
        if findings is None:
            return [Paragraph(self.tr("Problems found:"), size_pt=9.5, bold=True),
                    Paragraph("\n\n\n", size_pt=9.5),
                    Paragraph(self.tr("Corrective actions:"), size_pt=9.5, bold=True),
                    Paragraph("\n\n\n", size_pt=9.5)]
        written = self.tr("Written by %1 at %2").replace("%1", one_line(
            findings.officer_name, NAME_LIMIT)).replace(
            "%2", beijing(findings.recorded_at).strftime("%Y-%m-%d %H:%M"))
        return [Paragraph(self.tr("Problems found:"), size_pt=9.5, bold=True),
                Paragraph(findings.problems or "—", size_pt=9.5),
                Paragraph(self.tr("Corrective actions:"), size_pt=9.5, bold=True),
                Paragraph(findings.actions or "—", size_pt=9.5),
                Paragraph(written, size_pt=8.5)]

    def bookmarks_table(self) -> Block:
        """The coordinator's bookmarks: the moment, its name and note, who wrote it and when."""
        report = self.report
        if not report.bookmarks:
            return Paragraph(self.tr("None were kept."), size_pt=9)
        start = report.start
        rows = []
        for mark in report.bookmarks:
            into = ""
            if start is not None:
                seconds = max(0, int((mark.at - start).total_seconds()))
                into = f" (+{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d})"
            written = one_line(mark.officer_name, NAME_LIMIT)
            if mark.recorded_at is not None:
                written += " " + beijing(mark.recorded_at).strftime("%m-%d %H:%M")
            rows.append((beijing(mark.at).strftime("%H:%M:%S") + into,
                         one_line(mark.name, TITLE_LIMIT) or "—", mark.note or "—", written))
        columns = (Column(self.tr("Moment"), 1.3), Column(self.tr("Bookmark"), 1.8),
                   Column(self.tr("Note"), 3.4), Column(self.tr("Written by"), 1.5))
        return Table(columns, tuple(rows), size_pt=8.5, max_lines=6)

    def sign_off(self) -> Drawing:
        return signature_boxes(
            (self.tr("Drill coordinator (signature)"), self.tr("Evaluator (signature)"),
             self.tr("Leader in charge (signature)")), self.tr("Date"), 26)

    def metrics_table(self) -> Table:
        columns = [Column(self.tr("Incident"), 1.8)]
        for target in self.report.targets:
            if target.key == "arrive_min":  # the target depends on who was sent
                title = self.tr("%1 (target by who was sent, from %2)").replace(
                    "%1", target.en if self.english else target.zh).replace(
                    "%2", target.from_en if self.english else target.from_zh)
            else:
                title = self.tr("%1 (target %2 from %3)").replace(
                    "%1", target.en if self.english else target.zh).replace(
                    "%2", self.minutes(target.minutes)).replace(
                    "%3", target.from_en if self.english else target.from_zh)
            columns.append(Column(title, 1.0))
        if any(len(m.measures) > len(self.report.targets) for m in self.report.incidents):
            columns.append(Column(self.tr("First report (deadline by severity)"), 1.0))
        rows = []
        for metrics in self.report.incidents:
            incident = metrics.incident
            first = incident.first("received")
            received = self.tr("received %1").replace("%1", beijing(
                first.occurred_at if first else incident.recorded_at).strftime("%H:%M:%S"))
            name = (f"{incident.code}\n{NUMERALS.get(incident.severity, '?')} "
                    f"{incident.title}\n{received}")
            cells = [self.cell(m, m.target.key in ("arrive_min", "report_min"))
                     for m in metrics.measures]
            cells += [Cell("—")] * (len(columns) - 1 - len(cells))
            rows.append((Cell(name), *cells))
        return Table(tuple(columns), tuple(rows), size_pt=8, max_lines=5)

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
        report = self.report
        moments = [m for lane in lanes for m in (lane.start, lane.end, *lane.targets)]
        bounds = [m for m in (report.start, report.end) if m is not None]
        start = min([*bounds, *moments])
        end = max([*bounds, *moments])
        legend = [(t.code, t.en if self.english else t.zh) for t in LIFECYCLE]
        target_word = self.tr("target")

        def paint(painter: QPainter, rect: QRectF, family: str) -> None:
            paint_timeline(painter, rect, family, lanes, start, end, legend, target_word)

        caption = self.tr("Marks at the time each stage happened (Beijing time); dashed red "
                          "ticks: target deadlines.")
        return Drawing(28 + 14 * max(len(lanes), 1), paint, caption)

    def document(self) -> Document:
        report, drill = self.report, self.report.drill
        assert report.start is not None and report.end is not None
        span = f"{beijing(report.start):%Y-%m-%d %H:%M} – {beijing(report.end):%m-%d %H:%M}"
        targets = "；".join(
            self.tr("%1 ≤ %2 (from %3)").replace("%1", t.en if self.english else t.zh)
            .replace("%2", self.minutes(t.minutes))
            .replace("%3", t.from_en if self.english else t.from_zh)
            for t in report.targets if t.key != "arrive_min")
        misses = report.misses
        summary = self.tr("%1 incidents, %2 measures: %3 met, %4 missed.").replace(
            "%1", str(len(report.incidents))).replace("%2", str(report.measured)).replace(
            "%3", str(report.measured - misses)).replace("%4", str(misses))
        outside = sum(1 for d in report.dispatches if d.inside is False)
        late = sum(1 for d in report.dispatches if d.verdict != "met")
        sent = self.tr("%1 dispatches: %2 from outside the station's circle, %3 late or not "
                       "on scene.").replace("%1", str(len(report.dispatches))).replace(
            "%2", str(outside)).replace("%3", str(late))
        title = self.tr("After-action summary")
        what = one_line(report.title, TITLE_LIMIT) or self.tr("replayed time window")
        blocks: list[Block] = [
            Heading(f"{title}：{what}"),
            Paragraph(f"{one_line(report.street, NAME_LIMIT)} · {span} "
                      + self.tr("(Beijing time)")),
        ]
        if drill is not None:
            blocks.append(Paragraph(drill.scenario, size_pt=9.5))
        blocks += [
            Heading(self.tr("Response times against targets"), level=2),
            Paragraph(self.tr("Targets: ") + targets, size_pt=9),
            Paragraph(self.tr("On scene: by who was sent — a service station's volunteers at "
                              "the door ≤ %1, a station with its own response time (the sand "
                              "depot's 20-minute circle, the micro fire station) ≤ that time; "
                              "first report by the severity's deadline.").replace(
                "%1", self.minutes(next((t.minutes for t in report.targets
                                         if t.key == "arrive_min"), 3))), size_pt=9),
            Paragraph(self.tr("Measured: from when things happened (occurred); as recorded: "
                              "from when the duty room logged them — shown when the two "
                              "differ."), size_pt=9, bold=True),
            Paragraph(summary, bold=True, colour=MISS_INK if misses else MET_INK),
            self.metrics_table(),
            Heading(self.tr("Dispatches: distance and circle"), level=2),
            Paragraph(sent, bold=True, colour=MISS_INK if outside or late else MET_INK),
            self.dispatch_table(),
            Heading(self.tr("Participants and resources"), level=2),
            *self.resources_blocks(),
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
        blocks += [Heading(self.tr("Bookmarks and notes"), level=2),
                   self.bookmarks_table(),
                   Heading(self.tr("Problems found and corrective actions"), level=2),
                   *self.findings_blocks(),
                   Heading(self.tr("Sign-off"), level=2),
                   self.sign_off()]
        printed = beijing(self.printed_at).strftime("%Y-%m-%d %H:%M")
        return Document(
            title=f"{title} · {what}",
            blocks=tuple(blocks),
            subtitle=one_line(report.street, NAME_LIMIT),
            mark=self.tr("EXERCISE") if drill is not None else self.tr("REPLAY"),
            footer=self.tr("Printed %1 · personal data masked").replace("%1", printed),
            page_word=self.tr("Page %1 of %2"),
        )


def write_after_action_pdf(report: AfterAction, path: Path, language: str = "zh_CN",
                           printed_at: dt.datetime | None = None) -> Path:
    """Write the summary; PrintError (in words) when no Chinese font is installed."""
    return _write(path, AfterActionPdf(report, language, printed_at).document())
