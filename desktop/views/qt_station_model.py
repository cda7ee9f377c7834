"""Table model over station snapshots, worst readiness first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.situation import StationStatus
from desktop.views import theme

_RANK = {"red": 0, "amber": 1, "green": 2}
Index = QModelIndex | QPersistentModelIndex


class StationTableModel(QAbstractTableModel):
    COLUMNS = ("status", "name", "kit", "reasons")

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StationStatus] = []
        self._language = language

    def set_stations(self, stations: tuple[StationStatus, ...]) -> None:
        self.beginResetModel()
        self._rows = sorted(stations, key=lambda s: (_RANK[s.readiness.level], s.code))
        self.endResetModel()

    def station(self, row: int) -> StationStatus:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Status"), self.tr("Station"), self.tr("Kit"), self.tr("Reasons"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        station = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
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
            return "\n".join(r.text(self._language) for r in station.readiness.reasons)
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return QBrush(QColor(theme.STATUS_COLOUR[level]))
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(theme.ON_STATUS))
        if role == Qt.ItemDataRole.UserRole:
            return level
        return None
