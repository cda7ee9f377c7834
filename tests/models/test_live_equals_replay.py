"""One pipeline: the live source, fed the simulator's commits one at a time, equals the
replay of the final replica at every sampled moment.

Live is the situation read part by part as change sets arrive (``ReplicaReader``);
replay reads the final replica once and seeks. Both go through the same function from
facts to a situation, so they must agree on every fact the replica keeps history of.
The simulator changes only facts the replica dates (``desktop.models.facts`` lists the
ones it keeps only as now), so there is no allowance: every field a panel draws is
compared at every moment, and so are the stations' item facts behind readiness.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.live import ReplicaReader
from desktop.models.replay.source import replay_window, with_replica
from desktop.models.replica import open_writer
from desktop.models.simulator import ManualClock, Simulator, SimulatorOptions

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
# Everything a panel draws; only the freshness (a replay has no heartbeat) and the problems
# (a replay also notes the log's) are the source's own.
COMPARED = ("street", "communities", "grids", "layers", "stations", "duty_now", "duty_next",
            "readiness_today", "incidents", "warnings", "roster", "coverage")


def _live_run(replica, moments: int, options: SimulatorOptions, step_s: float):
    """(moment, live situation, live station facts) after each of ``moments`` commits."""
    clock = ManualClock(NOW)
    simulator = Simulator(open_writer(replica), options, clock)
    simulator.start()
    reader = ReplicaReader(str(replica))
    first = reader.refresh(NOW)
    assert first.update is not None
    current = first.update.situation
    samples = []
    while len(samples) < moments:
        clock.sleep(step_s)
        if not simulator.step():
            continue
        moment = clock.now()
        refresh = reader.refresh(moment, reload=True)
        if refresh.update is not None:
            assert not refresh.update.changes.full, refresh.update.changes.reason
            current = refresh.update.situation
        assert current.at == moment
        stations = reader.loader.facts("stations")
        samples.append((moment, current, {b.status.id: tuple(i.at(moment) for i in b.items)
                                          for b in stations}))
    simulator.engine.dispose()
    reader.close()
    return samples


def _compare(samples, replica) -> None:
    start, end = samples[0][0] - dt.timedelta(minutes=1), samples[-1][0]
    replay = with_replica(str(replica), lambda s: replay_window(s, start, end,
                                                               snapshot_every=16))
    final_items = {b.status.id: b.items for b in replay.engine.facts.stations}
    for moment, live, live_items in samples:
        replayed = replay.engine.situation_at(moment)
        for name in COMPARED:
            assert getattr(replayed, name) == getattr(live, name), (moment, name)
        for station_id, items in final_items.items():  # the inputs too, item by item
            assert tuple(i.at(moment) for i in items) == live_items[station_id], moment


@pytest.mark.slow
def test_live_equals_replay_at_a_thousand_moments(demo_replica):
    samples = _live_run(demo_replica, 1000, SimulatorOptions(
        rate_per_min=20, time_scale=60, seed=5), step_s=3.0)
    moments = [m for m, _s, _i in samples]
    assert len(set(moments)) == 1000
    assert samples[-1][0] - samples[0][0] > dt.timedelta(minutes=30)
    opened = {i.code for _m, s, _i in samples for i in s.incidents}
    assert len(opened) >= 10, "the run should see incidents come and go"
    teams_out = {(m, st.code) for m, s, _i in samples for st in s.stations
                 if any(r.code == "team_out" for r in st.readiness.reasons)}
    assert teams_out, "a team out on an incident is part of what is compared"
    loans = {(m, st.code) for m, s, _i in samples for st in s.stations
             if any(r.code == "dispatched" for r in st.readiness.reasons)}
    assert loans, "kit out on loan is part of what is compared"
    _compare(samples, demo_replica)


@pytest.mark.slow
def test_live_equals_replay_on_a_district(tmp_path):
    """The same at district size: 20 streets, the simulator writing across all of them."""
    from desktop.replica_commands import init_replica

    replica = tmp_path / "district.db"
    init_replica(str(replica), demo=True, scale=20, now=NOW)
    samples = _live_run(replica, 200, SimulatorOptions(
        rate_per_min=40, time_scale=60, seed=11), step_s=3.0)
    assert len(samples[0][1].stations) > 100
    assert len({i.code for _m, s, _i in samples for i in s.incidents}) >= 10
    _compare(samples, replica)
