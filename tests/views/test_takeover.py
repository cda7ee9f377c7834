"""The wall's alarm takeover as drawn: the real wall window on the demo street, a fixed clock
moved by hand (no waiting), alarms fed as the live feed feeds them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from wall_scene import demo_situation, with_incidents

from desktop.models import clock
from desktop.models.coverage import compute_coverage
from desktop.models.deadlines import countdown, load_rules
from desktop.models.timeline import Timeline, TimelineEvent, TimelineIncident
from desktop.views import theme
from desktop.wall_check import measure_takeover, open_wall

pytestmark = pytest.mark.gui
S = dt.timedelta(seconds=1)


@pytest.fixture
def now(fixed_now):
    moment = [fixed_now]
    with clock.using(lambda: moment[0]):
        yield moment


HELD = 5  # the scene's first incidents arrive later: II, III, III, III, IV


@pytest.fixture
def base(demo_template, fixed_now):
    return with_incidents(demo_situation(str(demo_template), fixed_now), 20)


@pytest.fixture
def scene(base, fixed_now):
    """The busy street with its old incidents only (nothing recent: no alert at start)."""
    old = tuple(dataclasses.replace(i, recorded_at=fixed_now - dt.timedelta(hours=1))
                for i in base.incidents[HELD:])
    return dataclasses.replace(base, incidents=old)


@pytest.fixture
def later(base):
    """Incidents the scene does not have yet, by severity: {2: [...], 3: [...], 4: [...]}."""
    found: dict[int, list] = {}
    for incident in base.incidents[:HELD]:
        found.setdefault(incident.severity, []).append(incident)
    return found


def arrive(situation, now, *new):
    """The next live situation, ``now``, with ``new`` incidents just received."""
    fresh = tuple(dataclasses.replace(i, recorded_at=now - 20 * S, exercise=i.exercise)
                  for i in new)
    ids = {i.id for i in new}
    rest = tuple(i for i in situation.incidents if i.id not in ids)
    moved = dataclasses.replace(situation, at=now, incidents=(*fresh, *rest))
    return dataclasses.replace(moved, coverage=compute_coverage(moved))


@pytest.fixture
def wall(qtbot, scene, now):
    window = open_wall(scene, 1920, 1080, "zh_CN", takeover_severity=3, takeover_seconds=45)
    qtbot.addWidget(window)
    yield window
    window.close()


def standby(window):
    return (window.takeover_card.isHidden()
            and all(getattr(window, n).isVisible() for n in window.standby_panels))


def test_a_new_iii_incident_takes_over_and_the_wall_returns_to_standby(
        qtbot, chinese, wall, scene, later, now):
    assert standby(wall)
    severe = later[3][0]
    now[0] += S
    situation = arrive(scene, now[0], severe)
    wall.show_situation(situation)
    card = wall.takeover_card
    assert card.isVisible() and not any(getattr(wall, n).isVisible()
                                        for n in wall.standby_panels)
    assert card.what.text() == severe.title and severe.place in card.where.text()
    assert "较大 III" in card.level.text() and "新接报" in card.level.text()
    assert card.exercise.isHidden()
    assert card.since.text() == "0:20"
    running = countdown(situation.incidents[0], now[0], load_rules())
    assert running is not None and card.deadline.text() == running.words()
    near = situation.coverage.nearest[severe.id]
    assert card.nearest.text().startswith(f"最近就绪站点：{near.name} · {near.distance_m:,.0f} 米")
    assert "500 米圈" in card.nearest.text()
    assert card.dispatched.text() == "已派遣：尚无"
    assert card.remaining.text() == "0:45 后返回待机"
    assert wall.map._follow is False  # the map is the takeover's while it holds the wall
    # The time since it was received counts; the wall goes back after 45 s.
    now[0] += 30 * S
    wall.takeover.tick()
    assert card.since.text() == "0:50" and card.remaining.text() == "0:15 后返回待机"
    now[0] += 15 * S
    wall.takeover.tick()
    assert standby(wall) and wall.map._follow is True
    assert wall.alerts.isVisible()  # the banner stays until someone acknowledges


def test_a_lesser_incident_does_not_take_over(wall, scene, later, now):
    minor = later[4][0]
    wall.show_situation(arrive(scene, now[0] + S, minor))
    assert standby(wall) and wall.alerts.isVisible()


def test_two_alarms_show_in_severity_order_each_for_its_time(wall, scene, later, now):
    iii, ii = later[3][0], later[2][0]
    now[0] += S
    wall.show_situation(arrive(scene, now[0], iii, ii))
    card = wall.takeover_card
    assert card.what.text() == ii.title
    assert iii.title in card.queued.text() and card.queued.isVisible()
    now[0] += 45 * S
    wall.takeover.tick()
    assert card.isVisible() and card.what.text() == iii.title and card.queued.isHidden()
    now[0] += 45 * S
    wall.takeover.tick()
    assert standby(wall)


def test_a_drill_is_marked_exercise_and_who_was_dispatched_shows_once_logged(
        chinese, wall, scene, later, now):
    drill = dataclasses.replace(later[3][0], exercise=True)
    wall.show_situation(arrive(scene, now[0] + S, drill))
    card = wall.takeover_card
    assert card.exercise.isVisible() and card.exercise.text() == "演练 / EXERCISE"
    sent_at = now[0] - 5 * S
    logged = TimelineIncident(
        drill.id, drill.code, drill.title, drill.class_code, drill.severity, drill.place,
        None, True, None, drill.occurred_at, drill.recorded_at,
        (TimelineEvent(1, "received", None, drill.recorded_at, drill.recorded_at),
         TimelineEvent(2, "dispatched", None, sent_at, sent_at, station="长安花园驿站")))
    wall.takeover.show_timeline(Timeline(now[0] - dt.timedelta(hours=24), now[0], (logged,)))
    assert card.dispatched.text() == (
        f"已派遣：长安花园驿站 {clock.beijing(sent_at):%H:%M}")


def test_the_takeover_text_reads_at_the_wall_distance(qtbot, chinese, wall, scene, later,
                                                      now):
    """Measured ink, as wall-check measures it: every text of the card ≥ 16′ at 4 m."""
    severe = later[3][0]
    wall.show_situation(arrive(scene, now[0] + S, severe))
    qtbot.waitUntil(lambda: wall.takeover_card.height() > 1080 // 2)  # laid out in the room
    found = measure_takeover(wall, wall.grab().toImage(), 65.0, 4.0)
    assert {m.where for m in found} >= {"takeover what", "takeover where", "takeover since",
                                        "takeover deadline", "takeover nearest",
                                        "takeover dispatched", "takeover remaining"}
    assert all(m.ok for m in found), [m for m in found if not m.ok]
    assert all(m.arcmin >= theme.BODY_ARCMIN_MIN for m in found)
