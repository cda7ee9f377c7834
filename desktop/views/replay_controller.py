"""Replay mode's one moving part: loads a replay off the GUI thread, then ticks its clock.

It is the replay ``SituationSource`` (desktop/views/situation_source.py):
``situation_ready`` carries a ``Situation`` exactly like the live source's,
``timeline_ready`` the replayed incidents, ``time_changed`` the replayed moment,
``active_changed(bool)`` says when a replay starts and ends (the router then puts
it on the panels, or live back). Seeking and playing never touch the database:
the engine was built once, on a worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from desktop.models.replay import Bookmark, ReplayClock
from desktop.models.replay.index import DEFAULT_SNAPSHOT_EVERY
from desktop.models.replay.source import Replay
from desktop.views.situation_source import SituationSource
from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from desktop.models.after_action import AfterAction
    from desktop.models.workstation.desk import Desk

log = logging.getLogger(__name__)

TICK_MS = 40  # 25 frames a second while playing


class ReplayController(SituationSource):
    """Besides the source's signals: the drills to choose from, the replay opened, the
    clock's whole state (playing, speed, bookmarks) and whether it is loading."""

    drills_ready = Signal(object)  # tuple[DrillInfo, ...]
    opened = Signal(object)  # Replay
    clock_changed = Signal(object)  # ClockState
    busy_changed = Signal(bool)
    failed = Signal(str)
    responders_changed = Signal(object)  # tuple[Responder, ...]: teams on their way at t

    mode = "replay"

    def __init__(self, location: str, parent: QObject | None = None, *, tick_ms: int = TICK_MS,
                 snapshot_every: int = DEFAULT_SNAPSHOT_EVERY) -> None:
        super().__init__(parent)
        self.location = location
        self.replay: Replay | None = None
        self.clock: ReplayClock | None = None
        self._snapshot_every = snapshot_every
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._wall = QElapsedTimer()
        self._shown: dt.datetime | None = None
        self._reader: tuple[Replay, Any] | None = None
        self._tracks: tuple[Replay, tuple[Any, ...], Any] | None = None

    @property
    def active(self) -> bool:
        return self.replay is not None

    # ------------------------------------------------------------ loading (on a worker)

    def load_drills(self) -> None:
        from desktop.models.replay import list_drills
        from desktop.models.replay.source import with_replica

        location = self.location
        run_blocking(self, lambda: with_replica(location, list_drills), self.drills_ready.emit,
                     self._failed)

    def open_drill(self, drill_id: int) -> None:
        from desktop.models.replay.source import replay_drill, with_replica

        location, every = self.location, self._snapshot_every
        self._load(lambda: with_replica(
            location, lambda s: replay_drill(s, drill_id, snapshot_every=every)))

    def open_window(self, start: dt.datetime, end: dt.datetime, title: str = "") -> None:
        from desktop.models.replay.source import replay_window, with_replica

        location, every = self.location, self._snapshot_every
        self._load(lambda: with_replica(
            location, lambda s: replay_window(s, start, end, title=title,
                                              snapshot_every=every)))

    def _load(self, job: Any) -> None:
        self.busy_changed.emit(True)
        run_blocking(self, job, self.show_replay, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        log.warning("replay could not be opened: %s", error)
        self.failed.emit(str(error))

    def show_replay(self, replay: Replay) -> None:
        """Start showing a loaded replay, paused at its start."""
        self._timer.stop()
        self.replay = replay
        marks = replay.engine.arrival_times()
        self.clock = ReplayClock(replay.start, replay.end, marks=marks)
        self._shown = None
        self.busy_changed.emit(False)
        self.opened.emit(replay)
        self.active_changed.emit(True)
        self._deliver_timeline(replay.timeline)
        self.publish()

    def back_to_live(self) -> None:
        self._timer.stop()
        was_active = self.active
        self.replay = None
        self.clock = None
        self._forget()
        if was_active:
            self.responders_changed.emit(())
            self.active_changed.emit(False)

    # ------------------------------------------------------------ transport

    def play(self) -> None:
        if self.clock is None:
            return
        self.clock.play()
        self._wall.start()
        self._timer.start()
        self.publish()

    def pause(self) -> None:
        if self.clock is not None:
            self.clock.pause()
        self._timer.stop()
        self.publish()

    def toggle(self) -> None:
        if self.clock is not None and self.clock.playing:
            self.pause()
        else:
            self.play()

    def step(self, forward: bool = True) -> None:
        if self.clock is not None:
            self._timer.stop()
            self.clock.step(forward)
            self.publish()

    def seek(self, at: dt.datetime) -> None:
        if self.clock is not None:
            self.clock.seek(at)
            self.publish()

    def seek_fraction(self, fraction: float) -> None:
        if self.clock is not None:
            span = self.clock.end - self.clock.start
            self.seek(self.clock.start + span * min(max(fraction, 0.0), 1.0))

    def nudge(self, minutes: float) -> None:
        """Shift+←/→: move by whole minutes, playing on if it was playing."""
        if self.clock is not None:
            self.clock.nudge(dt.timedelta(minutes=minutes))
            self.publish()

    def faster(self, up: bool = True) -> None:
        """+/−: the next listed speed up or down."""
        if self.clock is not None:
            self.clock.faster(up)
            self.publish()

    def set_speed(self, speed: float) -> None:
        if self.clock is not None:
            self.clock.set_speed(speed)
            self.publish()

    def add_bookmark(self, label: str = "") -> Bookmark | None:
        if self.clock is None:
            return None
        bookmark = self.clock.add_bookmark(label)
        self.publish()
        return bookmark

    def set_bookmarks(self, marks: list[tuple[dt.datetime, str]]) -> None:
        """Replace the clock's bookmarks (the kept ones, read from the workstation store)."""
        if self.clock is not None:
            for bookmark in self.clock.bookmarks:
                self.clock.remove_bookmark(bookmark)
            for at, label in marks:
                self.clock.add_bookmark(label, at)
            self.publish()

    def jump(self, bookmark: Bookmark) -> None:
        if self.clock is not None:
            self.clock.jump(bookmark)
            self.publish()

    def _tick(self) -> None:
        if self.clock is None:
            self._timer.stop()
            return
        self.clock.advance(self._wall.restart() / 1000.0)
        if not self.clock.playing:
            self._timer.stop()
        self.publish()

    def publish(self) -> None:
        """Hand out the clock's state, and the situation when the position moved."""
        if self.replay is None or self.clock is None:
            return
        position = self.clock.position
        if position != self._shown:
            self._shown = position
            self._deliver_situation(self.replay.engine.situation_at(position))
            self.responders_changed.emit(self.responders_at(position))
        self.clock_changed.emit(self.clock.state)

    # ------------------------------------------------------------ after-action

    def responders_at(self, at: dt.datetime) -> tuple[Any, ...]:
        """The dispatched teams on their way at ``at`` (read once per replay, the report's
        dispatches of every incident of it)."""
        from desktop.models.after_action import dispatch_reader
        from desktop.models.coverage import projection_for
        from desktop.models.responders import responders_at

        replay = self.replay
        if replay is None:
            return ()
        if self._tracks is None or self._tracks[0] is not replay:
            read = dispatch_reader(replay)
            sent = tuple(d for i in replay.timeline.incidents for d in read(i))
            projection = projection_for(replay.engine.situation_at(replay.start))
            self._tracks = (replay, sent, projection)
        return responders_at(self._tracks[1], at, self._tracks[2])

    def incident_detail(self, incident_id: int) -> tuple[Any, tuple[Any, ...]] | None:
        """An incident of the open replay and its dispatches with their distances (the
        after-action report's reading), for the drill-down; None when it is not in it."""
        from desktop.models.after_action import dispatch_reader

        replay = self.replay
        if replay is None:
            return None
        incident = next((i for i in replay.timeline.incidents if i.id == incident_id), None)
        if incident is None:
            return None
        if self._reader is None or self._reader[0] is not replay:
            self._reader = (replay, dispatch_reader(replay))
        return incident, self._reader[1](incident)

    def open_incident(self, incident_id: int, english: bool = False,
                      parent: Any = None) -> Any:
        """The drill-down of an incident of the open replay (its events; jump to any)."""
        from desktop.views.drill_down import DrillDownDialog

        detail = self.incident_detail(incident_id)
        if detail is None:
            return None
        dialog = DrillDownDialog(detail[0], detail[1], english, self.seek, parent)
        dialog.open()
        return dialog

    def scope(self) -> str:
        """What an after-action report of this replay is about (its findings' key)."""
        if self.replay is None:
            return ""
        if self.replay.drill is not None:
            return self.replay.drill.code
        return f"{self.replay.start:%Y-%m-%dT%H:%M}/{self.replay.end:%Y-%m-%dT%H:%M}"

    def report(self, desk: Desk | None = None) -> AfterAction:
        """The after-action report of the open replay (a drill, or a window): participants
        and resources read from the replica, 问题与整改 from the desk when there is one."""
        from desktop.models.after_action import after_action, load_resources
        from desktop.models.replay.source import with_replica

        replay = self.replay
        if replay is None:
            raise ValueError("no replay is open")
        resources = with_replica(self.location, lambda session: load_resources(session, replay))
        findings = desk.findings(self.scope()) if desk is not None else None
        kept = desk.bookmarks(self.scope()) if desk is not None else ()
        return after_action(replay, resources, findings, kept)

    def export_after_action(self, path: Path, language: str = "zh_CN",
                            desk: Desk | None = None) -> Path:
        """Write the after-action summary as a PDF (raises PrintError if impossible)."""
        from desktop.views.after_action_pdf import write_after_action_pdf

        return write_after_action_pdf(self.report(desk), path, language)
