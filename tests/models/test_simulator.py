"""The simulator on copies of the demo street, driven by a manual clock (no waiting)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.replica import open_writer
from desktop.models.schema import (
    ChangeLog,
    DutyAssignment,
    DutyShift,
    EquipmentItem,
    Heartbeat,
    Incident,
    IncidentEvent,
    Inspection,
)
from desktop.models.simulator import ManualClock, Simulator, SimulatorOptions
from desktop.models.vocab import LIFECYCLE

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)  # the demo template's moment (10:00 CST)
ORDER = {term.code: index for index, term in enumerate(LIFECYCLE)}


def _simulator(path, clock, **options) -> Simulator:
    return Simulator(open_writer(path), SimulatorOptions(**options), clock)


def _rows(path):
    engine = open_writer(path)
    with Session(engine) as session:
        incidents = session.execute(
            select(Incident.code, Incident.title, Incident.severity, Incident.status,
                   Incident.lon, Incident.lat, Incident.recorded_at).order_by(Incident.id)).all()
        events = session.execute(
            select(IncidentEvent.incident_id, IncidentEvent.stage, IncidentEvent.report_no,
                   IncidentEvent.note, IncidentEvent.occurred_at).order_by(IncidentEvent.id)).all()
        inspections = session.execute(
            select(Inspection.station_id, Inspection.result, Inspection.inspected_at)
            .order_by(Inspection.id)).all()
        items = session.execute(
            select(EquipmentItem.id, EquipmentItem.status).order_by(EquipmentItem.id)).all()
    engine.dispose()
    return incidents, events, inspections, items


def _new_incidents(session):
    return session.scalars(select(Incident).where(Incident.code.like("%-S%"))
                           .order_by(Incident.id)).all()


@pytest.mark.slow
def test_same_seed_same_feed_other_seed_other_feed(demo_template, tmp_path):
    runs = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        path = tmp_path / f"{name}.db"
        path.write_bytes(demo_template.read_bytes())
        simulator = _simulator(path, ManualClock(NOW), rate_per_min=6, time_scale=30, seed=seed)
        simulator.run(lambda: False, duration_s=1800)
        simulator.engine.dispose()
        runs.append(_rows(path))
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[2][0]
    assert len(runs[0][0]) > 41  # new incidents beside the demo's


def test_incidents_go_through_the_lifecycle_at_the_time_scale(demo_replica):
    scale = 60.0
    simulator = _simulator(demo_replica, ManualClock(NOW), rate_per_min=4, time_scale=scale,
                           seed=3)
    simulator.run(lambda: False, duration_s=3 * 3600 / scale * 4)  # 12 simulated hours
    with Session(simulator.engine) as session:
        incidents = _new_incidents(session)
        closed = [i for i in incidents if i.status == "closed"]
        assert len(closed) >= 5
        for incident in closed:
            events = session.scalars(select(IncidentEvent).where(
                IncidentEvent.incident_id == incident.id).order_by(IncidentEvent.id)).all()
            stages = [e.stage for e in events]
            assert stages[:6] == ["received", "verified", "first_report", "dispatched",
                                  "arrived", "handling"]
            assert stages[-2:] == ["final_report", "closed"]
            assert [ORDER[s] for s in stages] == sorted(ORDER[s] for s in stages)
            numbers = [e.report_no for e in events if e.stage == "follow_up"]
            assert numbers == list(range(1, len(numbers) + 1))
            minutes = [(b.occurred_at - a.occurred_at).total_seconds() * scale / 60
                       for a, b in itertools.pairwise(events)]
            assert 2 - 0.1 <= minutes[0] <= 8 + 0.1  # received -> verified, as the demo draws
            assert all(m >= 0 for m in minutes)
            assert incident.closed_at == events[-1].occurred_at
            assert events[3].station_id is not None and events[1].actor_id is not None
    simulator.engine.dispose()


def test_severity_raised_now_and_then_with_a_follow_up_report(demo_replica):
    simulator = _simulator(demo_replica, ManualClock(NOW), rate_per_min=10, time_scale=120,
                           seed=4)
    simulator.run(lambda: False, duration_s=1800)
    with Session(simulator.engine) as session:
        raised = session.scalars(select(IncidentEvent).where(
            IncidentEvent.note.like("%事态升级%"))).all()
        assert raised
        for event in raised:
            incident = session.get(Incident, event.incident_id)
            assert incident is not None and incident.severity == 3
            assert event.stage == "follow_up" and event.report_no is not None
    simulator.engine.dispose()


def test_walk_throughs_done_or_missed_and_kit_out_and_back(demo_replica):
    simulator = _simulator(demo_replica, ManualClock(NOW), rate_per_min=20, time_scale=60,
                           seed=5)
    simulator.start()
    with Session(simulator.engine) as session:
        before = session.scalar(select(func.count()).select_from(Inspection))
    out_once: set[int] = set()
    back_again: set[int] = set()
    for _ in range(20):
        simulator.run(lambda: False, duration_s=60)
        with Session(simulator.engine) as session:
            dispatched = set(session.scalars(select(EquipmentItem.id).where(
                EquipmentItem.status == "dispatched")))
        back_again |= out_once - dispatched
        out_once |= dispatched
    with Session(simulator.engine) as session:
        inspections = session.scalars(select(Inspection).where(
            Inspection.inspected_at > NOW)).all()
        total = session.scalar(select(func.count()).select_from(Inspection))
    walk_throughs = total - before
    assert walk_throughs == len(inspections) > 20
    assert back_again, "no kit came back from a job or a loan"
    assert {i.result for i in inspections} <= {"ok", "fault"}
    simulator.engine.dispose()


def test_check_ins_before_the_shift_and_handover_at_its_end(demo_replica):
    before_handover = dt.datetime(2026, 11, 23, 8, 40, tzinfo=dt.UTC)  # 16:40 CST
    simulator = _simulator(demo_replica, ManualClock(before_handover), rate_per_min=0, seed=6)
    simulator.run(lambda: False, duration_s=30 * 60)
    with Session(simulator.engine) as session:
        handover = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
        ending = session.scalars(select(DutyShift).where(
            DutyShift.kind == "duty", DutyShift.ends_at == handover)).one()
        starting = session.scalars(select(DutyShift).where(
            DutyShift.kind == "duty", DutyShift.starts_at == handover)).one()
        assert ending.handover_note
        checked = session.scalars(select(DutyAssignment.checked_in_at).where(
            DutyAssignment.shift_id == starting.id)).all()
        assert checked and all(
            at is not None and handover - dt.timedelta(minutes=15) <= at <= handover
            for at in checked)
        logged = session.scalars(select(ChangeLog.entity).where(ChangeLog.at > NOW)).all()
        assert {"duty_shift", "duty_assignment"} <= set(logged)
    simulator.engine.dispose()


def test_open_incidents_of_the_replica_carry_on(demo_replica):
    with Session(open_writer(demo_replica)) as session:
        before = dict(session.execute(select(Incident.code, Incident.status).where(
            Incident.status != "closed")).all())
    simulator = _simulator(demo_replica, ManualClock(NOW), rate_per_min=0, time_scale=30,
                           seed=8)
    simulator.run(lambda: False, duration_s=600)
    with Session(simulator.engine) as session:
        after = dict(session.execute(select(Incident.code, Incident.status).where(
            Incident.code.in_(before))).all())
    simulator.engine.dispose()
    moved = [code for code in before if ORDER[after[code]] > ORDER[before[code]]]
    assert len(moved) >= len(before) - 1


def test_drill_played_as_exercise_incidents_at_its_own_pace(demo_replica):
    clock = ManualClock(NOW)
    simulator = _simulator(demo_replica, clock, rate_per_min=0, drill="FLOOD", seed=9,
                           time_scale=1.0)

    def played():
        with Session(simulator.engine) as session:
            return session.scalars(select(Incident).where(
                Incident.code.like("%-DR-FLOOD-R%")).order_by(Incident.code)).all()

    simulator.run(lambda: False, duration_s=60)  # the second call comes 14 minutes later
    first = played()
    assert [i.title for i in first] == ["七里河盛世名居段漫堤险情"]
    simulator.run(lambda: False, duration_s=3 * 3600)
    replayed = played()
    assert len(replayed) == 2 and all(i.exercise and i.drill_id for i in replayed)
    with Session(simulator.engine) as session:
        for copy in replayed:
            original = session.scalars(select(Incident).where(
                Incident.code == copy.code.split("-R")[0] + "-" + copy.code[-2:])).one()

            def offsets(incident_id):
                events = session.scalars(select(IncidentEvent).where(
                    IncidentEvent.incident_id == incident_id).order_by(IncidentEvent.id)).all()
                return [(e.stage, round((e.occurred_at - events[0].occurred_at)
                                        .total_seconds() / 60)) for e in events]

            assert offsets(copy.id) == offsets(original.id)
            assert copy.status == "closed"
    simulator.engine.dispose()


def test_heartbeat_at_least_every_ten_seconds(demo_replica):
    clock = ManualClock(NOW)
    simulator = _simulator(demo_replica, clock, rate_per_min=0, interval_s=60, seed=1)
    simulator.start()
    for _ in range(120):
        simulator.step()
        with Session(simulator.engine) as session:
            beat = session.get(Heartbeat, "simulate")
        assert beat is not None and clock.now() - beat.at <= dt.timedelta(seconds=10)
        clock.sleep(0.5)
    simulator.engine.dispose()


def test_cli_simulate_runs_beats_and_stops_cleanly_on_sigterm(demo_replica, run_cli):
    bad = run_cli("simulate", str(demo_replica), "--drill", "NOPE", "--duration", "1")
    assert bad.returncode == 1 and "drill 'NOPE' not found" in bad.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "simulate", str(demo_replica), "--rate", "60",
         "--time-scale", "120", "--seed", "2", "--interval", "0.5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    engine = open_writer(demo_replica)
    try:
        deadline = time.monotonic() + 60
        beat = None
        while time.monotonic() < deadline and beat is None:
            with Session(engine) as session:
                beat = session.get(Heartbeat, "simulate")
            time.sleep(0.2)  # another process writing: poll the file
        assert beat is not None, process.stderr.read() if process.poll() is not None else ""
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        engine.dispose()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "seed 2" in err


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_options_are_checked():
    with pytest.raises(ValueError):
        SimulatorOptions(time_scale=0)
    with pytest.raises(ValueError):
        SimulatorOptions(rate_per_min=-1)
