"""CPU time and wake-ups of a process tree as the kernel accounts them (Linux /proc).

``sample(root)`` reads utime+stime of ``root`` and every process below it (each
process's own ``/proc/PID/stat``, which counts its ended threads too) and of each
of their threads (``/proc/PID/task/TID/stat``, named by ``comm``), with each
thread's voluntary + involuntary context switches; ``usage(before, after)`` is the
difference over a window. A process or thread that started inside the window
counts from zero; one that ended inside it is lost (counted in ``gone``). Keys carry
the start time, so a reused pid is not mistaken for the old one.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.procmem import PROC, process_tree

TICKS = os.sysconf("SC_CLK_TCK")
ZYGOTE = " --type=zygote"


@dataclass(frozen=True)
class TaskTimes:
    """One process (``tid == pid``: its own stat, all threads) or one of its threads."""

    pid: int
    tid: int
    started: int  # start time in clock ticks after boot: tells a reused id apart
    process: str  # name of the process it belongs to
    name: str  # the thread's comm (the process's, for a process)
    ticks: int  # utime + stime
    switches: int = 0  # voluntary + involuntary context switches (threads only)


@dataclass(frozen=True)
class Sample:
    root: int
    at: float  # time.monotonic()
    processes: dict[tuple[int, int], TaskTimes] = field(default_factory=dict)
    threads: dict[tuple[int, int, int], TaskTimes] = field(default_factory=dict)


def _stat(path: Path) -> tuple[str, list[str]] | None:
    """(comm, the fields after it: state first) or None if it has gone."""
    try:
        text = path.read_text()
    except OSError:
        return None
    # The command name may hold spaces and parentheses: split at the first '(' and last ')'.
    head, _, tail = text.rpartition(")")
    return head.partition("(")[2], tail.split()


def _ticks(fields: list[str]) -> int:
    return int(fields[11]) + int(fields[12])  # utime, stime (stat fields 14 and 15)


def _switches(path: Path) -> int:
    total = 0
    try:
        for line in path.read_text().splitlines():
            if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                total += int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return total


def process_name(pid: int, comm: str) -> str:
    """The comm, or for a Chromium helper the program and its ``--type`` (renderer, gpu-process,
    zygote, utility): comm alone would be the truncated ``QtWebEngineProc`` for all of them."""
    try:
        argv = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return comm
    kind = next((a[7:].decode(errors="replace") for a in argv if a.startswith(b"--type=")), None)
    program = os.path.basename(argv[0].decode(errors="replace")) if argv and argv[0] else comm
    if kind is None:
        return comm
    return f"{program} --type={kind}"


def sample(root: int) -> Sample:
    result = Sample(root, time.monotonic())
    found: dict[int, tuple[str, list[str]]] = {}
    for pid in process_tree(root):
        stat = _stat(PROC / str(pid) / "stat")
        if stat is not None:
            found[pid] = (process_name(pid, stat[0]), stat[1])
    for pid, (name, fields) in found.items():
        parent = found.get(int(fields[1]))
        if name.endswith(ZYGOTE) and parent is not None and parent[0].endswith(ZYGOTE):
            # Chromium's zygote forks the renderers, which keep its command line.
            name = name.removesuffix(ZYGOTE) + " (forked by the zygote: a renderer)"
        started = int(fields[19])
        result.processes[(pid, started)] = TaskTimes(pid, pid, started, name, name,
                                                     _ticks(fields))
        try:
            tids = [int(t) for t in os.listdir(PROC / str(pid) / "task")]
        except OSError:
            continue
        for tid in tids:
            task = PROC / str(pid) / "task" / str(tid)
            thread = _stat(task / "stat")
            if thread is None:
                continue
            thread_comm, thread_fields = thread
            result.threads[(pid, tid, int(thread_fields[19]))] = TaskTimes(
                pid, tid, int(thread_fields[19]), name, thread_comm, _ticks(thread_fields),
                _switches(task / "status"))
    return result


@dataclass(frozen=True)
class Consumer:
    """CPU of one process, or of a process's threads of one name (``count`` of them)."""

    process: str
    name: str
    count: int
    cpu_s: float


@dataclass(frozen=True)
class Usage:
    seconds: float  # the window, wall-clock
    cpu_s: float  # the whole tree
    main_switches: int  # the root's main (GUI) thread
    tree_switches: int  # every thread of the tree
    processes: list[Consumer]  # most CPU first
    threads: list[Consumer]  # by (process, thread name), most CPU first
    gone: int  # processes alive at the start that ended inside the window

    @property
    def core_share(self) -> float:
        """Share of one core over the window (1.0 = one core busy all the time)."""
        return self.cpu_s / self.seconds if self.seconds > 0 else float("nan")

    @property
    def per_minute(self) -> float:
        """CPU-seconds a minute."""
        return self.core_share * 60

    @property
    def main_wakeups(self) -> float:
        """Context switches of the GUI thread a second."""
        return self.main_switches / self.seconds if self.seconds > 0 else float("nan")

    @property
    def tree_wakeups(self) -> float:
        return self.tree_switches / self.seconds if self.seconds > 0 else float("nan")


def _delta(before: Mapping[Any, TaskTimes], after: Mapping[Any, TaskTimes],
           ) -> list[tuple[TaskTimes, int, int]]:
    """(task at the end, ticks in the window, switches in the window) for tasks alive at the end."""
    rows = []
    for key, end in after.items():
        start = before.get(key)
        ticks = end.ticks - (start.ticks if start else 0)
        switches = end.switches - (start.switches if start else 0)
        rows.append((end, max(ticks, 0), max(switches, 0)))
    return rows


def usage(before: Sample, after: Sample) -> Usage:
    processes = _delta(before.processes, after.processes)
    threads = _delta(before.threads, after.threads)
    by_process = sorted((Consumer(t.process, t.name, 1, ticks / TICKS)
                         for t, ticks, _s in processes), key=lambda c: -c.cpu_s)
    grouped: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    main_switches = 0
    for task, ticks, switches in threads:
        main = task.pid == before.root and task.tid == task.pid
        name = f"{task.name} (main thread)" if main else task.name
        if main:
            main_switches = switches
        group = grouped[(task.process, name)]
        group[0] += 1
        group[1] += ticks
    by_thread = sorted((Consumer(process, name, count, ticks / TICKS)
                        for (process, name), (count, ticks) in grouped.items()),
                       key=lambda c: -c.cpu_s)
    return Usage(
        seconds=after.at - before.at,
        cpu_s=sum(ticks for _t, ticks, _s in processes) / TICKS,
        main_switches=main_switches,
        tree_switches=sum(switches for _t, _ticks, switches in threads),
        processes=by_process,
        threads=by_thread,
        gone=len(set(before.processes) - set(after.processes)),
    )
