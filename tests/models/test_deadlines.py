import datetime as dt

from desktop.models.deadlines import DeadlineRule, countdown, load_rules
from desktop.models.situation import IncidentStatus

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
RULES = (DeadlineRule(2, "first_report", 30), DeadlineRule(4, "first_report", 360))


def incident(severity, status, minutes_ago):
    at = NOW - dt.timedelta(minutes=minutes_ago)
    return IncidentStatus(1, "I1", "火情", "accident", "A20600", severity, status, "某地", None,
                          None, None, False, at, at, at)


def test_countdown_runs_until_the_first_report():
    clock = countdown(incident(2, "verified", 10), NOW, RULES)
    assert clock is not None and not clock.missed
    assert clock.remaining == dt.timedelta(minutes=20)
    assert clock.words() == "初报剩余 20:00"


def test_missed_deadline_counts_up_in_red_words():
    clock = countdown(incident(2, "received", 45), NOW, RULES)
    assert clock is not None and clock.missed
    assert clock.words() == "初报超时 15:00"
    assert clock.words(english=True) == "First report overdue 15:00"


def test_no_countdown_once_the_stage_is_reached_or_without_a_rule():
    assert countdown(incident(2, "first_report", 45), NOW, RULES) is None
    assert countdown(incident(2, "handling", 45), NOW, RULES) is None
    assert countdown(incident(3, "received", 5), NOW, RULES) is None


def test_default_rules_follow_the_domain_figures():
    rules = {r.severity: r.minutes for r in load_rules()}
    assert rules == {1: 30, 2: 30, 3: 60, 4: 360}
