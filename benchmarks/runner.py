"""Start one process, wait for its ready file, sample its memory, end it.

Timed from just before the process is started to the moment its ready file
holds a figure (polled every 10 ms), so interpreter start-up and imports count
the same way for the baseline and the app. The process's own figure (``READY
<ms since process start>``) is kept beside it as a cross-check.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.procmem import tree_pss_mib

POLL_S = 0.01
SAMPLE_S = 0.1  # memory sampling period
SETTLE_S = 2.0  # memory is sampled until ready + this
STOP_S = 15.0  # grace after SIGTERM before SIGKILL


@dataclass(frozen=True)
class Run:
    ready_ms: float | None = None  # measured here: process start -> ready file written
    reported_ms: int | None = None  # the process's own READY figure
    peak_pss_mib: float | None = None
    clean_exit: bool = True  # quit by itself within STOP_S of SIGTERM, with status 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _read_ready(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):  # not there yet, or half written
        return None


def _stop(process: subprocess.Popen[bytes]) -> bool:
    """SIGTERM the process (its group, so no WebEngine helper is left); True if it quit cleanly."""
    if process.poll() is not None:
        return process.returncode == 0
    os.killpg(process.pid, signal.SIGTERM)
    try:
        status = process.wait(STOP_S)
    except subprocess.TimeoutExpired:
        status = None
    with contextlib.suppress(ProcessLookupError):  # helpers of a process that did not clean up
        os.killpg(process.pid, signal.SIGKILL)
    if status is None:
        process.wait()
    return status == 0


def _tail(log: Path, lines: int = 15) -> str:
    text = log.read_text(errors="replace").strip().splitlines()
    return "\n".join("    " + line for line in text[-lines:])


def run_until_ready(
    command: list[str], env: dict[str, str], work: Path, *, timeout_s: float,
    while_ready: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> Run:
    """Run ``command`` (which gets ``--ready-file``) until ready + SETTLE_S, then end it.

    ``while_ready``, if given, is called with the process after that (memory is no longer
    sampled then) and the process is ended when it returns or raises."""
    ready_file = work / "ready"
    log = work / "output.log"
    ready_file.unlink(missing_ok=True)
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--ready-file", str(ready_file)], env=env, stdin=subprocess.DEVNULL,
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    peak, next_sample = 0.0, started
    ready_at: float | None = None
    reported: int | None = None
    error: str | None = None
    try:
        while True:
            now = time.perf_counter()
            if now >= next_sample:
                peak = max(peak, tree_pss_mib(process.pid))
                next_sample += SAMPLE_S
            if ready_at is None:
                reported = _read_ready(ready_file)
                if reported is not None:
                    ready_at = time.perf_counter()
            elif now - ready_at >= SETTLE_S:
                break
            if process.poll() is not None:
                error = f"exited with status {process.returncode} before it was done"
                break
            if now - started > timeout_s:
                error = f"not ready within {timeout_s:.0f} s"
                break
            time.sleep(POLL_S)
        if error is None and while_ready is not None:
            while_ready(process)
    finally:
        clean = _stop(process)
    if error is not None:
        return Run(error=f"{error}; last output ({log}):\n{_tail(log)}")
    assert ready_at is not None
    return Run(
        ready_ms=(ready_at - started) * 1000, reported_ms=reported, peak_pss_mib=peak,
        clean_exit=clean,
    )
