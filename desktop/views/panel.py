"""A titled frame that every dashboard panel sits in."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.views.plain_text import plain_label

MAX_COLUMN_ROWS = 9  # the widest a fitted column gets, in row heights


class PanelFrame(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.body = QVBoxLayout(self)
        self.title = plain_label(title)
        self.title.setObjectName("panelTitle")
        self.body.addWidget(self.title)


def wall_table(model: QAbstractItemModel, row_height: int, stretch_column: int) -> QTableView:
    """A read-only table for a panel: whole rows, no editing or wrapping, one column
    stretching, and columns fitted to the first rows only (hundreds in a replay)."""
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(20)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    # A long name is elided in its cell (whole in the tooltip): it never pushes the other
    # columns off the panel.
    header.setMaximumSectionSize(MAX_COLUMN_ROWS * row_height)
    return table
