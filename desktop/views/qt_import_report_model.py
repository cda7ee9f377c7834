"""Table model over an import report: one row per problem, errors first.

Each row says where (file, row, column) and what, in the UI language, with
the other language in the tooltip. Severity is a word and a shape, never a
colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.models.importing import Issue
from desktop.views.qt_rows_model import RowsTableModel


class ImportReportModel(RowsTableModel):
    COLUMNS = ("severity", "file", "row", "column", "problem")

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def set_issues(self, issues: tuple[Issue, ...] | list[Issue]) -> None:
        self.replace_rows(sorted(issues, key=lambda i: (not i.is_error, i.file, i.row or 0)))

    def issue(self, row: int) -> Issue:
        return self._rows[row]

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Severity"), self.tr("File"), self.tr("Row"), self.tr("Column"),
                self.tr("Problem"))

    def cell(self, issue: Issue, column: str, role: int) -> Any:
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
