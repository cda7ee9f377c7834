"""Who may read the files we create: the owner only, except the replica its readers' group.

The workstation store and its backups hold who signed in, what was revealed
and the duty log; logs and exports can hold personal data. They are created
owner-only (0600 files in 0700 folders). A replica we create is 0640 in a 0750
folder, so that a dashboard account in the writer's group can read it
(ARCHITECTURE, "Accounts"). Modes are set explicitly, whatever the umask;
folders that already exist are left as their owner set them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
REPLICA_FILE = 0o640
REPLICA_DIR = 0o750
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_dirs(folder: Path, mode: int = PRIVATE_DIR) -> Path:
    """Create ``folder`` and its missing parents with ``mode``; existing ones are untouched."""
    folder = Path(folder)
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs
        os.chmod(candidate, mode)  # mkdir's mode is narrowed by the umask
    return folder


def create_file(path: Path, mode: int = PRIVATE_FILE, *, folder_mode: int = PRIVATE_DIR) -> Path:
    """Make ``path`` exist with exactly ``mode`` before a library opens it (SQLite gives its
    -wal and -shm files the database's mode; QPdfWriter keeps the file's); an existing
    file is set to ``mode`` too, and so are SQLite's side files beside it."""
    path = Path(path)
    make_dirs(path.parent, folder_mode)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, mode)
    try:
        os.fchmod(descriptor, mode)
    finally:
        os.close(descriptor)
    for suffix in SQLITE_SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.chmod(side, mode)
    return path


def write_file(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> Path:
    """Write ``data`` to ``path`` (replacing what was there), the file created with ``mode``."""
    path = Path(path)
    make_dirs(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "wb", closefd=False) as handle:
            handle.write(data)
    finally:
        os.close(descriptor)
    return path


def opener(mode: int = PRIVATE_FILE) -> Callable[[str, int], int]:
    """An ``opener`` for ``open()``: the file is created with ``mode`` (logs)."""

    def open_with_mode(path: str, flags: int) -> int:
        descriptor = os.open(path, flags, mode)
        os.fchmod(descriptor, mode)
        return descriptor

    return open_with_mode
