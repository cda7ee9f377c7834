"""After-action metrics: minutes per milestone on occurred_at, against configurable targets."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop.models.after_action import (
    after_action,
    default_targets,
    measure_incident,
    targets_for,
)
from desktop.models.quality import QualityCollector
from desktop.models.replay import list_drills
from desktop.models.replay.source import replay_drill, with_replica
from desktop.models.timeline import TimelineEvent, TimelineIncident

T0 = dt.datetime(2026, 11, 18, 6, 40, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def event(number, stage, occurred, recorded=None):
    return TimelineEvent(number, stage, None, at(occurred), at(recorded if recorded is not None
                                                                else occurred))


def incident(*events):
    return TimelineIncident(1, "DR-01", "（演练）火情", "accident", 4, "某地", None, True, 1,
                            at(-3), at(0), tuple(events))


def test_defaults_come_from_the_data_file():
    targets = {t.key: t for t in default_targets()}
    assert list(targets) == ["verify_min", "dispatch_min", "arrive_min", "close_min"]
    assert targets["arrive_min"].minutes == 3  # the nearest station team: 3 minutes
    assert (targets["arrive_min"].start_stage, targets["arrive_min"].end_stage) == (
        "dispatched", "arrived")
    assert targets["verify_min"].zh == "核实"


def test_a_drill_overrides_minutes_and_bad_values_are_noted():
    quality = QualityCollector()
    targets = {t.key: t.minutes for t in targets_for(
        {"verify_min": 4, "close_min": "soon", "arrive_min": -1}, quality, "DR")}
    assert targets == {"verify_min": 4, "dispatch_min": 8, "arrive_min": 3, "close_min": 60}
    assert len(quality.problems) == 2


def test_measures_on_occurred_at_and_keeps_recorded_beside_it():
    metrics = measure_incident(incident(
        event(1, "received", 0),
        event(2, "verified", 4.5),
        event(3, "dispatched", 9, recorded=9),
        event(4, "arrived", 11, recorded=15),  # typed in four minutes late
    ), default_targets())
    verify, dispatch, arrive, close = metrics.measures
    assert verify.minutes == pytest.approx(4.5) and verify.verdict == "met"
    assert dispatch.minutes == pytest.approx(9) and dispatch.verdict == "missed"
    assert arrive.minutes == pytest.approx(2) and arrive.verdict == "met"
    assert arrive.recorded_minutes == pytest.approx(6) and arrive.times_differ
    assert not verify.times_differ
    assert close.verdict == "not_reached" and close.missed
    assert metrics.misses == 2


def test_no_start_is_not_a_miss():
    metrics = measure_incident(incident(event(1, "received", 0)), default_targets())
    arrive = metrics.measures[2]
    assert arrive.verdict == "no_start" and not arrive.missed


@pytest.fixture(scope="module")
def drills(demo_template):
    return with_replica(str(demo_template), list_drills)


def test_demo_drills_have_four_measures_per_incident_with_drill_targets(demo_template, drills):
    fire = next(d for d in drills if d.code.endswith("FIRE"))
    report = after_action(with_replica(str(demo_template), lambda s: replay_drill(s, fire.id)))
    assert report.street == "七里河街道"
    assert {t.key: t.minutes for t in report.targets}["verify_min"] == 4  # the drill's own
    assert len(report.incidents) == 2
    for metrics in report.incidents:
        assert [m.verdict for m in metrics.measures if m.verdict == "no_start"] == []
        assert all(m.minutes is not None and m.minutes > 0 for m in metrics.measures)
    verdicts = {m.verdict for i in report.incidents for m in i.measures}
    assert "met" in verdicts  # the demo scatters around the targets
    assert report.problems == ()
    assert all(i.exercise for i in report.timeline.incidents)


def test_excluded_events_are_listed_and_not_measured(demo_replica, drills):
    flood = next(d for d in drills if d.code.endswith("FLOOD"))
    with sqlite3.connect(demo_replica) as db:
        (verified,) = db.execute(
            "SELECT e.id FROM incident_event e JOIN incident i ON i.id = e.incident_id "
            "WHERE i.drill_id = ? AND e.stage = 'verified' ORDER BY e.id LIMIT 1",
            (flood.id,)).fetchone()
        db.execute("UPDATE incident_event SET occurred_at = 'n/a' WHERE id = ?", (verified,))
    report = after_action(with_replica(str(demo_replica), lambda s: replay_drill(s, flood.id)))
    assert [p.entity_id for p in report.problems] == [str(verified)]
    first = report.incidents[0]
    assert first.measures[0].verdict == "not_reached"
    assert all(e.id != verified for e in first.incident.events)
