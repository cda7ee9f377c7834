"""Operator drill-down: one station's equipment (sortable, filterable) and inspection history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.situation import StationStatus
from desktop.models.station_profile import StationProfile
from desktop.models.stations import StationDetail
from desktop.views import theme
from desktop.views.plain_text import FSI, PDI, one_line, plain_label
from desktop.views.qt_equipment_model import EquipmentTableModel, InspectionTableModel
from desktop.views.worker import run_blocking


def _table(model: EquipmentTableModel | InspectionTableModel) -> tuple[QTableView,
                                                                       QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class StationDetailDialog(QDialog):
    """Loads the detail off the GUI thread through ``loader`` (a models query, wired by the app)."""

    def __init__(
        self,
        station: StationStatus,
        loader: Callable[[int], StationDetail],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(one_line(station.name))
        self.resize(1100, 700)
        layout = QVBoxLayout(self)
        # The drill-down shows the whole name (cut everywhere else), selectable, scrolling
        # when it is long; its own isolate, so an override in it cannot run into the rest.
        self.name = plain_label(FSI + station.name + PDI, object_name="stationName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        name_box = QScrollArea()
        name_box.setWidgetResizable(True)
        name_box.setWidget(self.name)
        name_box.setFrameShape(QScrollArea.Shape.NoFrame)
        name_box.setMaximumHeight(4 * self.name.fontMetrics().lineSpacing() + 8)
        layout.addWidget(name_box)
        level = station.readiness.level
        self.summary = plain_label(f"{theme.status_label(level)} · " + "；".join(
            one_line(r.text(language)) for r in station.readiness.reasons))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.figures = plain_label("")  # coverage, or the depot's trucks and reserve
        self.figures.setWordWrap(True)
        self.figures.setVisible(False)
        layout.addWidget(self.figures)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter (kind, code, status…)"))
        layout.addWidget(self.filter)
        self.equipment = EquipmentTableModel(self)
        self.inspections = InspectionTableModel(self)
        equipment_view, self._equipment_proxy = _table(self.equipment)
        history_view, self._history_proxy = _table(self.inspections)
        tabs = QTabWidget()
        tabs.addTab(equipment_view, self.tr("Equipment"))
        tabs.addTab(history_view, self.tr("Inspection history"))
        layout.addWidget(tabs, 1)
        self.status = plain_label(self.tr("Loading…"))
        layout.addWidget(self.status)
        self.filter.textChanged.connect(self._equipment_proxy.setFilterFixedString)
        self.filter.textChanged.connect(self._history_proxy.setFilterFixedString)
        self.loaded = False
        run_blocking(self, lambda: loader(station.id), self._show, self._failed)

    def figures_text(self, profile: StationProfile) -> str:
        """The station's figures from its typed properties (station_profile's schema)."""
        parts = []

        def n(value: int | None) -> str:
            return "—" if value is None else str(value)

        if profile.has_coverage:
            parts.append(self.tr("Covers %1 compounds, %2 self-built housing areas, %3 shops")
                         .replace("%1", n(profile.covers_compounds))
                         .replace("%2", n(profile.covers_self_built_areas))
                         .replace("%3", n(profile.covers_shops)))
        if profile.has_depot:
            tonnes = "—" if profile.reserve_tonnes is None else f"{profile.reserve_tonnes:g}"
            parts.append(self.tr("%1 automated sand trucks, %2 t sand and gravel reserve")
                         .replace("%1", n(profile.sand_trucks)).replace("%2", tonnes))
        if profile.members is not None:
            parts.append(self.tr("%1 members, %2 per shift").replace(
                "%1", n(profile.members)).replace("%2", n(profile.members_per_shift)))
        if profile.partner:
            parts.append(self.tr("partner: %1").replace("%1", one_line(profile.partner)))
        return " · ".join(parts)

    def _show(self, detail: StationDetail) -> None:
        self.figures.setText(self.figures_text(detail.profile))
        self.figures.setVisible(bool(self.figures.text()))
        self.equipment.set_equipment(detail.equipment)
        self.inspections.set_inspections(detail.inspections)
        for view in self.findChildren(QTableView):
            view.resizeColumnsToContents()
        self.status.setText(self.tr("%1 items · %2 inspections")
                            .replace("%1", str(len(detail.equipment)))
                            .replace("%2", str(len(detail.inspections))))
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not load the station: %1").replace("%1", str(error)))
