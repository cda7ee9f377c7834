"""Open incidents, most severe first, then the nearest reporting deadline; drills marked 演练.

On the wall nothing scrolls: when the rows do not fit the panel pages by itself
("1/3 · 每 10 秒"), and every open incident of III (较大) or above is pinned on
every page, above the page's other rows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QWidget

from desktop.models.deadlines import pinned
from desktop.models.situation import Situation
from desktop.views.panel import PanelFrame, wall_table
from desktop.views.plain_text import plain_label
from desktop.views.qt_incident_model import IncidentTableModel

PAGE_SECONDS = 10  # how long the wall shows one page of incidents
TITLE_CHARACTERS = 12  # a title is readable: at least this many characters of it


class IncidentPanel(PanelFrame):
    drawn = Signal()
    paged = Signal(int)  # the page now shown (wall)
    opened = Signal(int)  # an incident's id: double-click or Enter on its row (drill-down)

    def __init__(self, language: str, row_height: int, parent: QWidget | None = None, *,
                 wall: bool = False, page_seconds: int = PAGE_SECONDS) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Open incidents"))
        self.wall = wall
        self.model = IncidentTableModel(language, self)
        self.table = wall_table(self.model, row_height,
                                IncidentTableModel.COLUMNS.index("title"))
        self.page_mark = plain_label("", object_name="dim")
        self.page_mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        title_row = QHBoxLayout()
        self.body.removeWidget(self.title)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.page_mark)
        self.body.addLayout(title_row)
        self.body.addWidget(self.table)
        self.selected: int | None = None  # the incident chosen elsewhere (a live alert followed)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._opened)  # a double-click, or Enter
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self.model.tick)
        self._countdown.start(1000)
        self.page = 0
        self.pages = 1
        self.page_seconds = page_seconds
        self._pager = QTimer(self)
        self._pager.timeout.connect(self.next_page)
        if wall:
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.model.compact = True
            header = self.table.horizontalHeader()
            header.setMaximumSectionSize(-1)
            # Widths are shared out by _fit_columns: the title keeps TITLE_CHARACTERS.
            for name in ("stage", "place", "deadline"):
                header.setSectionResizeMode(IncidentTableModel.COLUMNS.index(name),
                                            QHeaderView.ResizeMode.Interactive)
            # The deadline is what the wall must show; the time received is in the banner
            # and at the operator window.
            self.table.setColumnHidden(IncidentTableModel.COLUMNS.index("received"), True)
            self.table.viewport().installEventFilter(self)
            self._pager.start(page_seconds * 1000)

    def show_situation(self, situation: Situation) -> None:
        self.model.set_incidents(situation.incidents)
        self._repage()
        if self.selected is not None:
            self._select_row()
        self.drawn.emit()

    # ------------------------------------------------------------ wall paging

    def rows_that_fit(self) -> int:
        height = self.table.viewport().height()
        return max(1, height // max(1, self.table.verticalHeader().defaultSectionSize()))

    def page_rows(self, page: int) -> list[int]:
        """The model rows shown on ``page``: the pinned ones, then that page's share."""
        rows = range(self.model.rowCount())
        fixed = [r for r in rows if pinned(self.model.incident(r))]
        others = [r for r in rows if r not in fixed]
        fit = self.rows_that_fit()
        if len(fixed) + len(others) <= fit:
            return list(rows)
        share = max(1, fit - len(fixed))
        return fixed + others[page * share:(page + 1) * share]

    def _page_count(self) -> int:
        rows = self.model.rowCount()
        fixed = sum(1 for r in range(rows) if pinned(self.model.incident(r)))
        fit = self.rows_that_fit()
        if rows <= fit:
            return 1
        return max(1, math.ceil((rows - fixed) / max(1, fit - fixed)))

    def next_page(self) -> None:
        if self.wall and self.pages > 1:
            self.page = (self.page + 1) % self.pages
            self._show_page()

    def _repage(self) -> None:
        if not self.wall:
            return
        # Room for the pinned incidents and two more, whatever else the wall holds.
        rows = self.model.rowCount()
        fixed = sum(1 for r in range(rows) if pinned(self.model.incident(r)))
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
            + max(1, min(rows, fixed + 2)) * self.table.verticalHeader().defaultSectionSize())
        self.pages = self._page_count()
        self.page = min(self.page, self.pages - 1)
        self._show_page()

    def _show_page(self) -> None:
        shown = set(self.page_rows(self.page))
        for row in range(self.model.rowCount()):
            self.table.setRowHidden(row, row not in shown)
        self._fit_columns()
        if self.pages > 1:
            self.page_mark.setText(self.tr("%1/%2 · every %3 s").replace(
                "%1", str(self.page + 1)).replace("%2", str(self.pages)).replace(
                "%3", str(self.page_seconds)))
        else:
            self.page_mark.setText("")
        self.paged.emit(self.page)

    def _fit_columns(self) -> None:
        """The title keeps TITLE_CHARACTERS (and one for the "…"); the stage, the deadline
        and the place (a column of its own) share what is left, each cut with "…" at
        most to its cap."""
        header = self.table.horizontalHeader()
        columns = IncidentTableModel.COLUMNS
        em = self.table.fontMetrics().horizontalAdvance("国")
        pad = em // 2

        def wanted(name: str) -> int:
            column = columns.index(name)
            return max(self.table.sizeHintForColumn(column), header.sectionSizeFromContents(
                column).width()) + pad

        title_room = round((TITLE_CHARACTERS + 1.6) * em)  # with the cell padding and "…"
        free = self.table.viewport().width() - header.sectionSize(columns.index("severity"))
        stage = min(wanted("stage"), round(6.5 * em))
        deadline = min(wanted("deadline"), round(8.5 * em))
        place = max(3 * em, min(wanted("place"), 8 * em, free - stage - deadline - title_room))
        header.resizeSection(columns.index("stage"), stage)
        header.resizeSection(columns.index("deadline"), deadline)
        header.resizeSection(columns.index("place"), place)

    def visible_incidents(self) -> list[int]:
        """Ids of the incidents shown now (the wall's current page)."""
        return [self.model.incident(r).id for r in range(self.model.rowCount())
                if not self.table.isRowHidden(r)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._repage()
        return False

    # ------------------------------------------------------------ selection

    def select_incident(self, incident_id: int | None) -> None:
        """Select an incident's row (again after each redraw, while it is listed)."""
        self.selected = incident_id
        if incident_id is None:
            self.table.clearSelection()
        else:
            self._select_row()

    def _select_row(self) -> None:
        model = self.model
        row = next((r for r in range(model.rowCount())
                    if model.incident(r).id == self.selected), None)
        if row is not None:
            if self.wall and self.table.isRowHidden(row):
                self.page = next((p for p in range(self.pages) if row in self.page_rows(p)),
                                 self.page)
                self._show_page()
            self.table.selectRow(row)
            self.table.scrollTo(model.index(row, 0))

    def _clicked(self, index: QModelIndex) -> None:
        self.selected = self.model.incident(index.row()).id  # the officer's choice from now on

    def _opened(self, index: QModelIndex) -> None:
        self.opened.emit(self.model.incident(index.row()).id)

    def selected_incident(self) -> int | None:
        """The incident of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.incident(rows[0].row()).id if rows else None
