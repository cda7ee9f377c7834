"""Table model over duty-log entries: corrected entries stay, struck through, pointing onward."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from desktop.models.clock import beijing
from desktop.models.workstation.duty_log import LogEntry
from desktop.views import theme
from desktop.views.qt_rows_model import RowsTableModel


class DutyLogTableModel(RowsTableModel):
    COLUMNS = ("number", "time", "category", "text", "link", "officer", "status")

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")

    def set_entries(self, entries: tuple[LogEntry, ...]) -> None:
        self.replace_rows(entries)

    def entry(self, row: int) -> LogEntry:
        return self._rows[row]

    def titles(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Time"), self.tr("Kind"), self.tr("Entry"),
                self.tr("Linked to"), self.tr("Officer"), self.tr("Status"))

    def _status(self, entry: LogEntry) -> str:
        if entry.corrected_by_id is not None:
            return self.tr("corrected by #%1").replace("%1", str(entry.corrected_by_id))
        if entry.corrects_id is not None:
            return self.tr("corrects #%1").replace("%1", str(entry.corrects_id))
        return ""

    def _link(self, entry: LogEntry) -> str:
        link = entry.link
        parts = [code for code in (link.incident_code, link.station_code, link.person_code)
                 if code]
        if link.label and link.label not in parts:
            parts.append(link.label)
        return " · ".join(parts)

    def cell(self, entry: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "number": f"#{entry.id}",
                "time": beijing(entry.occurred_at).strftime("%H:%M"),
                "category": entry.category_label(self._english),
                "text": entry.text,
                "link": self._link(entry),
                "officer": entry.officer_name,
                "status": self._status(entry),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "time"):
            recorded = beijing(entry.recorded_at).strftime("%Y-%m-%d %H:%M:%S")
            return self.tr("Recorded %1").replace("%1", recorded) + "\n" + entry.text
        if role == Qt.ItemDataRole.FontRole and not entry.current and column != "status":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not entry.current:
            return QColor(theme.TEXT_DIM)
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None
