"""The read-only table model every panel and dialog shares: a list of frozen rows.

Subclasses name their COLUMNS, give their header titles (translated in their own
context) and render a cell; row bookkeeping lives here once, and so does the
rule for data text in a cell: drawn on one line and cut with "…" (the full text
in the tooltip), tooltips always shown as text (plain_text).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.views.plain_text import LABEL_LIMIT, one_line, tooltip

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()
    CELL_LIMIT = LABEL_LIMIT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def replace_rows(self, rows: Any) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> Any:
        return self._rows[row]

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, item: Any, column: str, role: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], self.COLUMNS[index.column()]
        value = self.cell(item, column, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return one_line(value, self.CELL_LIMIT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if value is None:  # a cell cut short shows its whole text on hover
                shown = self.cell(item, column, Qt.ItemDataRole.DisplayRole)
                if isinstance(shown, str) and one_line(shown, self.CELL_LIMIT) != shown:
                    value = shown
            return tooltip(value) if isinstance(value, str) else value
        return value
