"""Open incidents with their lifecycle stage, newest first; drills marked 演练."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
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
        self.selected: int | None = None  # the incident chosen elsewhere (a live alert followed)
        self.table.clicked.connect(self._clicked)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self.model.tick)
        self._countdown.start(1000)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_incidents(situation.incidents)
        if self.selected is not None:
            self._select_row()
        self.drawn.emit()

    def select_incident(self, incident_id: int | None) -> None:
        """Select an incident's row (again after each redraw, while it is listed)."""
        self.selected = incident_id
        if incident_id is None:
            self.table.clearSelection()
        else:
            self._select_row()

    def _select_row(self) -> None:
        model = self.model
        row = next((r for r in range(model.rowCount())
                    if model.incident(r).id == self.selected), None)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(model.index(row, 0))

    def _clicked(self, index: QModelIndex) -> None:
        self.selected = self.model.incident(index.row()).id  # the officer's choice from now on

    def selected_incident(self) -> int | None:
        """The incident of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.incident(rows[0].row()).id if rows else None
