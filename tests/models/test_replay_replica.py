"""Replay on the demo replica: drills, the live situation reproduced, bad rows survived."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop.models.queries import situation_now
from desktop.models.replay import list_drills
from desktop.models.replay.source import replay_drill, replay_window, with_replica


@pytest.fixture(scope="module")
def drills(demo_template):
    return with_replica(str(demo_template), list_drills)


def test_demo_drills_replay_with_their_own_incidents(demo_template, drills):
    assert len(drills) == 2
    for drill in drills:
        replay = with_replica(str(demo_template),
                              lambda s, d=drill: replay_drill(s, d.id, snapshot_every=3))
        assert replay.start < drill.starts_at <= drill.ends_at <= replay.end
        own = [i for i in replay.timeline.incidents if i.drill_id == drill.id]
        assert len(own) == 2 and all(i.exercise for i in own)
        assert len(replay.engine.index.snapshots) > 5
        seen = set()
        moment = replay.start
        while moment <= replay.end:
            situation = replay.engine.situation_at(moment)
            assert situation == replay.engine.situation_from_scratch(moment)
            seen.update((i.code, i.status) for i in situation.incidents if i.exercise)
            moment += dt.timedelta(minutes=1)
        stages = {status for _code, status in seen}
        assert {"received", "verified", "dispatched", "arrived", "handling"} <= stages
        ended = replay.engine.situation_at(replay.end)
        assert not [i for i in ended.incidents if i.exercise]  # the drill is over
        assert replay.engine.problems == ()


def test_replay_at_now_reproduces_the_live_situation(demo_template, fixed_now):
    def both(session):
        replay = replay_window(session, fixed_now - dt.timedelta(days=2), fixed_now)
        return replay, situation_now(session, fixed_now)

    replay, live = with_replica(str(demo_template), both)
    replayed = replay.engine.situation_at(fixed_now)
    assert replayed.incidents == live.incidents
    assert replayed.stations == live.stations
    assert replayed.street == live.street and replayed.grids == live.grids
    assert replayed.layers == live.layers
    assert (replayed.duty_now, replayed.duty_next, replayed.readiness_today) == (
        live.duty_now, live.duty_next, live.readiness_today)
    assert replayed.warnings == live.warnings
    assert replayed.roster == live.roster


def test_teams_out_on_open_incidents_are_a_reason(demo_template, fixed_now):
    replay = with_replica(str(demo_template), lambda s: replay_window(
        s, fixed_now - dt.timedelta(hours=6), fixed_now))
    stations = replay.engine.situation_at(fixed_now).stations
    out = [s for s in stations if any(r.code == "team_out" for r in s.readiness.reasons)]
    assert out and all(s.readiness.level != "green" for s in out)


def test_unreadable_and_bad_rows_in_the_replica_are_noted_not_fatal(demo_replica, drills):
    drill = drills[0]
    with sqlite3.connect(demo_replica) as db:
        ids = [r[0] for r in db.execute(
            "SELECT e.id FROM incident_event e JOIN incident i ON i.id = e.incident_id "
            "WHERE i.drill_id = ? ORDER BY e.id", (drill.id,))]
        db.execute("UPDATE incident_event SET occurred_at = 'soon' WHERE id = ?", (ids[1],))
        db.execute("UPDATE incident_event SET recorded_at = '' WHERE id = ?", (ids[2],))
        db.execute("UPDATE incident_event SET stage = 'rumour' WHERE id = ?", (ids[3],))
        db.execute("UPDATE incident_event SET occurred_at = '2020-01-01 00:00:00' "
                   "WHERE id = ?", (ids[4],))
    replay = with_replica(str(demo_replica), lambda s: replay_drill(s, drill.id))
    noted = {p.entity_id: p.problem for p in replay.engine.problems}
    assert {str(i) for i in ids[1:5]} <= set(noted)
    assert "unknown stage 'rumour'" in noted[str(ids[3])]
    assert "before its incident occurred" in noted[str(ids[4])]
    situation = replay.engine.situation_at(replay.end)
    assert {str(i) for i in ids[1:5]} <= {p.entity_id for p in situation.problems}
    kept = {e.id for i in replay.timeline.incidents for e in i.events}
    assert not set(ids[1:5]) & kept
