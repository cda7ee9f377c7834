"""``python -m benchmarks.bench_idle``: CPU and wake-ups of a dashboard that has little to do.

Process-tree CPU (the process and every descendant: QtWebEngineProcess, zygote,
renderers, GPU process; utime+stime from /proc at the start and the end of the
window, ``benchmarks/proccpu.py``) over ``--seconds`` (default 60) once the process
is ready + 2 s (the runner) + ``--settle`` (default 10 s), for:
  quiet     the wall (``dutyroom --wall``), heartbeats only (``idle_writer.py`` every 5 s)
  alert     the wall, heartbeats, and one new III incident written after ready (not
            acknowledged: the banner flashes throughout)
  feed      the wall, heartbeats, and the live feed at 1 change/s (``bench_live.WRITER``)
  replay    the operator window replaying the newest demo drill at 1× from just before
            its first arrival (``replay_window.py``: ``dutyroom`` has no flag for it)
each beside the bare map (``bare_leaflet.py``) measured in the same run, on an Xvfb
screen (1920×1080) and offscreen. Also the GUI thread's wake-ups a second (its
voluntary + involuntary context switches) and the whole tree's, and the top consumers
(per process; per thread, named by ``comm``). Each replica is a fresh demo street built
with its clock an hour back, so that its newest incident is older than the alert
tracker's start-up window and no banner flashes unless a scenario writes one.
Writes its section "idle" of benchmarks/RESULTS.md (not with --quick or --only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import replicas
from benchmarks.__main__ import child_environment, xvfb_display
from benchmarks.bench_live import WRITER as FEED_WRITER
from benchmarks.proccpu import TICKS, Usage, sample, usage
from benchmarks.report import machine
from benchmarks.results import write_section
from benchmarks.runner import run_until_ready

HERE = Path(__file__).resolve().parent
HEARTBEAT_S = 5.0  # as dutyroom simulate's default
FEED_RATE = 1.0  # changes a second
TOP_PROCESSES = 3
TOP_THREADS = 5

NOTES = """### Where the CPU went before the first fixes (two runs, 2026-12-04)

- **Fixed since** (commit bd023a0): the map's new-incident pulse was an endless CSS
  animation (now six cycles); every widget repaint composited the whole window through
  OpenGL, i.e. llvmpipe without a GPU (now Qt Quick's software renderer for the map
  view); the banner restyled itself at each flash (now a repaint). The table above is
  measured after them; the figures below are from before.

- **The machine matters**: the run above had it saturated during the Xvfb scenarios
  (whole machine busy 179–191 % of 200 %, load average up to 5.3): a starved dashboard gets
  less than it asks for. The first run (22:39–22:51 UTC, load 0.8–2.9, commit 4a7dfe6)
  measured, Xvfb: quiet 102.5 %, one alert 129.6 %, 1 change/s 118.2 %, replay 131.4 %;
  offscreen: 9.2 / 13.9 / 10.9 / 54.4 %; the bare map 0.07 % and 0.10 %.
- **Xvfb**: in every wall scenario two `llvmpipe` threads (Mesa's software GL, in the
  dashboard process) take most of it, 37–56 % of a core each, i.e. the window is
  composited frame after frame although nothing moves; the dashboard's main thread is
  only 5–8 %, the renderer's `Compositor` 3–4 %. The bare map on the same screen
  composites nothing (0.1 %). So the first thing to find is what keeps asking for frames.
- **Offscreen** (no GL compositing) the same wall is at 9–14 %, spread over the
  renderer's `Compositor` thread, the main thread and `VizCompositorTh`: the page and
  the widgets still do work each frame with nothing new to show.
- **Replay at 1×**: the main thread is at 38–46 % on both screens. From the code (not
  profiled): the replay controller ticks 25 times a second (`TICK_MS` 40) and at 1×
  every tick moves the position, so `situation_at` and the panels' redraw run at each.
- The replay window under Xvfb "did not quit cleanly on SIGTERM" in the first run; in
  the second, and alone, it quit cleanly (0.2 s).
