"""``python -m benchmarks.bench_import``: importing 100,000 people and 20,000 point features.

Generates its own input files (CSV people, GeoJSON hydrants in the demo
street), imports each into a fresh copy of the demo replica through the real
importer (read, check every row, upsert, one transaction), then imports the
same file again (idempotent: nothing written). Baseline, same run: a plain
sqlite3 ``executemany`` of the same rows into the same table of another
copy (triggers included), i.e. the cost of the writes alone. Medians of
``--runs``. Target: each import ≤ 30 s on this 2-core machine.
Writes the "import" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.results import write_section

TARGET_S = 30.0
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
STREET = (112.135, 32.07, 112.165, 32.09)


def _id_number(rnd: random.Random) -> str:
    first = (f"420606{rnd.randint(1950, 2005)}{rnd.randint(1, 12):02d}"
             f"{rnd.randint(1, 28):02d}{rnd.randint(0, 999):03d}")
    check = "10X98765432"[sum(int(d) * w for d, w in zip(first, ID_WEIGHTS, strict=True)) % 11]
    return first + check


def people_rows(n: int) -> list[list[object]]:
    rnd = random.Random(8)
    roles = ("志愿者", "网格员", "社区干部", "基干民兵", "专业救援队员")
    return [[f"B{i:07d}", rnd.choice("王李张刘陈杨黄赵吴周") + rnd.choice("伟芳娜敏静丽强磊军洋"),
             f"13{rnd.randrange(10**9):09d}", _id_number(rnd), rnd.choice(roles),
             rnd.choice(("是", "否"))] for i in range(n)]


def people_csv(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["人员编码", "姓名", "联系电话", "身份证号", "角色", "党员"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def hydrant_features(n: int) -> list[dict[str, object]]:
    rnd = random.Random(9)
    return [{"type": "Feature", "id": f"BH{i:06d}",
             "properties": {"名称": f"消防栓{i}", "口径": 150, "状态": "正常"},
             "geometry": {"type": "Point", "coordinates": [
                 round(rnd.uniform(STREET[0], STREET[2]), 7),
                 round(rnd.uniform(STREET[1], STREET[3]), 7)]}} for i in range(n)]


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _import(replica: Path, data: bytes, name: str, **options: object) -> tuple[float, object]:
    from desktop.models.importing import ImportOptions, Source, import_sources
    from desktop.models.replica import open_writer

    engine = open_writer(replica)
    holder: list[object] = []
    seconds = _timed(lambda: holder.append(import_sources(
        engine, [Source(name, data)], ImportOptions(**options))))  # type: ignore[arg-type]
    engine.dispose()
    result = holder[0]
    if getattr(result, "exit_code", 1) != 0:
        raise SystemExit(f"bench_import: the import of {name} failed: "
                         f"{[i.line() for i in result.errors[:5]]}")  # type: ignore[attr-defined]
    return seconds, result


def baseline_people(replica: Path, rows: list[list[object]]) -> float:
    connection = sqlite3.connect(replica)

    def insert() -> None:
        with connection:
            connection.executemany(
                "INSERT INTO person (code, name, phone, id_number, role, party_member, skills, "
                "active) VALUES (?, ?, ?, ?, ?, ?, '[]', 1)",
                [(r[0], r[1], r[2], r[3], "volunteer", r[5] == "是") for r in rows])

    seconds = _timed(insert)
    connection.close()
    return seconds


def baseline_features(replica: Path, features: list[dict[str, object]]) -> float:
    connection = sqlite3.connect(replica)

    def insert() -> None:
        with connection:
            connection.executemany(
                "INSERT INTO feature (layer_key, code, name, geometry, properties) "
                "VALUES ('fire_hydrants', ?, ?, ?, ?)",
                [(f["id"], f["properties"]["名称"],  # type: ignore[index]
                  json.dumps(f["geometry"], separators=(",", ":")),
                  json.dumps(f["properties"], ensure_ascii=False)) for f in features])

    seconds = _timed(insert)
    connection.close()
    return seconds


def measure(template: Path, work: Path, runs: int, people_n: int, features_n: int
            ) -> list[dict[str, object]]:
    rows = people_rows(people_n)
    people = people_csv(rows)
    features = hydrant_features(features_n)
    geojson = json.dumps({"type": "FeatureCollection", "crs": {
        "type": "name", "properties": {"name": "EPSG:4490"}}, "features": features},
        ensure_ascii=False).encode()
    entries = []
    for label, data, name, options, base in (
        (f"{people_n:,} people (CSV)", people, "people.csv", {"kind": "people"},
         lambda p: baseline_people(p, rows)),
        (f"{features_n:,} point features (GeoJSON)", geojson, "hydrants.geojson",
         {"kind": "features", "layer": _layer()}, lambda p: baseline_features(p, features)),
    ):
        first, again, plain = [], [], []
        for run in range(runs):
            replica = work / f"run{run}.db"
            shutil.copyfile(template, replica)
            seconds, result = _import(replica, data, name, **options)
            first.append(seconds)
            again.append(_import(replica, data, name, **options)[0])
            baseline = work / f"base{run}.db"
            shutil.copyfile(template, baseline)
            plain.append(base(baseline))
            print(f"  {label}: import {seconds:.2f} s, again {again[-1]:.2f} s, "
                  f"executemany {plain[-1]:.2f} s", flush=True)
        entries.append({"label": label, "bytes": len(data), "import": statistics.median(first),
                        "again": statistics.median(again), "baseline": statistics.median(plain),
                        "counts": result.counts})  # type: ignore[attr-defined]
    return entries


def _layer() -> object:
    from desktop.models.importing import LayerOptions

    return LayerOptions("fire_hydrants")


def report(entries: list[dict[str, object]], runs: int) -> str:
    lines = [
        "## Import (`python -m benchmarks.bench_import`)",
        "",
        f"{platform.node()}, Python {platform.python_version()}, medians of {runs} run(s). "
        "Import = the real importer into a copy of the demo replica (read, check every row, "
        "upsert, one transaction, change_log triggers). Again = the same file a second time "
        "(nothing changes). Baseline = plain sqlite3 `executemany` of the same rows into the "
        f"same table (same run). Target: ≤ {TARGET_S:.0f} s each.",
        "",
        "| what | file | import | again (no change) | baseline executemany | ratio | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        ratio = float(e["import"]) / max(float(e["baseline"]), 1e-9)  # type: ignore[arg-type]
        ok = "met" if float(e["import"]) <= TARGET_S else "MISSED"  # type: ignore[arg-type]
        lines.append(
            f"| {e['label']} | {int(e['bytes']) / 1e6:.1f} MB | {float(e['import']):.2f} s "  # type: ignore[call-overload]
            f"| {float(e['again']):.2f} s | {float(e['baseline']):.2f} s | ×{ratio:.0f} "  # type: ignore[arg-type]
            f"| {ok} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_import",
                                     description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--features", type=int, default=20_000)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)
    from desktop.replica_commands import init_replica

    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        template = work / "demo.db"
        init_replica(str(template), demo=True)
        entries = measure(template, work, args.runs, args.people, args.features)
    markdown = report(entries, args.runs)
    print(markdown)
    if not args.no_write:
        write_section("import", markdown)
    missed = [e for e in entries if float(e["import"]) > TARGET_S]  # type: ignore[arg-type]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
