"""The main window: header, KPI tiles and the four panels (map, stations, roster, incidents)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.alerts import Alert
from desktop.models.freshness import FreshnessState
from desktop.models.situation import Situation
from desktop.models.tiles import TileSource
from desktop.settings import WALL_PARTS  # the parts a screen of the wall can show
from desktop.views import theme
from desktop.views.alert_banner import AlertBanner
from desktop.views.focus_pane import FocusPane
from desktop.views.header import Header
from desktop.views.incident_panel import IncidentPanel
from desktop.views.kpi_tiles import KpiTiles
from desktop.views.map import MapPanel
from desktop.views.panel import PanelFrame
from desktop.views.plain_text import one_line, plain_message
from desktop.views.roster_panel import RosterPanel
from desktop.views.station_panel import StationPanel
from desktop.views.takeover import Takeover, TakeoverCard

MAP_FOLLOW_TRIES = 50  # the map may still be drawing the live situation: ask again …
MAP_FOLLOW_RETRY_MS = 200  # … this often, for up to ten seconds


@dataclass(frozen=True)
class ScreenPlan:
    """One screen of a wall: which of ``WALL_PARTS`` it shows, sized for its own panel."""

    parts: frozenset[str]
    sizes: theme.Sizes


class WallScreen(QWidget):
    """Another screen of the wall: a frameless window with its own sizes' style sheet."""

    def __init__(self, body: QWidget, sizes: theme.Sizes) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.setStyleSheet(theme.style_sheet(sizes))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(body)


