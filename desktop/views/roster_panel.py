"""Who is on duty now and next, and who is on 24-hour readiness today (names masked)."""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.models.clock import beijing
from desktop.models.situation import OnDuty, Shift, Situation
from desktop.views import theme
from desktop.views.panel import PanelFrame
from desktop.views.plain_text import escaped


def _span(shift: Shift) -> str:
    start, end = beijing(shift.starts_at), beijing(shift.ends_at)
    return f"{start:%m-%d %H:%M}–{end:%H:%M}"


class RosterPanel(PanelFrame):
    drawn = Signal()
    week_requested = Signal()

    def __init__(
        self, language: str = "zh_CN", *, wall: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__("", parent)
        self._english = language.startswith("en")
        self._wall = wall
        self.title.setText(self.tr("Duty roster"))
        if not wall:  # the wall is read from afar, not clicked
            self.week = QPushButton(self.tr("Week view"))
            self.week.clicked.connect(self.week_requested)
            self.body.addWidget(self.week)
        self.gaps = QLabel("")
        self.now = QLabel("")
        self.next = QLabel("")
        self.readiness = QLabel("")
        for label in (self.gaps, self.now, self.next, self.readiness):
            label.setTextFormat(Qt.TextFormat.RichText)  # our markup; names escaped
            label.setWordWrap(True)
            if not wall:
                self.body.insertWidget(self.body.count() - 1, label)
        if wall:  # under the map, wide and low; the KPI tiles show the readiness count
            for label in (self.gaps, self.now, self.next):
                self.body.addWidget(label)
        else:
            self.body.addStretch(1)

    def _person(self, person: OnDuty) -> str:
        # The wall shows who; the numbers to call are at the operator window.
        phone = f" {escaped(person.phone, 20)}" if person.phone and not self._wall else ""
        return f"{escaped(person.name, 20)}{phone}"

    def _shift_text(self, heading: str, shift: Shift | None) -> str:
        red = theme.STATUS_COLOUR["red"]
        if shift is None:
            missing = self.tr("no shift on the roster")
            return f"<b>{heading}</b>: <span style='color:{red}'>■ {missing}</span>"
        leader = shift.leader
        no_leader = self.tr("no leader")
        leader_text = (self._person(leader) if leader else
                       f"<span style='color:{red}'>■ {no_leader}</span>")
        officers = "、".join(self._person(p) for p in shift.officers) or "—"
        leader_word = self.tr("Leader")
        officers_word = self.tr("Officers")
        if self._wall:  # one line a shift: the map above it keeps the height
            start, end = beijing(shift.starts_at), beijing(shift.ends_at)
            return (f"<b>{heading}</b> {start:%H:%M}–{end:%H:%M} · {leader_text} · "
                    f"{officers}")
        return (f"<b>{heading}</b> {_span(shift)}<br>"
                f"{leader_word}: {leader_text}<br>{officers_word}: {officers}")

    def _gaps_text(self, situation: Situation) -> str:
        roster = situation.roster
        if roster is None or not roster.gaps:
            return ""
        red = theme.STATUS_COLOUR["red"]
        lines = [
            f"{beijing(gap.starts_at):%m-%d %H:%M} {gap.en if self._english else gap.zh}"
            for gap in roster.gaps[:3]
        ]
        more = " …" if len(roster.gaps) > 3 else ""
        heading = self.tr("Staffing gaps, next 72 h")
        return (f"<span style='color:{red}'>▲ <b>{heading}</b>: "
                + "；".join(lines) + more + "</span>")

    def _skills_text(self, situation: Situation) -> str:
        roster = situation.roster
        if roster is None:
            return ""
        short = [c for c in roster.skills_today if c.short]
        if not short:
            return self.tr("skills covered")
        words = "、".join(
            f"{c.skill.en if self._english else c.skill.zh} {c.have}/{c.skill.need}"
            for c in short)
        red = theme.STATUS_COLOUR["red"]
        heading = self.tr("skills short")
        return f"<span style='color:{red}'>▲ {heading}: {words}</span>"

    def _team_text(self, situation: Situation) -> str:
        """The team's strength: total, professional, cadres and militia, party members."""
        team = situation.roster.composition if situation.roster else None
        if team is None or not team.members:
            return ""
        share = round(100 * team.party_members / team.members)
        return html.escape(
            self.tr("Team %1: professional %2 · cadres and militia %3 · party members %4 "
                    "(%5%)").replace("%1", str(team.members)).replace(
                "%2", str(team.professional)).replace(
                "%3", str(team.cadres + team.militia)).replace(
                "%4", str(team.party_members)).replace("%5", str(share)))

    def show_situation(self, situation: Situation) -> None:
        self.gaps.setText(self._gaps_text(situation))
        self.gaps.setVisible(bool(self.gaps.text()))
        self.now.setText(self._shift_text(self.tr("Now"), situation.duty_now))
        self.next.setText(self._shift_text(self.tr("Next"), situation.duty_next))
        readiness = situation.readiness_today
        heading = self.tr("24-hour readiness")
        if readiness is None:
            self.readiness.setText(f"<b>{heading}</b>: —")
        else:
            teams = Counter(p.team_kind for p in readiness.people)
            composition = (
                self.tr("professional %1 · cadres and militia %2")
                .replace("%1", str(teams.get("professional", 0)))
                .replace("%2", str(teams.get("cadre_militia", 0)))
            )
            skills = self._skills_text(situation)
            joint = " · " if self._wall else "<br>"
            self.readiness.setText(
                joint.join(part for part in (
                    f"<b>{heading}</b>: {len(readiness.people)} ({composition})", skills,
                    self._team_text(situation)) if part))
        self.drawn.emit()
