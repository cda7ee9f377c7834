"""The header: street, active warnings, Beijing time, data freshness, data problems.

While a replay is shown it has two clocks: the replayed moment, large in the
replay's amber, and the live time small beside it (the live source never pauses).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import beijing
from desktop.models.clock import now as clock_now
from desktop.models.freshness import FreshnessState
from desktop.models.situation import Situation
from desktop.models.vocab import WARNING_KINDS, WARNING_LEVELS
from desktop.views import theme
from desktop.views.plain_text import escaped, plain_label, show_data, tooltip


class Header(QWidget):
    problems_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None, *,
                 wall: bool = False) -> None:
        super().__init__(parent)
        self._language = language
        self.wall = wall
        self._replaying = False
        self._freshness: FreshnessState | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        names = QVBoxLayout()
        self.street = plain_label(self.tr("Street duty room"), object_name="streetName")
        self.district = plain_label("", object_name="dim")
        for label in (self.street, self.district):  # cut to their share, never wider
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        names.addWidget(self.street)
        names.addWidget(self.district)
        layout.addLayout(names, 2)

        self.warnings = QLabel("")
        self.warnings.setTextFormat(Qt.TextFormat.RichText)  # our colours; the areas escaped
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings, 3)

        self.freshness = plain_label(self.tr("Connecting to the replica…"),
                                     object_name="freshness")
        layout.addWidget(self.freshness, 2)

        # The operator opens the list; the wall (no mouse, no buttons) only shows the count.
        self.problems: QPushButton | QLabel
        if wall:
            self.problems = plain_label("", object_name="problems")
        else:
            self.problems = QPushButton("")
            self.problems.clicked.connect(self.problems_requested)
        self.problems.setVisible(False)
        layout.addWidget(self.problems)

        # Whenever the alert sound cannot play, the screen says so (show_sound).
        self.sound_mark = plain_label("", object_name="soundOff")
        self.sound_mark.setStyleSheet(
            f"background:{theme.STATUS_COLOUR['amber']}; color:{theme.ON_STATUS}; "
            "font-weight:bold; padding:4px 8px;")
        self.sound_mark.setVisible(False)
        layout.addWidget(self.sound_mark)
        # The row is as tall as the clock, whatever these say: they wrap to their share of
        # the width and never push the panels below down (a long stale or schema notice
        # once made the header half the wall's height and squeezed the map to a strip).
        for label in (self.warnings, self.freshness, self.sound_mark):
            label.setWordWrap(True)
            policy = label.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
            label.setSizePolicy(policy)

        self.notice = plain_label("")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

        self.date = plain_label("", object_name="date")  # date and weekday, beside the clock
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.date)
        self.clock = plain_label("", object_name="clock")
        layout.addWidget(self.clock)
        self.live_clock = QLabel("")  # the live time, small, while the big clock is replayed
        self.live_clock.setObjectName("dim")
        self.live_clock.setVisible(False)
        layout.addWidget(self.live_clock)
        self.replay_time: dt.datetime | None = None
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start(1000)
        self._tick()

    def hasHeightForWidth(self) -> bool:
        """One row as tall as the clock: the wrapped notices above never make it taller."""
        return False

    def _weekday(self, day: int) -> str:
        return (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                self.tr("Sunday"))[day]

    def date_text(self, at: dt.datetime) -> str:
        """The Beijing date and weekday, two lines: "12月5日" over "星期六"."""
        local = beijing(at)
        day = self.tr("%1-%2-%3").replace("%1", str(local.year)).replace(
            "%2", str(local.month)).replace("%3", str(local.day))
        return f"{day}\n{self._weekday(local.weekday())}"

    def show_sound(self, off: bool) -> None:
        """The alert sound cannot play: a mark says so (the banner still flashes)."""
        local = self.tr("SOUND OFF")
        self.sound_mark.setText("■ " + (local if local == "SOUND OFF" else f"{local} / SOUND OFF"))
        self.sound_mark.setVisible(off)

    def _tick(self) -> None:
        moment = clock_now()
        now = beijing(moment).strftime("%H:%M:%S")
        if not self._replaying:
            self.date.setText(self.date_text(moment))
        if self._replaying:
            self.live_clock.setText(self.tr("Live %1").replace("%1", now))
        else:
            self.clock.setText(now)

    def show_replay_time(self, at: dt.datetime) -> None:
        """The replayed moment, in the big clock (connect to the replay source's time)."""
        self.replay_time = at
        if self._replaying:
            self.clock.setText(f"▶ {beijing(at):%m-%d %H:%M:%S}")

    def show_situation(self, situation: Situation) -> None:
        show_data(self.street, situation.street.name or self.tr("Street duty room"), 40)
        show_data(self.district, situation.street.district, 40)
        kinds = {t.code: t for t in WARNING_KINDS}
        levels = {t.code: t for t in WARNING_LEVELS}
        parts = []
        warning_word = self.tr("warning")
        for warning in situation.warnings:
            kind = kinds.get(warning.kind)
            level = levels.get(warning.level)
            english = self._language.startswith("en")
            kind_text = (kind.en if english else kind.zh) if kind else escaped(warning.kind, 12)
            level_text = (level.en if english else level.zh) if level else escaped(
                warning.level, 12)
            colour = theme.WARNING_COLOUR.get(warning.level, theme.TEXT)
            gap = " " if english else ""
            parts.append(
                f'<span style="background:{colour}; color:{theme.ON_STATUS};">'
                f"&nbsp;⚠ {kind_text}{gap}{level_text}{gap}{warning_word}&nbsp;</span> "
                f"{escaped(warning.area, 30)}"
            )
        self.warnings.setText("<br>".join(parts))
        count = len(situation.problems)
        self.problems.setVisible(count > 0)
        self.problems.setText(self.tr("Data problems: %n", "", count))

    def show_replay(self, replaying: bool) -> None:
        """While replaying, the badge says so, whatever the live replica is doing."""
        self._replaying = replaying
        self.live_clock.setVisible(replaying)
        self.date.setVisible(not replaying)  # the replayed clock carries its own date
        self.clock.setProperty("state", "replay" if replaying else "live")
        self.clock.setStyleSheet(
            f"color: {theme.STATUS_COLOUR['amber']};" if replaying else "")
        if not replaying:
            self.replay_time = None
        elif self.replay_time is not None:
            self.show_replay_time(self.replay_time)
        self._tick()
        if replaying:
            self.freshness.setText(self.tr("▶ REPLAY"))
            self.freshness.setStyleSheet(
                f"background:{theme.STATUS_COLOUR['amber']}; color:{theme.ON_STATUS}; "
                "font-weight:bold; padding:4px 8px;")
            self.freshness.setProperty("state", "replay")
        elif self._freshness is not None:
            self.show_freshness(self._freshness)

    def show_freshness(self, state: FreshnessState) -> None:
        self._freshness = state
        if self._replaying:
            return
        if state.live:
            text = self.tr("● LIVE")
            colour = theme.STATUS_COLOUR["green"]
        elif state.state == "waiting":
            text = self.tr("Connecting to the replica…")
            colour = theme.STATUS_COLOUR["amber"]
        else:
            since = beijing(state.since).strftime("%H:%M:%S") if state.since else "—"
            if state.reason == "schema_newer":
                text = self.tr("■ DATA STALE since %1: the replica's schema (%2) is newer "
                               "than this program; update the program").replace(
                    "%1", since).replace("%2", state.schema)
            elif state.reason == "schema_older":
                text = self.tr("■ DATA STALE since %1: the replica's schema (%2) is older "
                               "than this program; run 'dutyroom replica migrate'").replace(
                    "%1", since).replace("%2", state.schema)
            elif state.state == "unreadable":
                text = self.tr("■ DATA STALE since %1 (replica unreadable)").replace("%1", since)
            else:
                text = self.tr("■ DATA STALE since %1").replace("%1", since)
            colour = theme.STATUS_COLOUR["red"]
        if state.lag is not None:  # a subscriber: how far behind upstream (issue 24)
            text += self.tr(" · upstream lag %1 s").replace(
                "%1", f"{state.lag.total_seconds():.1f}")
        self.freshness.setText(text)
        self.freshness.setToolTip(tooltip(state.detail))
        self.freshness.setStyleSheet(
            f"background:{colour}; color:{theme.ON_STATUS}; font-weight:bold; padding:4px 8px;"
        )
        self.freshness.setProperty("state", state.state)

    def add_badge(self, badge: QWidget) -> None:
        """The signed-in officer's badge, just before the clock."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.clock), badge)

    def show_notice(self, text: str) -> None:
        show_data(self.notice, text, 60)
        self.notice.setVisible(bool(text))
