"""The wall's rotation: the focus pane shows its views in turn, and an alarm pauses it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from wall_scene import demo_situation, with_incidents

from desktop.models import clock
from desktop.models.by_community import incidents_by_community
from desktop.models.coverage import compute_coverage
from desktop.models.roster import WeekDay
from desktop.wall_check import open_wall

pytestmark = pytest.mark.gui


@pytest.fixture
def now(fixed_now):
    moment = [fixed_now]
    with clock.using(lambda: moment[0]):
        yield moment


@pytest.fixture
def scene(demo_template, fixed_now):
    base = with_incidents(demo_situation(str(demo_template), fixed_now), 20)
    old = tuple(dataclasses.replace(i, recorded_at=fixed_now - dt.timedelta(hours=1))
                for i in base.incidents[1:])
    return base, dataclasses.replace(base, incidents=old)


@pytest.fixture
def wall(qtbot, scene, now):
    window = open_wall(scene[1], 1920, 1080, "zh_CN", takeover_severity=3,
                       rotation=("stations", "roster_week", "communities"),
                       rotation_seconds=20)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_the_views_come_in_turn_with_their_name_and_the_time_to_the_next(
        qtbot, chinese, wall, scene, fixed_now):
    focus = wall.focus
    week = (WeekDay(fixed_now.date(), (), None),)
    asked: list[dt.date] = []
    focus.set_week_loader(lambda first: asked.append(first) or week)
    assert focus.current == "stations" and focus.stack.currentWidget() is wall.stations
    assert focus.name.text() == "应急服务站详情 · 1/3"
    assert focus.next_change.text() == "20 秒后切换"
    for _ in range(5):
        focus._tick()
    assert focus.next_change.text() == "15 秒后切换" and focus.current == "stations"
    for _ in range(15):
        focus._tick()
    assert focus.current == "roster_week" and focus.name.text() == "本周排班 · 2/3"
    qtbot.waitUntil(lambda: focus.week.rowCount() == 1)
    assert asked and asked[0].weekday() == 0  # the week from its Monday
    for _ in range(20):
        focus._tick()
    assert focus.current == "communities"
    rows = incidents_by_community(scene[1])
    model = focus.communities
    assert model.rowCount() == len(rows)
    assert [model.item(r, 5).text() for r in range(model.rowCount())] == [
        str(r.total) for r in rows]
    for _ in range(20):
        focus._tick()
    assert focus.current == "stations"


def test_an_alarm_takeover_interrupts_the_rotation(chinese, wall, scene, now):
    focus = wall.focus
    for _ in range(10):
        focus._tick()
    base, shown = scene
    now[0] += dt.timedelta(seconds=1)
    severe = dataclasses.replace(base.incidents[0], recorded_at=now[0])
    arrived = dataclasses.replace(shown, at=now[0], incidents=(severe, *shown.incidents))
    wall.show_situation(dataclasses.replace(arrived, coverage=compute_coverage(arrived)))
    assert wall.takeover.active and focus.isHidden()
    assert not focus._timer.isActive() and focus.next_change.text() == "轮播暂停"
    now[0] += dt.timedelta(seconds=45)
    wall.takeover.tick()
    assert focus.isVisible() and focus._timer.isActive()
    assert focus.current == "stations" and focus.next_change.text() == "20 秒后切换"
