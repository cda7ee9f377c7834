"""The wall's alarm takeover: one alarm in large type over most of the wall, then standby.

``Takeover`` keeps the Qt-free ``TakeoverQueue`` (desktop/models/takeover.py) fed
with the alerts the banner raises and draws the alarm on the wall in a
``TakeoverCard``: what, where, when it was received and how long ago (counting),
the reporting countdown (desktop/models/deadlines.py), the nearest ready station
with its distance in metres from the situation's coverage (desktop/models/
coverage.py: no second way to measure it), who was dispatched once the replica's
log says so (the live timeline's 派遣 events), and what waits after it. The main
window gives it the room and takes the map there. Its one-second timer runs only
while an alarm is on the wall: at standby it costs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.models import clock
from desktop.models.alerts import Alert
from desktop.models.clock import beijing
from desktop.models.deadlines import DeadlineRule, countdown, load_rules
from desktop.models.situation import IncidentStatus, Situation
from desktop.models.takeover import TakeoverQueue
from desktop.models.timeline import Timeline
from desktop.models.vocab import SEVERITIES
from desktop.views import theme
from desktop.views.plain_text import one_line, plain_label

TICK_MS = 1000


def elapsed_words(delta: dt.timedelta) -> str:
    """h:mm:ss or m:ss, never negative (a writer's clock a little ahead)."""
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class TakeoverCard(QFrame):
    """The alarm in large type; every text at least the wall's body size."""

    def __init__(self, language: str, sizes: theme.Sizes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")
        self.setObjectName("takeover")
        # As wide as the panels it stands in for, whatever its words: the map keeps its size.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        big = round(sizes.title * 1.7)
        line = round(sizes.body * 1.25)
        self.sizes = sizes
        self.setStyleSheet(
            f"QFrame#takeover {{ background: {theme.PANEL}; border: 6px solid"
            f" {theme.STATUS_COLOUR['red']}; border-radius: 10px; }}"
            f" QLabel {{ font-size: {line}px; }}"
            f" QLabel#takeoverWhat {{ font-size: {big}px; font-weight: bold; }}"
            f" QLabel#takeoverKey {{ color: {theme.TEXT_DIM}; }}"
            f" QLabel#takeoverSince {{ font-size: {sizes.kpi}px; font-weight: bold; }}")
        layout = QVBoxLayout(self)
        margin = sizes.margin * 3
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(sizes.margin * 2)
        top = QHBoxLayout()
        self.level = plain_label("")
        self.level.setObjectName("takeoverLevel")
        self.exercise = plain_label(self.exercise_word)
        self.exercise.setObjectName("takeoverExercise")
        self.exercise.setStyleSheet(
            f"background: {theme.STATUS_COLOUR['amber']}; color: {theme.ON_STATUS};"
            f" font-weight: bold; padding: 4px 14px; border-radius: 6px;")
        self.remaining = plain_label("")
        self.remaining.setObjectName("takeoverKey")
        top.addWidget(self.level)
        top.addWidget(self.exercise)
        top.addStretch(1)
        layout.addLayout(top)
        self.what = plain_label("")
        self.what.setObjectName("takeoverWhat")
        self.what.setWordWrap(True)
        self.where = plain_label("")
        self.where.setWordWrap(True)
        layout.addWidget(self.what)
        layout.addWidget(self.where)
        since_row = QHBoxLayout()
        self.since = plain_label("")
        self.since.setObjectName("takeoverSince")
        self.received = plain_label("")
        self.received.setObjectName("takeoverKey")
        since_row.addWidget(self.since)
        since_row.addWidget(self.received, 1)
        layout.addLayout(since_row)
        self.deadline = plain_label("")
        self.nearest = plain_label("")
        self.nearest.setWordWrap(True)
        self.dispatched = plain_label("")
        self.dispatched.setWordWrap(True)
        for label in (self.deadline, self.nearest, self.dispatched):
            layout.addWidget(label)
        layout.addStretch(1)
        self.queued = plain_label("")
        self.queued.setObjectName("takeoverKey")
        bottom = QHBoxLayout()
        bottom.addWidget(self.queued, 1)
        bottom.addWidget(self.remaining)
        layout.addLayout(bottom)
        self.hide()

    @property
    def exercise_word(self) -> str:
        local = self.tr("EXERCISE")
        return local if local == "EXERCISE" else f"{local} / EXERCISE"

    def _severity(self, severity: int) -> str:
        if not 1 <= severity <= 4:
            return "?"
        term = SEVERITIES[severity - 1]
        return term.en if self._english else term.zh

    def show_alarm(self, alert: Alert, incident: IncidentStatus, situation: Situation | None,
                   dispatched: tuple[tuple[str, dt.datetime], ...], now: dt.datetime,
                   ends_at: dt.datetime | None, waiting: tuple[Alert, ...],
                   rules: tuple[DeadlineRule, ...]) -> None:
        colour = theme.SEVERITY_COLOUR.get(incident.severity, theme.STATUS_COLOUR["red"])
        kind = self.tr("Severity raised") if alert.kind == "raised" else self.tr("New incident")
        self.level.setText(f"⚠ {kind} · {self._severity(incident.severity)}")
        self.level.setStyleSheet(
            f"background: {colour}; color: {theme.ON_STATUS}; font-weight: bold;"
            f" padding: 4px 14px; border-radius: 6px;")
        self.exercise.setVisible(incident.exercise)
        self.what.setText(one_line(incident.title, 80))
        self.where.setText(self.tr("Place: %1").replace("%1", one_line(incident.place, 80)))
        self.since.setText(elapsed_words(now - incident.recorded_at))
        self.received.setText(self.tr("since received at %1").replace(
            "%1", f"{beijing(incident.recorded_at):%H:%M:%S}"))
        running = countdown(incident, now, rules)
        self.deadline.setText(
            running.words(self._english) if running is not None
            else self.tr("Reporting deadline: none running"))
        self.deadline.setStyleSheet(
            f"color: {theme.STATUS_COLOUR['red']}; font-weight: bold;"
            if running is not None and running.missed else "")
        self.nearest.setText(self._nearest(incident, situation))
        if dispatched:
            sent = "、".join(f"{one_line(name, 30)} {beijing(at):%H:%M}"
                            for name, at in dispatched)
            self.dispatched.setText(self.tr("Dispatched: %1").replace("%1", sent))
        else:
            self.dispatched.setText(self.tr("Dispatched: not yet"))
        left = elapsed_words(ends_at - now) if ends_at is not None else ""
        self.remaining.setText(self.tr("standby in %1").replace("%1", left))
        if waiting:
            nxt = waiting[0].incident
            self.queued.setText(self.tr("Next: %1 · %2 (%3 waiting)")
                                .replace("%1", self._severity(nxt.severity))
                                .replace("%2", one_line(nxt.title, 30))
                                .replace("%3", str(len(waiting))))
        else:
            self.queued.setText("")
        self.queued.setVisible(bool(waiting))

    def _nearest(self, incident: IncidentStatus, situation: Situation | None) -> str:
        if incident.lon is None or incident.lat is None:
            return self.tr("Nearest ready station: the place is not located yet")
        coverage = situation.coverage if situation is not None else None
        if coverage is None:
            return self.tr("Nearest ready station: …")
        near = coverage.nearest.get(incident.id)
        if near is None:
            return self.tr("Nearest ready station: none ready")
        radius = next((s.service_radius_m for s in situation.stations  # type: ignore[union-attr]
                       if s.id == near.station_id), 0.0)
        inside = (self.tr("inside its %1 m circle") if near.distance_m <= radius
                  else self.tr("outside its %1 m circle")).replace("%1", f"{radius:,.0f}")
        return (self.tr("Nearest ready station: %1 · %2 m · %3")
                .replace("%1", one_line(near.name, 30))
                .replace("%2", f"{near.distance_m:,.0f}").replace("%3", inside))


class Takeover(QObject):
    """Which alarm holds the wall, fed by the window; ``changed`` when it starts or ends."""

    changed = Signal(object)  # Alert | None: the alarm now on the wall, None at standby

    def __init__(self, card: TakeoverCard, threshold: int, hold_s: float,
                 rules: tuple[DeadlineRule, ...] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.queue = TakeoverQueue(threshold=threshold, hold=dt.timedelta(seconds=hold_s))
        self._rules = load_rules() if rules is None else rules
        self._situation: Situation | None = None
        self._timeline: Timeline | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    @property
    def enabled(self) -> bool:
        return self.queue.threshold > 0

    @property
    def active(self) -> bool:
        return self.queue.current is not None

    def show_situation(self, situation: Situation, fresh: Iterable[Alert]) -> None:
        """A live situation and the alerts it raised."""
        self._situation = situation
        now = clock.now()
        changed = self.queue.keep_open((i.id for i in situation.incidents), now)
        changed = self.queue.offer(fresh, now) or changed
        self._after(changed)

    def show_timeline(self, timeline: Timeline) -> None:
        """The live log: who was dispatched to the alarm on the wall."""
        self._timeline = timeline
        if self.active:
            self._draw()

    def tick(self) -> None:
        self._after(self.queue.tick(clock.now()))

    def clear(self) -> None:
        self.queue.clear()
        self._after(True)

    def _after(self, changed: bool) -> None:
        if self.active:
            if not self._timer.isActive():
                self._timer.start()
            self._draw()
        else:
            self._timer.stop()
        if changed:
            self.card.setVisible(self.active)
            self.changed.emit(self.queue.current)

    def _incident(self, alert: Alert) -> IncidentStatus:
        """The alarm's incident as the newest situation has it (stage, place, severity)."""
        if self._situation is not None:
            for incident in self._situation.incidents:
                if incident.id == alert.incident.id:
                    return incident
        return alert.incident

    def dispatched(self, incident_id: int) -> tuple[tuple[str, dt.datetime], ...]:
        """(station, when) of each 派遣 the live log holds for the incident."""
        if self._timeline is None:
            return ()
        found = next((i for i in self._timeline.incidents if i.id == incident_id), None)
        if found is None:
            return ()
        return tuple((e.station or "?", e.occurred_at) for e in found.events
                     if e.stage == "dispatched")

    def _draw(self) -> None:
        alert = self.queue.current
        if alert is None:
            return
        self.card.show_alarm(alert, self._incident(alert), self._situation,
                             self.dispatched(alert.incident.id), clock.now(),
                             self.queue.ends_at, self.queue.waiting, self._rules)

    def labels(self) -> dict[str, QLabel]:
        """The card's texts by name (wall-check measures their ink)."""
        card = self.card
        return {"what": card.what, "where": card.where, "since": card.since,
                "received": card.received, "deadline": card.deadline,
                "nearest": card.nearest, "dispatched": card.dispatched,
                "level": card.level, "remaining": card.remaining}
