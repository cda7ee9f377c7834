"""The flashing alert banner: new or raised incidents until someone acknowledges them.

It shows what the Qt-free AlertTracker holds; acknowledging is reported through
``acknowledged`` (the app records it) and the sound repeats louder while nobody does.
Acknowledgements and mutes made at another window of the workstation arrive through
``apply_shared``; while muted the banner still flashes and says until when.

While the operator replays, live alerts go on arriving here (live never pauses):
``set_breakthrough(True)`` marks the banner **实时 / LIVE** in the live colour, not
the replay's amber, and offers the way back to live (``BACK_TO_LIVE_KEY``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.models import clock
from desktop.models.alerts import Alert, AlertTracker
from desktop.models.clock import beijing
from desktop.models.situation import Situation
from desktop.models.vocab import SEVERITIES
from desktop.views import theme
from desktop.views.alert_sound import AlertSound
from desktop.views.plain_text import one_line, plain_label, tooltip

if TYPE_CHECKING:  # (the store's modules load the database layer: not at start-up)
    from desktop.models.workstation.alert_acts import SharedAlerts

FLASH_MS = 600
BORDER_PX = 4  # the live colour's frame while a live alert breaks through a replay
# The banner paints its own background: a flash is one repaint of this widget, not a new
# style sheet (which re-polished the banner and everything in it twice a second). The
# text is black on red and amber; on the panel colour (breakthrough, dark half) it turns
# light through a property the sheet below selects, polished on the label alone.
STYLE = (f"AlertBanner {{ background: transparent; }}"
         f"QLabel#alertText {{ color: {theme.ON_STATUS}; font-weight: bold; }}"
         f"QLabel#alertText[dark=\"true\"] {{ color: {theme.TEXT}; }}")
SOUND_CHECK_MS = 5000
BACK_TO_LIVE_KEY = "F6"  # ends a replay, following the live alert (the router's action)


class AlertBanner(QFrame):
    acknowledge_requested = Signal()  # the button: the app asks who, then calls acknowledge_all
    acknowledged = Signal(object)  # tuple[Alert, ...]
    back_to_live_requested = Signal()  # the button shown while a live alert breaks through

    def __init__(self, language: str, *, sound: bool = True, wall: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")
        self.wall = wall
        self.tracker = AlertTracker()
        self.sound = AlertSound(self) if sound else None
        self._rung_level = 0
        self._flash_on = False
        self.breakthrough = False
        self.muted_until: dt.datetime | None = None
        layout = QHBoxLayout(self)
        self.live_mark = QLabel(self.live_word)
        self.live_mark.setObjectName("liveMark")
        self.live_mark.setStyleSheet(
            f"background: {theme.LIVE_COLOUR}; color: {theme.ON_STATUS}; font-weight: bold;"
            " padding: 2px 10px; border-radius: 4px;")
        self.live_mark.setVisible(False)
        self.text = plain_label("")  # titles and places are data: drawn as text
        self.text.setObjectName("alertText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Acknowledge"))
        self.button.clicked.connect(self.acknowledge_requested)
        self.back = QPushButton(self.tr("Back to live (%1)").replace("%1", BACK_TO_LIVE_KEY))
        self.back.clicked.connect(self.back_to_live_requested)
        self.back.setVisible(False)
        layout.addWidget(self.live_mark)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back)
        layout.addWidget(self.button)
        if wall:  # no one can reach a button at the wall: the key overlay acknowledges
            self.button.setVisible(False)
        self._flash = QTimer(self)
        self._flash.timeout.connect(self._toggle)
        self._ring = QTimer(self)
        self._ring.timeout.connect(self._ring_if_due)
        self.setStyleSheet(STYLE)
        self.setVisible(False)

    def reserve_height(self, height: int) -> None:
        """Keep the banner's place in the layout, shown or not, at one fixed height: the
        panels below never move when an alert comes or goes."""
        self.setFixedHeight(height)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    @property
    def sound_off(self) -> bool:
        """The alert sound cannot play (no audio device, no Qt Multimedia, or none made)."""
        return self.sound is None or not self.sound.available

    @property
    def live_word(self) -> str:
        """实时 / LIVE in Chinese, LIVE in English (as the replay mark says 演练回放 / REPLAY)."""
        local = self.tr("LIVE")
        return local if local == "LIVE" else f"{local} / LIVE"

    def show_situation(self, situation: Situation) -> tuple[Alert, ...]:
        """A live situation (never a replayed one): new or raised incidents alert. Returns
        the alerts it raised (the wall's takeover takes the severe ones)."""
        fresh = self.tracker.update(situation)
        self.refresh()
        return fresh

    def set_breakthrough(self, on: bool) -> None:
        """While a replay is on the screen: the banner says its alerts are live."""
        self.breakthrough = on
        self.live_mark.setVisible(on)
        self.back.setVisible(on)
        self._paint()

    def _describe(self, alert: Alert) -> str:
        incident = alert.incident
        severity = SEVERITIES[incident.severity - 1] if 1 <= incident.severity <= 4 else None
        level = (severity.en if self._english else severity.zh) if severity else "?"
        kind = self.tr("Severity raised") if alert.kind == "raised" else self.tr("New incident")
        exercise = self.tr("EXERCISE") + " · " if incident.exercise else ""
        return (f"⚠ {exercise}{kind}: {level} · {one_line(incident.title, 60)} · "
                f"{one_line(incident.place, 30)} · {beijing(incident.recorded_at):%H:%M}")

    def refresh(self) -> None:
        pending = self.tracker.pending
        if not pending:
            self._flash.stop()
            self._ring.stop()
            self._rung_level = 0
            self.setVisible(False)
            return
        more = len(pending) - 1
        suffix = self.tr(" (+%1 more)").replace("%1", str(more)) if more else ""
        if self.muted():
            assert self.muted_until is not None
            suffix += self.tr(" · sound muted until %1").replace(
                "%1", f"{beijing(self.muted_until):%H:%M}")
        self.text.setText(self._describe(pending[0]) + suffix)
        first = pending[0].incident
        self.text.setToolTip(tooltip(f"{first.title}\n{first.place}"))
        self.setVisible(True)
        if not self._flash.isActive():
            self._flash.start(FLASH_MS)
            self._ring.start(SOUND_CHECK_MS)
            self._toggle()
            self._ring_if_due()

    def _toggle(self) -> None:
        self._flash_on = not self._flash_on
        self._paint()

    @property
    def background(self) -> str:
        """The colour the banner is painted now."""
        if self.breakthrough:  # no amber: that is the replay's colour
            return theme.STATUS_COLOUR["red"] if self._flash_on else theme.PANEL
        return theme.STATUS_COLOUR["red"] if self._flash_on else theme.STATUS_COLOUR["amber"]

    def _paint(self) -> None:
        dark = self.breakthrough and not self._flash_on
        if bool(self.text.property("dark")) != dark:
            self.text.setProperty("dark", dark)
            self.text.style().unpolish(self.text)
            self.text.style().polish(self.text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = BORDER_PX / 2 if self.breakthrough else 0
        box = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        painter.setPen(QPen(QColor(theme.LIVE_COLOUR), BORDER_PX) if self.breakthrough
                       else QPen(QColor(0, 0, 0, 0)))
        painter.setBrush(QColor(self.background))
        painter.drawRoundedRect(box, 6, 6)
        painter.end()
        super().paintEvent(event)

    def muted(self) -> bool:
        return self.muted_until is not None and clock.now() < self.muted_until

    def set_muted(self, until: dt.datetime | None) -> None:
        """Silence the sound until then (None: not muted); the banner goes on flashing. When
        the mute ends with alerts still pending, it rings at the level they have reached."""
        if until is not None and until <= clock.now():
            until = None
        if until != self.muted_until:
            self.muted_until = until
            self.refresh()

    def apply_shared(self, shared: SharedAlerts) -> None:
        """What any window of this workstation acknowledged or muted (read from the store)."""
        done = [alert for key in shared.acknowledged
                if (alert := self.tracker.acknowledge(key)) is not None]
        self.set_muted(shared.muted_until)
        if done:
            self.refresh()

    def _ring_if_due(self) -> None:
        if self.muted():
            return
        level = self.tracker.repeat_level(clock.now())
        if level > self._rung_level and self.sound is not None:
            self.sound.play(level)
        self._rung_level = max(self._rung_level, level)

    def acknowledge_all(self) -> tuple[Alert, ...]:
        done = self.tracker.acknowledge_all()
        self.refresh()
        if done:
            self.acknowledged.emit(done)
        return done
