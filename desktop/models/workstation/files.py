"""Plain-sqlite3 helpers for the store file: URIs and the health check.

Kept apart from the SQLAlchemy side so backups and recovery can check files
that are not (yet) the live store.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sqlite_uri(path: Path, mode: str) -> str:
    return f"file:{path}?mode={mode}"


def health_problem(path: Path) -> str:
    """Empty when ``path`` is a usable workstation store; otherwise what is wrong, in words."""
    if not path.exists():
        return f"workstation store missing: {path}"
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=5)
    except sqlite3.Error as error:
        return f"workstation store cannot be opened ({error})"
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        return f"workstation store damaged ({error})"
    finally:
        connection.close()
    if [tuple(row) for row in result] != [("ok",)]:
        return f"workstation store damaged ({'; '.join(str(r[0]) for r in result[:3])})"
    if not version:
        return "workstation store is empty (no schema)"
    return ""
