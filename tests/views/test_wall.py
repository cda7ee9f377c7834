"""The wall as rendered (offscreen, the real map page): what a duty officer reads from 4 m.

Each test opens the wall window at a panel's resolution on the demo street, with 20
open incidents of which 4 are III (较大) or above where it matters, and measures what
is shown: rows inside the visible part of the tables, label boxes the map page
reports, the street's extent in the map, the legend strip's area, widget geometry.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QTableView
from wall_scene import demo_situation, with_incidents

from desktop.models.deadlines import pinned
from desktop.views import theme
from desktop.wall_check import open_wall

pytestmark = pytest.mark.gui

SIZES = [(1920, 1080), (3840, 2160)]


@pytest.fixture
def demo(demo_template, fixed_now):
    return demo_situation(str(demo_template), fixed_now)


@pytest.fixture
def wall(qtbot):
    opened = []

    def open_(situation, width=1920, height=1080, language="zh_CN", *, map_ready=False):
        window = open_wall(situation, width, height, language)
        qtbot.addWidget(window)
        opened.append(window)
        if map_ready:
            qtbot.waitUntil(lambda: window.map.is_ready, timeout=30_000)
        return window

    yield open_
    for window in opened:
        window.close()


def _in_view(table: QTableView, row: int) -> bool:
    """Row ``row`` is shown and wholly inside the table's visible area."""
    if table.isRowHidden(row):
        return False
    rect = table.visualRect(table.model().index(row, 0))
    return rect.top() >= 0 and rect.bottom() <= table.viewport().height()


