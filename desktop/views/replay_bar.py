"""The replay bar: pick a drill or a time window, then scrub, play, step, speed, bookmark.

Everything it does goes through the ``ReplayController``; it redraws from the
controller's clock state only, so the scrubber, the time and the buttons
always say where the replay really is. "Back to live" ends the replay.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import clock
from desktop.models.clock import beijing
from desktop.models.replay import SPEEDS, ClockState, DrillInfo
from desktop.models.workstation.roles import WRITE_LOG
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import one_line, plain_label
from desktop.views.replay_controller import ReplayController
from desktop.views.seek_slider import SeekSlider

if TYPE_CHECKING:
    from desktop.models.workstation.desk import Desk

SLIDER_STEPS = 10_000
BEIJING = QTimeZone(b"Asia/Shanghai")
# Transport glyphs every one of which WenQuanYi Micro Hei (the font we ship) draws: its
# cmap has no U+23F8 (⏸), which Qt drew as an empty box; ‖ (U+2016) stands in.
PLAY_GLYPH, PAUSE_GLYPH = "▶", "‖"
# The keyboard, as a media player's (window-wide while a replay is open).
SHORTCUTS: dict[str, str] = {
    "toggle": "Space",
    "previous": "Left",
    "next": "Right",
    "back_minute": "Shift+Left",
    "forward_minute": "Shift+Right",
    "faster": "+",
    "faster_equals": "=",
    "slower": "-",
    "bookmark": "B",
}


def _clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class ReplayBar(QFrame):
    def __init__(self, controller: ReplayController, language: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.controller = controller
        self._language = language
        self.desk: Desk | None = None  # set once the duty desk is open: exports need sign-in
        self._state: ClockState | None = None
        rows = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.title = plain_label(self.tr("Replay"))
        self.title.setObjectName("panelTitle")
        pick.addWidget(self.title)
        self.drills = QComboBox()
        self.drills.setMinimumContentsLength(18)
        self.open_drill = QPushButton(self.tr("Replay drill"))
        self.open_drill.clicked.connect(self._open_drill)
        self.window_from = self._time_edit(-6)
        self.window_to = self._time_edit(0)
        self.open_window = QPushButton(self.tr("Replay window"))
        self.open_window.clicked.connect(self._open_window)
        self.live = QPushButton(self.tr("■ Back to live"))
        self.live.clicked.connect(controller.back_to_live)
        self.status = plain_label("")
        self.status.setObjectName("dim")
        for widget in (self.drills, self.open_drill, plain_label(self.tr("or from")),
                       self.window_from, plain_label(self.tr("to")), self.window_to,
                       self.open_window):
            pick.addWidget(widget)
        pick.addWidget(self.status, 1)
        pick.addWidget(self.live)
        rows.addLayout(pick)

        transport = QHBoxLayout()
        self.back = QPushButton(self.tr("◀ Step"))
        self.back.clicked.connect(lambda: controller.step(forward=False))
        self.play = QPushButton(self.tr("▶ Play"))
        self.play.setMinimumWidth(self.play.fontMetrics().horizontalAdvance("‖ Pause  ") + 16)
        self.play.clicked.connect(controller.toggle)
        self.forward = QPushButton(self.tr("Step ▶"))
        self.forward.clicked.connect(lambda: controller.step(forward=True))
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed}×", speed)
        self.speed.currentIndexChanged.connect(
            lambda _i: controller.set_speed(float(self.speed.currentData())))
        self.scrubber = SeekSlider()
        self.scrubber.setRange(0, SLIDER_STEPS)
        self.scrubber.actionTriggered.connect(self._slider_action)
        self.time = plain_label("--:--:--")
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("00-00 00:00:00 "))
        self.elapsed = plain_label("")
        self.elapsed.setObjectName("dim")
        self.elapsed.setMinimumWidth(
            self.elapsed.fontMetrics().horizontalAdvance("00:00:00 / 00:00:00 "))
        self.bookmark = QPushButton(self.tr("★ Bookmark"))
        self.bookmark.clicked.connect(self.add_bookmark)
        self.bookmarks = QComboBox()
        self.bookmarks.setMinimumContentsLength(8)
        self.bookmarks.activated.connect(self._jump)
        self.export = QPushButton(self.tr("After-action PDF…"))
        self.export.clicked.connect(lambda: self._export())
        self.notes = QPushButton(self.tr("Bookmarks…"))
        self.notes.clicked.connect(self.open_bookmarks)
        self.findings = QPushButton(self.tr("Problems and actions…"))
        self.findings.clicked.connect(self.open_findings)
        for widget in (self.back, self.play, self.forward, self.speed):
            transport.addWidget(widget)
        transport.addWidget(self.scrubber, 1)
        for widget in (self.elapsed, self.time, self.bookmark, self.bookmarks, self.notes,
                       self.findings, self.export):
            transport.addWidget(widget)
        rows.addLayout(transport)

        self.shortcuts = self._keyboard(controller)

        controller.drills_ready.connect(self.show_drills)
        controller.clock_changed.connect(self.show_clock)
        controller.active_changed.connect(self._mode)
        controller.busy_changed.connect(self._busy)
        controller.failed.connect(self._failed)
        controller.opened.connect(lambda replay: self.status.setText(replay.title))
        controller.opened.connect(lambda _replay: self._event_ticks())
        controller.opened.connect(lambda _replay: self.load_bookmarks())
        self._mode(False)

    def _keyboard(self, controller: ReplayController) -> dict[str, QShortcut]:
        actions = {
            "toggle": controller.toggle,
            "previous": lambda: controller.step(forward=False),
            "next": lambda: controller.step(forward=True),
            "back_minute": lambda: controller.nudge(-1),
            "forward_minute": lambda: controller.nudge(1),
            "faster": lambda: controller.faster(True),
            "faster_equals": lambda: controller.faster(True),
            "slower": lambda: controller.faster(False),
            "bookmark": self.add_bookmark,
        }
        shortcuts: dict[str, QShortcut] = {}
        for name, key in SHORTCUTS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(actions[name])
            shortcuts[name] = shortcut
        return shortcuts

    def add_bookmark(self) -> None:
        """Mark the moment (B or ★); kept in the workstation store when the desk is open
        (sign-in first), else for this replay only."""
        bookmark = self.controller.add_bookmark()
        if bookmark is None or self.desk is None:
            return
        from desktop.views.sign_in import with_officer

        desk, scope = self.desk, self.controller.scope()
        name = self.tr("Bookmark %1").replace("%1", beijing(bookmark.at).strftime("%H:%M:%S"))

        def keep(_officer: object) -> None:
            try:
                desk.save_bookmark(scope, bookmark.at, name)
            except (StoreUnavailable, PermissionError, ValueError) as error:
                self.status.setText(str(error))
                return
            self.load_bookmarks()

        with_officer(desk, self, WRITE_LOG, keep,
                     purpose=self.tr("Sign in to keep the bookmarks."))

    def _event_ticks(self) -> None:
        """The groove's event ticks, once per replay (the events do not move)."""
        clock = self.controller.clock
        span = (clock.end - clock.start).total_seconds() if clock is not None else 0.0
        if clock is None or span <= 0:
            self.scrubber.set_ticks((), ())
            return
        self.scrubber.set_ticks([(m - clock.start).total_seconds() / span for m in clock.marks],
                                ())

    def load_bookmarks(self) -> None:
        """The open replay's kept bookmarks onto the clock (groove ticks, the list)."""
        if self.desk is None or self.controller.clock is None:
            return
        try:
            kept = self.desk.bookmarks(self.controller.scope())
        except StoreUnavailable as error:
            self.status.setText(str(error))
            return
        self.controller.set_bookmarks([(note.at, note.name) for note in kept])

    def open_bookmarks(self) -> QDialog | None:
        if self.desk is None or self.controller.replay is None:
            self.status.setText(self.tr("Recording is unavailable: bookmarks cannot be kept."))
            return None
        from desktop.views.bookmarks_dialog import BookmarksDialog

        dialog = BookmarksDialog(self.desk, self.controller.scope(),
                                 lambda note: self.controller.seek(note.at), self)
        dialog.changed.connect(lambda _notes: self.load_bookmarks())
        dialog.open()
        return dialog

    def _time_edit(self, hours: int) -> QDateTimeEdit:
        moment = clock.now() + dt.timedelta(hours=hours)
        edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), BEIJING))
        edit.setTimeZone(BEIJING)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    # ------------------------------------------------------------ controller → bar

    def show_drills(self, drills: tuple[DrillInfo, ...]) -> None:
        self.drills.clear()
        for drill in drills:
            title = one_line(drill.title, 40)
            self.drills.addItem(f"{beijing(drill.starts_at):%m-%d %H:%M} {title}", drill.id)
        self.open_drill.setEnabled(bool(drills))

    def show_clock(self, state: ClockState) -> None:
        self._state = state
        self.scrubber.blockSignals(True)
        if not self.scrubber.isSliderDown():
            self.scrubber.setValue(round(state.fraction * SLIDER_STEPS))
        self.scrubber.blockSignals(False)
        self.time.setText(beijing(state.position).strftime("%m-%d %H:%M:%S"))
        self.elapsed.setText(
            f"{_clock_text((state.position - state.start).total_seconds())} / "
            f"{_clock_text((state.end - state.start).total_seconds())}")
        self.play.setText(self.tr("‖ Pause") if state.playing else self.tr("▶ Play"))
        span = (state.end - state.start).total_seconds()
        if span > 0:
            self.scrubber.set_bookmark_ticks(
                [(b.at - state.start).total_seconds() / span for b in state.bookmarks])
        index = self.speed.findData(int(state.speed))
        if index >= 0 and index != self.speed.currentIndex():
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(index)
            self.speed.blockSignals(False)
        labels = [f"★ {beijing(b.at):%H:%M:%S} {b.label}".rstrip() for b in state.bookmarks]
        if labels != [self.bookmarks.itemText(n) for n in range(self.bookmarks.count())]:
            self.bookmarks.clear()
            for text, bookmark in zip(labels, state.bookmarks, strict=True):
                self.bookmarks.addItem(text, bookmark)

    def _mode(self, replaying: bool) -> None:
        for widget in (self.back, self.play, self.forward, self.speed, self.scrubber,
                       self.bookmark, self.bookmarks, self.live):
            widget.setEnabled(replaying)
        for shortcut in self.shortcuts.values():
            shortcut.setEnabled(replaying)
        replay = self.controller.replay
        self.export.setEnabled(replaying and replay is not None)
        self.notes.setEnabled(replaying and replay is not None)
        self.findings.setEnabled(replaying and replay is not None)
        if not replaying:
            self.status.setText(self.tr("Live"))
            self.time.setText("--:--:--")
            self.elapsed.setText("")
            self.scrubber.set_ticks((), ())

    def _busy(self, busy: bool) -> None:
        self.open_drill.setEnabled(not busy and self.drills.count() > 0)
        self.open_window.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Loading the replay…"))

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Replay failed: %1").replace("%1", message))

    # ------------------------------------------------------------ bar → controller

    def _open_drill(self) -> None:
        drill_id = self.drills.currentData()
        if drill_id is not None:
            self.controller.open_drill(int(drill_id))

    def _open_window(self) -> None:
        start = self.window_from.dateTime().toSecsSinceEpoch()
        end = self.window_to.dateTime().toSecsSinceEpoch()
        if end <= start:
            self.status.setText(self.tr("The window must end after it starts"))
            return
        title = self.tr("Time window")
        self.controller.open_window(dt.datetime.fromtimestamp(start, dt.UTC),
                                    dt.datetime.fromtimestamp(end, dt.UTC), title)

    def _slider_action(self, _action: int) -> None:
        """Page and arrow keys, clicks on the groove: seek where the slider went."""
        self.controller.seek_fraction(self.scrubber.sliderPosition() / SLIDER_STEPS)

    def _jump(self, index: int) -> None:
        bookmark = self.bookmarks.itemData(index)
        if bookmark is not None:
            self.controller.jump(bookmark)

    def open_findings(self) -> QDialog | None:
        """问题与整改 of the open replay, written by the coordinator (saved signed in)."""
        if self.desk is None or self.controller.replay is None:
            self.status.setText(self.tr("Recording is unavailable: findings cannot be saved."))
            return None
        from desktop.views.findings_dialog import FindingsDialog

        replay = self.controller.replay
        dialog = FindingsDialog(self.desk, self.controller.scope(), replay.title, self)
        dialog.open()
        return dialog

    def _export(self, path: Path | None = None) -> None:
        """Sign-in first, then the file, then its audit row (``printing.audited``)."""
        from desktop.views.printing.audited import audited_export

        def choose() -> Path | None:
            if path is not None:
                return path
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save after-action summary"), "after-action.pdf", "PDF (*.pdf)")
            return Path(chosen) if chosen else None

        def failed(text: str) -> None:
            self.status.setText(text)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("After-action summary"), text,
                              QMessageBox.StandardButton.Ok, self)
            box.open()

        controller = self.controller
        audited_export(
            self.desk, self, what=f"演练总结 {controller.scope()}",
            write=lambda target: controller.export_after_action(
                target, self._language, self.desk),
            choose=choose, purpose=self.tr("Sign in to export the after-action summary."),
            written=lambda done, _digest: self.status.setText(
                self.tr("Saved %1").replace("%1", str(done))),
            failed=failed)
