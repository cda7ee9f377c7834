"""Operator view of the week's roster, today highlighted, leaderless shifts marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.models import clock
from desktop.models.roster import WeekDay
from desktop.views.plain_text import plain_label
from desktop.views.qt_roster_week_model import RosterWeekModel
from desktop.views.worker import run_blocking


class RosterWeekDialog(QDialog):
    def __init__(
        self,
        loader: Callable[[dt.date], tuple[WeekDay, ...]],
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster for the week"))
        self.resize(1200, 520)
        today = today or clock.today()
        first = today - dt.timedelta(days=today.weekday())
        self.model = RosterWeekModel(today, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = plain_label(self.tr("Loading…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.loaded = False
        run_blocking(self, lambda: loader(first), self._show, self._failed)

    def _show(self, week: tuple[WeekDay, ...]) -> None:
        self.model.set_week(week)
        self.table.resizeColumnsToContents()
        self.status.setText("")
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not load the roster: %1").replace("%1", str(error)))
