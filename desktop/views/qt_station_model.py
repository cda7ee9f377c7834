"""Table model over station snapshots, worst readiness first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.situation import StationStatus
from desktop.views import theme
from desktop.views.qt_rows_model import RowsTableModel

_RANK = {"red": 0, "amber": 1, "green": 2}


class StationTableModel(RowsTableModel):
    COLUMNS = ("status", "name", "kit", "reasons")

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def set_stations(self, stations: tuple[StationStatus, ...]) -> None:
        self.replace_rows(sorted(stations, key=lambda s: (_RANK[s.readiness.level], s.code)))

    def station(self, row: int) -> StationStatus:
        return self._rows[row]

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Status"), self.tr("Station"), self.tr("Kit"), self.tr("Reasons"))

    def cell(self, station: StationStatus, column: str, role: int) -> Any:
        level = station.readiness.level
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return theme.status_label(level)
            if column == "name":
                return station.name
            if column == "kit":
                if not station.kinds_required:
                    return "—"
                return f"{station.kinds_complete}/{station.kinds_required}"
            reasons = [r.text(self._language) for r in station.readiness.reasons]
            return "；".join(reasons[:2]) + (" …" if len(reasons) > 2 else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([station.name, *(r.text(self._language)
                                             for r in station.readiness.reasons)])
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return QBrush(QColor(theme.STATUS_COLOUR[level]))
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(theme.ON_STATUS))
        if role == Qt.ItemDataRole.UserRole:
            return level
        return None
