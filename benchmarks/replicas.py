"""Demo replicas for the benchmarks, built once with ``dutyroom replica init`` and reused.

A cached file is named after a hash of the code that writes replicas, so a
schema or demo change builds a new one instead of timing a stale file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITER_CODE = ("desktop/models", "desktop/replica_commands.py")
SEED = 7


def dutyroom_command() -> list[str] | None:
    """The console script of the interpreter running us, else one on PATH; None if missing."""
    beside = Path(sys.executable).with_name("dutyroom")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dutyroom")
    return [found] if found else None


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "street-duty-room" / "benchmarks"


def _writer_hash() -> str:
    digest = hashlib.sha256()
    for name in WRITER_CODE:
        target = ROOT / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            if path.exists():
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def demo_replica(scale: int, *, dutyroom: list[str], env: dict[str, str],
                 timeout_s: float, rebuild: bool = False) -> Path:
    """Path of a demo replica of ``scale`` streets; raises RuntimeError when it cannot be built."""
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"demo-scale{scale}-seed{SEED}-"
    target = folder / f"{stem}{_writer_hash()}.db"
    if target.exists() and not rebuild:
        return target
    for old in folder.glob(f"{stem}*"):
        old.unlink()
    partial = folder / f"building-{target.name}"
    command = [*dutyroom, "replica", "init", "--demo", "--scale", str(scale),
               "--seed", str(SEED), "--force", str(partial)]
    print(f"  building a demo replica of scale {scale} (once; kept in {folder}) ...", flush=True)
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=timeout_s, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as timeout:
        raise RuntimeError(f"replica init --scale {scale} took over {timeout_s:.0f} s:\n"
                           f"`{' '.join(command)}`") from timeout
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        last = output.splitlines()[-1] if output else "no output"
        raise RuntimeError(f"replica init --scale {scale} failed ({result.returncode}): {last}\n"
                           f"`{' '.join(command)}` said:\n{output[-2000:]}")
    # Everything into the main file (an emptied WAL is left), so that one file moves.
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(target)
    return target
