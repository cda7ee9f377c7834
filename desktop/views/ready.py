"""The "ready" contract: window shown, map drawn, every panel showing its first snapshot."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.views.main_window import MainWindow


class ReadyTracker(QObject):
    ready = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._waiting = {"window", "map", "stations", "roster", "incidents"}
        self._done = False
        window.map.ready.connect(lambda: self._mark("map"))
        window.stations.drawn.connect(lambda: self._mark("stations"))
        window.roster.drawn.connect(lambda: self._mark("roster"))
        window.incidents.drawn.connect(lambda: self._mark("incidents"))

    @property
    def waiting_for(self) -> frozenset[str]:
        return frozenset(self._waiting)

    def window_shown(self) -> None:
        self._mark("window")

    def _mark(self, part: str) -> None:
        self._waiting.discard(part)
        if not self._waiting and not self._done:
            self._done = True
            self.ready.emit()
