import datetime as dt

from desktop.models.freshness import assess

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
LIMIT = dt.timedelta(seconds=30)


def _assess(**kwargs):
    values = {
        "now": NOW,
        "last_good_read": NOW,
        "newest_heartbeat": NOW - dt.timedelta(seconds=5),
        "failed_polls": 0,
        "stale_after": LIMIT,
    }
    values.update(kwargs)
    return assess(**values)


def test_quiet_replica_with_live_heartbeat_is_live():
    assert _assess().state == "live"


def test_stalled_writer_is_stale_since_its_last_heartbeat():
    beat = NOW - dt.timedelta(seconds=31)
    state = _assess(newest_heartbeat=beat)
    assert (state.state, state.since) == ("stale", beat)


def test_unreadable_after_two_failed_polls_since_last_good_read():
    last = NOW - dt.timedelta(seconds=1)
    assert _assess(failed_polls=1, last_good_read=last).state == "live"
    state = _assess(failed_polls=2, last_good_read=last, error="locked")
    assert (state.state, state.since, state.detail) == ("unreadable", last, "locked")


def test_never_read_replica_failing_is_unreadable_at_once():
    assert _assess(failed_polls=1, last_good_read=None).state == "unreadable"


def test_no_heartbeat_ever_is_stale():
    assert _assess(newest_heartbeat=None).state == "stale"


def test_a_subscribers_lag_is_carried_beside_live_and_stale():
    lag = dt.timedelta(seconds=2.5)
    assert _assess(lag=lag).lag == lag and _assess(lag=lag).live
    stale = _assess(lag=lag, newest_heartbeat=NOW - dt.timedelta(seconds=31))
    assert (stale.state, stale.lag) == ("stale", lag)
    assert _assess().lag is None  # not a subscriber: no lag shown


def test_subscription_lag_is_the_arrival_of_upstreams_newest_heartbeat(demo_replica):
    from sqlalchemy.orm import Session

    from desktop.models.replica import beat, open_writer, subscription_lag
    from desktop.models.schema import Heartbeat

    engine = open_writer(demo_replica)
    try:
        with Session(engine) as session:
            assert subscription_lag(session) is None  # the demo subscribes to nothing
            beat(session, "upstream-old", NOW - dt.timedelta(seconds=60))
            beat(session, "upstream", NOW - dt.timedelta(seconds=4))
            session.flush()
            session.get(Heartbeat, "upstream-old").received_at = NOW - dt.timedelta(seconds=50)
            session.get(Heartbeat, "upstream").received_at = NOW - dt.timedelta(seconds=1)
            assert subscription_lag(session) == dt.timedelta(seconds=3)
            session.get(Heartbeat, "upstream").received_at = NOW - dt.timedelta(seconds=5)
            # arrived "before" it was written: the two clocks disagree; never below zero
            assert subscription_lag(session) == dt.timedelta(0)
    finally:
        engine.dispose()
