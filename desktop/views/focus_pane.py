"""The wall's focus pane: a list of views shown in turn (a playlist, as control rooms cycle
their boards), each for a set time, its name and the time to the next one shown.

Views (setting ``wall_rotation``, in its order): ``stations`` (every station in detail:
the stations panel), ``roster_week`` (the week's duty roster, read when it comes round)
and ``communities`` (open incidents by community, desktop/models/by_community.py). An
alarm takeover pauses the rotation (``set_paused``); it starts again from that view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desktop.models import clock
from desktop.models.by_community import incidents_by_community
from desktop.models.roster import WeekDay
from desktop.models.situation import Situation
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.plain_text import one_line, plain_label
from desktop.views.qt_roster_week_model import RosterWeekModel
from desktop.views.worker import run_blocking

VIEWS = ("stations", "roster_week", "communities")
TICK_MS = 1000

WeekLoader = Callable[[dt.date], tuple[WeekDay, ...]]


class FocusPane(QWidget):
    def __init__(self, views: tuple[str, ...], stations: QWidget, row_height: int,
                 seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        unknown = set(views) - set(VIEWS)
        if unknown or not views:
            raise ValueError(f"unknown rotation view(s): {', '.join(sorted(unknown))}")
        self.views = views
        self.seconds = seconds
        self._index = 0
        self._paused = False
        self._left = seconds
        self._loader: WeekLoader | None = None
        self._week_loaded_for: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        row = QHBoxLayout()
        self.name = plain_label("", object_name="dim")
        self.next_change = plain_label("", object_name="dim")
        self.next_change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.name, 1)
        row.addWidget(self.next_change)
        layout.addLayout(row)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.pages: dict[str, QWidget] = {}
        for view in views:
            if view == "stations":
                page = stations
            elif view == "roster_week":
                page = self._week_page(row_height)
            else:
                page = self._community_page(row_height)
            self.pages[view] = page
            self.stack.addWidget(page)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        if len(views) > 1:
            self._timer.start()
        self._show_current()

    # ------------------------------------------------------------ pages

    def _week_page(self, row_height: int) -> QWidget:
        frame = PanelFrame(self.tr("Roster for the week"))
        self.week = RosterWeekModel(clock.today(), frame)
        self.week_table = wall_table(self.week, row_height, 1)
        self.week_table.setSelectionMode(self.week_table.SelectionMode.NoSelection)
        frame.body.addWidget(self.week_table, 1)
        return frame

    def _community_page(self, row_height: int) -> QWidget:
        frame = PanelFrame(self.tr("Open incidents by community"))
        self.communities = QStandardItemModel(0, 6, frame)
        self.communities.setHorizontalHeaderLabels(
            [self.tr("Community"), "I", "II", "III", "IV", self.tr("Total")])
        self.community_table = wall_table(self.communities, row_height, 0)
        self.community_table.setSelectionMode(self.community_table.SelectionMode.NoSelection)
        frame.body.addWidget(self.community_table, 1)
        return frame

    def view_name(self, view: str) -> str:
        names = {"stations": self.tr("Stations in detail"),
                 "roster_week": self.tr("Roster for the week"),
                 "communities": self.tr("Incidents by community")}
        return names[view]

    # ------------------------------------------------------------ data

    def set_week_loader(self, loader: WeekLoader) -> None:
        """How the week's roster is read (off the GUI thread, when its view comes round)."""
        self._loader = loader
        if self.current == "roster_week":
            self._load_week()

    def show_situation(self, situation: Situation) -> None:
        if "communities" not in self.pages:
            return
        model = self.communities
        model.setRowCount(0)
        for count in incidents_by_community(situation):
            name = one_line(count.name, 30) if count.name else self.tr("Not placed")
            cells = [name, *(str(n) if n else "·" for n in count.by_severity), str(count.total)]
            items = [QStandardItem(text) for text in cells]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            model.appendRow(items)

    def _load_week(self) -> None:
        today = clock.today()
        if self._loader is None or self._week_loaded_for == today:
            return
        self._week_loaded_for = today
        first = today - dt.timedelta(days=today.weekday())
        loader = self._loader
        run_blocking(self, lambda: loader(first), self._week_read, self._week_failed)

    def _week_read(self, week: tuple[WeekDay, ...]) -> None:
        self.week.set_week(week)

    def _week_failed(self, _error: BaseException) -> None:
        self._week_loaded_for = None  # again when it comes round

    # ------------------------------------------------------------ rotation

    @property
    def current(self) -> str:
        return self.views[self._index]

    @property
    def seconds_left(self) -> int:
        return self._left

    def set_paused(self, paused: bool) -> None:
        """An alarm holds the wall: no change meanwhile; after it, the view's whole time."""
        if paused == self._paused:
            return
        self._paused = paused
        self._left = self.seconds
        if paused or len(self.views) < 2:
            self._timer.stop()
        else:
            self._timer.start()
        self._show_mark()

    def advance(self) -> None:
        """The next view, for its whole time."""
        self._index = (self._index + 1) % len(self.views)
        self._left = self.seconds
        self._show_current()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.advance()
        else:
            self._show_mark()

    def _show_current(self) -> None:
        self.stack.setCurrentWidget(self.pages[self.current])
        if self.current == "roster_week":
            self._load_week()
        self._show_mark()

    def _show_mark(self) -> None:
        count = len(self.views)
        self.name.setText(f"{self.view_name(self.current)} · {self._index + 1}/{count}")
        if count < 2:
            self.next_change.setText("")
        elif self._paused:
            self.next_change.setText(self.tr("rotation paused"))
        else:
            self.next_change.setText(self.tr("next view in %1 s").replace(
                "%1", str(self._left)))