"""


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    target: float | None = None  # share of one core (the targets)
    program: str = "wall"  # wall | replay | baseline
    incident: bool = False
    feed: bool = False


SCENARIOS = (
    Scenario("baseline", "bare map (QWebEngineView + Leaflet), the baseline", program="baseline"),
    Scenario("quiet", "wall, quiet: heartbeats only", 0.01),
    Scenario("alert", "wall, one alert flashing (one new III incident, not acknowledged)", 0.03,
             incident=True),
    Scenario("feed", "wall, live feed at 1 change/s", 0.05, feed=True),
    Scenario("replay", "operator window, drill replay at 1×", program="replay"),
)


@dataclass
class Measured:
    scenario: Scenario
    screen: str
    usage: Usage | None = None
    ready_ms: float | None = None
    load: tuple[float, float] | None = None  # 1-minute load average at window start, end
    machine_busy: float | None = None  # all processes, share of one core, over the window
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_idle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="length of the measured window (default 60)")
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds between ready (+2 s) and the window (default 10)")
    parser.add_argument("--quick", action="store_true",
                        help="10 s windows after 3 s of settling; prints, RESULTS.md left alone")
    parser.add_argument("--screen", choices=("both", "xvfb", "offscreen"), default="both")
    parser.add_argument("--only", nargs="+", choices=[s.key for s in SCENARIOS[1:]],
                        help="only these scenarios (the baseline always runs); prints only")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds a process may take to be ready (default 120)")
    parser.add_argument("--note", default="",
                        help="a line for the results, e.g. who else used the machine")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.settle = 10.0, 3.0
    if args.seconds <= 0:
        parser.error("--seconds must be more than zero")
    return args


def aged_replica(path: Path) -> Path:
    """A demo street whose clock was an hour back: its newest incident is an hour old."""
    from desktop.models import clock
    from desktop.models.alerts import AlertTracker
    from desktop.replica_commands import init_replica

    age = max(dt.timedelta(hours=1), AlertTracker().startup_window * 3)
    init_replica(str(path), demo=True, force=True, now=clock.now() - age)
    return path


def _busy_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    total = sum(values[:8])  # guest time is already in user
    return total - idle, total


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as output:
        return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=output,
                                stderr=subprocess.STDOUT)


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def measure(scenario: Scenario, screen: str, display: str | None, session: Path,
            args: argparse.Namespace, dutyroom: list[str]) -> Measured:
    result = Measured(scenario, screen)
    work = session / f"{screen}-{scenario.key}"
    work.mkdir(parents=True)
    env = child_environment(work)
    if display is not None:
        env["DISPLAY"] = display
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
    helpers: list[subprocess.Popen[bytes]] = []
    trigger = work / "write-incident"
    replica = None if scenario.program == "baseline" else aged_replica(work / "replica.db")
    if scenario.program == "baseline":
        command = [sys.executable, str(HERE / "bare_leaflet.py")]
    elif scenario.program == "replay":
        command = [sys.executable, str(HERE / "replay_window.py"), "--replica", str(replica)]
    else:
        command = [*dutyroom, "--replica", str(replica), "--wall"]

    def after_ready() -> None:
        if scenario.incident:
            trigger.touch()
        if scenario.feed:
            count = int((args.settle + args.seconds + 30) * FEED_RATE)
            helpers.append(_start([sys.executable, "-c", FEED_WRITER, str(replica),
                                   str(FEED_RATE), str(count), str(work / "feed.json"),
                                   "incidents"], env, work / "feed.log"))

    def window(process: subprocess.Popen[bytes]) -> None:
        after_ready()
        time.sleep(args.settle)
        load = os.getloadavg()[0]
        busy = _busy_ticks()
        before = sample(process.pid)
        time.sleep(args.seconds)
        after = sample(process.pid)
        busy_end = _busy_ticks()
        result.load = (load, os.getloadavg()[0])
        if busy_end[1] > busy[1]:
            share = (busy_end[0] - busy[0]) / (busy_end[1] - busy[1])
            result.machine_busy = share * (os.cpu_count() or 1)
        if process.poll() is not None:
            raise RuntimeError(f"exited with status {process.returncode} inside the window")
        for helper in helpers:
            if helper.poll() not in (None, 0):
                raise RuntimeError(f"a writer failed (status {helper.returncode}); see {work}")
        result.usage = usage(before, after)

    try:
        if replica is not None:
            helpers.append(_start(
                [sys.executable, str(HERE / "idle_writer.py"), str(replica),
                 "--interval", str(HEARTBEAT_S),
                 *(["--incident-when", str(trigger)] if scenario.incident else [])],
                env, work / "writer.log"))
        run = run_until_ready(command, env, work, timeout_s=args.timeout, while_ready=window)
        result.ready_ms = run.ready_ms
        if run.error is not None:
            result.error = run.error
        elif not run.clean_exit:
            result.notes.append("did not quit cleanly on SIGTERM")
    except (RuntimeError, OSError) as error:
        result.error = str(error)
    finally:
        for helper in helpers:
            _end(helper)
    if scenario.incident and "incident " not in (work / "writer.log").read_text():
        result.error = result.error or "the new incident was not written"
    return result


def _pct(share: float) -> str:
    return f"{share * 100:.1f} %" if share >= 0.001 else f"{share * 100:.2f} %"


def _ratio(value: float, base: float, floor: float | None = None) -> str:
    """``floor``: the smallest non-zero figure (one clock tick over the window)."""
    if base > 0:
        return f"{value / base:.1f}×"
    if floor and value > 0:
        return f"> {value / floor:.0f}× (baseline under one tick)"
    return "n/a (baseline 0)"


def _verdict(scenario: Scenario, share: float) -> str:
    if scenario.target is None:
        return "no target in the issue"
    mark = "✅" if share <= scenario.target else "❌"
    return f"≤ {scenario.target * 100:.0f} % {mark}"


def table(results: list[Measured], screen: str) -> str:
    rows = [r for r in results if r.screen == screen]
    base = next((r.usage for r in rows if r.scenario.program == "baseline" and r.usage), None)
    lines = [
        "| scenario | tree CPU, % of one core | CPU-s per minute | ratio to bare map | "
        "target | GUI-thread wake-ups/s | ratio | tree wake-ups/s | ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if r.usage is None:
            lines.append(f"| {r.scenario.title} | not measured: "
                         f"{(r.error or '?').splitlines()[0][:120]} | | | | | | | |")
            continue
        u = r.usage
        if base is None:
            ratios = ("n/a", "n/a", "n/a")
        else:
            tick = 1 / TICKS / base.seconds  # share of a core one clock tick is
            ratios = (_ratio(u.core_share, base.core_share, tick),
                      _ratio(u.main_wakeups, base.main_wakeups),
                      _ratio(u.tree_wakeups, base.tree_wakeups))
        target = "" if r.scenario.program == "baseline" else _verdict(r.scenario, u.core_share)
        lines.append(
            f"| {r.scenario.title} | {_pct(u.core_share)} | {u.per_minute:.2f} | {ratios[0]} | "
            f"{target} | {u.main_wakeups:.0f} | {ratios[1]} | {u.tree_wakeups:.0f} | "
            f"{ratios[2]} |")
    return "\n".join(lines)


def consumers(result: Measured) -> str:
    u = result.usage
    if u is None:
        return f"- {result.scenario.title}: not measured"
    processes = ", ".join(f"{c.process} {_pct(c.cpu_s / u.seconds)}"
                          for c in u.processes[:TOP_PROCESSES] if c.cpu_s > 0) or "none measurable"
    threads = ", ".join(
        f"{c.name}{f' ×{c.count}' if c.count > 1 else ''} [{c.process}] "
        f"{_pct(c.cpu_s / u.seconds)}" for c in u.threads[:TOP_THREADS] if c.cpu_s > 0
    ) or "none measurable"
    return f"- {result.scenario.title}: processes: {processes}; threads: {threads}"


def every_run(results: list[Measured]) -> str:
    lines = []
    for r in results:
        bits = [f"{r.screen}, {r.scenario.key}:"]
        if r.ready_ms is not None:
            bits.append(f"ready {r.ready_ms:.0f} ms;")
        if r.usage is not None:
            u = r.usage
            bits.append(f"{u.cpu_s:.2f} CPU-s in {u.seconds:.1f} s; "
                        f"{len(u.processes)} processes at the end"
                        + (f", {u.gone} ended inside the window" if u.gone else "") + ";")
        if r.load is not None:
            bits.append(f"load average {r.load[0]:.2f} → {r.load[1]:.2f};")
        if r.machine_busy is not None:
            bits.append(f"whole machine busy {_pct(r.machine_busy)} of one core "
                        f"(of {os.cpu_count()} × 100 %);")
        bits.extend(f"{note};" for note in r.notes)
        if r.error:
            bits.append("FAILED: " + r.error.replace("\n", "\n    "))
        lines.append("- " + " ".join(bits).rstrip(";"))
    return "\n".join(lines)


def markdown(results: list[Measured], args: argparse.Namespace, screens: list[str],
             loads: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    about = "\n".join(f"- {name}: {value}" for name, value in machine())
    start, end = (" / ".join(f"{v:.2f}" for v in load) for load in loads)
    parts = [
        "## Idle: CPU and wake-ups at rest (`python -m benchmarks.bench_idle`)",
        "",
        about,
        f"- load average (1 / 5 / 15 min) at the start: {start}; at the end: {end}",
        *([f"- {args.note}"] if args.note else []),
        "",
        f"Process-tree CPU over {args.seconds:.0f} s, from ready + 2 s + {args.settle:.0f} s of "
        "settling; % of one core (100 % = one core busy throughout) and CPU-seconds per "
        "minute; the ratio is to the bare map measured in the same run on the same screen. "
        "Wake-ups = voluntary + involuntary context switches a second, of the dashboard's "
        "main (GUI) thread and of every thread in the tree. Targets from issue 25 (for this "
        "2-core machine): quiet ≤ 1 %, one alert flashing ≤ 3 %, 1 change/s ≤ 5 %.",
    ]
    for screen in screens:
        parts += ["", f"### {screen}", "", table(results, screen)]
    parts += ["", "### Top consumers (% of one core over the window)", ""]
    for screen in screens:
        parts += [f"{screen}:", ""]
        parts += [consumers(r) for r in results if r.screen == screen]
        parts.append("")
    parts += [
        NOTES,
        "How: each scenario is a fresh process on a fresh demo replica (built with its "
        "clock an hour back, so no incident is new at start), with a writer refreshing only "
        f"its heartbeat every {HEARTBEAT_S:.0f} s; `alert` adds one severity III incident "
        "with its 接报 event right after ready; `feed` adds `bench_live`'s writer (one "
        "incident row updated per transaction, 1 a second); `replay` is the operator window "
        "(`benchmarks/replay_window.py` drives the product's own start-up and replay bar "
        "controller: newest drill, from 5 s before its first arrival, 1×, playing). CPU of a "
        "process counts its ended threads; a process that ended inside the window is not "
        "counted (listed under Every run). Thread names are the kernel's `comm` (15 "
        "characters); threads of one name in one process are summed (×N). Offscreen the "
        "wall's screen is the offscreen platform's default size, not 1920×1080.",
        "",
        "### Every run",
        "",
        every_run(results),
    ]
    return "\n".join(parts)


def run_screen(screen: str, display: str | None, scenarios: list[Scenario], session: Path,
               args: argparse.Namespace, dutyroom: list[str],
               report: Callable[[Measured], None]) -> list[Measured]:
    results = []
    for scenario in scenarios:
        result = measure(scenario, screen, display, session, args, dutyroom)
        report(result)
        results.append(result)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dutyroom = replicas.dutyroom_command()
    if dutyroom is None:
        sys.exit("dutyroom is not installed: run bash setup.sh setup first")
    scenarios = [s for s in SCENARIOS if s.program == "baseline" or not args.only
                 or s.key in args.only]
    screens = {"both": ["Xvfb 1920×1080", "offscreen"], "xvfb": ["Xvfb 1920×1080"],
               "offscreen": ["offscreen"]}[args.screen]
    session = Path(tempfile.mkdtemp(prefix="dutyroom-bench-idle-"))
    print(f"bench_idle: {args.seconds:.0f} s windows after {args.settle:.0f} s, "
          f"{', '.join(screens)}; output in {session}", flush=True)

    def report(result: Measured) -> None:
        print(consumers(result) if result.error is None else
              f"- {result.screen} {result.scenario.key}: FAILED: {result.error}", flush=True)

    load_start = os.getloadavg()
    results: list[Measured] = []
    for screen in screens:
        if screen.startswith("Xvfb"):
            scratch: dict[str, str] = {}
            with xvfb_display(scratch):
                results += run_screen(screen, scratch["DISPLAY"], scenarios, session, args,
                                      dutyroom, report)
        else:
            results += run_screen(screen, None, scenarios, session, args, dutyroom, report)
    text = markdown(results, args, screens, (load_start, os.getloadavg()))
    print()
    print(text)
    if not args.quick and not args.only:
        write_section("idle", text, args.output)
        print(f"written to {args.output}")
    failed = [r for r in results if r.error]
    if not failed:
        shutil.rmtree(session, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
