"""A wall over several screens: each screen its parts, each sized for its own panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from wall_scene import demo_situation

from desktop.app import wall_places
from desktop.settings import Settings, SettingsError
from desktop.views import theme
from desktop.views.main_window import MainWindow, ScreenPlan

pytestmark = pytest.mark.gui


def test_the_setting_lists_each_screens_parts_and_diagonal():
    plans = Settings(wall_screens="map:75, panels:55").screen_plans
    assert plans == ((frozenset({"map"}), 75.0),
                     (frozenset({"header", "roster", "incidents", "stations"}), 55.0))
    three = Settings(wall_screens="map,header+incidents,stations+roster").screen_plans
    assert [sorted(p) for p, _ in three] == [["map"], ["header", "incidents"],
                                             ["roster", "stations"]]
    assert Settings().screen_plans == ()
    for bad in ("map", "map,map,panels", "map,panels,panels", "map,header+incidents",
                "map,panels:huge", "map,panels,all,all,all", "map,panel"):
        with pytest.raises(SettingsError):
            Settings(wall_screens=bad).validated()


def test_fewer_screens_than_listed_split_the_first_side_by_side():
    settings = Settings(wall=True, wall_screens="map,panels")
    wide = QRect(0, 0, 3840, 1080)
    assert wall_places(settings, [wide], wide) == [QRect(0, 0, 1920, 1080),
                                                  QRect(1920, 0, 1920, 1080)]
    two = [QRect(0, 0, 1920, 1080), QRect(1920, 0, 3840, 2160)]
    assert wall_places(settings, two, two[0]) == two
    assert wall_places(Settings(wall=True), two, two[0]) == []


def test_each_screen_shows_its_parts_sized_for_its_own_panel(qtbot, demo_template,
                                                             fixed_now):
    big = theme.Sizes.for_panel(theme.Panel(1920, 1080, 86.0, 4.0))
    small = theme.Sizes.for_panel(theme.Panel(1920, 1080, 55.0, 4.0))
    plans = (ScreenPlan(frozenset({"map"}), big),
             ScreenPlan(frozenset({"header", "roster", "incidents", "stations"}), small))
    window = MainWindow(wall=True, language="zh_CN", sizes=big, screens=plans,
                        takeover_severity=3)
    qtbot.addWidget(window)
    (other,) = window.screens
    qtbot.addWidget(other)
    window.show_situation(demo_situation(str(demo_template), fixed_now))
    assert window.map.window() is window
    for part in (window.header, window.kpis, window.incidents, window.stations,
                 window.roster, window.takeover_card):
        assert part.window() is other
    # A 55″ panel needs larger pixels than an 86″ one for the same arc at 4 m.
    assert small.body > big.body
    assert f"font-size: {small.body}px" in other.styleSheet()
    assert f"font-size: {big.body}px" in window.styleSheet()
    assert window.incidents.table.verticalHeader().defaultSectionSize() == small.row
    assert window.map._zoom == big.scale  # the page zooms by it when it loads
    other.close()
    window.close()
