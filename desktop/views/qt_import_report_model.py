"""Table model over an import report: one row per problem, errors first.

Each row says where (file, row, column) and what, in the UI language, with
the other language in the tooltip. Severity is a word and a shape, never a
colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.importing import Issue

Index = QModelIndex | QPersistentModelIndex


class ImportReportModel(QAbstractTableModel):
    COLUMNS = ("severity", "file", "row", "column", "problem")

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Issue] = []
        self._language = language

    def set_issues(self, issues: tuple[Issue, ...] | list[Issue]) -> None:
        self.beginResetModel()
        self._rows = sorted(issues, key=lambda i: (not i.is_error, i.file, i.row or 0))
        self.endResetModel()

    def issue(self, row: int) -> Issue:
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
        titles = (self.tr("Severity"), self.tr("File"), self.tr("Row"), self.tr("Column"),
                  self.tr("Problem"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        issue = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "severity":
                return "✖ " + self.tr("Error") if issue.is_error else "▲ " + self.tr("Warning")
            if column == "file":
                return issue.file
            if column == "row":
                return "—" if issue.row is None else str(issue.row)
            if column == "column":
                return issue.column or "—"
            return issue.text(self._language)
        if role == Qt.ItemDataRole.ToolTipRole and column == "problem":
            return f"{issue.zh}\n{issue.en}"
        if role == Qt.ItemDataRole.UserRole:
            return issue.severity
        return None
