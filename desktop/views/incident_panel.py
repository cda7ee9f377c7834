"""Open incidents with their lifecycle stage, newest first; drills marked 演练."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.models.situation import Situation
from desktop.views.panel import PanelFrame
from desktop.views.qt_incident_model import IncidentTableModel


class IncidentPanel(PanelFrame):
    drawn = Signal()

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Open incidents"))
        self.model = IncidentTableModel(language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fit columns to the first rows only: measuring every row of a replayed drill
        # with hundreds of open incidents cost ~60 ms a frame at 60× playback.
        header.setResizeContentsPrecision(20)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self.model.tick)
        self._countdown.start(1000)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_incidents(situation.incidents)
        self.drawn.emit()
