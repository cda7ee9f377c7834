"""Open incidents with their lifecycle stage, newest first; drills marked 演练."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.models.situation import Situation
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.qt_incident_model import IncidentTableModel


class IncidentPanel(PanelFrame):
    drawn = Signal()

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Open incidents"))
        self.model = IncidentTableModel(language, self)
        self.table = wall_table(self.model, row_height,
                                IncidentTableModel.COLUMNS.index("title"))
        self.body.addWidget(self.table)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self.model.tick)
        self._countdown.start(1000)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_incidents(situation.incidents)
        self.drawn.emit()
