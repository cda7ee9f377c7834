"""One incident opened (double-click or Enter on its row): its events in order, jump to any.

Each event with both times (occurred / recorded), who acted and the station; a
dispatch and its arrival also state the station's straight-line distance and
circle, as the after-action report measures them (``after_action.dispatch_reader``).
In a replay, double-clicking an event (or 跳转) seeks there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.after_action import Dispatch
from desktop.models.clock import beijing
from desktop.models.timeline import TimelineEvent, TimelineIncident
from desktop.views.plain_text import NAME_LIMIT, TITLE_LIMIT, one_line, plain_label
from desktop.views.qt_timeline_style import NUMERALS, stage_word


class DrillDownDialog(QDialog):
    def __init__(self, incident: TimelineIncident, dispatches: tuple[Dispatch, ...],
                 english: bool = False, seek: Callable[[dt.datetime], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident = incident
        self.events: tuple[TimelineEvent, ...] = incident.events
        self._seek = seek
        self._english = english
        self.setWindowTitle(self.tr("Incident %1").replace("%1", one_line(incident.code, 40)))
        head = (f"{NUMERALS.get(incident.severity, '?')} {one_line(incident.code, NAME_LIMIT)}  "
                f"{one_line(incident.title, TITLE_LIMIT)}")
        self.heading = plain_label(head)
        self.heading.setObjectName("panelTitle")
        self.place = plain_label(one_line(incident.place, TITLE_LIMIT))
        by_moment = {d.dispatched_at: d for d in dispatches}
        arrivals = {d.arrived_at: d for d in dispatches if d.arrived_at is not None}
        columns = (self.tr("Occurred"), self.tr("Recorded"), self.tr("Stage"),
                   self.tr("Who acted"), self.tr("Station"), self.tr("Distance"))
        self.table = QTableWidget(len(self.events), len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for row, event in enumerate(self.events):
            number = f" {event.report_no}" if event.report_no else ""
            dispatch = None
            if event.stage == "dispatched":
                dispatch = by_moment.get(event.occurred_at)
            elif event.stage == "arrived":
                dispatch = arrivals.get(event.occurred_at)
            late = " *" if event.recorded_at != event.occurred_at else ""
            cells = (beijing(event.occurred_at).strftime("%m-%d %H:%M:%S"),
                     beijing(event.recorded_at).strftime("%m-%d %H:%M:%S") + late,
                     stage_word(event.stage, english) + number,
                     one_line(event.actor or "—", NAME_LIMIT),
                     one_line(event.station or "—", NAME_LIMIT),
                     self.distance_words(dispatch) if dispatch is not None else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text, never HTML
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.jump(row))
        self.go = QPushButton(self.tr("Go to this event"))
        self.go.clicked.connect(lambda: self.jump(self.table.currentRow()))
        self.go.setEnabled(seek is not None)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(plain_label(self.tr("* recorded later than it happened")), 1)
        buttons.addWidget(self.go)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.place)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1100, 520)
        if self.events:
            self.table.selectRow(0)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.table.resizeColumnsToContents()  # with the window's font, now it is styled

    def distance_words(self, dispatch: Dispatch) -> str:
        station = dispatch.station
        if dispatch.straight_m is None or station is None:
            return self.tr("distance unknown")
        text = (self.tr("%1 m straight, inside its %2 m circle") if dispatch.inside
                else self.tr("%1 m straight, outside its %2 m circle"))
        return text.replace("%1", f"{dispatch.straight_m:.0f}").replace(
            "%2", f"{station.radius_m:.0f}")

    def text_of(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def jump(self, row: int) -> None:
        """Seek the replay to when the room learnt of the event (its recorded time)."""
        if self._seek is not None and 0 <= row < len(self.events):
            self._seek(self.events[row].recorded_at)

    def keyPressEvent(self, event: object) -> None:  # Enter on a row jumps too
        key = getattr(event, "key", lambda: None)()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.jump(self.table.currentRow())
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
