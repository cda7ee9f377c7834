"""Who is on duty now and next, and who is on 24-hour readiness today (names masked)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.models.situation import OnDuty, Shift, Situation
from desktop.views import theme
from desktop.views.header import beijing
from desktop.views.panel import PanelFrame


def _span(shift: Shift) -> str:
    start, end = beijing(shift.starts_at), beijing(shift.ends_at)
    return f"{start:%m-%d %H:%M}–{end:%H:%M}"


class RosterPanel(PanelFrame):
    drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Duty roster"))
        self.now = QLabel("")
        self.next = QLabel("")
        self.readiness = QLabel("")
        for label in (self.now, self.next, self.readiness):
            label.setWordWrap(True)
            self.body.addWidget(label)
        self.body.addStretch(1)

    def _person(self, person: OnDuty) -> str:
        phone = f" {person.phone}" if person.phone else ""
        return f"{person.name}{phone}"

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
        return (f"<b>{heading}</b> {_span(shift)}<br>"
                f"{leader_word}: {leader_text}<br>{officers_word}: {officers}")

    def show_situation(self, situation: Situation) -> None:
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
            names = "、".join(p.name for p in readiness.people[:12])
            more = " …" if len(readiness.people) > 12 else ""
            self.readiness.setText(
                f"<b>{heading}</b>: {len(readiness.people)} ({composition})<br>{names}{more}")
        self.drawn.emit()
