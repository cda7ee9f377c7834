"""A week of duty shifts by day (rows) and shift (columns), today marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.models.clock import beijing
from desktop.models.roster import WeekDay
from desktop.models.situation import Shift
from desktop.views import theme
from desktop.views.plain_text import LABEL_LIMIT, one_line, tooltip

Index = QModelIndex | QPersistentModelIndex
MAX_SHIFTS = 2  # handovers at 08:00 and 17:00 by default; more columns appear if configured


class RosterWeekModel(QAbstractTableModel):
    def __init__(self, today: dt.date, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[WeekDay] = []
        self._today = today
        self._columns = MAX_SHIFTS

    def set_week(self, days: tuple[WeekDay, ...]) -> None:
        self.beginResetModel()
        self._days = list(days)
        self._columns = max([MAX_SHIFTS, *(len(d.duty) for d in days)])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Day")
        if section == self._columns + 1:
            return self.tr("24-hour readiness")
        return self.tr("Shift %1").replace("%1", str(section))

    def _shift_text(self, shift: Shift) -> str:
        leader = shift.leader
        no_leader = self.tr("no leader")
        lead = leader.name if leader else f"▲ {no_leader}"
        officers = "、".join(p.name for p in shift.officers) or "—"
        return (f"{beijing(shift.starts_at):%H:%M}–{beijing(shift.ends_at):%H:%M}  "
                f"{lead} / {officers}")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._days):
            return None
        day = self._days[index.row()]
        column = index.column()
        shift = day.duty[column - 1] if 1 <= column <= len(day.duty) else None
        is_today = day.day == self._today
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                today_word = self.tr("today")
                mark = f" · {today_word}" if is_today else ""
                return f"{day.day:%m-%d} {self._weekday(day.day)}{mark}"
            if column == self._columns + 1:
                return str(len(day.readiness.people)) if day.readiness else "—"
            return one_line(self._shift_text(shift), 2 * LABEL_LIMIT) if shift else ""
        if role == Qt.ItemDataRole.ToolTipRole and shift is not None:
            return tooltip(self._shift_text(shift))
        if role == Qt.ItemDataRole.BackgroundRole:
            if shift is not None and shift.leader is None:
                return QBrush(QColor(theme.STATUS_COLOUR["red"]))
            if is_today:
                return QBrush(QColor("#28425e"))
        if role == Qt.ItemDataRole.ForegroundRole and shift is not None and shift.leader is None:
            return QBrush(QColor(theme.ON_STATUS))
        if role == Qt.ItemDataRole.FontRole and is_today:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _weekday(self, day: dt.date) -> str:
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun"))
        return names[day.weekday()]
