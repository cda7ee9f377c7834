"""How to start this program again as a child process, frozen or not."""

from __future__ import annotations

import sys


def dutyroom_argv(*args: str) -> list[str]:
    """``dutyroom ARGS``: the frozen binary itself, else this interpreter with ``-m desktop``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "desktop", *args]
