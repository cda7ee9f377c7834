"""Stations at a glance: every station, worst first, with its reasons in words.

On the wall nothing scrolls: stations not ready come first, then the partly ready
ones, then the ready ones as far as they fit, and a line "其余 N 站就绪" for the
ready stations that do not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.models.situation import Situation
from desktop.views import theme
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.plain_text import plain_label
from desktop.views.qt_station_model import StationTableModel


class StationPanel(PanelFrame):
    drawn = Signal()
    station_activated = Signal(object)  # StationStatus: the operator asks for its detail

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None, *,
                 wall: bool = False) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Emergency service stations"))
        self.wall = wall
        self.model = StationTableModel(language, self)
        self.table = wall_table(self.model, row_height,
                                StationTableModel.COLUMNS.index("reasons"))
        self.body.addWidget(self.table)
        # The ready stations that did not fit, in one line (its place is kept on the wall).
        self.rest = plain_label("")
        self.rest.setObjectName("stationRest")
        self.rest.setFixedHeight(row_height)
        self.rest.setVisible(wall)
        self.body.addWidget(self.rest)
        self.hidden_ready = 0
        self.table.doubleClicked.connect(
            lambda index: self.station_activated.emit(self.model.station(index.row())))
        self.hidden: dict[str, int] = {}
        if wall:
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.table.viewport().installEventFilter(self)
            header = self.table.horizontalHeader()
            for name in ("status", "name", "kit"):  # sized by _fit_columns
                header.setSectionResizeMode(StationTableModel.COLUMNS.index(name),
                                            QHeaderView.ResizeMode.Interactive)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_stations(situation.stations)
        self._fit()
        self.drawn.emit()

    def _fit(self) -> None:
        """On the wall the table is at most as tall as its stations not ready and partly
        ready (never shorter than those not ready); the rows that do not fit, ready ones
        first, are counted in one line under it."""
        if not self.wall:
            return
        row = self.table.verticalHeader().defaultSectionSize()
        levels = [self.model.station(r).readiness.level for r in range(self.model.rowCount())]
        chrome = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(chrome + max(1, levels.count("red")) * row)
        tallest = chrome + max(1, len(levels) - levels.count("green")) * row
        if tallest != self.table.maximumHeight():
            self.table.setMaximumHeight(tallest)
            self.updateGeometry()
        fit = max(0, self.table.viewport().height() // max(1, row))
        hidden: dict[str, int] = {}
        for index, level in enumerate(levels):
            hide = index >= fit
            if hide:
                hidden[level] = hidden.get(level, 0) + 1
            self.table.setRowHidden(index, hide)
        self.hidden_ready = hidden.get("green", 0)
        self.hidden = hidden
        parts = [theme.status_label(level) + f" {count}" for level in ("red", "amber")
                 if (count := hidden.get(level, 0))]
        if self.hidden_ready:
            parts.append(self.tr("%1 other stations %2").replace(
                "%1", str(self.hidden_ready)).replace("%2", theme.status_label("green")))
        self.rest.setText(" · ".join(parts))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Status, name and kit as wide as their words (the name at most nine characters);
        the reasons take the rest."""
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("国")
        for name, cap in (("status", 8 * em), ("name", 9 * em), ("kit", 4 * em)):
            column = StationTableModel.COLUMNS.index(name)
            wanted = max(self.table.sizeHintForColumn(column),
                         header.sectionSizeFromContents(column).width())
            header.resizeSection(column, min(wanted, cap))

    def sizeHint(self) -> QSize:
        """On the wall: tall enough for every station not ready and partly ready."""
        hint = super().sizeHint()
        if self.wall:
            margins = self.body.contentsMargins()
            hint.setHeight(self.title.sizeHint().height() + self.table.maximumHeight()
                           + self.rest.height() + 2 * self.body.spacing()
                           + margins.top() + margins.bottom() + 2 * self.frameWidth())
        return hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def visible_stations(self) -> list[str]:
        return [self.model.station(r).code for r in range(self.model.rowCount())
                if not self.table.isRowHidden(r)]

