"""Table model over audit entries (newest first, as the desk returns them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop.models.clock import beijing
from desktop.models.workstation.audit import AuditEntry
from desktop.views.qt_rows_model import RowsTableModel


class AuditTableModel(RowsTableModel):
    COLUMNS = ("at", "officer", "role", "action", "target", "reason", "detail", "where")

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")

    def set_entries(self, entries: tuple[AuditEntry, ...]) -> None:
        self.replace_rows(entries)

    def entries(self) -> tuple[AuditEntry, ...]:
        return tuple(self._rows)

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Officer"), self.tr("Role"), self.tr("Action"),
                self.tr("Target"), self.tr("Reason"), self.tr("Detail"),
                self.tr("Host · OS account"))

    def cell(self, entry: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "at": beijing(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                "officer": entry.officer_name or "—",
                "role": entry.role_label(self._english) if entry.role else "",
                "action": entry.action_label(self._english),
                "target": entry.target,
                "reason": entry.reason_label(self._english),
                "detail": entry.detail,
                "where": " · ".join(part for part in (entry.workstation, entry.os_account)
                                    if part),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("target", "detail"):
            return getattr(entry, column) or None
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None
