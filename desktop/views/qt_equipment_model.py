"""Table models over one station's equipment rows and inspection history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.models.clock import beijing
from desktop.models.stations import EquipmentRow, InspectionRow
from desktop.views.qt_rows_model import RowsTableModel


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


class _DetailRows(RowsTableModel):
    """Plain attribute columns; sorting goes through a proxy on the raw values."""

    def cell(self, item: Any, column: str, role: int) -> Any:
        value = getattr(item, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column in ("status", "result"):
                return _status_word(str(value))
            return _text(value)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return "" if value is None else value if not isinstance(value, dt.date) else (
                value.isoformat())
        return None


class EquipmentTableModel(_DetailRows):
    COLUMNS = ("category", "kind", "code", "quantity", "status", "last_inspected_at",
               "expires_on", "made_on", "last_serviced_on")

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Kind"), self.tr("Code"), self.tr("Qty"),
                self.tr("Status"), self.tr("Last inspected"), self.tr("Expires"),
                self.tr("Made"), self.tr("Last serviced"))

    def set_equipment(self, rows: tuple[EquipmentRow, ...]) -> None:
        self.replace_rows(rows)


class InspectionTableModel(_DetailRows):
    COLUMNS = ("inspected_at", "item_code", "result", "inspector", "note")

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Inspected"), self.tr("Item"), self.tr("Result"), self.tr("Inspector"),
                self.tr("Note"))

    def set_inspections(self, rows: tuple[InspectionRow, ...]) -> None:
        self.replace_rows(rows)
