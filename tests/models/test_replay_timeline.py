"""The timeline query: incidents with their events in a window, statuses as replay sees them."""

from __future__ import annotations

import datetime as dt

from desktop.models.replay.source import replay_window, with_replica
from desktop.models.timeline import TimelineFilter, timeline_window


def test_last_day_of_the_demo_with_masked_actors(demo_template, fixed_now):
    start = fixed_now - dt.timedelta(hours=24)
    timeline = with_replica(str(demo_template), lambda s: timeline_window(s, start, fixed_now))
    assert timeline.incidents and timeline.event_count > len(timeline.incidents)
    assert timeline.problems == ()
    for incident in timeline.incidents:
        happened = [(e.occurred_at, e.id) for e in incident.events]
        assert happened == sorted(happened)
        assert incident.recorded_at <= fixed_now
        last = incident.events[-1]
        assert last.stage != "closed" or last.occurred_at >= start
    actors = [e.actor for i in timeline.incidents for e in i.events if e.actor]
    assert actors and all("*" in a for a in actors)
    stations = [e.station for i in timeline.incidents for e in i.events if e.station]
    assert stations


def test_status_at_agrees_with_the_replayed_situation(demo_template, fixed_now):
    start = fixed_now - dt.timedelta(hours=12)
    replay = with_replica(str(demo_template), lambda s: replay_window(s, start, fixed_now))
    by_id = {i.id: i for i in replay.timeline.incidents}
    moment = start
    while moment <= fixed_now:
        situation = replay.engine.situation_at(moment)
        for status in situation.incidents:
            if status.id in by_id:
                assert by_id[status.id].status_at(moment) == status.status
        moment += dt.timedelta(minutes=7)


def test_filter_by_class_severity_status_and_grid(demo_template, fixed_now):
    start = fixed_now - dt.timedelta(days=30)
    timeline = with_replica(str(demo_template), lambda s: timeline_window(s, start, fixed_now))
    everything = timeline.incidents
    assert all(TimelineFilter().matches(i, fixed_now) for i in everything)
    assert not TimelineFilter().active
    open_only = [i for i in everything
                 if TimelineFilter(statuses=frozenset({"open"})).matches(i, fixed_now)]
    assert open_only and all(i.status_at(fixed_now) != "closed" for i in open_only)
    closed = [i for i in everything
              if TimelineFilter(statuses=frozenset({"closed"})).matches(i, fixed_now)]
    assert len(open_only) + len(closed) == len(everything)
    severe = TimelineFilter(severities=frozenset({2, 3}), classes=frozenset({"accident"}))
    chosen = [i for i in everything if severe.matches(i, fixed_now)]
    assert all(i.severity in (2, 3) and i.class_code == "accident" for i in chosen)
    grid = everything[0].grid_code
    by_grid = TimelineFilter(grids=frozenset({grid}))
    assert all(i.grid_code == grid for i in everything if by_grid.matches(i, fixed_now))
    # unknown before it was received
    first = everything[0]
    assert first.status_at(first.recorded_at - dt.timedelta(hours=1)) is None
