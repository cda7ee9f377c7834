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
        if shift is None:
            return (f"<b>{heading}</b>: <span style='color:{theme.STATUS_COLOUR['red']}'>"
                    f"■ {self.tr('no shift on the roster')}</span>")
        leader = shift.leader
        leader_text = (self._person(leader) if leader else
                       f"<span style='color:{theme.STATUS_COLOUR['red']}'>■ "
                       f"{self.tr('no leader')}</span>")
        officers = "、".join(self._person(p) for p in shift.officers) or "—"
        return (f"<b>{heading}</b> {_span(shift)}<br>"
                f"{self.tr('Leader')}: {leader_text}<br>{self.tr('Officers')}: {officers}")

    def show_situation(self, situation: Situation) -> None:
        self.now.setText(self._shift_text(self.tr("Now"), situation.duty_now))
        self.next.setText(self._shift_text(self.tr("Next"), situation.duty_next))
        readiness = situation.readiness_today
        if readiness is None:
            self.readiness.setText(f"<b>{self.tr('24-hour readiness')}</b>: —")
        else:
            teams = Counter(p.team_kind for p in readiness.people)
            self.readiness.setText(
                f"<b>{self.tr('24-hour readiness')}</b>: {len(readiness.people)} "
                f"({self.tr('professional')} {teams.get('professional', 0)} · "
                f"{self.tr('cadres and militia')} {teams.get('cadre_militia', 0)})<br>"
                + "、".join(p.name for p in readiness.people[:12])
                + (" …" if len(readiness.people) > 12 else "")
            )
        self.drawn.emit()
