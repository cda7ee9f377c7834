"""``python -m benchmarks.bench_readiness``: station readiness on a district-sized replica.

Targets: readiness for ≈500 stations / ≈20,000 items in ≤ 200 ms, and the
incremental refresh of one station in ≤ 20 ms. The same-run baseline is reading
the same item rows with plain sqlite3 and doing nothing with them: the floor any
readiness computation pays. Writes its section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import replicas
from benchmarks.results import write_section

SCALE = 75  # ~6.7 stations a street in the district demo → ≈500 stations
TARGET_ITEMS = 20_000


def _pad_items(path: Path, target: int) -> int:
    """Copy existing item rows (new codes) until the replica holds ``target`` items."""
    connection = sqlite3.connect(path)
    count = connection.execute("SELECT count(*) FROM equipment_item").fetchone()[0]
    round_no = 0
    while count < target:
        round_no += 1
        need = target - count
        connection.execute(
            "INSERT INTO equipment_item (station_id, kind_id, code, quantity, made_on, expires_on,"
            " last_serviced_on, last_inspected_at, status, dispatched_at)"
            " SELECT station_id, kind_id, code || '-copy' || ?, quantity, made_on, expires_on,"
            " last_serviced_on, last_inspected_at, status, dispatched_at"
            " FROM equipment_item WHERE code NOT LIKE '%-copy%' LIMIT ?", (round_no, need))
        count = connection.execute("SELECT count(*) FROM equipment_item").fetchone()[0]
    connection.commit()
    connection.close()
    return int(count)


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_readiness")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from desktop.models.fact_reading import station_statuses
    from desktop.models.quality import QualityCollector
    from desktop.models.readiness import ReadinessRules
    from desktop.models.replica import open_reader
    from desktop.models.schema import AdminUnit, EquipmentItem, Station

    dutyroom = replicas.dutyroom_command()
    if dutyroom is None:
        raise SystemExit("dutyroom is not installed: run bash setup.sh first")
    source = replicas.demo_replica(SCALE, dutyroom=dutyroom, env=dict(os.environ),
                                   timeout_s=900)
    folder = Path(tempfile.mkdtemp(prefix="bench-readiness-"))
    path = folder / "replica.db"
    shutil.copyfile(source, path)
    items = _pad_items(path, TARGET_ITEMS)
    now = dt.datetime.now(dt.UTC)
    engine = open_reader(path)
    rules = ReadinessRules()
    with Session(engine) as session:
        units = {u.id: u.name for u in session.scalars(select(AdminUnit))}
        stations = session.scalar(select(func.count()).select_from(Station)) or 0
        one = session.scalar(select(EquipmentItem.station_id).limit(1))
        assert one is not None

        def full() -> object:
            return station_statuses(session, units, set(), now, rules, QualityCollector())

        def single() -> object:
            return station_statuses(session, units, set(), now, rules, QualityCollector(),
                                    station_ids=[one])

        full_ms = _median_ms(full, args.runs)
        single_ms = _median_ms(single, args.runs * 3)
    engine.dispose()

    def raw_read() -> object:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = connection.execute("SELECT * FROM equipment_item").fetchall()
        connection.close()
        return rows

    baseline_ms = _median_ms(raw_read, args.runs)
    shutil.rmtree(folder, ignore_errors=True)
    table = (
        "| figure | median | ratio to baseline | target |\n|---|---|---|---|\n"
        f"| baseline: read {items:,} item rows with sqlite3 | {baseline_ms:.1f} ms | 1.00× | |\n"
        f"| readiness of all {stations} stations ({items:,} items) | {full_ms:.1f} ms | "
        f"{full_ms / baseline_ms:.1f}× | ≤ 200 ms |\n"
        f"| incremental refresh of one station | {single_ms:.1f} ms | "
        f"{single_ms / baseline_ms:.2f}× | ≤ 20 ms |\n"
    )
    markdown = (
        "## Station readiness, district-sized\n\n"
        f"Written by `python -m benchmarks.bench_readiness` on {dt.date.today()}, "
        f"{os.cpu_count()} cores; medians of {args.runs} (one station: {args.runs * 3}). "
        f"Demo replica of {SCALE} streets with items padded to {TARGET_ITEMS:,} by copying "
        "rows; readiness = `desktop.models.fact_reading.station_statuses` (queries + the one "
        "readiness function), the one-station refresh passes `station_ids`.\n\n" + table)
    print(table)
    write_section("readiness", markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
