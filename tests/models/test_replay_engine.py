"""Replay engine: a seek (snapshot + arrivals since) equals a fold of every arrival from scratch.

Generated logs have events recorded out of the order they happened, events
delivered twice and broken events; the snapshot interval is a few arrivals,
far shorter than the log, so every seek crosses snapshots.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.facts import Facts, StationBase
from desktop.models.quality import QualityCollector
from desktop.models.readiness import StationFacts
from desktop.models.replay import EventRecord, IncidentRecord, ReplayEngine
from desktop.models.replay.synthetic import LogShape, synthetic_log
from desktop.models.situation import (
    Freshness,
    OnDuty,
    Readiness,
    Shift,
    StationStatus,
    Street,
)
from desktop.models.vocab import LIFECYCLE

T0 = dt.datetime(2026, 11, 4, 1, 0, tzinfo=dt.UTC)
STAGES = [t.code for t in LIFECYCLE]
RANK = {code: n for n, code in enumerate(STAGES)}


def _station(station_id: int) -> StationBase:
    status = StationStatus(
        id=station_id, code=f"S{station_id}", name=f"站{station_id}", kind="service_station",
        lon=112.1, lat=32.0, service_radius_m=500, response_minutes=3, community=None,
        readiness=Readiness("green"), kinds_required=0, kinds_complete=0)
    return StationBase(status, StationFacts(kinds=(), items=(), custodians=(),
                                            needs_custody=False), ())


def _shift(number: int) -> Shift:
    start = T0 + dt.timedelta(hours=number * 2)
    person = OnDuty(number, f"张{number}", None, "leader", "duty", True)
    return Shift(number, "duty", start, start + dt.timedelta(hours=2), (person,))


WORLD = Facts(
    street=Street("420606010", "七里河街道", "高新区", {"type": "GeometryCollection",
                                                   "geometries": []}),
    stations=(_station(1), _station(2)),
    duty_shifts=tuple(_shift(n) for n in range(4)),
)


def minutes(value: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=value)


@st.composite
def logs(draw):
    """Incidents and events with late, duplicated and broken arrivals."""
    count = draw(st.integers(1, 5))
    incidents = []
    for number in range(1, count + 1):
        opened = draw(st.integers(0, 200))
        incidents.append(IncidentRecord(
            id=number, code=f"I{number}", title=f"事件{number}", class_code="accident",
            type_code=None, severity=draw(st.integers(1, 4)), place="某地", lon=None, lat=None,
            grid_code=None, exercise=True, drill_id=1, occurred_at=minutes(opened),
            recorded_at=None if draw(st.integers(0, 30)) == 0 else minutes(
                opened + draw(st.integers(0, 10))),
        ))
    events: list[EventRecord] = []
    for _ in range(draw(st.integers(0, 40))):
        incident = draw(st.sampled_from(incidents))
        base = incident.occurred_at
        assert base is not None
        occurred = base + dt.timedelta(minutes=draw(st.integers(-5, 240)))
        recorded = occurred + dt.timedelta(minutes=draw(st.integers(0, 60)))
        stage = draw(st.sampled_from([*STAGES, *STAGES, "teleported"]))
        broken = draw(st.integers(0, 12))
        events.append(EventRecord(
            id=len(events) + 1, incident_id=incident.id if broken != 1 else 99, stage=stage,
            report_no=draw(st.integers(1, 3)) if stage == "follow_up" else None,
            occurred_at=None if broken == 2 else occurred,
            recorded_at=None if broken == 3 else recorded,
            station_id=draw(st.sampled_from([None, None, 1, 2])),
        ))
        if events and draw(st.integers(0, 4)) == 0:  # the same event delivered again, later
            again = draw(st.sampled_from(events))
            late = again.recorded_at + dt.timedelta(minutes=draw(st.integers(0, 90))) if (
                again.recorded_at) else None
            events.append(EventRecord(len(events) + 1, again.incident_id, again.stage,
                                      again.report_no, again.occurred_at, late,
                                      again.station_id))
    order = draw(st.permutations(range(len(events))))
    return incidents, [events[i] for i in order]


def oracle_open(incidents, events, at):
    """Status of each incident open at ``at``, worked out the plainest way."""
    usable = {i.id: i for i in incidents if i.recorded_at is not None}
    first_arrival = {}
    for e in events:
        incident = usable.get(e.incident_id)
        if (incident is None or e.occurred_at is None or e.recorded_at is None
                or e.stage not in RANK or e.occurred_at < incident.occurred_at):
            continue
        identity = (e.incident_id, e.stage, e.report_no or 0, e.occurred_at)
        first_arrival[identity] = min(first_arrival.get(identity, e.recorded_at), e.recorded_at)
    result = {}
    for incident in usable.values():
        known = [(occ, RANK[stage], no, stage) for (iid, stage, no, occ), rec
                 in first_arrival.items() if iid == incident.id and rec <= at]
        if incident.recorded_at > at and not known:
            continue
        status = max(known)[3] if known else "received"
        if status != "closed":
            result[incident.id] = status
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(log=logs(), snapshot_every=st.integers(1, 4), probes=st.lists(st.integers(-10, 600),
                                                                      min_size=1, max_size=8))
def test_seek_equals_fold_from_scratch(log, snapshot_every, probes):
    incidents, events = log
    engine = ReplayEngine(WORLD, incidents, events, snapshot_every=snapshot_every)
    arrivals = engine.arrival_times()
    moments = [minutes(p) for p in probes] + arrivals[::3]
    for at in moments:
        seek = engine.situation_at(at)
        assert seek == engine.situation_from_scratch(at)
        assert {i.id: i.status for i in seek.incidents} == oracle_open(incidents, events, at)
    if len(arrivals) > 3 * snapshot_every:
        assert len(engine.index.snapshots) > 3  # the seeks above crossed snapshots


def test_bad_events_are_noted_and_excluded_never_raised():
    incident = IncidentRecord(1, "I1", "火情", "accident", None, 3, "某地", None, None, None,
                              False, None, minutes(0), minutes(1))
    events = [
        EventRecord(1, 1, "received", None, minutes(1), minutes(1)),
        EventRecord(2, 1, "verified", None, None, minutes(3)),
        EventRecord(3, 1, "verified", None, minutes(3), None),
        EventRecord(4, 1, "teleported", None, minutes(4), minutes(4)),
        EventRecord(5, 1, "dispatched", None, minutes(-20), minutes(5)),
        EventRecord(6, 7, "arrived", None, minutes(6), minutes(6)),
        EventRecord(7, 1, "verified", None, minutes(2), minutes(2)),
        EventRecord(8, 1, "verified", None, minutes(2), minutes(9)),
    ]
    quality = QualityCollector()
    engine = ReplayEngine(WORLD, [incident], events, quality=quality)
    problems = {p.entity_id: p.problem for p in engine.problems}
    assert set(problems) == {"2", "3", "4", "5", "6", "8"}
    assert "occurred_at missing" in problems["2"] and "recorded_at missing" in problems["3"]
    assert "unknown stage 'teleported'" in problems["4"]
    assert "before its incident occurred" in problems["5"]
    assert "unknown or excluded incident 7" in problems["6"]
    assert "duplicate of event 7" in problems["8"]
    assert [e.id for e in engine.events] == [1, 7]
    (status,) = engine.situation_at(minutes(10)).incidents
    assert status.status == "verified"
    assert status.last_event_at == minutes(2)  # the later copy of event 7 changed nothing
    assert engine.situation_at(minutes(10)).problems == engine.problems


def test_late_record_shows_when_it_arrived_and_never_moves_status_back():
    incident = IncidentRecord(1, "I1", "火情", "accident", None, 3, "某地", None, None, None,
                              False, None, minutes(0), minutes(0))
    events = [
        EventRecord(1, 1, "received", None, minutes(0), minutes(0)),
        EventRecord(2, 1, "arrived", None, minutes(10), minutes(12), station_id=1),
        EventRecord(3, 1, "dispatched", None, minutes(5), minutes(20), station_id=1),
        EventRecord(4, 1, "closed", None, minutes(30), minutes(30)),
    ]
    engine = ReplayEngine(WORLD, [incident], events, snapshot_every=1)
    status = {m: [i.status for i in engine.situation_at(minutes(m)).incidents]
              for m in (-1, 0, 11, 12, 25, 30)}
    assert status == {-1: [], 0: ["received"], 11: ["received"], 12: ["arrived"],
                      25: ["arrived"], 30: []}
    station = engine.situation_at(minutes(25)).stations[0]
    assert station.readiness.level == "amber"
    assert station.readiness.reasons[0].code == "team_out"
    assert engine.situation_at(minutes(30)).stations[0].readiness.level == "green"


def test_shift_and_freshness_at_t():
    engine = ReplayEngine(WORLD, [], [])
    situation = engine.situation_at(minutes(150))
    assert situation.duty_now is not None and situation.duty_now.id == 1
    assert situation.duty_next is not None and situation.duty_next.id == 2
    assert situation.freshness == Freshness(None, 0, minutes(150))
    assert engine.situation_at(minutes(60 * 9)).duty_now is None


def test_generated_day_seeks_across_many_snapshots():
    incidents, events = synthetic_log(T0, LogShape(incidents=150, stations=(1, 2),
                                                   duplicate_share=0.05, bad_share=0.02))
    engine = ReplayEngine(WORLD, incidents, events, snapshot_every=25)
    assert len(engine.index.snapshots) > 40
    assert engine.log_problems  # broken and duplicated events were noted
    for hour in range(0, 25, 3):
        at = T0 + dt.timedelta(hours=hour, minutes=17)
        assert engine.situation_at(at) == engine.situation_from_scratch(at)


def test_snapshot_interval_must_be_positive():
    with pytest.raises(ValueError):
        ReplayEngine(WORLD, [], [], snapshot_every=0)
