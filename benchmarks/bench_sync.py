"""``python -m benchmarks.bench_sync``: the drop folder against ``replica import``, same file.

The 100,000-people CSV of ``bench_import`` is imported into a fresh copy of
the demo replica two ways, alternating which goes first in each run:

- baseline: ``dutyroom replica import people.csv REPLICA --report R.csv``, the
  command's wall time from start to exit (interpreter start-up included);
- drop folder: a running ``dutyroom sync --watch DIR`` (started beforehand, as the
  service is), from the moment the file is renamed into DIR until it lies in
  ``DIR/done/`` (detected, read, checked, written in one transaction, its report
  written beside it, moved); the folder is looked at every 10 ms for that.

Both write the same rows and the same report. Target (issue 24): drop folder
≤ 1.2 × baseline. Writes the "sync" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_import import people_csv, people_rows
from benchmarks.results import write_section

TARGET_RATIO = 1.2
TIMEOUT_S = 300


def _dutyroom(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *args]


def _environment(work: Path) -> dict[str, str]:
    """Ours, without the user's dutyroom settings, with folders of this run's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUTYROOM_")}
    for name in ("CONFIG", "DATA", "LOG", "CACHE"):
        env[f"DUTYROOM_{name}_DIR"] = str(work / "home" / name.lower())
    return env


def baseline(replica: Path, data: Path, report: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(_dutyroom("replica", "import", str(data), str(replica), "--report",
                                    str(report)), capture_output=True, text=True,
                          timeout=TIMEOUT_S, env=_environment(report.parent))
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench_sync: replica import failed: {done.stderr[-1000:]}")
    return seconds


def drop_folder(replica: Path, data: Path, folder: Path) -> float:
    folder.mkdir()
    process = subprocess.Popen(_dutyroom("sync", "--watch", str(folder), "--replica",
                                         str(replica)), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True,
                               env=_environment(folder.parent))
    try:
        assert process.stdout is not None
        if not process.stdout.readline().startswith("watching"):
            raise SystemExit("bench_sync: the sync did not start")
        partial = folder / ".people.csv.part"
        shutil.copyfile(data, partial)
        landed = folder / "done" / "people.csv"
        started = time.perf_counter()
        os.replace(partial, folder / "people.csv")
        while not landed.exists():
            if time.perf_counter() - started > TIMEOUT_S or process.poll() is not None:
                raise SystemExit("bench_sync: the file never reached done/")
            time.sleep(0.01)  # an outside observer of the folder: polling is the measurement
        seconds = time.perf_counter() - started
        if (folder / "rejected" / "people.csv").exists():
            raise SystemExit("bench_sync: the file was rejected")
        return seconds
    finally:
        process.terminate()
        process.wait(60)
        if process.stdout is not None:
            process.stdout.close()


def measure(template: Path, work: Path, runs: int, people_n: int) -> dict[str, object]:
    data = work / "people.csv"
    data.write_bytes(people_csv(people_rows(people_n)))
    pairs: list[tuple[float, float]] = []
    for run in range(runs):
        times: dict[str, float] = {}
        order = ("import", "drop") if run % 2 == 0 else ("drop", "import")
        for way in order:
            replica = work / f"{way}{run}.db"
            shutil.copyfile(template, replica)
            times[way] = (baseline(replica, data, work / f"report{run}.csv") if way == "import"
                          else drop_folder(replica, data, work / f"drop{run}"))
        pairs.append((times["import"], times["drop"]))
        print(f"  run {run + 1}: replica import {times['import']:.2f} s, drop folder "
              f"{times['drop']:.2f} s", flush=True)
    return {"label": f"{people_n:,} people (CSV)", "bytes": data.stat().st_size,
            "pairs": pairs, "import": statistics.median(a for a, _b in pairs),
            "drop": statistics.median(b for _a, b in pairs),
            "ratio": statistics.median(b / max(a, 1e-9) for a, b in pairs)}


def report(entry: dict[str, object], runs: int) -> str:
    ratio = float(entry["ratio"])  # type: ignore[arg-type]
    runs_text = ", ".join(f"{a:.2f} → {b:.2f} s" for a, b in entry["pairs"])  # type: ignore[attr-defined]
    ok = "met" if ratio <= TARGET_RATIO else "MISSED"
    return "\n".join([
        "## Drop-folder sync (`python -m benchmarks.bench_sync`)",
        "",
        f"{platform.node()}, Python {platform.python_version()}, medians of {runs} run(s); "
        "the machine was shared with other work while it ran. Baseline = `dutyroom replica "
        "import FILE REPLICA --report R.csv`, wall time from start to exit (interpreter "
        "start-up included). Drop folder = a running `dutyroom sync --watch DIR`, from the "
        "file's rename into DIR until it lies in `DIR/done/` (seen, read, checked, written in "
        "one transaction, report written, moved). Each into a fresh copy of the demo replica, "
        "same file, same run, alternating which goes first. Ratio = median of the per-run "
        f"ratios. Target: drop folder ≤ {TARGET_RATIO} × baseline.",
        "",
        "| what | file | replica import (baseline) | drop folder | ratio "
        "| every run (import → drop) | target |",
        "|---|---|---|---|---|---|---|",
        f"| {entry['label']} | {int(entry['bytes']) / 1e6:.1f} MB "  # type: ignore[call-overload]
        f"| {float(entry['import']):.2f} s | {float(entry['drop']):.2f} s "  # type: ignore[arg-type]
        f"| ×{ratio:.2f} | {runs_text} | {ok} |",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_sync", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)
    from desktop.replica_commands import init_replica

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        work = Path(folder)
        template = work / "demo.db"
        init_replica(str(template), demo=True)
        entry = measure(template, work, args.runs, args.people)
    markdown = report(entry, args.runs)
    print(markdown)
    if not args.no_write:
        write_section("sync", markdown)
    return 0 if float(entry["ratio"]) <= TARGET_RATIO else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
