import dataclasses
import datetime as dt

from desktop.models.alerts import AlertTracker
from desktop.models.situation import Freshness, IncidentStatus, Situation, Street

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
M = dt.timedelta(minutes=1)


def incident(number, severity=4, minutes_ago=0):
    at = NOW - minutes_ago * M
    return IncidentStatus(number, f"I{number}", "火情", "accident", "A20600", severity,
                          "received", "某地", None, None, None, False, at, at, at)


def situation(*incidents, at=NOW):
    return Situation(at, Street("1", "七里河街道", "", {}), (), (), (), (), None, None, None,
                     tuple(incidents), (), Freshness(None, 0, at))


def test_at_start_only_recent_incidents_alert():
    tracker = AlertTracker()
    fresh = tracker.update(situation(incident(1, minutes_ago=60), incident(2, minutes_ago=3)))
    assert [a.incident.id for a in fresh] == [2]


def test_new_incident_and_raised_severity_alert_until_acknowledged():
    tracker = AlertTracker()
    tracker.update(situation(incident(1, minutes_ago=60)))
    fresh = tracker.update(situation(incident(1, minutes_ago=60), incident(2, severity=3)))
    assert [(a.incident.id, a.kind) for a in fresh] == [(2, "new")]
    raised = tracker.update(situation(incident(1, severity=2, minutes_ago=60), incident(2, 3)))
    assert [(a.incident.id, a.kind) for a in raised] == [(1, "raised")]
    assert [a.incident.id for a in tracker.pending] == [1, 2]  # most severe first
    assert tracker.update(situation(incident(1, 2, 60), incident(2, 3))) == ()
    assert tracker.acknowledge("2:new") is not None
    assert [a.key for a in tracker.pending] == ["1:raised:2"]


def test_unacknowledged_alert_repeats_louder_and_closed_incidents_stop_ringing():
    tracker = AlertTracker(repeat_after=dt.timedelta(seconds=60))
    tracker.update(situation())
    tracker.update(situation(incident(5)))
    assert tracker.repeat_level(NOW) == 1
    assert tracker.repeat_level(NOW + dt.timedelta(seconds=61)) == 2
    assert tracker.repeat_level(NOW + dt.timedelta(seconds=125)) == 3
    tracker.update(situation(at=NOW + M))  # closed
    assert tracker.pending == () and tracker.repeat_level(NOW + 3 * M) == 0


def test_exercise_incidents_alert_too_and_keep_their_mark():
    tracker = AlertTracker()
    tracker.update(situation())
    drill = dataclasses.replace(incident(9), exercise=True)
    assert tracker.update(situation(drill))[0].incident.exercise
