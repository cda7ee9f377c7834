"""Guard against the PySide6 build that crashes Python 3.11 (see the pin in pyproject.toml).

PySide6 6.12.0 drops one reference to ``None`` on every Qt call that returns
nothing; after ~50,000 such calls Python aborts with "none_dealloc" (a 10 Hz
chart died after ~6 s). Python >= 3.12 hides it: ``None`` is immortal there.
No QApplication is needed: QTimer and QObject work without one.
"""

from __future__ import annotations

import ctypes
import sys
import tomllib
from pathlib import Path

import PySide6
from PySide6.QtCore import QObject, QTimer

CALLS = 1_000
# Other threads and the garbage collector may move None's count a little.
TOLERANCE = 20


def _repay_none(references: int) -> None:
    """Give back references a leaky build took, so this test fails instead of Python aborting."""
    for _ in range(references):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def test_void_qt_calls_keep_references_to_none() -> None:
    timer = QTimer()
    item = QObject()
    before = sys.getrefcount(None)
    for index in range(CALLS):
        timer.setInterval(index)  # each of these returns nothing
        item.setObjectName("guard")
    change = sys.getrefcount(None) - before
    if change < 0:
        _repay_none(-change)
    assert abs(change) <= TOLERANCE, (
        f"{CALLS} void calls on each of two Qt methods changed None's reference count by "
        f"{change}: this PySide6 ({PySide6.__version__}) leaks None and will crash a "
        "long-running dashboard with 'Fatal Python error: none_dealloc'"
    )


def test_pyside_is_not_the_build_that_crashes_python_311() -> None:
    crashes = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)
    assert not crashes, (
        "PySide6 6.12.0 drops a reference to None on every void Qt call and aborts "
        "Python < 3.12 after ~50,000 calls; install the version pinned in pyproject.toml"
    )


def test_installed_pyside_is_the_pinned_one() -> None:
    """A venv left on another PySide6 than pyproject.toml pins runs untested Qt."""
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [d.split("==", 1)[1].strip() for d in dependencies if d.startswith("PySide6==")]
    assert pins, "pyproject.toml should pin PySide6 with == (see the comment there)"
    assert PySide6.__version__ == pins[0], (
        f"PySide6 {PySide6.__version__} is installed but pyproject.toml pins {pins[0]}: "
        "run bash setup.sh setup"
    )
