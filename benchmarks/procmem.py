"""Memory of a process tree as the kernel accounts it: the sum of PSS (Linux /proc)."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

PROC = Path("/proc")


def _parents() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            stat = (PROC / entry.name / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
        fields = stat.rsplit(")", 1)[1].split()
        children[int(fields[1])].append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it (QtWebEngineProcess, its zygote and renderers)."""
    children = _parents()
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, ()))
    return tree


def pss_kib(pid: int) -> int:
    """Proportional set size of one process, 0 once it has gone."""
    try:
        with open(PROC / str(pid) / "smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_mib(root: int) -> float:
    return sum(pss_kib(pid) for pid in process_tree(root)) / 1024
