"""The seeds' figures where users look: the team in the roster panel, a station's coverage
and the depot's trucks and tonnage in the station detail."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

pytestmark = pytest.mark.gui


def test_roster_panel_shows_the_team_composition(qtbot, chinese, demo_template, fixed_now):
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader
    from desktop.views.roster_panel import RosterPanel

    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
    engine.dispose()
    panel = RosterPanel("zh_CN")
    qtbot.addWidget(panel)
    panel.show_situation(situation)
    text = panel.readiness.text()
    assert "应急队伍 95 人：专业救援 35 · 社区干部和基干民兵 60 · 党员 38 人（40%）" in text
    panel.resize(700, 500)
    panel.grab().save("/tmp/issue-19-shots/roster-panel.png")


@pytest.mark.parametrize(("station_id", "words"), [
    (1, "服务覆盖：小区 9 个、自建房片区 3 个、经营性场所 47 家"),
    (8, "自动化运砂车 4 辆，砂石储备 700 吨"),
])
def test_station_detail_shows_coverage_and_depot_figures(qtbot, chinese, demo_template,
                                                         fixed_now, station_id, words):
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader
    from desktop.models.stations import load_station_detail
    from desktop.views.station_detail import StationDetailDialog

    engine = open_reader(demo_template)
    with Session(engine) as session:
        station = next(s for s in situation_now(session, fixed_now).stations
                       if s.id == station_id)
    engine.dispose()
    dialog = StationDetailDialog(station, lambda i: load_station_detail(str(demo_template), i),
                                 "zh_CN")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert words in dialog.figures.text() and dialog.figures.isVisibleTo(dialog)
    dialog.grab().save(f"/tmp/issue-19-shots/station-detail-{station_id}.png")


def test_the_map_tip_shows_coverage_and_the_depots_trucks(demo_template, fixed_now):
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader
    from desktop.views.map.map_payload import TEXT, _station_feature

    engine = open_reader(demo_template)
    with Session(engine) as session:
        stations = {s.id: s for s in situation_now(session, fixed_now).stations}
    engine.dispose()
    text = TEXT["zh"]
    pilot = dict(_station_feature(stations[1], "应急服务站", "zh_CN", text)["tip"]["rows"])
    depot = dict(_station_feature(stations[8], "沙场", "zh_CN", text)["tip"]["rows"])
    assert pilot["服务覆盖"] == "小区 9 个、自建房片区 3 个、经营性场所 47 家"
    assert depot["运砂车与储备"] == "4 辆，700 吨"
