"""Table model over open incidents: most severe first, then the nearest deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models import clock as process_clock
from desktop.models.clock import beijing
from desktop.models.deadlines import DeadlineRule, by_urgency, countdown, load_rules
from desktop.models.situation import IncidentStatus
from desktop.models.vocab import SEVERITIES, STAGE
from desktop.views import theme
from desktop.views.plain_text import one_line
from desktop.views.qt_rows_model import RowsTableModel

NUMERALS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class IncidentTableModel(RowsTableModel):
    COLUMNS = ("severity", "stage", "title", "place", "deadline", "received")

    def __init__(
        self,
        language: str = "zh_CN",
        parent: Any = None,
        rules: tuple[DeadlineRule, ...] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")
        self.compact = False  # the wall: the deadline in its short words
        self._rules = load_rules() if rules is None else rules
        self._clock = clock or process_clock.now

    def set_clock(self, clock: Callable[[], dt.datetime] | None) -> None:
        """Countdowns run on ``clock`` (a replay's time), or on the wall clock when None."""
        self._clock = clock or process_clock.now

    def tick(self) -> None:
        """The countdowns moved: repaint their column only."""
        if self._rows:
            column = self.COLUMNS.index("deadline")
            self.dataChanged.emit(self.index(0, column),
                                  self.index(len(self._rows) - 1, column))

    def set_incidents(self, incidents: tuple[IncidentStatus, ...]) -> None:
        self.replace_rows(by_urgency(incidents, self._clock(), self._rules))

    def incident(self, row: int) -> IncidentStatus:
        return self._rows[row]

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Level"), self.tr("Stage"), self.tr("Incident"), self.tr("Place"),
                self.tr("Deadline"), self.tr("Received"))

    def cell(self, incident: IncidentStatus, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "severity":
                return NUMERALS.get(incident.severity, "?")
            if column == "stage":
                term = STAGE.get(incident.status)
                if term is None:
                    return incident.status
                return term.en if self._english else term.zh
            if column == "title":
                mark = self.tr("[EXERCISE] ") if incident.exercise else ""
                return f"{mark}{one_line(incident.title, 50)}"
            if column == "place":
                return one_line(incident.place, 28)
            if column == "deadline":
                clock = countdown(incident, self._clock(), self._rules)
                if clock is None:
                    return "—"
                return ("■ " if clock.missed else "") + clock.words(self._english,
                                                                    short=self.compact)
            return beijing(incident.recorded_at).strftime("%H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            severity = SEVERITIES[incident.severity - 1] if 1 <= incident.severity <= 4 else None
            label = (severity.en if self._english else severity.zh) if severity else "?"
            return f"{incident.code}\n{label}\n{incident.title}\n{incident.place}"
        if role == Qt.ItemDataRole.BackgroundRole and column == "severity":
            return QBrush(QColor(theme.SEVERITY_COLOUR.get(incident.severity, theme.PANEL)))
        if role == Qt.ItemDataRole.ForegroundRole and column == "severity":
            return QBrush(QColor(theme.ON_STATUS))
        if column == "deadline" and role in (Qt.ItemDataRole.BackgroundRole,
                                             Qt.ItemDataRole.ForegroundRole):
            clock = countdown(incident, self._clock(), self._rules)
            if clock is not None and clock.missed:
                colour = (theme.STATUS_COLOUR["red"] if role == Qt.ItemDataRole.BackgroundRole
                          else theme.ON_STATUS)
                return QBrush(QColor(colour))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "severity":
            return Qt.AlignmentFlag.AlignCenter
        return None
