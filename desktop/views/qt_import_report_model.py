"""Table model over an import report: problems first (errors, then warnings), then changes.

Each row says where (file, row, the record's key, column) and what, in the UI
language, with the other language in the tooltip: a problem, or a change the
import makes (or the dry run would make): a new row, or one field old → new.
Severity is a word and a shape, never a colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.models.importing import Issue, RowChange
from desktop.models.importing.changes import CHANGE, NEW, report_items
from desktop.views.qt_rows_model import RowsTableModel

MAX_CHANGE_ROWS = 5000  # a table of 100,000 new rows helps nobody; the CLI report has them all


class ImportReportModel(RowsTableModel):
    COLUMNS = ("severity", "file", "row", "record", "column", "problem")

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def set_issues(self, issues: tuple[Issue, ...] | list[Issue]) -> None:
        self.set_report(issues, ())

    def set_report(self, issues: tuple[Issue, ...] | list[Issue],
                   changes: tuple[RowChange, ...] | list[RowChange]) -> None:
        keys = {(c.file, c.row): c.key for c in changes}
        problems = sorted(issues, key=lambda i: (not i.is_error, i.file, i.row or 0))
        rows: list[tuple[Issue, str]] = [(i, keys.get((i.file, i.row), "")) for i in problems]
        shown = [c for c in changes if c.op in (CHANGE, NEW)]
        shown.sort(key=lambda c: c.op == NEW)  # changed fields before new rows
        listed = 0
        for change in shown:
            for item in report_items([change]):
                if listed < MAX_CHANGE_ROWS:
                    rows.append((item, change.key))
                listed += 1
        if listed > MAX_CHANGE_ROWS:
            more = self.tr("… and %1 more changes").replace("%1", str(listed - MAX_CHANGE_ROWS))
            rows.append((Issue("", None, None, more, more, CHANGE), ""))
        self.replace_rows(rows)

    def issue(self, row: int) -> Issue:
        return self._rows[row][0]

    def record(self, row: int) -> str:
        return self._rows[row][1]

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Severity"), self.tr("File"), self.tr("Row"), self.tr("Record"),
                self.tr("Column"), self.tr("Problem or change"))

    def _severity(self, issue: Issue) -> str:
        if issue.is_error:
            return "✖ " + self.tr("Error")
        if issue.severity == CHANGE:
            return "✎ " + self.tr("Change")
        if issue.severity == NEW:
            return "＋ " + self.tr("New")
        return "▲ " + self.tr("Warning")

    def cell(self, item: tuple[Issue, str], column: str, role: int) -> Any:
        issue, record = item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "severity":
                return self._severity(issue)
            if column == "file":
                return issue.file
            if column == "row":
                return "—" if issue.row is None else str(issue.row)
            if column == "record":
                return record or "—"
            if column == "column":
                return issue.column or "—"
            return issue.text(self._language)
        if role == Qt.ItemDataRole.ToolTipRole and column == "problem":
            return issue.zh if issue.zh == issue.en else f"{issue.zh}\n{issue.en}"
        if role == Qt.ItemDataRole.UserRole:
            return issue.severity
        return None
