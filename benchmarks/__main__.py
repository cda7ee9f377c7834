"""``python -m benchmarks``: start-up to ready and peak memory of the dashboard vs a bare map.

Entries, each a fresh process per run, medians over ``--runs`` (default 3):
  baseline   benchmarks/bare_leaflet.py: bare QWebEngineView + empty Leaflet map
  demo       dutyroom --replica <demo street>
  wall       dutyroom --replica <demo street> --wall
  district   dutyroom --replica <demo at --district-scale, default 50 streets>
Prints a table and writes benchmarks/RESULTS.md. Exits 1 if anything was not measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks import replicas, report
from benchmarks.report import Entry
from benchmarks.results import write_section
from benchmarks.runner import Run, run_until_ready

HERE = Path(__file__).resolve().parent
BUILD_TIMEOUT_S = 900.0  # building the district replica once


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per entry (median is shown)")
    parser.add_argument("--quick", action="store_true", help="one run per entry")
    parser.add_argument("--xvfb", action="store_true",
                        help="run on an Xvfb screen (1920x1080) instead of offscreen")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds a process may take to be ready (default 120)")
    parser.add_argument("--district-scale", type=int, default=50,
                        help="streets in the district-sized replica (default 50)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached replicas anew")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md",
                        help="where to write the results (default benchmarks/RESULTS.md)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def child_environment(session: Path) -> dict[str, str]:
    """Our environment, minus the user's dutyroom settings, with this session's own folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUTYROOM_")}
    for name in ("CONFIG", "DATA", "LOG"):
        env[f"DUTYROOM_{name}_DIR"] = str(session / name.lower())
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(session / f"xdg-{name.lower()}")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--log-level=3")
    if os.geteuid() == 0:  # Chromium cannot keep its sandbox as root (SETUP-NOTES)
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@contextmanager
def xvfb_display(env: dict[str, str]) -> Iterator[None]:
    """Start our own Xvfb and point ``env`` at it for the duration."""
    if shutil.which("Xvfb") is None:
        sys.exit("--xvfb needs Xvfb (Debian package xvfb; bash setup.sh installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = pipe.readline().strip()
    try:
        if not display:
            sys.exit("Xvfb did not start")
        env["DISPLAY"] = f":{display}"
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        yield
    finally:
        server.terminate()
        server.wait(10)


def entries(args: argparse.Namespace, env: dict[str, str]) -> list[tuple[Entry, list[str]]]:
    baseline = Entry("baseline", "baseline (bare WebEngine + Leaflet)")
    demo = Entry("demo", "app on the demo street (operator window)")
    wall = Entry("wall", "app on the demo street, wall mode (what autostart runs)")
    district = Entry("district", f"app on a district (scale {args.district_scale})")
    planned: list[tuple[Entry, list[str]]] = [
        (baseline, [sys.executable, str(HERE / "bare_leaflet.py")]),
    ]
    dutyroom = replicas.dutyroom_command()
    for entry, scale, flags in ((demo, 1, []), (wall, 1, ["--wall"]),
                                (district, args.district_scale, [])):
        if dutyroom is None:
            entry.unavailable = "dutyroom not available (run bash setup.sh setup)"
            planned.append((entry, []))
            continue
        try:
            replica = replicas.demo_replica(scale, dutyroom=dutyroom, env=env,
                                            timeout_s=BUILD_TIMEOUT_S, rebuild=args.rebuild)
        except RuntimeError as error:
            entry.unavailable = f"no replica: {error}"
            planned.append((entry, []))
            continue
        planned.append((entry, [*dutyroom, "--replica", str(replica), *flags]))
    return planned


def describe(run: Run) -> str:
    if not run.ok:
        return f"FAILED: {run.error}"
    own = f" (own READY {run.reported_ms} ms)" if run.reported_ms is not None else ""
    tail = "" if run.clean_exit else "; did not quit cleanly on SIGTERM"
    return f"ready {run.ready_ms:.0f} ms{own}, peak PSS {run.peak_pss_mib:.0f} MiB{tail}"


def measure(args: argparse.Namespace, env: dict[str, str], session: Path) -> list[Entry]:
    planned = entries(args, env)

    def folder(entry: Entry, label: str) -> Path:  # each run keeps its own output
        path = session / "runs" / f"{entry.key}-{label}"
        path.mkdir(parents=True)
        return path

    runnable = [(entry, command) for entry, command in planned if not entry.unavailable]
    for entry, command in runnable:  # warm-up: disk caches, first-run files; not counted
        warm = run_until_ready(command, env, folder(entry, "warm-up"), timeout_s=args.timeout)
        print(f"  warm-up  {entry.key:<9} {describe(warm)}", flush=True)
        if not warm.ok:
            entry.runs.append(warm)
    for index in range(1, args.runs + 1):  # interleaved, so drift hits every entry alike
        for entry, command in runnable:
            if entry.runs and not entry.good:
                continue  # failed at warm-up: say so once instead of waiting N times
            run = run_until_ready(command, env, folder(entry, str(index)), timeout_s=args.timeout)
            entry.runs.append(run)
            print(f"  run {index}/{args.runs} {entry.key:<9} {describe(run)}", flush=True)
    return [entry for entry, _ in planned]


def raw_runs(results: list[Entry]) -> str:
    lines = []
    for entry in results:
        lines.append(f"- {entry.title}:" + (" not run" if entry.unavailable else ""))
        lines.extend(f"  - {describe(run)}".replace("\n", "\n    ") for run in entry.runs)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path("/proc/self/smaps_rollup").exists():
        sys.exit("the benchmarks read /proc (Linux 4.14 or newer)")
    screen = "Xvfb 1920x1080" if args.xvfb else "offscreen"
    print(f"benchmarks: {args.runs} run(s) per entry, {screen}, timeout {args.timeout:.0f} s")
    session = Path(tempfile.mkdtemp(prefix="dutyroom-bench-"))
    env = child_environment(session)
    if args.xvfb:
        with xvfb_display(env):
            results = measure(args, env, session)
    else:
        results = measure(args, env, session)

    settings = f"{args.runs} run(s) per entry, {screen}"
    text = report.markdown(results, settings=settings, raw=raw_runs(results))
    write_section("startup", text, args.output)
    print()
    print(report.table(results))
    problems = report.problems(results)
    for line in problems:
        print(f"problem: {line}", file=sys.stderr)
    unmeasured = [e.title for e in results if e.unavailable or not e.good]
    if problems or unmeasured:
        print(f"process output kept in {session}", file=sys.stderr)
    else:
        shutil.rmtree(session, ignore_errors=True)
    print(f"written to {args.output}")
    return 1 if unmeasured or any(not run.ok for e in results for run in e.runs) else 0


if __name__ == "__main__":
    sys.exit(main())
