"""The machine a run happened on, and the results as one Markdown table."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.runner import Run

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Entry:
    """One thing measured: its runs, or why it could not be run at all."""

    key: str
    title: str
    runs: list[Run] = field(default_factory=list)
    unavailable: str | None = None

    @property
    def good(self) -> list[Run]:
        return [run for run in self.runs if run.ok]

    @property
    def failures(self) -> list[Run]:
        return [run for run in self.runs if not run.ok]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    """The checked-out commit, read from .git without running git (a worktree's too)."""
    git = ROOT / ".git"
    try:
        if git.is_file():  # a linked worktree: "gitdir: <its folder in the main .git>"
            git = (ROOT / git.read_text().strip().removeprefix("gitdir: ")).resolve()
        common = git / (git / "commondir").read_text().strip() if (git / "commondir").exists() \
            else git  # where the refs live
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        for folder in (git, common):
            if (folder / ref).exists():
                return (folder / ref).read_text().strip()[:12]
        for line in (common / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    return "unknown"


def machine() -> list[tuple[str, str]]:
    import PySide6
    from PySide6.QtCore import qVersion

    return [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("HEAD commit (uncommitted changes not shown)", _commit()),
        ("cores", str(os.cpu_count())),
        ("CPU", _cpu_model()),
        ("OS", platform.platform()),
        ("Python", sys.version.split()[0]),
        ("PySide6 / Qt", f"{PySide6.__version__} / {qVersion()}"),
    ]


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _cells(entry: Entry, baseline: Entry, value: Callable[[Run], float | None],
           unit: str, digits: int) -> list[str]:
    if entry.unavailable:  # in full under "Problems"
        return [f"not run: {entry.unavailable.splitlines()[0][:90]}", "", ""]
    values = [v for v in map(value, entry.good) if v is not None]
    if not values:
        return [f"failed ({len(entry.failures)} of {len(entry.runs)} runs)", "", ""]
    median = _median(values)
    base = _median([v for v in map(value, baseline.good) if v is not None])
    spread = f"{min(values):.{digits}f}–{max(values):.{digits}f}" if len(values) > 1 else ""
    ratio = f"{median / base:.2f}×" if median is not None and base else "n/a"
    failed = f" ({len(entry.failures)} runs failed)" if entry.failures else ""
    return [f"{median:.{digits}f} {unit}{failed}", spread, ratio]


def table(entries: Sequence[Entry]) -> str:
    baseline = entries[0]
    lines = [
        "| figure | median | range | ratio to baseline | process's own READY (median) |",
        "|---|---|---|---|---|",
    ]
    for entry in entries:
        reported = _median([r.reported_ms for r in entry.good if r.reported_ms is not None])
        own = f"{reported:.0f} ms" if reported is not None else ""
        cells = _cells(entry, baseline, lambda r: r.ready_ms, "ms", 0)
        lines.append(f"| start → ready, {entry.title} | {' | '.join(cells)} | {own} |")
    for entry in entries:
        cells = _cells(entry, baseline, lambda r: r.peak_pss_mib, "MiB", 0)
        lines.append(f"| peak PSS of process tree, {entry.title} | {' | '.join(cells)} | |")
    return "\n".join(lines)


def problems(entries: Sequence[Entry]) -> list[str]:
    found = []
    for entry in entries:
        if entry.unavailable:
            found.append(f"{entry.title}: not run: {entry.unavailable}")
        for index, run in enumerate(entry.runs, 1):
            if not run.ok:
                found.append(f"{entry.title}, run {index}: {run.error}")
            elif not run.clean_exit:
                found.append(f"{entry.title}, run {index}: did not quit cleanly on SIGTERM")
    return found


def markdown(entries: Sequence[Entry], *, settings: str, raw: str) -> str:
    about = "\n".join(f"- {name}: {value}" for name, value in machine())
    notes = problems(entries)
    problem_text = "\n".join(f"- {line}" for line in notes) if notes else "- none"
    return f"""## Start-up to ready and peak memory

Written by `python -m benchmarks` (see `benchmarks/__main__.py`); {settings}.

{about}

{table(entries)}

How: each figure is the median over runs, each run a fresh process. Start → ready
is timed by the harness from just before the process starts until its ready file
holds a figure (polled every 10 ms), so interpreter start-up and imports count;
the process's own `READY` figure (ms since process start, 10 ms resolution) is
beside it. Peak PSS sums `/proc/PID/smaps_rollup` over the process and all its
descendants (the QtWebEngineProcess helpers), sampled every 100 ms until ready
+ 2 s. The baseline is a bare QWebEngineView with an empty Leaflet map from
local files (`benchmarks/bare_leaflet.py`), measured in the same run; ratios
are to it. One untimed warm-up run of each entry comes first.

### Problems

{problem_text}

### Every run

{raw}
"""
