import datetime as dt

from desktop.models.alerts import Alert, AlertTracker
from desktop.models.situation import Freshness, IncidentStatus, Situation, Street
from desktop.models.takeover import TakeoverQueue

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
S = dt.timedelta(seconds=1)


def incident(number, severity):
    return IncidentStatus(number, f"I{number}", "火情", "accident", "A20600", severity,
                          "received", "某地", None, None, None, False, NOW, NOW, NOW)


def alert(number, severity, kind="new"):
    return Alert(f"{number}:{kind}", incident(number, severity), kind, NOW)


def test_only_alerts_of_the_threshold_or_above_take_over():
    queue = TakeoverQueue(threshold=3, hold=45 * S)
    assert not queue.offer([alert(1, 4)], NOW)
    assert queue.current is None
    assert queue.offer([alert(2, 3)], NOW)
    assert queue.current.incident.id == 2 and queue.ends_at == NOW + 45 * S
    two = TakeoverQueue(threshold=2, hold=45 * S)
    assert not two.offer([alert(3, 3)], NOW) and two.current is None


def test_each_alarm_is_shown_for_its_time_then_the_wall_returns_to_standby():
    queue = TakeoverQueue(hold=45 * S)
    queue.offer([alert(1, 3)], NOW)
    assert not queue.tick(NOW + 44 * S)
    assert queue.current.incident.id == 1
    assert queue.tick(NOW + 45 * S)
    assert queue.current is None and queue.ends_at is None


def test_two_alarms_queue_the_more_severe_first():
    queue = TakeoverQueue(hold=45 * S)
    queue.offer([alert(1, 3), alert(2, 2)], NOW)
    assert queue.current.incident.id == 2
    assert [a.incident.id for a in queue.waiting] == [1]
    queue.tick(NOW + 45 * S)
    assert queue.current.incident.id == 1 and queue.ends_at == NOW + 90 * S
    queue.tick(NOW + 90 * S)
    assert queue.current is None


def test_alarms_of_one_severity_keep_their_order_and_each_is_taken_once():
    queue = TakeoverQueue(hold=10 * S)
    queue.offer([alert(1, 3)], NOW)
    queue.offer([alert(2, 3), alert(1, 3)], NOW + S)
    assert queue.current.incident.id == 1
    assert [a.incident.id for a in queue.waiting] == [2]


def test_a_more_severe_alarm_interrupts_and_the_interrupted_keeps_its_time_left():
    queue = TakeoverQueue(hold=45 * S)
    queue.offer([alert(1, 3)], NOW)
    queue.offer([alert(3, 3)], NOW + 5 * S)
    assert queue.offer([alert(2, 1)], NOW + 10 * S)
    assert queue.current.incident.id == 2
    assert [a.incident.id for a in queue.waiting] == [1, 3]
    queue.tick(NOW + 55 * S)
    assert queue.current.incident.id == 1 and queue.ends_at == NOW + 90 * S  # 35 s left


def test_a_raised_severity_takes_over_and_a_closed_incident_leaves_the_wall():
    tracker = AlertTracker()
    street = Street("1", "七里河街道", "", {})

    def situation(*incidents):
        return Situation(NOW, street, (), (), (), (), None, None, None, tuple(incidents), (),
                         Freshness(None, 0, NOW))

    queue = TakeoverQueue()
    tracker.update(situation(incident(1, 4)))
    assert not queue.offer(tracker.update(situation(incident(1, 4))), NOW)
    assert queue.offer(tracker.update(situation(incident(1, 3))), NOW)
    assert queue.current.kind == "raised"
    queue.offer([alert(2, 3)], NOW)
    assert queue.keep_open([2], NOW + S)
    assert queue.current.incident.id == 2 and queue.ends_at == NOW + 46 * S