class MainWindow(QMainWindow):
    def __init__(self, *, wall: bool, language: str, sizes: theme.Sizes,
                 tiles: TileSource | None = None, takeover_severity: int = 0,
                 takeover_seconds: float = 45.0, rotation: tuple[str, ...] = (),
                 rotation_seconds: int = 20,
                 screens: tuple[ScreenPlan, ...] = ()) -> None:
        """``takeover_severity``: on the wall, a new incident of that severity or above
        takes over the wall for ``takeover_seconds`` (0: no takeover). ``rotation``: the
        views the wall's focus pane (the stations' place) shows in turn, each for
        ``rotation_seconds``; the stations are always one of them, first unless placed.
        ``screens``: a wall over several screens, the parts each shows and its sizes (this
        window is the first; the others are in ``self.screens``)."""
        super().__init__()
        self.wall = wall
        self.setWindowTitle(self.tr("Street Duty Room"))
        self.setStyleSheet(theme.style_sheet(sizes))
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(sizes.margin, sizes.margin, sizes.margin, sizes.margin)
        outer.setSpacing(sizes.margin)
        def sizes_of(part: str) -> theme.Sizes:
            """The sizes of the screen a part is on (each screen its own panel's)."""
            return next((plan.sizes for plan in screens if part in plan.parts), sizes)

        self.header = Header(language, wall=wall)
        self.alerts = AlertBanner(language, wall=wall)
        self.kpis = KpiTiles()
        self.map = MapPanel(wall=wall, zoom=sizes_of("map").scale, language=language,
                            tiles=tiles)
        map_frame = PanelFrame(self.tr("Grid map"))
        map_frame.body.addWidget(self.map, 1)
        self.stations = StationPanel(language, sizes_of("stations").row, wall=wall)
        self.roster = RosterPanel(language, wall=wall)
        self.incidents = IncidentPanel(language, sizes_of("incidents").row, wall=wall)
        # The timeline (and replay) belong to the operator window; the wall keeps its four
        # panels large enough to read from 4 m.
        self.timeline = None
        self.takeover: Takeover | None = None
        self.focus: FocusPane | None = None
        self.standby_panels: tuple[str, ...] = ("kpis", "roster", "incidents", "stations")
        self.takeover_card: TakeoverCard | None = None
        if not wall:
            from desktop.views.timeline_panel import TimelinePanel  # pyqtgraph: not on the wall

            self.timeline = TimelinePanel(language, sizes.body)
        grid = QGridLayout()
        grid.setSpacing(sizes.margin)
        self.screens: list[QWidget] = []  # the wall's other screens' windows (wall_screens)
        self._outer = outer  # the layout holding the banner (a wall's: its header screen's)
        if wall:
            if takeover_severity > 0:
                self.takeover_card = TakeoverCard(language, sizes_of("incidents"))
                self.takeover = Takeover(self.takeover_card, takeover_severity,
                                         takeover_seconds, parent=self)
                self.takeover.changed.connect(self._takeover_changed)
            if rotation:
                views = rotation if "stations" in rotation else ("stations", *rotation)
                self.focus = FocusPane(views, self.stations, sizes_of("stations").row,
                                       rotation_seconds)
                self.standby_panels = ("kpis", "roster", "incidents", "focus")
            plans = screens or (ScreenPlan(WALL_PARTS, sizes),)
            for index, plan in enumerate(plans):
                body = self._wall_screen(plan, map_frame)
                if index:
                    self.screens.append(WallScreen(body, plan.sizes))
                else:
                    grid.addWidget(body, 0, 0)
        else:
            # Map on the left, full height; stations across the top right (their
            # reasons need width); roster and incidents side by side below.
            # The operator window adds the timeline below them; the map keeps the full
            # height.
            grid.addWidget(map_frame, 0, 0, 2 if self.timeline is None else 3, 1)
            grid.addWidget(self.stations, 0, 1, 1, 2)
            grid.addWidget(self.roster, 1, 1)
            grid.addWidget(self.incidents, 1, 2)
            grid.setColumnStretch(0, 11)
            grid.setColumnStretch(1, 6)
            grid.setColumnStretch(2, 7)
            grid.setRowStretch(0, 10)
            grid.setRowStretch(1, 10)
        if self.timeline is not None:
            grid.addWidget(self.timeline, 2, 1, 1, 2)
            grid.setRowStretch(2, 8)
        # While a replay is shown the banner floats over this row (the layout keeps its place).
        self._alerts_slot = QWidget()
        self._alerts_slot.hide()
        self._alerts_slot.installEventFilter(self)
        self.alerts.installEventFilter(self)
        self._live_incidents: object = None
        self._map_follow: str | None = None
        self._map_follow_options: dict[str, float] = {}
        self._map_tries = 0
        if not wall:
            outer.addWidget(self.header)
            outer.addWidget(self.alerts)
            outer.addWidget(self.kpis)
        else:
            outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(grid, 1)
        self.setCentralWidget(central)
        self._last: Situation | None = None
        self.problems_box: QMessageBox | None = None  # the list the operator opened last
        self._replay_shown = False
        self.drawn: list[str] = []  # the panels the last show_situation drew
        self.header.problems_requested.connect(self._show_problems)
        self.header.show_sound(self.alerts.sound_off)
        if wall:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            # No one at the wall uses a mouse: no cursor over it (the map page included).
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.map.setCursor(Qt.CursorShape.BlankCursor)
            # The banner's row is kept when it is hidden: nothing moves when an alert comes.
            banner = sizes_of("header")
            self.alerts.reserve_height(banner.row + 2 * banner.margin)
            for screen in self.screens:
                screen.setCursor(Qt.CursorShape.BlankCursor)

    def _wall_screen(self, plan: ScreenPlan, map_frame: QWidget) -> QWidget:
        """One screen of the wall: the header, banner and KPIs on top when it has them; the
        map on the left with who is on duty under it; the incidents on the right (their
        titles need width), the stations (or the rotation) under them; the alarm takeover
        in the place of the incidents and stations."""
        sizes, parts = plan.sizes, plan.parts
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(sizes.margin, sizes.margin, sizes.margin, sizes.margin)
        outer.setSpacing(sizes.margin)
        if "header" in parts:
            outer.addWidget(self.header)
            outer.addWidget(self.alerts)
            outer.addWidget(self.kpis)
            self._outer = outer
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(sizes.margin)
        # Without the map the incidents take the wide left column, and who is on duty
        # goes under the stations.
        lists, duty = (right, left) if "map" in parts else (left, right)
        if "map" in parts:
            left.addWidget(map_frame, 1)
        if "incidents" in parts:
            lists.addWidget(self.incidents, 1)
            if self.takeover_card is not None:
                lists.addWidget(self.takeover_card, 1)
        if "stations" in parts:
            # as tall as its stations not ready, or all the column without the incidents
            right.addWidget(self.focus or self.stations,
                            0 if "incidents" in parts and "map" in parts else 1)
        if "roster" in parts:
            duty.addWidget(self.roster)
        grid = QGridLayout()
        grid.setSpacing(sizes.margin)
        columns = [c for c in (left, right) if c.count()]
        for index, column in enumerate(columns):
            grid.addLayout(column, 0, index)
        if len(columns) == 2:
            grid.setColumnStretch(0, 10 if "map" in parts else 13)
            grid.setColumnStretch(1, 13 if "map" in parts else 10)
        outer.addLayout(grid, 1)
        return body

    def _with_map_problems(self, situation: Situation) -> Situation:
        """A base map that would not open counts as a data problem too."""
        if not self.map.tile_problems:
            return situation
        return dataclasses.replace(situation,
                                   problems=(*situation.problems, *self.map.tile_problems))

    # What each panel draws: a panel whose fields hold the same objects as in the situation
    # drawn before is left alone (a live read reuses the parts no change touched).
    DRAWS: ClassVar[dict[str, tuple[str, ...]]] = {
        "header": ("street", "warnings", "problems"),
        "alerts": ("incidents",),
        "kpis": ("duty_now", "readiness_today", "stations", "incidents"),
        "map": ("street", "communities", "grids", "layers", "stations", "incidents"),
        "stations": ("stations",),
        "roster": ("duty_now", "duty_next", "readiness_today", "roster"),
        "incidents": ("incidents",),
    }

    def show_situation(self, situation: Situation, *, replay: bool = False) -> None:
        """Draw a situation; ``replay``: a past one (no alerts, countdowns on its clock).
        Only the panels whose part of the situation changed are drawn again."""
        last, self._last = self._last, situation
        if replay or self._replay_shown:
            last = None  # replayed and live situations share nothing
        self._replay_shown = replay
        self.drawn = [name for name, fields in self.DRAWS.items()
                      if not situation.unchanged(last, *fields)]
        if "header" in self.drawn:
            self.header.show_situation(self._with_map_problems(situation))
        if not replay:  # a replayed incident must not flash and ring, nor take over
            fresh = self.alerts.show_situation(situation) if "alerts" in self.drawn else ()
            if self.takeover is not None:
                self.takeover.show_situation(situation, fresh)
        self.incidents.model.set_clock(
            (lambda: situation.at) if replay else None)
        for name in ("kpis", "map", "stations", "roster", "incidents"):
            if name in self.drawn:
                getattr(self, name).show_situation(situation)
        if self.focus is not None and "incidents" in self.drawn:
            self.focus.show_situation(situation)
        if self.timeline is not None:
            self.timeline.show_situation(situation)  # "now" moves with every situation

    def show_replay(self, situation: Situation) -> None:
        self.show_situation(situation, replay=True)

    # ------------------------------------------------------------ live through a replay

    def show_live_alerts(self, situation: Situation) -> None:
        """A live situation while a replay is drawn: only the alert banner sees it (new or
        raised incidents ring and break through); the replayed panels stay as they are."""
        if situation.incidents is not self._live_incidents:
            self._live_incidents = situation.incidents
            self.alerts.show_situation(situation)
            self._sync_alerts_slot()

    def set_replaying(self, replaying: bool) -> None:
        """Replay on the screen: the header shows both clocks and the alert banner floats
        on top of everything (the watermark too), marked LIVE, over an empty row of its
        height that takes its place in the layout; back in its row after."""
        self.header.show_replay(replaying)
        self.alerts.set_breakthrough(replaying)
        floating = self.alerts.parent() is self
        if replaying and not floating:
            self._outer.insertWidget(self._outer.indexOf(self.alerts), self._alerts_slot)
            self._outer.removeWidget(self.alerts)
            self.alerts.setParent(self)
            self.alerts.refresh()
            self._sync_alerts_slot()
            self.alerts.raise_()
        elif not replaying and floating:
            self._live_incidents = None
            index = self._outer.indexOf(self._alerts_slot)
            self._outer.removeWidget(self._alerts_slot)
            self._alerts_slot.hide()
            self._outer.insertWidget(index, self.alerts)
            self.alerts.refresh()

    def _sync_alerts_slot(self) -> None:
        """The floating banner's row: shown with the banner, as high as the banner is."""
        if self.alerts.parent() is not self:
            return
        slot = self._alerts_slot
        shown = self.alerts.isVisibleTo(self)
        if shown:
            margins = self._outer.contentsMargins()
            width = self.centralWidget().width() - margins.left() - margins.right()
            slot.setFixedHeight(max(self.alerts.heightForWidth(width),
                                    self.alerts.sizeHint().height()))
        slot.setVisible(shown)
        self._place_alerts()

    def _place_alerts(self) -> None:
        slot = self._alerts_slot
        if self.alerts.parent() is self and slot.isVisible():
            self.alerts.setGeometry(QRect(slot.mapTo(self, QPoint(0, 0)), slot.size()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.alerts and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._sync_alerts_slot()
        elif watched is self._alerts_slot and kind in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place_alerts()
        return False

    # ------------------------------------------------------------ the alarm takeover

    def _takeover_changed(self, alert: Alert | None) -> None:
        """An alarm takes over the wall (the card in the panels' place, the map at the
        incident with its nearest ready station's circle), or the wall returns to standby."""
        on = alert is not None
        for name in self.standby_panels:
            getattr(self, name).setVisible(not on)
        if self.focus is not None:  # the alarm interrupts the rotation
            self.focus.set_paused(on)
        self.map.set_follow(not on)  # the map's own following waits while an alarm holds it
        if not on:
            self._map_follow = None
            self.map.show_overview()
            return
        assert alert is not None
        incident = alert.incident
        self._map_follow, self._map_tries = str(incident.id), 0
        self._map_follow_options = {"back_after_s": 0.0,
                                    "circle_m": self._nearest_radius(incident.id)}
        self._follow_on_map()

    def _nearest_radius(self, incident_id: int) -> float:
        situation = self._last
        coverage = situation.coverage if situation is not None else None
        near = coverage.nearest.get(incident_id) if coverage is not None else None
        if situation is None or near is None:
            return 0.0
        return next((s.service_radius_m for s in situation.stations
                     if s.id == near.station_id), 0.0)

    def follow_incident(self, incident_id: int) -> None:
        """Select an incident in the table and the timeline, and take the map to it (once
        the map has drawn it: after a replay it may still be drawing the live situation)."""
        self.incidents.select_incident(incident_id)
        if self.timeline is not None:
            self.timeline.select_incident(incident_id)
        self._map_follow, self._map_tries = str(incident_id), 0
        self._map_follow_options = {}
        self._follow_on_map()

    def _follow_on_map(self) -> None:
        if self._map_follow is None:
            return
        if (self.map.follow_incident(self._map_follow, **self._map_follow_options)
                or self._map_tries >= MAP_FOLLOW_TRIES):
            self._map_follow = None
            return
        self._map_tries += 1
        QTimer.singleShot(MAP_FOLLOW_RETRY_MS, self, self._follow_on_map)

    def show_freshness(self, state: FreshnessState) -> None:
        self.header.show_freshness(state)

    def _show_problems(self) -> None:
        if self._last is None:
            return
        problems = self._with_map_problems(self._last).problems
        lines = [f"{p.entity} {one_line(p.entity_id, 40)}: {one_line(p.problem, 160)}"
                 for p in problems[:200]]
        self.problems_box = plain_message(self, QMessageBox.Icon.Information,
                                          self.tr("Data problems"), "\n".join(lines))
