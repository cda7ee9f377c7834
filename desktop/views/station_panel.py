"""Stations at a glance: every station, worst first, with its reasons in words.

On the wall nothing scrolls: stations not ready come first, then the partly ready
ones, then the ready ones as far as they fit, and a line "其余 N 站就绪" for the
ready stations that do not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.models.situation import Situation
from desktop.views import theme
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.plain_text import plain_label
from desktop.views.qt_station_model import StationTableModel


class StationPanel(PanelFrame):
    drawn = Signal()
    station_activated = Signal(object)  # StationStatus: the operator asks for its detail

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None, *,
                 wall: bool = False) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Emergency service stations"))
        self.wall = wall
        self.model = StationTableModel(language, self)
        self.table = wall_table(self.model, row_height,
                                StationTableModel.COLUMNS.index("reasons"))
        self.body.addWidget(self.table)
        # The ready stations that did not fit, in one line (its place is kept on the wall).
        self.rest = plain_label("")
        self.rest.setObjectName("stationRest")
        self.rest.setFixedHeight(row_height)
        self.rest.setVisible(wall)
        self.body.addWidget(self.rest)
        self.hidden_ready = 0
        self.table.doubleClicked.connect(
            lambda index: self.station_activated.emit(self.model.station(index.row())))
        if wall:
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_stations(situation.stations)
        self._fit()
        self.drawn.emit()

    def _fit(self) -> None:
        """On the wall the table is as tall as its stations not ready and partly ready:
        those are always in view; the ready ones are one line under it."""
        if not self.wall:
            return
        row = self.table.verticalHeader().defaultSectionSize()
        fit = sum(1 for r in range(self.model.rowCount())
                  if self.model.station(r).readiness.level != "green")
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + max(1, fit) * row + 2 * self.table.frameWidth())
        hidden = 0
        for row in range(self.model.rowCount()):
            ready = self.model.station(row).readiness.level == "green"
            hide = ready and row >= fit
            hidden += hide
            self.table.setRowHidden(row, hide)
        self.hidden_ready = hidden
        self.rest.setText(
            self.tr("%1 other stations %2").replace("%1", str(hidden)).replace(
                "%2", theme.status_label("green")) if hidden else "")

    def visible_stations(self) -> list[str]:
        return [self.model.station(r).code for r in range(self.model.rowCount())
                if not self.table.isRowHidden(r)]

