"""Table model over audit entries (newest first, as the desk returns them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop.models.workstation.audit import AuditEntry
from desktop.views.header import beijing

Index = QModelIndex


class AuditTableModel(QAbstractTableModel):
    COLUMNS = ("at", "officer", "role", "action", "target", "reason", "detail")

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: tuple[AuditEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> tuple[AuditEntry, ...]:
        return tuple(self._entries)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Time"), self.tr("Officer"), self.tr("Role"), self.tr("Action"),
                  self.tr("Target"), self.tr("Reason"), self.tr("Detail"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "at": beijing(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                "officer": entry.officer_name or "—",
                "role": entry.role_label(self._english) if entry.role else "",
                "action": entry.action_label(self._english),
                "target": entry.target,
                "reason": entry.reason_label(self._english),
                "detail": entry.detail,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("target", "detail"):
            return getattr(entry, column) or None
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None
