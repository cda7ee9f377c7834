"""Table models over one station's equipment rows and inspection history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop.models.stations import EquipmentRow, InspectionRow
from desktop.views.header import beijing

Index = QModelIndex


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return beijing(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _status_word(status: str) -> str:
    words = {
        "in_service": QCoreApplication.translate("Equipment", "in service"),
        "dispatched": QCoreApplication.translate("Equipment", "dispatched"),
        "faulty": QCoreApplication.translate("Equipment", "faulty"),
        "scrapped": QCoreApplication.translate("Equipment", "scrapped"),
        "ok": QCoreApplication.translate("Equipment", "OK"),
        "fault": QCoreApplication.translate("Equipment", "fault found"),
    }
    return words.get(status, status)


class _RowsModel(QAbstractTableModel):
    """Read-only rows of frozen dataclasses; sorting goes through a proxy on raw values."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

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
        value = getattr(self._rows[index.row()], self.columns[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            if self.columns[index.column()] in ("status", "result"):
                return _status_word(str(value))
            return _text(value)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return "" if value is None else value if not isinstance(value, dt.date) else (
                value.isoformat())
        return None


class EquipmentTableModel(_RowsModel):
    columns = ("category", "kind", "code", "quantity", "status", "last_inspected_at",
               "expires_on", "made_on", "last_serviced_on")

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Kind"), self.tr("Code"), self.tr("Qty"),
                self.tr("Status"), self.tr("Last inspected"), self.tr("Expires"),
                self.tr("Made"), self.tr("Last serviced"))

    def set_equipment(self, rows: tuple[EquipmentRow, ...]) -> None:
        self.set_rows(rows)


class InspectionTableModel(_RowsModel):
    columns = ("inspected_at", "item_code", "result", "inspector", "note")

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Inspected"), self.tr("Item"), self.tr("Result"), self.tr("Inspector"),
                self.tr("Note"))

    def set_inspections(self, rows: tuple[InspectionRow, ...]) -> None:
        self.set_rows(rows)
