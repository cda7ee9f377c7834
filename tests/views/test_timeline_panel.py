"""The timeline panel on the demo: lanes, marks, the "now" line, hover, clicks, filters, cutoff.

Set DUTYROOM_SCREENSHOTS=/some/folder to keep the screenshot for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from desktop.models.queries import situation_now
from desktop.models.replay.source import with_replica
from desktop.models.timeline import TimelineFilter, timeline_window
from desktop.views import theme
from desktop.views.qt_timeline_data import STAGES
from desktop.views.timeline_panel import TimelinePanel

pytestmark = pytest.mark.gui




def screenshot_path(tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("DUTYROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@pytest.fixture(scope="module")
def live(demo_template, fixed_now):
    def read(session):
        start = fixed_now - dt.timedelta(hours=6)
        return timeline_window(session, start, fixed_now), situation_now(session, fixed_now)

    return with_replica(str(demo_template), read)


@pytest.fixture
def panel(qtbot):
    return make_panel(qtbot)


def make_panel(qtbot):
    sizes = theme.Sizes.for_screen(False, 1080)
    widget = TimelinePanel("zh_CN", sizes.body)
    widget.setStyleSheet(theme.style_sheet(sizes))
    widget.resize(1500, 620)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _drawn(qtbot, panel):
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        pass


def _points(panel) -> int:
    return sum(len(item.data) for item in panel.plot._marks)


def test_live_timeline_draws_every_known_event_and_the_now_line(qtbot, chinese, live, tmp_path):
    panel = make_panel(qtbot)
    timeline, situation = live
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_timeline(timeline)
        panel.show_situation(situation)
    assert len(panel.data.lanes) == len(timeline.incidents) > 3
    assert _points(panel) == timeline.event_count  # all in view, nothing thinned
    assert panel.plot._now.value() == pytest.approx(situation.at.timestamp())
    labels = [label.toPlainText() for label in panel.plot._labels if label.isVisible()]
    assert any("▶ 处置" in text for text in labels)  # open, with its status word
    assert panel.title.text() == "事件时间线"
    open_ids = {i.id for i in situation.incidents}
    assert open_ids <= {i.id for i in panel.data.lanes}
    panel.grab().save(str(screenshot_path(tmp_path, "timeline-live.png")))


def test_hover_shows_both_times_when_recorded_late(qtbot, panel, live):
    timeline, situation = live
    panel.show_timeline(timeline)
    panel.show_situation(situation)
    late = next(n for n, (_lane, e) in enumerate(panel.data.events)
                if e.recorded_at != e.occurred_at)
    text = panel.plot.show_details(late)
    assert "occurred" in text and "recorded" in text
    _lane, event = panel.data.events[late]
    assert event.station is None or event.station in text
    on_time = next(n for n, (_lane, e) in enumerate(panel.data.events)
                   if e.recorded_at == e.occurred_at)
    assert "recorded" not in panel.plot.show_details(on_time)


def test_clicking_a_lane_selects_its_incident(qtbot, panel, live):
    timeline, situation = live
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_timeline(timeline)
        panel.show_situation(situation)
    lane = len(panel.data.lanes) - 1
    view = panel.plot.view
    scene_point = view.mapViewToScene(QPointF(situation.at.timestamp() - 60, lane))
    widget_point = panel.plot.mapFromScene(scene_point)
    with qtbot.waitSignal(panel.incident_selected, timeout=3000) as signal:
        qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(int(widget_point.x()), int(widget_point.y())))
    assert signal.args == [panel.data.lanes[lane].id]
    assert panel.plot._selection.isVisible()


def test_filters_and_cutoff(qtbot, panel, live):
    timeline, situation = live
    panel.show_timeline(timeline)
    panel.show_situation(situation)
    everything = len(panel.data.lanes)
    panel.statuses.setCurrentIndex(panel.statuses.findData("open"))
    assert {i.id for i in panel.data.lanes} == {i.id for i in situation.incidents}
    panel.statuses.setCurrentIndex(0)
    assert len(panel.data.lanes) == everything
    panel.set_filter(TimelineFilter(severities=frozenset({1})))
    assert panel.data.lanes == []
    panel.set_filter(TimelineFilter())
    # an hour earlier: later events are not known yet, later incidents have no lane
    earlier = situation.at - dt.timedelta(hours=1)
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_situation(type(situation)(**{**situation.__dict__, "at": earlier}))
    known = sum(1 for i in timeline.incidents for e in i.events if e.recorded_at <= earlier)
    assert _points(panel) == known < timeline.event_count
    lanes = panel.data.lanes_at(earlier.timestamp())
    assert len(lanes.lane) == sum(1 for i in timeline.incidents if i.known_at(earlier))
    by_lane = dict(zip(lanes.lane.tolist(), lanes.status.tolist(), strict=True))
    for lane, incident in enumerate(panel.data.lanes):
        if lane in by_lane:
            assert STAGES[by_lane[lane]] == incident.status_at(earlier)


def test_live_source_reads_the_timeline_off_the_gui_thread_and_only_on_change(
        qtbot, demo_replica, live):
    """The live source reads the timeline on the feed's own connection when a change set
    touches what it shows or the feed re-read the time-dependent parts, never for others."""
    from desktop.models.live import ChangeSet, LiveUpdate
    from desktop.settings import Settings
    from desktop.views.live_feed import LiveFeed
    from desktop.views.live_source import MIN_GAP_S, LiveSource

    _timeline, situation = live
    feed = LiveFeed(Settings(replica=str(demo_replica)))
    source = LiveSource(feed, hours=6)
    with qtbot.waitSignal(source.timeline_ready, timeout=10_000) as loaded:
        source.follow(LiveUpdate(situation, ChangeSet(None, 1, full=True)))
    assert {i.id for i in loaded.args[0].incidents} >= {i.id for i in situation.incidents}
    assert source.timeline is loaded.args[0] and source.situation is situation
    elsewhere = LiveUpdate(situation, ChangeSet(1, 2, {"inspection": frozenset({"7"})}))
    with (qtbot.assertNotEmitted(source.timeline_ready, wait=round(MIN_GAP_S * 1300)),
          qtbot.waitSignal(source.situation_ready, timeout=1000)):
        source.follow(elsewhere)  # nothing the timeline shows changed: no second read
    clock = LiveUpdate(situation, ChangeSet(2, 2, reason="clock", clock=True))
    with qtbot.waitSignal(source.timeline_ready, timeout=10_000):
        source.follow(clock)  # the window moves with the clock
    event = LiveUpdate(situation, ChangeSet(2, 3, {"incident_event": frozenset({"9"})}))
    with qtbot.waitSignal(source.timeline_ready, timeout=10_000):
        source.follow(event)
        started = time.monotonic()
    # Changes arriving while a read is under way, or less than MIN_GAP_S after one started,
    # are read together right after it.
    ready: list[float] = []
    source.timeline_ready.connect(lambda _t: ready.append(time.monotonic()))
    for _ in range(5):
        source.follow(event)
    qtbot.waitUntil(lambda: len(ready) == 1, timeout=10_000)
    qtbot.wait(round(MIN_GAP_S * 1500))
    assert len(ready) == 1 and ready[0] - started >= MIN_GAP_S
    source.close()
    feed.close()


# ---------------------------------------------------------------- a timeline that reads


def _view_point(panel, x: float, lane: float) -> QPoint:
    scene_point = panel.plot.view.mapViewToScene(QPointF(x, lane))
    widget_point = panel.plot.mapFromScene(scene_point)
    return QPoint(int(widget_point.x()), int(widget_point.y()))


def test_live_opens_on_the_last_two_hours_and_a_replay_on_its_span(qtbot, panel, live):
    timeline, situation = live
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_situation(situation)
        panel.show_timeline(timeline, live=True)
    (x0, x1), (y0, y1) = panel.plot.view.viewRange()
    now = situation.at.timestamp()
    assert x0 == pytest.approx(now - 2 * 3600) and now < x1 < now + 0.03 * 2 * 3600
    rows = panel.plot.rows_that_fit()
    assert y1 - y0 == pytest.approx(rows)
    assert panel.lanes_scroll.isVisible() == (len(panel.data.lanes) > rows)
    panel.show_timeline(timeline, live=False)  # the same read as a replay: its whole span
    (x0, x1), _y = panel.plot.view.viewRange()
    assert x0 == pytest.approx(timeline.start.timestamp())
    assert x1 >= timeline.end.timestamp()


def test_few_lanes_fill_the_plot_and_each_label_has_code_title_and_level(qtbot, panel, live):
    timeline, situation = live
    few = type(timeline)(timeline.start, timeline.end, timeline.incidents[-2:])
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_situation(situation)
        panel.show_timeline(few)
    _x, (y0, y1) = panel.plot.view.viewRange()
    assert y1 - y0 == pytest.approx(2)  # two lanes fill the plot: not squeezed into eight rows
    assert not panel.lanes_scroll.isVisible()
    labels = [label.toPlainText() for label in panel.plot._labels if label.isVisible()]
    for incident in few.incidents:
        assert any(incident.code in text and text.startswith(("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "I", "V"))
                   for text in labels), labels


def test_the_now_label_stays_inside_the_plot(qtbot, panel, live):
    timeline, situation = live
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_situation(situation)
        panel.show_timeline(timeline, live=True)
    label = panel.plot._now.label
    box = label.mapRectToScene(label.boundingRect())
    assert panel.plot.view.sceneBoundingRect().contains(box), (box, label.toPlainText())
    assert label.toPlainText().startswith("now") or label.toPlainText().startswith("现在")


def test_hover_opens_inside_the_view_and_a_click_on_an_event_seeks_there(qtbot, panel, live):
    timeline, situation = live
    with qtbot.waitSignal(panel.drawn, timeout=5000):
        panel.show_situation(situation)
        panel.show_timeline(timeline, live=True)
    plot = panel.plot
    nearest = len(plot._shown_x) - 1
    ref = int(plot._shown_ref[nearest])
    point = _view_point(panel, float(plot._shown_x[nearest]), float(plot._shown_lane[nearest]))
    plot._hovered((plot.mapToScene(point),))
    box = plot._hover.mapRectToScene(plot._hover.boundingRect())
    assert plot._hover.isVisible()
    assert plot.view.sceneBoundingRect().contains(box)  # the whole text, never clipped
    _lane, event = panel.data.events[ref]
    assert event.stage in [s for s in STAGES]
    with qtbot.waitSignal(panel.seek_requested, timeout=3000) as asked:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked.args == [panel.data.events[ref][1].recorded_at]