def _js(qtbot: Any, window: Any, expression: str) -> Any:
    box: list[Any] = []
    window.map.evaluate_json(expression, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_iii_incident_is_on_every_page_and_nothing_scrolls(qtbot, wall, demo, width,
                                                                 height):
    situation = with_incidents(demo, 20)
    window = wall(situation, width, height)
    panel = window.incidents
    table = panel.table
    severe = {i.id for i in situation.incidents if pinned(i)}
    assert len(severe) == 4
    assert table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert panel.pages > 1
    seen: set[int] = set()
    for page in range(panel.pages):
        panel.page = page
        panel._show_page()
        shown = [panel.model.incident(r).id for r in range(panel.model.rowCount())
                 if _in_view(table, r)]
        assert severe <= set(shown), f"page {page + 1}: a III+ incident is not in view"
        assert shown == panel.visible_incidents()  # nothing listed lies below the fold
        assert panel.page_mark.text().startswith(f"{page + 1}/{panel.pages}")
        seen.update(shown)
    assert seen == {i.id for i in situation.incidents}  # every incident comes round
    severities = [panel.model.incident(r).severity for r in range(panel.model.rowCount())]
    assert severities == sorted(severities)


def test_pages_turn_by_themselves(qtbot, wall, demo):
    window = wall(with_incidents(demo, 20))
    panel = window.incidents
    assert panel.pages > 1 and panel.page == 0
    panel._pager.setInterval(50)
    with qtbot.waitSignal(panel.paged, timeout=2000, check_params_cb=lambda page: page == 1):
        pass
    assert panel.page_mark.text().startswith(f"2/{panel.pages}")


@pytest.mark.parametrize(("width", "height", "language"), [(*SIZES[0], "zh_CN"),
                                                            (*SIZES[1], "zh_CN"),
                                                            (*SIZES[0], "en")])
def test_a_title_shows_at_least_twelve_characters_and_the_place_its_own_column(
        qtbot, wall, demo, width, height, language):
    window = wall(with_incidents(demo, 20), width, height, language)
    table = window.incidents.table
    columns = window.incidents.model.COLUMNS
    title = table.columnWidth(columns.index("title"))
    em = table.fontMetrics().horizontalAdvance("国")
    assert title >= 12.5 * em
    shown = table.fontMetrics().elidedText(
        panel_title := window.incidents.model.incident(0).title, Qt.TextElideMode.ElideRight,
        title - em // 2)
    assert len(shown.rstrip("…")) >= min(12, len(panel_title))
    assert table.columnWidth(columns.index("place")) >= 3 * em
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width() + 2  # no column off the panel


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_stations_not_ready_then_partly_ready_then_the_rest_in_one_line(qtbot, wall, demo,
                                                                         language):
    window = wall(demo, language=language)
    panel = window.stations
    levels = [panel.model.station(r).readiness.level for r in range(panel.model.rowCount())]
    assert levels == sorted(levels, key=["red", "amber", "green"].index)
    for row, level in enumerate(levels):
        if level != "green":
            assert _in_view(panel.table, row), f"a station {level} is not in view"
    in_view = [r for r in range(len(levels)) if _in_view(panel.table, r)]
    assert in_view == [r for r in range(len(levels)) if not panel.table.isRowHidden(r)]
    hidden_ready = levels.count("green") - sum(1 for r in in_view if levels[r] == "green")
    assert panel.hidden_ready == hidden_ready
    if hidden_ready:
        assert str(hidden_ready) in panel.rest.text()
        assert theme.status_label("green") in panel.rest.text()


def test_on_a_small_panel_stations_that_do_not_fit_are_counted_not_hidden(qtbot, wall, demo):
    # 55″ at 4 m: the largest text on a 1080p panel; the incidents keep their rows
    from desktop.views.main_window import MainWindow  # noqa: F401  (the window under test)

    window = open_wall(with_incidents(demo, 20), 1920, 1080, "zh_CN", diagonal_in=55)
    qtbot.addWidget(window)
    incidents, stations = window.incidents, window.stations
    shown = [r for r in range(incidents.model.rowCount()) if _in_view(incidents.table, r)]
    assert len(shown) >= 5  # the four III+ and at least one more
    levels = [stations.model.station(r).readiness.level
              for r in range(stations.model.rowCount())]
    seen = [levels[r] for r in range(len(levels)) if _in_view(stations.table, r)]
    assert seen == levels[:len(seen)] and "red" in seen  # worst first, not ready in view
    counted = sum(stations.hidden.values())
    assert len(seen) + counted == len(levels)
    for level, count in stations.hidden.items():
        assert theme.status_label(level) in stations.rest.text() and str(count) in \
            stations.rest.text()
    window.close()


def test_kpi_counts_are_the_tables_counts_in_the_same_words(qtbot, wall, demo):
    window = wall(with_incidents(demo, 20))
    model = window.stations.model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    for level, tile in window.kpis.station_tiles.items():
        assert tile.label.text() == theme.status_label(level)
        assert tile.value.text() == str(shown.count(theme.status_label(level))), level
    assert {"red", "amber"} <= {model.station(r).readiness.level
                                for r in range(model.rowCount())}
    incidents = window.incidents.model
    assert window.kpis.incidents.value.text() == str(incidents.rowCount()) == "20"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_moves_when_the_banner_appears(qtbot, wall, demo, width, height):
    quiet = with_incidents(demo, 0)
    window = wall(quiet, width, height)
    window.alerts.show_situation(quiet)
    qtbot.wait(50)
    assert window.alerts.isHidden()

    def geometry() -> list[QRect]:
        return [w.geometry() for w in (window.header, window.kpis, window.map,
                                       window.stations, window.roster, window.incidents)]

    before = geometry()
    window.show_situation(with_incidents(demo, 3))
    qtbot.wait(50)
    assert window.alerts.isVisible()
    assert geometry() == before
    window.alerts.acknowledge_all()
    qtbot.wait(50)
    assert window.alerts.isHidden() and geometry() == before


def test_the_wall_has_no_buttons_no_cursor_and_a_dated_clock(qtbot, chinese, wall, demo):
    window = wall(with_incidents(demo, 5))
    assert window.alerts.isVisible()
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert buttons == []
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    assert window.map.cursor().shape() == Qt.CursorShape.BlankCursor
    date = window.header.date.text()
    assert "星期" in date and "年" in date and "月" in date


def test_sound_off_is_shown_when_the_sound_cannot_play(qtbot, chinese, wall, demo):
    window = wall(demo)
    # Offscreen there is no audio device: the banner knows, and the header says so.
    assert window.alerts.sound_off
    assert window.header.sound_mark.isVisible()
    assert "声音不可用" in window.header.sound_mark.text()
    assert "SOUND OFF" in window.header.sound_mark.text()
    window.header.show_sound(False)
    assert not window.header.sound_mark.isVisible()


# ------------------------------------------------------------ the map page


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_street_fills_the_map_and_the_legend_leaves_it(qtbot, wall, demo, width, height):
    window = wall(demo, width, height, map_ready=True)
    qtbot.wait(300)
    extent = _js(qtbot, window, "DutyMap.extent()")
    pane, street, strip = extent["pane"], extent["street"], extent["strip"]
    shorter = min(pane["w"], pane["h"])
    assert max(street["w"], street["h"]) >= 0.7 * shorter
    # along the direction that limits the fit, the street spans most of the map
    assert max(street["w"] / pane["w"], street["h"] / pane["h"]) >= 0.7
    assert street["x"] >= 0 and street["x"] + street["w"] <= pane["w"] + 1
    assert street["y"] >= 0 and street["y"] + street["h"] <= pane["h"] + 1
    # the legend is a strip under the map, not over it, at most 10 % of the map's pane
    view_area = pane["w"] * (pane["h"] + strip["h"])
    assert strip["w"] * strip["h"] <= 0.10 * view_area
    assert pane["h"] + strip["h"] == pytest.approx(window.map.height() / window.map.page
                                                   .zoomFactor(), abs=2)
    state = _js(qtbot, window, "DutyMap.state()")
    visible = {layer["name"] for layer in state["layers"] if layer["visible"]}
    assert state["legend"] and strip["entries"] >= len(state["legend"]) > 0
    assert extent["strip"]["pages"] >= 1 and visible


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_incident_and_station_label_is_shown_and_none_overlap(qtbot, wall, demo, width,
                                                                   height):
    situation = with_incidents(demo, 20)
    window = wall(situation, width, height, map_ready=True)
    qtbot.wait(300)
    boxes = _js(qtbot, window, "DutyMap.labelBoxes()")
    incidents = [b for b in boxes if b["kind"] == "incident"]
    stations = [b for b in boxes if b["kind"] == "station"]
    placed = sum(1 for i in situation.incidents if i.lat is not None)
    assert len(incidents) == placed == 20
    assert len(stations) == len(situation.stations)
    assert all(b["shown"] for b in incidents + stations)
    shown = [b for b in boxes if b["shown"] and b["kind"] != "legend"]  # the strip: not map
    pane = _js(qtbot, window, "DutyMap.extent()")["pane"]
    outside = [b["text"] for b in incidents + stations
               if b["x"] < -0.5 or b["y"] < -0.5 or b["x"] + b["w"] > pane["w"] + 0.5
               or b["y"] + b["h"] > pane["h"] + 0.5]
    assert outside == []  # none cut by the map's edge

    def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
        return (a["x"] < b["x"] + b["w"] - 0.5 and b["x"] < a["x"] + a["w"] - 0.5
                and a["y"] < b["y"] + b["h"] - 0.5 and b["y"] < a["y"] + a["h"] - 0.5)

    clashes = [(a["kind"], a["text"], b["kind"], b["text"])
               for a, b in itertools.combinations(shown, 2) if overlap(a, b)]
    assert clashes == []
    # lower priority gives way: a community or grid name is hidden rather than overlap
    assert all(b["shown"] or b["kind"] in ("community", "grid") for b in boxes)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_moves_when_the_data_goes_stale(qtbot, chinese, wall, demo, width, height):
    """The longest notices the header can show (stale, a schema the program cannot read,
    no sound, the desk badge) wrap inside the header's row: no panel moves or shrinks."""
    import datetime as dt

    from desktop.models.freshness import FreshnessState
    from desktop.views.plain_text import plain_label

    window = wall(demo, width, height)
    window.header.add_badge(plain_label("未签到 · 联系方式已遮蔽"))
    window.header.show_freshness(FreshnessState("live", demo.at))
    qtbot.wait(50)

    def geometry() -> list[QRect]:
        return [w.geometry() for w in (window.header, window.kpis, window.map,
                                       window.stations, window.roster, window.incidents)]

    before = geometry()
    for state in (FreshnessState("stale", demo.at - dt.timedelta(minutes=2)),
                  FreshnessState("stale", demo.at, reason="schema_newer", schema="0099")):
        window.header.show_freshness(state)
        qtbot.wait(50)
        assert "数据未更新" in window.header.freshness.text()
        assert geometry() == before, state
