"""The playback clock: a position in replayed time that wall time moves at 1×–60×.

A plain class (no timer of its own): the view's QTimer calls ``advance`` with
the wall seconds since the last tick, so tests drive it with numbers and the
same clock runs at any tick rate.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

SPEEDS: tuple[int, ...] = (1, 2, 5, 10, 30, 60)
MIN_SPEED, MAX_SPEED = 1.0, 60.0


@dataclass(frozen=True, order=True)
class Bookmark:
    at: dt.datetime
    label: str = ""


@dataclass(frozen=True)
class ClockState:
    start: dt.datetime
    end: dt.datetime
    position: dt.datetime
    playing: bool
    speed: float
    bookmarks: tuple[Bookmark, ...]

    @property
    def fraction(self) -> float:
        span = (self.end - self.start).total_seconds()
        return 0.0 if span <= 0 else (self.position - self.start).total_seconds() / span


class ReplayClock:
    def __init__(
        self,
        start: dt.datetime,
        end: dt.datetime,
        *,
        speed: float = 1.0,
        marks: Sequence[dt.datetime] = (),
        step: dt.timedelta = dt.timedelta(minutes=1),
    ) -> None:
        if end < start:
            raise ValueError("a replay cannot end before it starts")
        self.start = start
        self.end = end
        self.position = start
        self.playing = False
        self.speed = 1.0
        self.set_speed(speed)
        self._marks = sorted(m for m in marks if start <= m <= end)
        self._step = step
        self._bookmarks: list[Bookmark] = []

    @property
    def state(self) -> ClockState:
        return ClockState(self.start, self.end, self.position, self.playing, self.speed,
                          tuple(self._bookmarks))

    @property
    def at_end(self) -> bool:
        return self.position >= self.end

    def play(self) -> None:
        """Play on; from the start again when already at the end."""
        if self.at_end:
            self.position = self.start
        self.playing = self.end > self.start

    def pause(self) -> None:
        self.playing = False

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def set_speed(self, speed: float) -> None:
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise ValueError(f"speed must be between {MIN_SPEED:g}× and {MAX_SPEED:g}×")
        self.speed = float(speed)

    def seek(self, at: dt.datetime) -> dt.datetime:
        self.position = min(max(at, self.start), self.end)
        return self.position

    def step(self, forward: bool = True) -> dt.datetime:
        """Pause, then move to the next (or previous) arrival; by a fixed step without marks."""
        self.pause()
        if self._marks:
            if forward:
                index = bisect_right(self._marks, self.position)
                target = self._marks[index] if index < len(self._marks) else self.end
            else:
                index = bisect_left(self._marks, self.position)
                target = self._marks[index - 1] if index else self.start
        else:
            target = self.position + (self._step if forward else -self._step)
        return self.seek(target)

    @property
    def marks(self) -> tuple[dt.datetime, ...]:
        """The moments ``step`` stops at (each event's arrival), for ticks on the groove."""
        return tuple(self._marks)

    def nudge(self, by: dt.timedelta) -> dt.datetime:
        """Move by ``by`` (±1 min from the keyboard), clamped to the replay; keeps playing."""
        return self.seek(self.position + by)

    def faster(self, up: bool = True) -> float:
        """The next listed speed up (or down) from the current one; stays at the ends."""
        if up:
            higher = [s for s in SPEEDS if s > self.speed]
            self.set_speed(higher[0] if higher else SPEEDS[-1])
        else:
            lower = [s for s in SPEEDS if s < self.speed]
            self.set_speed(lower[-1] if lower else SPEEDS[0])
        return self.speed

    def advance(self, wall_seconds: float) -> dt.datetime:
        """Move by ``wall_seconds`` × speed while playing; stop at the end."""
        if self.playing and wall_seconds > 0:
            self.position = min(self.position + dt.timedelta(seconds=wall_seconds * self.speed),
                                self.end)
            if self.at_end:
                self.playing = False
        return self.position

    @property
    def bookmarks(self) -> tuple[Bookmark, ...]:
        return tuple(self._bookmarks)

    def add_bookmark(self, label: str = "", at: dt.datetime | None = None) -> Bookmark:
        """Mark a moment (the current one by default); one bookmark per moment."""
        moment = min(max(at or self.position, self.start), self.end)
        self._bookmarks = [b for b in self._bookmarks if b.at != moment]
        bookmark = Bookmark(moment, label)
        self._bookmarks.append(bookmark)
        self._bookmarks.sort()
        return bookmark

    def remove_bookmark(self, bookmark: Bookmark) -> None:
        self._bookmarks = [b for b in self._bookmarks if b != bookmark]

    def jump(self, bookmark: Bookmark) -> dt.datetime:
        return self.seek(bookmark.at)
