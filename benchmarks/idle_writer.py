"""The idle benchmark's quiet writer: heartbeats only, and one new incident when asked.

    python benchmarks/idle_writer.py REPLICA [--interval S] [--incident-when FILE]

Refreshes its heartbeat row every ``--interval`` seconds (5, as ``dutyroom
simulate`` does) and writes nothing else, so the dashboard stays live with no
change to draw; once ``FILE`` exists it records one new incident of severity III
(一般 … 较大: 3) with its 接报 event, as the simulator receives one, and goes on
beating. Ends on SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

WRITER = "bench-idle"
SEVERITY = 3  # III


def add_incident(session: object, now: object) -> int:
    """One new, unacknowledged III incident at the place of the replica's first incident."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from desktop.models.schema import Incident, IncidentEvent

    assert isinstance(session, Session)
    model = session.scalars(select(Incident).where(Incident.exercise.is_(False))
                            .order_by(Incident.id)).first()
    assert model is not None, "the replica holds no incident to copy a place from"
    incident = Incident(
        code=f"BENCH-IDLE-{model.id}", title="燃气泄漏（基准测试）", class_code=model.class_code,
        type_code=model.type_code, severity=SEVERITY, status="received", place=model.place,
        lon=model.lon, lat=model.lat, grid_id=model.grid_id, source="基准测试",
        casualties="情况不明，待核实", exercise=False, occurred_at=now, recorded_at=now)
    session.add(incident)
    session.flush()
    session.add(IncidentEvent(incident_id=incident.id, stage="received", occurred_at=now,
                              recorded_at=now, severity=SEVERITY, note="基准测试"))
    return int(incident.id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("replica")
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--incident-when", type=Path, default=None)
    args = parser.parse_args()
    from sqlalchemy.orm import Session

    from desktop.models import clock
    from desktop.models.replica import beat, open_writer

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    engine = open_writer(args.replica)
    pending = args.incident_when
    next_beat = 0.0
    try:
        while not stop.is_set():
            due_incident = pending is not None and pending.exists()
            if time.monotonic() >= next_beat or due_incident:
                with Session(engine) as session:
                    now = clock.now()
                    if due_incident:
                        print(f"incident {add_incident(session, now)}", flush=True)
                        pending = None
                    beat(session, WRITER, now)
                    session.commit()
                next_beat = time.monotonic() + args.interval
            # Short waits only while an incident may be asked for; else until the next beat.
            stop.wait(0.2 if pending is not None else max(next_beat - time.monotonic(), 0))
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
