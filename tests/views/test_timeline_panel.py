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
