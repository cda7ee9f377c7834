"""Stations at a glance: every station, worst first, with its reasons in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.models.situation import Situation
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.qt_station_model import StationTableModel


class StationPanel(PanelFrame):
    drawn = Signal()
    station_activated = Signal(object)  # StationStatus: the operator asks for its detail

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Emergency service stations"))
        self.model = StationTableModel(language, self)
        self.table = wall_table(self.model, row_height,
                                StationTableModel.COLUMNS.index("reasons"))
        self.body.addWidget(self.table)
        self.table.doubleClicked.connect(
            lambda index: self.station_activated.emit(self.model.station(index.row())))

    def show_situation(self, situation: Situation) -> None:
        self.model.set_stations(situation.stations)
        self.drawn.emit()
